import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expandPaths } from '../paths.ts'
import { TarPushError } from '../errors.ts'
import {
  createHistogram,
  decodeHistogram,
  encodeHistogram,
  mergeHistograms,
  percentileMs,
  percentilesOf,
  type Histogram,
} from './histogram.ts'
import { round } from './metrics.ts'
import { compareKinds } from './requests.ts'
import {
  RESULT_FORMAT,
  type ArrivalResult,
  type BenchResult,
  type CleanupResult,
  type CompareResult,
  type CpuResult,
  type IterationResult,
  type KindResult,
  type MergedJob,
  type PhaseCount,
  type ScenarioName,
  type ScenarioSpec,
  type SecondResult,
  type StopReason,
} from './result.ts'

/** A result and the file it was read from (named in refusals and in the jobs table). */
export interface MergeInput {
  file: string
  result: BenchResult
}

/**
 * What each request does: results differing in one of these measured different things, and
 * adding their histograms would mix them. Users, duration, ramp-up, iterations, seeded images
 * and the repository prefix only shape the load, so jobs may differ in them.
 */
const MEASURED: readonly (keyof ScenarioSpec)[] = [
  'name',
  'mix',
  'layers',
  'layerSize',
  'upload',
  'chunkSize',
  'reconnect',
  'verify',
  'retries',
]

const MAX_ERROR_SAMPLES = 8
/** Longest run of seconds no job covered that the merged series fills with zeros. */
const MAX_FILLED_GAP = 600

const HINT_SAME_RUN =
  'merge the results of one matrix run: the same tar-push version, registry and scenario options (users, duration, ramp-up and iterations may differ)'

function refuse(message: string, files: readonly string[], hint = HINT_SAME_RUN): TarPushError {
  return new TarPushError('USAGE', message, { subject: files.join(', '), hint })
}

/** Stable text of a value (object keys sorted), to compare settings across files. */
function canonical(value: unknown): string {
  if (value === undefined) return 'none'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  return `{${Object.entries(value)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, item]) => `${key}:${canonical(item)}`)
    .join(',')}}`
}

/** Every file must give `pick` the same value; else the refusal says which files hold which. */
function requireSame(
  inputs: readonly MergeInput[],
  what: string,
  pick: (r: BenchResult) => unknown,
) {
  const groups = new Map<string, string[]>()
  for (const { file, result } of inputs) {
    const key = canonical(pick(result))
    groups.set(key, [...(groups.get(key) ?? []), file])
  }
  if (groups.size <= 1) return
  const described = [...groups.entries()].map(([value, files]) => `${value} in ${files.join(', ')}`)
  throw refuse(
    `cannot merge results of different ${what}: ${described.join('; ')}`,
    inputs.map((input) => input.file),
  )
}

/** Checks the files hold bench results of one format, version, registry and scenario. */
export function checkMergeable(inputs: readonly MergeInput[]): void {
  if (inputs.length === 0)
    throw new TarPushError('USAGE', 'no result to merge', {
      hint: 'pass the JSON results of bench --out (paths or globs)',
    })
  for (const { file, result } of inputs) {
    const format = (result as { format?: unknown } | null)?.format
    if (format !== RESULT_FORMAT)
      throw refuse(
        typeof format === 'string' && format.startsWith('tar-push-bench/')
          ? `${file} is a ${format} result; this tar-push merges ${RESULT_FORMAT}`
          : `${file} is not a tar-push bench result (no "format": "${RESULT_FORMAT}")`,
        [file],
        'merge the JSON files bench --out wrote, with the tar-push version that wrote them',
      )
  }
  requireSame(inputs, 'tar-push versions', (result) => result.tool?.version)
  requireSame(inputs, 'histogram settings', (result) => result.histogram)
  requireSame(inputs, 'registries', (result) => result.registry)
  for (const field of MEASURED)
    requireSame(inputs, `scenarios (scenario.${field})`, (result) => result.scenario[field])
  // Each job has its own schedule; the rates add up, so the steps must line up.
  requireSame(inputs, 'open-model steps (scenario.rate)', (result) =>
    result.scenario.rate?.map((stage) => stage.seconds),
  )
  const seen = new Map<string, string>()
  for (const { file, result } of inputs) {
    for (const job of jobsOf(file, result)) {
      const other = seen.get(job.runId)
      if (other !== undefined)
        throw refuse(
          `${other} and ${job.source} hold the same run (${job.runId}); it would count twice`,
          [other, job.source],
          'pass each result once (a merged file already holds the jobs it merged)',
        )
      seen.set(job.runId, job.source)
    }
  }
}

/** The jobs a result stands for: itself, or the jobs a merged result lists. */
function jobsOf(file: string, result: BenchResult): MergedJob[] {
  if (result.merged)
    return result.merged.jobs.map((job) => ({ ...job, source: `${file} > ${job.source}` }))
  return [
    {
      source: file,
      runId: result.runId,
      hostname: result.host.hostname,
      startAtMs: result.startAtMs ?? null,
      startedAtMs: result.startedAtMs,
      endedAtMs: result.endedAtMs,
      startSkewMs: 0,
      lateMs: result.startAtMs === undefined ? null : result.startedAtMs - result.startAtMs,
      seconds: result.seconds,
      vus: result.scenario.vus,
      requests: result.totals.requests,
      errors: result.totals.errors,
      iterations: result.iterations.total.count,
      share: 0,
      p95Ms: result.totals.latency.p95,
    },
  ]
}

const sum = <T>(items: readonly T[], pick: (item: T) => number): number =>
  items.reduce((total, item) => total + pick(item), 0)

function addCounts(records: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {}
  for (const record of records)
    for (const [key, count] of Object.entries(record)) total[key] = (total[key] ?? 0) + count
  return total
}

const unionOf = (encoded: readonly string[]): Histogram =>
  mergeHistograms(encoded.map((text) => decodeHistogram(text)))

const perSecond = (value: number, seconds: number, digits: number) =>
  round(seconds > 0 ? value / seconds : 0, digits)

function mergeKinds(results: readonly BenchResult[], seconds: number): Record<string, KindResult> {
  const names = [...new Set(results.flatMap((result) => Object.keys(result.kinds)))]
  names.sort(compareKinds)
  return Object.fromEntries(
    names.map((name) => {
      const kinds = results.flatMap((result) => result.kinds[name] ?? [])
      const latency = unionOf(kinds.map((kind) => kind.histograms.latency))
      const ttfb = unionOf(kinds.map((kind) => kind.histograms.ttfb))
      const bytesSent = sum(kinds, (kind) => kind.bytesSent)
      const bytesReceived = sum(kinds, (kind) => kind.bytesReceived)
      const merged: KindResult = {
        count: sum(kinds, (kind) => kind.count),
        errors: sum(kinds, (kind) => kind.errors),
        interrupted: sum(kinds, (kind) => kind.interrupted),
        errorsByStatus: addCounts(kinds.map((kind) => kind.errorsByStatus)),
        bytesSent,
        bytesReceived,
        megabytesPerSecond: perSecond((bytesSent + bytesReceived) / 1e6, seconds, 3),
        latency: percentilesOf(latency),
        ttfb: percentilesOf(ttfb),
        histograms: { latency: encodeHistogram(latency), ttfb: encodeHistogram(ttfb) },
      }
      return [name, merged]
    }),
  )
}

function mergeIterations(parts: readonly IterationResult[], seconds: number): IterationResult {
  const histogram = unionOf(parts.map((part) => part.histogram))
  const ok = sum(parts, (part) => part.ok)
  const failed = sum(parts, (part) => part.failed)
  return {
    count: sum(parts, (part) => part.count),
    ok,
    failed,
    interrupted: sum(parts, (part) => part.interrupted),
    errorsByCode: addCounts(parts.map((part) => part.errorsByCode)),
    bytes: sum(parts, (part) => part.bytes),
    iterationsPerSecond: perSecond(ok + failed, seconds, 3),
    duration: percentilesOf(histogram),
    histogram: encodeHistogram(histogram),
  }
}

function mergeScenarioIterations(
  all: readonly Partial<Record<ScenarioName, IterationResult>>[],
  seconds: number,
): Partial<Record<ScenarioName, IterationResult>> {
  const names = [...new Set(all.flatMap((scenarios) => Object.keys(scenarios)))] as ScenarioName[]
  return Object.fromEntries(
    names.map((name) => [
      name,
      mergeIterations(
        all.flatMap((scenarios) => scenarios[name] ?? []),
        seconds,
      ),
    ]),
  )
}

/**
 * The series on absolute epoch seconds: each second sums the requests, errors, bytes, iterations,
 * users and generator cores of every job that ran in it, and its p95 comes from the union of
 * their histograms. Seconds no job covered are zero rows (up to 10 min of them), so a chart
 * stays on time.
 * Registry cores are the largest job's reading: jobs on the registry's host all read its one
 * process.
 */
function mergeSeries(results: readonly BenchResult[]): SecondResult[] {
  const seconds = new Map<number, SecondResult[]>()
  for (const result of results)
    for (const second of result.series)
      seconds.set(second.t, [...(seconds.get(second.t) ?? []), second])
  if (seconds.size === 0) return []
  const times = [...seconds.keys()].sort((a, b) => a - b)
  // Short gaps are filled with empty seconds; runs far apart (merged workflow runs) are not.
  const filled = times.flatMap((t, index) => {
    const next = times[index + 1]
    const gap = next === undefined || next - t > MAX_FILLED_GAP ? 0 : next - t - 1
    return [t, ...Array.from({ length: gap }, (_, offset) => t + offset + 1)]
  })
  const series: SecondResult[] = []
  for (const t of filled) {
    const parts = seconds.get(t) ?? []
    const latency =
      parts.length === 0 ? createHistogram() : unionOf(parts.map((part) => part.latency))
    const registry = parts.flatMap((part) =>
      part.registryCores === null ? [] : [part.registryCores],
    )
    series.push({
      t,
      requests: sum(parts, (part) => part.requests),
      errors: sum(parts, (part) => part.errors),
      bytesSent: sum(parts, (part) => part.bytesSent),
      bytesReceived: sum(parts, (part) => part.bytesReceived),
      iterations: sum(parts, (part) => part.iterations),
      iterationErrors: sum(parts, (part) => part.iterationErrors),
      activeVus: sum(parts, (part) => part.activeVus),
      p95Ms: percentileMs(latency, 95),
      latency: encodeHistogram(latency),
      generatorCores: round(
        sum(parts, (part) => part.generatorCores),
        3,
      ),
      registryCores: registry.length === 0 ? null : Math.max(...registry),
    })
  }
  return series
}

function mergePhase(phases: readonly PhaseCount[]): PhaseCount {
  return {
    requests: sum(phases, (phase) => phase.requests),
    errors: sum(phases, (phase) => phase.errors),
    interrupted: sum(phases, (phase) => phase.interrupted),
    kinds: addCounts(phases.map((phase) => phase.kinds)),
  }
}

function mergeCpu(results: readonly BenchResult[]): CpuResult {
  const generators = results.map((result) => result.cpu.generator)
  const registries = results.flatMap((result) => (result.cpu.registry ? [result.cpu.registry] : []))
  const busiest = registries.reduce<CpuResult['registry']>(
    (best, registry) => (best && best.seconds >= registry.seconds ? best : registry),
    null,
  )
  return {
    generator: {
      seconds: round(
        sum(generators, (generator) => generator.seconds),
        3,
      ),
      cores: round(
        sum(generators, (generator) => generator.cores),
        3,
      ),
      // Per generator, as a single run reports it: whether any one process neared a core.
      peakCores: Math.max(0, ...generators.map((generator) => generator.peakCores)),
      // The worst job's: it says whether any generator was its own limit.
      eventLoopDelayP99Ms: Math.max(
        ...generators.map((generator) => generator.eventLoopDelayP99Ms),
      ),
    },
    registry: busiest,
  }
}

function mergeCleanup(results: readonly BenchResult[]): CleanupResult | null {
  const cleanups = results.flatMap((result) => (result.cleanup ? [result.cleanup] : []))
  if (cleanups.length === 0) return null
  const note = cleanups.find((cleanup) => cleanup.note)?.note
  return {
    manifests: sum(cleanups, (cleanup) => cleanup.manifests),
    deleted: sum(cleanups, (cleanup) => cleanup.deleted),
    failed: sum(cleanups, (cleanup) => cleanup.failed),
    ...(note ? { note } : {}),
  }
}

/** Per tool: each job ran the same comparison, so its iterations add up as the bench's do. */
function mergeCompare(results: readonly BenchResult[], seconds: number): CompareResult[] {
  const byTool = new Map<CompareResult['tool'], CompareResult[]>()
  for (const result of results)
    for (const compare of result.compare)
      byTool.set(compare.tool, [...(byTool.get(compare.tool) ?? []), compare])
  return [...byTool.entries()].map(([tool, parts]) => {
    const ran = parts.filter((part) => part.available && part.iterations)
    if (ran.length === 0) return parts[0]!
    return {
      tool,
      available: true,
      note: ran[0]!.note,
      ...(ran[0]!.version ? { version: ran[0]!.version } : {}),
      iterations: mergeIterations(
        ran.map((part) => part.iterations!),
        seconds,
      ),
      scenarios: mergeScenarioIterations(
        ran.map((part) => part.scenarios ?? {}),
        seconds,
      ),
      toolCpuSeconds: round(
        sum(ran, (part) => part.toolCpuSeconds ?? 0),
        3,
      ),
      seconds: Math.max(...ran.map((part) => part.seconds ?? 0)),
      errorSamples: distinct(ran.flatMap((part) => part.errorSamples ?? [])),
    }
  })
}

const distinct = (messages: readonly string[]): string[] =>
  [...new Set(messages)].slice(0, MAX_ERROR_SAMPLES)

const joined = (values: readonly string[]): string => [...new Set(values)].join(', ')

/** The scenario of the whole: the measured settings are common; users and iterations add up. */
function mergeScenario(specs: readonly ScenarioSpec[]): ScenarioSpec {
  const durations = specs.flatMap((spec) =>
    spec.durationSeconds === null ? [] : [spec.durationSeconds],
  )
  const iterations = specs.flatMap((spec) => (spec.iterations === null ? [] : [spec.iterations]))
  return {
    ...specs[0]!,
    vus: sum(specs, (spec) => spec.vus),
    durationSeconds: durations.length === 0 ? null : Math.max(...durations),
    rampUpSeconds: Math.max(...specs.map((spec) => spec.rampUpSeconds)),
    iterations: iterations.length === 0 ? null : sum(iterations, (count) => count),
    images: Math.max(...specs.map((spec) => spec.images)),
    repoPrefix: joined(specs.map((spec) => spec.repoPrefix)),
    ...(specs[0]!.rate
      ? {
          rate: specs[0]!.rate.map((stage, index) => ({
            ...stage,
            perSecond: sum(specs, (spec) => spec.rate?.[index]?.perSecond ?? 0),
          })),
        }
      : {}),
  }
}

/** The open model's schedules added up, step by step (the steps line up: checkMergeable). */
function mergeArrivals(
  results: readonly BenchResult[],
  seconds: number,
): ArrivalResult | undefined {
  const all = results.flatMap((result) => (result.arrivals ? [result.arrivals] : []))
  if (all.length === 0) return undefined
  const asked = sum(all, (arrivals) => arrivals.asked)
  const started = sum(all, (arrivals) => arrivals.started)
  return {
    asked,
    started,
    dropped: sum(all, (arrivals) => arrivals.dropped),
    askedPerSecond: perSecond(asked, seconds, 3),
    startedPerSecond: perSecond(started, seconds, 3),
    stages: all[0]!.stages.map((stage, index) => {
      const steps = all.map((arrivals) => arrivals.stages[index]!)
      const stepStarted = sum(steps, (step) => step.started)
      return {
        perSecond: sum(steps, (step) => step.perSecond),
        seconds: stage.seconds,
        asked: sum(steps, (step) => step.asked),
        started: stepStarted,
        dropped: sum(steps, (step) => step.dropped),
        startedPerSecond: perSecond(stepStarted, stage.seconds, 3),
      }
    }),
  }
}

/** The failure that stopped the first job stopped by one. */
const stopErrorOf = (results: readonly BenchResult[]) =>
  results.find((result) => result.stopError)?.stopError

function mergeStopReason(reasons: readonly StopReason[]): StopReason {
  if (reasons.includes('interrupted')) return 'interrupted'
  if (reasons.includes('auth-failed')) return 'auth-failed'
  return reasons.every((reason) => reason === reasons[0]) ? reasons[0]! : 'duration'
}

/**
 * Adds up the results of several runs of one scenario (a matrix of runners): histograms are
 * added (percentiles of the union, never averages of percentiles), counts, errors and bytes
 * summed, the per-second series aligned on epoch seconds, and each job's start skew and share
 * listed. The result is a bench result like the others: it merges again.
 */
export function mergeResults(inputs: readonly MergeInput[]): BenchResult {
  checkMergeable(inputs)
  const results = inputs.map((input) => input.result)
  const first = results[0]!
  const startedAtMs = Math.min(...results.map((result) => result.startedAtMs))
  const endedAtMs = Math.max(...results.map((result) => result.endedAtMs))
  const seconds = (endedAtMs - startedAtMs) / 1000
  const kinds = mergeKinds(results, seconds)
  const series = mergeSeries(results)
  const arrivals = mergeArrivals(results, seconds)
  const kindList = Object.values(kinds)
  const requests = sum(kindList, (kind) => kind.count)
  const bytesSent = sum(kindList, (kind) => kind.bytesSent)
  const bytesReceived = sum(kindList, (kind) => kind.bytesReceived)
  const jobs = inputs
    .flatMap(({ file, result }) => jobsOf(file, result))
    .sort((a, b) => a.startedAtMs - b.startedAtMs)
    .map((job) => ({
      ...job,
      startSkewMs: job.startedAtMs - startedAtMs,
      share: round(requests > 0 ? job.requests / requests : 0, 4),
    }))
  const startAts = [...new Set(jobs.map((job) => job.startAtMs))]
  const startAtMs = startAts.length === 1 ? startAts[0] : null
  return {
    format: RESULT_FORMAT,
    tool: first.tool,
    scenario: mergeScenario(results.map((result) => result.scenario)),
    registry: first.registry,
    runId: `merged-${createHash('sha256')
      .update(jobs.map((job) => job.runId).join('\n'))
      .digest('hex')
      .slice(0, 12)}`,
    host: {
      hostname: joined(results.map((result) => result.host.hostname)),
      cpus: sum(results, (result) => result.host.cpus),
      platform: joined(results.map((result) => result.host.platform)),
      arch: joined(results.map((result) => result.host.arch)),
      node: joined(results.map((result) => result.host.node)),
    },
    startedAt: new Date(startedAtMs).toISOString(),
    endedAt: new Date(endedAtMs).toISOString(),
    startedAtMs,
    endedAtMs,
    ...(startAtMs === null || startAtMs === undefined ? {} : { startAtMs }),
    seconds: round(seconds, 3),
    stopReason: mergeStopReason(results.map((result) => result.stopReason)),
    ...(stopErrorOf(results) ? { stopError: stopErrorOf(results) } : {}),
    histogram: first.histogram,
    totals: {
      requests,
      errors: sum(kindList, (kind) => kind.errors),
      interrupted: sum(kindList, (kind) => kind.interrupted),
      bytesSent,
      bytesReceived,
      requestsPerSecond: perSecond(requests, seconds, 3),
      megabytesPerSecond: perSecond((bytesSent + bytesReceived) / 1e6, seconds, 3),
      errorsByStatus: addCounts(kindList.map((kind) => kind.errorsByStatus)),
      latency: percentilesOf(unionOf(kindList.map((kind) => kind.histograms.latency))),
      ttfb: percentilesOf(unionOf(kindList.map((kind) => kind.histograms.ttfb))),
      tlsProbes: sum(results, (result) => result.totals.tlsProbes),
      connections: sum(results, (result) => result.totals.connections),
    },
    kinds,
    ...(arrivals ? { arrivals } : {}),
    iterations: {
      total: mergeIterations(
        results.map((result) => result.iterations.total),
        seconds,
      ),
      scenarios: mergeScenarioIterations(
        results.map((result) => result.iterations.scenarios),
        seconds,
      ),
    },
    series,
    untimed: {
      setup: mergePhase(results.map((result) => result.untimed.setup)),
      cleanup: mergePhase(results.map((result) => result.untimed.cleanup)),
    },
    cpu: mergeCpu(results),
    cleanup: mergeCleanup(results),
    compare: mergeCompare(results, seconds),
    errorSamples: distinct(results.flatMap((result) => result.errorSamples)),
    merged: {
      jobs,
      startSpreadMs: Math.max(...jobs.map((job) => job.startedAtMs)) - startedAtMs,
    },
  }
}

/** The result files named, globs expanded. */
export const expandResultPaths = (patterns: readonly string[]): Promise<string[]> =>
  expandPaths(patterns, 'result file', 'USAGE')

/** Reads bench results (JSON files written by --out, or merged ones). */
export async function readResults(paths: readonly string[]): Promise<MergeInput[]> {
  return Promise.all(
    paths.map(async (file) => {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        throw new TarPushError(
          'USAGE',
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
          { subject: file, hint: 'pass the JSON files bench --out wrote' },
        )
      }
      try {
        return { file, result: JSON.parse(text) as BenchResult }
      } catch (error) {
        throw new TarPushError('USAGE', `${file} is not JSON: ${(error as Error).message}`, {
          subject: file,
          hint: 'pass the JSON files bench --out wrote',
        })
      }
    }),
  )
}
