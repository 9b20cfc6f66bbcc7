import { rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Readable, addAbortSignal } from 'node:stream'
import { cancelledError, throwIfAborted } from '../cancel.ts'
import { hexOf } from '../digest.ts'
import { encodingName } from '../encode/compress.ts'
import { formatBytes, shortDigest } from '../format.ts'
import { buildImageManifest, buildIndex, rewriteIndex } from '../image/build.ts'
import { hasDockerLayerType, layerMediaType } from '../image/media-types.ts'
import type {
  Artifact,
  Compression,
  Descriptor,
  Image,
  ImageIndex,
  Layer,
  ManifestFlavor,
  Platform,
  PlatformSet,
  RawJson,
} from '../image/model.ts'
import { StreamRefused, type BlobToPut, type ImageSink } from '../image/sink.ts'
import { allOrFirstError, createLimiter } from '../limit.ts'
import type { Logger } from '../log.ts'
import {
  countingOpen,
  reportTransfer,
  transferProgress,
  type ProgressListener,
} from '../progress.ts'
import type { DigestMap } from './digest-map.ts'
import { encodeLayerToFile, openEncodedLayer, openSpooledBlob } from './encode.ts'
import { LayerChecks, digestOfLayer, openVerifiedLayer } from './verify.ts'
import { announceEncoding } from '../hash-thread.ts'
import { temporaryDirectory } from '../paths.ts'

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
 * How a freshly compressed layer goes to the sink: `stream` compresses straight into it (the
 * digest is learned at the end); `spool` compresses to a temp file first so that its digest and
 * length are known before the body (sinks that need them).
 */
export type UploadMode = 'stream' | 'spool'

/** A layer's blob known without encoding it: the target tag holds it, or a mountable image. */
export interface KnownBlob {
  digest: string
  size: number
}

export interface CopyOptions {
  sink: ImageSink
  /** Encoding of tar layers the source stores uncompressed; 'none' copies every blob as it is. */
  compression: Compression
  level?: number | undefined
  /** Layers worked on at once (read, encode, verify, write). */
  concurrency?: number | undefined
  uploadMode?: UploadMode | undefined
  /** Where freshly compressed layers wait for their upload in `spool` mode (a private temp dir). */
  spoolDir?: string | undefined
  /** Digests learned by earlier runs, and the blobs other repositories hold (for mounts). */
  digestMap?: DigestMap | undefined
  /** A layer's blob known without encoding it, by diff_id and encoding (a re-push reuses them). */
  knownBlob?: ((diffId: string, compression: Compression) => KnownBlob | undefined) | undefined
  /** Repositories (of the sink's registry) to try mounting a missing blob from. */
  mountFrom?: readonly string[] | undefined
  logger: Logger
  /** Byte counts of transfers, for a progress display (the CLI on a terminal). */
  progress?: ProgressListener | undefined
  /** Stops every transfer at once; the sink is then aborted. */
  signal?: AbortSignal | undefined
  /** The local layers' checks, shared with the rest of the push (default: this copy's own). */
  layerChecks?: LayerChecks | undefined
  /** Told each `name:tag` as soon as it is set (a stop's report names them). */
  onTagged?: ((reference: string) => void) | undefined
}

export const DEFAULT_CONCURRENCY = Math.min(8, Math.max(2, availableParallelism()) * 2)

interface PlacedBlob {
  digest: string
  size: number
  status: BlobStatus
}

/**
 * Copies an artifact into a sink and commits it, or aborts the sink on any failure: the one
 * copy engine under push (tarball → registry), pull (registry → disk) and copy (registry →
 * registry). Plan each layer's blob, ask the sink what it has, transfer the rest in parallel
 * through the verifier, then the manifests (members before their index, tags last), then commit.
 */
export async function copyArtifact(
  artifact: Artifact,
  tags: readonly string[],
  options: CopyOptions,
): Promise<ArtifactReport> {
  const layerChecks = options.layerChecks ?? new LayerChecks(options.signal)
  const session = new CopySession({ ...options, layerChecks })
  try {
    const report = await session.copy(artifact, tags)
    throwIfAborted(options.signal)
    await options.sink.commit()
    return report
  } catch (error) {
    await options.sink.abort()
    // Whatever a stop broke (a request, a stream, a file) reports the stop, not its symptom.
    throw options.signal?.aborted ? cancelledError(options.signal) : error
  } finally {
    // Checks of its own that no step waited for (a guess that a blob was there) end with it.
    if (!options.layerChecks) layerChecks.stop()
  }
}

/**
 * One copy into one sink. A blob or layer needed twice is handled once; the manifests go out
 * only after every blob they name is in place and verified.
 */
class CopySession {
  readonly #options: CopyOptions
  readonly #sink: ImageSink
  readonly #limit: <T>(task: () => Promise<T>) => Promise<T>
  /** The questions asked ahead: as many at once as layers move at once, in slots of their own. */
  readonly #askLimit: <T>(task: () => Promise<T>) => Promise<T>
  readonly #blobs = new Map<string, Promise<BlobStatus>>()
  readonly #presence = new Map<string, Promise<BlobStatus | 'missing'>>()
  readonly #encodedLayers = new Map<string, Promise<PlacedBlob>>()
  /**
   * What the sink holds already is not written again, but a local source's bytes are hashed
   * still (remote ones are not fetched only for that): a tarball that does not match its
   * digests or diff_ids is refused on a warm registry as on a cold one.
   */
  readonly #checks: LayerChecks
  #spoolCounter = 0
  #forceSpool = false
  #bytesWritten = 0

  constructor(options: CopyOptions & { layerChecks: LayerChecks }) {
    this.#options = options
    this.#sink = options.sink
    this.#limit = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY)
    this.#askLimit = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY)
    this.#checks = options.layerChecks
  }

  async copy(artifact: Artifact, tags: readonly string[]): Promise<ArtifactReport> {
    const { manifest, images } =
      artifact.kind === 'image'
        ? await this.#copyImageOnly(artifact)
        : artifact.kind === 'index'
          ? await this.#copyIndex(artifact)
          : await this.#copyPlatforms(artifact)
    throwIfAborted(this.#options.signal)
    if (tags.length === 0) await this.#sink.putManifest(manifest, { tags })
    // One tag at a time: a stop between two tags knows which are set.
    for (const tag of tags) {
      throwIfAborted(this.#options.signal)
      await this.#sink.putManifest(manifest, { tags: [tag] })
      const reference = `${this.#sink.name}:${tag}`
      if (this.#sink.place) this.#options.logger.info(`tagged ${reference} → ${manifest.digest}`)
      this.#options.onTagged?.(reference)
    }
    return {
      digest: manifest.digest,
      mediaType: manifest.mediaType,
      size: manifest.bytes.length,
      tags: [...tags],
      images,
      bytesUploaded: this.#bytesWritten,
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
      await this.#sink.putManifest(manifest, { tags: [], platform: report.platform })
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
        await this.#sink.putManifest(manifest, { tags: [], platform: report.platform })
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

  /**
   * The flavor the image is written in: Docker, unless a layer cannot be a Docker layer (Docker
   * has no zstd layer type) or the sink refuses its Docker type; then OCI.
   */
  #flavorFor(image: Image): ManifestFlavor {
    if (image.flavor !== 'docker') return image.flavor
    const compressions = image.layers.map((layer) => this.#finalCompression(layer))
    const allowed =
      this.#sink.acceptsDockerLayers?.(compressions) ?? compressions.every(hasDockerLayerType)
    return allowed ? 'docker' : 'oci'
  }

  #finalCompression(layer: Layer): Compression {
    return this.#encodes(layer) ? this.#options.compression : layer.compression
  }

  #encodes(layer: Layer): boolean {
    return layer.isTar && layer.compression === 'none' && this.#options.compression !== 'none'
  }

  async #copyImageBlobs(image: Image): Promise<{ manifest: RawJson; report: ImageReport }> {
    const flavor = this.#flavorFor(image)
    // Said before the first hash starts (askAhead): the hashing leaves the worker thread to
    // the encoders.
    const encodes = image.layers.some(
      (layer) => this.#encodes(layer) && this.#reuseHints(layer).length === 0,
    )
    const endEncoding = encodes ? announceEncoding() : () => {}
    this.#askAhead(image)
    const layerReports = await allOrFirstError(
      image.layers.map((layer) =>
        this.#limit(async () => {
          throwIfAborted(this.#options.signal)
          const encode = this.#encodes(layer)
          const placed = encode
            ? await this.#placeEncodedLayer(layer)
            : await this.#placeStoredLayer(layer)
          const mediaType =
            !encode && layer.mediaType !== undefined
              ? layer.mediaType
              : layerMediaType(flavor, this.#finalCompression(layer))
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
    ).finally(endEncoding)
    const config = image.config
    await this.#ensureBlob(
      {
        digest: config.digest,
        size: config.bytes.length,
        mediaType: config.mediaType,
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
    const manifest = unchanged
      ? image.manifest!
      : buildImageManifest(image, flavor, layerDescriptors(image, layerReports))
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

  /**
   * Asks the sink at once about every blob whose digest is known before a byte is read: stored
   * layers that name their digest, the first digest a layer to encode may already have, and
   * then the config. The answers (HEADs, as many at once as layers move) then do not wait for a
   * free slot behind the hashing or the upload of big layers; each layer's own step takes its
   * answer (and its check) from the same promise. When no layer's digest is known (a cold push
   * of a docker save), nothing is asked ahead: the config's HEAD beside the first upload kept
   * 5 MB more resident at its peak, for nothing to gain.
   */
  #askAhead(image: Image): void {
    const known: { digest: string; size: number }[] = []
    for (const layer of image.layers) {
      if (!this.#encodes(layer)) {
        if (layer.storedDigest) known.push({ digest: layer.storedDigest, size: layer.content.size })
        continue
      }
      const hint = this.#reuseHints(layer)[0]
      if (!hint) continue
      known.push(hint)
      // Most likely the sink has it (a re-push): then the layer's bytes are only to be hashed,
      // which starts now rather than after the answer. Should it be missing after all, the
      // encoding reads the layer again.
      this.#checks.guess(layer)
    }
    if (known.length === 0) return
    known.push({ digest: image.config.digest, size: image.config.bytes.length })
    // A failure is met again, and reported, by the step that awaits the answer.
    for (const { digest, size } of known)
      this.#askLimit(() => this.#presenceOf(digest, size)).catch(() => {})
  }

  /** A stored blob goes as it is; its digest is the source's, or learned by one read. */
  async #placeStoredLayer(layer: Layer): Promise<PlacedBlob> {
    const digest = layer.storedDigest ?? (await this.#digestOf(layer))
    const blob: BlobToPut = {
      digest,
      size: layer.content.size,
      mediaType: layer.mediaType ?? '',
      open: () => openVerifiedLayer(layer, digest),
    }
    const status = await this.#ensureBlob(blob, `layer ${layer.content.origin}`)
    if (status === 'uploaded') this.#checks.passed(layer)
    else await this.#checks.once(layer, digest)
    return { digest, size: blob.size, status }
  }

  /** The blob digest of a compressed layer a docker save names by diff_id only: one read. */
  #digestOf(layer: Layer): Promise<string> {
    return digestOfLayer(layer, this.#options.signal)
  }

  /**
   * A layer to compress. Its digest may be known without compressing — the target tag holds
   * it (a re-push), or an earlier run recorded it — and then a HEAD (or a mount) and a check
   * of the layer's bytes are all it takes. Otherwise it is compressed once and written;
   * identical layers share the work.
   */
  #placeEncodedLayer(layer: Layer): Promise<PlacedBlob> {
    let placed = this.#encodedLayers.get(layer.diffId)
    if (!placed) {
      placed = this.#encodeOrReuse(layer)
      this.#encodedLayers.set(layer.diffId, placed)
    }
    return placed
  }

  /** Digests the layer's encoding may already have, in the order they are tried. */
  #reuseHints(layer: Layer): { digest: string; size: number }[] {
    const { compression, level, digestMap, knownBlob } = this.#options
    const encoding = encodingName(compression, level)
    return [
      knownBlob?.(layer.diffId, compression),
      digestMap?.encodedLayer(layer.diffId, encoding),
    ].filter((hint) => hint !== undefined)
  }

  async #encodeOrReuse(layer: Layer): Promise<PlacedBlob> {
    const { compression, level, digestMap } = this.#options
    const encoding = encodingName(compression, level)
    for (const hint of this.#reuseHints(layer)) {
      const status = await this.#presenceOf(hint.digest, hint.size)
      if (status === 'missing') continue
      await this.#checks.once(layer, undefined)
      return { digest: hint.digest, size: hint.size, status }
    }
    const placed = this.#mustSpool()
      ? await this.#encodeSpooledAndPut(layer)
      : await this.#encodeStreamedAndPut(layer).catch((error: unknown) => {
          if (!(error instanceof StreamRefused)) throw error
          // From now on spool: the length is known before the body.
          this.#options.logger.info(`${error.message}; compressing to a file first from now on`)
          this.#forceSpool = true
          return this.#encodeSpooledAndPut(layer)
        })
    digestMap?.rememberEncodedLayer(layer.diffId, encoding, {
      digest: placed.digest,
      size: placed.size,
    })
    // Its bytes were checked against the diff_id as they were encoded.
    this.#checks.passed(layer)
    return placed
  }

  #mustSpool(): boolean {
    return (
      this.#options.uploadMode === 'spool' ||
      this.#forceSpool ||
      !this.#sink.takesStreamedBlobs ||
      this.#sink.putStreamedBlob === undefined
    )
  }

  async #encodeStreamedAndPut(layer: Layer): Promise<PlacedBlob> {
    const { compression, level } = this.#options
    const started = Date.now()
    let output: { digest: string; bytes: number } | undefined
    // The compressed size is known only at the end: the display counts bytes without a total.
    const progress = transferProgress(
      this.#options.progress,
      `encode:${layer.diffId}`,
      shortDigest(layer.diffId),
      undefined,
    )
    await reportTransfer(progress, 'uploaded', () =>
      this.#sink.putStreamedBlob!({
        mediaType: layerMediaType('oci', compression),
        open: countingOpen(async () => {
          const opened = await openEncodedLayer({ layer, compression, level })
          output = opened.output
          return this.#abortable(opened.stream)
        }, progress),
        digestAfterBody: () => (output as { digest: string }).digest,
      }),
    )
    const placed: PlacedBlob = { digest: output!.digest, size: output!.bytes, status: 'uploaded' }
    this.#blobs.set(placed.digest, Promise.resolve('uploaded'))
    this.#written(placed, started)
    return placed
  }

  async #encodeSpooledAndPut(layer: Layer): Promise<PlacedBlob> {
    const { compression, level } = this.#options
    const path = join(
      this.#options.spoolDir ?? temporaryDirectory(),
      `${this.#spoolCounter++}-${hexOf(layer.diffId).slice(0, 16)}.${compression}`,
    )
    try {
      const encoded = await encodeLayerToFile({
        layer,
        compression,
        level,
        path,
        signal: this.#options.signal,
      })
      const blob: BlobToPut = {
        ...encoded,
        mediaType: layerMediaType('oci', compression),
        open: async () => this.#abortable(openSpooledBlob(path, encoded)),
      }
      return { ...encoded, status: await this.#ensureBlob(blob, `layer ${layer.content.origin}`) }
    } finally {
      await rm(path, { force: true })
    }
  }

  /** Is the blob there, or can it be mounted from another repository that holds it? */
  #presenceOf(digest: string, size: number): Promise<BlobStatus | 'missing'> {
    let presence = this.#presence.get(digest)
    if (!presence) {
      presence = this.#checkPresence(digest, size)
      this.#presence.set(digest, presence)
    }
    return presence
  }

  async #checkPresence(digest: string, size: number): Promise<BlobStatus | 'missing'> {
    const { digestMap, logger } = this.#options
    const sink = this.#sink
    const place = sink.place
    if (await sink.hasBlob(digest, size)) {
      logger.info(
        `${shortDigest(digest)} ${formatBytes(size).padStart(10)}  skipped (already in ${sink.name})`,
      )
      if (place) digestMap?.rememberBlob(place.registry, digest, place.repository)
      return 'skipped'
    }
    if (!place || !sink.mountBlob) return 'missing'
    const candidates = new Set([
      ...[...(digestMap?.repositoriesHolding(place.registry, digest) ?? [])].reverse(),
      ...(this.#options.mountFrom ?? []),
    ])
    for (const from of candidates) {
      if (from === place.repository) continue
      throwIfAborted(this.#options.signal)
      if (await sink.mountBlob(digest, from)) {
        logger.info(
          `${shortDigest(digest)} ${formatBytes(size).padStart(10)}  mounted from ${from}`,
        )
        digestMap?.rememberBlob(place.registry, digest, place.repository)
        return 'mounted'
      }
    }
    return 'missing'
  }

  /** Asks the sink for a blob and writes it when missing; one digest is handled once. */
  #ensureBlob(blob: BlobToPut, label: string): Promise<BlobStatus> {
    let pending = this.#blobs.get(blob.digest)
    if (!pending) {
      pending = this.#transfer(blob, label)
      this.#blobs.set(blob.digest, pending)
    }
    return pending
  }

  async #transfer(blob: BlobToPut, label: string): Promise<BlobStatus> {
    const presence = await this.#presenceOf(blob.digest, blob.size)
    if (presence !== 'missing') return presence
    throwIfAborted(this.#options.signal)
    const started = Date.now()
    const progress = transferProgress(
      this.#options.progress,
      blob.digest,
      shortDigest(blob.digest),
      blob.size,
    )
    const open = async () => this.#abortable(await blob.open())
    await reportTransfer(progress, this.#sink.place ? 'uploaded' : 'downloaded', () =>
      this.#sink.putBlob({ ...blob, open: countingOpen(open, progress) }),
    )
    this.#written(blob, started)
    this.#options.logger.debug(`wrote ${label}`)
    return 'uploaded'
  }

  /** A stream the cancel signal destroys: every transfer stops at once on Ctrl-C. */
  #abortable(stream: Readable): Readable {
    const signal = this.#options.signal
    return signal ? addAbortSignal(signal, stream) : stream
  }

  #written(blob: { digest: string; size: number }, started: number): void {
    this.#bytesWritten += blob.size
    const place = this.#sink.place
    if (place) this.#options.digestMap?.rememberBlob(place.registry, blob.digest, place.repository)
    const elapsed = (Date.now() - started) / 1000
    const rate = elapsed > 0 ? `${formatBytes(blob.size / elapsed)}/s` : 'instant'
    this.#options.logger.info(
      `${shortDigest(blob.digest)} ${formatBytes(blob.size).padStart(10)}  ${this.#sink.place ? 'uploaded' : 'written'} in ${elapsed.toFixed(2)} s (${rate})`,
    )
  }
}

function layerDescriptors(image: Image, layers: readonly BlobReport[]): Descriptor[] {
  return layers.map((layer, i) => {
    const annotations = image.layers[i]!.annotations
    return {
      mediaType: layer.mediaType,
      digest: layer.digest,
      size: layer.size,
      ...(annotations ? { annotations } : {}),
    }
  })
}
