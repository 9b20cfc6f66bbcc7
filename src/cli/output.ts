import picocolors from 'picocolors'
import type { CliOutput } from './command.ts'
import { TerminalProgress, type TerminalStream } from './progress.ts'

export interface CliOutputOptions {
  debug: boolean
  /** Where the lines go (default: standard error). */
  stream?: TerminalStream | undefined
  /** The environment read for NO_COLOR, FORCE_COLOR and TERM (default: process.env). */
  env?: NodeJS.ProcessEnv | undefined
  /** Whether the stream is a terminal (default: its isTTY). */
  isTTY?: boolean | undefined
}

export interface OutputStyle {
  /** Colour the lines (picocolors). */
  colors: boolean
  /** Draw live progress bars (cli-progress): only on a terminal that moves its cursor. */
  progress: boolean
}

/**
 * Colours on a terminal unless NO_COLOR is set (no-color.org) or TERM is dumb; FORCE_COLOR=1
 * asks for them anywhere, FORCE_COLOR=0 turns them off. Progress bars need a real terminal and
 * do not depend on colour. Our own rule rather than picocolors' default, which colours
 * whenever CI is set: a CI log gets plain lines.
 */
export function outputStyle(env: NodeJS.ProcessEnv, isTTY: boolean): OutputStyle {
  const terminal = isTTY && env['TERM'] !== 'dumb'
  const force = env['FORCE_COLOR']
  const forced = force === undefined ? undefined : force !== '0' && force !== 'false'
  return {
    colors: !env['NO_COLOR'] && (forced ?? terminal),
    progress: terminal,
  }
}

export interface TerminalOutput extends CliOutput {
  /** Stops the progress display, writing what it held back; call before exiting. */
  close(): void
}

/**
 * The CLI's output on standard error: plain lines in CI logs and pipes (exactly one line per
 * message, no escape codes), colours and live progress bars on a terminal. Every secret is
 * masked in every line written, the progress bars' included.
 */
export function createCliOutput(options: CliOutputOptions): TerminalOutput {
  const stream = options.stream ?? process.stderr
  const env = options.env ?? process.env
  const style = outputStyle(env, options.isTTY ?? stream.isTTY === true)
  const c = picocolors.createColors(style.colors)
  const secrets: string[] = []
  const mask = (message: string) =>
    secrets.reduce((line, secret) => line.split(secret).join('***'), message)
  const progress = style.progress ? new TerminalProgress({ stream, colors: c, mask }) : undefined
  const write = (line: string) => (progress ? progress.log(line) : stream.write(`${line}\n`))
  return {
    info: (message) => write(mask(message)),
    warn: (message) => write(`${c.yellow(c.bold('warning:'))} ${mask(message)}`),
    error: (message) => {
      progress?.stop()
      write(`${c.red(c.bold('error:'))} ${mask(message)}`)
    },
    debug: (message) => (options.debug ? write(c.dim(`debug: ${mask(message)}`)) : undefined),
    success: (message) => write(c.green(mask(message))),
    stopped: (message) => {
      progress?.stop()
      write(c.yellow(c.bold(mask(message))))
    },
    group: async (title, run) => {
      write(c.bold(`== ${mask(title)}`))
      return run()
    },
    secret: (value) => {
      if (value && !secrets.includes(value)) secrets.push(value)
      secrets.sort((a, b) => b.length - a.length)
    },
    progress,
    status: progress
      ? (line) => progress.status(line === undefined ? line : mask(line))
      : undefined,
    close: () => progress?.stop(),
  }
}
