import type { Readable } from 'node:stream'
import type { SequentialReader } from './archive/files.ts'

/** Media types, in the registry's own words. */
export const MediaType = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const

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

/** Bytes that can be read again from the start (for verification, retries, resumes). */
export interface BlobContent {
  /** Human-readable place of the bytes, for error messages: "image.tar: blobs/sha256/ab…". */
  readonly origin: string
  readonly size: number
  open(): Promise<Readable>
  /** Sequential reads into the caller's buffers (lets a pipeline reuse its buffers). */
  openReader?(): Promise<SequentialReader>
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

export interface ImageSource {
  /** Human-readable name of the source, for messages ("image.tar"). */
  readonly name: string
  readonly entries: readonly SourceEntry[]
  close(): Promise<void>
}

export const isTarLayerMediaType = (mediaType: string): boolean =>
  /^application\/vnd\.(oci\.image\.layer(\.nondistributable)?\.v1\.tar|docker\.image\.rootfs\.(foreign\.)?diff\.tar)(\+|\.|$)/.test(
    mediaType,
  )

export function compressionOfMediaType(mediaType: string): Compression {
  if (mediaType.endsWith('+gzip') || mediaType.endsWith('.tar.gzip')) return 'gzip'
  if (mediaType.endsWith('+zstd')) return 'zstd'
  return 'none'
}

/** Layer media type for a manifest flavor and compression. */
export function layerMediaType(flavor: ManifestFlavor, compression: Compression): string {
  if (flavor === 'docker') {
    return compression === 'gzip' ? MediaType.dockerLayerGzip : MediaType.dockerLayer
  }
  if (compression === 'gzip') return MediaType.ociLayerGzip
  if (compression === 'zstd') return MediaType.ociLayerZstd
  return MediaType.ociLayer
}
