import * as core from '@actions/core'
import { stopOnSignals } from '../lib/cancel.ts'
import { failStep } from './log.ts'

/** What an action's work is given to be cancelled by the runner. */
export interface Step {
  /** Aborted when the runner cancels the job; the library call takes it as `signal`. */
  readonly signal: AbortSignal
  /**
   * What a cancel would leave unfinished, set by the work, for the failure it reports then:
   * "cancelled by SIGINT: <unfinished>". A function: asked only once the work has settled.
   */
  unfinished: () => string
}

/**
 * Runs an action's work as one step the runner can cancel. A cancelled job gets SIGINT, then
 * SIGTERM after a grace period if the process is still there (and SIGTERM alone when the runner
 * itself is stopped): either one aborts the work, which cleans up as on any failure; the step
 * then fails with one line saying what was left unfinished, and the process exits 130 or 143.
 * A second signal during that cleanup exits at once. Any other failure fails the step as usual.
 */
export async function runStep(work: (step: Step) => Promise<void>): Promise<void> {
  const stop = stopOnSignals((exitCode, first) => {
    core.setFailed(`${line(first)}; cleanup cut short by a second signal`)
    process.exit(exitCode)
  })
  const step: Step = { signal: stop.signal, unfinished: () => 'the step not finished' }
  const line = (first: string) => `cancelled by ${first}: ${step.unfinished()}`
  try {
    await work(step)
  } catch (error) {
    if (stop.received === undefined || stop.exitCode === undefined) {
      failStep(error)
      return
    }
    const exitCode = stop.exitCode
    core.setFailed(line(stop.received))
    process.exitCode = exitCode
    // Whatever the cut-off work left running (a socket, a timer) must not keep the job waiting.
    setTimeout(() => process.exit(exitCode), 2000).unref()
  } finally {
    stop.dispose()
  }
}
