import { randomBytes } from 'node:crypto'
import { availableParallelism, hostname } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { TarPushError } from '../errors.ts'
import { silentLogger, type Logger } from '../log.ts'
import { parseRepository } from '../reference.ts'
import type { RegistryClient } from '../registry/client.ts'
import { connectRegistry, readCaFile, type ConnectOptions } from '../registry/connect.ts'
import { VERSION } from '../../version.ts'
import { ArrivalSchedule, rateStages, type Arrival } from './arrival.ts'
import { processExists } from './cpu.ts'
import { runAsWorker, runWithWorkers, workerAssignment } from './workers.ts'
import { runCompare, type CompareTool, type TagToClean } from './compare.ts'
import { HISTOGRAM_SETTINGS, percentilesOf } from './histogram.ts'
import {
  LayerPool,
  MAX_LAYER_CONTENT,
  MAX_POOLED_LAYER_CONTENT,
  generatedSource,
  randomImage,
} from './image.ts'
import { copyArtifact } from '../engine/copy.ts'
import { RepositoryClient } from '../registry/repository.ts'
import { RegistrySink } from '../registry/sink.ts'
import { JtlWriter } from './jtl.ts'
import { Metrics, round } from './metrics.ts'
import { BenchStopped, observingInterceptor } from './requests.ts'
import {
  RESULT_FORMAT,
  SCENARIO_NAMES,
  type ArrivalResult,
  type BenchResult,
  type CleanupResult,
  type CompareResult,
  type ScenarioName,
  type ScenarioSpec,
  type StopReason,
} from './result.ts'
import {
  deleteManifest,
  headImage,
  manifestDigestOf,
  pullImage,
  pushImage,
  type SeededImage,
} from './scenarios.ts'
import { IterationSchedule, mixCycle } from './schedule.ts'
import { checkStartAt, waitUntil } from './start-at.ts'
import { BENCH_DEFAULTS } from './options.ts'

export { BENCH_DEFAULTS }

export interface BenchOptions {
  /** The registry as docker names it: 127.0.0.1:5000, ghcr.io. */
  registry: string
  scenario: ScenarioName | 'mixed'
  /** Weights for `mixed` (e.g. push=20,pull=80). */
  mix?: Partial<Record<ScenarioName, number>> | undefined
  vus?: number | undefined
  /** Run time; unbounded when undefined and `iterations` is set. */
  durationMs?: number | undefined
  rampUpMs?: number | undefined
  /** Iterations shared by all virtual users. */
  iterations?: number | undefined
  /**
   * The open model: iterations a second, one entry per step (`--rate 10/s,20/s`); users are then
   * the most iterations in flight at once. Steps last `stepMs`, or the duration shared out.
   */
  rates?: readonly number[] | undefined
  stepMs?: number | undefined
  repoPrefix?: string | undefined
  layers?: number | undefined
  layerSize?: number | undefined
  /** Images seeded for pull and head. */
  images?: number | undefined
  upload?: 'patch' | 'monolithic' | undefined
  chunkSize?: number | undefined
  reconnect?: boolean | undefined
  /** Check pulled blobs' digests (default); false checks sizes only. */
  verify?: boolean | undefined
  /** After the duration, how long iterations in flight may finish before they are cut. */
  gracefulStopMs?: number | undefined
  cleanup?: boolean | undefined
  compare?: readonly CompareTool[] | undefined
  /** The registry's process, to report its CPU next to the generator's. */
  registryPid?: number | undefined
  /** Path of a JMeter .jtl (CSV) file to write. */
  jtl?: string | undefined
  /**
   * Epoch ms the measured run starts at (--start-at), after connecting and seeding, so the jobs
   * of a matrix load the registry together: at most 1 h ahead, at most 1 min past (then at once).
   */
  startAtMs?: number | undefined
  /** Credentials, TLS and timeouts as push and pull take them; retries default to 0 here. */
  connect?: Omit<ConnectOptions, 'interceptors'> | undefined
  logger?: Logger | undefined
  /** Called about once a second while the measured run goes on. */
  onProgress?: ((progress: Progress) => void) | undefined
  /** Aborting stops the run at once (Ctrl-C): requests in flight are cut, the report follows. */
  signal?: AbortSignal | undefined
  /**
   * Threads generating the load (worker_threads), users shared out among them, when one core
   * is the limit; results are merged exactly. Default 1: this thread alone.
   */
  workers?: number | undefined
}

const LOOP_DELAY_RESOLUTION_MS = 5

/** What the live progress line shows. */
export interface Progress {
  elapsedSeconds: number
  durationSeconds: number | null
  iterations: number
  iterationsTarget: number | null
  activeVus: number
  vus: number
  requests: number
  errors: number
  /** Over the last whole second. */
  requestsPerSecond: number
  p95Ms: number
  megabytesPerSecond: number
  generatorCores: number
}

/** A logger for the virtual users' clients: their chatter goes to debug, secrets still masked. */
const quiet = (logger: Logger): Logger => ({
  info: (message) => logger.debug(message),
  warn: (message) => logger.debug(message),
  debug: (message) => logger.debug(message),
  group: (_title, run) => run(),
  secret: (value) => logger.secret(value),
})

function usage(message: string, hint: string): TarPushError {
  return new TarPushError('USAGE', message, { hint })
}

/** Checks the options and fills in defaults: the scenario as the result records it. */
export function scenarioSpec(options: BenchOptions): ScenarioSpec {
  const vus = options.vus ?? BENCH_DEFAULTS.vus
  const iterations = options.iterations
  const durationMs =
    options.durationMs ?? (iterations === undefined ? BENCH_DEFAULTS.durationMs : undefined)
  const layers = options.layers ?? BENCH_DEFAULTS.layers
  const layerSize = options.layerSize ?? BENCH_DEFAULTS.layerSize
  if (!Number.isInteger(vus) || vus < 1) throw usage('--vus must be 1 or more', 'e.g. --vus 10')
  if (iterations !== undefined && (!Number.isInteger(iterations) || iterations < 1))
    throw usage('--iterations must be 1 or more', 'e.g. --iterations 100')
  if (durationMs !== undefined && durationMs <= 0)
    throw usage('--duration must be above 0', 'e.g. --duration 60s')
  if (layerSize > MAX_LAYER_CONTENT)
    throw usage('--layer-size is over 8 GiB', 'a layer holds one file, which tar limits to 8 GiB')
  const mix =
    options.scenario === 'mixed'
      ? (options.mix ?? { push: 20, pull: 80 })
      : { [options.scenario]: 1 }
  if (options.scenario !== 'mixed' && options.mix)
    throw usage('--mix goes with --scenario mixed', 'add --scenario mixed, or drop --mix')
  if (SCENARIO_NAMES.every((name) => !mix[name]))
    throw usage('--mix gives no scenario a weight', 'e.g. --mix push=20,pull=80')
  const repoPrefix = options.repoPrefix ?? BENCH_DEFAULTS.repoPrefix
  const rate = options.rates
    ? rateStages({
        rates: options.rates,
        stepMs: options.stepMs,
        durationMs: options.durationMs,
      })
    : undefined
  if (options.stepMs !== undefined && !rate)
    throw usage('--step-duration goes with --rate', 'e.g. --rate 10/s,20/s --step-duration 30s')
  if (rate && options.rampUpMs)
    throw usage(
      '--ramp-up goes with the closed model, not --rate',
      'give steps instead: --rate 10/s,20/s,40/s --step-duration 10s',
    )
  const scheduleMs = rate?.reduce((total, stage) => total + stage.seconds * 1000, 0)
  return {
    name: options.scenario,
    mix,
    vus,
    durationSeconds:
      scheduleMs !== undefined
        ? scheduleMs / 1000
        : durationMs === undefined
          ? null
          : durationMs / 1000,
    rampUpSeconds: (options.rampUpMs ?? BENCH_DEFAULTS.rampUpMs) / 1000,
    iterations: iterations ?? null,
    layers,
    layerSize,
    images: options.images ?? Math.min(vus, BENCH_DEFAULTS.images),
    upload: options.upload ?? BENCH_DEFAULTS.upload,
    chunkSize: options.chunkSize ?? BENCH_DEFAULTS.chunkSize,
    reconnect: options.reconnect ?? false,
    verify: options.verify ?? true,
    retries: options.connect?.retries ?? BENCH_DEFAULTS.retries,
    repoPrefix,
    ...(rate ? { rate } : {}),
  }
}

/** The registry name and repository path prefix, checked as image names are. */
function checkNames(registry: string, repoPrefix: string): string {
  const probe = `${registry}/${repoPrefix}seed`
  const parsed = parseRepository(probe)
  if (parsed.registry !== registry && !(registry === 'docker.io' && parsed.registry === registry))
    throw usage(
      `--registry "${registry}" is not a registry host`,
      'name a host with a dot or a port (registry.example.com, 127.0.0.1:5000) or localhost',
    )
  if (!parsed.path.startsWith(repoPrefix.replace(/\/$/, '')))
    throw usage(`--repo-prefix "${repoPrefix}" is not a repository path`, 'e.g. bench/')
  return parsed.registry
}

interface PushedManifest {
  repository: string
  digest: string
}

const errorCode = (error: unknown): string =>
  error instanceof TarPushError
    ? error.code
    : ((error as { code?: string })?.code ?? (error as Error)?.name ?? 'ERROR')

const errorMessage = (error: unknown): string =>
  error instanceof TarPushError ? error.message : String((error as Error)?.message ?? error)

/**
 * The registry's answer to the credentials: none given where it requires them, refused (by the
 * registry or its token service), or without access to the repository. Every later iteration
 * would fail the same way, so the run stops at the first one. A token service that is failing
 * (HTTP 5xx, an answer that is not JSON) is a REGISTRY_ERROR, load rather than credentials: it
 * is counted like any other error.
 */
export const isCredentialsFailure = (error: unknown): error is TarPushError =>
  error instanceof TarPushError && (error.code === 'AUTH_FAILED' || error.code === 'AUTH_DENIED')

/**
 * Runs a load test against a registry: seeds images if the scenario reads them, starts the
 * virtual users (ramped up), stops at the duration, the iteration count or the signal, then runs
 * the comparison and the cleanup if asked, and returns everything measured.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const assignment = workerAssignment()
  if (assignment) return runAsWorker(options, assignment)
  if ((options.workers ?? 1) > 1) return runWithWorkers(options)
  return runBenchAlone(options)
}

/** What a worker thread's run takes besides the options (see workers.ts). */
export interface WorkerPart {
  /** Its users are numbered from here on, so thread names and repositories stay distinct. */
  firstVu: number
  /** Called after connecting and seeding; resolves when the measured run may start. */
  beforeStart: (signal: AbortSignal) => Promise<void>
}

/** One run in this thread (alone, or as one worker's part). */
export async function runBenchAlone(
  options: BenchOptions,
  part?: WorkerPart,
): Promise<BenchResult> {
  const spec = scenarioSpec(options)
  const registry = checkNames(options.registry, spec.repoPrefix)
  const logger = options.logger ?? silentLogger
  if (options.startAtMs !== undefined) checkStartAt(options.startAtMs)
  const connect = { ...options.connect, retries: spec.retries }
  const caPem = connect.caFile ? await readCaFile(connect.caFile) : undefined
  const runId = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`
  const jtl = options.jtl ? await JtlWriter.open(options.jtl) : undefined
  const metrics = new Metrics({ writer: jtl, registryPid: options.registryPid })
  const stop = new AbortController()
  const onSignal = () => hardStop()
  options.signal?.addEventListener('abort', onSignal)
  const schedule = new IterationSchedule(spec.iterations ?? undefined)
  const pushed: PushedManifest[] = []
  let graceTimer: NodeJS.Timeout | undefined
  const arrivals = spec.rate
    ? new ArrivalSchedule({
        stages: spec.rate,
        users: spec.vus,
        limit: spec.iterations ?? undefined,
        // Nothing more comes due: what runs and waits may finish, within the graceful stop.
        onEnd: () => {
          schedule.stop(
            spec.iterations !== null && arrivals!.totals.asked >= spec.iterations
              ? 'iterations'
              : 'duration',
          )
          graceTimer = setTimeout(hardStop, options.gracefulStopMs ?? BENCH_DEFAULTS.gracefulStopMs)
        },
      })
    : undefined
  let stopError: TarPushError | undefined
  const connectClient = (vu: number) =>
    connectRegistry(
      registry,
      {
        ...connect,
        interceptors: [observingInterceptor({ vu, sink: metrics })],
        // Its blob GETs take each chunk at once: the sockets need not allocate per read.
        reuseReadBuffers: true,
      },
      caPem,
      vu === 0 ? logger : quiet(logger),
    )

  function hardStop(): void {
    schedule.stop('interrupted')
    arrivals?.stop()
    metrics.aborting = true
    stop.abort()
    for (const controller of metrics.inFlight) controller.abort(new BenchStopped())
  }

  /** The first credentials failure ends the run at once: requests in flight are cut. */
  function authStop(error: TarPushError): void {
    if (stopError || metrics.aborting) return
    stopError = new TarPushError(
      error.code,
      `${error.message}; the load test stopped at this first authentication failure`,
      { subject: error.subject, hint: error.hint, cause: error },
    )
    schedule.stop('auth-failed')
    hardStop()
  }

  let setup: RegistryClient | undefined
  let ticker: NodeJS.Timeout | undefined
  let deadline: NodeJS.Timeout | undefined
  try {
    if (options.signal?.aborted) hardStop()
    setup = await connectClient(0)
    const usesSeeds = (['pull', 'head'] as const).some((name) => spec.mix[name])
    const seeded = usesSeeds ? await seed(setup, spec, runId, pushed, logger) : []
    const cycle = mixCycle(spec.mix)
    const pool =
      spec.mix.push && spec.layerSize <= MAX_POOLED_LAYER_CONTENT
        ? new LayerPool(spec.layerSize)
        : undefined

    logger.info(
      `bench: ${spec.name} against ${registry}, ${spec.vus} virtual users, ${describeBound(spec)}`,
    )
    if (options.startAtMs !== undefined) await waitUntil(options.startAtMs, logger, stop.signal)
    await part?.beforeStart(stop.signal)
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })
    loopDelay.enable()
    const startedAt = Date.now()
    metrics.startRun(startedAt)
    if (options.registryPid !== undefined && !processExists(options.registryPid))
      logger.warn(
        `--registry-pid ${options.registryPid}: no such process here; registry CPU not reported`,
      )
    ticker = setInterval(() => {
      metrics.tick()
      options.onProgress?.(progressOf(metrics, spec, startedAt))
    }, 1000)
    const durationMs = spec.durationSeconds === null ? undefined : spec.durationSeconds * 1000
    deadline =
      durationMs === undefined || spec.rate
        ? undefined
        : setTimeout(() => {
            schedule.stop('duration')
            graceTimer = setTimeout(
              hardStop,
              options.gracefulStopMs ?? BENCH_DEFAULTS.gracefulStopMs,
            )
          }, durationMs)

    /** The next iteration: claimed at once (closed model) or when the schedule has one due. */
    const nextIteration = async (): Promise<Arrival | undefined> => {
      if (!arrivals) {
        const number = schedule.claim()
        return number === undefined ? undefined : { number, dueAt: Number.NaN, stage: 0 }
      }
      // After the schedule's end, iterations already waiting for a user still run.
      return arrivals.next()
    }
    const stopOutcome = () => (metrics.aborting ? ('interrupted' as const) : ('failed' as const))
    const runVu = async (vu: number) => {
      const startDelay = arrivals
        ? 0
        : (spec.rampUpSeconds * 1000 * (vu - (part?.firstVu ?? 1))) / spec.vus
      if (startDelay > 0)
        await sleep(startDelay, undefined, { signal: schedule.over }).catch(() => {})
      if (schedule.stopped) return
      metrics.setActiveVus(metrics.activeVus + 1)
      let client: RegistryClient | undefined
      try {
        for (let due = await nextIteration(); due; due = await nextIteration()) {
          const { number } = due
          const scenario = cycle[number % cycle.length]!
          // Making the random image (and its digests) is the user's local work, not timed.
          const image =
            scenario === 'push'
              ? await randomImage({ ...spec, label: `${runId}-${number}`, pool })
              : undefined
          if (metrics.aborting) break
          const target = seeded[number % Math.max(1, seeded.length)]
          if (!spec.reconnect && !client) {
            try {
              client = await connectClient(vu)
            } catch (error) {
              metrics.iteration(
                { scenario, ms: 0, outcome: stopOutcome(), errorCode: errorCode(error), bytes: 0 },
                errorMessage(error),
              )
              if (isCredentialsFailure(error)) authStop(error)
              continue
            }
          }
          const bytesBefore = metrics.vuBytes.get(vu) ?? 0
          // Open model: from when the iteration was due, so waiting for a free user counts.
          const started = Number.isNaN(due.dueAt) ? performance.now() : due.dueAt
          try {
            if (spec.reconnect) {
              await client?.close()
              client = undefined
              client = await connectClient(vu)
            }
            const active = client!
            if (scenario === 'push') {
              const repository = `${spec.repoPrefix}vu-${vu}`
              const digest = await pushImage({
                client: active,
                repository,
                tag: `${runId}-${number}`,
                image: image!,
                settings: spec,
              })
              pushed.push({ repository, digest })
            } else if (scenario === 'pull') {
              await pullImage({ client: active, image: target!, verify: spec.verify })
            } else {
              await headImage({ client: active, image: target! })
            }
            metrics.iteration({
              scenario,
              ms: performance.now() - started,
              outcome: 'ok',
              bytes: (metrics.vuBytes.get(vu) ?? 0) - bytesBefore,
            })
          } catch (error) {
            metrics.iteration(
              {
                scenario,
                ms: performance.now() - started,
                outcome: stopOutcome(),
                errorCode: errorCode(error),
                bytes: (metrics.vuBytes.get(vu) ?? 0) - bytesBefore,
              },
              errorMessage(error),
            )
            if (isCredentialsFailure(error)) authStop(error)
          }
        }
      } finally {
        metrics.setActiveVus(metrics.activeVus - 1)
        await client?.close().catch(() => {})
      }
    }

    const firstVu = part?.firstVu ?? 1
    const users = Promise.all(
      Array.from({ length: spec.vus }, (_, index) => runVu(firstVu + index)),
    )
    arrivals?.start()
    await users
    arrivals?.stop()
    clearTimeout(deadline)
    clearTimeout(graceTimer)
    clearInterval(ticker)
    loopDelay.disable()
    const endedAt = Date.now()
    metrics.endRun(endedAt)
    const cpu = metrics.cpuTotals()
    const stopReason: StopReason = schedule.stopped ?? 'iterations'
    logger.info(
      `bench: measured run over (${stopReason}) after ${((endedAt - startedAt) / 1000).toFixed(1)} s`,
    )

    const compare: CompareResult[] = []
    const compareTags: TagToClean[] = []
    if (!stop.signal.aborted) {
      for (const tool of options.compare ?? []) {
        const outcome = await runCompare({
          tool,
          registry,
          plainHttp: setup.baseUrl.startsWith('http:'),
          spec,
          seeded,
          runId,
          connect,
          signal: stop.signal,
          logger,
        })
        compare.push(outcome.result)
        compareTags.push(...outcome.pushed)
      }
    }

    metrics.aborting = false
    const cleanup =
      options.cleanup && !options.signal?.aborted
        ? await cleanUp(setup, pushed, compareTags, logger)
        : null
    await jtl?.close()

    const seconds = (endedAt - startedAt) / 1000
    const totals = totalsOf(metrics, seconds)
    // Runs shorter than a second count as one, as the per-second series does.
    const cpuWall = Math.max(1, seconds)
    const ownCores = cpu.own / cpuWall
    return {
      format: RESULT_FORMAT,
      tool: { name: 'tar-push', version: VERSION },
      scenario: spec,
      registry,
      runId,
      host: {
        hostname: hostname(),
        cpus: availableParallelism(),
        platform: process.platform,
        arch: process.arch,
        node: process.version,
      },
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
      startedAtMs: startedAt,
      endedAtMs: endedAt,
      ...(options.startAtMs === undefined ? {} : { startAtMs: options.startAtMs }),
      seconds: round(seconds, 3),
      stopReason,
      ...(stopError
        ? {
            stopError: {
              code: stopError.code,
              message: stopError.message,
              ...(stopError.hint === undefined ? {} : { hint: stopError.hint }),
            },
          }
        : {}),
      histogram: HISTOGRAM_SETTINGS,
      totals,
      kinds: metrics.kindResults(seconds),
      iterations: {
        total: metrics.allIterations.result(seconds),
        scenarios: Object.fromEntries(
          [...metrics.scenarios.entries()].map(([name, stats]) => [name, stats.result(seconds)]),
        ),
      },
      series: metrics.series,
      untimed: metrics.untimed,
      ...(arrivals ? { arrivals: arrivalResult(arrivals, seconds) } : {}),
      cpu: {
        generator: {
          seconds: round(cpu.own, 3),
          cores: round(ownCores, 3),
          peakCores: Math.max(0, ...metrics.series.map((second) => second.generatorCores)),
          // The monitor records whole timer intervals: the delay is what exceeds the interval.
          eventLoopDelayP99Ms: round(
            Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
            3,
          ),
        },
        registry:
          options.registryPid !== undefined && cpu.registry !== undefined
            ? {
                pid: options.registryPid,
                seconds: round(cpu.registry, 3),
                cores: round(cpu.registry / cpuWall, 3),
                peakCores: Math.max(
                  0,
                  ...metrics.series.map((second) => second.registryCores ?? 0),
                ),
              }
            : null,
      },
      cleanup,
      compare,
      errorSamples: metrics.errorSamples,
    }
  } finally {
    clearTimeout(deadline)
    clearTimeout(graceTimer)
    clearInterval(ticker)
    options.signal?.removeEventListener('abort', onSignal)
    await setup?.close().catch(() => {})
    await jtl?.close().catch(() => {})
  }
}

/** The open model's schedule against what it achieved. */
function arrivalResult(arrivals: ArrivalSchedule, seconds: number): ArrivalResult {
  const totals = arrivals.totals
  return {
    ...totals,
    askedPerSecond: round(totals.asked / Math.max(seconds, 1e-9), 3),
    startedPerSecond: round(totals.started / Math.max(seconds, 1e-9), 3),
    stages: arrivals.stages.map((stage, index) => ({
      ...stage,
      ...arrivals.perStage[index]!,
      startedPerSecond: round(arrivals.perStage[index]!.started / stage.seconds, 3),
    })),
  }
}

function describeBound(spec: ScenarioSpec): string {
  const parts = []
  if (spec.rate)
    parts.push(
      `open model at ${spec.rate.map((stage) => `${stage.perSecond}/s for ${stage.seconds} s`).join(', then ')}`,
    )
  else if (spec.durationSeconds !== null) parts.push(`${spec.durationSeconds} s`)
  if (spec.iterations !== null) parts.push(`${spec.iterations} iterations`)
  if (spec.rampUpSeconds > 0) parts.push(`ramp-up ${spec.rampUpSeconds} s`)
  return parts.join(', ')
}

/** Pushes the images pull and head read; its requests are counted apart (untimed.setup). */
async function seed(
  client: RegistryClient,
  spec: ScenarioSpec,
  runId: string,
  pushed: PushedManifest[],
  logger: Logger,
): Promise<SeededImage[]> {
  const repository = `${spec.repoPrefix}seed`
  logger.info(`bench: seeding ${spec.images} images in ${client.registry}/${repository}`)
  const seeded: SeededImage[] = []
  for (let index = 0; index < spec.images; index++) {
    const image = await randomImage({ ...spec, label: `${runId}-seed-${index}` })
    const tag = `${runId}-seed-${index}`
    // Seeding is not timed: it goes through the copy engine, as a push of the generated image.
    const target = new RepositoryClient(client, repository, 'push')
    target.uploadMethod = spec.upload
    target.chunkSize = spec.chunkSize
    const [entry] = generatedSource(image, tag).entries
    const { digest } = await copyArtifact(entry!.artifact, [tag], {
      sink: new RegistrySink(target),
      compression: 'none',
      logger: silentLogger,
    })
    pushed.push({ repository, digest })
    seeded.push({
      repository,
      tag,
      manifestDigest: digest,
      blobs: [
        { mediaType: image.config.mediaType, digest: image.config.digest, size: image.config.size },
        ...image.layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size })),
      ],
    })
  }
  return seeded
}

/** Deletes the manifests the run pushed (blobs are freed by the registry's garbage collector). */
async function cleanUp(
  client: RegistryClient,
  pushed: readonly PushedManifest[],
  tags: readonly TagToClean[],
  logger: Logger,
): Promise<CleanupResult> {
  const result: CleanupResult = { manifests: pushed.length + tags.length, deleted: 0, failed: 0 }
  const manifests = [...pushed]
  for (const tag of tags) {
    const digest = await manifestDigestOf({ client, ...tag }).catch(() => undefined)
    if (digest) manifests.push({ repository: tag.repository, digest })
    else result.failed++
  }
  for (const { repository, digest } of manifests) {
    try {
      const outcome = await deleteManifest({ client, repository, digest })
      if (outcome === 'refused') {
        result.note =
          'the registry does not allow deletes (HTTP 405); enable them (distribution: storage.delete.enabled: true)'
        result.failed = result.manifests - result.deleted
        break
      }
      result.deleted++
    } catch (error) {
      result.failed++
      result.note ??= errorMessage(error)
    }
  }
  logger.info(
    `bench: cleanup deleted ${result.deleted} of ${result.manifests} manifests${result.note ? ` (${result.note})` : ''}`,
  )
  return result
}

function totalsOf(metrics: Metrics, seconds: number): BenchResult['totals'] {
  const kinds = [...metrics.kinds.values()]
  const sum = (pick: (kind: (typeof kinds)[number]) => number) =>
    kinds.reduce((total, kind) => total + pick(kind), 0)
  const errorsByStatus: Record<string, number> = {}
  for (const kind of kinds) {
    for (const [status, count] of kind.errorsByStatus)
      errorsByStatus[status] = (errorsByStatus[status] ?? 0) + count
  }
  const requests = sum((kind) => kind.count)
  const bytesSent = sum((kind) => kind.bytesSent)
  const bytesReceived = sum((kind) => kind.bytesReceived)
  return {
    requests,
    errors: sum((kind) => kind.errors),
    interrupted: sum((kind) => kind.interrupted),
    bytesSent,
    bytesReceived,
    requestsPerSecond: round(seconds > 0 ? requests / seconds : 0, 3),
    megabytesPerSecond: round(seconds > 0 ? (bytesSent + bytesReceived) / 1e6 / seconds : 0, 3),
    errorsByStatus,
    latency: percentilesOf(metrics.totalHistogram('latency')),
    ttfb: percentilesOf(metrics.totalHistogram('ttfb')),
    tlsProbes: metrics.tlsProbes,
    connections: metrics.connections,
  }
}

function progressOf(metrics: Metrics, spec: ScenarioSpec, startedAt: number): Progress {
  const last = metrics.series.at(-1)
  let requests = 0
  let errors = 0
  for (const stats of metrics.kinds.values()) {
    requests += stats.count
    errors += stats.errors
  }
  return {
    elapsedSeconds: (Date.now() - startedAt) / 1000,
    durationSeconds: spec.durationSeconds,
    iterations: metrics.allIterations.count,
    iterationsTarget: spec.iterations,
    activeVus: metrics.activeVus,
    vus: spec.vus,
    requests,
    errors,
    requestsPerSecond: last?.requests ?? 0,
    p95Ms: last?.p95Ms ?? 0,
    megabytesPerSecond: last ? (last.bytesSent + last.bytesReceived) / 1e6 : 0,
    generatorCores: last?.generatorCores ?? 0,
  }
}
