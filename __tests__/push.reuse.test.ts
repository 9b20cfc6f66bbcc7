import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push } from '../src/lib/push.ts'
import {
  buildCorpus,
  deriveConfig,
  fixtureByName,
  readDockerImage,
  sha256,
  legacyDockerSaveEntries,
  type Fixture,
} from './support/fixtures.ts'
import { writeTar } from './support/tar-builder.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'
import { copyToDir, inspectRaw } from './support/skopeo.ts'

let registry: RunningRegistry
let proxy: RunningProxy
let corpus: Fixture[]
let workDir: string

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'reuse-'))
  ;[registry, corpus] = await Promise.all([startRegistry(), buildCorpus(join(workDir, 'corpus'))])
  proxy = await startProxy({ target: registry })
})
after(async () => {
  await proxy.stop()
  await registry.stop()
})

const uploads = () => proxy.requests.filter((request) => request.path.includes('/blobs/uploads/'))
const layerStatuses = (result: Awaited<ReturnType<typeof push>>) =>
  result.images[0]!.images[0]!.layers.map((layer) => layer.status)

describe('no work done twice', () => {
  it('a re-push to the same tag with no local cache compresses nothing: the tag tells the digests', async () => {
    const fixture = fixtureByName(corpus, 'docker-save-legacy')
    const image = `${proxy.host}/reuse/tag`
    const first = await push({ tarball: fixture.path, image, tags: ['1'] })
    proxy.clear()
    const second = await push({ tarball: fixture.path, image, tags: ['1'] })
    assert.equal(second.images[0]!.digest, first.images[0]!.digest)
    assert.deepEqual(uploads(), [])
    assert.ok(layerStatuses(second).every((status) => status === 'skipped'))
    assert.ok(
      proxy.requests.some(
        (request) => request.method === 'GET' && request.path.endsWith('/manifests/1'),
      ),
    )
  })

  it('keeps connections open across HEADs (undici closes them after a HEAD unless told not to)', async () => {
    const fixture = fixtureByName(corpus, 'docker-save-legacy')
    const image = `${proxy.host}/reuse/keepalive`
    await push({ tarball: fixture.path, image, tags: ['1'] })
    proxy.clear()
    // One layer at a time: every HEAD of the re-push can reuse a connection.
    await push({ tarball: fixture.path, image, tags: ['1'], concurrency: 1 })
    const heads = proxy.requests.filter((request) => request.method === 'HEAD').length
    assert.ok(heads >= 4, `${heads} HEADs`)
    // The https probe of a loopback registry, then at most three kept connections (the tag's
    // manifest and config are read at once; the blobs known ahead are asked about beside the
    // layers' own steps); a connection closed after each HEAD makes 7.
    assert.ok(proxy.connections <= 4, `${proxy.connections} connections for ${heads} HEADs`)
  })

  it('after one layer changed, only that layer is uploaded', async () => {
    const fixture = fixtureByName(corpus, 'docker-save-legacy')
    const image = `${proxy.host}/reuse/changed`
    await push({ tarball: fixture.path, image, tags: ['1'] })
    const parts = await readDockerImage(fixture.path)
    const layers = [...parts.layers]
    layers[layers.length - 1] = Buffer.concat([
      layers[layers.length - 1]!.subarray(0, 0),
      await tarOfOneFile('changed.txt', 'a new last layer\n'),
    ])
    const diffIds = layers.map((layer) => sha256(layer))
    const changed = join(workDir, 'changed.tar')
    await writeTar(
      changed,
      legacyDockerSaveEntries(
        { config: deriveConfig(parts.config, diffIds), layers },
        { repoTags: ['example.com/team/app:2'] },
      ),
    )
    proxy.clear()
    const result = await push({ tarball: changed, image, tags: ['1'] })
    const statuses = layerStatuses(result)
    assert.deepEqual(
      statuses.slice(0, -1),
      statuses.slice(0, -1).map(() => 'skipped'),
    )
    assert.equal(statuses[statuses.length - 1], 'uploaded')
    assert.equal(
      uploads().filter((request) => request.method === 'PATCH').length,
      1,
      'one layer streamed up',
    )
    await copyToDir(`${image}:1`, { registry })
  })

  it('the digest map lets another repository mount the blobs instead of uploading them', async () => {
    const cacheDir = join(workDir, 'cache')
    const fixture = fixtureByName(corpus, 'docker-archive-skopeo')
    const first = await push({
      tarball: fixture.path,
      image: `${proxy.host}/mount/source`,
      tags: ['1'],
      cacheDir,
    })
    proxy.clear()
    const second = await push({
      tarball: fixture.path,
      image: `${proxy.host}/mount/target`,
      tags: ['1'],
      cacheDir,
    })
    assert.equal(
      second.images[0]!.digest,
      first.images[0]!.digest,
      'same layers, same digests, without compressing',
    )
    assert.ok(layerStatuses(second).every((status) => status === 'mounted'))
    const mounts = proxy.requests.filter(
      (request) => request.method === 'POST' && request.path.includes('mount='),
    )
    assert.equal(mounts.length, fixture.diffIds.length + 1, 'each layer and the config mounted')
    assert.ok(mounts.every((request) => request.status === 201))
    assert.equal(
      proxy.requests.filter(
        (request) =>
          request.method === 'PATCH' ||
          (request.method === 'PUT' && request.path.includes('/blobs/')),
      ).length,
      0,
    )
    assert.equal(
      sha256(await inspectRaw(`${registry.host}/mount/target:1`, { registry })),
      second.images[0]!.digest,
    )
    await copyToDir(`${registry.host}/mount/target:1`, { registry })
  })

  it('stream and spool upload modes give the same blobs', async () => {
    const fixture = fixtureByName(corpus, 'docker-archive-skopeo')
    const streamed = await push({
      tarball: fixture.path,
      image: `${registry.host}/mode/stream`,
      tags: ['1'],
      uploadMode: 'stream',
    })
    const spooled = await push({
      tarball: fixture.path,
      image: `${registry.host}/mode/spool`,
      tags: ['1'],
      uploadMode: 'spool',
    })
    assert.equal(spooled.images[0]!.digest, streamed.images[0]!.digest)
    await copyToDir(`${registry.host}/mode/spool:1`, { registry })
  })

  it('a corrupted layer fails a streamed upload before anything is committed', async () => {
    // The hostile corpus covers the codes; here: the streamed PATCH is never followed by its PUT.
    const { buildHostile } = await import('./support/hostile.ts')
    const altered = (await buildHostile(join(workDir, 'hostile'), corpus)).find((fixture) =>
      fixture.name.startsWith('layer-altered'),
    )!
    proxy.clear()
    await assert.rejects(
      push({ tarball: altered.path, image: `${proxy.host}/reuse/altered`, tags: ['1'] }),
      (error: { code?: string }) => error.code === 'DIFF_ID_MISMATCH',
    )
    const commits = proxy.requests.filter((request) => request.method === 'PUT')
    assert.deepEqual(
      commits.filter((request) => request.status === 201 && request.path.includes('/manifests/')),
      [],
    )
  })
})

async function tarOfOneFile(name: string, content: string): Promise<Buffer> {
  const { tarBytes } = await import('./support/tar-builder.ts')
  return tarBytes([{ kind: 'file', name, data: content }])
}
