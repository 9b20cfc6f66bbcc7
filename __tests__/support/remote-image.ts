/**
 * Puts images straight into a test registry over raw HTTP (anonymous registries only): any layer
 * bytes, any config, Docker or OCI manifests and indexes. Pull tests use it for what no
 * well-behaved tool would push (hostile layers) and for multi-platform indexes.
 */
import { createHash } from 'node:crypto'
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { httpRequest, type RunningRegistry } from './registry.ts'

const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const

export interface Blob {
  mediaType: string
  digest: string
  size: number
}

export async function putBlob(
  registry: RunningRegistry,
  repo: string,
  bytes: Buffer,
): Promise<string> {
  const digest = sha256(bytes)
  const started = await httpRequest(`${registry.url}/v2/${repo}/blobs/uploads/`, { method: 'POST' })
  if (started.status !== 202) throw new Error(`POST upload: ${started.status} ${started.body}`)
  const location = new URL(started.headers.location!, registry.url)
  location.searchParams.set('digest', digest)
  const put = await httpRequest(location.toString(), {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
    body: bytes,
  })
  if (put.status !== 201) throw new Error(`PUT blob: ${put.status} ${put.body}`)
  return digest
}

export async function putManifest(
  registry: RunningRegistry,
  repo: string,
  reference: string,
  mediaType: string,
  bytes: Buffer,
): Promise<string> {
  const put = await httpRequest(`${registry.url}/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: bytes,
  })
  if (put.status !== 201) throw new Error(`PUT manifest: ${put.status} ${put.body}`)
  return sha256(bytes)
}

export interface ImageSpec {
  /** Uncompressed layer tars, bottom first. */
  layers: Buffer[]
  compression?: 'gzip' | 'zstd' | 'none'
  flavor?: 'docker' | 'oci'
  architecture?: string
  variant?: string
  /** Overrides of the diff_ids (to make a config that lies). */
  diffIds?: string[]
}

export interface PutImage {
  manifestDigest: string
  manifest: Buffer
  mediaType: string
  configDigest: string
  layers: Blob[]
  diffIds: string[]
}

/** Uploads the layers and config, then PUTs the manifest under `tag` (or by digest only). */
export async function putImage(
  registry: RunningRegistry,
  repo: string,
  tag: string | undefined,
  spec: ImageSpec,
): Promise<PutImage> {
  const flavor = spec.flavor ?? 'oci'
  const compression = spec.compression ?? 'gzip'
  const diffIds = spec.diffIds ?? spec.layers.map(sha256)
  const config = Buffer.from(
    JSON.stringify({
      architecture: spec.architecture ?? 'amd64',
      ...(spec.variant ? { variant: spec.variant } : {}),
      os: 'linux',
      config: { Env: ['PATH=/usr/bin:/bin'] },
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: spec.layers.map(() => ({ created_by: 'remote-image.ts' })),
    }),
  )
  const layers: Blob[] = []
  for (const layer of spec.layers) {
    const stored =
      compression === 'gzip'
        ? gzipSync(layer)
        : compression === 'zstd'
          ? zstdCompressSync(layer)
          : layer
    const suffix =
      flavor === 'docker'
        ? compression === 'gzip'
          ? '.tar.gzip'
          : '.tar'
        : compression === 'none'
          ? ''
          : `+${compression}`
    layers.push({
      mediaType:
        flavor === 'docker'
          ? `application/vnd.docker.image.rootfs.diff${suffix}`
          : `application/vnd.oci.image.layer.v1.tar${suffix}`,
      digest: await putBlob(registry, repo, stored),
      size: stored.length,
    })
  }
  const configDigest = await putBlob(registry, repo, config)
  const mediaType = flavor === 'docker' ? MEDIA.dockerManifest : MEDIA.ociManifest
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: flavor === 'docker' ? MEDIA.dockerConfig : MEDIA.ociConfig,
        digest: configDigest,
        size: config.length,
      },
      layers,
    }),
  )
  const manifestDigest = sha256(manifest)
  await putManifest(registry, repo, tag ?? manifestDigest, mediaType, manifest)
  return { manifestDigest, manifest, mediaType, configDigest, layers, diffIds }
}

/** PUTs an index over images already in the repository, with the platforms given. */
export async function putIndex(
  registry: RunningRegistry,
  repo: string,
  tag: string,
  members: { image: PutImage; platform: Record<string, string> }[],
  flavor: 'docker' | 'oci' = 'oci',
): Promise<string> {
  const mediaType = flavor === 'docker' ? MEDIA.dockerList : MEDIA.ociIndex
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      manifests: members.map(({ image, platform }) => ({
        mediaType: image.mediaType,
        digest: image.manifestDigest,
        size: image.manifest.length,
        platform,
      })),
    }),
  )
  return putManifest(registry, repo, tag, mediaType, index)
}
