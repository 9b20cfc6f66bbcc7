import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { push } from '../src/lib/push.ts'
import { fixtureByName, sha256 } from './support/fixtures.ts'
import type { Fault } from './support/proxy.ts'
import { copyToDir, inspectRaw } from './support/skopeo.ts'
import { registryHarness } from './support/harness.ts'

const harness = registryHarness()
const proxyWith = (faults?: Fault[]) => harness.proxyWith(faults)

const isBlobUploadPut = (request: { method: string; path: string }) =>
  request.method === 'PUT' && request.path.includes('/blobs/uploads/')

describe('registry protocol details', () => {
  it('falls back to PATCH then PUT ?digest= when a registry refuses the monolithic PUT', async () => {
    const proxy = await proxyWith([
      { kind: 'status', status: 405, match: isBlobUploadPut, times: 1 },
    ])
    // Stored (already compressed) blobs go up with a monolithic PUT: the first one is refused.
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const image = `${proxy.host}/protocol/patch`
    const result = await push({ tarball: fixture.path, image, tags: ['1'] })
    const patches = proxy.requests.filter((request) => request.method === 'PATCH')
    assert.ok(patches.length >= 1, 'blobs went up with PATCH')
    assert.ok(patches.every((request) => request.status === 202))
    const finals = proxy.requests.filter(
      (request) => isBlobUploadPut(request) && request.status === 201,
    )
    assert.ok(
      finals.every((request) => /[?&]digest=sha256%3A/.test(request.path)),
      'the closing PUT carries the digest',
    )
    assert.equal(
      sha256(await inspectRaw(`${image}:1`, { registry: harness.registry })),
      result.images[0]!.digest,
    )
    await copyToDir(`${image}:1`, { registry: harness.registry })
  })

  it('follows a relative upload Location', async () => {
    const proxy = await proxyWith([
      { kind: 'rewrite-location', to: 'relative', match: (request) => request.method === 'POST' },
    ])
    const image = `${proxy.host}/protocol/relative`
    const result = await push({
      tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
      image,
      tags: ['1'],
    })
    const puts = proxy.requests.filter((request) => isBlobUploadPut(request))
    assert.ok(puts.length > 0 && puts.every((request) => request.status === 201))
    assert.equal(
      sha256(await inspectRaw(`${image}:1`, { registry: harness.registry })),
      result.images[0]!.digest,
    )
  })

  it('keeps the query a Location already carries and adds digest to it', async () => {
    const proxy = await proxyWith([
      { kind: 'rewrite-location', to: 'with-query', match: (request) => request.method === 'POST' },
    ])
    const image = `${proxy.host}/protocol/query`
    await push({
      tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
      image,
      tags: ['1'],
    })
    const puts = proxy.requests.filter((request) => isBlobUploadPut(request))
    assert.ok(puts.length > 0)
    for (const request of puts) {
      const query = new URL(request.path, 'http://x').searchParams
      assert.equal(query.get('proxy-extra'), '1', request.path)
      assert.ok(query.get('_state'), 'the registry state survives')
      assert.match(query.get('digest') ?? '', /^sha256:[a-f0-9]{64}$/)
      assert.equal(request.status, 201)
    }
  })

  it('PUTs the manifest only after every blob is in', async () => {
    const proxy = await proxyWith([])
    const fixture = fixtureByName(harness.corpus, 'docker-save-legacy')
    await push({ tarball: fixture.path, image: `${proxy.host}/protocol/order`, tags: ['a', 'b'] })
    const isManifestPut = (request: { method: string; path: string }) =>
      request.method === 'PUT' && request.path.includes('/manifests/')
    const firstManifestPut = proxy.requests.findIndex(isManifestPut)
    const lastBlob = proxy.requests.findLastIndex((request) => request.path.includes('/blobs/'))
    assert.ok(firstManifestPut > lastBlob, 'manifest PUTs come after every blob request')
    assert.equal(proxy.requests.filter(isManifestPut).length, 2)
  })

  it('HEADs every blob whose digest is known before uploading', async () => {
    const proxy = await proxyWith([])
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    await push({ tarball: fixture.path, image: `${proxy.host}/protocol/heads`, tags: ['a'] })
    const heads = proxy.requests.filter((request) => request.method === 'HEAD')
    assert.equal(
      heads.length,
      fixture.diffIds.length + 1,
      'one HEAD per layer and one for the config',
    )
  })
})
