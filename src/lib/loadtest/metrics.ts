import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { Dispatcher } from 'undici'
import { ownCpuSeconds, processCpuSeconds } from './cpu.ts'
import {
  createHistogram,
  encodeHistogram,
  mergeHistograms,
  percentileMs,
  percentilesOf,
  recordMs,
  type Histogram,
} from './histogram.ts'
import { compareKinds, type RequestKind, type RequestSample, type SampleSink } from './requests.ts'
import type {
  IterationResult,
  KindResult,
  PhaseCount,
  ScenarioName,
  SecondResult,
} from './result.ts'

export type Phase = 'setup' | 'run' | 'cleanup'

/** Where each measured request goes besides the counters (the JTL file). */
export interface SampleWriter {
  write(sample: RequestSample, activeVus: number): void
}

class KindStats {
  count = 0
  errors = 0
  interrupted = 0
  readonly errorsByStatus = new Map<string, number>()
  bytesSent = 0
  bytesReceived = 0
  readonly latency = createHistogram()
  readonly ttfb = createHistogram()
}

export class IterationStats {
  count = 0
  ok = 0
  failed = 0
  interrupted = 0
  readonly errorsByCode = new Map<string, number>()
  bytes = 0
  readonly duration = createHistogram()

  record(iteration: IterationOutcome): void {
    this.count++
    this[iteration.outcome === 'ok' ? 'ok' : iteration.outcome]++
    if (iteration.outcome === 'failed') increment(this.errorsByCode, iteration.errorCode ?? 'ERROR')
    this.bytes += iteration.bytes
    // Interrupted iterations say how long they ran, not how long one takes.
    if (iteration.outcome !== 'interrupted') recordMs(this.duration, iteration.ms)
  }

  result(seconds: number): IterationResult {
    return {
      count: this.count,
      ok: this.ok,
      failed: this.failed,
      interrupted: this.interrupted,
      errorsByCode: Object.fromEntries(this.errorsByCode),
      bytes: this.bytes,
      iterationsPerSecond: round(seconds > 0 ? (this.ok + this.failed) / seconds : 0, 3),
      duration: percentilesOf(this.duration),
      histogram: encodeHistogram(this.duration),
    }
  }
}

export interface IterationOutcome {
  scenario: ScenarioName
  /** Time from the iteration's first request to its last answer. */
  ms: number
  outcome: 'ok' | 'failed' | 'interrupted'
  errorCode?: string | undefined
  /** Bytes sent and received by its requests. */
  bytes: number
}

/** A second's counters while it runs; its percentiles are added when the result is made. */
type Second = Omit<SecondResult, 'p95Ms' | 'latency' | 'generatorCores' | 'registryCores'>

const increment = (map: Map<string, number>, key: string, by = 1) =>
  map.set(key, (map.get(key) ?? 0) + by)

export const round = (value: number, digits: number): number => {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

const errorKey = (sample: RequestSample) =>
  sample.status > 0 ? String(sample.status) : (sample.errorCode ?? 'no response')

const MAX_ERROR_SAMPLES = 8

/** undici publishes every connection it opens here (every undici in the process, bundled or not). */
const CONNECTED_CHANNEL = 'undici:client:connected'

/**
 * Counts and times everything: per request kind, per second (by absolute epoch second), per
 * iteration, plus CPU. It is the SampleSink of every client's observing interceptor.
 */
export class Metrics implements SampleSink {
  phase: Phase = 'setup'
  aborting = false
  readonly inFlight = new Set<Dispatcher.DispatchController>()
  readonly kinds = new Map<RequestKind, KindStats>()
  readonly scenarios = new Map<ScenarioName, IterationStats>()
  readonly allIterations = new IterationStats()
  readonly untimed: Record<'setup' | 'cleanup', PhaseCount> = {
    setup: { requests: 0, errors: 0, interrupted: 0, kinds: {} },
    cleanup: { requests: 0, errors: 0, interrupted: 0, kinds: {} },
  }
  readonly series: SecondResult[] = []
  readonly errorSamples: string[] = []
  /** Bytes moved per virtual user, so an iteration knows its own traffic. */
  readonly vuBytes = new Map<number, number>()
  activeVus = 0
  /** See SampleSink.tlsProbe. */
  tlsProbes = 0
  /** Connections undici opened during the run (it closes one after every HEAD, see result.ts). */
  connections = 0
  runStartedAt = 0
  runEndedAt = 0

  readonly #writer: SampleWriter | undefined
  readonly #registryPid: number | undefined
  #second: Second | undefined
  #unbookedSent = 0
  #unbookedReceived = 0
  readonly #secondLatency = createHistogram()
  #cpuMark: { at: number; own: number; registry: number | undefined } | undefined
  #ownCpuAtStart = 0
  #registryCpuAtStart: number | undefined

  constructor(options: { writer?: SampleWriter | undefined; registryPid?: number | undefined }) {
    this.#writer = options.writer
    this.#registryPid = options.registryPid
  }

  readonly #onConnected = () => {
    if (this.phase === 'run') this.connections++
  }

  /** The measured run begins: from now on requests are counted per kind and per second. */
  startRun(at = Date.now()): void {
    subscribe(CONNECTED_CHANNEL, this.#onConnected)
    this.phase = 'run'
    this.runStartedAt = at
    this.#ownCpuAtStart = ownCpuSeconds()
    this.#registryCpuAtStart = this.#registryCpu()
    this.#cpuMark = { at, own: this.#ownCpuAtStart, registry: this.#registryCpuAtStart }
    this.#second = this.#newSecond(Math.floor(at / 1000))
  }

  /** The measured run is over; the partial last second is kept. */
  endRun(at = Date.now()): void {
    this.tick(at)
    if (this.#second) this.#closeSecond(this.#second)
    this.#second = undefined
    this.runEndedAt = at
    this.phase = 'cleanup'
    unsubscribe(CONNECTED_CHANNEL, this.#onConnected)
  }

  sample(sample: RequestSample): void {
    if (this.phase !== 'run') {
      const phase = this.untimed[this.phase]
      phase.requests++
      if (sample.outcome === 'error') phase.errors++
      if (sample.outcome === 'interrupted') phase.interrupted++
      phase.kinds[sample.kind] = (phase.kinds[sample.kind] ?? 0) + 1
      return
    }
    this.vuBytes.set(
      sample.vu,
      (this.vuBytes.get(sample.vu) ?? 0) + sample.bytesSent + sample.bytesReceived,
    )
    let stats = this.kinds.get(sample.kind)
    if (!stats) this.kinds.set(sample.kind, (stats = new KindStats()))
    stats.count++
    stats.bytesSent += sample.bytesSent
    stats.bytesReceived += sample.bytesReceived
    if (sample.outcome === 'interrupted') stats.interrupted++
    else {
      recordMs(stats.latency, sample.elapsedMs)
      if (sample.ttfbMs !== undefined) recordMs(stats.ttfb, sample.ttfbMs)
    }
    const second = this.#currentSecond(sample.startedAt + sample.elapsedMs)
    second.requests++
    if (sample.outcome !== 'interrupted') recordMs(this.#secondLatency, sample.elapsedMs)
    if (sample.outcome === 'error') {
      stats.errors++
      second.errors++
      increment(stats.errorsByStatus, errorKey(sample))
      this.#noteError(`${sample.kind}: ${sample.message ?? 'failed'} (${sample.url})`)
    }
    this.#writer?.write(sample, this.activeVus)
  }

  tlsProbe(): void {
    this.tlsProbes++
  }

  /**
   * Called for every body chunk, so it only adds: the bytes go into the open second when the
   * next request ends or the next tick comes (no clock read per chunk).
   */
  bytes(sent: number, received: number): void {
    if (this.phase !== 'run') return
    this.#unbookedSent += sent
    this.#unbookedReceived += received
  }

  iteration(iteration: IterationOutcome, message?: string): void {
    let stats = this.scenarios.get(iteration.scenario)
    if (!stats) this.scenarios.set(iteration.scenario, (stats = new IterationStats()))
    stats.record(iteration)
    this.allIterations.record(iteration)
    if (this.#second) {
      const second = this.#currentSecond(Date.now())
      second.iterations++
      if (iteration.outcome === 'failed') second.iterationErrors++
    }
    if (iteration.outcome === 'failed' && message)
      this.#noteError(`${iteration.scenario} iteration: ${message}`)
  }

  setActiveVus(count: number): void {
    this.activeVus = count
    if (this.#second) {
      const second = this.#currentSecond(Date.now())
      second.activeVus = Math.max(second.activeVus, count)
    }
  }

  /** Called every second: closes finished seconds even when nothing happened in them. */
  tick(at = Date.now()): void {
    if (this.#second) this.#currentSecond(at)
  }

  /** Per kind, sorted in the report's order. */
  kindResults(seconds: number): Record<RequestKind, KindResult> {
    const entries = [...this.kinds.entries()].sort(([a], [b]) => compareKinds(a, b))
    return Object.fromEntries(
      entries.map(([kind, stats]) => [
        kind,
        {
          count: stats.count,
          errors: stats.errors,
          interrupted: stats.interrupted,
          errorsByStatus: Object.fromEntries(stats.errorsByStatus),
          bytesSent: stats.bytesSent,
          bytesReceived: stats.bytesReceived,
          megabytesPerSecond: round(
            seconds > 0 ? (stats.bytesSent + stats.bytesReceived) / 1e6 / seconds : 0,
            3,
          ),
          latency: percentilesOf(stats.latency),
          ttfb: percentilesOf(stats.ttfb),
          histograms: {
            latency: encodeHistogram(stats.latency),
            ttfb: encodeHistogram(stats.ttfb),
          },
        },
      ]),
    )
  }

  /** All requests' latency (or time to first byte) in one histogram. */
  totalHistogram(which: 'latency' | 'ttfb'): Histogram {
    return mergeHistograms([...this.kinds.values()].map((stats) => stats[which]))
  }

  /** CPU over the whole run: generator (this process) and registry (its pid, when given). */
  cpuTotals(): { own: number; registry: number | undefined } {
    const registryNow = this.#registryCpu()
    return {
      own: ownCpuSeconds() - this.#ownCpuAtStart,
      registry:
        registryNow !== undefined && this.#registryCpuAtStart !== undefined
          ? registryNow - this.#registryCpuAtStart
          : undefined,
    }
  }

  #registryCpu(): number | undefined {
    return this.#registryPid === undefined ? undefined : processCpuSeconds(this.#registryPid)
  }

  #noteError(message: string): void {
    if (this.errorSamples.length < MAX_ERROR_SAMPLES && !this.errorSamples.includes(message))
      this.errorSamples.push(message)
  }

  #newSecond(t: number): Second {
    return {
      t,
      requests: 0,
      errors: 0,
      bytesSent: 0,
      bytesReceived: 0,
      iterations: 0,
      iterationErrors: 0,
      activeVus: this.activeVus,
    }
  }

  /** The bucket of the second `atMs` falls in, closing the seconds before it. */
  #currentSecond(atMs: number): Second {
    let second = this.#second!
    second.bytesSent += this.#unbookedSent
    second.bytesReceived += this.#unbookedReceived
    this.#unbookedSent = this.#unbookedReceived = 0
    const t = Math.floor(atMs / 1000)
    // A sample that ends a hair before the bucket rolled over still counts in the open second.
    while (second.t < t) {
      this.#closeSecond(second)
      second = this.#second = this.#newSecond(second.t + 1)
    }
    return second
  }

  /**
   * Closes a second with the CPU used since the last close: CPU seconds per wall second, where
   * a partial first or last second counts as a whole one (a few milliseconds of CPU in the last
   * 10 ms of a run are not "a core").
   */
  #closeSecond(second: Second): void {
    const mark = this.#cpuMark
    const at = Date.now()
    const own = ownCpuSeconds()
    const registry = this.#registryCpu()
    const wall = mark ? Math.max(1, (at - mark.at) / 1000) : 1
    const generatorCores = mark ? Math.max(0, own - mark.own) / wall : 0
    const registryCores =
      mark && registry !== undefined && mark.registry !== undefined
        ? Math.max(0, registry - mark.registry) / wall
        : null
    this.#cpuMark = { at, own, registry }
    this.series.push({
      ...second,
      p95Ms: percentileMs(this.#secondLatency, 95),
      latency: encodeHistogram(this.#secondLatency),
      generatorCores: round(generatorCores, 3),
      registryCores: registryCores === null ? null : round(registryCores, 3),
    })
    this.#secondLatency.reset()
  }
}
