/**
 * Cancellation: one AbortSignal from the entry point (SIGINT or SIGTERM in the CLI, the runner's
 * cancel in the action, or an unexpected error in either) reaches every request, stream and
 * worker. Library code checks it between steps with throwIfAborted and turns a failure it
 * caused into cancelledError, so a stop is reported as CANCELLED and never retried; the work's
 * `finally` blocks clean up as on any error.
 */
import { constants } from 'node:os'
import { EXIT_FAULT, TarPushError } from './errors.ts'

/** The signals that stop the work: Ctrl-C, and what `kill`, systemd and CI runners send. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const
/**
 * SIGPIPE stands for a standard output or error whose reader went away (`tar-push … | head`):
 * Node ignores the signal itself and fails the write with EPIPE instead.
 */
export type StopSignal = (typeof STOP_SIGNALS)[number] | 'SIGPIPE'

/** A process stopped by a signal exits with 128 + its number, as shells report it (130, 143). */
export const exitCodeOfSignal = (name: StopSignal): number => 128 + constants.signals[name]

/**
 * The error for work stopped through `signal`. The reason the signal was aborted with is kept
 * when it already is a CANCELLED error (stopOnSignals aborts with one naming the signal);
 * `what` names the step that was stopped, for errors raised between steps.
 */
export function cancelledError(signal: AbortSignal | undefined, what?: string): TarPushError {
  const reason: unknown = signal?.reason
  if (reason instanceof TarPushError && reason.code === 'CANCELLED' && what === undefined)
    return reason
  const why =
    reason instanceof TarPushError && reason.code === 'CANCELLED'
      ? reason.message
      : reason instanceof Error && reason.name !== 'AbortError'
        ? `cancelled: ${reason.message}`
        : typeof reason === 'string' && reason !== ''
          ? `cancelled: ${reason}`
          : 'cancelled'
  return new TarPushError('CANCELLED', what ? `${what}: ${why}` : why, {
    ...(what ? { subject: what } : {}),
    hint: 'the work was stopped on request before it finished; run it again to complete it',
    cause: reason,
  })
}

/** Between steps: stop here, with CANCELLED, once the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, what?: string): void {
  if (signal?.aborted) throw cancelledError(signal, what)
}

export const isCancelled = (error: unknown): error is TarPushError =>
  error instanceof TarPushError && error.code === 'CANCELLED'

/** What an entry point holds while its work runs: the signal to pass on, and what stopped it. */
export interface SignalStop {
  /** Aborted by the first SIGINT or SIGTERM, with a CANCELLED error naming it as the reason. */
  readonly signal: AbortSignal
  /** The first stop signal received, if any. */
  readonly received: StopSignal | undefined
  /** 130 after SIGINT, 143 after SIGTERM, 141 once the output was closed; undefined before. */
  readonly exitCode: number | undefined
  /** Stops listening (the process's default handling comes back). */
  dispose(): void
}

/**
 * Turns SIGINT and SIGTERM, and a standard output or error whose reader went away (EPIPE, told
 * as SIGPIPE), into one aborted signal, so the work stops where it is and runs its
 * cleanup (temporary files, partial outputs, upload sessions) before the process exits. Handling
 * the signals means they no longer end the process by themselves: the entry point must exit
 * with `exitCode` once the work has settled. A second signal while that cleanup runs calls
 * `force` with the first signal's exit code (default: exit at once), for a user or a runner
 * that will not wait.
 */
export function stopOnSignals(
  force: (exitCode: number, first: StopSignal) => void = (exitCode) => process.exit(exitCode),
): SignalStop {
  const controller = new AbortController()
  let received: StopSignal | undefined
  const onSignal = (name: StopSignal) => {
    if (received) {
      force(exitCodeOfSignal(received), received)
      return
    }
    received = name
    controller.abort(
      new TarPushError('CANCELLED', `stopped by ${name}`, {
        subject: name,
        hint: 'the work was stopped on request before it finished; run it again to complete it',
      }),
    )
  }
  for (const name of STOP_SIGNALS) process.on(name, onSignal)
  // Every later write fails the same way, and a stop under way goes on: only a first one stops.
  const onOutputClosed = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    if (!received) onSignal('SIGPIPE')
  }
  for (const stream of [process.stdout, process.stderr]) stream.on('error', onOutputClosed)
  return {
    signal: controller.signal,
    get received() {
      return received
    },
    get exitCode() {
      return received && exitCodeOfSignal(received)
    },
    dispose: () => {
      for (const name of STOP_SIGNALS) process.off(name, onSignal)
      for (const stream of [process.stdout, process.stderr]) stream.off('error', onOutputClosed)
    },
  }
}

/** How long the cleanup after an unexpected error may take before the process exits anyway. */
const CRASH_CLEANUP_MS = 10_000

/** What an entry point holds while its work runs: aborted by an unexpected error. */
export interface CrashStop {
  readonly signal: AbortSignal
  /** Whether an unexpected error stopped the work. */
  readonly crashed: boolean
  dispose(): void
}

/**
 * An exception nothing caught while the work runs (thrown in an event handler or a timer, or a
 * promise rejected with no one waiting for it) is a fault of tar-push. Left alone, it ends the
 * process where it stands: temporary files stay, upload sessions stay open. Here `report` is
 * told at once and the signal aborts, so that the work stops and cleans up as after a stop
 * signal, and the run fails (EXIT_FAULT). A second one, or a cleanup that takes longer than
 * CRASH_CLEANUP_MS, exits at once.
 */
export function stopOnCrash(report: (error: unknown) => void): CrashStop {
  const controller = new AbortController()
  const onCrash = (error: unknown) => {
    report(error)
    // Whatever happens next, the run failed.
    process.exitCode = EXIT_FAULT
    if (controller.signal.aborted) process.exit(EXIT_FAULT)
    controller.abort(
      new TarPushError('CANCELLED', 'stopped by an unexpected error', {
        hint: 'this is a fault of tar-push: please report it with the error above',
      }),
    )
    setTimeout(() => process.exit(EXIT_FAULT), CRASH_CLEANUP_MS).unref()
  }
  process.on('uncaughtException', onCrash)
  return {
    signal: controller.signal,
    get crashed() {
      return controller.signal.aborted
    },
    dispose: () => process.off('uncaughtException', onCrash),
  }
}

/**
 * What stopped the work, if anything did: its name for the stop line ("SIGINT", "an unexpected
 * error") and the exit code it means.
 */
export function stoppedBy(
  stop: SignalStop,
  crash: CrashStop,
): { first: string; exitCode: number } | undefined {
  if (crash.crashed) return { first: 'an unexpected error', exitCode: EXIT_FAULT }
  if (stop.received === undefined || stop.exitCode === undefined) return undefined
  return { first: stop.received, exitCode: stop.exitCode }
}

/**
 * The tags a push or copy sets, as it sets them (its `onTagged`): a push of several images tags
 * each one as soon as it is complete, so a stop can come after some tags were set, and the line
 * that reports the stop must name them. `tagged` is the live list.
 */
export function tagTracker(): { tagged: readonly string[]; onTagged: (reference: string) => void } {
  const tagged: string[] = []
  return { tagged, onTagged: (reference) => void tagged.push(reference) }
}

/** The end of a stopped push's line: which tags were set before the stop, if any. */
export const tagsSetBefore = (tagged: readonly string[]): string =>
  tagged.length === 0 ? 'nothing was tagged' : `tagged before the stop: ${tagged.join(', ')}`
