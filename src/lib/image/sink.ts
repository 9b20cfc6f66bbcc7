import type { Readable } from 'node:stream'
import { TarPushError } from '../errors.ts'
import type { Compression, Platform, RawJson } from './model.ts'

/** A blob whose digest and size are known before its bytes are sent. */
export interface BlobToPut {
  readonly digest: string
  readonly size: number
  readonly mediaType: string
  /**
   * Opens the bytes afresh (a retry opens them again). The engine's verifier sits in the
   * stream: it fails instead of ending when the bytes do not match, and a sink must then not
   * keep them.
   */
  open(): Promise<Readable>
}

/** A blob whose digest is known only once all of it has been read (compressed on the fly). */
export interface StreamedBlob {
  readonly mediaType: string
  open(): Promise<Readable>
  /** Valid once the stream has ended. */
  digestAfterBody(): string
}

/** Where a manifest goes: a member of an index (by digest only), or the image under its tags. */
export interface ManifestTarget {
  /** Tags (or names) it is published under; none for an index's member. */
  readonly tags: readonly string[]
  /** For a member of an index, its platform. */
  readonly platform?: Platform | undefined
}

/**
 * Where images are written: a registry repository (registry/sink.ts), a docker-loadable tar,
 * an OCI layout or a rootfs (write/). The engine puts every blob an image needs, then its
 * manifests (members before their index), then calls exactly one of `commit` or `abort`.
 * Nothing a sink writes is visible under its final name before `commit` (a registry makes a
 * manifest visible at its PUT, so its sink puts tags last, after every blob and member).
 */
export interface ImageSink {
  /** Human-readable name, for messages ("ghcr.io/org/app", "out.tar"). */
  readonly name: string
  /**
   * Registry and repository for the cache of which repositories hold which blobs (mounts,
   * digest map); undefined for sinks on disk.
   */
  readonly place?: { readonly registry: string; readonly repository: string } | undefined
  /** Whether the sink holds the blob (with this size) already. */
  hasBlob(digest: string, size: number): Promise<boolean>
  /** Links a blob from another repository of the same registry; false when it could not. */
  mountBlob?(digest: string, fromRepository: string): Promise<boolean>
  putBlob(blob: BlobToPut): Promise<void>
  /**
   * Whether `putStreamedBlob` may be used now. False makes the engine compress to a spool file
   * first, so that the digest and length are known before the body (registries that need a
   * Content-Length, chunked uploads).
   */
  readonly takesStreamedBlobs: boolean
  /** Throws `StreamRefused` when the sink turns out not to take it: the engine spools then. */
  putStreamedBlob?(blob: StreamedBlob): Promise<void>
  /**
   * Whether a Docker manifest whose layers have these compressions may be written; when not,
   * the engine writes the image as OCI. Absent: whenever Docker has a layer type for them.
   */
  acceptsDockerLayers?(compressions: readonly Compression[]): boolean
  putManifest(manifest: RawJson, target: ManifestTarget): Promise<void>
  /** Makes what was written visible under its final name. */
  commit(): Promise<void>
  /** Removes all the sink wrote; what was at the output before is left as it was. */
  abort(): Promise<void>
}

/**
 * A sink refused a streamed body for its form, not its bytes (a registry that needs its length
 * first, or a body too large): the engine compresses to a spool file and puts it with its digest.
 */
export class StreamRefused extends TarPushError {}
