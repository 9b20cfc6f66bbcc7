import { once } from 'node:events'
import { PassThrough, type Readable } from 'node:stream'
import { algorithmOf, digestIn, matchesDigest } from '../digest.ts'
import { TarPushError } from '../errors.ts'
import { transportError } from '../http/transport.ts'
import { JsonReader } from '../image/json.ts'
import { LIMITS } from '../image/limits.ts'
import { MANIFEST_ACCEPT, flavorOfManifest, isImageConfigMediaType } from '../image/media-types.ts'
import type { Descriptor, Image, ImageIndex, Platform, RawJson } from '../image/model.ts'
import { layersOf, parseManifest, readImageLayers, type ParsedManifest } from '../image/parse.ts'
import { formatPlatform, isRunnablePlatform, platformMatches } from '../image/platform.ts'
import type { ImageSource } from '../image/source.ts'
import type { Logger } from '../log.ts'
import { formatReference, type Reference } from '../reference.ts'
import type { RepositoryClient } from './repository.ts'

/** What a reference names in a registry, read and checked, its blobs not yet fetched. */
export interface RemoteArtifact {
  readonly reference: Reference
  /** Digest of the manifest the reference names (the index's, for a multi-platform image). */
  readonly referenceDigest: string
  /** One image (a platform chosen from an index), or the whole index with every member. */
  readonly artifact: Image | ImageIndex
}

/**
 * A registry as an image source: GETs the manifest with every type accepted, verifies each
 * document against the digest that names it, picks a platform from an index (or keeps them all),
 * and reads the configs. Layers are read later, as resumable blob GETs.
 */
export async function readRemoteArtifact(
  repository: RepositoryClient,
  reference: Reference,
  options: {
    /** One platform of an index; `all` keeps the index whole. */
    platform: Platform | 'all'
    /**
     * `platform` is only a default (the runner's, no --platform given): a single-platform image
     * of another platform is then taken with a warning, as docker pull takes it. Otherwise the
     * platform was asked for, and such an image is PLATFORM_NOT_FOUND, as with docker pull
     * --platform.
     */
    defaultPlatform?: boolean | undefined
    logger: Logger
  },
): Promise<RemoteArtifact> {
  const name = formatReference(reference)
  const top = await fetchManifest(repository, reference.digest ?? reference.tag ?? 'latest', name)
  if (reference.digest) verifyDigest(top, reference.digest, name)
  else if (top.registryDigest && algorithmOf(top.registryDigest) === 'sha256') {
    verifyDigest(top, top.registryDigest, name)
  }
  const parsed = parseRegistryManifest(top, name)
  const raw = { ...top, mediaType: parsed.mediaType }
  if (parsed.kind === 'image') {
    const image = await imageOf(repository, raw, parsed, name, undefined)
    const wanted = options.platform
    if (wanted !== 'all' && image.platform && !platformMatches(wanted, image.platform)) {
      const offered = formatPlatform(image.platform)
      if (!options.defaultPlatform) {
        throw new TarPushError(
          'PLATFORM_NOT_FOUND',
          `${name} has no image for ${formatPlatform(wanted)}; it has ${offered} (a single-platform image)`,
          {
            subject: name,
            hint: `ask for ${offered} with platform (--platform ${offered}), or leave platform out to take the image whatever its platform`,
          },
        )
      }
      options.logger.warn(
        `${name} is a single-platform image for ${offered}, not ${formatPlatform(wanted)} (this machine's); pulling it anyway`,
      )
    }
    return { reference, referenceDigest: top.digest, artifact: image }
  }
  if (options.platform !== 'all') {
    const chosen = choosePlatform(parsed.manifests, options.platform, name)
    const image = await memberImage(
      repository,
      chosen,
      `${name} (${formatPlatform(chosen.platform!)})`,
      name,
    )
    return { reference, referenceDigest: top.digest, artifact: image }
  }
  const children: Image[] = []
  for (const member of parsed.manifests) {
    children.push(await memberImage(repository, member, `${name}@${member.digest}`, name))
  }
  const index: ImageIndex = { kind: 'index', manifest: raw, children }
  return { reference, referenceDigest: top.digest, artifact: index }
}

/** The entries of a remote artifact as an image source (for the engine). */
export function remoteSource(remote: RemoteArtifact): ImageSource {
  const { reference } = remote
  return {
    name: formatReference(reference),
    entries: [{ refs: reference.tag ? [reference.tag] : [], artifact: remote.artifact }],
    close: async () => {},
  }
}

async function memberImage(
  repository: RepositoryClient,
  descriptor: Descriptor,
  label: string,
  name: string,
): Promise<Image> {
  const child = await fetchManifest(repository, descriptor.digest, label)
  verifyDigest(child, descriptor.digest, name)
  if (child.bytes.length !== descriptor.size) {
    throw mismatch(
      name,
      `its ${descriptor.digest} manifest is ${child.bytes.length} bytes, the index says ${descriptor.size}`,
    )
  }
  const parsed = parseRegistryManifest(child, name)
  if (parsed.kind !== 'image') {
    throw unsupported(name, `the index entry ${descriptor.digest} is not an image manifest`)
  }
  return imageOf(
    repository,
    { ...child, mediaType: parsed.mediaType },
    parsed,
    name,
    descriptor.platform,
  )
}

async function imageOf(
  repository: RepositoryClient,
  manifest: RawJson,
  parsed: Extract<ParsedManifest, { kind: 'image' }>,
  name: string,
  indexPlatform: Platform | undefined,
): Promise<Image> {
  const config = await fetchConfig(repository, parsed.config, name)
  const image = readImageLayers(
    registryJson(`${name}: config ${config.digest}`),
    config,
    parsed.layers,
    name,
  )
  const diffIds = image?.diffIds ?? []
  const layers = layersOf(parsed.layers, image, (descriptor) => ({
    origin: repository.client.resolve(`/v2/${repository.path}/blobs/${descriptor.digest}`),
    size: descriptor.size,
    remote: true,
    open: async () => openRemoteBlob(repository, descriptor),
  }))
  return {
    kind: 'image',
    flavor: flavorOfManifest(manifest.mediaType),
    config,
    diffIds,
    layers,
    manifest,
    platform: image?.platform ?? indexPlatform,
  }
}

/** Whether an image is a container image (its config an image config), not another artifact. */
export const isContainerImage = (image: Image): boolean =>
  isImageConfigMediaType(image.config.mediaType)

/**
 * A blob's bytes as one stream, resumed where it stopped when the connection breaks (a Range
 * request; a registry that ignores Range sends the whole blob again and what we have is skipped).
 * The engine's verifier checks what comes out; this only counts bytes.
 */
function openRemoteBlob(repository: RepositoryClient, descriptor: Descriptor): Readable {
  const url = repository.client.resolve(`/v2/${repository.path}/blobs/${descriptor.digest}`)
  const output = new PassThrough({ highWaterMark: 1024 * 1024 })
  let offset = 0
  const pump = async () => {
    await repository.client.withRetries(`GET ${url}`, async () => {
      const response = await repository.openBlob(descriptor.digest, offset)
      let skip = offset > 0 && response.statusCode === 200 ? offset : 0
      try {
        for await (const received of response.body as AsyncIterable<Buffer>) {
          if (output.destroyed) throw stopped()
          let chunk = received
          if (skip > 0) {
            const dropped = Math.min(skip, chunk.length)
            skip -= dropped
            chunk = chunk.subarray(dropped)
            if (chunk.length === 0) continue
          }
          if (offset + chunk.length > descriptor.size) {
            throw new TarPushError(
              'BLOB_DIGEST_MISMATCH',
              `the blob ${descriptor.digest} from ${url} is more than ${descriptor.size} bytes, the size its descriptor says`,
              { subject: url, hint: 'the registry serves a corrupt blob; push the image again' },
            )
          }
          offset += chunk.length
          if (!output.write(chunk))
            await Promise.race([once(output, 'drain'), once(output, 'close')])
        }
      } catch (error) {
        response.body.destroy()
        throw transportError(error, 'GET', url)
      }
      if (offset < descriptor.size) {
        throw new TarPushError(
          'NETWORK_ERROR',
          `GET ${url} ended after ${offset} of ${descriptor.size} bytes`,
          { subject: url, hint: 'the connection broke off; try again', retryable: true },
        )
      }
    })
  }
  pump().then(
    () => output.end(),
    (error: unknown) => output.destroy(error as Error),
  )
  return output
}

/** The consumer went away (a failed check elsewhere, a cancel): not something to retry. */
const stopped = (): TarPushError =>
  new TarPushError('NETWORK_ERROR', 'the download was stopped', { retryable: false })

async function fetchManifest(
  repository: RepositoryClient,
  reference: string,
  name: string,
): Promise<RawJson & { registryDigest: string | undefined }> {
  const manifest = await repository.getManifest(reference, MANIFEST_ACCEPT, LIMITS.manifestBytes)
  if (!manifest) {
    throw new TarPushError(
      'IMAGE_NOT_FOUND',
      `${name}: the registry has no manifest "${reference}"`,
      {
        subject: name,
        hint: 'check the repository name and the tag or digest (and that the credentials may read it)',
      },
    )
  }
  return manifest
}

/** The digest that names a document must be the hash of its bytes, in that digest's algorithm. */
function verifyDigest(document: RawJson, expected: string, name: string): void {
  if (!matchesDigest(document.bytes, expected)) {
    const actual = digestIn(algorithmOf(expected), document.bytes)
    throw mismatch(name, `the manifest's bytes hash to ${actual}, not ${expected}`)
  }
}

function mismatch(name: string, what: string): TarPushError {
  return new TarPushError('MANIFEST_DIGEST_MISMATCH', `${name}: ${what}`, {
    subject: name,
    hint: 'the registry (or a proxy in between) altered the manifest; do not trust this image',
  })
}

function unsupported(name: string, what: string): TarPushError {
  return new TarPushError('MANIFEST_UNSUPPORTED', `${name}: ${what}`, {
    subject: name,
    hint: 'pull it with format oci (--format oci), which copies any OCI artifact as it is',
  })
}

const registryJson = (document: string): JsonReader =>
  new JsonReader(
    document,
    'REGISTRY_ERROR',
    'the registry holds a malformed image (or is not a registry); push the image again',
  )

function parseRegistryManifest(raw: RawJson, name: string): ParsedManifest {
  return parseManifest(registryJson(`${name}: manifest ${raw.digest}`), raw.bytes, {
    outerMediaType: raw.mediaType,
    name,
  })
}

function choosePlatform(
  manifests: readonly Descriptor[],
  wanted: Platform,
  name: string,
): Descriptor {
  const runnable = manifests.filter((entry) => isRunnablePlatform(entry.platform))
  const chosen = runnable.find((entry) => platformMatches(wanted, entry.platform!))
  if (!chosen) {
    const offered = [...new Set(runnable.map((entry) => formatPlatform(entry.platform!)))]
    throw new TarPushError(
      'PLATFORM_NOT_FOUND',
      `${name} has no image for ${formatPlatform(wanted)}; it has ${offered.length > 0 ? offered.join(', ') : 'no runnable platform'}`,
      { subject: name, hint: 'choose one of those with platform (--platform os/arch[/variant])' },
    )
  }
  return chosen
}

async function fetchConfig(
  repository: RepositoryClient,
  descriptor: Descriptor,
  name: string,
): Promise<RawJson> {
  if (descriptor.size > LIMITS.configBytes) {
    throw unsupported(
      name,
      `its config is ${descriptor.size} bytes, more than ${LIMITS.configBytes}`,
    )
  }
  const bytes = await repository.getBlobBytes(descriptor.digest, descriptor.size)
  if (!bytes || bytes.length !== descriptor.size) {
    throw new TarPushError(
      'BLOB_DIGEST_MISMATCH',
      `${name}: the config blob ${descriptor.digest} is missing or does not match its digest and size`,
      {
        subject: descriptor.digest,
        hint: 'the registry lost or altered the blob; push the image again',
      },
    )
  }
  return { bytes, digest: descriptor.digest, mediaType: descriptor.mediaType }
}
