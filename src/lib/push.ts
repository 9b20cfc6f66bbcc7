import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readArchive } from './archive/read.ts'
import { CopySession, type ArtifactReport, type UploadMode } from './copy.ts'
import { DigestMap, directoryStore, type DigestMapStore } from './digest-map.ts'
import type { Artifact, Compression } from './model.ts'
import { layersOfTag, type RemoteLayer } from './reuse.ts'
import { silentLogger, type Logger } from './log.ts'
import { repositoryName } from './reference.ts'
import { RegistryClient } from './registry/client.ts'
import { connectRegistry, readCaFile, type ConnectOptions } from './registry/connect.ts'
import { RepositoryClient } from './registry/repository.ts'
import { resolveTargets } from './targets.ts'

export interface PushOptions extends ConnectOptions {
  tarball: string
  image?: string | undefined
  tags?: readonly string[] | undefined
  compression?: Compression | undefined
  compressionLevel?: number | undefined
  concurrency?: number | undefined
  uploadMode?: UploadMode | undefined
  /** Directory of the digest map kept across runs; none = learn nothing across runs. */
  cacheDir?: string | undefined
  /** Upload blobs in PATCH chunks of this many bytes; 0 (default): whole, chunking only when refused. */
  chunkSize?: number | undefined
  /** Instead of cacheDir: a store that restores and keeps the map's directory (Actions cache). */
  digestMapStore?: DigestMapStore | undefined
  /** Where compressed layers are spooled before upload (RUNNER_TEMP in Actions). */
  spoolDir?: string | undefined
  logger?: Logger | undefined
}

export interface PushedImage extends ArtifactReport {
  /** registry/repository, e.g. ghcr.io/org/app */
  repository: string
  /** repository@digest */
  imageRef: string
  /** full references pushed: repository:tag */
  references: string[]
}

export interface PushResult {
  images: PushedImage[]
  bytesUploaded: number
  seconds: number
}

/** Push = copy(tarball → registry): read and validate the archive, then copy each image. */
export async function push(options: PushOptions): Promise<PushResult> {
  const logger = options.logger ?? silentLogger
  const started = Date.now()
  const extraCaPem = options.caFile ? await readCaFile(options.caFile) : undefined
  const source = await logger.group(`Reading ${options.tarball}`, () =>
    readArchive(options.tarball, { spoolDir: options.spoolDir }),
  )
  const spoolDir = await mkdtemp(join(options.spoolDir ?? tmpdir(), 'tar-push-layers-'))
  const clients = new Map<string, RegistryClient>()
  const store = options.digestMapStore ?? directoryStore(options.cacheDir)
  let digestMap: DigestMap | undefined
  const compression = options.compression ?? 'gzip'
  try {
    const targets = resolveTargets(source.entries, {
      image: options.image,
      tags: options.tags,
      sourceName: options.tarball,
    })
    const diffIds = diffIdsOf(source.entries.map((entry) => entry.artifact))
    const map = await DigestMap.load(await store.restore(diffIds))
    digestMap = map
    const images: PushedImage[] = []
    for (const target of targets) {
      const name = repositoryName(target.repository)
      const report = await logger.group(`Pushing ${name} (${target.tags.join(', ')})`, async () => {
        let client = clients.get(target.repository.registry)
        if (!client) {
          client = await connectRegistry(target.repository.registry, options, extraCaPem, logger)
          clients.set(target.repository.registry, client)
        }
        const repository = new RepositoryClient(client, target.repository.path)
        repository.chunkSize = options.chunkSize ?? 0
        const reusable = needsEncoding(target.entry.artifact, compression)
          ? await reusableLayers(repository, target.tags, logger)
          : undefined
        const session = new CopySession({
          repository,
          compression,
          level: options.compressionLevel,
          concurrency: options.concurrency,
          uploadMode: options.uploadMode,
          spoolDir,
          digestMap: map,
          reusable,
          logger,
        })
        return session.copy(target.entry.artifact, target.tags)
      })
      images.push({
        ...report,
        repository: name,
        imageRef: `${name}@${report.digest}`,
        references: target.tags.map((tag) => `${name}:${tag}`),
      })
    }
    const bytesUploaded = images.reduce((total, image) => total + image.bytesUploaded, 0)
    return { images, bytesUploaded, seconds: (Date.now() - started) / 1000 }
  } finally {
    // What was learned is kept even when the push failed half-way: the blobs are in the registry.
    await digestMap
      ?.save()
      .then((changed) => store.persist(changed))
      .catch((error: Error) => logger.warn(`could not keep the digest map: ${error.message}`))
    await Promise.all([...clients.values()].map((client) => client.close()))
    await rm(spoolDir, { recursive: true, force: true })
    await source.close()
  }
}

const needsEncoding = (artifact: Artifact, compression: Compression): boolean =>
  compression !== 'none' &&
  (artifact.kind === 'image' ? [artifact] : artifact.children).some((image) =>
    image.layers.some((layer) => layer.isTar && layer.compression === 'none'),
  )

/** The layers one of the target tags holds now (the first tag that exists). */
async function reusableLayers(
  repository: RepositoryClient,
  tags: readonly string[],
  logger: Logger,
): Promise<Map<string, RemoteLayer>> {
  for (const tag of tags) {
    const layers = await layersOfTag(repository, tag, logger)
    if (layers.size > 0) return layers
  }
  return new Map()
}

const diffIdsOf = (artifacts: readonly Artifact[]): string[] =>
  artifacts
    .flatMap((artifact) => (artifact.kind === 'image' ? [artifact] : artifact.children))
    .flatMap((image) => image.diffIds)
