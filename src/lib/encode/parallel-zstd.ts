import { availableParallelism } from 'node:os'
import { Transform, type TransformCallback } from 'node:stream'
import { constants, createZstdCompress, zstdCompressSync, type ZstdCompress } from 'node:zlib'
import { createLimiter } from '../limit.ts'

/**
 * zstd compression spread over the libuv thread pool: the input is cut into fixed blocks, each
 * compressed into an independent zstd frame, and the frames are written in order. A zstd stream
 * is any sequence of frames (RFC 8878, section 3), so every decoder reads the result as one
 * stream, and one big layer uses every core, which a single zstd stream cannot. The output is
 * the same for a given input, level, block size and zstd build (the digest map relies on that).
 */

const BLOCK_SIZE = 1024 * 1024

export const PARALLEL_ZSTD_VERSION = `pzstd1-${BLOCK_SIZE / 1024}k-zstd${process.versions.zstd ?? ''}`

/**
 * zstd's output buffers. A frame of a 1 MiB block is a few hundred KB: bigger buffers would be
 * mostly empty (and still count as memory until collected), smaller ones cost more callbacks.
 */
const OUTPUT_CHUNK = 128 * 1024

/**
 * Frames compressed at once across every stream: one per core and one spare. More would only
 * queue in the libuv pool, where file reads wait behind them and stall every pipeline.
 */
const FRAME_JOBS = availableParallelism() + 1

/**
 * A frame never needs a window beyond its block. zstd's default for level 3 is 2 MiB, and each
 * compressor's memory grows with its window.
 */
const WINDOW_LOG = Math.log2(BLOCK_SIZE)

/**
 * One long-lived zstd stream that compresses one block at a time, each ended as a frame of its
 * own (ZSTD_e_end: the next write starts a new, independent frame with the same parameters). A
 * stream per block would allocate a compressor's few MB per block on whichever pool thread runs
 * it, and the C heap keeps what each thread once held: the process grew by about 30 MB.
 */
class FrameCompressor {
  readonly #stream: ZstdCompress
  #parts: Buffer[] = []
  #failed: Error | undefined

  constructor(level: number) {
    this.#stream = createZstdCompress({
      params: {
        [constants.ZSTD_c_compressionLevel]: level,
        [constants.ZSTD_c_windowLog]: WINDOW_LOG,
      },
      chunkSize: OUTPUT_CHUNK,
    })
    this.#stream.on('data', (part: Buffer) => this.#parts.push(part))
    this.#stream.on('error', (error: Error) => (this.#failed = error))
  }

  get usable(): boolean {
    return this.#failed === undefined
  }

  compress(block: Buffer): Promise<Buffer[]> {
    return new Promise<Buffer[]>((resolve, reject) => {
      const failed = (error: Error) => reject(error)
      this.#stream.once('error', failed)
      this.#stream.write(block)
      this.#stream.flush(constants.ZSTD_e_end, () => {
        this.#stream.off('error', failed)
        if (this.#failed) return reject(this.#failed)
        // Everything of this frame is pushed before the callback; what the stream still
        // buffers is emitted before any byte of the next frame, which starts after this.
        const collect = () => {
          if (this.#stream.readableLength > 0) return
          this.#stream.off('data', collect)
          const parts = this.#parts
          this.#parts = []
          resolve(parts)
        }
        this.#stream.on('data', collect)
        collect()
      })
    })
  }
}

/** The compressors of one level, shared by every stream: at most FRAME_JOBS at work. */
class CompressorPool {
  readonly #free: FrameCompressor[] = []
  readonly #slot = createLimiter(FRAME_JOBS)
  readonly #level: number

  constructor(level: number) {
    this.#level = level
  }

  compress(block: Buffer): Promise<Buffer[]> {
    return this.#slot(async () => {
      const compressor = this.#free.pop() ?? new FrameCompressor(this.#level)
      try {
        return await compressor.compress(block)
      } finally {
        if (compressor.usable) this.#free.push(compressor)
      }
    })
  }
}

const compressorsByLevel = new Map<number, CompressorPool>()

function compressorsFor(level: number): CompressorPool {
  let pool = compressorsByLevel.get(level)
  if (!pool) {
    pool = new CompressorPool(level)
    compressorsByLevel.set(level, pool)
  }
  return pool
}

/**
 * Input blocks shared by every layer being compressed and reused: memory stays the same
 * whatever the number of layers in flight, and no block is allocated per read. One block per
 * job and one being filled.
 */
class BlockPool {
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

export const zstdInputBlocks = new BlockPool(FRAME_JOBS + 1, BLOCK_SIZE)

/**
 * The frames of one stream, block by block in order: `encode()` for each full block (the last
 * may be short), then `trailer()`. The block must stay untouched until the returned promise
 * settles.
 */
export class ZstdFrameEncoder {
  readonly #level: number
  #frames = 0

  constructor(level: number) {
    this.#level = level
  }

  static readonly blockSize = BLOCK_SIZE

  encode(block: Buffer): Promise<Buffer[]> {
    this.#frames++
    return compressorsFor(this.#level).compress(block)
  }

  /** Empty input still makes one (empty) frame: decoders refuse a stream of no frame. */
  trailer(): Buffer {
    return this.#frames > 0 ? Buffer.alloc(0) : zstdCompressSync(Buffer.alloc(0))
  }
}

export interface ParallelZstdOptions {
  level: number
  /** Frames of this stream in flight (bounds its memory); default 3. */
  parallel?: number
}

/**
 * The frame encoder as a Transform, for any stream of bytes: input is copied into pooled
 * blocks (one copy, no allocation per chunk), output is written in input order.
 */
export class ParallelZstd extends Transform {
  readonly #encoder: ZstdFrameEncoder
  readonly #parallel: number
  readonly #inFlight: Promise<Buffer[]>[] = []
  #block: Buffer | undefined
  #filled = 0

  constructor(options: ParallelZstdOptions) {
    super({ highWaterMark: BLOCK_SIZE })
    this.#encoder = new ZstdFrameEncoder(options.level)
    this.#parallel = options.parallel ?? 3
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#take(chunk).then(() => done(), done)
  }

  override _flush(done: TransformCallback): void {
    const finish = async () => {
      if (this.#block && this.#filled > 0) this.#submit()
      else if (this.#block) zstdInputBlocks.release(this.#block)
      this.#block = undefined
      while (this.#inFlight.length > 0) this.#emit(await this.#inFlight.shift()!)
      this.push(this.#encoder.trailer())
    }
    finish().then(() => done(), done)
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Blocks go back to the pool once their jobs settle, whatever happens to the stream.
    const block = this.#block
    this.#block = undefined
    if (block) zstdInputBlocks.release(block)
    callback(error)
  }

  async #take(chunk: Buffer): Promise<void> {
    let offset = 0
    while (offset < chunk.length) {
      if (!this.#block) {
        const block = await zstdInputBlocks.acquire()
        if (this.destroyed) {
          zstdInputBlocks.release(block)
          return
        }
        this.#block = block
      }
      const copied = chunk.copy(this.#block, this.#filled, offset)
      offset += copied
      this.#filled += copied
      if (this.#filled === BLOCK_SIZE) {
        this.#submit()
        // Bounded work in flight: wait for the oldest frame before taking more input.
        if (this.#inFlight.length >= this.#parallel) this.#emit(await this.#inFlight.shift()!)
      }
    }
  }

  #submit(): void {
    const block = this.#block!
    const frame = this.#encoder.encode(block.subarray(0, this.#filled))
    const release = () => zstdInputBlocks.release(block)
    frame.then(release, release)
    this.#inFlight.push(frame)
    this.#block = undefined
    this.#filled = 0
  }

  #emit(parts: Buffer[]): void {
    for (const part of parts) this.push(part)
  }
}
