/**
 * The load generator's defaults and choices, apart from the generator itself: the CLI's flag
 * table reads them without loading the bench library (histograms and all), which the CLI loads
 * only when bench runs, so that push and pull start as lean as before.
 */

export const BENCH_DEFAULTS = {
  vus: 10,
  durationMs: 60_000,
  rampUpMs: 0,
  repoPrefix: 'bench/',
  layers: 3,
  layerSize: 10 * 1024 * 1024,
  images: 4,
  upload: 'patch',
  chunkSize: 0,
  gracefulStopMs: 10_000,
  retries: 0,
} as const

export type CompareTool = 'skopeo' | 'docker'
export const COMPARE_TOOLS: readonly CompareTool[] = ['skopeo', 'docker']
