import { TarPushError } from '../errors.ts'
import { JsonReader } from '../image/json.ts'
import { LIMITS } from '../image/limits.ts'
import {
  IMAGE_MANIFEST_ACCEPT,
  compressionOfMediaType,
  isTarLayerMediaType,
} from '../image/media-types.ts'
import type { Compression } from '../image/model.ts'
import { parseManifest, readImageLayers } from '../image/parse.ts'
import type { Logger } from '../log.ts'
import type { RepositoryClient } from './repository.ts'

export interface RemoteLayer {
  digest: string
  size: number
  mediaType: string
}

/**
 * Reads what a target tag holds now: its layers by diff_id and encoding. A re-push of the same
 * image then knows every layer's digest without compressing anything: HEAD, check the tarball's
 * bytes, and finish. Any trouble (no tag, an index, a foreign config) just means nothing to reuse.
 */
export async function layersOfTag(
  repository: RepositoryClient,
  tag: string,
  logger: Logger,
): Promise<Map<string, RemoteLayer>> {
  const layers = new Map<string, RemoteLayer>()
  const name = `${repository.path}:${tag}`
  try {
    const manifest = await repository.getManifest(tag, IMAGE_MANIFEST_ACCEPT, LIMITS.manifestBytes)
    if (!manifest) return layers
    const json = new JsonReader(`${name} manifest`, 'REGISTRY_ERROR')
    const parsed = parseManifest(json, manifest.bytes, {
      outerMediaType: manifest.mediaType,
      name,
    })
    if (parsed.kind !== 'image') return layers
    const configBytes = await repository.getBlobBytes(parsed.config.digest, LIMITS.configBytes)
    if (!configBytes) return layers
    const image = readImageLayers(
      new JsonReader(`${name} config`, 'REGISTRY_ERROR'),
      { mediaType: parsed.config.mediaType, bytes: configBytes },
      parsed.layers,
      name,
    )
    if (!image?.isFilesystem) return layers
    parsed.layers
      .filter((layer) => isTarLayerMediaType(layer.mediaType))
      .forEach(({ digest, size, mediaType }, index) =>
        layers.set(reuseKey(image.diffIds[index]!, compressionOfMediaType(mediaType)), {
          digest,
          size,
          mediaType,
        }),
      )
    logger.debug(`${name} holds ${layers.size} layers to reuse`)
  } catch (error) {
    // Auth failures are real and surface on the push itself; anything else only disables reuse.
    if (
      error instanceof TarPushError &&
      (error.code === 'AUTH_FAILED' || error.code === 'AUTH_DENIED')
    )
      throw error
    logger.debug(`nothing to reuse from ${name}: ${(error as Error).message}`)
  }
  return layers
}

export const reuseKey = (diffId: string, compression: Compression): string =>
  `${diffId} ${compression}`
