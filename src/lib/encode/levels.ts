import type { Compression } from '../image/model.ts'

// Apart from the encoders, so that checking a flag or an input does not load them.

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
