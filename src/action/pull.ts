import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { formatBytes } from '../lib/format.ts'
import { pull, type PullResult } from '../lib/pull.ts'
import { getPullInputs, PullOutput } from './inputs.ts'
import { actionsLogger } from './log.ts'
import { runStep } from './step.ts'
import { keepYoungGenerationSmall } from '../lib/v8-flags.ts'

/**
 * The pull action: inputs → library → outputs and job summary; failures fail the step, and a
 * cancelled job stops the pull with the output path left as it was.
 */
export function run(): Promise<void> {
  keepYoungGenerationSmall()
  return runStep('pull', async (step) => {
    const inputs = getPullInputs()
    step.attempted = `pull of ${inputs.image} to ${inputs.output} (${inputs.format})`
    const existed = existsSync(inputs.output)
    step.unfinished = () =>
      `pull of ${inputs.image} to ${inputs.output} not finished; ${existed ? `${inputs.output} left as it was` : `${inputs.output} not written`}`
    const result = await pull({
      ...inputs,
      logger: actionsLogger,
      signal: step.signal,
    })
    core.setOutput(PullOutput.digest, result.digest)
    core.setOutput(PullOutput.platform, result.platform ?? '')
    core.setOutput(PullOutput.path, result.path)
    core.setOutput(PullOutput.metadata, JSON.stringify(result))
    await writeSummary(result)
  })
}

async function writeSummary(result: PullResult): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  await core.summary
    .addHeading('tar-push pull', 3)
    .addTable([
      ['Image', 'Digest', 'Platform', 'Format', 'Layers', 'Downloaded', 'Seconds'].map((data) => ({
        data,
        header: true,
      })),
      [
        result.reference,
        `<code>${result.digest}</code>`,
        result.platform ?? '',
        `${result.format} → ${result.path}`,
        String(result.layers.length),
        formatBytes(result.bytesDownloaded),
        result.seconds.toFixed(1),
      ].map((data) => ({ data })),
    ])
    .write()
}
