import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createDecoder } from './compress.ts'
import { formatBytes } from './copy.ts'
import { DigestingStream } from './digest.ts'
import { TarPushError } from './errors.ts'
import { allOrFirstError, createLimiter } from './limit.ts'
import { silentLogger, type Logger } from './log.ts'
import type { ProgressListener } from './progress.ts'
import { compressionOfMediaType, isTarLayerMediaType, type Descriptor } from './model.ts'
import { formatPlatform, parsePlatform } from './platform.ts'
import { downloadBlob, outputError } from './pull/download.ts'
import { resolveImage, type RemoteImage } from './pull/resolve.ts'
import { formatReference, parseReference } from './reference.ts'
import { connectRegistry, readCaFile, type ConnectOptions } from './registry/connect.ts'
import { RepositoryClient } from './registry/repository.ts'
import { LayoutDirectoryWriter } from './write/oci-layout.ts'
import { RootfsWriter } from './write/rootfs.ts'
import type { ImageSink } from './write/sink.ts'
import { TarArchiveWriter } from './write/tar-archive.ts'

export const PULL_FORMATS = ['docker', 'oci', 'oci-archive', 'rootfs'] as const
export type PullFormat = (typeof PULL_FORMATS)[number]

export interface PullOptions extends ConnectOptions {
  /** Reference with a tag or digest (ghcr.io/org/app:1, 127.0.0.1:5000/app@sha256:…). */
  image: string
  output: string
  /** Default docker: a tarball for docker load. */
  format?: PullFormat | undefined
  /** os/arch[/variant]; default the runner's. */
  platform?: string | undefined
  /** Layers downloaded at once (default 4). */
  concurrency?: number | undefined
  /** rootfs: keep device nodes, FIFOs and setuid/setgid bits. */
  preserveSpecial?: boolean | undefined
  /** rootfs: most uncompressed bytes unpacked (bomb guard). */
  maxSize?: number | undefined
  /** Where layers are kept while a rootfs is unpacked (RUNNER_TEMP in Actions). */
  spoolDir?: string | undefined
  logger?: Logger | undefined
  /** Byte counts of downloads, for a progress display (the CLI on a terminal). */
  progress?: ProgressListener | undefined
}

export interface PullResult {
  /** The reference as pulled, normalised (docker.io/library/alpine:3). */
  reference: string
  /** Digest of what the reference names (the index's, for a multi-platform image). */
  digest: string
  /** Digest of the image manifest written (the platform's, for a multi-platform image). */
  manifestDigest: string
  platform: string | undefined
  format: PullFormat
  path: string
  layers: { digest: string; size: number; mediaType: string }[]
  bytesDownloaded: number
  seconds: number
}

/** Pull = copy(registry → docker tarball | OCI layout | OCI archive | rootfs). */
export async function pull(options: PullOptions): Promise<PullResult> {
  const logger = options.logger ?? silentLogger
  const started = Date.now()
  const format = options.format ?? 'docker'
  const reference = parseReference(options.image)
  const wanted = options.platform ? parsePlatform(options.platform) : undefined
  const extraCaPem = options.caFile ? await readCaFile(options.caFile) : undefined
  await checkOutput(options.output, format)
  const client = await connectRegistry(reference.registry, options, extraCaPem, logger)
  try {
    const repository = new RepositoryClient(client, reference.path, 'pull')
    const image = await logger.group(`Resolving ${formatReference(reference)}`, () =>
      resolveImage(repository, reference, { platform: wanted, logger }),
    )
    logger.info(
      `${formatReference(reference)}: manifest ${image.manifest.digest}${image.platform ? ` (${formatPlatform(image.platform)})` : ''}, ${image.layers.length} layers, ${formatBytes(totalSize(image.layers))}`,
    )
    if (!image.isContainerImage && (format === 'docker' || format === 'rootfs')) {
      throw new TarPushError(
        'MANIFEST_UNSUPPORTED',
        `${formatReference(reference)} is not a container image (config type ${image.config.mediaType})`,
        { subject: formatReference(reference), hint: 'pull it with format oci or oci-archive' },
      )
    }
    const bytesDownloaded = await logger.group(`Writing ${format} to ${options.output}`, () =>
      format === 'rootfs'
        ? pullRootfs(repository, image, options, logger)
        : pullLayout(repository, image, format, options, logger),
    )
    return {
      reference: formatReference(reference),
      digest: image.referenceDigest,
      manifestDigest: image.manifest.digest,
      platform: image.platform ? formatPlatform(image.platform) : undefined,
      format,
      path: options.output,
      layers: image.layers.map(({ digest, size, mediaType }) => ({ digest, size, mediaType })),
      bytesDownloaded,
      seconds: (Date.now() - started) / 1000,
    }
  } finally {
    await client.close()
  }
}

const totalSize = (layers: readonly Descriptor[]): number =>
  layers.reduce((total, layer) => total + layer.size, 0)

/** Checked before any request: an output that cannot be written fails fast. */
async function checkOutput(output: string, format: PullFormat): Promise<void> {
  const stats = await stat(output).catch(() => undefined)
  if (!stats) return
  const wantsDirectory = format === 'oci' || format === 'rootfs'
  if (stats.isDirectory() !== wantsDirectory) {
    throw new TarPushError(
      'OUTPUT_ERROR',
      `"${output}" is ${stats.isDirectory() ? 'a directory' : 'a file'}; format ${format} writes ${wantsDirectory ? 'a directory' : 'a file'}`,
      { subject: output, hint: 'name another output path, or choose the matching format' },
    )
  }
  if (format === 'rootfs' && (await readdir(output)).length > 0) {
    throw new TarPushError(
      'OUTPUT_ERROR',
      `"${output}" is not empty; a rootfs is unpacked into an empty directory`,
      {
        subject: output,
        hint: 'remove it or name a new directory',
      },
    )
  }
}

/** Layouts and archives: every layer downloaded straight into its place, verified as it comes. */
async function pullLayout(
  repository: RepositoryClient,
  image: RemoteImage,
  format: Exclude<PullFormat, 'rootfs'>,
  options: PullOptions,
  logger: Logger,
): Promise<number> {
  const sink: ImageSink =
    format === 'oci'
      ? await LayoutDirectoryWriter.create(options.output, image)
      : await TarArchiveWriter.create(options.output, image, format)
  try {
    const { bytes } = await downloadLayers(repository, image, sink, options, logger, true).all
    await sink.finish()
    return bytes
  } catch (error) {
    await sink.abort()
    throw error
  }
}

/**
 * Layers are downloaded in parallel into a temporary layout and applied in order as soon as
 * each one and those below it are there; each layer's diff_id is checked while it is unpacked
 * (one decompression), and a failed pull removes the partial rootfs.
 */
async function pullRootfs(
  repository: RepositoryClient,
  image: RemoteImage,
  options: PullOptions,
  logger: Logger,
): Promise<number> {
  const spool = await mkdtemp(join(options.spoolDir ?? tmpdir(), 'tar-push-pull-'))
  const createdOutput = (await stat(options.output).catch(() => undefined)) === undefined
  try {
    const layout = await LayoutDirectoryWriter.create(join(spool, 'layout'), image)
    const downloaded = downloadLayers(repository, image, layout, options, logger, false)
    // Keeps a failed download from being unhandled while an earlier layer is being applied.
    downloaded.all.catch(() => {})
    await mkdir(options.output, { recursive: true })
    const writer = new RootfsWriter(options.output, {
      preserveSpecial: options.preserveSpecial,
      ...(options.maxSize !== undefined ? { maxBytes: options.maxSize } : {}),
      logger,
    })
    try {
      for (const [position, layer] of image.layers.entries()) {
        await downloaded.layer(layer.digest)
        await applyLayer(writer, layout.path(layer.digest), layer, image.diffIds[position]!)
      }
      await writer.finish()
    } catch (error) {
      downloaded.stop()
      await downloaded.all.catch(() => {})
      if (createdOutput) await rm(options.output, { recursive: true, force: true })
      else await emptyDirectory(options.output)
      throw error
    }
    return (await downloaded.all).bytes
  } finally {
    await rm(spool, { recursive: true, force: true })
  }
}

async function emptyDirectory(path: string): Promise<void> {
  for (const entry of await readdir(path).catch(() => [])) {
    await rm(join(path, entry), { recursive: true, force: true })
  }
}

async function applyLayer(
  writer: RootfsWriter,
  path: string,
  layer: Descriptor,
  diffId: string,
): Promise<void> {
  if (!isTarLayerMediaType(layer.mediaType)) {
    throw new TarPushError(
      'MANIFEST_UNSUPPORTED',
      `layer ${layer.digest} has media type ${layer.mediaType}, which is not a filesystem layer`,
      { subject: layer.digest, hint: 'pull it with format oci or oci-archive' },
    )
  }
  const compression = compressionOfMediaType(layer.mediaType)
  const tar = new DigestingStream(diffId.slice(0, diffId.indexOf(':')))
  const flowing = pipeline(createReadStream(path), createDecoder(compression), tar)
  flowing.catch(() => {})
  await writer.applyLayer(tar, layer.digest)
  // The tar reader may stop at the end-of-archive blocks: hash what follows them too.
  tar.resume()
  try {
    await flowing
  } catch (error) {
    throw new TarPushError(
      'DIFF_ID_MISMATCH',
      `layer ${layer.digest} does not decompress: ${(error as Error).message}`,
      {
        subject: layer.digest,
        hint: 'the image in the registry is corrupt; push it again',
      },
    )
  }
  if (tar.digest !== diffId) {
    throw new TarPushError(
      'DIFF_ID_MISMATCH',
      `layer ${layer.digest} decompresses to ${tar.digest}, not its diff_id ${diffId}`,
      {
        subject: layer.digest,
        hint: 'the image in the registry is corrupt (layer and config disagree); push it again',
      },
    )
  }
}

interface Downloads {
  /** Resolves when the layer is verified and in the sink. */
  layer(digest: string): Promise<void>
  /** Every layer downloaded: the bytes fetched; or the first failure, once none is running. */
  all: Promise<{ bytes: number }>
  /** Starts no more downloads (after a failure elsewhere). */
  stop(): void
}

function downloadLayers(
  repository: RepositoryClient,
  image: RemoteImage,
  sink: ImageSink,
  options: PullOptions,
  logger: Logger,
  checkDiffIds: boolean,
): Downloads {
  const limit = createLimiter(options.concurrency ?? 4)
  const diffIdOf = new Map(
    image.layers.map((layer, position) => [layer.digest, image.diffIds[position]]),
  )
  const byDigest = new Map<string, Promise<void>>()
  let bytes = 0
  let stopped = false
  for (const layer of image.layers) {
    if (byDigest.has(layer.digest)) continue
    const task = limit(async () => {
      if (stopped) throw new Error('stopped')
      const writer = await sink.blob(layer).catch((error: unknown) => {
        throw outputError(error)
      })
      if (!writer) {
        logger.info(`layer ${layer.digest}: already in ${options.output}`)
        return
      }
      const tar = isTarLayerMediaType(layer.mediaType)
      await downloadBlob(repository, layer, writer, {
        diffId: checkDiffIds && tar ? diffIdOf.get(layer.digest) : undefined,
        compression: compressionOfMediaType(layer.mediaType),
        progress: options.progress,
      })
      bytes += layer.size
      logger.info(`layer ${layer.digest}: ${formatBytes(layer.size)} downloaded and verified`)
    })
    // The first failure stops the queue; the ones running finish before `all` settles.
    task.catch(() => (stopped = true))
    byDigest.set(layer.digest, task)
  }
  return {
    layer: (digest) => byDigest.get(digest)!,
    all: allOrFirstError([...byDigest.values()]).then(() => ({ bytes })),
    stop: () => (stopped = true),
  }
}
