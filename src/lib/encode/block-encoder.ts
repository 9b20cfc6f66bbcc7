import { Transform, type TransformCallback } from 'node:stream'

/**
 * What gzip (deflate blocks joined into one member) and zstd (one frame a block) share: the
 * input is cut into fixed blocks, each compressed on its own, in parallel, and the outputs are
 * written in input order. Blocks are read into slots the encoder lends (reused memory, never a
 * buffer per read), so memory stays bounded whatever the layer size.
 */

export interface BlockSlot {
  /** The block's input goes here: at most the encoder's blockSize bytes. */
  readonly input: Buffer
}

/**
 * A compressed stream block by block: `header()`, then for each block in order a slot from
 * `acquire()` filled with it (full blocks of `blockSize`, the last may be short) and given to
 * `encode()`, then `trailer()`. A slot not given to `encode` goes back with `release()`; one
 * given to `encode` goes back by itself once its promise settles.
 */
export interface BlockEncoder<Slot extends BlockSlot = BlockSlot> {
  readonly blockSize: number
  header(): Buffer
  acquire(): Promise<Slot>
  release(slot: Slot): void
  encode(slot: Slot, length: number): Promise<Buffer[]>
  trailer(): Promise<Buffer>
}

/**
 * Blocks of one stream in flight: its share of the encode jobs, which bounds its memory. 3, not
 * 4: a gzip push peaked 2 MB lower (a spool push 3 MB) at a speed within the noise of 4.
 */
export const BLOCKS_IN_FLIGHT = 3

/**
 * Encoded blocks kept in reused buffers (chunk-pool.ts) between the encoder and the socket, for
 * every stream at once: the engine encodes up to 4 layers at a time, and the benchmark's pushes
 * held 11 or 12 at most. Fewer is worse, not better: the blocks over it are plain Buffers that
 * pile up until V8 collects them (a pool of 8 zstd frames peaked 6 MB higher than one of 16).
 */
export const ENCODED_BLOCKS_KEPT = 16

/** A block encoder as a Transform, for a stream of bytes of any chunking. */
export class BlockEncodingStream<Slot extends BlockSlot> extends Transform {
  readonly #encoder: BlockEncoder<Slot>
  #buffered: Buffer[] = []
  #bufferedBytes = 0
  readonly #inFlight: Promise<Buffer[]>[] = []

  constructor(encoder: BlockEncoder<Slot>) {
    super({ highWaterMark: encoder.blockSize })
    this.#encoder = encoder
    this.push(encoder.header())
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#buffered.push(chunk)
    this.#bufferedBytes += chunk.length
    this.#drainFullBlocks().then(() => done(), done)
  }

  override _flush(done: TransformCallback): void {
    const finish = async () => {
      if (this.#bufferedBytes > 0) await this.#submit(this.#bufferedBytes)
      while (this.#inFlight.length > 0) this.#emit(await this.#inFlight.shift()!)
      this.push(await this.#encoder.trailer())
    }
    finish().then(() => done(), done)
  }

  async #drainFullBlocks(): Promise<void> {
    const { blockSize } = this.#encoder
    while (this.#bufferedBytes >= blockSize) {
      // Bounded work in flight: wait for the oldest block before taking a slot for another.
      if (this.#inFlight.length >= BLOCKS_IN_FLIGHT) this.#emit(await this.#inFlight.shift()!)
      await this.#submit(blockSize)
    }
  }

  /**
   * The first `length` buffered bytes copied into a slot and encoded. A slot is taken only once
   * a block is complete: a stream waiting for input holds none.
   */
  async #submit(length: number): Promise<void> {
    const slot = await this.#encoder.acquire()
    let filled = 0
    while (filled < length) {
      const chunk = this.#buffered[0]!
      const taken = chunk.copy(slot.input, filled, 0, Math.min(chunk.length, length - filled))
      filled += taken
      if (taken === chunk.length) this.#buffered.shift()
      else this.#buffered[0] = chunk.subarray(taken)
    }
    this.#bufferedBytes -= length
    const block = this.#encoder.encode(slot, length)
    block.catch(() => {}) // awaited in order by _transform/_flush
    this.#inFlight.push(block)
  }

  #emit(parts: Buffer[]): void {
    for (const part of parts) this.push(part)
  }
}

/**
 * Slots of reused Buffers, shared by every stream of one encoder kind: memory stays the same
 * whatever the number of layers in flight.
 */
export class SlotPool {
  readonly #free: BlockSlot[] = []
  readonly #waiting: ((slot: BlockSlot) => void)[] = []
  readonly #capacity: number
  readonly #blockSize: number
  #created = 0

  constructor(capacity: number, blockSize: number) {
    this.#capacity = capacity
    this.#blockSize = blockSize
  }

  acquire(): Promise<BlockSlot> {
    const free = this.#free.pop()
    if (free) return Promise.resolve(free)
    if (this.#created < this.#capacity) {
      this.#created++
      return Promise.resolve({ input: Buffer.allocUnsafe(this.#blockSize) })
    }
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  release(slot: BlockSlot): void {
    const next = this.#waiting.shift()
    if (next) next(slot)
    else this.#free.push(slot)
  }
}
