import { copyArtifact } from './engine/copy.ts'
import { TarPushError } from './errors.ts'
import { formatBytes } from './format.ts'
import type { Image } from './image/model.ts'
import { formatPlatform, parsePlatform, runnerPlatform } from './image/platform.ts'
import { silentLogger, type Logger } from './log.ts'
import type { ProgressListener } from './progress.ts'
import { formatReference, parseReference } from './reference.ts'
import { connectRegistry, readCaFile, type ConnectOptions } from './registry/connect.ts'
import { RepositoryClient } from './registry/repository.ts'
import { isContainerImage, readRemoteArtifact } from './registry/source.ts'
import { DISK_FORMATS, checkOutput, openDiskSink, type DiskFormat } from './write/open.ts'
import { SYMLINK_MODES, type IllegalNameMode, type SymlinkMode } from './write/rootfs.ts'

export const PULL_FORMATS = DISK_FORMATS
export type PullFormat = DiskFormat
export { SYMLINK_MODES, type IllegalNameMode, type SymlinkMode }

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
  /** rootfs: names this platform cannot hold (Windows, macOS), refused (default) or renamed and listed. */
  illegalNames?: IllegalNameMode | undefined
  /** rootfs: symbolic links this OS refuses to make, an error (default) or left out and listed. */
  symlinks?: SymlinkMode | undefined
  logger?: Logger | undefined
  /** Byte counts of downloads, for a progress display (the CLI on a terminal). */
  progress?: ProgressListener | undefined
  /** Stops the pull at once (Ctrl-C, a cancelled job): nothing is left at the output. */
  signal?: AbortSignal | undefined
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
  // Before any request: an output that cannot be written fails fast.
  await checkOutput(options.output, format)
  const client = await connectRegistry(reference.registry, options, extraCaPem, logger)
  try {
    const repository = new RepositoryClient(client, reference.path, 'pull')
    const name = formatReference(reference)
    const remote = await logger.group(`Resolving ${name}`, () =>
      readRemoteArtifact(repository, reference, {
        platform: wanted ?? runnerPlatform(),
        defaultPlatform: wanted === undefined,
        logger,
      }),
    )
    const image = remote.artifact as Image
    const layers = image.layers.map((layer) => ({
      digest: layer.storedDigest!,
      size: layer.content.size,
      mediaType: layer.mediaType!,
    }))
    logger.info(
      `${name}: manifest ${image.manifest!.digest}${image.platform ? ` (${formatPlatform(image.platform)})` : ''}, ${layers.length} layers, ${formatBytes(layers.reduce((total, layer) => total + layer.size, 0))}`,
    )
    if (!isContainerImage(image) && (format === 'docker' || format === 'rootfs')) {
      throw new TarPushError(
        'MANIFEST_UNSUPPORTED',
        `${name} is not a container image (config type ${image.config.mediaType})`,
        { subject: name, hint: 'pull it with format oci or oci-archive' },
      )
    }
    const report = await logger.group(`Writing ${format} to ${options.output}`, async () =>
      copyArtifact(image, reference.tag !== undefined ? [reference.tag] : [], {
        sink: await openDiskSink({
          format,
          output: options.output,
          image,
          reference,
          preserveSpecial: options.preserveSpecial,
          maxSize: options.maxSize,
          illegalNames: options.illegalNames,
          symlinks: options.symlinks,
          logger,
        }),
        compression: 'none',
        concurrency: options.concurrency ?? 4,
        logger,
        progress: options.progress,
        signal: options.signal,
      }),
    )
    return {
      reference: name,
      digest: remote.referenceDigest,
      manifestDigest: image.manifest!.digest,
      platform: image.platform ? formatPlatform(image.platform) : undefined,
      format,
      path: options.output,
      layers,
      bytesDownloaded: report.bytesUploaded,
      seconds: (Date.now() - started) / 1000,
    }
  } finally {
    await client.close()
  }
}
