import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readArchive } from './archive/read.ts'
import { CopySession, type ArtifactReport } from './copy.ts'
import { TarPushError } from './errors.ts'
import { silentLogger, type Logger } from './log.ts'
import type { Compression } from './model.ts'
import { repositoryName } from './reference.ts'
import { RegistryClient } from './registry/client.ts'
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
  try {
    const targets = resolveTargets(source.entries, {
      image: options.image,
      tags: options.tags,
      sourceName: options.tarball,
    })
    const images: PushedImage[] = []
    for (const target of targets) {
      const name = repositoryName(target.repository)
      const report = await logger.group(`Pushing ${name} (${target.tags.join(', ')})`, async () => {
        let client = clients.get(target.repository.registry)
        if (!client) {
          const { credentials, source: credentialSource } = await resolveCredentials({
            registry: target.repository.registry,
            username: options.username,
            password: options.password,
            env: options.env,
          })
          logger.info(`credentials for ${target.repository.registry}: ${credentialSource}`)
          client = await RegistryClient.connect({
            registry: target.repository.registry,
            credentials,
            insecure: options.insecure,
            extraCaPem,
            logger,
          })
          clients.set(target.repository.registry, client)
        }
        const session = new CopySession({
          repository: new RepositoryClient(client, target.repository.path),
          compression: options.compression ?? 'gzip',
          level: options.compressionLevel,
          concurrency: options.concurrency,
          spoolDir,
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
