import { sha256 } from '../digest.ts'
import { MediaType, configMediaType, manifestMediaType } from './media-types.ts'
import type { Descriptor, Image, ManifestFlavor, Platform, RawJson } from './model.ts'

const documentOf = (document: object, mediaType: string): RawJson => {
  const bytes = Buffer.from(JSON.stringify(document, null, 2))
  return { bytes, digest: sha256(bytes), mediaType }
}

/**
 * The manifest of an image whose layers were written as `layers` (re-encoded ones have new
 * digests). A source manifest of the same flavor keeps all else it says (annotations,
 * artifactType, subject); otherwise a new one of `flavor` is made.
 */
export function buildImageManifest(
  image: Image,
  flavor: ManifestFlavor,
  layers: readonly Descriptor[],
): RawJson {
  if (image.manifest && flavor === image.flavor) {
    const document: Record<string, unknown> = {
      ...(JSON.parse(image.manifest.bytes.toString('utf8')) as Record<string, unknown>),
      layers,
    }
    const declared = document['mediaType']
    return documentOf(document, typeof declared === 'string' ? declared : manifestMediaType(flavor))
  }
  const mediaType = manifestMediaType(flavor)
  return documentOf(
    {
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: configMediaType(flavor),
        digest: image.config.digest,
        size: image.config.bytes.length,
      },
      layers,
    },
    mediaType,
  )
}

/**
 * The index of several platforms' images: a Docker manifest list when every member is a Docker
 * manifest (what docker and older clients expect of Docker images), an OCI index otherwise.
 */
export function buildIndex(members: readonly { manifest: RawJson; platform: Platform }[]): RawJson {
  const docker = members.every(({ manifest }) => manifest.mediaType === MediaType.dockerManifest)
  const mediaType = docker ? MediaType.dockerManifestList : MediaType.ociIndex
  return documentOf(
    {
      schemaVersion: 2,
      mediaType,
      manifests: members.map(({ manifest, platform }) => ({
        mediaType: manifest.mediaType,
        digest: manifest.digest,
        size: manifest.bytes.length,
        platform: {
          architecture: platform.architecture,
          os: platform.os,
          ...(platform['os.version'] ? { 'os.version': platform['os.version'] } : {}),
          ...(platform['os.features'] ? { 'os.features': platform['os.features'] } : {}),
          ...(platform.variant ? { variant: platform.variant } : {}),
        },
      })),
    },
    mediaType,
  )
}

/** An index whose members were rewritten (re-encoded layers): the same index, new digests. */
export function rewriteIndex(index: RawJson, replaced: ReadonlyMap<string, RawJson>): RawJson {
  const document = JSON.parse(index.bytes.toString('utf8')) as { manifests: Descriptor[] }
  document.manifests = document.manifests.map((descriptor) => {
    const manifest = replaced.get(descriptor.digest)
    return manifest
      ? {
          ...descriptor,
          mediaType: manifest.mediaType,
          digest: manifest.digest,
          size: manifest.bytes.length,
        }
      : descriptor
  })
  return documentOf(document, index.mediaType)
}
