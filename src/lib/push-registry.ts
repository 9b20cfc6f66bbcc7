/**
 * What a push needs once its tarballs are read and its targets known: the copy engine with its
 * encoders, the registry client and HTTP. push.ts loads this module only then.
 */
import type { Artifact, RawJson } from './image/model.ts'
import { isIndexMediaType } from './image/media-types.ts'
import type { ManifestTarget } from './image/sink.ts'
import type { Logger } from './log.ts'
import type { Reference } from './reference.ts'
import { TarPushError } from './errors.ts'
import { RepositoryClient } from './registry/repository.ts'
import { layersOfTag, type RemoteLayer } from './registry/reuse.ts'
import { RegistrySink } from './registry/sink.ts'

export { copyArtifact } from './engine/copy.ts'
export { LayerChecks } from './engine/verify.ts'
export { connectRegistry, readCaFile } from './registry/connect.ts'
export { reuseKey } from './registry/reuse.ts'
export { RegistrySink, RepositoryClient }

/**
 * A push to REPO@DIGEST: the image's manifest (the index's, for several platforms) must have
 * that digest. Checked before its PUT, so a wrong digest publishes nothing (its blobs, like any
 * blob without a manifest, are the registry's garbage to collect).
 */
export class DigestCheckedSink extends RegistrySink {
  readonly #artifact: Artifact
  readonly #digest: string
  readonly #name: string

  constructor(repository: RepositoryClient, artifact: Artifact, digest: string, name: string) {
    super(repository)
    this.#artifact = artifact
    this.#digest = digest
    this.#name = name
  }

  override async putManifest(manifest: RawJson, target: ManifestTarget): Promise<void> {
    const top = this.#artifact.kind === 'image' || isIndexMediaType(manifest.mediaType)
    if (top && manifest.digest !== this.#digest) {
      throw new TarPushError(
        'USAGE',
        `image names ${this.#name}@${this.#digest}, but the image pushed is ${manifest.digest}; nothing was published`,
        {
          subject: `${this.#name}@${this.#digest}`,
          hint: 'drop the @digest from image to push by tag, or name the digest this tarball pushes as (it depends on the compression)',
        },
      )
    }
    await super.putManifest(manifest, target)
  }
}

/**
 * Layers whose digests are known without compressing: what one of the target tags holds now
 * (the first that exists), and what the tagged `mount-from` images hold (their blobs mountable).
 */
export async function reusableLayers(
  repository: RepositoryClient,
  tags: readonly string[],
  mountFrom: readonly Reference[],
  logger: Logger,
): Promise<Map<string, RemoteLayer>> {
  let own = new Map<string, RemoteLayer>()
  for (const tag of tags) {
    own = await layersOfTag(repository, tag, logger)
    if (own.size > 0) break
  }
  const known = new Map<string, RemoteLayer>()
  for (const source of mountFrom) {
    const reference = source.digest ?? source.tag
    if (reference === undefined) continue
    const from = new RepositoryClient(repository.client, source.path, 'pull')
    for (const [key, layer] of await layersOfTag(from, reference, logger)) known.set(key, layer)
  }
  for (const [key, layer] of own) known.set(key, layer)
  return known
}
