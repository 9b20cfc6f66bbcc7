import type * as Crypto from 'node:crypto'
import type { MessagePort, Worker } from 'node:worker_threads'
import type * as Zlib from 'node:zlib'
import { startEvalWorker } from '../eval-worker.ts'
import type { RangeDigest } from '../hash-thread.ts'
import { gunzipStreams, type GunzipExports } from './gunzip-stream.ts'
import { libdeflateModule } from './libdeflate-module.ts'

/**
 * The diff_id check of gzip layers on a thread of its own: the main thread copies each piece of
 * compressed input into a slot of the thread's shared memory and goes on with the upload; the
 * thread decodes it (libdeflate.wasm), checks the CRC and hashes the output, and says only the
 * digest. On the main thread, node:zlib's decoding cost a callback per decoded chunk and the
 * hashing of the whole output: about 40 % of a push of an OCI archive, on the thread that also
 * uploads.
 */

/** Input slots: bounds how far the checks of all layers together may lag behind the upload. */
const SLOTS = 8
const SLOT_SIZE = 512 * 1024

export interface GunzipCheck {
  /** Copies the bytes to the thread: waits only while every slot is taken. */
  write(chunk: Uint8Array): Promise<void> | undefined
  /** The digest of all decoded bytes; rejects with why they do not decode. */
  end(): Promise<RangeDigest>
  /** Gives up: the thread forgets the stream. */
  abort(): void
  /** Why the bytes do not decode, once the thread said so (later writes are dropped). */
  readonly failure: Error | undefined
}

/** The thread itself failed (not the bytes): no verdict on the layer. */
export class GunzipThreadFailure extends Error {}

interface Ready {
  memory: WebAssembly.Memory
  slots: number[]
}

type Answer =
  | { slot: number }
  | { stream: number; digest: string; size: number }
  | { stream: number; error: string }

interface Stream {
  failure: Error | undefined
  ended: { resolve(digest: RangeDigest): void; reject(error: Error): void } | undefined
}

class GunzipThread {
  readonly #thread: Worker
  readonly #ready: Promise<Ready>
  readonly #free: number[] = []
  readonly #waiting: { resolve(slot: number): void; reject(error: Error): void }[] = []
  readonly #streams = new Map<number, Stream>()
  #memory: Uint8Array | undefined
  #nextId = 1
  #failure: Error | undefined

  constructor() {
    const module = libdeflateModule()
    this.#thread = startEvalWorker(
      `(port, setup, require) => (${runGunzipThread.toString()})(port, setup, require('node:zlib'), require('node:crypto'), ${gunzipStreams.toString()})`,
      { module, slots: SLOTS, slotSize: SLOT_SIZE },
    )
    this.#ready = new Promise<Ready>((resolve, reject) => {
      this.#thread.once('message', resolve)
      this.#thread.once('error', reject)
    })
    this.#ready.then(
      (ready) => {
        this.#memory = new Uint8Array(ready.memory.buffer)
        for (const slot of ready.slots) this.#release(slot)
        this.#thread.on('message', (answer: Answer) => this.#answer(answer))
      },
      (error: Error) => this.#fail(error),
    )
    this.#thread.on('error', (error) => this.#fail(error))
    this.#thread.on('exit', (code) => this.#fail(new Error(`it exited with code ${code}`)))
    this.#thread.unref()
  }

  open(algorithm: string): GunzipCheck {
    const id = this.#nextId++
    const stream: Stream = { failure: undefined, ended: undefined }
    this.#streams.set(id, stream)
    if (this.#streams.size === 1) this.#thread.ref()
    this.#thread.postMessage({ stream: id, open: algorithm })
    const close = () => {
      this.#streams.delete(id)
      if (this.#streams.size === 0) this.#thread.unref()
    }
    return {
      write: (chunk) => {
        if (stream.failure || this.#failure) return undefined
        return this.#send(id, chunk)
      },
      end: () =>
        new Promise<RangeDigest>((resolve, reject) => {
          const failure = this.#failure ?? stream.failure
          if (failure) {
            close()
            return reject(failure)
          }
          stream.ended = {
            resolve: (digest) => {
              close()
              resolve(digest)
            },
            reject: (error) => {
              close()
              reject(error)
            },
          }
          this.#thread.postMessage({ stream: id, end: true })
        }),
      abort: () => {
        if (!this.#streams.has(id)) return
        close()
        if (!this.#failure) this.#thread.postMessage({ stream: id, abort: true })
      },
      get failure() {
        return stream.failure
      },
    }
  }

  /** Copies `chunk` into slots (a piece a slot) and posts them, in order. */
  #send(id: number, chunk: Uint8Array): Promise<void> | undefined {
    let at = 0
    while (at < chunk.length) {
      const slot = this.#free.pop()
      if (slot === undefined) return this.#sendLater(id, chunk.subarray(at))
      at += this.#post(id, slot, chunk.subarray(at))
    }
    return undefined
  }

  async #sendLater(id: number, rest: Uint8Array): Promise<void> {
    // The bytes are kept until a slot frees: the caller may reuse its buffer once resolved.
    let at = 0
    while (at < rest.length) {
      const slot =
        this.#free.pop() ??
        (await new Promise<number>((resolve, reject) => this.#waiting.push({ resolve, reject })))
      at += this.#post(id, slot, rest.subarray(at))
    }
  }

  /** Copies what of `bytes` fits into `slot` and posts it; returns how much. */
  #post(id: number, slot: number, bytes: Uint8Array): number {
    const length = Math.min(SLOT_SIZE, bytes.length)
    this.#memory!.set(bytes.subarray(0, length), slot)
    this.#thread.postMessage({ stream: id, slot, length })
    return length
  }

  #release(slot: number): void {
    const next = this.#waiting.shift()
    if (next) next.resolve(slot)
    else this.#free.push(slot)
  }

  #answer(answer: Answer): void {
    if ('slot' in answer) {
      this.#release(answer.slot)
      return
    }
    const stream = this.#streams.get(answer.stream)
    if (!stream) return
    if ('error' in answer) {
      stream.failure = new Error(answer.error)
      stream.ended?.reject(stream.failure)
    } else stream.ended?.resolve({ digest: answer.digest, size: answer.size })
  }

  #fail(error: Error): void {
    if (this.#failure) return
    this.#failure = new GunzipThreadFailure(`the gzip thread failed: ${error.message}`, {
      cause: error,
    })
    if (shared === this) shared = undefined
    for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#failure)
    for (const stream of this.#streams.values()) stream.ended?.reject(this.#failure)
    this.#streams.clear()
  }
}

let shared: GunzipThread | undefined

/** A gzip decoder on the process's gzip thread, started on first use, hashing with `algorithm`. */
export function openGunzipCheck(algorithm: string): GunzipCheck {
  shared ??= new GunzipThread()
  return shared.open(algorithm)
}

/**
 * The thread's body, run from its source text (eval-worker.ts): it may use only its arguments.
 * Its instance of libdeflate.wasm has shared memory, whose input slots the main thread fills.
 */
function runGunzipThread(
  port: MessagePort,
  setup: { module: WebAssembly.Module; slots: number; slotSize: number },
  zlib: typeof Zlib,
  crypto: typeof Crypto,
  streamsOf: typeof gunzipStreams,
): void {
  type Job =
    | { stream: number; open: string }
    | { stream: number; slot: number; length: number }
    | { stream: number; end: true }
    | { stream: number; abort: true }
  const wasm = new WebAssembly.Instance(setup.module, {}).exports as unknown as GunzipExports
  const decoders = streamsOf(wasm, zlib, crypto)
  const slots = Array.from({ length: setup.slots }, () => {
    const room = wasm.malloc(decoders.inputRoom + setup.slotSize)
    if (room === 0) throw new Error('no memory for the gzip slots')
    return room + decoders.inputRoom
  })
  const open = new Map<number, ReturnType<typeof decoders.open>>()
  const failed = new Set<number>()
  const failWith = (stream: number, error: unknown) => {
    open.get(stream)?.release()
    open.delete(stream)
    failed.add(stream)
    port.postMessage({ stream, error: error instanceof Error ? error.message : String(error) })
  }
  port.on('message', (job: Job) => {
    if ('open' in job) {
      try {
        open.set(job.stream, decoders.open(job.open))
      } catch (error) {
        failWith(job.stream, error)
      }
    } else if ('slot' in job) {
      try {
        open.get(job.stream)?.push(job.slot, job.length)
      } catch (error) {
        failWith(job.stream, error)
      }
      port.postMessage({ slot: job.slot })
    } else if ('end' in job) {
      const stream = open.get(job.stream)
      if (!stream) {
        // Its failure was told already; a repeat for whoever waits for the end.
        if (failed.delete(job.stream)) return
        port.postMessage({ stream: job.stream, error: 'unknown stream' })
        return
      }
      try {
        const { digest, size } = stream.end()
        stream.release()
        open.delete(job.stream)
        port.postMessage({ stream: job.stream, digest, size })
      } catch (error) {
        failWith(job.stream, error)
        failed.delete(job.stream)
      }
    } else {
      open.get(job.stream)?.release()
      open.delete(job.stream)
      failed.delete(job.stream)
    }
  })
  port.postMessage({ memory: wasm.memory, slots })
}
