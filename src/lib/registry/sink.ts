import type { Compression, RawJson } from '../image/model.ts'
import type { BlobToPut, ImageSink, ManifestTarget, StreamedBlob } from '../image/sink.ts'
import { FALLBACK_CHUNK_SIZE, dockerFlavorAllowed } from './quirks.ts'
import { BodyRefused, type RepositoryClient } from './repository.ts'

/**
 * A registry repository as a sink: HEAD, cross-repository mount, the upload strategy and its
 * fallbacks (monolithic PUT, streamed PATCH, chunks with resume: repository.ts), the manifest
 * PUTs and the tags. The engine puts tags last, after every blob and member is in place, so a
 * tag never names an incomplete image; there is nothing to commit after that, and nothing a
 * registry lets a client take back (an uploaded blob without a manifest is garbage-collected).
 */
export class RegistrySink implements ImageSink {
  readonly #repository: RepositoryClient

  constructor(repository: RepositoryClient) {
    this.#repository = repository
  }

  get name(): string {
    return this.#repository.path
  }

  get place(): { registry: string; repository: string } {
    return { registry: this.#repository.client.registry, repository: this.#repository.path }
  }

  hasBlob(digest: string): Promise<boolean> {
    return this.#repository.hasBlob(digest)
  }

  mountBlob(digest: string, fromRepository: string): Promise<boolean> {
    return this.#repository.mountBlob(digest, fromRepository)
  }

  putBlob(blob: BlobToPut): Promise<void> {
    return this.#repository.uploadBlob(blob)
  }

  /**
   * A streamed body has no length: registries that need one (quirks) and chunked uploads (each
   * chunk declares its range) take compressed layers from a spool file instead.
   */
  get takesStreamedBlobs(): boolean {
    return this.#repository.chunkSize === 0 && !this.#repository.quirks.contentLengthRequired
  }

  async putStreamedBlob(blob: StreamedBlob): Promise<void> {
    try {
      await this.#repository.uploadStreamed(blob.open, blob.digestAfterBody)
    } catch (error) {
      // Too large for one body: the spooled retry (and what follows) goes in chunks.
      if (error instanceof BodyRefused && error.reason === 'too-large')
        this.#repository.chunkSize ||= FALLBACK_CHUNK_SIZE
      throw error
    }
  }

  acceptsDockerLayers(compressions: readonly Compression[]): boolean {
    return dockerFlavorAllowed(this.#repository.quirks, compressions)
  }

  async putManifest(manifest: RawJson, target: ManifestTarget): Promise<void> {
    if (target.tags.length === 0) {
      await this.#repository.putManifest(manifest.digest, manifest)
      return
    }
    for (const tag of target.tags) await this.#repository.putManifest(tag, manifest)
  }

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}
