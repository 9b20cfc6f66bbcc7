import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { DigestingStream, hexOf, sha256 } from './digest.ts'
import { encodeLayerToFile, openStoredLayer } from './layer-streams.ts'
import { allOrFirstError, createLimiter } from './limit.ts'
import type { Logger } from './log.ts'
import {
  MediaType,
  layerMediaType,
  type Artifact,
  type Compression,
  type Descriptor,
  type Image,
  type ImageIndex,
  type Layer,
  type ManifestFlavor,
  type Platform,
  type RawJson,
} from './model.ts'
import type { BlobUpload, RepositoryClient } from './registry/repository.ts'
import { pipeline } from 'node:stream/promises'
import { Readable, Writable } from 'node:stream'

export type BlobStatus = 'uploaded' | 'skipped'

export interface BlobReport {
  digest: string
  size: number
  mediaType: string
  status: BlobStatus
  diffId?: string
}

export interface ImageReport {
  digest: string
  mediaType: string
  size: number
  platform?: Platform
  config: { digest: string; size: number }
  layers: BlobReport[]
}

export interface ArtifactReport {
  digest: string
  mediaType: string
  size: number
  tags: string[]
  /** The image itself, or the members of an index. */
  images: ImageReport[]
  bytesUploaded: number
}

export interface CopyOptions {
  repository: RepositoryClient
  /** Encoding of layers the source stores uncompressed. */
  compression: Compression
  level?: number | undefined
  /** Layers worked on at once (read, compress, upload). */
  concurrency?: number
  /** Where freshly compressed layers wait for their upload. */
  spoolDir: string
  logger: Logger
}

interface PreparedBlob {
  digest: string
  size: number
  open: BlobUpload['open']
}

/**
 * The copy engine, for one target repository: plans each layer's blob, HEADs it, uploads what
 * is missing in parallel, then PUTs the manifest (and index) under the tags — only after every
 * blob it references is present and verified. A blob needed twice is handled once.
 */
export class CopySession {
  readonly #options: CopyOptions
  readonly #limit: <T>(task: () => Promise<T>) => Promise<T>
  readonly #blobs = new Map<string, Promise<BlobStatus>>()
  #spoolCounter = 0
  bytesUploaded = 0

  constructor(options: CopyOptions) {
    this.#options = options
    this.#limit = createLimiter(options.concurrency ?? 4)
  }

  async copy(artifact: Artifact, tags: readonly string[]): Promise<ArtifactReport> {
    const before = this.bytesUploaded
    const { manifest, images } =
      artifact.kind === 'image'
        ? await this.#copyImageOnly(artifact)
        : await this.#copyIndex(artifact)
    for (const tag of tags) {
      await this.#options.repository.putManifest(tag, manifest)
      this.#options.logger.info(
        `tagged ${this.#options.repository.path}:${tag} → ${manifest.digest}`,
      )
    }
    return {
      digest: manifest.digest,
      mediaType: manifest.mediaType,
      size: manifest.bytes.length,
      tags: [...tags],
      images,
      bytesUploaded: this.bytesUploaded - before,
    }
  }

  async #copyImageOnly(image: Image): Promise<{ manifest: RawJson; images: ImageReport[] }> {
    const { manifest, report } = await this.#copyImageBlobs(image)
    return { manifest, images: [report] }
  }

  async #copyIndex(index: ImageIndex): Promise<{ manifest: RawJson; images: ImageReport[] }> {
    const replaced = new Map<string, RawJson>()
    const images: ImageReport[] = []
    for (const child of index.children) {
      const { manifest, report } = await this.#copyImageBlobs(child)
      await this.#options.repository.putManifest(manifest.digest, manifest)
      if (child.manifest && child.manifest.digest !== manifest.digest)
        replaced.set(child.manifest.digest, manifest)
      images.push(report)
    }
    return {
      manifest: replaced.size === 0 ? index.manifest : rewriteIndex(index.manifest, replaced),
      images,
    }
  }

  async #copyImageBlobs(image: Image): Promise<{ manifest: RawJson; report: ImageReport }> {
    const { compression, level } = this.#options
    const flavor: ManifestFlavor =
      image.flavor === 'docker' &&
      image.layers.some((layer) => finalCompression(layer, compression) === 'zstd')
        ? 'oci'
        : image.flavor
    const layerReports = await allOrFirstError(
      image.layers.map((layer) =>
        this.#limit(async () => {
          const encode = layer.isTar && layer.compression === 'none' && compression !== 'none'
          const blob = encode
            ? await this.#encode(layer, compression, level)
            : await this.#stored(layer)
          const mediaType =
            !encode && layer.mediaType !== undefined
              ? layer.mediaType
              : layerMediaType(flavor, finalCompression(layer, compression))
          const status = await this.#ensureBlob(blob, `layer ${layer.content.origin}`)
          const report: BlobReport = { digest: blob.digest, size: blob.size, mediaType, status }
          if (layer.isTar) report.diffId = layer.diffId
          return report
        }),
      ),
    )
    const config = image.config
    await this.#ensureBlob(
      {
        digest: config.digest,
        size: config.bytes.length,
        open: async () => Readable.from([config.bytes]),
      },
      `config ${config.digest}`,
    )
    const unchanged =
      image.manifest !== undefined &&
      flavor === image.flavor &&
      image.layers.every(
        (layer, i) =>
          layer.storedDigest === layerReports[i]!.digest &&
          layer.mediaType === layerReports[i]!.mediaType,
      )
    const manifest = unchanged ? image.manifest! : buildManifest(image, flavor, layerReports)
    const report: ImageReport = {
      digest: manifest.digest,
      mediaType: manifest.mediaType,
      size: manifest.bytes.length,
      config: { digest: config.digest, size: config.bytes.length },
      layers: layerReports,
      ...(image.platform ? { platform: image.platform } : {}),
    }
    return { manifest, report }
  }

  /** A stored blob goes up as it is; its digest is the source's, or learned by one read. */
  async #stored(layer: Layer): Promise<PreparedBlob> {
    const digest = layer.storedDigest ?? (await hashContent(layer))
    return { digest, size: layer.content.size, open: () => openStoredLayer(layer, digest) }
  }

  async #encode(
    layer: Layer,
    compression: Compression,
    level: number | undefined,
  ): Promise<PreparedBlob> {
    const path = join(
      this.#options.spoolDir,
      `${this.#spoolCounter++}-${hexOf(layer.diffId).slice(0, 16)}.${compression}`,
    )
    const started = Date.now()
    const encoded = await encodeLayerToFile({ layer, compression, level, path })
    this.#options.logger.debug(
      `compressed ${layer.content.origin} (${formatBytes(layer.content.size)} → ${formatBytes(encoded.size)}) in ${seconds(started)} s`,
    )
    return { ...encoded, open: async () => createReadStream(path, { highWaterMark: 1024 * 1024 }) }
  }

  /** HEADs a blob and uploads it when missing; concurrent requests for one digest share the work. */
  #ensureBlob(blob: PreparedBlob, label: string): Promise<BlobStatus> {
    let pending = this.#blobs.get(blob.digest)
    if (!pending) {
      pending = this.#transfer(blob, label)
      this.#blobs.set(blob.digest, pending)
    }
    return pending
  }

  async #transfer(blob: PreparedBlob, label: string): Promise<BlobStatus> {
    const { repository, logger } = this.#options
    if (await repository.hasBlob(blob.digest)) {
      logger.info(
        `${shortDigest(blob.digest)} ${formatBytes(blob.size).padStart(10)}  skipped (already in ${repository.path})`,
      )
      return 'skipped'
    }
    const started = Date.now()
    await repository.uploadBlob(blob)
    this.bytesUploaded += blob.size
    const elapsed = (Date.now() - started) / 1000
    const rate = elapsed > 0 ? `${formatBytes(blob.size / elapsed)}/s` : 'instant'
    logger.info(
      `${shortDigest(blob.digest)} ${formatBytes(blob.size).padStart(10)}  uploaded in ${elapsed.toFixed(2)} s (${rate})`,
    )
    logger.debug(`uploaded ${label}`)
    return 'uploaded'
  }
}

function finalCompression(layer: Layer, target: Compression): Compression {
  return layer.isTar && layer.compression === 'none' ? target : layer.compression
}

async function hashContent(layer: Layer): Promise<string> {
  const digesting = new DigestingStream()
  await pipeline(
    await layer.content.open(),
    digesting,
    new Writable({ write: (_chunk, _encoding, done) => done() }),
  )
  return digesting.digest
}

function buildManifest(image: Image, flavor: ManifestFlavor, layers: BlobReport[]): RawJson {
  const descriptors: Descriptor[] = layers.map((layer, i) => {
    const annotations = image.layers[i]!.annotations
    return {
      mediaType: layer.mediaType,
      digest: layer.digest,
      size: layer.size,
      ...(annotations ? { annotations } : {}),
    }
  })
  let document: Record<string, unknown>
  if (image.manifest && flavor === image.flavor) {
    // Keep everything else the source manifest says (annotations, artifactType, subject).
    document = {
      ...(JSON.parse(image.manifest.bytes.toString('utf8')) as Record<string, unknown>),
      layers: descriptors,
    }
  } else {
    const mediaType = flavor === 'docker' ? MediaType.dockerManifest : MediaType.ociManifest
    const configMediaType = flavor === 'docker' ? MediaType.dockerConfig : MediaType.ociConfig
    document = {
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: configMediaType,
        digest: image.config.digest,
        size: image.config.bytes.length,
      },
      layers: descriptors,
    }
  }
  const bytes = Buffer.from(JSON.stringify(document, null, 2))
  const mediaType =
    typeof document['mediaType'] === 'string'
      ? document['mediaType']
      : flavor === 'docker'
        ? MediaType.dockerManifest
        : MediaType.ociManifest
  return { bytes, digest: sha256(bytes), mediaType }
}

function rewriteIndex(index: RawJson, replaced: Map<string, RawJson>): RawJson {
  const document = JSON.parse(index.bytes.toString('utf8')) as { manifests: Descriptor[] }
  document.manifests = document.manifests.map((descriptor) => {
    const manifest = replaced.get(descriptor.digest)
    return manifest
      ? {
          ...descriptor,
          mediaType: manifest.mediaType,
          digest: manifest.digest,
          size: manifest.bytes.length,
        }
      : descriptor
  })
  const bytes = Buffer.from(JSON.stringify(document, null, 2))
  return { bytes, digest: sha256(bytes), mediaType: index.mediaType }
}

export const shortDigest = (digest: string): string => `${digest.slice(0, 7 + 12)}`

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

const seconds = (started: number): string => ((Date.now() - started) / 1000).toFixed(2)
