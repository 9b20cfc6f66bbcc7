import { createHash } from 'node:crypto'
import { algorithmOf, assertDigest } from '../digest.ts'
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

type ManifestKind = 'index' | 'image' | 'schema1'

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
  const topKind = kindOf(top, name)
  let manifest: RawJson = top
  let indexPlatform: Platform | undefined
  if (topKind === 'index') {
    const chosen = choosePlatform(top, options.platform ?? runnerPlatform(), name)
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
    if (kindOf(child, name) !== 'image') {
      throw unsupported(name, `the index entry ${chosen.digest} is not an image manifest`)
    }
    manifest = child
  }
  manifest = { ...manifest, mediaType: imageManifestType(manifest, name) }
  const parsed = parseImageManifest(manifest, name)
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
    topKind === 'image' &&
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
    manifest,
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

function parseJson(document: RawJson, name: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(document.bytes.toString('utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // reported below
  }
  throw new TarPushError(
    'REGISTRY_ERROR',
    `${name}: the manifest ${document.digest} is not a JSON object`,
    {
      subject: name,
      hint: 'the registry sent something that is not an image manifest',
    },
  )
}

/** Dispatch on Content-Type; registries that answer application/json leave the body's own mediaType. */
function kindOf(document: RawJson, name: string): ManifestKind {
  const json = parseJson(document, name)
  const declared = typeof json['mediaType'] === 'string' ? json['mediaType'] : undefined
  const mediaType = isManifestType(document.mediaType) ? document.mediaType : declared
  switch (mediaType) {
    case MediaType.ociIndex:
    case MediaType.dockerManifestList:
      return 'index'
    case MediaType.ociManifest:
    case MediaType.dockerManifest:
      return 'image'
    case MediaType.dockerSchema1:
    case MediaType.dockerSchema1Signed:
      break
    default:
      if (json['schemaVersion'] === 2 && Array.isArray(json['manifests'])) return 'index'
      if (json['schemaVersion'] === 2 && json['config'] && Array.isArray(json['layers']))
        return 'image'
      if (json['schemaVersion'] !== 1) {
        throw unsupported(
          name,
          `its manifest has the unknown media type "${mediaType ?? document.mediaType}"`,
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
function imageManifestType(manifest: RawJson, name: string): string {
  if (isManifestType(manifest.mediaType)) return manifest.mediaType
  const declared = parseJson(manifest, name)['mediaType']
  return declared === MediaType.dockerManifest ? MediaType.dockerManifest : MediaType.ociManifest
}

const isManifestType = (mediaType: string): boolean =>
  (MANIFEST_ACCEPT as readonly string[]).includes(mediaType)

function choosePlatform(index: RawJson, wanted: Platform, name: string): Descriptor {
  const json = parseJson(index, name)
  const entries = (json['manifests'] as unknown[]).map((entry, position) =>
    parseDescriptor(entry, `${name}: manifests[${position}]`),
  )
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

function parseDescriptor(value: unknown, where: string): Descriptor {
  const entry = (value ?? {}) as Record<string, unknown>
  const size = entry['size']
  if (
    typeof entry['mediaType'] !== 'string' ||
    typeof size !== 'number' ||
    !Number.isSafeInteger(size) ||
    size < 0
  ) {
    throw new TarPushError('REGISTRY_ERROR', `${where} is not a valid descriptor`, {
      subject: where,
      hint: 'the registry holds a malformed manifest; push the image again',
    })
  }
  return {
    ...(entry as unknown as Descriptor),
    digest: assertDigest(entry['digest'], where),
  }
}

function parseImageManifest(
  manifest: RawJson,
  name: string,
): { config: Descriptor; layers: Descriptor[] } {
  const json = parseJson(manifest, name)
  if (!Array.isArray(json['layers'])) {
    throw unsupported(name, 'its manifest has no layers list')
  }
  return {
    config: parseDescriptor(json['config'], `${name}: config`),
    layers: json['layers'].map((layer, position) =>
      parseDescriptor(layer, `${name}: layers[${position}]`),
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
  let json: Record<string, unknown>
  try {
    json = JSON.parse(config.bytes.toString('utf8')) as Record<string, unknown>
  } catch {
    throw unsupported(name, `its config ${config.digest} is not JSON`)
  }
  const rootfs = (json['rootfs'] ?? {}) as { diff_ids?: unknown }
  if (!Array.isArray(rootfs.diff_ids)) throw unsupported(name, 'its config has no rootfs.diff_ids')
  const diffIds = rootfs.diff_ids.map((diffId, position) =>
    assertDigest(diffId, `${name}: config rootfs.diff_ids[${position}]`),
  )
  const platform =
    typeof json['os'] === 'string' && typeof json['architecture'] === 'string'
      ? {
          os: json['os'],
          architecture: json['architecture'],
          ...(typeof json['variant'] === 'string' && json['variant']
            ? { variant: json['variant'] }
            : {}),
          ...(typeof json['os.version'] === 'string' && json['os.version']
            ? { 'os.version': json['os.version'] }
            : {}),
        }
      : undefined
  return { diffIds, platform, isContainerImage: true }
}
