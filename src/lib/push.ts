import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readArchive } from './archive/read.ts'
import { CopySession, type ArtifactReport, type UploadMode } from './copy.ts'
import { DigestMap, directoryStore, type DigestMapStore } from './digest-map.ts'
import type { Artifact, Compression } from './model.ts'
import { layersOfTag, type RemoteLayer } from './reuse.ts'
import { TarPushError } from './errors.ts'
import { silentLogger, type Logger } from './log.ts'
import { repositoryName } from './reference.ts'
import { RegistryClient } from './registry/client.ts'
import { DEFAULT_RETRY_POLICY } from './http/retry.ts'
import { resolveCredentials } from './registry/credentials.ts'
import { RepositoryClient } from './registry/repository.ts'
import { resolveTargets } from './targets.ts'

export interface PushOptions {
  tarball: string
  image?: string | undefined
  tags?: readonly string[] | undefined
  username?: string | undefined
  password?: string | undefined
  insecure?: boolean | undefined
  caFile?: string | undefined
  compression?: Compression | undefined
  compressionLevel?: number | undefined
  concurrency?: number | undefined
  uploadMode?: UploadMode | undefined
  /** Directory of the digest map kept across runs; none = learn nothing across runs. */
  cacheDir?: string | undefined
  /** Upload blobs in PATCH chunks of this many bytes; 0 (default): whole, chunking only when refused. */
  chunkSize?: number | undefined
  /** Retries of a failed request or upload (5xx, 429, resets, timeouts); default 4. */
  retries?: number | undefined
  /** First retry delay in ms, doubled each time (tests make it short); default 500. */
  retryBaseDelayMs?: number | undefined
  /** Connect, response and idle-body timeout in seconds; default 300 (connect at most 30). */
  timeoutSeconds?: number | undefined
  /** Instead of cacheDir: a store that restores and keeps the map's directory (Actions cache). */
  digestMapStore?: DigestMapStore | undefined
  /** Where compressed layers are spooled before upload (RUNNER_TEMP in Actions). */
  spoolDir?: string | undefined
  logger?: Logger | undefined
  env?: NodeJS.ProcessEnv | undefined
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

async function readCaFile(path: string): Promise<string> {
  const pem = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new TarPushError(
      'USAGE',
      `cannot read ca-file "${path}": ${error.code ?? error.message}`,
      { subject: path },
    )
  })
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new TarPushError('USAGE', `ca-file "${path}" holds no PEM certificate`, {
      subject: path,
      hint: 'pass a PEM file with one or more "BEGIN CERTIFICATE" blocks',
    })
  }
  return pem
}

/** Credentials as docker finds them, then the ping that learns scheme and auth. */
async function connectRegistry(
  registry: string,
  options: PushOptions,
  extraCaPem: string | undefined,
  logger: Logger,
): Promise<RegistryClient> {
  const { credentials, source } = await resolveCredentials({
    registry,
    username: options.username,
    password: options.password,
    env: options.env,
  })
  logger.info(`credentials for ${registry}: ${source}`)
  return RegistryClient.connect({
    registry,
    credentials,
    insecure: options.insecure,
    extraCaPem,
    logger,
    retryPolicy: {
      ...DEFAULT_RETRY_POLICY,
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.retryBaseDelayMs !== undefined ? { baseDelayMs: options.retryBaseDelayMs } : {}),
    },
    timeoutSeconds: options.timeoutSeconds,
  })
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
