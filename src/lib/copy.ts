import { copyArtifact, type ArtifactReport } from './engine/copy.ts'
import { TarPushError } from './errors.ts'
import { formatPlatform, parsePlatform } from './image/platform.ts'
import { silentLogger, type Logger } from './log.ts'
import type { ProgressListener } from './progress.ts'
import { formatReference, parseReference, repositoryName, type Reference } from './reference.ts'
import type { RegistryClient } from './registry/client.ts'
import { connectRegistry, readCaFile, type ConnectOptions } from './registry/connect.ts'
import { RepositoryClient } from './registry/repository.ts'
import { RegistrySink } from './registry/sink.ts'
import { readRemoteArtifact } from './registry/source.ts'

export interface CopyOptions extends ConnectOptions {
  /** REGISTRY/REPOSITORY:TAG or @DIGEST to read. */
  source: string
  /** REGISTRY/REPOSITORY[:TAG]; without a tag, the source's tag (none for a digest). */
  target: string
  /** One platform of a multi-platform image (os/arch[/variant]); default every platform. */
  platform?: string | undefined
  /** Layers copied at once. */
  concurrency?: number | undefined
  logger?: Logger | undefined
  progress?: ProgressListener | undefined
  /** Stops the copy at once: nothing is tagged. */
  signal?: AbortSignal | undefined
  /** Told each `name:tag` as soon as it is set. */
  onTagged?: ((reference: string) => void) | undefined
}

export interface CopyResult extends ArtifactReport {
  source: string
  /** The source reference's digest (the index's, when the whole index is copied). */
  sourceDigest: string
  /** registry/repository written to. */
  repository: string
  /** repository@digest */
  imageRef: string
  platform: string | undefined
  seconds: number
}

/**
 * Copy = copy(registry → registry), as `crane copy` and `skopeo copy docker:// docker://` do:
 * every platform of an index (or one with `platform`), manifests unchanged so digests stay the
 * same, blobs mounted from the source repository when both are on one registry.
 * Credentials given explicitly apply to both registries; otherwise each is found as docker does.
 */
export async function copy(options: CopyOptions): Promise<CopyResult> {
  const logger = options.logger ?? silentLogger
  const started = Date.now()
  const source = parseReference(options.source)
  const target = targetOf(source, parseReference(options.target))
  const wanted = options.platform ? parsePlatform(options.platform) : undefined
  const extraCaPem = options.caFile ? await readCaFile(options.caFile) : undefined
  const clients = new Map<string, Promise<RegistryClient>>()
  const clientFor = (registry: string) => {
    let client = clients.get(registry)
    if (!client) {
      client = connectRegistry(registry, options, extraCaPem, logger)
      clients.set(registry, client)
    }
    return client
  }
  try {
    const from = new RepositoryClient(await clientFor(source.registry), source.path, 'pull')
    const remote = await logger.group(`Resolving ${formatReference(source)}`, () =>
      readRemoteArtifact(from, source, { platform: wanted ?? 'all', logger }),
    )
    const to = new RepositoryClient(await clientFor(target.registry), target.path)
    const tags = target.tag !== undefined ? [target.tag] : []
    const name = repositoryName(target)
    const report = await logger.group(`Copying to ${name}`, () =>
      copyArtifact(remote.artifact, tags, {
        sink: new RegistrySink(to),
        compression: 'none',
        concurrency: options.concurrency,
        mountFrom: source.registry === target.registry ? [source.path] : [],
        logger,
        progress: options.progress,
        signal: options.signal,
        onTagged: options.onTagged,
      }),
    )
    return {
      ...report,
      source: formatReference(source),
      sourceDigest: remote.referenceDigest,
      repository: name,
      imageRef: `${name}@${report.digest}`,
      platform: wanted ? formatPlatform(wanted) : undefined,
      seconds: (Date.now() - started) / 1000,
    }
  } finally {
    await Promise.all(
      [...clients.values()].map((client) => client.then((c) => c.close()).catch(() => {})),
    )
  }
}

/**
 * The target's tag: its own, else the source's (`latest` when the source names neither a tag nor
 * a digest, as docker reads it); a source named by digest alone gives no tag. A target digest is
 * refused: the digest is the source manifest's.
 */
function targetOf(source: Reference, target: Reference): Reference {
  if (target.digest !== undefined) {
    throw new TarPushError('USAGE', `the target ${formatReference(target)} names a digest`, {
      subject: formatReference(target),
      hint: "name the target as REGISTRY/REPOSITORY or REGISTRY/REPOSITORY:TAG; its digest is the source manifest's",
    })
  }
  const tag = target.tag ?? source.tag ?? (source.digest === undefined ? 'latest' : undefined)
  return { ...target, tag }
}
