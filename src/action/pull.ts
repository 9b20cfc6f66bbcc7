import * as core from '@actions/core'
import { formatBytes } from '../lib/format.ts'
import { pull, type PullResult } from '../lib/pull.ts'
import { getPullInputs, PullOutput } from './inputs.ts'
import { actionsLogger, failStep } from './log.ts'

/** The pull action: inputs → library → outputs and job summary; failures fail the step. */
export async function run(): Promise<void> {
  try {
    const inputs = getPullInputs()
    const result = await pull({
      ...inputs,
      logger: actionsLogger,
    })
    core.setOutput(PullOutput.digest, result.digest)
    core.setOutput(PullOutput.platform, result.platform ?? '')
    core.setOutput(PullOutput.path, result.path)
    core.setOutput(PullOutput.metadata, JSON.stringify(result))
    await writeSummary(result)
  } catch (error) {
    failStep(error)
  }
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
