import type { Logger } from '../lib/log.ts'
import { COMPARE_TOOLS, type CompareTool } from '../lib/bench/compare.ts'
import { writeBenchFile, resultJson } from '../lib/bench/output.ts'
import { allFailed, formatMarkdown, formatProgress, formatReport } from '../lib/bench/report.ts'
import { SCENARIO_NAMES, type BenchResult, type ScenarioName } from '../lib/bench/result.ts'
import { BENCH_DEFAULTS, runBench, type Progress } from '../lib/bench/run.ts'
import { expandResultPaths, mergeResults, readResults } from '../lib/bench/merge.ts'
import { parseMix } from '../lib/bench/schedule.ts'
import { parseStartAt } from '../lib/bench/start-at.ts'
import { parseDuration, parseSize } from '../lib/bench/units.ts'
import type { CliOutput, Command, FlagValues } from './command.ts'
import {
  CONNECTION_FLAGS,
  OUTPUT_FLAGS,
  connectionOptions,
  listFlag,
  parseInteger,
  stringFlag,
  usageError,
} from './common.ts'

// Virtual users are the concurrency here; a load test reports failures instead of retrying them.
const connectionFlags = Object.fromEntries(
  Object.entries(CONNECTION_FLAGS).filter(([name]) => name !== 'concurrency'),
)

/** What `bench merge` takes; the run's other flags are refused there. */
const MERGE_FLAGS = new Set(['out', 'summary', 'json', 'debug', 'help'])

export const benchCommand: Command = {
  name: 'bench',
  synopsis: 'bench --registry HOST [options]',
  summary: 'load-test a registry with raw HTTP users (bench merge: add runs up)',
  details: `Virtual users push random images (nothing deduplicates), pull seeded images (every
digest checked), or HEAD manifests and blobs, one request at a time each, over the
same client as push and pull. Every request is counted and timed per kind (ping,
token, manifest and blob HEAD/GET/PUT, uploads' POST/PATCH/PUT), with p50-p99
latency, time to first byte, errors by status and MB/s; the table goes to standard
error, --out writes everything as JSON (raw HDR histograms, per-second series).
Retries are off unless --retries is given. Ctrl-C stops with a report.

tar-push bench merge RESULT.json... [--out FILE] [--summary FILE] [--json] adds up
the --out results of several runs of one scenario (a matrix of runners started
together by --start-at): histograms added (percentiles of the union, never averages),
counts, errors and bytes summed, per-second series aligned on epoch seconds, each
job's start skew and share listed. Runs of another scenario, registry or tar-push
version are refused. The merged JSON is a result like the others: it merges again.`,
  flags: {
    registry: {
      type: 'string',
      value: 'HOST',
      description: 'registry to load (127.0.0.1:5000, registry.example.com)',
    },
    scenario: {
      type: 'string',
      value: 'S',
      description: 'push (default) | pull | head | mixed (see --mix)',
    },
    vus: {
      type: 'string',
      value: 'N',
      description: `virtual users, each one request at a time (default ${BENCH_DEFAULTS.vus})`,
    },
    duration: {
      type: 'string',
      value: 'D',
      description: 'run time, e.g. 60s, 5m (default 60s; none with --iterations)',
    },
    'ramp-up': {
      type: 'string',
      value: 'D',
      description: 'start the users evenly over this time (default 0)',
    },
    iterations: {
      type: 'string',
      value: 'N',
      description: 'stop after exactly N iterations, shared by all users',
    },
    'repo-prefix': {
      type: 'string',
      value: 'P',
      description: `repository path prefix (default ${BENCH_DEFAULTS.repoPrefix}): P vu-N, P seed`,
    },
    layers: {
      type: 'string',
      value: 'N',
      description: `layers per image (default ${BENCH_DEFAULTS.layers})`,
    },
    'layer-size': {
      type: 'string',
      value: 'SIZE',
      description: 'random bytes per layer, e.g. 10MiB (default), 512KiB',
    },
    images: {
      type: 'string',
      value: 'N',
      description: `images seeded for pull and head (default: vus, at most ${BENCH_DEFAULTS.images})`,
    },
    mix: {
      type: 'string',
      value: 'W',
      description: 'weights for --scenario mixed, e.g. push=20,pull=80 (the default)',
    },
    upload: {
      type: 'string',
      value: 'M',
      description: 'patch (POST, PATCH, PUT as docker does; default) | monolithic (POST, PUT)',
    },
    'chunk-size': {
      type: 'string',
      value: 'SIZE',
      description: 'upload in PATCH chunks of this size (default: one PATCH per blob)',
    },
    reconnect: {
      type: 'boolean',
      description: 'new connection, ping and token each iteration, as a fresh docker client',
    },
    'no-verify': {
      type: 'boolean',
      description:
        "pull: check blob sizes only, not SHA-256 (when hashing is the generator's limit)",
    },
    'start-at': {
      type: 'string',
      value: 'TIME',
      description:
        'start the measured run at this instant (after seeding), as jobs of a matrix do together: ISO 8601 with a zone or epoch seconds, at most 1 h ahead',
    },
    'graceful-stop': {
      type: 'string',
      value: 'D',
      description: 'after --duration, time for iterations in flight to finish (default 10s)',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write the result (merge: the merged result) as JSON',
    },
    jtl: {
      type: 'string',
      value: 'FILE',
      description: 'write every request as JMeter CSV (JTL) for JMeter, BlazeMeter',
    },
    summary: {
      type: 'string',
      value: 'FILE',
      description: 'append a Markdown table and charts (e.g. $GITHUB_STEP_SUMMARY)',
    },
    cleanup: {
      type: 'boolean',
      description: 'delete the pushed manifests afterwards (where the registry allows)',
    },
    compare: {
      type: 'string',
      multiple: true,
      value: 'TOOL',
      description: 'also run the scenario through skopeo | docker processes, side by side',
    },
    'registry-pid': {
      type: 'string',
      value: 'PID',
      description: "report the registry process's CPU next to the generator's (same host)",
    },
    ...connectionFlags,
    retries: {
      type: 'string',
      value: 'N',
      description: 'retries of a failed request (default 0: a load test reports errors)',
    },
    ...OUTPUT_FLAGS,
    json: { type: 'boolean', description: 'print the result JSON on standard output' },
  },
  examples: [
    '# 10 users pushing 3 x 10 MiB images for a minute against a local registry',
    'tar-push bench --registry 127.0.0.1:5000 --vus 10 --duration 60s',
    '# 50 users pulling, ramped up over 10 s, with JSON and JMeter results',
    'tar-push bench --registry registry.example.com --scenario pull --vus 50 --ramp-up 10s \\',
    '    --username bench --password-stdin --out results.json --jtl results.jtl',
    '# a 20/80 push/pull mix, side by side with skopeo, cleaned up afterwards',
    'tar-push bench --registry 127.0.0.1:5000 --scenario mixed --mix push=20,pull=80 \\',
    '    --compare skopeo --cleanup --summary "$GITHUB_STEP_SUMMARY"',
    '# one of three machines, all started at the same instant; then their results merged',
    'tar-push bench --registry registry.example.com --vus 20 --duration 5m \\',
    '    --start-at 2025-06-01T12:00:00Z --out results/$(hostname).json',
    'tar-push bench merge results/*.json --out total.json --summary total.md',
  ],
  async run(values, operands, output) {
    if (operands[0] === 'merge') return mergeMode(values, operands.slice(1), output)
    if (operands.length > 0)
      throw usageError(`unexpected arguments: ${operands.join(' ')}`, 'bench')
    const registry = stringFlag(values['registry'])
    if (!registry) throw usageError('bench needs --registry HOST', 'bench')
    const scenario = parseScenario(values['scenario'])
    const mixText = stringFlag(values['mix'])
    const optional = <T>(value: unknown, parse: (text: string) => T): T | undefined =>
      typeof value === 'string' ? parse(value) : undefined
    const progress = progressWriter(output)
    const stop = new AbortController()
    let interrupts = 0
    const onInterrupt = () => {
      interrupts++
      if (interrupts > 1) process.exit(130)
      progress.clear()
      output.warn('stopping: requests in flight are cut; the report follows (Ctrl-C again quits)')
      stop.abort()
    }
    process.on('SIGINT', onInterrupt)
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
        signal: stop.signal,
      })
    } catch (error) {
      // Ctrl-C while connecting or seeding: nothing was measured yet.
      if (!stop.signal.aborted) throw error
      output.warn('interrupted before the measured run began; nothing to report')
      return 130
    } finally {
      process.off('SIGINT', onInterrupt)
      progress.clear()
    }
    await writeOutputs(result, values)
    for (const line of formatReport(result).split('\n')) output.info(line)
    if (values['json'] === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    if (result.stopReason === 'interrupted') return 130
    const failure = allFailed(result)
    if (failure) {
      output.error(failure)
      return 3
    }
    return 0
  },
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
