import {
  build,
  decodeFromCompressedBase64,
  encodeIntoCompressedBase64,
  JsHistogram,
  type Histogram,
} from 'hdr-histogram-js'

export type { Histogram }

/**
 * Latencies are recorded in microseconds with 3 significant digits (HdrHistogram's usual
 * setting: any value is known within 0.1%). The pure-JS histogram is used, not the
 * WebAssembly one: it bundles with ncc as plain code and needs no asynchronous start-up.
 * Results carry these settings so a later merge (issue: results from several machines) can
 * check they agree before adding histograms.
 */
export const HISTOGRAM_SETTINGS = {
  unit: 'microseconds',
  lowestDiscernibleValue: 1,
  /** Grows on demand (autoResize); one hour is where it starts. */
  highestTrackableValue: 3_600_000_000,
  numberOfSignificantValueDigits: 3,
  bitBucketSize: 32,
  encoding: 'HdrHistogram V2 compressed, base64',
} as const

export function createHistogram(): Histogram {
  return build({
    bitBucketSize: HISTOGRAM_SETTINGS.bitBucketSize,
    autoResize: true,
    lowestDiscernibleValue: HISTOGRAM_SETTINGS.lowestDiscernibleValue,
    highestTrackableValue: HISTOGRAM_SETTINGS.highestTrackableValue,
    numberOfSignificantValueDigits: HISTOGRAM_SETTINGS.numberOfSignificantValueDigits,
    useWebAssembly: false,
  })
}

/** Records a duration given in milliseconds (fractions kept down to the microsecond). */
export function recordMs(histogram: Histogram, ms: number): void {
  histogram.recordValue(Math.max(0, Math.round(ms * 1000)))
}

/** A summary in milliseconds; every percentile is the histogram's (within its precision). */
export interface Percentiles {
  count: number
  min: number
  mean: number
  p50: number
  p90: number
  p95: number
  p99: number
  max: number
}

const toMs = (microseconds: number) => Math.round(microseconds) / 1000

export function percentilesOf(histogram: Histogram): Percentiles {
  const count = histogram.totalCount
  if (count === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 }
  return {
    count,
    min: toMs(
      histogram.minNonZeroValue === Number.MAX_SAFE_INTEGER ? 0 : histogram.minNonZeroValue,
    ),
    mean: toMs(meanOf(histogram)),
    p50: percentileMs(histogram, 50),
    p90: percentileMs(histogram, 90),
    p95: percentileMs(histogram, 95),
    p99: percentileMs(histogram, 99),
    max: toMs(histogram.maxValue),
  }
}

/**
 * The mean as hdr-histogram-js computes it (each bucket's count at its median value), by a plain
 * walk over the counts: the library walks them through an iterator that costs milliseconds per
 * histogram, and a report takes the mean of every kind's two histograms.
 */
function meanOf(histogram: Histogram): number {
  if (!(histogram instanceof JsHistogram)) return histogram.mean
  const last = histogram.countsArrayIndex(histogram.maxValue)
  let total = 0
  for (let index = 0; index <= last; index++) {
    const count = histogram.getCountAtIndex(index)
    if (count !== 0)
      total += histogram.medianEquivalentValue(histogram.valueFromIndex(index)) * count
  }
  return total / histogram.totalCount
}

/**
 * A percentile in milliseconds. HdrHistogram answers with the highest value of the percentile's
 * bucket, which may pass the exact max recorded: a p99 is never reported above the max.
 */
export function percentileMs(histogram: Histogram, percentile: number): number {
  if (histogram.totalCount === 0) return 0
  return toMs(Math.min(histogram.getValueAtPercentile(percentile), histogram.maxValue))
}

/** HdrHistogram's compressed encoding (V2, zlib, base64): what other HdrHistogram ports read. */
export function encodeHistogram(histogram: Histogram): string {
  return encodeIntoCompressedBase64(histogram)
}

export function decodeHistogram(encoded: string): Histogram {
  return decodeFromCompressedBase64(encoded, HISTOGRAM_SETTINGS.bitBucketSize, false)
}

/** The union of histograms: percentiles of all their values, never an average of percentiles. */
export function mergeHistograms(histograms: Iterable<Histogram>): Histogram {
  const total = createHistogram()
  for (const histogram of histograms) total.add(histogram)
  return total
}
