import type { Readable } from 'node:stream'

export type Compression = 'gzip' | 'zstd' | 'none'
export type ManifestFlavor = 'docker' | 'oci'

export interface Platform {
  os: string
  architecture: string
  variant?: string
  'os.version'?: string
  'os.features'?: string[]
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
  platform?: Platform
  urls?: string[]
  artifactType?: string
}

/** Where a blob's bytes lie in a file on this machine. */
export interface FileRange {
  readonly path: string
  readonly start: number
  readonly size: number
}

/** Reads a byte range of a file in order, into the caller's buffers. */
export interface SequentialReader {
  /** Fills `into` completely, or with what is left; 0 at the end. */
  read(into: Buffer): Promise<number>
  close(): Promise<void>
}

/**
 * Bytes that can be read again from the start (for verification, retries, resumes). A source
 * does not verify them: the engine does, whatever the source (engine/verify.ts).
 */
export interface BlobContent {
  /** Human-readable place of the bytes, for error messages: "image.tar: blobs/sha256/ab…". */
  readonly origin: string
  readonly size: number
  /**
   * Reading the bytes costs a transfer (a registry): they are not fetched only to be checked
   * when the sink holds the blob already. Bytes on this machine (a tarball, a layout) are
   * hashed even then.
   */
  readonly remote?: boolean
  open(): Promise<Readable>
  /** Sequential reads into the caller's buffers (lets a pipeline reuse its buffers). */
  openReader?(): Promise<SequentialReader>
  /** The file range `openReader` reads: lets another thread read the bytes itself. */
  fileRange?(): FileRange
}

/** A layer as its source stores it. */
export interface Layer {
  /** sha256 of the uncompressed tar, from the config's rootfs.diff_ids. */
  readonly diffId: string
  /** How the stored bytes are compressed (sniffed or from the media type). */
  readonly compression: Compression
  /** Digest of the stored bytes, when the source names it (OCI blobs); verified when read. */
  readonly storedDigest: string | undefined
  /** Media type as stored, for OCI sources; undefined for docker archives. */
  readonly mediaType: string | undefined
  /** Layers that are not tar archives (attestations, artifacts) are copied as opaque blobs. */
  readonly isTar: boolean
  readonly annotations?: Record<string, string>
  readonly content: BlobContent
}

export interface RawJson {
  readonly bytes: Buffer
  readonly digest: string
  readonly mediaType: string
}

/** One image: a config, its layers, and the manifest bytes as the source had them (if any). */
export interface Image {
  readonly kind: 'image'
  readonly flavor: ManifestFlavor
  readonly config: RawJson
  readonly diffIds: readonly string[]
  readonly layers: readonly Layer[]
  /** The manifest bytes the source holds (OCI); pushed unchanged when no layer is re-encoded. */
  readonly manifest: RawJson | undefined
  readonly platform: Platform | undefined
}

/** An index (multi-platform image) as its source holds it; pushed with its bytes unchanged. */
export interface ImageIndex {
  readonly kind: 'index'
  readonly manifest: RawJson
  /** Children that the source holds, in index order; descriptors of absent ones are kept as is. */
  readonly children: readonly Image[]
}

/**
 * Single-platform images from several tarballs, pushed together under one index that the push
 * writes (an OCI index, or a Docker manifest list when every member is a Docker manifest).
 */
export interface PlatformSet {
  readonly kind: 'platforms'
  /** One image per platform, in the order given. */
  readonly children: readonly Image[]
}

export type Artifact = Image | ImageIndex | PlatformSet

/** What a source offers to copy: an artifact and the names it carries (RepoTags, ref names). */
export interface SourceEntry {
  readonly refs: readonly string[]
  readonly artifact: Artifact
}
