/**
 * Reused Buffers for the chunks of a blob on their way to the network. V8 collects a dead
 * Buffer only when about 64 MB of them have piled up (its external-memory trigger), so a push
 * that allocates a Buffer per chunk (each deflated block, each file read) peaks at tens of MB
 * above what it holds alive. Instead a producer takes a buffer from a pool and lends a chunk of
 * it; the chunk goes back to the pool once every reader let go of it: the upload when the socket
 * has written it (http/upload-body.ts), and any reader that keeps it for later (`holdChunk`).
 *
 * A chunk nobody lets go of (a spool file, a disk sink, an error) is simply collected: the pool
 * allocates another. Only the exact chunk lent goes back: a stage that passes on a part of one
 * (a slice) makes it ineligible, never recycled while the other part may still be read.
 */

interface Lent {
  readonly pool: ChunkPool
  readonly whole: Buffer
  readonly length: number
  holds: number
}

const lent = new WeakMap<ArrayBufferLike, Lent>()

export class ChunkPool {
  readonly #size: number
  readonly #keep: number
  readonly #free: Buffer[] = []
  /** The pool's buffers out of it: lent, or lost to a consumer that never gives them back. */
  #out = 0
  /** A lost buffer is counted out of `#out` once collected. */
  readonly #lost = new FinalizationRegistry<undefined>(() => this.#out--)

  /** Buffers of `size` bytes; at most `keep` of them wait free between uses. */
  constructor(options: { size: number; keep: number }) {
    this.#size = options.size
    this.#keep = options.keep
  }

  get size(): number {
    return this.#size
  }

  /**
   * A buffer to fill with at most `length` bytes, then `lend` (or `giveBack` unused). While
   * `keep` buffers are out (their consumers do not give them back: a spool file, a disk sink),
   * it is a plain one of `length` bytes, left to the garbage collector.
   */
  take(length = this.#size): Buffer {
    const free = this.#free.pop()
    if (free) return free
    if (this.#out >= this.#keep) return Buffer.allocUnsafe(length)
    const whole = Buffer.allocUnsafeSlow(this.#size)
    this.#out++
    this.#lost.register(whole, undefined, whole)
    pooled.add(whole)
    return whole
  }

  /** Its first `length` bytes as a chunk, with one hold: the consumer's. */
  lend(whole: Buffer, length: number): Buffer {
    if (!pooled.has(whole)) return whole.subarray(0, length)
    lent.set(whole.buffer, { pool: this, whole, length, holds: 1 })
    return whole.subarray(0, length)
  }

  giveBack(whole: Buffer): void {
    lent.delete(whole.buffer)
    if (!pooled.has(whole)) return
    if (this.#free.length < this.#keep) {
      this.#free.push(whole)
      return
    }
    pooled.delete(whole)
    this.#lost.unregister(whole)
    this.#out--
  }
}

/** Buffers that belong to a pool (not a plain one handed out over `keep`). */
const pooled = new WeakSet<Buffer>()

function recordOf(chunk: Uint8Array): Lent | undefined {
  const record = lent.get(chunk.buffer)
  return record && chunk.byteOffset === 0 && chunk.length === record.length ? record : undefined
}

/** One more reader keeps the chunk (it reads it later); it calls `letGoChunk` when done. */
export function holdChunk(chunk: Uint8Array): void {
  const record = recordOf(chunk)
  if (record) record.holds++
}

/** A reader is done with the chunk; the last one gives it back to its pool. */
export function letGoChunk(chunk: Uint8Array): void {
  const record = recordOf(chunk)
  if (record && --record.holds === 0) record.pool.giveBack(record.whole)
}
