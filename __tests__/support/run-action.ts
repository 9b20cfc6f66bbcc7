import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startNode, type RunningChild } from './child.ts'
import { runNode } from './run-node.ts'

/** What the runner gives a step: a private RUNNER_TEMP and HOME, output and summary files, INPUT_*. */
async function runnerEnvironment(inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv) {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...extraEnv,
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return { dir, outputFile, summaryFile, env }
}

/** Runs an action bundle as the runner does: INPUT_* variables, GITHUB_OUTPUT and summary files. */
export async function runAction(
  bundle: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const { dir, outputFile, summaryFile, env } = await runnerEnvironment(inputs, extraEnv)
  const run = await runNode(bundle, [], { env })
  return {
    ...run,
    dir,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  }
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (let match = pattern.exec(text); match; match = pattern.exec(text))
    outputs[match[1]!] = match[3]!
  return outputs
}

/**
 * Starts an action bundle as the runner does (as runAction) and returns at once, so that the
 * test can cancel it as the runner does: SIGINT, then SIGTERM. `dir` is its RUNNER_TEMP, which
 * holds the output and summary files.
 */
export async function startAction(
  bundle: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunningChild & { dir: string }> {
  const { dir, env } = await runnerEnvironment(inputs, extraEnv)
  const child = startNode(bundle, [], { env })
  return Object.assign(child, { dir })
}

/**
 * The workflow commands of one kind (`error`, `warning`) an action printed, as the runner reads
 * them: one per line starting `::error::` (or `::error file=…::`), its text after the `::`.
 */
export function annotations(stdout: string, kind: 'error' | 'warning' | 'notice'): string[] {
  const pattern = new RegExp(`^::${kind}(?: [^:]*)?::(.*)$`)
  return stdout.split('\n').flatMap((line) => {
    const match = pattern.exec(line)
    return match ? [match[1]!] : []
  })
}
