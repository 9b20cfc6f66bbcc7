import type { HISTOGRAM_SETTINGS, Percentiles } from './histogram.ts'
import type { RateStage } from './arrival.ts'
import type { RequestKind } from './requests.ts'

/**
 * The JSON result of one bench run (`--out`). It is built to be merged with the results of other
 * machines running the same scenario: raw histograms (HdrHistogram compressed encoding) rather
 * than only percentiles, per-second series keyed by absolute epoch seconds, and the scenario and
 * tool version to refuse merging unlike runs. Percentiles next to each histogram are a
 * convenience for readers; a merge recomputes them from the histograms.
 */
export const RESULT_FORMAT = 'tar-push-bench/1'

export type ScenarioName = 'push' | 'pull' | 'head'
export const SCENARIO_NAMES: readonly ScenarioName[] = ['push', 'pull', 'head']

/**
 * Why the measured run ended. `auth-failed`: the registry refused or lacked credentials
 * (AUTH_FAILED, AUTH_DENIED); every later iteration would fail the same way, so the run stopped
 * at the first one (`stopError` says which).
 */
export type StopReason = 'duration' | 'iterations' | 'interrupted' | 'auth-failed'

/** The failure that stopped a run early (stopReason `auth-failed`), as the CLI prints it. */
export interface StopError {
  code: string
  message: string
  hint?: string | undefined
}

/** Everything that makes two runs comparable; a merge requires these to be equal. */
export interface ScenarioSpec {
  name: ScenarioName | 'mixed'
  /** Weights per scenario (for push, pull and head: that one at 1). */
  mix: Partial<Record<ScenarioName, number>>
  vus: number
  durationSeconds: number | null
  rampUpSeconds: number
  /** Iterations shared by all virtual users (null: bounded by the duration only). */
  iterations: number | null
  layers: number
  /** Bytes of random content per layer (the blob adds a tar header and padding). */
  layerSize: number
  /** Images seeded for pull and head. */
  images: number
  upload: 'patch' | 'monolithic'
  chunkSize: number
  /** A new connection, ping and token per iteration, as a fresh docker client makes. */
  reconnect: boolean
  /** Pulls check every blob's SHA-256 (false: sizes only, --no-verify). */
  verify: boolean
  retries: number
  repoPrefix: string
  /** The open model (--rate): its steps; absent in the closed model. */
  rate?: RateStage[] | undefined
}

/** What the open model's schedule asked for and did (see arrival.ts). */
export interface ArrivalResult {
  asked: number
  started: number
  /** Due while every user was busy and as many iterations already waited as there are users. */
  dropped: number
  askedPerSecond: number
  startedPerSecond: number
  stages: (RateStage & {
    asked: number
    started: number
    dropped: number
    startedPerSecond: number
  })[]
}

export interface KindResult {
  count: number
  /** Requests answered with an error status or that failed without an answer. */
  errors: number
  /** Requests cut by a stop (Ctrl-C or the end of the graceful stop); not errors. */
  interrupted: number
  /** Errors by HTTP status ("503") or network error code ("ECONNRESET"). */
  errorsByStatus: Record<string, number>
  bytesSent: number
  bytesReceived: number
  megabytesPerSecond: number
  latency: Percentiles
  ttfb: Percentiles
  histograms: { latency: string; ttfb: string }
}

export interface IterationResult {
  count: number
  ok: number
  failed: number
  interrupted: number
  /** Failures by error code (REGISTRY_ERROR, NETWORK_ERROR, DIGEST_MISMATCH…). */
  errorsByCode: Record<string, number>
  bytes: number
  iterationsPerSecond: number
  duration: Percentiles
  histogram: string
}

export interface SecondResult {
  /** Epoch second this row covers: [t, t+1). */
  t: number
  requests: number
  errors: number
  bytesSent: number
  bytesReceived: number
  iterations: number
  iterationErrors: number
  /** Most virtual users active at once during the second. */
  activeVus: number
  p95Ms: number
  /** Latency of the requests that finished in this second (compressed HdrHistogram). */
  latency: string
  generatorCores: number
  registryCores: number | null
}

export interface PhaseCount {
  requests: number
  errors: number
  interrupted: number
  kinds: Record<RequestKind, number>
}

export interface CpuResult {
  generator: {
    seconds: number
    /** Average cores used over the run: CPU seconds / wall seconds. */
    cores: number
    peakCores: number
    /** Event-loop delay p99: high values mean the generator itself was saturated. */
    eventLoopDelayP99Ms: number
  }
  registry: { pid: number; seconds: number; cores: number; peakCores: number } | null
}

export interface CompareResult {
  tool: 'skopeo' | 'docker'
  available: boolean
  /** Why not available, or what the comparison runs (the command). */
  note: string
  version?: string
  iterations?: IterationResult
  scenarios?: Partial<Record<ScenarioName, IterationResult>>
  /** CPU seconds of the tool's processes (their own, children of this one). */
  toolCpuSeconds?: number
  seconds?: number
  /** A few distinct failure messages of the tool's processes. */
  errorSamples?: string[]
}

export interface CleanupResult {
  manifests: number
  deleted: number
  failed: number
  note?: string
}

export interface BenchResult {
  format: typeof RESULT_FORMAT
  tool: { name: 'tar-push'; version: string }
  scenario: ScenarioSpec
  registry: string
  runId: string
  host: { hostname: string; cpus: number; platform: string; arch: string; node: string }
  startedAt: string
  endedAt: string
  startedAtMs: number
  endedAtMs: number
  /**
   * The wall-clock instant the run was asked to start at (--start-at), so jobs of a matrix start
   * together; absent when not given (and in results of earlier versions).
   */
  startAtMs?: number | undefined
  seconds: number
  stopReason: StopReason
  /** Present when a failure stopped the run early (stopReason `auth-failed`). */
  stopError?: StopError | undefined
  histogram: typeof HISTOGRAM_SETTINGS
  totals: {
    requests: number
    errors: number
    interrupted: number
    bytesSent: number
    bytesReceived: number
    requestsPerSecond: number
    megabytesPerSecond: number
    errorsByStatus: Record<string, number>
    latency: Percentiles
    ttfb: Percentiles
    /**
     * TLS hellos refused by a plain-HTTP loopback registry (clients try https first, as docker
     * does): connections, not HTTP requests, so not in `requests`.
     */
    tlsProbes: number
    /**
     * Connections opened during the run. undici, the HTTP client, closes the connection after
     * every HEAD (it guards against servers that send a body), so each HEAD opens one.
     */
    connections: number
  }
  kinds: Record<RequestKind, KindResult>
  iterations: { total: IterationResult; scenarios: Partial<Record<ScenarioName, IterationResult>> }
  series: SecondResult[]
  /** Requests outside the measured run: connecting and seeding images first, and --cleanup. */
  untimed: { setup: PhaseCount; cleanup: PhaseCount }
  /** The open model's schedule (--rate); absent in the closed model. */
  arrivals?: ArrivalResult | undefined
  cpu: CpuResult
  cleanup: CleanupResult | null
  compare: CompareResult[]
  /** A few distinct failure messages, to say what went wrong. */
  errorSamples: string[]
  /** Threads that generated the load (--workers), when more than one. */
  workers?: number | undefined
  /** Present in the result of `tar-push bench merge`: the jobs it adds up. */
  merged?: MergeInfo | undefined
}

/** One run (a matrix job) inside a merged result. */
export interface MergedJob {
  /** The file it was read from (`total.json > a.json` when it came from a merged file). */
  source: string
  runId: string
  hostname: string
  startAtMs: number | null
  startedAtMs: number
  endedAtMs: number
  /** Its start after the earliest job's start. */
  startSkewMs: number
  /** Its start after --start-at (null without one): how late the job began. */
  lateMs: number | null
  seconds: number
  vus: number
  requests: number
  errors: number
  iterations: number
  /** Its part of the merged requests, 0-1. */
  share: number
  /** Its own p95 over all requests (ms), to spot a job whose network differed. */
  p95Ms: number
}

export interface MergeInfo {
  jobs: MergedJob[]
  /** Latest job start minus earliest job start. */
  startSpreadMs: number
}

/** Every request the generator made, measured or not (what a proxy in front of it counts). */
export const allRequests = (result: BenchResult): number =>
  result.totals.requests + result.untimed.setup.requests + result.untimed.cleanup.requests
