/**
 * What particular registries need beyond the distribution spec, in one place. Each entry names
 * the registry, what it does and what tar-push does about it. A registry recognised by its host
 * gets its settings up front (`quirksFor`); everything else is met by reacting to its answers
 * wherever a self-hosted or fronted registry can show the same behaviour under any name (a
 * 405/416/501 on a monolithic PUT moves to PATCH; a 413 or 416 on a body moves to chunks; a 400
 * or 411 on a streamed body moves to spooled bodies with a length; a refused mount uploads).
 */
import { hasDockerLayerType } from '../image/media-types.ts'
import type { Compression } from '../image/model.ts'

export interface RegistryQuirks {
  /** Never send a body with Transfer-Encoding: chunked (compress to a spool file first). */
  contentLengthRequired: boolean
  /** Smallest chunk the registry takes, when chunking (the last chunk may be shorter). */
  minChunkSize: number
  /** Upload as POST, then PATCH the bytes, then PUT ?digest= — never one monolithic PUT. */
  patchUploads: boolean
  /** Uncompressed layers must not carry the Docker media type (`rootfs.diff.tar`). */
  refusesUncompressedDockerLayers: boolean
}

export interface KnownQuirk {
  /** The registry, as its operators name it. */
  registry: string
  /** Its hosts, where they tell it; absent where it runs under any name (self-hosted, fronted). */
  hosts?: RegExp
  /** What it does that the distribution spec does not say (or says otherwise). */
  quirk: string
  /** What tar-push does about it, and where. */
  handling: string
  /** Settings for a registry recognised by `hosts`. */
  settings?: Partial<RegistryQuirks>
}

const MiB = 1024 * 1024

/** Chunk size when a registry refuses a body as too large and says nothing of its limit. */
export const FALLBACK_CHUNK_SIZE = 16 * MiB

export const KNOWN_QUIRKS: readonly KnownQuirk[] = [
  {
    registry: 'GitHub Container Registry',
    hosts: /^ghcr\.io$/,
    quirk: 'refuses a large PATCH body with 416 Range Not Satisfiable',
    handling:
      'a 416 on a body sends the blob again in chunks of FALLBACK_CHUNK_SIZE (repository.ts)',
  },
  {
    registry: 'Cloudflare-fronted registries',
    quirk: 'the proxy caps a request body at about 100 MB and answers 413',
    handling:
      'a 413 on a body sends the blob again in chunks of FALLBACK_CHUNK_SIZE (repository.ts)',
  },
  {
    registry: 'Amazon ECR',
    hosts: /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/,
    quirk:
      'takes upload parts of at least 5 MiB (but the last); answers 404 NAME_UNKNOWN to a push into a repository that does not exist',
    handling:
      'chunks are at least 5 MiB; the NAME_UNKNOWN answer is shown as the registry gave it (create the repository first)',
    settings: { minChunkSize: 5 * MiB },
  },
  {
    registry: 'Azure Container Registry',
    hosts: /\.azurecr\.io$/,
    quirk: 'refuses a body sent with Transfer-Encoding: chunked (400)',
    handling:
      'always sends Content-Length: layers compressed on the fly go to a spool file first; any registry answering 400 or 411 to a streamed body gets the same (registry/sink.ts, engine/copy.ts)',
    settings: { contentLengthRequired: true },
  },
  {
    registry: 'JFrog Artifactory',
    hosts: /\.jfrog\.io$/,
    quirk:
      'wants an upload as POST, then PATCH with the bytes, then PUT ?digest= to close it; refuses the monolithic PUT with a body',
    handling:
      'on *.jfrog.io every upload is POST → PATCH → PUT; a self-hosted instance answers the monolithic PUT with 405, 416 or 501 and the upload moves to PATCH (repository.ts)',
    settings: { patchUploads: true },
  },
  {
    registry: 'Docker Hub',
    hosts: /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/,
    quirk:
      'named docker.io but served from registry-1.docker.io; a single-name repository lives under library/; a cross-repository mount between namespaces answers 202 (an upload session) without mounting',
    handling:
      'docker.io and index.docker.io are reached at registry-1.docker.io, alpine is library/alpine (reference.ts); a 202 to a mount cancels that session (DELETE) and uploads (repository.ts)',
  },
  {
    registry: 'Harbor',
    quirk:
      'answers a cross-repository mount with 401 (or 404) when the user may not read the source project',
    handling:
      'a mount refused with 401, 403 or 404 is not an error: the blob is uploaded (repository.ts)',
  },
  {
    registry: 'Quay',
    hosts: /^quay\.io$/,
    quirk:
      'refuses Docker manifests whose layers have the uncompressed media type application/vnd.docker.image.rootfs.diff.tar',
    handling:
      'dockerFlavorAllowed answers no for uncompressed layers (compression none) on quay.io (the registry sink asks it), so the engine writes the image as OCI, whose uncompressed layer type Quay takes; gzip, the default, is unaffected',
    settings: { refusesUncompressedDockerLayers: true },
  },
  {
    registry: 'any registry (distribution, Harbor, Quay, GCR …)',
    quirk:
      'the upload Location is relative, or carries a query of its own (_state, a session id) that must come back as it was',
    handling:
      'Location is resolved against the request URL, never rebuilt; digest= is added to its query without re-encoding the rest (withDigest in repository.ts)',
  },
]

const NO_QUIRKS: RegistryQuirks = {
  contentLengthRequired: false,
  minChunkSize: 0,
  patchUploads: false,
  refusesUncompressedDockerLayers: false,
}

/** The known quirks of a registry recognised by its host (docker's name for it, port dropped). */
export function knownQuirksOf(registry: string): KnownQuirk[] {
  const host = registry.replace(/:\d+$/, '').toLowerCase()
  return KNOWN_QUIRKS.filter((quirk) => quirk.hosts?.test(host))
}

export function quirksFor(registry: string): RegistryQuirks {
  return Object.assign({}, NO_QUIRKS, ...knownQuirksOf(registry).map((quirk) => quirk.settings))
}

/**
 * Whether a Docker-typed manifest can carry layers of these final compressions on this registry.
 * Docker has no zstd layer type; Quay refuses Docker's uncompressed one. Otherwise the image
 * goes up as OCI (compressions: those of the layers, after encoding).
 */
export function dockerFlavorAllowed(
  quirks: RegistryQuirks,
  compressions: readonly Compression[],
): boolean {
  return compressions.every(
    (compression) =>
      hasDockerLayerType(compression) &&
      !(compression === 'none' && quirks.refusesUncompressedDockerLayers),
  )
}
