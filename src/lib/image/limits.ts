/**
 * The most bytes read into memory for each kind of JSON document, whatever its source (a
 * tarball, a layout, a registry): far above real ones, low enough to refuse a hostile file or
 * registry. One value per kind, used everywhere that kind is read.
 */
export const LIMITS = {
  /** An image manifest, an index, a docker save's manifest.json, a layout's index.json. */
  manifestBytes: 4 * 1024 * 1024,
  /** An image config (a long build history makes it large; real ones stay under 1 MiB). */
  configBytes: 32 * 1024 * 1024,
  /** A layout's oci-layout file. */
  layoutFileBytes: 64 * 1024,
  /** Indexes inside indexes. */
  indexDepth: 4,
} as const
