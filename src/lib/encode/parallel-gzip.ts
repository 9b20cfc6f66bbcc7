import { Transform, type TransformCallback } from 'node:stream'
import { availableParallelism } from 'node:os'
import { constants, crc32, createDeflateRaw } from 'node:zlib'
import { createLimiter } from '../limit.ts'
import { keepBufferMemory } from '../memory.ts'

/**
 * gzip compression spread over the libuv thread pool, as pigz does: the input is cut into
 * fixed blocks, each deflated on its own (primed with the previous 32 KiB as dictionary and
 * ended with a sync flush, so the blocks join into one deflate stream), and written in order.
 * One big layer so uses every core, which a single zlib stream cannot. The output is a single
 * standard gzip member that every client reads, and is deterministic for a given input, level
 * and zlib build (the digest map relies on that).
 *
 * Blocks that look incompressible (byte entropy of a sample near 8 bits) are stored, not
 * deflated: deflating random or already-compressed data costs the most time and saves nothing.
 */

export const PARALLEL_GZIP_VERSION = `pgz1-zlib${process.versions.zlib}`

const BLOCK_SIZE = 1024 * 1024
const WINDOW = 32 * 1024
/**
 * zlib's output buffers. Each is a round trip to the main thread and a socket write: 64 KiB
 * measured 10% slower than this (more system time), 16 KiB (zlib's default) far slower.
 */
const OUTPUT_CHUNK = 256 * 1024
/** A deflate block that is final, fixed-Huffman and empty: ends the stream after sync flushes. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00])
/** magic, deflate, no flags, mtime 0, no extra flags, OS unknown: the same bytes every run. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff])
const SAMPLE_SLICES = 4
const SAMPLE_SLICE_BYTES = 4096
/** Random data measures about 7.99 bits/byte on a 16 KiB sample; code and text 4-6.5. */
const INCOMPRESSIBLE_ENTROPY = 7.9

/**
 * Deflate jobs running at once across every stream: one per core and one spare. More would
 * only queue in the libuv pool, where file reads wait behind them and stall every pipeline.
 */
const DEFLATE_JOBS = availableParallelism() + 1
const deflateSlot = createLimiter(DEFLATE_JOBS)

/**
 * The gzip member, block by block: `header()`, then `encode()` for each full block in order
 * (the last may be short), then `trailer()`. `encode` takes what it needs from the block at
 * once (CRC, dictionary tail, or a copy for stored blocks) except for the deflate job itself:
 * the block must stay untouched until the returned promise settles, and is free after.
 */
export class GzipBlockEncoder {
  readonly #level: number
  #previousTail: Buffer | undefined
  #crc = 0
  #totalBytes = 0

  constructor(level: number) {
    this.#level = level
  }

  static readonly blockSize = BLOCK_SIZE

  header(): Buffer {
    return GZIP_HEADER
  }

  encode(block: Buffer): Promise<Buffer[]> {
    this.#crc = crc32(block, this.#crc)
    this.#totalBytes += block.length
    const dictionary = this.#previousTail
    this.#previousTail = Buffer.from(block.subarray(Math.max(0, block.length - WINDOW)))
    if (looksIncompressible(block)) {
      return Promise.resolve(storedBlocks(block))
    }
    return deflateSlot(() => deflateBlock(block, this.#level, dictionary))
  }

  trailer(): Buffer {
    const trailer = Buffer.alloc(10)
    FINAL_EMPTY_BLOCK.copy(trailer, 0)
    trailer.writeUInt32LE(this.#crc >>> 0, 2)
    trailer.writeUInt32LE(this.#totalBytes % 2 ** 32, 6)
    return trailer
  }
}

/**
 * The input blocks of every layer being compressed, shared: memory stays the same whatever the
 * number of layers in flight, and blocks are allocated once instead of per read. Enough to keep
 * every deflate job busy while the next blocks are read and hashed.
 */
export class BlockPool {
  readonly #free: Buffer[] = []
  readonly #waiting: ((block: Buffer) => void)[] = []
  readonly #capacity: number
  readonly #blockSize: number
  #created = 0

  constructor(capacity: number, blockSize: number) {
    this.#capacity = capacity
    this.#blockSize = blockSize
  }

  acquire(): Promise<Buffer> {
    const free = this.#free.pop()
    if (free) return Promise.resolve(free)
    if (this.#created < this.#capacity) {
      this.#created++
      keepBufferMemory(this.#blockSize)
      return Promise.resolve(Buffer.allocUnsafe(this.#blockSize))
    }
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  release(block: Buffer): void {
    const next = this.#waiting.shift()
    if (next) next(block)
    else this.#free.push(block)
  }
}

/** One block per deflate job and one being read: more measured slower and bigger, not faster. */
export const inputBlocks = new BlockPool(DEFLATE_JOBS + 1, BLOCK_SIZE)

export interface ParallelGzipOptions {
  level: number
  /** Blocks of this stream in flight (bounds its memory); default 3. */
  parallel?: number
}

/** The block encoder as a Transform, for any stream of bytes. */
export class ParallelGzip extends Transform {
  readonly #encoder: GzipBlockEncoder
  readonly #parallel: number
  #buffered: Buffer[] = []
  #bufferedBytes = 0
  readonly #inFlight: Promise<Buffer[]>[] = []

  constructor(options: ParallelGzipOptions) {
    super({ highWaterMark: BLOCK_SIZE })
    this.#encoder = new GzipBlockEncoder(options.level)
    this.#parallel = options.parallel ?? 3
    this.push(this.#encoder.header())
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#buffered.push(chunk)
    this.#bufferedBytes += chunk.length
    this.#drainFullBlocks().then(() => done(), done)
  }

  override _flush(done: TransformCallback): void {
    const finish = async () => {
      if (this.#bufferedBytes > 0) this.#submit(Buffer.concat(this.#buffered, this.#bufferedBytes))
      this.#buffered = []
      this.#bufferedBytes = 0
      while (this.#inFlight.length > 0) this.#emit(await this.#inFlight.shift()!)
      this.push(this.#encoder.trailer())
    }
    finish().then(() => done(), done)
  }

  async #drainFullBlocks(): Promise<void> {
    while (this.#bufferedBytes >= BLOCK_SIZE) {
      const all =
        this.#buffered.length === 1
          ? this.#buffered[0]!
          : Buffer.concat(this.#buffered, this.#bufferedBytes)
      this.#submit(all.subarray(0, BLOCK_SIZE))
      const rest = all.subarray(BLOCK_SIZE)
      this.#buffered = rest.length > 0 ? [rest] : []
      this.#bufferedBytes = rest.length
      // Bounded work in flight: wait for the oldest block before taking more input.
      if (this.#inFlight.length >= this.#parallel) this.#emit(await this.#inFlight.shift()!)
    }
  }

  #submit(block: Buffer): void {
    this.#inFlight.push(this.#encoder.encode(block))
  }

  #emit(parts: Buffer[]): void {
    for (const part of parts) this.push(part)
  }
}

/** One block deflated on its own, its output in OUTPUT_CHUNK-sized Buffers. */
function deflateBlock(
  block: Buffer,
  level: number,
  dictionary: Buffer | undefined,
): Promise<Buffer[]> {
  return new Promise<Buffer[]>((resolve, reject) => {
    const parts: Buffer[] = []
    createDeflateRaw({
      level,
      chunkSize: OUTPUT_CHUNK,
      finishFlush: constants.Z_SYNC_FLUSH,
      ...(dictionary ? { dictionary } : {}),
    })
      .on('data', (part: Buffer) => parts.push(part))
      .on('error', reject)
      .on('end', () => resolve(parts))
      .end(block)
  })
}

const MAX_STORED = 65535

/**
 * Deflate stored blocks, each written with its header into a Buffer of its own (no zlib): after
 * a sync flush the stream is byte-aligned, so each block is 0x00, LEN, ~LEN, then the bytes.
 * Copying costs little next to hashing, and frees the input block at once.
 */
export function storedBlocks(block: Buffer): Buffer[] {
  const parts: Buffer[] = []
  for (let offset = 0; offset < block.length; offset += MAX_STORED) {
    const length = Math.min(MAX_STORED, block.length - offset)
    const part = Buffer.allocUnsafe(5 + length)
    part[0] = 0x00
    part.writeUInt16LE(length, 1)
    part.writeUInt16LE(~length & 0xffff, 3)
    block.copy(part, 5, offset, offset + length)
    parts.push(part)
  }
  return parts
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
