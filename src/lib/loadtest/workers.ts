import { appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { TarPushError, type ErrorCode } from '../errors.ts'
import { silentLogger } from '../log.ts'
import { ownCpuSeconds, processCpuSeconds } from './cpu.ts'
import { mergeResults } from './merge.ts'
import { round } from './metrics.ts'
import type { BenchResult } from './result.ts'
import { runBenchAlone, scenarioSpec, type BenchOptions, type Progress } from './run.ts'
import { checkStartAt, waitUntil } from './start-at.ts'

/**
 * `--workers N`: one process drives several cores. Each worker thread runs the same entry point
 * as this one (the CLI, the action) with the same arguments; `runBench` sees the assignment in
 * its workerData and runs the worker's share of users, iterations and rate. The threads start
 * their measured runs together, after each has connected and seeded, and their results are
 * merged as a matrix's are: histograms added, counts summed.
 */

const MARK = 'tarPushBenchWorker'

/** A worker's share of the run, handed over as workerData. */
interface Assignment {
  [MARK]: true
  index: number
  firstVu: number
  vus: number
  iterations: number | undefined
  rates: number[] | undefined
  jtl: string | undefined
  password: string | undefined
}

type ToWorker = { type: 'go'; startAtMs: number } | { type: 'stop' }
type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; result: BenchResult }
  | { type: 'failed'; code: ErrorCode; message: string; hint: string | undefined }

/** This thread's assignment when it is a bench worker, else undefined. */
export function workerAssignment(): Assignment | undefined {
  if (isMainThread) return undefined
  const data = workerData as Partial<Assignment> | undefined
  return data?.[MARK] === true ? (data as Assignment) : undefined
}

/** `4`, or `auto`: one thread per core this process may use. */
export function parseWorkers(text: string): number {
  const count = text.trim() === 'auto' ? availableParallelism() : Number(text)
  if (!Number.isInteger(count) || count < 1 || count > 256)
    throw new TarPushError('USAGE', `--workers "${text}" is not a thread count from 1 to 256`, {
      hint: 'e.g. --workers 2, or --workers auto for one per core',
    })
  return count
}

/** `total` shared out as evenly as whole numbers allow. */
const shareOut = (total: number, parts: number): number[] =>
  Array.from(
    { length: parts },
    (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0),
  )

/** Gives the measured run a little time for every thread to be told when it starts. */
const START_MARGIN_MS = 100

/** In a worker thread: the share of the run, its result posted to the main thread. */
export async function runAsWorker(
  options: BenchOptions,
  assignment: Assignment,
): Promise<BenchResult> {
  const port = parentPort!
  const post = (message: FromWorker) => port.postMessage(message)
  const stop = new AbortController()
  let go: ((startAtMs: number) => void) | undefined
  const started = new Promise<number>((resolve) => (go = resolve))
  port.on('message', (message: ToWorker) => {
    if (message.type === 'go') go?.(message.startAtMs)
    else stop.abort()
  })
  try {
    const result = await runBenchAlone(
      {
        ...options,
        vus: assignment.vus,
        iterations: assignment.iterations,
        rates: assignment.rates,
        jtl: assignment.jtl,
        workers: 1,
        compare: [],
        startAtMs: undefined,
        connect: {
          ...options.connect,
          ...(assignment.password === undefined ? {} : { password: assignment.password }),
        },
        logger: silentLogger,
        onProgress: (progress) => post({ type: 'progress', progress }),
        signal: stop.signal,
      },
      {
        firstVu: assignment.firstVu,
        beforeStart: async (signal) => {
          post({ type: 'ready' })
          await waitUntil(await started, silentLogger, signal)
        },
      },
    )
    post({ type: 'result', result })
  } catch (error) {
    const failure =
      error instanceof TarPushError
        ? error
        : new TarPushError('REGISTRY_ERROR', String((error as Error)?.message ?? error))
    post({ type: 'failed', code: failure.code, message: failure.message, hint: failure.hint })
  }
  // The main thread ends this thread once it has the result: the entry point's own ending (its
  // report, its exit code) is the main thread's.
  return new Promise<BenchResult>(() => {})
}

/** In the main thread: starts the workers, relays stops and progress, merges their results. */
export async function runWithWorkers(options: BenchOptions): Promise<BenchResult> {
  const spec = scenarioSpec(options)
  if (options.compare?.length)
    throw new TarPushError('USAGE', '--compare runs with one worker', {
      hint: 'drop --workers, or run the comparison in a run of its own',
    })
  if (options.startAtMs !== undefined) checkStartAt(options.startAtMs)
  const count = Math.min(options.workers ?? 1, spec.vus, spec.iterations ?? Infinity)
  const vus = shareOut(spec.vus, count)
  const iterations = spec.iterations === null ? undefined : shareOut(spec.iterations, count)
  const entry = process.argv[1]
  if (!entry) throw new TarPushError('USAGE', '--workers needs a script to start the threads with')
  const threads: Worker[] = []
  const results: BenchResult[] = new Array<BenchResult>(count)
  const progress: Progress[] = []
  let firstVu = 1
  for (let index = 0; index < count; index++) {
    const assignment: Assignment = {
      [MARK]: true,
      index,
      firstVu,
      vus: vus[index]!,
      iterations: iterations?.[index],
      rates: options.rates?.map((rate) => rate / count),
      jtl: options.jtl === undefined ? undefined : `${options.jtl}.worker-${index + 1}`,
      password: options.connect?.password,
    }
    firstVu += vus[index]!
    const thread = new Worker(entry, {
      argv: process.argv.slice(2),
      workerData: assignment,
      // A password read from standard input is read again there: hand it over.
      stdin: true,
    })
    thread.stdin?.end(options.connect?.password ?? '')
    threads.push(thread)
  }
  const send = (message: ToWorker) => {
    for (const thread of threads) thread.postMessage(message)
  }
  const onStop = () => send({ type: 'stop' })
  options.signal?.addEventListener('abort', onStop)
  let ready = 0
  let cpuAtStart = 0
  let registryAtStart: number | undefined
  try {
    await Promise.all(
      threads.map(
        (thread, index) =>
          new Promise<void>((resolve, reject) => {
            thread.on('message', (message: FromWorker) => {
              if (message.type === 'ready' && ++ready === count) {
                const startAtMs = Math.max(options.startAtMs ?? 0, Date.now() + START_MARGIN_MS)
                void waitUntil(startAtMs, silentLogger).then(() => {
                  cpuAtStart = ownCpuSeconds()
                  if (options.registryPid !== undefined)
                    registryAtStart = processCpuSeconds(options.registryPid)
                })
                send({ type: 'go', startAtMs })
              } else if (message.type === 'progress') {
                progress[index] = message.progress
                if (progress.filter(Boolean).length === count)
                  options.onProgress?.(addProgress(progress))
              } else if (message.type === 'result') {
                results[index] = message.result
                resolve()
              } else if (message.type === 'failed') {
                reject(new TarPushError(message.code, message.message, { hint: message.hint }))
              }
            })
            thread.on('error', reject)
            thread.on('exit', (code) => {
              if (!results[index])
                reject(
                  new TarPushError('REGISTRY_ERROR', `bench worker ${index + 1} exited (${code})`),
                )
            })
          }),
      ),
    )
  } catch (error) {
    send({ type: 'stop' })
    throw error
  } finally {
    options.signal?.removeEventListener('abort', onStop)
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
  const cpuSeconds = ownCpuSeconds() - cpuAtStart
  const registryNow =
    options.registryPid === undefined ? undefined : processCpuSeconds(options.registryPid)
  if (options.jtl !== undefined) await joinJtl(options.jtl, count)
  return asOneRun(results, {
    cpuSeconds,
    registrySeconds:
      registryNow !== undefined && registryAtStart !== undefined
        ? registryNow - registryAtStart
        : undefined,
  })
}

/**
 * The workers' results as one run's: merged exactly (merge.ts), then what a merge of separate
 * machines adds up but threads of one process share: the host, and the CPU, which each thread
 * reads for the whole process (so the main thread's reading over the run stands).
 */
function asOneRun(
  results: BenchResult[],
  cpu: { cpuSeconds: number; registrySeconds: number | undefined },
): BenchResult {
  const merged = mergeResults(
    results.map((result, index) => ({ file: `worker ${index + 1}`, result })),
  )
  const wall = Math.max(1, merged.seconds)
  const busiest = (t: number, pick: (second: BenchResult['series'][number]) => number) =>
    Math.max(0, ...results.flatMap((result) => result.series.filter((s) => s.t === t).map(pick)))
  const registry = results[0]!.cpu.registry
  return {
    ...merged,
    runId: results[0]!.runId,
    host: results[0]!.host,
    merged: undefined,
    workers: results.length,
    series: merged.series.map((second) => ({
      ...second,
      generatorCores: busiest(second.t, (s) => s.generatorCores),
      registryCores: registry ? busiest(second.t, (s) => s.registryCores ?? 0) : null,
    })),
    cpu: {
      generator: {
        seconds: round(cpu.cpuSeconds, 3),
        cores: round(cpu.cpuSeconds / wall, 3),
        peakCores: Math.max(0, ...results.map((result) => result.cpu.generator.peakCores)),
        eventLoopDelayP99Ms: Math.max(
          ...results.map((result) => result.cpu.generator.eventLoopDelayP99Ms),
        ),
      },
      registry:
        registry && cpu.registrySeconds !== undefined
          ? {
              ...registry,
              seconds: round(cpu.registrySeconds, 3),
              cores: round(cpu.registrySeconds / wall, 3),
              peakCores: Math.max(...results.map((result) => result.cpu.registry?.peakCores ?? 0)),
            }
          : null,
    },
  }
}

function addProgress(parts: readonly Progress[]): Progress {
  const total = (pick: (part: Progress) => number) =>
    parts.reduce((sum, part) => sum + pick(part), 0)
  const first = parts[0]!
  return {
    ...first,
    iterations: total((part) => part.iterations),
    iterationsTarget:
      first.iterationsTarget === null ? null : total((part) => part.iterationsTarget ?? 0),
    activeVus: total((part) => part.activeVus),
    vus: total((part) => part.vus),
    requests: total((part) => part.requests),
    errors: total((part) => part.errors),
    requestsPerSecond: total((part) => part.requestsPerSecond),
    megabytesPerSecond: total((part) => part.megabytesPerSecond),
    p95Ms: Math.max(...parts.map((part) => part.p95Ms)),
    generatorCores: Math.max(...parts.map((part) => part.generatorCores)),
  }
}

/** The workers' JTL files as one (one header), in worker order; theirs are removed. */
async function joinJtl(path: string, count: number): Promise<void> {
  await writeFile(path, '')
  for (let index = 1; index <= count; index++) {
    const part = `${path}.worker-${index}`
    const text = await readFile(part, 'utf8')
    await appendFile(path, index === 1 ? text : text.slice(text.indexOf('\n') + 1))
    await rm(part, { force: true })
  }
}
