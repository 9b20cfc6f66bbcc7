import { parseArgs } from 'node:util'
import { stopOnCrash, stopOnSignals, stoppedBy } from '../lib/cancel.ts'
import { EXIT_FAULT, TarPushError, describeUnexpected, exitCodeFor } from '../lib/errors.ts'
import type { CliOutput, Command, FlagSpecs, FlagValues, RunContext } from './command.ts'
import { usageError } from './common.ts'
import { formatCommandHelp, formatUsage } from './help.ts'
import { createCliOutput } from './output.ts'
import { pullCommand } from './pull.ts'
import { pushCommand } from './push.ts'
import { copyCommand } from './copy.ts'
import { benchCommand } from './bench.ts'
import { guardUnfinished } from './unfinished.ts'
import { VERSION } from '../version.ts'

const COMMANDS: readonly Command[] = [pushCommand, pullCommand, copyCommand, benchCommand]

export async function main(argv: string[]): Promise<number> {
  let output = createCliOutput({ debug: false })
  try {
    const [first, ...rest] = argv
    if (first === undefined || first.startsWith('-')) return topLevel(argv)
    const command =
      first === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : commandNamed(first)
    if (first === 'help') {
      process.stdout.write(`${command ? formatCommandHelp(command) : formatUsage(COMMANDS)}\n`)
      return 0
    }
    if (!command) throw usageError(`unknown command "${first}"`)
    const { values, positionals } = parseCommand(command, rest)
    if (values['help'] === true) {
      process.stdout.write(`${formatCommandHelp(command)}\n`)
      return 0
    }
    output = createCliOutput({ debug: values['debug'] === true })
    return await runStoppable(command, values, positionals, output)
  } catch (error) {
    output.error(error instanceof TarPushError ? error.describe() : describeUnexpected(error))
    return exitCodeFor(error)
  } finally {
    output.close()
  }
}

/**
 * Runs a command with SIGINT and SIGTERM turned into its stop signal. The library call stops
 * and cleans up (temporary files, partial outputs, upload sessions) before it settles; then one
 * line says what was left unfinished, and the exit code is 130 or 143. A second signal during
 * that cleanup exits at once. A run that finished before it noticed the signal reports its
 * result as usual: its work is done.
 */
async function runStoppable(
  command: Command,
  values: FlagValues,
  operands: string[],
  output: CliOutput,
): Promise<number> {
  const stop = stopOnSignals((exitCode, first) => {
    output.stopped(`${line(first)}; cleanup cut short by a second signal`)
    process.exit(exitCode)
  })
  const crash = stopOnCrash((error) => output.error(describeUnexpected(error)))
  const context: RunContext = {
    signal: AbortSignal.any([stop.signal, crash.signal]),
    stop,
    unfinished: () => `tar-push ${command.name} not finished`,
  }
  const line = (first: string) => `stopped by ${first}: ${context.unfinished()}`
  const unguard = guardUnfinished(
    () => `tar-push ${command.name} did not finish`,
    () => context.unfinished(),
    (message) => output.error(message),
  )
  try {
    const exitCode = await command.run(values, operands, output, context)
    // Done all the same: the error is printed, and the run counts as failed.
    return crash.crashed ? EXIT_FAULT : exitCode
  } catch (error) {
    const stopped = stoppedBy(stop, crash)
    if (!stopped) throw error
    const { first, exitCode } = stopped
    output.debug(
      `the stopped run ended with ${error instanceof TarPushError ? error.describe() : String(error)}`,
    )
    output.stopped(line(first))
    exitSoon(exitCode)
    return exitCode
  } finally {
    unguard()
    stop.dispose()
    crash.dispose()
  }
}

/**
 * After a stop the work has cleaned up: exit once the event loop is empty, and at the latest
 * after a moment, so that a socket or worker left behind by the cut-off work cannot keep a
 * stopped process alive.
 */
function exitSoon(code: number): void {
  process.exitCode = code
  setTimeout(() => process.exit(code), 2000).unref()
}

function topLevel(argv: string[]): number {
  const { values } = parseFlags(argv, {
    help: { type: 'boolean', short: 'h', description: '' },
    version: { type: 'boolean', description: '' },
  })
  if (values['version'] === true) {
    process.stdout.write(`tar-push ${VERSION}\n`)
    return 0
  }
  process.stdout.write(`${formatUsage(COMMANDS)}\n`)
  return values['help'] === true ? 0 : 2
}

const commandNamed = (name: string): Command | undefined =>
  COMMANDS.find((command) => command.name === name)

function parseCommand(command: Command, argv: string[]) {
  try {
    return parseFlags(argv, command.flags)
  } catch (error) {
    // A flag of another command is named as such, not just as unknown.
    const flag = /Unknown option '--?([^']+)'/.exec((error as Error).message)?.[1]
    const owner = COMMANDS.find((other) => flag !== undefined && flag in other.flags)
    if (flag && owner)
      throw usageError(
        `--${flag} is not an option of ${command.name} (it is one of ${owner.name})`,
        command.name,
      )
    throw error
  }
}

function parseFlags(argv: string[], flags: FlagSpecs) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(flags).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
    })
    return { values: values as FlagValues, positionals }
  } catch (error) {
    if (error instanceof TarPushError) throw error
    throw usageError((error as Error).message)
  }
}

/** Runs the CLI with the process's arguments (src/cli.ts calls it once the Node.js version is checked). */
export async function run(): Promise<void> {
  // An output whose reader went away (`tar-push … | head`) stops the work while it runs
  // (stopOnSignals); once the work is done, what is left to print is lost and the exit code
  // stands, instead of an uncaught EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  }
  process.exitCode = await main(process.argv.slice(2))
}
