import { hexOf } from '../digest.ts'
import {
  ANNOTATION_CONTAINERD_NAME as CONTAINERD_NAME,
  ANNOTATION_REF_NAME as REF_NAME,
  blobPath,
  layoutIndexJson,
} from '../image/layout.ts'
import type { Descriptor, Image, Layer, RawJson } from '../image/model.ts'
import { familiarRepository, formatReference, type Reference } from '../reference.ts'

/** An image as written to disk, and the reference it was pulled by (which names it there). */
export interface NamedImage {
  readonly reference: Reference
  readonly image: Image
}

/** The manifest bytes of an image written to disk: a disk sink writes the source's manifest. */
export function manifestOf(image: Image): RawJson {
  if (!image.manifest) throw new Error('an image written to disk needs its manifest bytes')
  return image.manifest
}

/** A disk sink writes the manifest it was opened with; any other one is a caller's mistake. */
export function checkManifest(name: string, expected: RawJson, manifest: RawJson): void {
  if (manifest.digest !== expected.digest) {
    throw new Error(
      `${name}: the manifest put (${manifest.digest}) is not the one the sink was opened with (${expected.digest}); pull to disk copies layers unchanged (compression none)`,
    )
  }
}

/** A layer's blob as the manifest names it. */
export function layerDescriptor(layer: Layer): Descriptor {
  if (layer.storedDigest === undefined || layer.mediaType === undefined) {
    throw new Error(`layer ${layer.content.origin} has no stored digest or media type`)
  }
  return { mediaType: layer.mediaType, digest: layer.storedDigest, size: layer.content.size }
}

/** The name docker shows (alpine:3, org/app:1, ghcr.io/org/app:1), as docker save writes RepoTags. */
export function familiarName(reference: Reference): string | undefined {
  if (reference.tag === undefined) return undefined
  return `${familiarRepository(reference)}:${reference.tag}`
}

/**
 * The index.json descriptor of a pulled image: the tag as OCI's ref name (what skopeo's `oci:`
 * reads) and the full reference as containerd's image name (what docker load 25+ reads).
 */
export function manifestDescriptor({ reference, image }: NamedImage): Descriptor {
  const manifest = manifestOf(image)
  const annotations: Record<string, string> = {
    [CONTAINERD_NAME]: formatReference({ ...reference, digest: undefined }),
  }
  if (reference.tag !== undefined) annotations[REF_NAME] = reference.tag
  else annotations[CONTAINERD_NAME] = `${annotations[CONTAINERD_NAME]}@${manifest.digest}`
  return {
    mediaType: manifest.mediaType,
    digest: manifest.digest,
    size: manifest.bytes.length,
    annotations,
    ...(image.platform ? { platform: image.platform } : {}),
  }
}

/** An index.json holding `existing` entries (of a layout being added to) and this image. */
export function indexJson(named: NamedImage, existing: readonly Descriptor[] = []): string {
  const descriptor = manifestDescriptor(named)
  const refName = descriptor.annotations?.[REF_NAME]
  // Like skopeo, a tag names one image: an older entry of the same name is replaced.
  const kept = existing.filter(
    (entry) => refName === undefined || entry.annotations?.[REF_NAME] !== refName,
  )
  return layoutIndexJson([...kept, descriptor])
}

/** docker load's manifest.json (every docker version reads it) and the legacy repositories file. */
export function dockerLoadFiles({
  reference,
  image,
}: NamedImage): { name: string; bytes: Buffer }[] {
  const name = familiarName(reference)
  const layers = image.layers.map(layerDescriptor)
  const manifest = [
    {
      Config: blobPath(image.config.digest),
      RepoTags: name ? [name] : [],
      Layers: layers.map((layer) => blobPath(layer.digest)),
    },
  ]
  const files = [{ name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest)}\n`) }]
  const top = layers.at(-1)
  if (name && top) {
    const colon = name.lastIndexOf(':')
    const repositories = { [name.slice(0, colon)]: { [name.slice(colon + 1)]: hexOf(top.digest) } }
    files.push({ name: 'repositories', bytes: Buffer.from(`${JSON.stringify(repositories)}\n`) })
  }
  return files
}
