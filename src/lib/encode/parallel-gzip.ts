import { createHash } from 'node:crypto'
import { BlockEncodingStream, type BlockEncoder } from './block-encoder.ts'
import { crc32Combine } from './crc32-combine.ts'
import {
  DEFLATE_BLOCK_SIZE,
  DEFLATE_WINDOW,
  deflatePool,
  type DeflatePool,
  type DeflateSlot,
} from './deflate-pool.ts'
import { LIBDEFLATE_WASM_BASE64 } from './libdeflate-wasm.ts'

/**
 * gzip compression spread over every core, as pigz does: the input is cut into fixed blocks,
 * each deflated on its own by libdeflate (WebAssembly, in the deflate workers), primed with the
 * previous 32 KiB as dictionary and ended with a sync flush, so the blocks join into one deflate
 * stream; they are written in order. The output is a single standard gzip member that every
 * client reads (some stop after a first member without an error), and is the same bytes for a
 * given input and level (the digest map relies on that): the blocks do not depend on how the
 * input arrives.
 *
 * Blocks that look incompressible (byte entropy of a sample near 8 bits) are stored, not
 * deflated: on random bytes libdeflate's level 1 ran at 106 MB/s to store them in the end (the
 * same output, to the byte count), level 0 at 4.5 GB/s.
 */

/** Changes with anything that changes the output: the module, the block size, the rules here. */
export function parallelGzipVersion(): string {
  // Hashed once, when first asked: every layer's plan asks, and start-up need not pay for it.
  gzipVersion ??= `pgz2-libdeflate1.14-${createHash('sha256').update(LIBDEFLATE_WASM_BASE64).digest('hex').slice(0, 12)}-b${DEFLATE_BLOCK_SIZE / 1024}k-w${DEFLATE_WINDOW / 1024}k`
  return gzipVersion
}
let gzipVersion: string | undefined

/** A deflate block that is final, fixed-Huffman and empty: ends the stream after sync flushes. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00])
/** magic, deflate, no flags, mtime 0, no extra flags, OS unknown: the same bytes every run. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff])
const SAMPLE_SLICES = 4
const SAMPLE_SLICE_BYTES = 4096
/** Random data measures about 7.99 bits/byte on a 16 KiB sample; code and text 4-6.5. */
const INCOMPRESSIBLE_ENTROPY = 7.9
const STORED = 0

/** The gzip member block by block (see BlockEncoder), its slots in the deflaters' memory. */
export class GzipBlockEncoder implements BlockEncoder<DeflateSlot> {
  readonly #level: number
  readonly #pool: DeflatePool
  /** The end of the previous block: the next one's dictionary. */
  readonly #previousTail = Buffer.allocUnsafe(DEFLATE_WINDOW)
  #previousTailLength = 0
  #crc: Promise<number> = Promise.resolve(0)
  #totalBytes = 0

  constructor(level: number, pool: DeflatePool = deflatePool()) {
    this.#level = level
    this.#pool = pool
  }

  static readonly blockSize = DEFLATE_BLOCK_SIZE
  readonly blockSize = DEFLATE_BLOCK_SIZE

  header(): Buffer {
    return GZIP_HEADER
  }

  acquire(): Promise<DeflateSlot> {
    return this.#pool.acquire()
  }

  release(slot: DeflateSlot): void {
    this.#pool.release(slot)
  }

  /** Deflates the first `length` bytes of the slot's input; the slot is the pool's again. */
  encode(slot: DeflateSlot, length: number): Promise<Buffer[]> {
    const input = slot.input.subarray(0, length)
    const dictionaryLength = this.#previousTailLength
    this.#previousTail.copy(slot.window, DEFLATE_WINDOW - dictionaryLength, 0, dictionaryLength)
    this.#previousTailLength = Math.min(DEFLATE_WINDOW, length)
    input.copy(this.#previousTail, 0, length - this.#previousTailLength)
    this.#totalBytes += length
    const level = looksIncompressible(input) ? STORED : this.#level
    const block = this.#pool.deflate(slot, { length, dictionaryLength, level })
    // Combined in block order whatever order the workers finish in; a failure is the block's
    // to report (the caller awaits it), not an unhandled rejection here.
    const crc = Promise.all([this.#crc, block]).then(([crc, done]) =>
      crc32Combine(crc, done.crc, length),
    )
    crc.catch(() => {})
    this.#crc = crc
    return block.then((done) => [done.deflated])
  }

  async trailer(): Promise<Buffer> {
    const trailer = Buffer.alloc(10)
    FINAL_EMPTY_BLOCK.copy(trailer, 0)
    trailer.writeUInt32LE(await this.#crc, 2)
    trailer.writeUInt32LE(this.#totalBytes % 2 ** 32, 6)
    return trailer
  }
}

/** The block encoder as a Transform, for any stream of bytes. */
export class ParallelGzip extends BlockEncodingStream<DeflateSlot> {
  constructor(options: { level: number }) {
    super(new GzipBlockEncoder(options.level))
  }
}

/** Shannon entropy of a few slices of the block, in bits per byte. */
export function looksIncompressible(block: Buffer): boolean {
  if (block.length < SAMPLE_SLICES * SAMPLE_SLICE_BYTES) return false
  const counts = new Uint32Array(256)
  const step = Math.floor((block.length - SAMPLE_SLICE_BYTES) / (SAMPLE_SLICES - 1))
  for (let slice = 0; slice < SAMPLE_SLICES; slice++) {
    const start = slice * step
    for (let i = start; i < start + SAMPLE_SLICE_BYTES; i++) counts[block[i]!]!++
  }
  const total = SAMPLE_SLICES * SAMPLE_SLICE_BYTES
  let entropy = 0
  for (const count of counts) {
    if (count === 0) continue
    const p = count / total
    entropy -= p * Math.log2(p)
  }
  return entropy > INCOMPRESSIBLE_ENTROPY
}
