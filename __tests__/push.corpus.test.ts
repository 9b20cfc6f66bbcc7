import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push } from '../src/lib/push.ts'
import { buildCorpus, fixtureByName, sha256, type Fixture } from './support/fixtures.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'
import { copyToDir, inspectConfig, inspectRaw, pushWithSkopeo } from './support/skopeo.ts'
import { writeBuildxStyleArchive } from './support/buildx.ts'

let registry: RunningRegistry
let corpus: Fixture[]

before(async () => {
  ;[registry, corpus] = await Promise.all([
    startRegistry(),
    mkdtemp(join(tmpdir(), 'corpus-')).then(buildCorpus),
  ])
})
after(() => registry.stop())

const keepsManifestBytes = (fixture: Fixture): boolean =>
  fixture.manifestDigest !== undefined &&
  fixture.layerMediaTypes.every((type) => /gzip|zstd/.test(type))

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-')

describe('every tarball format pushes and skopeo reads back the same image', () => {
  const names = [
    'oci-archive-gzip',
    'oci-archive-zstd-layers',
    'oci-archive-uncompressed',
    'oci-layout-dir',
    'oci-archive-no-ref',
    'docker-archive-skopeo',
    'docker-archive-untagged',
    'docker-save-legacy',
    'docker-save-legacy-symlink',
    'docker-save-legacy-hardlink',
    'docker-save-legacy-pax',
    'docker-save-25',
    'docker-archive.tar.gz',
    'oci-archive.tar.zst',
    'docker-archive-gzip-named-tar',
  ]
  for (const name of names) {
    it(name, async () => {
      const fixture = fixtureByName(corpus, name)
      const repository = `${registry.host}/corpus/${slug(name)}`
      const result = await push({ tarball: fixture.path, image: repository, tags: ['t1', 't2'] })
      const pushed = result.images[0]!
      assert.equal(result.images.length, 1)
      assert.equal(pushed.imageRef, `${repository}@${pushed.digest}`)
      assert.deepEqual(pushed.references, [`${repository}:t1`, `${repository}:t2`])

      const raw = await inspectRaw(`${repository}:t2`, { registry })
      assert.equal(sha256(raw), pushed.digest, 'the registry serves the manifest we reported')
      const manifest = JSON.parse(raw.toString('utf8')) as {
        config: { digest: string }
        layers: { digest: string; size: number }[]
      }
      assert.equal(
        manifest.config.digest,
        fixture.configDigest,
        'the config is pushed byte for byte',
      )
      assert.deepEqual(
        manifest.layers.map((layer) => layer.digest),
        pushed.images[0]!.layers.map((layer) => layer.digest),
      )
      const config = await inspectConfig(`${repository}:t1`, { registry })
      assert.deepEqual(config.rootfs.diff_ids, fixture.diffIds)

      if (keepsManifestBytes(fixture))
        assert.equal(
          pushed.digest,
          fixture.manifestDigest,
          'compressed OCI sources keep their manifest',
        )
      const expectedType =
        fixture.format === 'docker-archive'
          ? 'application/vnd.docker.distribution.manifest.v2+json'
          : 'application/vnd.oci.image.manifest.v1+json'
      assert.equal(pushed.mediaType, expectedType, 'the manifest type of the source is kept')

      // skopeo copies every blob out and verifies each digest; the manifest bytes are ours.
      const dir = await copyToDir(`${repository}:t1`, { registry })
      assert.equal(sha256(await readFile(join(dir, 'manifest.json'))), pushed.digest)
    })
  }

  it('pushes what skopeo pushes from the same OCI archive (same manifest digest)', async () => {
    const fixture = fixtureByName(corpus, 'oci-archive-gzip')
    const ours = await push({
      tarball: fixture.path,
      image: `${registry.host}/compare/ours`,
      tags: ['1'],
    })
    await pushWithSkopeo(fixture.skopeoRef, `${registry.host}/compare/skopeo:1`, { registry })
    const skopeoDigest = sha256(await inspectRaw(`${registry.host}/compare/skopeo:1`, { registry }))
    assert.equal(ours.images[0]!.digest, skopeoDigest)
  })

  it('uses the tarball names when image and tags are omitted', async () => {
    const fixture = fixtureByName(corpus, 'docker-archive-skopeo')
    // The stored names point at example.com; retarget by giving only the image.
    const result = await push({ tarball: fixture.path, image: `${registry.host}/named/app` })
    assert.deepEqual(result.images[0]!.references, [
      `${registry.host}/named/app:1.0`,
      `${registry.host}/named/app:latest`,
    ])
    const raw = await inspectRaw(`${registry.host}/named/app:latest`, { registry })
    assert.equal(sha256(raw), result.images[0]!.digest)
  })

  it('compresses with zstd on request, as an OCI manifest with zstd layers', async () => {
    const fixture = fixtureByName(corpus, 'docker-archive-skopeo')
    const result = await push({
      tarball: fixture.path,
      image: `${registry.host}/zstd/app`,
      tags: ['z'],
      compression: 'zstd',
    })
    const manifest = JSON.parse(
      (await inspectRaw(`${registry.host}/zstd/app:z`, { registry })).toString('utf8'),
    ) as {
      mediaType: string
      layers: { mediaType: string }[]
    }
    assert.equal(manifest.mediaType, 'application/vnd.oci.image.manifest.v1+json')
    assert.ok(
      manifest.layers.every(
        (layer) => layer.mediaType === 'application/vnd.oci.image.layer.v1.tar+zstd',
      ),
    )
    await copyToDir(`${registry.host}/zstd/app:z`, { registry })
    assert.equal(result.images[0]!.images[0]!.layers.length, fixture.diffIds.length)
  })
})

describe('an OCI archive holding an index (buildx with provenance)', () => {
  it('pushes the index bytes unchanged, members by digest, attestation included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'buildx-'))
    const archive = await writeBuildxStyleArchive(
      fixtureByName(corpus, 'oci-archive-gzip').path,
      join(dir, 'buildx.tar'),
      'example.com/team/app:buildx',
    )
    const repository = `${registry.host}/buildx/app`
    const result = await push({ tarball: archive.path, image: repository })
    const pushed = result.images[0]!
    assert.equal(pushed.digest, archive.indexDigest)
    assert.deepEqual(pushed.references, [`${repository}:buildx`])
    assert.equal(pushed.mediaType, 'application/vnd.oci.image.index.v1+json')
    assert.deepEqual(
      pushed.images.map((member) => member.digest),
      [archive.imageManifestDigest, archive.attestationManifestDigest],
    )
    assert.equal(
      sha256(await inspectRaw(`${repository}:buildx`, { registry })),
      archive.indexDigest,
    )
    for (const digest of [archive.imageManifestDigest, archive.attestationManifestDigest]) {
      assert.equal(sha256(await inspectRaw(`${repository}@${digest}`, { registry })), digest)
    }
    // skopeo resolves the index to the linux/amd64 image and verifies its blobs.
    const copied = await copyToDir(`${repository}:buildx`, { registry })
    assert.equal(sha256(await readFile(join(copied, 'manifest.json'))), archive.imageManifestDigest)
  })
})

describe('a second push of the same tarball uploads nothing', () => {
  let proxy: RunningProxy
  before(async () => {
    proxy = await startProxy({ target: registry })
  })
  after(() => proxy.stop())

  for (const name of ['docker-archive-skopeo', 'oci-archive-gzip', 'docker-save-legacy-symlink']) {
    it(name, async () => {
      const fixture = fixtureByName(corpus, name)
      const repository = `${proxy.host}/again/${slug(name)}`
      const first = await push({ tarball: fixture.path, image: repository, tags: ['1'] })
      assert.ok(first.images[0]!.images[0]!.layers.some((layer) => layer.status === 'uploaded'))
      const uploadsFirst = proxy.requests.filter((request) =>
        request.path.includes('/blobs/uploads/'),
      )
      assert.ok(uploadsFirst.length > 0, 'the first push uploads through the proxy')

      proxy.clear()
      const second = await push({ tarball: fixture.path, image: repository, tags: ['1', '2'] })
      assert.equal(second.images[0]!.digest, first.images[0]!.digest)
      const uploads = proxy.requests.filter((request) => request.path.includes('/blobs/uploads/'))
      assert.deepEqual(uploads, [], 'no POST/PATCH/PUT of a blob the second time')
      assert.ok(second.images[0]!.images[0]!.layers.every((layer) => layer.status === 'skipped'))
      assert.equal(second.bytesUploaded, 0)
      const methods = new Set(proxy.requests.map((request) => request.method))
      assert.deepEqual(
        [...methods].sort(),
        ['GET', 'HEAD', 'PUT'],
        'ping, HEADs and the manifest PUTs only',
      )
    })
  }
})
