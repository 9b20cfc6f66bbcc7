/**
 * Child processes for the benchmark: every one is awaited with a timeout, killed with its whole
 * process group when the timeout hits, and killed too if the benchmark itself exits early.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'

export interface Completed {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Wall-clock seconds from spawn to exit. */
  seconds: number
  timedOut: boolean
}

export interface RunOptions {
  timeoutMs: number
  env?: NodeJS.ProcessEnv
  cwd?: string
}

/** What GNU time reports for one measured process. */
export interface Usage {
  seconds: number
  userSeconds: number
  systemSeconds: number
  /** Peak resident set size, as GNU time's %M reports it. */
  maxRssKiB: number
}

export const GNU_TIME = '/usr/bin/time'
const OUTPUT_TAIL_CHARS = 64 * 1024
const KILL_GRACE_MS = 3_000

const liveChildren = new Set<ChildProcess>()
const dirsToRemove = new Set<string>()

/**
 * Kills every child still running (its process group) and removes the temp dirs when the
 * benchmark exits in any way, Ctrl-C included; the normal path cleans up in its finally blocks.
 */
export function cleanUpOnExit(): void {
  process.on('exit', () => {
    for (const child of liveChildren) killGroup(child, 'SIGKILL')
    for (const dir of dirsToRemove) rmSync(dir, { recursive: true, force: true })
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping children\n`)
      process.exit(130)
    })
  }
}

/** Registers a temp dir for removal at exit; `forget` it once removed normally. */
export function removeAtExit(dir: string): { forget(): void } {
  dirsToRemove.add(dir)
  return { forget: () => dirsToRemove.delete(dir) }
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal) // detached: the child leads its own process group
  } catch {
    // already gone
  }
}

/** Starts a long-running child (a registry); the caller must stop it with `stopChild`. */
export function startChild(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; logFile: number },
): ChildProcess {
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    stdio: ['ignore', options.logFile, options.logFile],
    detached: true,
  })
  track(child)
  return child
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the child has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  killGroup(child, 'SIGTERM')
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS)
  await exited
  clearTimeout(timer)
}

function track(child: ChildProcess): void {
  liveChildren.add(child)
  child.once('exit', () => liveChildren.delete(child))
  child.once('error', () => liveChildren.delete(child))
}

/** Runs a command to completion (or timeout) and collects the tail of its output. */
export function run(command: string, args: string[], options: RunOptions): Promise<Completed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    track(child)
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout?.on('data', (chunk: Buffer) => (stdout = keepTail(stdout + chunk.toString())))
    child.stderr?.on('data', (chunk: Buffer) => (stderr = keepTail(stderr + chunk.toString())))
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, options.timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      resolve({ code, signal, stdout, stderr, seconds, timedOut })
    })
  })
}

/** Like `run`, but throws with the output's tail unless the command exits 0. */
export async function runChecked(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<Completed> {
  const completed = await run(command, args, options)
  if (completed.code !== 0) throw new Error(describeFailure(command, args, completed))
  return completed
}

/** Runs a command under GNU time to get its CPU time and peak RSS along with its wall time. */
export async function runMeasured(
  command: string,
  args: string[],
  options: RunOptions & { usageFile: string },
): Promise<{ completed: Completed; usage?: Usage }> {
  await rm(options.usageFile, { force: true })
  const completed = await run(
    GNU_TIME,
    ['-f', '%U %S %M', '-o', options.usageFile, '--', command, ...args],
    options,
  )
  const usage = await readUsage(options.usageFile, completed.seconds)
  return { completed, usage }
}

async function readUsage(file: string, seconds: number): Promise<Usage | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '')
  // GNU time writes "Command exited with non-zero status N" first when the command fails.
  const last = text.trim().split('\n').at(-1) ?? ''
  const [user, system, maxRssKiB] = last.split(' ').map(Number)
  if (![user, system, maxRssKiB].every(Number.isFinite)) return undefined
  return { seconds, userSeconds: user, systemSeconds: system, maxRssKiB }
}

export function describeFailure(command: string, args: string[], completed: Completed): string {
  const how = completed.timedOut
    ? 'timed out'
    : `exited with ${completed.code ?? completed.signal ?? 'unknown status'}`
  const output = `${completed.stderr}\n${completed.stdout}`.trim().slice(-2_000)
  return `${command} ${args.join(' ')} ${how}${output ? `:\n${output}` : ''}`
}

function keepTail(text: string): string {
  return text.length > OUTPUT_TAIL_CHARS ? text.slice(-OUTPUT_TAIL_CHARS) : text
}
