import { availableParallelism } from 'node:os'
import { EventEmitter } from 'node:events'
import { Worker } from 'node:worker_threads'
import { startEvalWorker } from '../eval-worker.ts'
import * as zlib from 'node:zlib'
import { ChunkPool } from '../chunk-pool.ts'
import { ENCODED_BLOCKS_KEPT } from './block-encoder.ts'
import { runDeflateWorker } from './deflate-worker.ts'
import { libdeflateModule } from './libdeflate-module.ts'

/**
 * Deflaters, each an instance of libdeflate.wasm with a few slots in its memory: a slot holds one
 * block of input (and the 32 KiB before it, the dictionary) and its deflated output. The number
 * of slots bounds the memory of every gzip stream at once, whatever the layer sizes.
 *
 * One deflater runs on the main thread, the others in worker threads: a worker costs about
 * 12 MB of resident memory (a Node environment of its own), more than anything else a push
 * holds, while the main thread mostly waits on the network and the disk.
 */

/**
 * Primed blocks of 256 KiB, 512 KiB and 1 MiB measured the same size of output and the same
 * speed within the noise: 512 KiB holds half the memory of 1 MiB in fewer messages than 256 KiB.
 */
export const DEFLATE_BLOCK_SIZE = 512 * 1024
/**
 * Each block is primed with the previous 32 KiB (deflate's whole window): unprimed output of
 * binaries measured 0.05 % (1 MiB blocks) to 0.2 % (256 KiB) bigger, for no speed measurable.
 */
export const DEFLATE_WINDOW = 32 * 1024
/** One slot being deflated while the next is filled, per deflater. */
const SLOTS_PER_DEFLATER = 2

/** Part of a deflater's shared memory, lent to one block from `acquire` until its deflate ends. */
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

interface DeflaterSlot extends DeflateSlot {
  readonly deflater: Deflater
  readonly index: number
  readonly outputOffset: number
}

/** A wasm instance, in a worker or on the main thread, and the port its jobs go through. */
interface Deflater {
  readonly port: LocalPort | Worker
  readonly memory: WebAssembly.Memory
  readonly free: DeflaterSlot[]
  /** The slots being deflated, by index, with what waits for them. */
  readonly jobs: Map<number, PendingJob>
}

interface PendingJob {
  slot: DeflaterSlot
  resolve(block: DeflatedBlock): void
  reject(error: Error): void
}

interface Waiter {
  resolve(slot: DeflaterSlot): void
  reject(error: Error): void
}

interface Ready {
  memory: WebAssembly.Memory
  slots: { window: number; input: number; output: number }[]
  outputCapacity: number
}

type Done = { slot: number; outputLength: number; crc: number } | { slot: number; error: string }

export interface DeflatePoolOptions {
  /** Deflaters in worker threads. */
  workers: number
  /** Whether the main thread deflates too. */
  mainThread: boolean
}

export class DeflatePool {
  readonly #deflaters: Promise<Deflater[]>
  readonly #waiting: Waiter[] = []
  readonly #started: Deflater[] = []
  #failure: Error | undefined
  #busy = 0
  #outputs = new ChunkPool({ size: 0, keep: 0 })

  constructor(options: DeflatePoolOptions) {
    const module = libdeflateModule()
    const setup = {
      module,
      slots: SLOTS_PER_DEFLATER,
      blockSize: DEFLATE_BLOCK_SIZE,
      window: DEFLATE_WINDOW,
    }
    const ports: (LocalPort | Worker)[] = Array.from({ length: options.workers }, () =>
      startWorker(setup),
    )
    if (options.mainThread || ports.length === 0) ports.push(startOnMainThread(setup))
    this.#deflaters = Promise.all(ports.map((port) => this.#ready(port)))
    // A failed start is reported by the first acquire, not as an unhandled rejection.
    this.#deflaters.catch(() => {})
  }

  /** A free slot, of the deflater with the most free slots: waits while every slot is lent. */
  async acquire(): Promise<DeflateSlot> {
    const deflaters = await this.#deflaters
    if (this.#failure) throw this.#failure
    let best: Deflater | undefined
    for (const deflater of deflaters) {
      if (deflater.free.length > (best?.free.length ?? 0)) best = deflater
    }
    const slot = best?.free.shift()
    if (slot) return slot
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }))
  }

  /** Gives back a slot that will not be deflated (the input ended, or the stream failed). */
  release(slot: DeflateSlot): void {
    const owned = slot as DeflaterSlot
    const next = this.#waiting.shift()
    if (next) next.resolve(owned)
    else owned.deflater.free.push(owned)
  }

  /**
   * Deflates the first `length` bytes of the slot's input at `level` (0 stores them), primed
   * with the last `dictionaryLength` bytes of its window; the slot is free again after.
   */
  deflate(
    slot: DeflateSlot,
    job: { length: number; dictionaryLength: number; level: number },
  ): Promise<DeflatedBlock> {
    const owned = slot as DeflaterSlot
    if (this.#failure) {
      this.release(slot)
      return Promise.reject(this.#failure)
    }
    return new Promise<DeflatedBlock>((resolve, reject) => {
      owned.deflater.jobs.set(owned.index, { slot: owned, resolve, reject })
      // Idle deflaters do not keep the process alive; while a job runs they must, or the
      // process could end with the job's promise pending.
      if (this.#busy++ === 0) for (const { port } of this.#started) port.ref()
      owned.deflater.port.postMessage({ slot: owned.index, ...job })
    }).finally(() => {
      if (--this.#busy === 0) for (const { port } of this.#started) port.unref()
      this.release(slot)
    })
  }

  async #ready(port: LocalPort | Worker): Promise<Deflater> {
    const ready = await new Promise<Ready>((resolve, reject) => {
      port.once('message', resolve)
      if (port instanceof Worker) port.once('error', reject)
    })
    const deflater: Deflater = { port, memory: ready.memory, free: [], jobs: new Map() }
    if (this.#outputs.size < ready.outputCapacity)
      this.#outputs = new ChunkPool({ size: ready.outputCapacity, keep: ENCODED_BLOCKS_KEPT })
    const bytes = ready.memory.buffer
    ready.slots.forEach((offsets, index) => {
      deflater.free.push({
        deflater,
        index,
        window: Buffer.from(bytes, offsets.window, DEFLATE_WINDOW),
        input: Buffer.from(bytes, offsets.input, DEFLATE_BLOCK_SIZE),
        outputOffset: offsets.output,
      })
    })
    port.on('message', (done: Done) => this.#finished(deflater, done))
    if (port instanceof Worker) {
      port.on('error', (error) => this.#fail(deflater, error))
      port.on('exit', (code) => this.#fail(deflater, new Error(`it exited with code ${code}`)))
    }
    // After the listeners, which ref a MessagePort: an idle pool must not keep the process up.
    port.unref()
    this.#started.push(deflater)
    return deflater
  }

  #finished(deflater: Deflater, done: Done): void {
    const job = deflater.jobs.get(done.slot)
    if (!job) return
    deflater.jobs.delete(done.slot)
    if ('error' in done) {
      job.reject(new Error(`deflate failed: ${done.error}`))
      return
    }
    // Copied out: the slot is reused at once, the output lives as long as its consumer wants,
    // in a buffer of the pool that the upload gives back once it is written.
    const whole = this.#outputs.take(done.outputLength)
    whole.set(new Uint8Array(deflater.memory.buffer, job.slot.outputOffset, done.outputLength))
    job.resolve({ deflated: this.#outputs.lend(whole, done.outputLength), crc: done.crc })
  }

  #fail(deflater: Deflater, error: Error): void {
    this.#failure ??= new Error(`a deflate worker failed: ${error.message}`, { cause: error })
    for (const job of deflater.jobs.values()) job.reject(this.#failure)
    deflater.jobs.clear()
    for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#failure)
  }
}

interface Setup {
  module: WebAssembly.Module
  slots: number
  blockSize: number
  window: number
}

function startWorker(setup: Setup): Worker {
  return startEvalWorker(
    `(port, setup, require) => (${runDeflateWorker.toString()})(port, setup, require('node:zlib'))`,
    setup,
  )
}

/** The same deflater on this thread: its jobs run between other work. */
function startOnMainThread(setup: Setup): LocalPort {
  const [pool, deflater] = LocalPort.pair()
  runDeflateWorker(deflater, setup, zlib)
  return pool
}

/**
 * One end of a channel within this thread, for the main thread's deflater: a message arrives in
 * a later turn of the event loop (after the I/O waiting), as through a MessagePort, but is not
 * serialized. The main thread also reads, hashes and uploads every block; a MessageChannel's
 * round trips took about 15 ms of its time in a cold gzip push of the benchmark.
 */
class LocalPort extends EventEmitter {
  #peer: LocalPort | undefined

  static pair(): [LocalPort, LocalPort] {
    const one = new LocalPort()
    const other = new LocalPort()
    one.#peer = other
    other.#peer = one
    return [one, other]
  }

  postMessage(message: unknown): void {
    const peer = this.#peer!
    setImmediate(() => peer.emit('message', message))
  }

  /** Nothing to hold: a message on its way is a pending immediate, which keeps the process up. */
  ref(): void {}
  unref(): void {}
}

/**
 * Worker threads beyond the main thread's deflater: on 2 cores one, so that both cores deflate;
 * at most two, so that a big machine does not pay for many (a runner's upload rarely keeps up
 * with more than three).
 */
const MAX_WORKERS = 2

let shared: DeflatePool | undefined

/** The process's deflaters, started on first use. */
export function deflatePool(): DeflatePool {
  shared ??= new DeflatePool({
    workers: Math.min(MAX_WORKERS, availableParallelism() - 1),
    mainThread: true,
  })
  return shared
}
