import type { SignalStop } from '../lib/cancel.ts'
import type { Logger } from '../lib/log.ts'
import type { ProgressListener } from '../lib/progress.ts'

/** One flag, as node:util parseArgs takes it, with what `--help` says about it. */
export interface FlagSpec {
  type: 'string' | 'boolean'
  short?: string
  multiple?: boolean
  /** Placeholder of the value in help, e.g. REPO. */
  value?: string
  description: string
}

export type FlagSpecs = Record<string, FlagSpec>
export type FlagValues = Record<string, string | boolean | string[] | undefined>

export interface CliOutput extends Logger {
  error(message: string): void
  /** The line that reports the result (green on a terminal). */
  success(message: string): void
  /** Live progress bars for transfers: only on a terminal, undefined in CI logs and pipes. */
  progress?: ProgressListener | undefined
  /** A live status line below the log (a load test's numbers): only on a terminal. */
  status?: ((line: string | undefined) => void) | undefined
  /** The one line saying what a stop signal left unfinished (progress bars removed first). */
  stopped(message: string): void
}

/** A subcommand: its flags, its help and examples, and what it runs. */
export interface Command {
  name: string
  /** e.g. "push TARBALL... [options]" */
  synopsis: string
  summary: string
  /** Paragraphs printed after the synopsis in the command's help. */
  details?: string
  flags: FlagSpecs
  /** Shell lines, each preceded by a comment line ("# …"). */
  examples: string[]
  /**
   * Runs the command. `context.signal` is aborted by SIGINT or SIGTERM: pass it to the library
   * call, which stops and cleans up; the CLI then prints what `context.unfinished` says.
   */
  run(
    values: FlagValues,
    operands: string[],
    output: CliOutput,
    context: RunContext,
  ): Promise<number>
}

/** What a command is given to be stopped by a signal. */
export interface RunContext {
  /** Aborted by the first SIGINT or SIGTERM; the library call takes it as `signal`. */
  readonly signal: AbortSignal
  /** Which signal came, and the exit code it means (130, 143). */
  readonly stop: SignalStop
  /**
   * What a stop would leave unfinished, set by the command, for the line printed then:
   * "stopped by SIGINT: <unfinished>" (e.g. "push of app.tar to ghcr.io/org/app not finished;
   * nothing was tagged"). A function: asked only once the run has settled.
   */
  unfinished: () => string
}
