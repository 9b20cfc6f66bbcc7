import { assertDigest } from './digest.ts'
import type { JsonReader } from './json.ts'
import type { Descriptor, Platform } from './model.ts'

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
