import { availableParallelism } from 'node:os'
import { constants, createZstdCompress, zstdCompressSync, type ZstdCompress } from 'node:zlib'
import { ChunkPool } from '../chunk-pool.ts'
import { createLimiter } from '../limit.ts'
import {
  BlockEncodingStream,
  ENCODED_BLOCKS_KEPT,
  SlotPool,
  type BlockEncoder,
  type BlockSlot,
} from './block-encoder.ts'
import { releaseSpentOutput } from './spent-output.ts'

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
          resolve([joinFrame(parts)])
        }
        this.#stream.on('data', collect)
        collect()
      })
    })
  }
}

/** A frame's output at most: ZSTD_COMPRESSBOUND of a block, rounded up. */
const FRAME_BOUND = BLOCK_SIZE + BLOCK_SIZE / 128 + 4096

/** Frames on their way to the upload, in reused buffers. */
const frameOutputs = new ChunkPool({ size: FRAME_BOUND, keep: ENCODED_BLOCKS_KEPT })

/**
 * A frame's parts copied into one buffer of the pool. zlib writes its output into buffers of
 * OUTPUT_CHUNK bytes, a new one once one is full: a part that ends its buffer is that buffer's
 * last, every earlier part of it is copied already, and it is freed at once rather than left for
 * V8 to collect (releaseSpentOutput).
 */
function joinFrame(parts: Buffer[]): Buffer {
  const length = parts.reduce((sum, part) => sum + part.length, 0)
  if (length > FRAME_BOUND) return Buffer.concat(parts, length)
  const whole = frameOutputs.take(length)
  let offset = 0
  for (const part of parts) {
    offset += part.copy(whole, offset)
    releaseSpentOutput(part, OUTPUT_CHUNK)
  }
  return frameOutputs.lend(whole, length)
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

/** Input slots shared by every layer being compressed: one per job and one being filled. */
const zstdSlots = new SlotPool(FRAME_JOBS + 1, BLOCK_SIZE)

/** The frames of one stream block by block (see BlockEncoder); no header, no trailer but for empty input. */
export class ZstdFrameEncoder implements BlockEncoder {
  readonly #level: number
  #frames = 0

  constructor(level: number) {
    this.#level = level
  }

  static readonly blockSize = BLOCK_SIZE
  readonly blockSize = BLOCK_SIZE

  header(): Buffer {
    return Buffer.alloc(0)
  }

  acquire(): Promise<BlockSlot> {
    return zstdSlots.acquire()
  }

  release(slot: BlockSlot): void {
    zstdSlots.release(slot)
  }

  encode(slot: BlockSlot, length: number): Promise<Buffer[]> {
    this.#frames++
    const frame = compressorsFor(this.#level).compress(slot.input.subarray(0, length))
    const release = () => zstdSlots.release(slot)
    frame.then(release, release)
    return frame
  }

  /** Empty input still makes one (empty) frame: decoders refuse a stream of no frame. */
  trailer(): Promise<Buffer> {
    return Promise.resolve(this.#frames > 0 ? Buffer.alloc(0) : zstdCompressSync(Buffer.alloc(0)))
  }
}

/** The frame encoder as a Transform, for any stream of bytes. */
export class ParallelZstd extends BlockEncodingStream<BlockSlot> {
  constructor(options: { level: number }) {
    super(new ZstdFrameEncoder(options.level))
  }
}
