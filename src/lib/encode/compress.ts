import { PassThrough, type Transform } from 'node:stream'
import { createGunzip, createZstdDecompress } from 'node:zlib'
import { PARALLEL_GZIP_VERSION, ParallelGzip } from './parallel-gzip.ts'
import { PARALLEL_ZSTD_VERSION, ParallelZstd } from './parallel-zstd.ts'
import type { Compression } from '../image/model.ts'

/**
 * Levels used when none is given: gzip 1 as crane (BestSpeed) — deflate is the slowest step of
 * a push and level 6 saves a few percent more at three times the CPU; zstd's own default.
 */
export const DEFAULT_LEVELS: Record<Compression, number | undefined> = {
  gzip: 1,
  zstd: 3,
  none: undefined,
}

export const COMPRESSIONS: readonly Compression[] = ['gzip', 'zstd', 'none']

export function levelRange(compression: Compression): [number, number] | undefined {
  if (compression === 'gzip') return [0, 9]
  if (compression === 'zstd') return [1, 19]
  return undefined
}

export function createEncoder(compression: Compression, level?: number): Transform {
  const chosen = level ?? DEFAULT_LEVELS[compression]
  if (compression === 'gzip') return new ParallelGzip({ level: chosen ?? 1 })
  if (compression === 'zstd') return new ParallelZstd({ level: chosen ?? 3 })
  return new PassThrough()
}

/**
 * A decompressor with large output chunks: each chunk costs a callback on the main thread,
 * whatever its size. `highWaterMark` lets a writer run ahead of the decompression.
 */
export function createDecoder(compression: Compression, highWaterMark?: number): Transform {
  const options = { chunkSize: 256 * 1024, ...(highWaterMark ? { highWaterMark } : {}) }
  if (compression === 'gzip') return createGunzip(options)
  if (compression === 'zstd') return createZstdDecompress(options)
  return new PassThrough()
}

/**
 * Names an encoder's exact output: the same layer encoded under the same name gives the same
 * bytes, so a digest learned once (the digest map) holds for every later run.
 */
export function encodingName(compression: Compression, level?: number): string {
  const chosen = level ?? DEFAULT_LEVELS[compression]
  if (compression === 'gzip') return `gzip-${chosen}-${PARALLEL_GZIP_VERSION}`
  if (compression === 'zstd') return `zstd-${chosen}-${PARALLEL_ZSTD_VERSION}`
  return 'none'
}
