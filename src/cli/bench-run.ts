import { exitCodeFor } from '../lib/errors.ts'
import type { Logger } from '../lib/log.ts'
import { COMPARE_TOOLS, type CompareTool } from '../lib/loadtest/options.ts'
import { writeBenchFile, resultJson } from '../lib/loadtest/output.ts'
import {
  allFailed,
  formatMarkdown,
  formatProgress,
  formatReport,
  stopFailure,
} from '../lib/loadtest/report.ts'
import { SCENARIO_NAMES, type BenchResult, type ScenarioName } from '../lib/loadtest/result.ts'
import { runBench, type Progress } from '../lib/loadtest/run.ts'
import { expandResultPaths, mergeResults, readResults } from '../lib/loadtest/merge.ts'
import { parseRates, parseStepDuration } from '../lib/loadtest/arrival.ts'
import { parseWorkers } from '../lib/loadtest/workers.ts'
import { parseMix } from '../lib/loadtest/schedule.ts'
import { parseStartAt } from '../lib/loadtest/start-at.ts'
import { parseDuration, parseSize } from '../lib/loadtest/units.ts'
import type { CliOutput, FlagValues, RunContext } from './command.ts'
import { connectionOptions, listFlag, parseInteger, stringFlag, usageError } from './common.ts'

/** What `bench merge` takes; the run's other flags are refused there. */
const MERGE_FLAGS = new Set(['out', 'summary', 'json', 'debug', 'help'])

/** `tar-push bench`: a run, or `bench merge`. */
export async function runBenchCommand(
  values: FlagValues,
  operands: string[],
  output: CliOutput,
  context: RunContext,
): Promise<number> {
  if (operands[0] === 'merge') return mergeMode(values, operands.slice(1), output)
  if (operands.length > 0) throw usageError(`unexpected arguments: ${operands.join(' ')}`, 'bench')
  const registry = stringFlag(values['registry'])
  if (!registry) throw usageError('bench needs --registry HOST', 'bench')
  const scenario = parseScenario(values['scenario'])
  const mixText = stringFlag(values['mix'])
  const optional = <T>(value: unknown, parse: (text: string) => T): T | undefined =>
    typeof value === 'string' ? parse(value) : undefined
  const progress = progressWriter(output)
  // A stop ends the measured run with a report; before it, there is nothing to report.
  context.unfinished = () =>
    `load test of ${registry} stopped before its measured run; nothing to report`
  const { signal, stop } = context
  const onStop = () => {
    progress.clear()
    output.warn(
      `stopping on ${stop.received}: requests in flight are cut; the report follows (Ctrl-C again quits)`,
    )
  }
  signal.addEventListener('abort', onStop, { once: true })
  let result: BenchResult
  try {
    result = await runBench({
      registry,
      scenario,
      mix: mixText ? parseMix(mixText) : undefined,
      vus: parseInteger(values['vus'], '--vus', 1, 100_000),
      durationMs: optional(values['duration'], (text) => parseDuration(text, '--duration')),
      rampUpMs: optional(values['ramp-up'], (text) => parseDuration(text, '--ramp-up')),
      iterations: parseInteger(values['iterations'], '--iterations', 1, 2 ** 40),
      rates: optional(values['rate'], parseRates),
      stepMs: optional(values['step-duration'], parseStepDuration),
      workers: optional(values['workers'], parseWorkers),
      repoPrefix: stringFlag(values['repo-prefix']),
      layers: parseInteger(values['layers'], '--layers', 0, 1000),
      layerSize: optional(values['layer-size'], (text) => parseSize(text, '--layer-size')),
      images: parseInteger(values['images'], '--images', 1, 10_000),
      upload: parseUpload(values['upload']),
      chunkSize: optional(values['chunk-size'], (text) => parseSize(text, '--chunk-size')),
      reconnect: values['reconnect'] === true,
      verify: values['no-verify'] !== true,
      gracefulStopMs: optional(values['graceful-stop'], (text) =>
        parseDuration(text, '--graceful-stop'),
      ),
      cleanup: values['cleanup'] === true,
      compare: parseCompare(values['compare']),
      registryPid: parseInteger(values['registry-pid'], '--registry-pid', 1, 2 ** 22),
      jtl: stringFlag(values['jtl']),
      startAtMs: optional(values['start-at'], (text) => parseStartAt(text)),
      connect: await connectionOptions(values),
      logger: progress.logger,
      onProgress: progress.update,
      signal,
    })
  } finally {
    signal.removeEventListener('abort', onStop)
    progress.clear()
  }
  await writeOutputs(result, values)
  for (const line of formatReport(result).split('\n')) output.info(line)
  if (values['json'] === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  if (result.stopReason === 'interrupted') return stop.exitCode ?? 130
  // The first authentication failure ended the run: what ran is reported above, then the error.
  const stopped = stopFailure(result)
  if (stopped) {
    output.error(stopped.describe())
    return exitCodeFor(stopped)
  }
  const failure = allFailed(result)
  if (failure) {
    output.error(failure)
    return 3
  }
  return 0
}

/** `bench merge`: results read (globs expanded), checked, added up, written and reported. */
async function mergeMode(
  values: FlagValues,
  operands: string[],
  output: CliOutput,
): Promise<number> {
  const foreign = Object.keys(values).filter(
    (name) => values[name] !== undefined && !MERGE_FLAGS.has(name),
  )
  if (foreign.length > 0)
    throw usageError(
      `${foreign.map((name) => `--${name}`).join(', ')}: not an option of bench merge (it takes --out, --summary, --json)`,
      'bench',
    )
  if (operands.length === 0)
    throw usageError('bench merge needs the JSON results of bench --out (paths or globs)', 'bench')
  const inputs = await readResults(await expandResultPaths(operands))
  if (inputs.length === 1) output.warn(`only one result (${inputs[0]!.file}): nothing to add to it`)
  const merged = mergeResults(inputs)
  await writeOutputs(merged, values)
  for (const line of formatReport(merged).split('\n')) output.info(line)
  if (values['json'] === true) process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`)
  return 0
}

function parseScenario(value: unknown): ScenarioName | 'mixed' {
  if (value === undefined) return 'push'
  if (value === 'mixed' || SCENARIO_NAMES.includes(value as ScenarioName))
    return value as ScenarioName | 'mixed'
  throw usageError('--scenario must be push, pull, head or mixed', 'bench')
}

function parseUpload(value: unknown): 'patch' | 'monolithic' | undefined {
  if (value === undefined) return undefined
  if (value !== 'patch' && value !== 'monolithic')
    throw usageError('--upload must be patch or monolithic', 'bench')
  return value
}

function parseCompare(value: unknown): CompareTool[] {
  const tools = listFlag(value)
  for (const tool of tools) {
    if (!COMPARE_TOOLS.includes(tool as CompareTool))
      throw usageError(`--compare takes ${COMPARE_TOOLS.join(' or ')}, not "${tool}"`, 'bench')
  }
  return tools as CompareTool[]
}

async function writeOutputs(result: BenchResult, values: FlagValues): Promise<void> {
  const out = stringFlag(values['out'])
  if (out) await writeBenchFile('--out', out, resultJson(result))
  const summary = stringFlag(values['summary'])
  if (summary) await writeBenchFile('--summary', summary, formatMarkdown(result), true)
}

/** A live status line on a terminal (cli-progress, via the output); a plain line every 10 s in a log. */
function progressWriter(output: CliOutput): {
  logger: Logger
  update: (progress: Progress) => void
  clear: () => void
} {
  let lastPlain = 0
  return {
    logger: {
      info: output.info,
      warn: output.warn,
      debug: output.debug,
      group: (_title, run) => run(),
      secret: output.secret,
    },
    update: (progress) => {
      const line = formatProgress(progress)
      if (output.status) output.status(line)
      else if (progress.elapsedSeconds - lastPlain >= 10) {
        lastPlain = progress.elapsedSeconds
        output.info(line)
      }
    },
    clear: () => output.status?.(undefined),
  }
}
