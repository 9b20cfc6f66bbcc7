import { hexOf } from '../digest.ts'
import type { Descriptor } from '../model.ts'
import { familiarRepository, formatReference } from '../reference.ts'
import type { RemoteImage } from '../pull/resolve.ts'

/** Path of a blob inside an OCI image layout (and a Docker 25+ save, which is one). */
export const blobPath = (digest: string): string =>
  `blobs/${digest.slice(0, digest.indexOf(':'))}/${hexOf(digest)}`

export const OCI_LAYOUT_FILE = `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`

const REF_NAME = 'org.opencontainers.image.ref.name'
const CONTAINERD_NAME = 'io.containerd.image.name'

/** The name docker shows (alpine:3, org/app:1, ghcr.io/org/app:1), as docker save writes RepoTags. */
export function familiarName(image: RemoteImage): string | undefined {
  const { reference } = image
  if (reference.tag === undefined) return undefined
  return `${familiarRepository(reference)}:${reference.tag}`
}

/**
 * The index.json descriptor of a pulled image: the tag as OCI's ref name (what skopeo's `oci:`
 * reads) and the full reference as containerd's image name (what docker load 25+ reads).
 */
export function manifestDescriptor(image: RemoteImage): Descriptor {
  const annotations: Record<string, string> = {
    [CONTAINERD_NAME]: formatReference({ ...image.reference, digest: undefined }),
  }
  if (image.reference.tag !== undefined) annotations[REF_NAME] = image.reference.tag
  else annotations[CONTAINERD_NAME] = `${annotations[CONTAINERD_NAME]}@${image.manifest.digest}`
  return {
    mediaType: image.manifest.mediaType,
    digest: image.manifest.digest,
    size: image.manifest.bytes.length,
    annotations,
    ...(image.platform ? { platform: image.platform } : {}),
  }
}

/** An index.json holding `existing` entries (of a layout being added to) and this image. */
export function indexJson(image: RemoteImage, existing: readonly Descriptor[] = []): string {
  const descriptor = manifestDescriptor(image)
  const refName = descriptor.annotations?.[REF_NAME]
  // Like skopeo, a tag names one image: an older entry of the same name is replaced.
  const kept = existing.filter(
    (entry) => refName === undefined || entry.annotations?.[REF_NAME] !== refName,
  )
  return `${JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [...kept, descriptor],
  })}\n`
}

/** docker load's manifest.json (every docker version reads it) and the legacy repositories file. */
export function dockerLoadFiles(image: RemoteImage): { name: string; bytes: Buffer }[] {
  const name = familiarName(image)
  const manifest = [
    {
      Config: blobPath(image.config.digest),
      RepoTags: name ? [name] : [],
      Layers: image.layers.map((layer) => blobPath(layer.digest)),
    },
  ]
  const files = [{ name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest)}\n`) }]
  const top = image.layers.at(-1)
  if (name && top) {
    const colon = name.lastIndexOf(':')
    const repositories = { [name.slice(0, colon)]: { [name.slice(colon + 1)]: hexOf(top.digest) } }
    files.push({ name: 'repositories', bytes: Buffer.from(`${JSON.stringify(repositories)}\n`) })
  }
  return files
}
