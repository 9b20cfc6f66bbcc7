import { EXIT_FAULT } from '../lib/errors.ts'

/**
 * Node exits with code 0 when its event loop has nothing left to do, even while a promise is
 * still pending: a stream that closed without its end, an answer that never came, a promise
 * nothing will settle. A CLI would then report as done work that was not. While a command runs,
 * this guard turns such an exit into a failure that says what was not done.
 */

/** The exit code of a run that ended without finishing: a fault of tar-push, as an unexpected error. */
export const EXIT_UNFINISHED = EXIT_FAULT

/**
 * Watches the process while a command runs, until the returned function is called (when the
 * command's promise settles). If the event loop empties first ('beforeExit'), nothing can settle
 * that promise any more: `report` gets one line and the process exits with EXIT_UNFINISHED. An
 * exit with code 0 meanwhile (a stray process.exit(0)) is turned into EXIT_UNFINISHED too.
 */
export function guardUnfinished(
  command: () => string,
  unfinished: () => string,
  report: (line: string) => void,
): () => void {
  const line = () =>
    `${command()}: its work stopped with nothing left to wait for (a stream that closed before its end, or an answer that never came), so it cannot complete; ${unfinished()}`
  const onBeforeExit = () => {
    dispose()
    report(line())
    process.exit(EXIT_UNFINISHED)
  }
  const onExit = (code: number) => {
    if (code !== 0) return
    report(line())
    process.exitCode = EXIT_UNFINISHED
  }
  const dispose = () => {
    process.off('beforeExit', onBeforeExit)
    process.off('exit', onExit)
  }
  process.on('beforeExit', onBeforeExit)
  process.on('exit', onExit)
  return dispose
}
