import { rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { encodingName } from './compress.ts'
import { DigestingStream, hexOf, sha256 } from './digest.ts'
import type { DigestMap } from './digest-map.ts'
import {
  encodeLayerToFile,
  openEncodedLayer,
  openSpooledBlob,
  openStoredLayer,
} from './layer-streams.ts'
import { allOrFirstError, createLimiter } from './limit.ts'
import type { Logger } from './log.ts'
import {
  countingOpen,
  reportTransfer,
  transferProgress,
  type ProgressListener,
} from './progress.ts'
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
  type PlatformSet,
  type RawJson,
} from './model.ts'
import { BodyRefused, type BlobUpload, type RepositoryClient } from './registry/repository.ts'
import { FALLBACK_CHUNK_SIZE, dockerFlavorAllowed } from './registry/quirks.ts'
import { reuseKey, type RemoteLayer } from './reuse.ts'

export type BlobStatus = 'uploaded' | 'skipped' | 'mounted'

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

/**
 * How a freshly compressed layer goes up: `stream` compresses straight into one PATCH (digest
 * learned at the end, then `PUT ?digest=`); `spool` compresses to a temp file first so that a
 * monolithic PUT can carry the digest (registries that refuse streamed PATCH).
 */
export type UploadMode = 'stream' | 'spool'

export interface CopyOptions {
  repository: RepositoryClient
  /** Encoding of layers the source stores uncompressed. */
  compression: Compression
  level?: number | undefined
  /** Layers worked on at once (read, compress, upload). */
  concurrency?: number | undefined
  uploadMode?: UploadMode | undefined
  /** Where freshly compressed layers wait for their upload in `spool` mode. */
  spoolDir: string
  /** Digests learned by earlier runs, and the blobs other repositories hold (for mounts). */
  digestMap: DigestMap
  /** The target tag's current layers by diff_id and encoding (a re-push reuses them). */
  reusable?: Map<string, RemoteLayer> | undefined
  /** Repositories (paths on this registry) to try mounting a missing blob from. */
  mountFrom?: readonly string[] | undefined
  logger: Logger
  /** Byte counts of uploads, for a progress display (the CLI on a terminal). */
  progress?: ProgressListener | undefined
}

interface PreparedBlob {
  digest: string
  size: number
  open: BlobUpload['open']
}

interface PlacedBlob {
  digest: string
  size: number
  status: BlobStatus
}

export const DEFAULT_CONCURRENCY = Math.min(8, Math.max(2, availableParallelism()) * 2)

/**
 * The copy engine, for one target repository: plans each layer's blob, HEADs it, uploads what
 * is missing in parallel, then PUTs the manifest (and index) under the tags — only after every
 * blob it references is present and verified. A blob or layer needed twice is handled once.
 */
export class CopySession {
  readonly #options: CopyOptions
  readonly #limit: <T>(task: () => Promise<T>) => Promise<T>
  readonly #blobs = new Map<string, Promise<BlobStatus>>()
  readonly #presence = new Map<string, Promise<BlobStatus | 'missing'>>()
  readonly #encodedLayers = new Map<string, Promise<PlacedBlob>>()
  #spoolCounter = 0
  #forceSpool = false
  bytesUploaded = 0

  constructor(options: CopyOptions) {
    this.#options = options
    this.#limit = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY)
  }

  get #registry(): string {
    return this.#options.repository.client.registry
  }

  async copy(artifact: Artifact, tags: readonly string[]): Promise<ArtifactReport> {
    const before = this.bytesUploaded
    const { manifest, images } =
      artifact.kind === 'image'
        ? await this.#copyImageOnly(artifact)
        : artifact.kind === 'index'
          ? await this.#copyIndex(artifact)
          : await this.#copyPlatforms(artifact)
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

  /** Each platform's image by digest (in parallel: layers share one limiter), then their index. */
  async #copyPlatforms(set: PlatformSet): Promise<{ manifest: RawJson; images: ImageReport[] }> {
    const copied = await allOrFirstError(
      set.children.map(async (child) => {
        const { manifest, report } = await this.#copyImageBlobs(child)
        await this.#options.repository.putManifest(manifest.digest, manifest)
        return { manifest, report }
      }),
    )
    return {
      manifest: buildIndex(
        copied.map(({ manifest, report }) => ({ manifest, platform: report.platform! })),
      ),
      images: copied.map(({ report }) => report),
    }
  }

  async #copyImageBlobs(image: Image): Promise<{ manifest: RawJson; report: ImageReport }> {
    const { compression } = this.#options
    const flavor: ManifestFlavor =
      image.flavor === 'docker' &&
      !dockerFlavorAllowed(
        this.#options.repository.quirks,
        image.layers.map((layer) => finalCompression(layer, compression)),
      )
        ? 'oci'
        : image.flavor
    const layerReports = await allOrFirstError(
      image.layers.map((layer) =>
        this.#limit(async () => {
          const encode = layer.isTar && layer.compression === 'none' && compression !== 'none'
          const placed = encode
            ? await this.#placeEncodedLayer(layer)
            : await this.#placeStoredLayer(layer)
          const mediaType =
            !encode && layer.mediaType !== undefined
              ? layer.mediaType
              : layerMediaType(flavor, finalCompression(layer, compression))
          const report: BlobReport = {
            digest: placed.digest,
            size: placed.size,
            mediaType,
            status: placed.status,
          }
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
  async #placeStoredLayer(layer: Layer): Promise<PlacedBlob> {
    const digest = layer.storedDigest ?? (await hashContent(layer))
    const blob = { digest, size: layer.content.size, open: () => openStoredLayer(layer, digest) }
    return {
      digest,
      size: blob.size,
      status: await this.#ensureBlob(blob, `layer ${layer.content.origin}`),
    }
  }

  /**
   * A layer to compress. Its digest may be known without compressing — the target tag holds
   * it (a re-push), or an earlier run recorded it — and then a HEAD (or a mount) may be all
   * it takes. Otherwise it is compressed once and uploaded; identical layers share the work.
   */
  #placeEncodedLayer(layer: Layer): Promise<PlacedBlob> {
    let placed = this.#encodedLayers.get(layer.diffId)
    if (!placed) {
      placed = this.#encodeOrReuse(layer)
      this.#encodedLayers.set(layer.diffId, placed)
    }
    return placed
  }

  async #encodeOrReuse(layer: Layer): Promise<PlacedBlob> {
    const { compression, level, digestMap, reusable } = this.#options
    const encoding = encodingName(compression, level)
    const hints = [
      reusable?.get(reuseKey(layer.diffId, compression)),
      digestMap.encodedLayer(layer.diffId, encoding),
    ]
    for (const hint of hints) {
      if (!hint) continue
      const status = await this.#presenceOf(hint.digest, hint.size)
      if (status !== 'missing') return { digest: hint.digest, size: hint.size, status }
    }
    const placed = this.#mustSpool()
      ? await this.#encodeSpooledAndUpload(layer, compression, level)
      : await this.#encodeStreamedAndUpload(layer, compression, level).catch((error: unknown) => {
          if (!(error instanceof BodyRefused)) throw error
          // From now on spool: the length is known, and chunks are possible.
          this.#options.logger.info(`${error.message}; compressing to a file first from now on`)
          if (error.reason === 'too-large')
            this.#options.repository.chunkSize ||= FALLBACK_CHUNK_SIZE
          this.#forceSpool = true
          return this.#encodeSpooledAndUpload(layer, compression, level)
        })
    digestMap.rememberEncodedLayer(layer.diffId, encoding, {
      digest: placed.digest,
      size: placed.size,
    })
    return placed
  }

  /**
   * A streamed body has no length: registries that need one (quirks), chunked uploads (each
   * chunk declares its range) and the spool mode compress to a file first.
   */
  #mustSpool(): boolean {
    const { uploadMode, repository } = this.#options
    return (
      uploadMode === 'spool' ||
      this.#forceSpool ||
      repository.chunkSize > 0 ||
      repository.quirks.contentLengthRequired
    )
  }

  async #encodeStreamedAndUpload(
    layer: Layer,
    compression: Compression,
    level: number | undefined,
  ): Promise<PlacedBlob> {
    const started = Date.now()
    let output: DigestingStream | undefined
    // The compressed size is known only at the end: the display counts bytes without a total.
    const progress = transferProgress(
      this.#options.progress,
      `encode:${layer.diffId}`,
      shortDigest(layer.diffId),
      undefined,
    )
    await reportTransfer(progress, 'uploaded', () =>
      this.#options.repository.uploadStreamed(
        countingOpen(async () => {
          const opened = await openEncodedLayer({ layer, compression, level })
          output = opened.output
          return opened.stream
        }, progress),
        () => output!.digest,
      ),
    )
    const placed: PlacedBlob = { digest: output!.digest, size: output!.bytes, status: 'uploaded' }
    this.#blobs.set(placed.digest, Promise.resolve('uploaded'))
    this.#uploaded(placed, started)
    return placed
  }

  async #encodeSpooledAndUpload(
    layer: Layer,
    compression: Compression,
    level: number | undefined,
  ): Promise<PlacedBlob> {
    const path = join(
      this.#options.spoolDir,
      `${this.#spoolCounter++}-${hexOf(layer.diffId).slice(0, 16)}.${compression}`,
    )
    try {
      const encoded = await encodeLayerToFile({ layer, compression, level, path })
      const blob = {
        ...encoded,
        open: async () => openSpooledBlob(path, encoded),
      }
      return { ...encoded, status: await this.#ensureBlob(blob, `layer ${layer.content.origin}`) }
    } finally {
      await rm(path, { force: true })
    }
  }

  /** Is the blob here, or can it be mounted from another repository that holds it? */
  #presenceOf(digest: string, size: number): Promise<BlobStatus | 'missing'> {
    let presence = this.#presence.get(digest)
    if (!presence) {
      presence = this.#checkPresence(digest, size)
      this.#presence.set(digest, presence)
    }
    return presence
  }

  async #checkPresence(digest: string, size: number): Promise<BlobStatus | 'missing'> {
    const { repository, digestMap, logger } = this.#options
    if (await repository.hasBlob(digest)) {
      logger.info(
        `${shortDigest(digest)} ${formatBytes(size).padStart(10)}  skipped (already in ${repository.path})`,
      )
      digestMap.rememberBlob(this.#registry, digest, repository.path)
      return 'skipped'
    }
    const candidates = new Set([
      ...[...digestMap.repositoriesHolding(this.#registry, digest)].reverse(),
      ...(this.#options.mountFrom ?? []),
    ])
    for (const from of candidates) {
      if (from === repository.path) continue
      if (await repository.mountBlob(digest, from)) {
        logger.info(
          `${shortDigest(digest)} ${formatBytes(size).padStart(10)}  mounted from ${from}`,
        )
        digestMap.rememberBlob(this.#registry, digest, repository.path)
        return 'mounted'
      }
    }
    return 'missing'
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
    const presence = await this.#presenceOf(blob.digest, blob.size)
    if (presence !== 'missing') return presence
    const started = Date.now()
    const progress = transferProgress(
      this.#options.progress,
      blob.digest,
      shortDigest(blob.digest),
      blob.size,
    )
    await reportTransfer(progress, 'uploaded', () =>
      this.#options.repository.uploadBlob({ ...blob, open: countingOpen(blob.open, progress) }),
    )
    this.#uploaded(blob, started)
    this.#options.logger.debug(`uploaded ${label}`)
    return 'uploaded'
  }

  #uploaded(blob: { digest: string; size: number }, started: number): void {
    this.bytesUploaded += blob.size
    this.#options.digestMap.rememberBlob(this.#registry, blob.digest, this.#options.repository.path)
    const elapsed = (Date.now() - started) / 1000
    const rate = elapsed > 0 ? `${formatBytes(blob.size / elapsed)}/s` : 'instant'
    this.#options.logger.info(
      `${shortDigest(blob.digest)} ${formatBytes(blob.size).padStart(10)}  uploaded in ${elapsed.toFixed(2)} s (${rate})`,
    )
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

/**
 * The index of several platforms' images: a Docker manifest list when every member is a Docker
 * manifest (what docker and older clients expect of Docker images), an OCI index otherwise.
 */
export function buildIndex(members: readonly { manifest: RawJson; platform: Platform }[]): RawJson {
  const docker = members.every(({ manifest }) => manifest.mediaType === MediaType.dockerManifest)
  const mediaType = docker ? MediaType.dockerManifestList : MediaType.ociIndex
  const document = {
    schemaVersion: 2,
    mediaType,
    manifests: members.map(({ manifest, platform }) => ({
      mediaType: manifest.mediaType,
      digest: manifest.digest,
      size: manifest.bytes.length,
      platform: {
        architecture: platform.architecture,
        os: platform.os,
        ...(platform['os.version'] ? { 'os.version': platform['os.version'] } : {}),
        ...(platform['os.features'] ? { 'os.features': platform['os.features'] } : {}),
        ...(platform.variant ? { variant: platform.variant } : {}),
      },
    })),
  }
  const bytes = Buffer.from(JSON.stringify(document, null, 2))
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
