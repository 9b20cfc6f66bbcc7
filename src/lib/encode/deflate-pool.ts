import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { runDeflateWorker } from './deflate-worker.ts'
import { LIBDEFLATE_WASM_BASE64 } from './libdeflate-wasm.ts'

/**
 * Deflate workers, one per core, each with a few slots in its WebAssembly memory: a slot holds
 * one block of input (and the 32 KiB before it, the dictionary) and its deflated output. The
 * number of slots bounds the memory of every gzip stream at once, whatever the layer sizes.
 */

/** Blocks of this size measured as fast as 1 MiB ones, in half the memory; 256 KiB was slower. */
export const DEFLATE_BLOCK_SIZE = 512 * 1024
export const DEFLATE_WINDOW = 32 * 1024
/** One slot being deflated while the next is filled, per worker. */
const SLOTS_PER_WORKER = 2

/** Part of a worker's shared memory, lent to one block from `acquire` until its deflate ends. */
export interface DeflateSlot {
  /** The block's input goes here: at most DEFLATE_BLOCK_SIZE bytes. */
  readonly input: Buffer
  /** The DEFLATE_WINDOW bytes before `input`: the end of the previous block, if any. */
  readonly window: Buffer
}

export interface DeflatedBlock {
  /** Deflate blocks, none final, ending byte-aligned (a sync flush): the next block follows. */
  deflated: Buffer
  /** CRC-32 of the input block alone. */
  crc: number
}

interface WorkerSlot extends DeflateSlot {
  readonly worker: PooledWorker
  readonly index: number
  readonly outputOffset: number
}

interface PooledWorker {
  readonly thread: Worker
  readonly memory: WebAssembly.Memory
  readonly free: WorkerSlot[]
  /** The slots being deflated, by index, with what waits for them. */
  readonly jobs: Map<number, PendingJob>
}

interface PendingJob {
  slot: WorkerSlot
  resolve(block: DeflatedBlock): void
  reject(error: Error): void
}

interface Waiter {
  resolve(slot: WorkerSlot): void
  reject(error: Error): void
}

interface Ready {
  memory: WebAssembly.Memory
  slots: { window: number; input: number; output: number }[]
}

interface Done {
  slot: number
  outputLength: number
  crc: number
}

export class DeflatePool {
  readonly #workers: Promise<PooledWorker[]>
  readonly #waiting: Waiter[] = []
  readonly #allStarted: PooledWorker[] = []
  #failure: Error | undefined
  #busy = 0

  constructor(workers: number) {
    const module = new WebAssembly.Module(Buffer.from(LIBDEFLATE_WASM_BASE64, 'base64'))
    this.#workers = Promise.all(Array.from({ length: workers }, () => this.#start(module)))
    // A failed start is reported by the first acquire, not as an unhandled rejection.
    this.#workers.catch(() => {})
  }

  /** A free slot, of the worker with the most free slots: waits while every slot is lent. */
  async acquire(): Promise<DeflateSlot> {
    const workers = await this.#workers
    if (this.#failure) throw this.#failure
    let best: PooledWorker | undefined
    for (const worker of workers) {
      if (worker.free.length > (best?.free.length ?? 0)) best = worker
    }
    const slot = best?.free.shift()
    if (slot) return slot
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }))
  }

  /** Gives back a slot that will not be deflated (the input ended, or the stream failed). */
  release(slot: DeflateSlot): void {
    const owned = slot as WorkerSlot
    const next = this.#waiting.shift()
    if (next) next.resolve(owned)
    else owned.worker.free.push(owned)
  }

  /**
   * Deflates the first `length` bytes of the slot's input at `level` (0 stores them), primed
   * with the last `dictionaryLength` bytes of its window; the slot is free again after.
   */
  deflate(
    slot: DeflateSlot,
    job: { length: number; dictionaryLength: number; level: number },
  ): Promise<DeflatedBlock> {
    const owned = slot as WorkerSlot
    const { worker } = owned
    if (this.#failure) {
      this.release(slot)
      return Promise.reject(this.#failure)
    }
    return new Promise<DeflatedBlock>((resolve, reject) => {
      worker.jobs.set(owned.index, { slot: owned, resolve, reject })
      // Idle workers do not keep the process alive; a worker with a job must, or the process
      // could end with the job's promise pending.
      if (this.#busy++ === 0) for (const { thread } of this.#allStarted) thread.ref()
      worker.thread.postMessage({ slot: owned.index, ...job })
    }).finally(() => {
      if (--this.#busy === 0) for (const { thread } of this.#allStarted) thread.unref()
      this.release(slot)
    })
  }

  async #start(module: WebAssembly.Module): Promise<PooledWorker> {
    const thread = new Worker(
      `(${runDeflateWorker.toString()})(require('node:worker_threads'), require('node:zlib'))`,
      {
        eval: true,
        workerData: {
          module,
          slots: SLOTS_PER_WORKER,
          blockSize: DEFLATE_BLOCK_SIZE,
          window: DEFLATE_WINDOW,
        },
      },
    )
    thread.unref()
    const ready = await new Promise<Ready>((resolve, reject) => {
      thread.once('message', resolve)
      thread.once('error', reject)
    })
    const worker: PooledWorker = { thread, memory: ready.memory, free: [], jobs: new Map() }
    const bytes = ready.memory.buffer
    ready.slots.forEach((offsets, index) => {
      worker.free.push({
        worker,
        index,
        window: Buffer.from(bytes, offsets.window, DEFLATE_WINDOW),
        input: Buffer.from(bytes, offsets.input, DEFLATE_BLOCK_SIZE),
        outputOffset: offsets.output,
      })
    })
    thread.on('message', (done: Done) => this.#finished(worker, done))
    thread.on('error', (error) => this.#fail(worker, error))
    thread.on('exit', (code) =>
      this.#fail(worker, new Error(`a deflate worker exited with code ${code}`)),
    )
    this.#allStarted.push(worker)
    return worker
  }

  #finished(worker: PooledWorker, done: Done): void {
    const job = worker.jobs.get(done.slot)
    if (!job) return
    worker.jobs.delete(done.slot)
    // Copied out: the slot is reused at once, the output lives as long as its consumer wants.
    const deflated = Buffer.allocUnsafe(done.outputLength)
    deflated.set(new Uint8Array(worker.memory.buffer, job.slot.outputOffset, done.outputLength))
    job.resolve({ deflated, crc: done.crc })
  }

  #fail(worker: PooledWorker, error: Error): void {
    this.#failure ??= new Error(`deflate worker failed: ${error.message}`, { cause: error })
    for (const job of worker.jobs.values()) job.reject(this.#failure)
    worker.jobs.clear()
    for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#failure)
  }
}

let shared: DeflatePool | undefined

/** The process's deflate workers, started on first use: one per core. */
export function deflatePool(): DeflatePool {
  shared ??= new DeflatePool(availableParallelism())
  return shared
}
