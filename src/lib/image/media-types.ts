import type { Compression, ManifestFlavor } from './model.ts'

/** Every media type tar-push reads or writes, in the registry's own words; written only here. */
export const MediaType = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const

/**
 * The Accept list of a manifest GET: every manifest type we read, indexes first (a client that
 * can pick a platform asks for the index). Schema 1 is listed so that it is recognised and refused
 * with a clear message instead of arriving as a registry's conversion.
 */
export const MANIFEST_ACCEPT: readonly string[] = [
  MediaType.ociIndex,
  MediaType.dockerManifestList,
  MediaType.ociManifest,
  MediaType.dockerManifest,
  MediaType.dockerSchema1Signed,
  MediaType.dockerSchema1,
]

/** What a client asks for when it wants one image manifest, never an index (a re-push's hints). */
export const IMAGE_MANIFEST_ACCEPT: readonly string[] = [
  MediaType.ociManifest,
  MediaType.dockerManifest,
]

export const isIndexMediaType = (mediaType: string): boolean =>
  mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList

export const isImageManifestMediaType = (mediaType: string): boolean =>
  mediaType === MediaType.ociManifest || mediaType === MediaType.dockerManifest

export const isSchema1MediaType = (mediaType: string): boolean =>
  mediaType === MediaType.dockerSchema1 || mediaType === MediaType.dockerSchema1Signed

/** Configs of container images (as opposed to other OCI artifacts' configs). */
export const isImageConfigMediaType = (mediaType: string): boolean =>
  mediaType === MediaType.ociConfig || mediaType === MediaType.dockerConfig

export const isTarLayerMediaType = (mediaType: string): boolean =>
  /^application\/vnd\.(oci\.image\.layer(\.nondistributable)?\.v1\.tar|docker\.image\.rootfs\.(foreign\.)?diff\.tar)(\+|\.|$)/.test(
    mediaType,
  )

export function compressionOfMediaType(mediaType: string): Compression {
  if (mediaType.endsWith('+gzip') || mediaType.endsWith('.tar.gzip')) return 'gzip'
  if (mediaType.endsWith('+zstd')) return 'zstd'
  return 'none'
}

/** Docker's manifest has layer types for uncompressed and gzip layers only (none for zstd). */
export const hasDockerLayerType = (compression: Compression): boolean => compression !== 'zstd'

/** Layer media type for a manifest flavor and compression. */
export function layerMediaType(flavor: ManifestFlavor, compression: Compression): string {
  if (flavor === 'docker') {
    return compression === 'gzip' ? MediaType.dockerLayerGzip : MediaType.dockerLayer
  }
  if (compression === 'gzip') return MediaType.ociLayerGzip
  if (compression === 'zstd') return MediaType.ociLayerZstd
  return MediaType.ociLayer
}

/** The flavor of an image manifest type: Docker schema 2, or OCI. */
export const flavorOfManifest = (mediaType: string): ManifestFlavor =>
  mediaType === MediaType.dockerManifest ? 'docker' : 'oci'

export const manifestMediaType = (flavor: ManifestFlavor): string =>
  flavor === 'docker' ? MediaType.dockerManifest : MediaType.ociManifest

export const configMediaType = (flavor: ManifestFlavor): string =>
  flavor === 'docker' ? MediaType.dockerConfig : MediaType.ociConfig
