import { JsonReader } from './json.ts'
import type { Logger } from './log.ts'
import {
  MediaType,
  compressionOfMediaType,
  isTarLayerMediaType,
  type Compression,
} from './model.ts'
import type { RepositoryClient } from './registry/repository.ts'
import { TarPushError } from './errors.ts'

export interface RemoteLayer {
  digest: string
  size: number
  mediaType: string
}

const MAX_CONFIG_BYTES = 32 * 1024 * 1024

/**
 * Reads what a target tag holds now: its layers by diff_id and encoding. A re-push of the same
 * image then knows every layer's digest without compressing anything: HEAD and finish. Any
 * trouble (no tag, an index, a foreign config) just means nothing to reuse.
 */
export async function layersOfTag(
  repository: RepositoryClient,
  tag: string,
  logger: Logger,
): Promise<Map<string, RemoteLayer>> {
  const layers = new Map<string, RemoteLayer>()
  try {
    const manifest = await repository.getManifest(tag, [
      MediaType.ociManifest,
      MediaType.dockerManifest,
    ])
    if (
      !manifest ||
      (manifest.mediaType !== MediaType.ociManifest &&
        manifest.mediaType !== MediaType.dockerManifest)
    )
      return layers
    const json = new JsonReader(`${repository.path}:${tag} manifest`, 'REGISTRY_ERROR')
    const document = json.object(json.parse(manifest.bytes), '')
    const config = json.object(document['config'], 'config')
    const configDigest = json.string(config['digest'], 'config.digest')
    const configBytes = await repository.getBlobBytes(configDigest, MAX_CONFIG_BYTES)
    if (!configBytes) return layers
    const configJson = new JsonReader(`${repository.path}:${tag} config`, 'REGISTRY_ERROR')
    const rootfs = configJson.object(
      configJson.object(configJson.parse(configBytes), '')['rootfs'],
      'rootfs',
    )
    const diffIds = configJson.stringArray(rootfs['diff_ids'] ?? [], 'rootfs.diff_ids')
    const descriptors = json.array(document['layers'] ?? [], 'layers').map((value, index) => {
      const layer = json.object(value, `layers[${index}]`)
      return {
        mediaType: json.string(layer['mediaType'], `layers[${index}].mediaType`),
        digest: json.string(layer['digest'], `layers[${index}].digest`),
        size: json.size(layer['size'], `layers[${index}].size`),
      }
    })
    const tarLayers = descriptors.filter((layer) => isTarLayerMediaType(layer.mediaType))
    if (tarLayers.length !== diffIds.length) return layers
    tarLayers.forEach((layer, index) =>
      layers.set(reuseKey(diffIds[index]!, compressionOfMediaType(layer.mediaType)), layer),
    )
    logger.debug(`${repository.path}:${tag} holds ${layers.size} layers to reuse`)
  } catch (error) {
    // Auth failures are real and surface on the push itself; anything else only disables reuse.
    if (
      error instanceof TarPushError &&
      (error.code === 'AUTH_FAILED' || error.code === 'AUTH_DENIED')
    )
      throw error
    logger.debug(`nothing to reuse from ${repository.path}:${tag}: ${(error as Error).message}`)
  }
  return layers
}

export const reuseKey = (diffId: string, compression: Compression): string =>
  `${diffId} ${compression}`
