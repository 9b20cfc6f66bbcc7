import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { resultJson, writeBenchFile } from '../lib/loadtest/output.ts'
import { allFailed, formatProgress, stopFailure } from '../lib/loadtest/report.ts'
import { runBench } from '../lib/loadtest/run.ts'
import { cancelledError } from '../lib/cancel.ts'
import { report } from './bench-report.ts'
import { BenchOutput, getBenchInputs } from './inputs.ts'
import { actionsLogger } from './log.ts'
import { runStep } from './step.ts'
import { temporaryDirectory } from '../lib/paths.ts'

/** A file name of its own per job, so artifacts of a matrix download into one directory. */
function defaultResultPath(): string {
  const job = (process.env['GITHUB_JOB'] || 'bench').replace(/[^\w.-]/g, '_')
  const unique = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
  return join(temporaryDirectory(), 'tar-push-bench', `${job}-${unique}.json`)
}

/**
 * The bench action: inputs → load test → result file, outputs and job summary. A cancelled job
 * stops the load test; what was measured until then is still written and reported. So does the
 * first authentication failure, which then fails the step with that error.
 */
export function run(): Promise<void> {
  return runStep('bench', async (step) => {
    const { result: resultInput, jtl: jtlInput, ...inputs } = getBenchInputs()
    step.attempted = `load test (${inputs.scenario}) of ${inputs.registry}`
    const { username, password, insecure, caFile, retries, timeoutSeconds } = inputs
    const resultPath = resultInput ?? defaultResultPath()
    const jtl = jtlInput === true ? resultPath.replace(/(\.json)?$/, '.jtl') : jtlInput
    if (jtl) await writeBenchFile('input jtl', jtl, '')
    step.unfinished = () =>
      `load test of ${inputs.registry} stopped before its measured run; nothing to report`
    let lastLog = 0
    const result = await runBench({
      ...inputs,
      jtl,
      connect: { username, password, insecure, caFile, retries, timeoutSeconds },
      logger: actionsLogger,
      onProgress: (progress) => {
        if (progress.elapsedSeconds - lastLog < 10) return
        lastLog = progress.elapsedSeconds
        core.info(formatProgress(progress))
      },
      signal: step.signal,
    })
    await writeBenchFile('input result', resultPath, resultJson(result))
    await report(result, { [BenchOutput.result]: resultPath, [BenchOutput.jtl]: jtl ?? '' })
    if (result.stopReason === 'interrupted') {
      step.unfinished = () =>
        `load test of ${inputs.registry} stopped after ${result.seconds} s; what was measured is in ${resultPath}`
      throw cancelledError(step.signal)
    }
    // The first authentication failure ended the run: reported above, then the step fails on it.
    const stopped = stopFailure(result)
    if (stopped) throw stopped
    const failure = allFailed(result)
    if (failure) core.setFailed(failure)
  })
}
