import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { archiveName } from './archive/open.ts'
import { readArchive } from './archive/read.ts'
import type { ArtifactReport, UploadMode } from './engine/copy.ts'
import { DigestMap, directoryStore, type DigestMapStore } from './engine/digest-map.ts'
import type { LayerChecks } from './engine/verify.ts'
import type { Artifact, Compression, Image, SourceEntry } from './image/model.ts'
import type { ImageSource } from './image/source.ts'
import { silentLogger, type Logger } from './log.ts'
import type { ProgressListener } from './progress.ts'
import { parseReference, repositoryName, type Reference } from './reference.ts'
import type { RegistryClient } from './registry/client.ts'
import type { ConnectOptions } from './registry/connect.ts'
import { checkTargetOptions, resolveTargets, type ImageMapping } from './targets.ts'
import { TarPushError } from './errors.ts'
import { formatPlatform } from './image/platform.ts'
import { expandPaths, temporaryDirectory } from './paths.ts'
import { dismissSpareWorker, prestartWorker } from './eval-worker.ts'
import { WORKER_WORTH_BYTES } from './hash-thread.ts'
import { availableParallelism } from 'node:os'

export interface PushOptions extends ConnectOptions {
  /**
   * The tarball, or several (paths or globs): then each holds one single-platform image, and
   * they are pushed together under one index.
   */
  tarball: string | readonly string[]
  image?: string | undefined
  tags?: readonly string[] | undefined
  /** Registry (and namespace) the tarball's own names are moved to: ghcr.io/org. */
  registry?: string | undefined
  /** SOURCE => TARGET names for the images of a multi-image tarball. */
  images?: readonly ImageMapping[] | undefined
  /** Push only the image of the tarball carrying this name. */
  select?: string | undefined
  /** Repositories of the target registry to mount blobs from before uploading them. */
  mountFrom?: readonly string[] | undefined
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
  /** Byte counts of uploads, for a progress display (the CLI on a terminal). */
  progress?: ProgressListener | undefined
  /** Stops the push at once (Ctrl-C, a cancelled job): nothing is tagged, temp files go. */
  signal?: AbortSignal | undefined
  /** Told each `name:tag` as soon as it is set. */
  onTagged?: ((reference: string) => void) | undefined
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
  const extraCaPem = options.caFile
    ? await (await loadRegistryParts()).readCaFile(options.caFile)
    : undefined
  const paths = await expandTarballs(options.tarball)
  if (paths.length > 1 && (options.images?.length || options.select !== undefined)) {
    throw new TarPushError('USAGE', 'images and select apply to one tarball, not to several', {
      hint: 'several tarballs are the platforms of one image, pushed under one index',
    })
  }
  const targetOptions = {
    image: options.image,
    tags: options.tags,
    registry: options.registry,
    mappings: options.images,
    select: options.select,
  }
  // A wrong flag fails before a tarball (maybe a pipe) is read.
  checkTargetOptions(targetOptions)
  const sources: ImageSource[] = []
  const spoolDir = await mkdtemp(join(options.spoolDir ?? temporaryDirectory(), 'tar-push-layers-'))
  const clients = new Map<string, RegistryClient>()
  const store = options.digestMapStore ?? directoryStore(options.cacheDir)
  let digestMap: DigestMap | undefined
  let layerChecks: LayerChecks | undefined
  const compression = options.compression ?? 'gzip'
  try {
    for (const path of paths) {
      sources.push(
        await logger.group(`Reading ${archiveName(path)}`, () =>
          readArchive(path, { spoolDir: options.spoolDir, signal: options.signal }),
        ),
      )
    }
    const entries = sources.length === 1 ? sources[0]!.entries : [platformSetOf(sources)]
    const targets = resolveTargets(entries, {
      ...targetOptions,
      sourceName: paths.map(archiveName).join(', '),
    })
    for (const entry of entries) {
      if (!targets.some((target) => target.entry === entry))
        logger.info(`not pushed (select or images leave it out): ${entry.refs.join(', ')}`)
    }
    // Big layers need a second thread whatever the registry holds: uncompressed ones to deflate
    // what it lacks or to hash where they lie what it has, gzip ones for the diff_id check. It
    // starts while the registry is asked which.
    if (
      availableParallelism() > 1 &&
      bytesForSecondThread(entries, compression) >= WORKER_WORTH_BYTES
    )
      prestartWorker()
    const registry = await loadRegistryParts()
    const diffIds = diffIdsOf(entries.map((entry) => entry.artifact))
    const map = await DigestMap.load(await store.restore(diffIds))
    digestMap = map
    // One set of checks for every target: a layer several of them hold is hashed once.
    const checks = new registry.LayerChecks(options.signal)
    layerChecks = checks
    const images: PushedImage[] = []
    for (const target of targets) {
      const name = repositoryName(target.repository)
      const report = await logger.group(`Pushing ${name} (${target.tags.join(', ')})`, async () => {
        let client = clients.get(target.repository.registry)
        if (!client) {
          client = await registry.connectRegistry(
            target.repository.registry,
            options,
            extraCaPem,
            logger,
          )
          clients.set(target.repository.registry, client)
        }
        const repository = new registry.RepositoryClient(client, target.repository.path)
        repository.chunkSize = options.chunkSize ?? 0
        const mountFrom = mountSources(options.mountFrom, target.repository.registry)
        const reusable = needsEncoding(target.entry.artifact, compression)
          ? await registry.reusableLayers(repository, target.tags, mountFrom, logger)
          : undefined
        return registry.copyArtifact(target.entry.artifact, target.tags, {
          sink:
            target.digest === undefined
              ? new registry.RegistrySink(repository)
              : new registry.DigestCheckedSink(
                  repository,
                  target.entry.artifact,
                  target.digest,
                  name,
                ),
          compression,
          level: options.compressionLevel,
          concurrency: options.concurrency,
          uploadMode: options.uploadMode,
          spoolDir,
          digestMap: map,
          layerChecks: checks,
          knownBlob:
            reusable && ((diffId, encoding) => reusable.get(registry.reuseKey(diffId, encoding))),
          mountFrom: mountFrom.map((source) => source.path),
          logger,
          progress: options.progress,
          signal: options.signal,
          onTagged: options.onTagged,
        })
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
    layerChecks?.stop()
    // What was learned is kept even when the push failed half-way: the blobs are in the registry.
    await digestMap
      ?.save()
      .then((changed) => store.persist(changed))
      .catch((error: Error) => logger.warn(`could not keep the digest map: ${error.message}`))
    dismissSpareWorker()
    await Promise.all([...clients.values()].map((client) => client.close()))
    await rm(spoolDir, { recursive: true, force: true })
    await Promise.all(sources.map((source) => source.close()))
  }
}

/**
 * The engine, the registry client and HTTP, loaded once the tarballs are read: a wrong path or a
 * broken tarball fails without paying for them (start-up time of the CLI).
 */
const loadRegistryParts = () => import('./push-registry.ts')

/** Tarball paths, globs expanded (sorted, so the index lists platforms in a stable order). */
async function expandTarballs(tarball: string | readonly string[]): Promise<string[]> {
  const paths = await expandPaths(
    typeof tarball === 'string' ? [tarball] : tarball,
    'file',
    'TARBALL_NOT_FOUND',
  )
  if (paths.length === 0)
    throw new TarPushError('USAGE', 'no tarball given', { hint: 'pass the path of a tarball' })
  return paths
}

/**
 * Several tarballs make one multi-platform image: each must hold one image whose config names
 * its platform, no platform twice; their names together name the index.
 */
function platformSetOf(sources: readonly ImageSource[]): SourceEntry {
  const children: Image[] = []
  const seen = new Map<string, string>()
  for (const source of sources) {
    const [entry, ...others] = source.entries
    if (!entry || others.length > 0 || entry.artifact.kind !== 'image') {
      const what =
        entry?.artifact.kind === 'index'
          ? 'a multi-platform index'
          : `${source.entries.length} images`
      throw new TarPushError(
        'USAGE',
        `${source.name} holds ${what}; each of several tarballs must hold one single-platform image`,
        {
          subject: source.name,
          hint: 'push a multi-image or multi-platform tarball on its own',
        },
      )
    }
    const platform = entry.artifact.platform
    if (!platform) {
      throw new TarPushError(
        'USAGE',
        `the image config in ${source.name} names no os and architecture`,
        {
          subject: source.name,
          hint: 'each member of a multi-platform image needs its platform in its config',
        },
      )
    }
    const name = formatPlatform(platform)
    const earlier = seen.get(name)
    if (earlier) {
      throw new TarPushError(
        'DUPLICATE_PLATFORM',
        `${earlier} and ${source.name} are both ${name}`,
        {
          subject: source.name,
          hint: 'pass one tarball per platform',
        },
      )
    }
    seen.set(name, source.name)
    children.push(entry.artifact)
  }
  const refs = [...new Set(sources.flatMap((source) => source.entries[0]!.refs))]
  return { refs, artifact: { kind: 'platforms', children } }
}

/** The `mount-from` references on one registry; those of other registries are for other targets. */
function mountSources(mountFrom: readonly string[] | undefined, registry: string): Reference[] {
  return (mountFrom ?? [])
    .map((name) => parseReference(name))
    .filter((reference) => reference.registry === registry)
}

const needsEncoding = (artifact: Artifact, compression: Compression): boolean =>
  compression !== 'none' &&
  imagesOf([artifact]).some((image) =>
    image.layers.some((layer) => layer.isTar && layer.compression === 'none'),
  )

/** Bytes of the local tar layers that a second thread would deflate, hash or decode. */
const bytesForSecondThread = (entries: readonly SourceEntry[], compression: Compression): number =>
  imagesOf(entries.map((entry) => entry.artifact))
    .flatMap((image) => image.layers)
    .filter(
      (layer) =>
        layer.isTar &&
        !layer.content.remote &&
        (layer.compression === 'gzip' || (layer.compression === 'none' && compression === 'gzip')),
    )
    .reduce((sum, layer) => sum + layer.content.size, 0)

const imagesOf = (artifacts: readonly Artifact[]): Image[] =>
  artifacts.flatMap((artifact) => (artifact.kind === 'image' ? [artifact] : artifact.children))

const diffIdsOf = (artifacts: readonly Artifact[]): string[] =>
  imagesOf(artifacts).flatMap((image) => image.diffIds)
