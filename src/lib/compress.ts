import { PassThrough, type Transform } from 'node:stream'
import {
  constants,
  createGunzip,
  createGzip,
  createZstdCompress,
  createZstdDecompress,
} from 'node:zlib'
import type { Compression } from './model.ts'

/** Levels used when none is given: docker's gzip default, zstd's own default. */
export const DEFAULT_LEVELS: Record<Compression, number | undefined> = {
  gzip: 6,
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
  if (compression === 'gzip') return createGzip({ level: chosen, chunkSize: 256 * 1024 })
  if (compression === 'zstd') {
    return createZstdCompress({
      params: { [constants.ZSTD_c_compressionLevel]: chosen ?? 3 },
      chunkSize: 256 * 1024,
    })
  }
  return new PassThrough()
}

export function createDecoder(compression: Compression): Transform {
  if (compression === 'gzip') return createGunzip({ chunkSize: 256 * 1024 })
  if (compression === 'zstd') return createZstdDecompress({ chunkSize: 256 * 1024 })
  return new PassThrough()
}
