import * as core from '@actions/core'
import { stopOnCrash, stopOnSignals, stoppedBy } from '../lib/cancel.ts'
import { describeUnexpected } from '../lib/errors.ts'
import { failStep, failureOf, type Failure } from './log.ts'

/** What an action's work is given to be cancelled by the runner. */
export interface Step {
  /** Aborted when the runner cancels the job; the library call takes it as `signal`. */
  readonly signal: AbortSignal
  /**
   * What a cancel would leave unfinished, set by the work, for the failure it reports then:
   * "cancelled by SIGINT: <unfinished>". A function: asked only once the work has settled.
   */
  unfinished: () => string
  /**
   * What the step is doing, for the job summary of a failure: "push of app.tar to
   * ghcr.io/org/app". Until the work sets it: reading the action's inputs.
   */
  attempted: string
}

/**
 * Runs an action's work as one step the runner can cancel. A cancelled job gets SIGINT, then
 * SIGTERM after a grace period if the process is still there (and SIGTERM alone when the runner
 * itself is stopped): either one aborts the work, which cleans up as on any failure; the step
 * then fails with one line saying what was left unfinished, and the process exits 130 or 143.
 * A second signal during that cleanup exits at once. Any other failure fails the step as usual.
 * Either way the job summary says what was attempted, the error and the hint.
 */
export async function runStep(action: string, work: (step: Step) => Promise<void>): Promise<void> {
  const stop = stopOnSignals((exitCode, first) => {
    core.setFailed(`${line(first)}; cleanup cut short by a second signal`)
    process.exit(exitCode)
  })
  const crash = stopOnCrash((error) => core.error(describeUnexpected(error)))
  const step: Step = {
    signal: AbortSignal.any([stop.signal, crash.signal]),
    unfinished: () => 'the step not finished',
    attempted: `reading the inputs of the ${action} action`,
  }
  const line = (first: string) => `cancelled by ${first}: ${step.unfinished()}`
  try {
    await work(step)
    // Done all the same: the error is reported, and the step fails.
    if (crash.crashed) core.setFailed(`unexpected error after ${step.attempted}`)
  } catch (error) {
    const stopped = stoppedBy(stop, crash)
    if (!stopped) {
      failStep(error)
      await summarizeFailure(action, step.attempted, failureOf(error))
      return
    }
    const { first, exitCode } = stopped
    const cancelled = line(first)
    core.setFailed(cancelled)
    process.exitCode = exitCode
    // Whatever the cut-off work left running (a socket, a timer) must not keep the job waiting.
    setTimeout(() => process.exit(exitCode), 2000).unref()
    await summarizeFailure(action, step.attempted, { error: cancelled, hint: undefined })
  } finally {
    stop.dispose()
    crash.dispose()
  }
}

/** The job summary of a failed step (GITHUB_STEP_SUMMARY): attempted, error, hint. */
async function summarizeFailure(action: string, attempted: string, failure: Failure) {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const row = (name: string, text: string) => [{ data: name, header: true }, { data: html(text) }]
  try {
    await core.summary
      .addHeading(`tar-push ${action} failed`, 3)
      .addTable([
        row('Attempted', attempted),
        row('Error', failure.error),
        ...(failure.hint ? [row('Hint', failure.hint)] : []),
      ])
      .write()
  } catch (error) {
    core.summary.emptyBuffer()
    core.warning(`could not write the job summary: ${(error as Error).message}`)
  }
}

/** Text for an HTML cell: escaped, `code` spans kept as code, line breaks kept. */
const html = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>')
