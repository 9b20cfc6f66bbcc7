import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  createHistogram,
  decodeHistogram,
  encodeHistogram,
  mergeHistograms,
  percentilesOf,
  recordMs,
} from '../../src/lib/loadtest/histogram.ts'

/**
 * 3 significant digits: a recorded value is reported within 1/1000 of itself (HdrHistogram
 * returns the highest value equivalent to the bucket, so the error is one-sided and below 0.1%,
 * plus the microsecond the values are rounded to).
 */
const PRECISION = 1e-3
const within = (actual: number, expected: number, what: string, extra = 0) => {
  const tolerance = expected * (PRECISION + extra) + 0.001
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance.toFixed(4)} of ${expected}`,
  )
}

/** Samples at the exact quantiles of a distribution: x_i = F⁻¹((i + 0.5) / n). */
function stratified(inverseCdf: (p: number) => number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => inverseCdf((i + 0.5) / n))
}

const histogramOf = (values: readonly number[]) => {
  const histogram = createHistogram()
  for (const value of values) recordMs(histogram, value)
  return histogram
}

/** The p-th percentile of raw values as HdrHistogram defines it: the smallest value with at least p% at or below it. */
function rawPercentile(values: readonly number[], percentile: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length))
  return sorted[rank - 1]!
}

describe('bench histograms: percentiles of known distributions', () => {
  it('uniform on [0, 1000) ms: the p-th percentile is 10·p ms', () => {
    const n = 100_000
    const summary = percentilesOf(histogramOf(stratified((p) => 1000 * p, n)))
    assert.equal(summary.count, n)
    for (const [name, p] of [
      ['p50', 50],
      ['p90', 90],
      ['p95', 95],
      ['p99', 99],
    ] as const) {
      within(summary[name], 10 * p, `uniform ${name}`, 1 / n)
    }
    within(summary.max, 1000 * (1 - 0.5 / n), 'uniform max')
    within(summary.mean, 500, 'uniform mean')
  })

  it('exponential with mean 20 ms: quantile q is -20·ln(1-q)', () => {
    const mean = 20
    const n = 200_000
    const summary = percentilesOf(histogramOf(stratified((p) => -mean * Math.log(1 - p), n)))
    for (const [name, q] of [
      ['p50', 0.5],
      ['p90', 0.9],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const) {
      // Stratified samples sit 1/n apart in probability: allow that step of the quantile too.
      const step = mean / (1 - q) / n
      within(summary[name], -mean * Math.log(1 - q), `exponential ${name}`, step / mean)
    }
    within(summary.mean, mean, 'exponential mean', 0.002)
  })

  it('exponential drawn at random agrees with the raw samples within the precision', () => {
    let seed = 42
    const random = () => {
      // xorshift32: repeatable, no dependency
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      return ((seed >>> 0) + 0.5) / 2 ** 32
    }
    const values = Array.from({ length: 50_000 }, () => -5 * Math.log(1 - random()))
    const summary = percentilesOf(histogramOf(values))
    for (const [name, p] of [
      ['p50', 50],
      ['p90', 90],
      ['p99', 99],
    ] as const) {
      within(summary[name], Math.round(rawPercentile(values, p) * 1000) / 1000, `random ${name}`)
    }
  })

  it('a constant: every percentile is that value', () => {
    const summary = percentilesOf(histogramOf(Array.from({ length: 1000 }, () => 42.5)))
    for (const value of [
      summary.p50,
      summary.p90,
      summary.p95,
      summary.p99,
      summary.max,
      summary.min,
    ])
      within(value, 42.5, 'constant')
    assert.equal(summary.count, 1000)
  })

  it('no values: zeros, not NaN', () => {
    const summary = percentilesOf(createHistogram())
    assert.deepEqual(summary, { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 })
  })

  it('values from microseconds to minutes keep their precision (the histogram grows)', () => {
    for (const value of [0.003, 0.25, 7.5, 1234.5, 95_000, 600_000]) {
      within(percentilesOf(histogramOf([value])).p50, value, `single ${value}`)
    }
  })
})

describe('bench histograms: encoding and merging (results from several machines)', () => {
  it('the compressed encoding round-trips every count', () => {
    const values = stratified((p) => -10 * Math.log(1 - p), 20_000)
    const histogram = histogramOf(values)
    const decoded = decodeHistogram(encodeHistogram(histogram))
    assert.equal(decoded.totalCount, histogram.totalCount)
    const { max, ...rest } = percentilesOf(decoded)
    const { max: originalMax, ...originalRest } = percentilesOf(histogram)
    assert.deepEqual(rest, originalRest)
    // The encoding keeps buckets, not values: the max comes back as its bucket's top.
    within(max, originalMax, 'decoded max')
  })

  it('merged p99 equals the p99 of all raw samples, not an average of p99s', () => {
    const parts = [
      stratified((p) => 5 + 10 * p, 30_000), // fast machine: 5-15 ms
      stratified((p) => -50 * Math.log(1 - p), 10_000), // slow tail
      stratified(() => 100, 1000), // a constant plateau
    ]
    const merged = mergeHistograms(
      parts.map((values) => decodeHistogram(encodeHistogram(histogramOf(values)))),
    )
    const all = parts.flat()
    assert.equal(merged.totalCount, all.length)
    for (const p of [50, 95, 99]) {
      within(
        percentilesOf(merged)[`p${p}` as 'p50' | 'p95' | 'p99'],
        Math.round(rawPercentile(all, p) * 1000) / 1000,
        `merged p${p}`,
      )
    }
    const averageOfP99s =
      parts.map((values) => rawPercentile(values, 99)).reduce((a, b) => a + b) / 3
    assert.notEqual(Math.round(percentilesOf(merged).p99), Math.round(averageOfP99s))
  })
})
