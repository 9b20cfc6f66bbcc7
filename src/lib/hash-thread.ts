import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import type { MessagePort, Worker } from 'node:worker_threads'
import { startEvalWorker } from './eval-worker.ts'
import type { FileRange } from './image/model.ts'

/**
 * Hashing files in place on two threads. A re-push does nothing but hash every layer where it
 * lies (the registry has the blobs), so on one thread it waits on sha256 while the other core
 * idles. Queued layers are hashed one at a time on this thread and, once a worker thread is up,
 * one at a time on it too, the largest first (the worker's start takes 50–100 ms on 2 cores, so
 * it must not be handed the biggest layer before it can begin).
 *
 * The worker costs about 15 MB resident: it is taken only when enough bytes wait to pay for its
 * start, never on a cold push (which hashes each layer as it encodes it). A push of big
 * uncompressed layers has it started early (eval-worker.ts), while it talks to the registry.
 */

export interface RangeDigest {
  /** "algorithm:hex" */
  digest: string
  /** Bytes hashed: less than expected when the file ended early. */
  size: number
}

export interface HashJob {
  readonly size: number
  readonly algorithm: string
  /** Where the bytes lie, when another thread can read them. */
  readonly range: FileRange | undefined
  /** Hashes the bytes on this thread (hashRangeHere, for bytes in a file range). */
  hashHere(signal: AbortSignal | undefined): Promise<RangeDigest>
}

/** Bytes waiting, beyond what this thread is hashing, for which a worker is worth its start. */
export const WORKER_WORTH_BYTES = 32 * 1024 * 1024

/** Copies that encode layers while others are hashed (see announceEncoding). */
let encodings = 0

/**
 * A copy that will encode layers (a push of a tarball with one layer changed: the others are
 * only hashed) announces it, and hashing then stays on this thread. The encoding takes the
 * worker thread, for deflate; a hash worker beside it kept 11 MB more resident (a peak of 124 MB
 * against 112) for no time saved (0.51–0.56 s against 0.53–0.59 s): this thread hashes while the
 * deflaters work. Returns the end of the announcement.
 */
export function announceEncoding(): () => void {
  encodings++
  let ended = false
  return () => {
    if (ended) return
    ended = true
    encodings--
  }
}

interface Queued {
  job: HashJob
  signal: AbortSignal | undefined
  resolve(digest: RangeDigest): void
  reject(error: unknown): void
}

const queue: Queued[] = []
let hereBusy = false
let worker: { thread: Worker; ready: boolean; running: Queued | undefined } | undefined

/** The job's digest, from whichever thread is free first. */
export function hashQueued(job: HashJob, signal: AbortSignal | undefined): Promise<RangeDigest> {
  signal?.throwIfAborted()
  return new Promise<RangeDigest>((resolve, reject) => {
    const queued: Queued = { job, signal, resolve, reject }
    const onAbort = () => {
      const index = queue.indexOf(queued)
      if (index >= 0) {
        queue.splice(index, 1)
        reject(signal!.reason)
      } else if (worker?.running === queued) {
        stopWorker()
        reject(signal!.reason)
      }
      // On this thread the job sees the signal itself.
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    const settle =
      <T>(then: (value: T) => void) =>
      (value: T) => {
        signal?.removeEventListener('abort', onAbort)
        then(value)
      }
    queued.resolve = settle(resolve)
    queued.reject = settle(reject)
    queue.push(queued)
    pump()
  })
}

function pump(): void {
  if (!hereBusy && queue.length > 0) {
    const next = takeLargest(() => true)!
    hereBusy = true
    next.job
      .hashHere(next.signal)
      .then(next.resolve, next.reject)
      .finally(() => {
        hereBusy = false
        pump()
      })
  }
  if (worker?.ready && !worker.running) {
    const next = takeLargest((queued) => queued.job.range !== undefined)
    if (next) {
      worker.running = next
      worker.thread.ref()
      worker.thread.postMessage({ range: next.job.range, algorithm: next.job.algorithm })
    }
  } else if (!worker && encodings === 0) {
    const waiting = queue.reduce((sum, { job }) => sum + (job.range ? job.size : 0), 0)
    if (waiting >= WORKER_WORTH_BYTES) worker = startWorker()
  }
}

function takeLargest(eligible: (queued: Queued) => boolean): Queued | undefined {
  let best = -1
  queue.forEach((queued, index) => {
    if (eligible(queued) && (best < 0 || queued.job.size > queue[best]!.job.size)) best = index
  })
  return best < 0 ? undefined : queue.splice(best, 1)[0]
}

type Answer = 'ready' | RangeDigest | { error: string }

function startWorker(): NonNullable<typeof worker> {
  const thread = startEvalWorker(
    `(port, _data, require) => (${runHashThread.toString()})(port, require('node:fs'), require('node:crypto'), ${hashStretch.toString()}, ${BLOCK})`,
  )
  const started = { thread, ready: false, running: undefined as Queued | undefined }
  // A worker ended by a stop may still answer or exit later: only the current one counts.
  thread.on('message', (answer: Answer) => {
    if (worker !== started) return
    if (answer === 'ready') started.ready = true
    else {
      const job = started.running
      started.running = undefined
      thread.unref()
      if ('error' in answer) job?.reject(new Error(answer.error))
      else job?.resolve(answer)
    }
    pump()
  })
  const fail = (error: Error) => {
    if (worker !== started) return
    worker = undefined
    started.running?.reject(new Error(`the hash thread failed: ${error.message}`, { cause: error }))
    pump()
  }
  thread.on('error', fail)
  thread.on('exit', (code) => fail(new Error(`it exited with code ${code}`)))
  thread.unref()
  return started
}

function stopWorker(): void {
  const thread = worker?.thread
  worker = undefined
  void thread?.terminate()
}

/**
 * Hashes [from, until) of a range into `hash` with synchronous reads into `block`: from the page
 * cache they run at sha256's speed, where a read handed to libuv's pool costs a wait each time.
 * Returns the offset reached (less than `until` when the file ended early). Used on both threads;
 * the worker gets it as source text, so it may use only its arguments.
 */
function hashStretch(
  files: typeof fs,
  descriptor: number,
  range: FileRange,
  hash: crypto.Hash,
  block: Buffer,
  from: number,
  until: number,
): number {
  let offset = from
  while (offset < until) {
    const wanted = Math.min(block.length, until - offset)
    const length = files.readSync(descriptor, block, 0, wanted, range.start + offset)
    if (length === 0) break
    hash.update(block.subarray(0, length))
    offset += length
  }
  return offset
}

/** Bytes hashed on this thread between two turns of the event loop (a stop, the other lane). */
const STRETCH_HERE = 8 * 1024 * 1024

/** A range hashed on this thread, in stretches, so that the event loop still runs. */
export async function hashRangeHere(
  range: FileRange,
  algorithm: string,
  signal: AbortSignal | undefined,
): Promise<RangeDigest> {
  const descriptor = fs.openSync(range.path, 'r')
  try {
    const hash = crypto.createHash(algorithm)
    const block = Buffer.allocUnsafe(BLOCK)
    let size = 0
    while (size < range.size) {
      const until = Math.min(range.size, size + STRETCH_HERE)
      const reached = hashStretch(fs, descriptor, range, hash, block, size, until)
      size = reached
      if (reached < until) break
      await new Promise((resolve) => setImmediate(resolve))
      signal?.throwIfAborted()
    }
    return { digest: `${algorithm}:${hash.digest('hex')}`, size }
  } finally {
    fs.closeSync(descriptor)
  }
}

const BLOCK = 1024 * 1024

/**
 * The worker's body, run from its source text (eval-worker.ts): it may use only its arguments.
 * It does nothing else, so it hashes a whole range in one stretch.
 */
function runHashThread(
  port: MessagePort,
  files: typeof fs,
  hashes: typeof crypto,
  stretch: typeof hashStretch,
  blockSize: number,
): void {
  interface Job {
    range: FileRange
    algorithm: string
  }
  const block = Buffer.allocUnsafe(blockSize)
  port.on('message', ({ range, algorithm }: Job) => {
    let descriptor: number | undefined
    try {
      descriptor = files.openSync(range.path, 'r')
      const hash = hashes.createHash(algorithm)
      const size = stretch(files, descriptor, range, hash, block, 0, range.size)
      port.postMessage({ digest: `${algorithm}:${hash.digest('hex')}`, size })
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) })
    } finally {
      if (descriptor !== undefined) files.closeSync(descriptor)
    }
  })
  port.postMessage('ready')
}
