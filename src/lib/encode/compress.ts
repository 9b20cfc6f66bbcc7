import { PassThrough, type Transform } from 'node:stream'
import { createGunzip, createZstdDecompress } from 'node:zlib'
import { ParallelGzip, parallelGzipVersion } from './parallel-gzip.ts'
import { PARALLEL_ZSTD_VERSION, ParallelZstd } from './parallel-zstd.ts'
import type { Compression } from '../image/model.ts'
import { releaseSpentOutput } from './spent-output.ts'
import { DEFAULT_LEVELS } from './levels.ts'

export function createEncoder(compression: Compression, level?: number): Transform {
  const chosen = level ?? DEFAULT_LEVELS[compression]
  if (compression === 'gzip') return new ParallelGzip({ level: chosen ?? 1 })
  if (compression === 'zstd') return new ParallelZstd({ level: chosen ?? 3 })
  return new PassThrough()
}

/** The decoders' output buffers: each chunk costs a callback on the main thread, whatever its size. */
const DECODED_CHUNK = 256 * 1024

/**
 * A decompressor with large output chunks. `highWaterMark` lets a writer run ahead of the
 * decompression.
 */
export function createDecoder(compression: Compression, highWaterMark?: number): Transform {
  const options = { chunkSize: DECODED_CHUNK, ...(highWaterMark ? { highWaterMark } : {}) }
  if (compression === 'gzip') return createGunzip(options)
  if (compression === 'zstd') return createZstdDecompress(options)
  return new PassThrough()
}

/**
 * Frees the memory of a decoder's output chunk that its reader is done with (hashed, copied), at
 * once instead of at V8's next collection: V8 lets about 64 MB of dead Buffers pile up before
 * it collects them, and a diff_id check decodes several times the bytes it reads. A decoder
 * fills one buffer of DECODED_CHUNK bytes at a time and allocates the next once it is full, so
 * the chunk that ends its buffer is the last use of that buffer: that one is released (detached
 * by a zero-length transfer), its earlier chunks must be done with already. Only for a reader
 * that keeps no chunk (and no view of one) once it has returned.
 */
export function releaseDecodedChunk(chunk: Buffer): void {
  releaseSpentOutput(chunk, DECODED_CHUNK)
}

/**
 * Names an encoder's exact output: the same layer encoded under the same name gives the same
 * bytes, so a digest learned once (the digest map) holds for every later run.
 */
export function encodingName(compression: Compression, level?: number): string {
  const chosen = level ?? DEFAULT_LEVELS[compression]
  if (compression === 'gzip') return `gzip-${chosen}-${parallelGzipVersion()}`
  if (compression === 'zstd') return `zstd-${chosen}-${PARALLEL_ZSTD_VERSION}`
  return 'none'
}
