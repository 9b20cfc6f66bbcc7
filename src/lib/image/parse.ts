import { assertDigest } from '../digest.ts'
import { TarPushError } from '../errors.ts'
import type { JsonReader } from './json.ts'
import {
  MediaType,
  isImageConfigMediaType,
  isImageManifestMediaType,
  isIndexMediaType,
  isSchema1MediaType,
  isTarLayerMediaType,
  compressionOfMediaType,
} from './media-types.ts'
import type { BlobContent, Descriptor, Layer, Platform } from './model.ts'

/** An OCI descriptor (a manifest's config and layers, an index's manifests), its digest checked. */
export function readDescriptor(json: JsonReader, value: unknown, path: string): Descriptor {
  const object = json.object(value, path)
  const annotations = json.stringMap(object['annotations'], `${path}.annotations`)
  const platform =
    object['platform'] === undefined
      ? undefined
      : readPlatform(json, object['platform'], `${path}.platform`)
  return {
    mediaType: json.string(object['mediaType'], `${path}.mediaType`),
    digest: assertDigest(object['digest'], `${json.document}: ${path}.digest`),
    size: json.size(object['size'], `${path}.size`),
    ...(annotations ? { annotations } : {}),
    ...(platform ? { platform } : {}),
  }
}

/** An index entry's platform. */
export function readPlatform(json: JsonReader, value: unknown, path: string): Platform {
  const object = json.object(value, path)
  const variant = json.optionalString(object['variant'], `${path}.variant`)
  return {
    os: json.string(object['os'], `${path}.os`),
    architecture: json.string(object['architecture'], `${path}.architecture`),
    ...(variant ? { variant } : {}),
  }
}

export interface ImageConfig {
  readonly diffIds: string[]
  readonly platform: Platform | undefined
}

/** What a parsed image config says about its layers (rootfs.diff_ids) and its platform. */
export function readImageConfig(json: JsonReader, value: unknown): ImageConfig {
  const config = json.object(value, '')
  const rootfs = json.object(config['rootfs'], 'rootfs')
  const diffIds = json
    .stringArray(rootfs['diff_ids'] ?? [], 'rootfs.diff_ids')
    .map((value, index) => assertDigest(value, `${json.document}: rootfs.diff_ids[${index}]`))
  const os = json.optionalString(config['os'], 'os')
  const architecture = json.optionalString(config['architecture'], 'architecture')
  const variant = json.optionalString(config['variant'], 'variant')
  const osVersion = json.optionalString(config['os.version'], 'os.version')
  const osFeatures =
    config['os.features'] === undefined
      ? undefined
      : json.stringArray(config['os.features'], 'os.features')
  const platform: Platform | undefined =
    os && architecture
      ? {
          os,
          architecture,
          ...(variant ? { variant } : {}),
          ...(osVersion ? { 'os.version': osVersion } : {}),
          ...(osFeatures && osFeatures.length > 0 ? { 'os.features': osFeatures } : {}),
        }
      : undefined
  return { diffIds, platform }
}

/** A manifest read once: an index with its members, or an image manifest with its blobs. */
export type ParsedManifest =
  | {
      readonly kind: 'index'
      /** The type it has, as its bytes or its server say (never a generic application/json). */
      readonly mediaType: string
      readonly body: Record<string, unknown>
      readonly manifests: readonly Descriptor[]
    }
  | {
      readonly kind: 'image'
      readonly mediaType: string
      readonly body: Record<string, unknown>
      readonly config: Descriptor
      readonly layers: readonly Descriptor[]
    }

/**
 * Parses a manifest or index and tells which it is: by its own `mediaType`, else by the type its
 * source gave (a descriptor's, a Content-Type), else by its shape (OCI lets the field be absent).
 * Docker schema 1 and unknown types are refused with what to do.
 */
export function parseManifest(
  json: JsonReader,
  bytes: Buffer,
  options: { outerMediaType?: string | undefined; name: string },
): ParsedManifest {
  const body = json.object(json.parse(bytes), '')
  const own = json.optionalString(body['mediaType'], 'mediaType')
  const known = [own, options.outerMediaType].find(
    (type) =>
      type !== undefined &&
      (isIndexMediaType(type) || isImageManifestMediaType(type) || isSchema1MediaType(type)),
  )
  const mediaType =
    known ??
    (body['schemaVersion'] === 2 && Array.isArray(body['manifests'])
      ? MediaType.ociIndex
      : body['schemaVersion'] === 2 && body['config'] !== undefined && Array.isArray(body['layers'])
        ? MediaType.ociManifest
        : body['schemaVersion'] === 1
          ? MediaType.dockerSchema1
          : undefined)
  if (mediaType === undefined) {
    throw unsupportedManifest(
      options.name,
      `its manifest has the unknown media type "${own ?? options.outerMediaType ?? ''}"`,
    )
  }
  if (isSchema1MediaType(mediaType)) {
    throw new TarPushError(
      'MANIFEST_UNSUPPORTED',
      `${options.name} is a Docker schema 1 manifest, which is deprecated and not supported`,
      {
        subject: options.name,
        hint: 'push the image again with a current docker, buildx, skopeo or tar-push (they write schema 2 or OCI)',
      },
    )
  }
  if (isIndexMediaType(mediaType)) {
    const manifests = json
      .array(body['manifests'], 'manifests')
      .map((entry, position) => readDescriptor(json, entry, `manifests[${position}]`))
    return { kind: 'index', mediaType, body, manifests }
  }
  return {
    kind: 'image',
    mediaType,
    body,
    config: readDescriptor(json, body['config'], 'config'),
    layers: json
      .array(body['layers'] ?? [], 'layers')
      .map((layer, position) => readDescriptor(json, layer, `layers[${position}]`)),
  }
}

export function unsupportedManifest(name: string, what: string): TarPushError {
  return new TarPushError('MANIFEST_UNSUPPORTED', `${name}: ${what}`, {
    subject: name,
    hint: 'pull it with format oci (--format oci), which copies any OCI artifact as it is',
  })
}

/**
 * What an image's config says of its layers, when it is a container image config: a filesystem
 * whose tar layers are, in order, the config's diff_ids. Attestation manifests (buildx) carry an
 * image config whose diff_ids name their in-toto layers: with no tar layer at all, the layers are
 * opaque blobs, not a filesystem. Returns undefined for other artifacts.
 */
export function readImageLayers(
  json: JsonReader,
  config: { mediaType: string; bytes: Buffer },
  layers: readonly Descriptor[],
  where: string,
): (ImageConfig & { isFilesystem: boolean }) | undefined {
  if (!isImageConfigMediaType(config.mediaType)) return undefined
  const parsed = readImageConfig(json, json.parse(config.bytes))
  const tarCount = layers.filter((layer) => isTarLayerMediaType(layer.mediaType)).length
  const isFilesystem = tarCount > 0
  if (isFilesystem && tarCount !== parsed.diffIds.length) {
    throw new TarPushError(
      'LAYER_COUNT_MISMATCH',
      `${where} lists ${tarCount} layers but its config has ${parsed.diffIds.length} rootfs.diff_ids`,
      { subject: where, hint: 'the image is inconsistent; save or push it again' },
    )
  }
  return { ...parsed, isFilesystem }
}

/**
 * The layers of an image manifest as the model has them: the tar layers of a filesystem take
 * the config's diff_ids in order; any other blob (an artifact's, an attestation's) is opaque,
 * named by its digest. `content` gives each layer's bytes.
 */
export function layersOf(
  descriptors: readonly Descriptor[],
  image: ReturnType<typeof readImageLayers>,
  content: (descriptor: Descriptor, index: number) => BlobContent,
): Layer[] {
  let tarIndex = 0
  return descriptors.map((descriptor, index) => {
    const isTar = isTarLayerMediaType(descriptor.mediaType) && image?.isFilesystem === true
    return {
      diffId: isTar ? image.diffIds[tarIndex++]! : descriptor.digest,
      compression: isTar ? compressionOfMediaType(descriptor.mediaType) : 'none',
      storedDigest: descriptor.digest,
      mediaType: descriptor.mediaType,
      isTar,
      ...(descriptor.annotations ? { annotations: descriptor.annotations } : {}),
      content: content(descriptor, index),
    }
  })
}
