import { createHash } from 'node:crypto'
import { algorithmOf } from '../digest.ts'
import { readDescriptor, readImageConfig } from '../image-json.ts'
import { JsonReader } from '../json.ts'
import { TarPushError } from '../errors.ts'
import type { Logger } from '../log.ts'
import { MediaType, type Descriptor, type Platform, type RawJson } from '../model.ts'
import { formatPlatform, isRunnablePlatform, platformMatches, runnerPlatform } from '../platform.ts'
import { formatReference, type Reference } from '../reference.ts'
import type { RepositoryClient } from '../registry/repository.ts'

/** Every manifest type we read; schema 1 is listed so that it is recognised and refused. */
export const MANIFEST_ACCEPT = [
  MediaType.ociIndex,
  MediaType.dockerManifestList,
  MediaType.ociManifest,
  MediaType.dockerManifest,
  MediaType.dockerSchema1Signed,
  MediaType.dockerSchema1,
] as const

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024
const MAX_CONFIG_BYTES = 16 * 1024 * 1024

/** One image as a registry holds it, its manifest and config bytes exactly as served. */
export interface RemoteImage {
  /** The image as asked for (tag or digest). */
  readonly reference: Reference
  /** Digest of the manifest the reference names (the index's, for a multi-platform image). */
  readonly referenceDigest: string
  /** The image manifest chosen (for an index: the platform's member). */
  readonly manifest: RawJson
  readonly config: RawJson
  readonly configDescriptor: Descriptor
  readonly layers: readonly Descriptor[]
  /** From the config's rootfs.diff_ids; empty when the config is not an image config. */
  readonly diffIds: readonly string[]
  /** From the config (os, architecture, variant), else from the index entry. */
  readonly platform: Platform | undefined
  /** Whether the config is a container image config (not another OCI artifact). */
  readonly isContainerImage: boolean
}

/** A manifest as served, parsed once; `json` names it in errors. */
interface Manifest {
  readonly raw: RawJson
  readonly json: JsonReader
  readonly body: Record<string, unknown>
  readonly kind: 'index' | 'image'
}

/**
 * Resolves a reference to one image: GETs its manifest with every type accepted, dispatches on
 * the type, picks the platform from an index, and reads the config. Each document is verified
 * against the digest that names it.
 */
export async function resolveImage(
  repository: RepositoryClient,
  reference: Reference,
  options: { platform?: Platform | undefined; logger: Logger },
): Promise<RemoteImage> {
  const name = formatReference(reference)
  const top = await fetchManifest(repository, reference.digest ?? reference.tag ?? 'latest', name)
  if (reference.digest) verifyDigest(top, reference.digest, name)
  else if (top.registryDigest && algorithmOf(top.registryDigest) === 'sha256') {
    verifyDigest(top, top.registryDigest, name)
  }
  const topManifest = parseManifest(top, name)
  let manifest = topManifest
  let indexPlatform: Platform | undefined
  if (topManifest.kind === 'index') {
    const chosen = choosePlatform(topManifest, options.platform ?? runnerPlatform(), name)
    indexPlatform = chosen.platform
    const child = await fetchManifest(
      repository,
      chosen.digest,
      `${name} (${formatPlatform(chosen.platform!)})`,
    )
    verifyDigest(child, chosen.digest, name)
    if (child.bytes.length !== chosen.size) {
      throw mismatch(
        name,
        `its ${chosen.digest} manifest is ${child.bytes.length} bytes, the index says ${chosen.size}`,
      )
    }
    manifest = parseManifest(child, name)
    if (manifest.kind !== 'image') {
      throw unsupported(name, `the index entry ${chosen.digest} is not an image manifest`)
    }
  }
  const parsed = imageParts(manifest, name)
  const config = await fetchConfig(repository, parsed.config, name)
  const image = parseConfig(config, name)
  if (image.isContainerImage && image.diffIds.length !== parsed.layers.length) {
    throw unsupported(
      name,
      `its config lists ${image.diffIds.length} diff_ids for ${parsed.layers.length} layers`,
    )
  }
  const platform = image.platform ?? indexPlatform
  if (
    topManifest.kind === 'image' &&
    options.platform &&
    platform &&
    !platformMatches(options.platform, platform)
  ) {
    options.logger.warn(
      `${name} is a single-platform image for ${formatPlatform(platform)}, not ${formatPlatform(options.platform)}; pulling it anyway`,
    )
  }
  return {
    reference,
    referenceDigest: top.digest,
    manifest: { ...manifest.raw, mediaType: imageManifestType(manifest) },
    config,
    configDescriptor: parsed.config,
    layers: parsed.layers,
    diffIds: image.diffIds,
    platform,
    isContainerImage: image.isContainerImage,
  }
}

async function fetchManifest(
  repository: RepositoryClient,
  reference: string,
  name: string,
): Promise<RawJson & { registryDigest: string | undefined }> {
  const manifest = await repository.getManifest(reference, MANIFEST_ACCEPT, MAX_MANIFEST_BYTES)
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
  const algorithm = algorithmOf(expected)
  const actual = `${algorithm}:${createHash(algorithm).update(document.bytes).digest('hex')}`
  if (actual !== expected)
    throw mismatch(name, `the manifest's bytes hash to ${actual}, not ${expected}`)
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

/** Parses a manifest once and tells its kind from Content-Type, else from its own mediaType. */
function parseManifest(raw: RawJson, name: string): Manifest {
  const json = registryJson(`${name}: manifest ${raw.digest}`)
  const body = json.object(json.parse(raw.bytes), '')
  const declared = typeof body['mediaType'] === 'string' ? body['mediaType'] : undefined
  const mediaType = isManifestType(raw.mediaType) ? raw.mediaType : declared
  switch (mediaType) {
    case MediaType.ociIndex:
    case MediaType.dockerManifestList:
      return { raw, json, body, kind: 'index' }
    case MediaType.ociManifest:
    case MediaType.dockerManifest:
      return { raw, json, body, kind: 'image' }
    case MediaType.dockerSchema1:
    case MediaType.dockerSchema1Signed:
      break
    default:
      if (body['schemaVersion'] === 2 && Array.isArray(body['manifests']))
        return { raw, json, body, kind: 'index' }
      if (body['schemaVersion'] === 2 && body['config'] && Array.isArray(body['layers']))
        return { raw, json, body, kind: 'image' }
      if (body['schemaVersion'] !== 1) {
        throw unsupported(
          name,
          `its manifest has the unknown media type "${mediaType ?? raw.mediaType}"`,
        )
      }
  }
  throw new TarPushError(
    'MANIFEST_UNSUPPORTED',
    `${name} is a Docker schema 1 manifest, which is deprecated and not supported`,
    {
      subject: name,
      hint: 'push the image again with a current docker, buildx, skopeo or tar-push (they write schema 2 or OCI)',
    },
  )
}

/** The manifest's type as a layout's descriptor must state it (never a generic application/json). */
function imageManifestType(manifest: Manifest): string {
  if (isManifestType(manifest.raw.mediaType)) return manifest.raw.mediaType
  return manifest.body['mediaType'] === MediaType.dockerManifest
    ? MediaType.dockerManifest
    : MediaType.ociManifest
}

const isManifestType = (mediaType: string): boolean =>
  (MANIFEST_ACCEPT as readonly string[]).includes(mediaType)

function choosePlatform(index: Manifest, wanted: Platform, name: string): Descriptor {
  const entries = index.json
    .array(index.body['manifests'], 'manifests')
    .map((entry, position) => readDescriptor(index.json, entry, `manifests[${position}]`))
  const runnable = entries.filter((entry) => isRunnablePlatform(entry.platform))
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

function imageParts(
  manifest: Manifest,
  name: string,
): { config: Descriptor; layers: Descriptor[] } {
  const { json, body } = manifest
  if (!Array.isArray(body['layers'])) throw unsupported(name, 'its manifest has no layers list')
  return {
    config: readDescriptor(json, body['config'], 'config'),
    layers: body['layers'].map((layer, position) =>
      readDescriptor(json, layer, `layers[${position}]`),
    ),
  }
}

async function fetchConfig(
  repository: RepositoryClient,
  descriptor: Descriptor,
  name: string,
): Promise<RawJson> {
  if (descriptor.size > MAX_CONFIG_BYTES) {
    throw unsupported(name, `its config is ${descriptor.size} bytes, more than ${MAX_CONFIG_BYTES}`)
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

const IMAGE_CONFIG_TYPES = new Set<string>([MediaType.ociConfig, MediaType.dockerConfig])

function parseConfig(
  config: RawJson,
  name: string,
): { diffIds: string[]; platform: Platform | undefined; isContainerImage: boolean } {
  if (!IMAGE_CONFIG_TYPES.has(config.mediaType)) {
    return { diffIds: [], platform: undefined, isContainerImage: false }
  }
  const json = registryJson(`${name}: config ${config.digest}`)
  const body = json.object(json.parse(config.bytes), '')
  if (!Array.isArray(json.object(body['rootfs'], 'rootfs')['diff_ids'])) {
    throw unsupported(name, 'its config has no rootfs.diff_ids')
  }
  return { ...readImageConfig(json, body), isContainerImage: true }
}
