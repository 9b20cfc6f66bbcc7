import type { PushResult } from './push.ts'

/** The `metadata` output and `--json` document: stable field names, one entry per pushed image. */
export function metadataOf(result: PushResult) {
  return {
    images: result.images.map((image) => ({
      reference: image.repository,
      digest: image.digest,
      imageRef: image.imageRef,
      mediaType: image.mediaType,
      size: image.size,
      tags: image.references,
      manifests: image.images.map((member) => ({
        digest: member.digest,
        mediaType: member.mediaType,
        size: member.size,
        ...(member.platform ? { platform: member.platform } : {}),
        config: member.config,
        layers: member.layers.map((layer) => ({
          digest: layer.digest,
          size: layer.size,
          mediaType: layer.mediaType,
          status: layer.status,
          ...(layer.diffId ? { diffId: layer.diffId } : {}),
        })),
      })),
      bytesUploaded: image.bytesUploaded,
    })),
    bytesUploaded: result.bytesUploaded,
    seconds: result.seconds,
  }
}
