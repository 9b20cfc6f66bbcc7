import { ERROR_CODES, TarPushError, type ErrorCode } from '../errors.ts'
import { decodeHistogram, mergeHistograms, percentileMs, type Percentiles } from './histogram.ts'
import type { Progress } from './run.ts'
import type {
  ArrivalResult,
  BenchResult,
  CompareResult,
  KindResult,
  IterationResult,
  ScenarioName,
  SecondResult,
} from './result.ts'

/** A duration for people: 0.42 ms, 12.3 ms, 845 ms, 2.31 s. */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 100) return `${ms.toFixed(0)} ms`
  if (ms >= 1) return `${ms.toFixed(1)} ms`
  return `${ms.toFixed(2)} ms`
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)

/** Plain columns, left-aligned first column, the others right-aligned. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)))
  return rows.map((row) =>
    row
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!),
      )
      .join('  ')
      .trimEnd(),
  )
}

function describeErrors(byStatus: Record<string, number>): string {
  return Object.entries(byStatus)
    .sort(([, a], [, b]) => b - a)
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ')
}

function headline(result: BenchResult): string {
  const { scenario } = result
  const mix =
    scenario.name === 'mixed'
      ? ` (${Object.entries(scenario.mix)
          .map(([name, weight]) => `${name}=${weight}`)
          .join(',')})`
      : ''
  const jobs = result.merged ? ` in ${result.merged.jobs.length} jobs` : ''
  const stopped =
    result.stopReason === 'auth-failed' ? 'an authentication failure' : result.stopReason
  return `${scenario.name}${mix} against ${result.registry}: ${scenario.vus} virtual users${jobs}, ${result.seconds.toFixed(1)} s, stopped by ${stopped}`
}

/** A merged result's jobs: when each started (skew, lateness), its part of the load, its p95. */
function jobRows(result: BenchResult): string[][] {
  const rows = [['job', 'host', 'start', 'late', 'seconds', 'users', 'requests', 'share', 'p95']]
  for (const job of result.merged?.jobs ?? []) {
    rows.push([
      job.source,
      job.hostname,
      `+${formatMs(job.startSkewMs)}`,
      job.lateMs === null ? '' : formatMs(job.lateMs),
      job.seconds.toFixed(1),
      String(job.vus),
      String(job.requests),
      `${(job.share * 100).toFixed(1)}%`,
      formatMs(job.p95Ms),
    ])
  }
  return rows
}

function skewLine(result: BenchResult): string {
  const merged = result.merged!
  const startAt =
    result.startAtMs === undefined
      ? ''
      : ` (--start-at ${new Date(result.startAtMs).toISOString()})`
  return `${merged.jobs.length} jobs, starts spread over ${formatMs(merged.startSpreadMs)}${startAt}`
}

function latencyCells(latency: Percentiles): string[] {
  return [latency.p50, latency.p90, latency.p95, latency.p99, latency.max].map(formatMs)
}

/** The table printed at the end of a run (on standard error). */
export function formatReport(result: BenchResult): string {
  const lines = [`tar-push bench ${result.tool.version}: ${headline(result)}`, '']
  const header = [
    'request',
    'count',
    'errors',
    'p50',
    'p90',
    'p95',
    'p99',
    'max',
    'ttfb p95',
    'MB',
    'MB/s',
  ]
  const row = (
    label: string,
    count: number,
    stats: Pick<
      KindResult,
      'errors' | 'latency' | 'ttfb' | 'bytesSent' | 'bytesReceived' | 'megabytesPerSecond'
    >,
  ) => [
    label,
    String(count),
    String(stats.errors),
    ...latencyCells(stats.latency),
    formatMs(stats.ttfb.p95),
    mb(stats.bytesSent + stats.bytesReceived),
    stats.megabytesPerSecond.toFixed(1),
  ]
  const rows = [
    header,
    ...Object.entries(result.kinds).map(([kind, stats]) => row(kind, stats.count, stats)),
    row('all', result.totals.requests, result.totals),
  ]
  const { totals } = result
  lines.push(...columns(rows))
  lines.push(
    '',
    `${totals.requestsPerSecond.toFixed(1)} requests/s, ${totals.megabytesPerSecond.toFixed(1)} MB/s, ` +
      `${totals.errors} errors${totals.errors ? ` (${describeErrors(totals.errorsByStatus)})` : ''}` +
      (totals.interrupted ? `, ${totals.interrupted} cut by the stop` : '') +
      `, ${totals.connections} connections opened`,
  )
  lines.push('', ...iterationTable(result.iterations.scenarios))
  if (result.arrivals) lines.push('', ...arrivalLines(result.arrivals))
  if (result.merged) lines.push('', skewLine(result), ...columns(jobRows(result)))
  lines.push('', cpuLine(result))
  const untimed = result.untimed
  if (untimed.setup.requests || untimed.cleanup.requests)
    lines.push(
      `not measured: ${untimed.setup.requests} requests connecting and seeding, ${untimed.cleanup.requests} cleaning up`,
    )
  if (result.cleanup)
    lines.push(
      `cleanup: deleted ${result.cleanup.deleted} of ${result.cleanup.manifests} manifests${result.cleanup.note ? ` (${result.cleanup.note})` : ''}`,
    )
  for (const compare of result.compare) lines.push('', ...compareLines(result, compare))
  if (result.errorSamples.length > 0)
    lines.push('', 'errors seen:', ...result.errorSamples.map((message) => `  ${message}`))
  return lines.join('\n')
}

/** The open model: the rate asked against the rate achieved, step by step. */
function arrivalLines(arrivals: ArrivalResult): string[] {
  const steps = arrivals.stages.map(
    (stage) =>
      `  ${stage.perSecond}/s for ${stage.seconds} s: ${stage.started} started (${stage.startedPerSecond.toFixed(1)}/s), ${stage.dropped} dropped`,
  )
  return [
    `open model: ${arrivals.asked} iterations due, ${arrivals.started} started (${arrivals.startedPerSecond.toFixed(1)}/s of ${arrivals.askedPerSecond.toFixed(1)}/s asked), ` +
      `${arrivals.dropped} dropped with every user busy; durations count from when each was due`,
    ...(steps.length > 1 ? steps : []),
  ]
}

function iterationTable(scenarios: Partial<Record<ScenarioName, IterationResult>>): string[] {
  const rows = [['iteration', 'count', 'ok', 'failed', 'p50', 'p95', 'max', 'per s', 'MB']]
  for (const [name, stats] of Object.entries(scenarios)) {
    rows.push([
      name,
      String(stats.count),
      String(stats.ok),
      String(stats.failed),
      formatMs(stats.duration.p50),
      formatMs(stats.duration.p95),
      formatMs(stats.duration.max),
      stats.iterationsPerSecond.toFixed(2),
      mb(stats.bytes),
    ])
  }
  return columns(rows)
}

/** The closing CPU note: does the generator stay under one core? */
export function cpuLine(result: BenchResult): string {
  const { generator, registry } = result.cpu
  const under = generator.peakCores <= 1 ? 'under one core' : 'OVER one core'
  const generators = result.merged
    ? `${result.merged.jobs.length} generators ${generator.cores.toFixed(2)} cores together (busiest peak`
    : `generator ${generator.cores.toFixed(2)} cores (peak`
  const parts = [
    `cpu: ${generators} ${generator.peakCores.toFixed(2)}, ${under}; event-loop delay p99 ${formatMs(generator.eventLoopDelayP99Ms)})`,
  ]
  if (registry)
    parts.push(
      `registry pid ${registry.pid} ${registry.cores.toFixed(2)} cores (peak ${registry.peakCores.toFixed(2)})`,
    )
  return parts.join(', ')
}

/** Side by side: the raw-HTTP bench and the tool, per scenario, with the time ratio. */
function compareLines(result: BenchResult, compare: CompareResult): string[] {
  if (!compare.available) return [`compare ${compare.tool}: not available: ${compare.note}`]
  const lines = [`compare: tar-push bench (raw HTTP) vs ${compare.tool} ${compare.version ?? ''}`]
  const rows = [['iteration', 'tool', 'ok', 'failed', 'p50', 'p95', 'per s', 'p50 ratio']]
  for (const [name, ours] of Object.entries(result.iterations.scenarios)) {
    const theirs = compare.scenarios?.[name as ScenarioName]
    if (!theirs) continue
    const ratio = ours.duration.p50 > 0 ? theirs.duration.p50 / ours.duration.p50 : 0
    rows.push([
      name,
      'bench',
      String(ours.ok),
      String(ours.failed),
      formatMs(ours.duration.p50),
      formatMs(ours.duration.p95),
      ours.iterationsPerSecond.toFixed(2),
      '',
    ])
    rows.push([
      name,
      compare.tool,
      String(theirs.ok),
      String(theirs.failed),
      formatMs(theirs.duration.p50),
      formatMs(theirs.duration.p95),
      theirs.iterationsPerSecond.toFixed(2),
      `${ratio.toFixed(2)}x`,
    ])
  }
  lines.push(...columns(rows))
  if (compare.toolCpuSeconds !== undefined)
    lines.push(
      `${compare.tool} processes used ${compare.toolCpuSeconds.toFixed(1)} CPU seconds in ${compare.seconds?.toFixed(1)} s`,
    )
  for (const message of compare.errorSamples ?? [])
    lines.push(`  ${compare.tool} error: ${message}`)
  return lines
}

/** Seconds grouped so a chart has at most `points` points; each point merges its seconds. */
export function chartPoints(
  series: readonly SecondResult[],
  points = 60,
): { offset: number; requestsPerSecond: number; p95Ms: number; megabytesPerSecond: number }[] {
  if (series.length === 0) return []
  const width = Math.max(1, Math.ceil(series.length / points))
  const first = series[0]!.t
  const result = []
  for (let start = 0; start < series.length; start += width) {
    const window = series.slice(start, start + width)
    const sum = (pick: (second: SecondResult) => number) =>
      window.reduce((total, second) => total + pick(second), 0)
    const latency = mergeHistograms(window.map((second) => decodeHistogram(second.latency)))
    result.push({
      offset: window[0]!.t - first,
      requestsPerSecond: sum((second) => second.requests) / window.length,
      p95Ms: percentileMs(latency, 95),
      megabytesPerSecond:
        sum((second) => second.bytesSent + second.bytesReceived) / 1e6 / window.length,
    })
  }
  return result
}

const num = (value: number) => String(Number(value.toFixed(value >= 100 ? 0 : 2)))

/** A Mermaid xychart-beta line chart (GitHub renders it in job summaries and Markdown). */
export function mermaidChart(
  title: string,
  yLabel: string,
  labels: string[],
  values: number[],
): string {
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "seconds" [${labels.map((label) => `"${label}"`).join(', ')}]`,
    `  y-axis "${yLabel}"`,
    `  line [${values.map(num).join(', ')}]`,
    '```',
  ].join('\n')
}

const cell = (text: string) => text.replace(/\|/g, '\\|')

/** The `--summary` Markdown: tables and charts of throughput and p95 over time. */
export function formatMarkdown(result: BenchResult): string {
  const { totals } = result
  const lines = [
    `### tar-push bench: ${cell(headline(result))}`,
    '',
    `**${totals.requestsPerSecond.toFixed(1)} requests/s**, **${totals.megabytesPerSecond.toFixed(1)} MB/s**, ` +
      `p95 ${formatMs(totals.latency.p95)}, ${totals.errors} errors` +
      (totals.errors ? ` (${describeErrors(totals.errorsByStatus)})` : '') +
      ` in ${totals.requests} requests.`,
    '',
    '| request | count | errors | p50 | p90 | p95 | p99 | max | TTFB p95 | MB/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const row = (
    name: string,
    stats: {
      count: number
      errors: number
      latency: Percentiles
      ttfb: Percentiles
      megabytesPerSecond: number
    },
  ) =>
    `| ${name} | ${stats.count} | ${stats.errors} | ${latencyCells(stats.latency).join(' | ')} | ${formatMs(stats.ttfb.p95)} | ${stats.megabytesPerSecond.toFixed(1)} |`
  for (const [kind, stats] of Object.entries(result.kinds)) lines.push(row(kind, stats))
  lines.push(row('**all**', { ...totals, count: totals.requests }))
  lines.push(
    '',
    '| iteration | count | ok | failed | p50 | p95 | max | per s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const [name, stats] of Object.entries(result.iterations.scenarios)) {
    lines.push(
      `| ${name} | ${stats.count} | ${stats.ok} | ${stats.failed} | ${formatMs(stats.duration.p50)} | ${formatMs(stats.duration.p95)} | ${formatMs(stats.duration.max)} | ${stats.iterationsPerSecond.toFixed(2)} |`,
    )
  }
  if (result.merged) {
    const [header, ...rows] = jobRows(result)
    lines.push(
      '',
      `${cell(skewLine(result))}:`,
      '',
      `| ${header!.join(' | ')} |`,
      `| --- | --- | ${header!
        .slice(2)
        .map(() => '---:')
        .join(' | ')} |`,
      ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    )
  }
  lines.push('', cell(cpuLine(result)))
  for (const compare of result.compare) {
    lines.push('')
    if (!compare.available) {
      lines.push(`Compare ${compare.tool}: not available: ${cell(compare.note)}`)
      continue
    }
    lines.push(
      `| iteration | bench p50 | ${compare.tool} p50 | ratio | bench per s | ${compare.tool} per s |`,
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    )
    for (const [name, ours] of Object.entries(result.iterations.scenarios)) {
      const theirs = compare.scenarios?.[name as ScenarioName]
      if (!theirs) continue
      const ratio = ours.duration.p50 > 0 ? theirs.duration.p50 / ours.duration.p50 : 0
      lines.push(
        `| ${name} | ${formatMs(ours.duration.p50)} | ${formatMs(theirs.duration.p50)} | ${ratio.toFixed(2)}x | ${ours.iterationsPerSecond.toFixed(2)} | ${theirs.iterationsPerSecond.toFixed(2)} |`,
      )
    }
  }
  const points = chartPoints(result.series)
  if (points.length > 1) {
    const labels = points.map((point) => String(point.offset))
    lines.push(
      '',
      mermaidChart(
        'Throughput (requests/s)',
        'requests/s',
        labels,
        points.map((point) => point.requestsPerSecond),
      ),
      '',
      mermaidChart(
        'p95 latency (ms)',
        'ms',
        labels,
        points.map((point) => point.p95Ms),
      ),
    )
  }
  return `${lines.join('\n')}\n`
}

/** The live progress line: elapsed time, users, iterations, requests, errors, p95, MB/s, CPU. */
export function formatProgress(progress: Progress): string {
  const time =
    progress.durationSeconds === null
      ? `${progress.elapsedSeconds.toFixed(0)}s`
      : `${Math.min(progress.elapsedSeconds, progress.durationSeconds).toFixed(0)}/${progress.durationSeconds}s`
  const iterations =
    progress.iterationsTarget === null
      ? `${progress.iterations} iterations`
      : `${progress.iterations}/${progress.iterationsTarget} iterations`
  return [
    time,
    `users ${progress.activeVus}/${progress.vus}`,
    iterations,
    `${progress.requests} requests (${progress.requestsPerSecond}/s)`,
    `${progress.errors} errors`,
    `p95 ${formatMs(progress.p95Ms)}`,
    `${progress.megabytesPerSecond.toFixed(1)} MB/s`,
    `cpu ${progress.generatorCores.toFixed(2)}`,
  ].join('  ')
}

/** Why a run failed as a whole (iterations ran, none succeeded), or undefined. */
export function allFailed(result: BenchResult): string | undefined {
  const { total } = result.iterations
  if (total.count === 0 || total.ok > 0) return undefined
  return `no iteration succeeded (${Object.entries(total.errorsByCode)
    .map(([code, count]) => `${code} ×${count}`)
    .join(', ')}); first error: ${result.errorSamples[0] ?? 'unknown'}`
}

/** The failure that stopped the run early (stopReason `auth-failed`), to print and exit on. */
export function stopFailure(result: BenchResult): TarPushError | undefined {
  const failure = result.stopError
  if (!failure) return undefined
  const code = ERROR_CODES.includes(failure.code as ErrorCode)
    ? (failure.code as ErrorCode)
    : 'AUTH_FAILED'
  return new TarPushError(code, failure.message, { hint: failure.hint })
}
