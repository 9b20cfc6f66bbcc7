import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { TarPushError } from '../errors.ts'
import { MANIFEST_ACCEPT } from '../image/media-types.ts'
import type { Descriptor } from '../image/model.ts'
import type { RegistryClient } from '../registry/client.ts'
import { RepositoryClient } from '../registry/repository.ts'
import { RegistrySink } from '../registry/sink.ts'
import type { BlobToPut } from '../image/sink.ts'
import type { RandomImage } from './image.ts'

/** What one virtual user does in one iteration, over the project's own registry client. */

export interface UploadSettings {
  upload: 'patch' | 'monolithic'
  /** 0: one PATCH (or PUT) per blob; otherwise PATCH chunks of this size. */
  chunkSize: number
}

/** An image pushed before the run for pull and head to read. */
export interface SeededImage {
  repository: string
  tag: string
  manifestDigest: string
  /** Config and layers, as the manifest lists them. */
  blobs: Descriptor[]
}

/**
 * A push as docker makes it: per blob a HEAD ("do you have it?" — never, the bytes are new), then
 * the upload (POST, PATCH, PUT with the digest; or POST and one PUT), config last, then the
 * manifest PUT under `tag`. Returns the manifest digest.
 */
export async function pushImage(options: {
  client: RegistryClient
  repository: string
  tag: string
  image: RandomImage
  settings: UploadSettings
}): Promise<string> {
  const { image, settings } = options
  const repository = new RepositoryClient(options.client, options.repository, 'push')
  repository.uploadMethod = settings.upload
  repository.chunkSize = settings.chunkSize
  // The image sink interface, without the engine: a load test times the registry, so the bytes
  // it made up are not hashed again on the way out.
  const sink = new RegistrySink(repository)
  const config: BlobToPut = {
    digest: image.config.digest,
    size: image.config.size,
    mediaType: image.config.mediaType,
    open: async () => Readable.from([image.config.bytes]),
  }
  const layers = image.layers.map((layer): BlobToPut => ({
    ...layer,
    open: async () => layer.open(),
  }))
  for (const blob of [...layers, config]) {
    if (!(await sink.hasBlob(blob.digest))) await sink.putBlob(blob)
  }
  await sink.putManifest(image.manifest, { tags: [options.tag] })
  return image.manifest.digest
}

/**
 * A pull as a client makes it: the manifest GET, then every blob (config first) streamed and
 * hashed, its digest and size checked, its bytes dropped. Returns the bytes received. With
 * `verify: false` only sizes are checked: SHA-256 runs at about 1 GB/s per core, so on a fast
 * link it, not the registry, can be the limit of a large-blob pull test.
 */
export async function pullImage(options: {
  client: RegistryClient
  image: SeededImage
  verify?: boolean
}): Promise<number> {
  const verify = options.verify ?? true
  const { image } = options
  const repository = new RepositoryClient(options.client, image.repository, 'pull')
  const manifest = await repository.getManifest(image.tag, MANIFEST_ACCEPT)
  const where = `${options.client.registry}/${image.repository}:${image.tag}`
  if (!manifest) {
    throw new TarPushError('IMAGE_NOT_FOUND', `${where} is gone (manifest GET answered 404)`, {
      subject: where,
      hint: 'something deleted the seeded images while the bench ran',
    })
  }
  if (manifest.digest !== image.manifestDigest) {
    throw new TarPushError(
      'MANIFEST_DIGEST_MISMATCH',
      `${where} served a manifest with digest ${manifest.digest}, seeded ${image.manifestDigest}`,
      { subject: where },
    )
  }
  let bytes = manifest.bytes.length
  // Its digest is the seeded manifest's, so are its bytes: the blobs it lists are known.
  for (const blob of image.blobs) {
    const hash = verify ? createHash('sha256') : undefined
    let size = 0
    await repository.readBlob(blob.digest, (chunk) => {
      hash?.update(chunk)
      size += chunk.length
    })
    bytes += size
    const digest = hash ? `sha256:${hash.digest('hex')}` : blob.digest
    if (digest !== blob.digest || size !== blob.size) {
      throw new TarPushError(
        'BLOB_DIGEST_MISMATCH',
        `blob ${blob.digest} of ${where} arrived as ${digest} (${size} of ${blob.size} bytes)`,
        { subject: where, hint: 'the registry served other bytes than it stored' },
      )
    }
  }
  return bytes
}

/** A HEAD storm: the manifest by tag, then every blob, each one HEAD, nothing downloaded. */
export async function headImage(options: {
  client: RegistryClient
  image: SeededImage
}): Promise<void> {
  const { client, image } = options
  const repository = new RepositoryClient(client, image.repository, 'pull')
  const request = {
    method: 'HEAD',
    url: `/v2/${image.repository}/manifests/${image.tag}`,
    scope: repository.scope,
    headers: { accept: MANIFEST_ACCEPT.join(', ') },
  }
  const response = await client.send(request)
  await response.body.dump()
  if (response.statusCode !== 200) throw await client.unexpected(request, response)
  for (const blob of image.blobs) {
    if (!(await repository.hasBlob(blob.digest))) {
      throw new TarPushError(
        'REGISTRY_ERROR',
        `blob ${blob.digest} of ${client.registry}/${image.repository} is gone (HEAD answered 404)`,
        { subject: image.repository },
      )
    }
  }
}

/**
 * Deletes a manifest by digest (distribution spec: DELETE /v2/NAME/manifests/DIGEST). 'refused'
 * means the registry does not allow deletes at all (405, or UNSUPPORTED as distribution answers
 * with storage.delete disabled), so the caller stops trying.
 */
export async function deleteManifest(options: {
  client: RegistryClient
  repository: string
  digest: string
}): Promise<'deleted' | 'gone' | 'refused'> {
  const { client } = options
  // distribution asks for the "delete" action on DELETE (token auth).
  const request = {
    method: 'DELETE',
    url: `/v2/${options.repository}/manifests/${options.digest}`,
    scope: `repository:${options.repository}:delete,pull,push`,
  }
  const response = await client.send(request)
  if (response.statusCode === 202 || response.statusCode === 200) {
    await response.body.dump()
    return 'deleted'
  }
  if (response.statusCode === 404) {
    await response.body.dump()
    return 'gone'
  }
  if (response.statusCode === 405) {
    await response.body.dump()
    return 'refused'
  }
  throw await client.unexpected(request, response)
}

/** The digest a tag points at now (for cleaning up what another tool pushed by tag). */
export async function manifestDigestOf(options: {
  client: RegistryClient
  repository: string
  tag: string
}): Promise<string | undefined> {
  const repository = new RepositoryClient(options.client, options.repository, 'pull')
  const manifest = await repository.getManifest(options.tag, MANIFEST_ACCEPT)
  return manifest?.registryDigest ?? manifest?.digest
}
