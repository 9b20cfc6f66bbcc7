/**
 * `bench merge` on results made from known raw samples: percentiles of the union within the
 * histogram's precision (never averages of percentiles), sums, series aligned on epoch seconds,
 * per-job skew, refusals naming the files, and a merged result that merges again.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  HISTOGRAM_SETTINGS,
  createHistogram,
  decodeHistogram,
  encodeHistogram,
  percentilesOf,
  recordMs,
} from '../../src/lib/loadtest/histogram.ts'
import { mergeResults, type MergeInput } from '../../src/lib/loadtest/merge.ts'
import { formatMarkdown, formatReport } from '../../src/lib/loadtest/report.ts'
import {
  RESULT_FORMAT,
  type BenchResult,
  type SecondResult,
} from '../../src/lib/loadtest/result.ts'
import { parseStartAt, checkStartAt } from '../../src/lib/loadtest/start-at.ts'

interface Sample {
  kind: string
  /** Epoch ms the request ended. */
  at: number
  ms: number
  status?: number
}

const histogramOf = (values: readonly number[]) => {
  const histogram = createHistogram()
  for (const value of values) recordMs(histogram, value)
  return histogram
}

/** A bench result holding exactly these samples, as a run would have recorded them. */
function resultOf(runId: string, samples: readonly Sample[], extra: Partial<BenchResult> = {}) {
  const startedAtMs = Math.min(...samples.map((sample) => sample.at - sample.ms))
  const endedAtMs = Math.max(...samples.map((sample) => sample.at))
  const seconds = (endedAtMs - startedAtMs) / 1000
  const kinds: BenchResult['kinds'] = {}
  for (const kind of new Set(samples.map((sample) => sample.kind))) {
    const mine = samples.filter((sample) => sample.kind === kind)
    const errors = mine.filter((sample) => sample.status)
    const latency = histogramOf(mine.map((sample) => sample.ms))
    kinds[kind] = {
      count: mine.length,
      errors: errors.length,
      interrupted: 0,
      errorsByStatus: Object.fromEntries(
        [...new Set(errors.map((sample) => String(sample.status)))].map((status) => [
          status,
          errors.filter((sample) => String(sample.status) === status).length,
        ]),
      ),
      bytesSent: 100 * mine.length,
      bytesReceived: 1000 * mine.length,
      megabytesPerSecond: 0,
      latency: percentilesOf(latency),
      ttfb: percentilesOf(latency),
      histograms: { latency: encodeHistogram(latency), ttfb: encodeHistogram(latency) },
    }
  }
  const series: SecondResult[] = []
  for (let t = Math.floor(startedAtMs / 1000); t <= Math.floor(endedAtMs / 1000); t++) {
    const mine = samples.filter((sample) => Math.floor(sample.at / 1000) === t)
    const latency = histogramOf(mine.map((sample) => sample.ms))
    series.push({
      t,
      requests: mine.length,
      errors: mine.filter((sample) => sample.status).length,
      bytesSent: 100 * mine.length,
      bytesReceived: 1000 * mine.length,
      iterations: mine.length,
      iterationErrors: 0,
      activeVus: 2,
      p95Ms: percentilesOf(latency).p95,
      latency: encodeHistogram(latency),
      generatorCores: 0.25,
      registryCores: null,
    })
  }
  const all = histogramOf(samples.map((sample) => sample.ms))
  const iterations = {
    count: samples.length,
    ok: samples.length,
    failed: 0,
    interrupted: 0,
    errorsByCode: {},
    bytes: 1100 * samples.length,
    iterationsPerSecond: 0,
    duration: percentilesOf(all),
    histogram: encodeHistogram(all),
  }
  const result: BenchResult = {
    format: RESULT_FORMAT,
    tool: { name: 'tar-push', version: '0.1.0' },
    scenario: {
      name: 'push',
      mix: { push: 1 },
      vus: 2,
      durationSeconds: 20,
      rampUpSeconds: 0,
      iterations: null,
      layers: 1,
      layerSize: 1024,
      images: 2,
      upload: 'patch',
      chunkSize: 0,
      reconnect: false,
      verify: true,
      retries: 0,
      repoPrefix: 'bench/',
    },
    registry: '127.0.0.1:5000',
    runId,
    host: { hostname: runId, cpus: 2, platform: 'linux', arch: 'x64', node: 'v24' },
    startedAt: new Date(startedAtMs).toISOString(),
    endedAt: new Date(endedAtMs).toISOString(),
    startedAtMs,
    endedAtMs,
    seconds,
    stopReason: 'duration',
    histogram: HISTOGRAM_SETTINGS,
    totals: {
      requests: samples.length,
      errors: Object.values(kinds).reduce((sum, kind) => sum + kind.errors, 0),
      interrupted: 0,
      bytesSent: 100 * samples.length,
      bytesReceived: 1000 * samples.length,
      requestsPerSecond: samples.length / seconds,
      megabytesPerSecond: 0,
      errorsByStatus: {},
      latency: percentilesOf(all),
      ttfb: percentilesOf(all),
      tlsProbes: 1,
      connections: 2,
    },
    kinds,
    iterations: { total: iterations, scenarios: { push: iterations } },
    series,
    untimed: {
      setup: { requests: 3, errors: 0, interrupted: 0, kinds: { ping: 1, token: 2 } },
      cleanup: { requests: 0, errors: 0, interrupted: 0, kinds: {} },
    },
    cpu: {
      generator: { seconds: 1, cores: 0.25, peakCores: 0.25, eventLoopDelayP99Ms: 1 },
      registry: null,
    },
    cleanup: null,
    compare: [],
    errorSamples: [],
    ...extra,
  }
  return result
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** n samples between `from` and `from + 20 s`, log-normal-ish latencies scaled by `scale`. */
function samplesOf(seed: number, n: number, from: number, scale: number): Sample[] {
  const next = random(seed)
  return Array.from({ length: n }, (_, index) => {
    const ms = scale * Math.exp(2 * next()) * (next() < 0.02 ? 20 : 1)
    return {
      kind: index % 3 === 0 ? 'blob HEAD' : 'blob PATCH',
      at: from + Math.floor((index / n) * 20_000) + ms,
      ms: Math.round(ms * 1000) / 1000,
      ...(index % 97 === 5 ? { status: 503 } : {}),
    }
  })
}

/** The p-th percentile of raw values as HdrHistogram defines it. */
function rawPercentile(values: readonly number[], percentile: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil((percentile / 100) * sorted.length)) - 1]!
}

const within = (actual: number, expected: number, what: string) => {
  const tolerance = expected * 1e-3 + 0.001
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`)
}

const T0 = Date.UTC(2025, 5, 1, 12, 0, 0)
const jobA = samplesOf(1, 3000, T0, 2)
const jobB = samplesOf(2, 2000, T0 + 40, 5)
const jobC = samplesOf(3, 1000, T0 + 1500, 30)
const inputs = (): MergeInput[] => [
  { file: 'a.json', result: resultOf('run-a', jobA, { startAtMs: T0 }) },
  { file: 'b.json', result: resultOf('run-b', jobB, { startAtMs: T0 }) },
  { file: 'c.json', result: resultOf('run-c', jobC, { startAtMs: T0 }) },
]

describe('bench merge', () => {
  it('percentiles are those of all samples together (within 0.1%), not averages of percentiles', () => {
    const merged = mergeResults(inputs())
    const all = [...jobA, ...jobB, ...jobC]
    for (const percentile of [50, 90, 95, 99] as const) {
      const expected = rawPercentile(
        all.map((sample) => sample.ms),
        percentile,
      )
      within(merged.totals.latency[`p${percentile}`], expected, `p${percentile}`)
    }
    const averageOfP99s =
      inputs().reduce((sum, input) => sum + input.result.totals.latency.p99, 0) / 3
    assert.ok(
      Math.abs(averageOfP99s - merged.totals.latency.p99) > merged.totals.latency.p99 * 0.05,
    )
    for (const kind of ['blob HEAD', 'blob PATCH']) {
      const raw = all.filter((sample) => sample.kind === kind).map((sample) => sample.ms)
      within(merged.kinds[kind]!.latency.p99, rawPercentile(raw, 99), `${kind} p99`)
      assert.equal(merged.kinds[kind]!.count, raw.length)
      assert.equal(decodeHistogram(merged.kinds[kind]!.histograms.latency).totalCount, raw.length)
    }
    within(merged.totals.latency.max, Math.max(...all.map((sample) => sample.ms)), 'max')
  })

  it('sums counts, errors by status, bytes and setup requests; users add up', () => {
    const merged = mergeResults(inputs())
    assert.equal(merged.totals.requests, 6000)
    const errors = [...jobA, ...jobB, ...jobC].filter((sample) => sample.status).length
    assert.equal(merged.totals.errors, errors)
    assert.deepEqual(merged.totals.errorsByStatus, { '503': errors })
    assert.equal(merged.totals.bytesSent, 600_000)
    assert.equal(merged.untimed.setup.requests, 9)
    assert.deepEqual(merged.untimed.setup.kinds, { ping: 3, token: 6 })
    assert.equal(merged.scenario.vus, 6)
    assert.equal(merged.iterations.total.count, 6000)
    assert.equal(merged.totals.tlsProbes, 3)
    assert.equal(merged.startAtMs, T0)
    assert.equal(merged.host.cpus, 6)
  })

  it('aligns the series on epoch seconds: per second sums, p95 of the union', () => {
    const results = inputs().map((input) => input.result)
    const merged = mergeResults(inputs())
    const first = Math.min(...results.flatMap((result) => result.series.map((s) => s.t)))
    assert.equal(merged.series[0]!.t, first)
    for (const [index, second] of merged.series.entries()) {
      assert.equal(second.t, first + index, 'one row per second, none skipped')
      const parts = results.flatMap((result) => result.series.filter((s) => s.t === second.t))
      assert.equal(
        second.requests,
        parts.reduce((sum, part) => sum + part.requests, 0),
      )
      assert.equal(
        second.activeVus,
        parts.reduce((sum, part) => sum + part.activeVus, 0),
      )
      const raw = [...jobA, ...jobB, ...jobC]
        .filter((sample) => Math.floor(sample.at / 1000) === second.t)
        .map((sample) => sample.ms)
      if (raw.length > 0) within(second.p95Ms, rawPercentile(raw, 95), `p95 of second ${second.t}`)
    }
    assert.equal(
      merged.series.reduce((sum, second) => sum + second.requests, 0),
      6000,
    )
  })

  it('fills a short gap between jobs with empty seconds, not an hour between runs', () => {
    const near = samplesOf(4, 200, T0 + 25_000, 2)
    const far = samplesOf(5, 200, T0 + 3_600_000, 2)
    const a = { file: 'a.json', result: resultOf('run-a', jobA) }
    const series = (other: Sample[]) =>
      mergeResults([a, { file: 'd.json', result: resultOf('run-d', other) }]).series
    const withNear = series(near)
    assert.deepEqual(
      withNear.map((second) => second.t - withNear[0]!.t),
      withNear.map((_, index) => index),
    )
    assert.ok(withNear.some((second) => second.requests === 0))
    const withFar = series(far)
    assert.equal(withFar.length, a.result.series.length + resultOf('run-d', far).series.length)
  })

  it('lists each job with its start skew, lateness and share', () => {
    const merged = mergeResults(inputs())
    const jobs = merged.merged!.jobs
    assert.deepEqual(
      jobs.map((job) => job.source),
      ['a.json', 'b.json', 'c.json'],
    )
    assert.deepEqual(
      jobs.map((job) => job.share),
      [0.5, 0.3333, 0.1667],
    )
    assert.equal(jobs[0]!.startSkewMs, 0)
    assert.equal(jobs[2]!.startSkewMs, merged.merged!.startSpreadMs)
    assert.equal(jobs[2]!.lateMs, jobs[2]!.startedAtMs - T0)
    const report = formatReport(merged)
    assert.match(report, /6 virtual users in 3 jobs/)
    assert.match(report, /3 jobs, starts spread over/)
    assert.match(report, /c\.json .* 16\.7%/)
    const markdown = formatMarkdown(merged)
    assert.match(markdown, /\| job \| host \| start \| late \|/)
    assert.match(markdown, /```mermaid/)
  })

  it('a merged result merges again, as if all jobs were merged at once', () => {
    const [a, b, c] = inputs()
    const once = mergeResults([a!, b!, c!])
    const partial = JSON.parse(JSON.stringify(mergeResults([a!, b!]))) as BenchResult
    const twice = mergeResults([{ file: 'ab.json', result: partial }, c!])
    assert.deepEqual(twice.totals, once.totals)
    assert.deepEqual(twice.kinds, once.kinds)
    assert.deepEqual(twice.series, once.series)
    assert.deepEqual(twice.iterations, once.iterations)
    assert.deepEqual(twice.scenario, once.scenario)
    assert.deepEqual(
      twice.merged!.jobs.map((job) => job.source),
      ['ab.json > a.json', 'ab.json > b.json', 'c.json'],
    )
    assert.equal(twice.runId, once.runId, 'the merged run is named by its jobs')
  })

  it('refuses results of other scenarios, versions, formats, registries, and a run twice', () => {
    const [a, b] = inputs()
    const variant = (change: (result: BenchResult) => void): MergeInput => {
      const result = structuredClone(b!.result)
      change(result)
      return { file: 'other.json', result }
    }
    const cases: [MergeInput, RegExp][] = [
      [
        variant((result) => (result.scenario.name = 'pull')),
        /different scenarios \(scenario\.name\): "push" in a\.json; "pull" in other\.json/,
      ],
      [
        variant((result) => (result.scenario.layerSize = 2048)),
        /different scenarios \(scenario\.layerSize\): 1024 in a\.json; 2048 in other\.json/,
      ],
      [
        variant((result) => (result.tool.version = '0.2.0')),
        /different tar-push versions: "0\.1\.0" in a\.json; "0\.2\.0" in other\.json/,
      ],
      [
        variant((result) => ((result as { format: string }).format = 'tar-push-bench/2')),
        /other\.json is a tar-push-bench\/2 result; this tar-push merges tar-push-bench\/1/,
      ],
      [
        variant((result) => delete (result as Partial<BenchResult>).format),
        /other\.json is not a tar-push bench result/,
      ],
      [variant((result) => (result.registry = 'registry.example.com')), /different registries/],
      [variant((result) => (result.runId = 'run-a')), /a\.json and other\.json hold the same run/],
    ]
    for (const [input, message] of cases)
      assert.throws(
        () => mergeResults([a!, input]),
        (error: Error & { code?: string }) => error.code === 'USAGE' && message.test(error.message),
        String(message),
      )
    // Users, duration and iterations only shape the load: jobs may differ in them.
    const bigger = variant((result) => {
      result.scenario.vus = 8
      result.scenario.durationSeconds = 30
    })
    assert.equal(mergeResults([a!, bigger]).scenario.vus, 10)
    assert.equal(mergeResults([a!, bigger]).scenario.durationSeconds, 30)
  })
})

describe('--start-at', () => {
  it('takes ISO 8601 with a zone or epoch seconds', () => {
    assert.equal(parseStartAt('2025-06-01T12:00:00Z'), T0)
    assert.equal(parseStartAt('2025-06-01T14:00:00.250+02:00'), T0 + 250)
    assert.equal(parseStartAt(String(T0 / 1000)), T0)
    assert.equal(parseStartAt('1748779200.5'), T0 + 500)
    assert.throws(() => parseStartAt('2025-06-01T12:00:00'), /has no time zone/)
    assert.throws(() => parseStartAt('tomorrow'), /"tomorrow" is not an instant/)
  })

  it('refuses more than an hour ahead or a minute past; a few seconds past is accepted', () => {
    checkStartAt(T0 + 59 * 60_000, T0)
    checkStartAt(T0 - 5_000, T0)
    assert.throws(() => checkStartAt(T0 + 2 * 3_600_000, T0), /is 120 min away; at most 1 h/)
    assert.throws(() => checkStartAt(T0 - 10 * 60_000, T0), /was 10 min ago/)
    assert.throws(() => checkStartAt(T0 * 1000, T0), /USAGE|away/)
  })
})
