import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push, type PushOptions } from '../src/lib/push.ts'
import { TarPushError } from '../src/lib/errors.ts'
import type { Logger } from '../src/lib/log.ts'
import { fixtureByName, sha256 } from './support/fixtures.ts'
import { ALICE, httpRequest, startRegistry, TOKEN_SERVICE } from './support/registry.ts'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startProxy, type Fault, type RunningProxy } from './support/proxy.ts'
import { copyToDir, inspectRaw } from './support/skopeo.ts'
import { registryHarness } from './support/harness.ts'

const harness = registryHarness()
const proxyWith = (faults?: Fault[]) => harness.proxyWith(faults)

/** A logger that keeps the warnings: every retry must say why. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return {
    info() {},
    debug() {},
    warn: (message) => warnings.push(message),
    group: (_title, run) => run(),
    secret() {},
    warnings,
  }
}

const fast: Partial<PushOptions> = { retryBaseDelayMs: 20 }
const isManifestPut = (request: { method: string; path: string }) =>
  request.method === 'PUT' && request.path.includes('/manifests/')

/** The push succeeded: the registry serves what we reported and skopeo copies every blob out. */
async function assertReadable(repository: string, tag: string, digest: string): Promise<void> {
  assert.equal(
    sha256(
      await inspectRaw(`${harness.registry.host}/${repository}:${tag}`, {
        registry: harness.registry,
      }),
    ),
    digest,
  )
  await copyToDir(`${harness.registry.host}/${repository}:${tag}`, { registry: harness.registry })
}

describe('transient faults are retried, bounded and visible', () => {
  for (const status of [500, 502, 503]) {
    it(`${status} on the manifest PUT once`, async () => {
      const proxy = await proxyWith([{ kind: 'status', status, match: isManifestPut, times: 1 }])
      const logger = recordingLogger()
      const repository = `faults/status-${status}`
      const result = await push({
        ...fast,
        tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
        image: `${proxy.host}/${repository}`,
        tags: ['1'],
        logger,
      })
      assert.deepEqual(
        proxy.requests.filter(isManifestPut).map((request) => request.status),
        [status, 201],
      )
      assert.match(logger.warnings.join('\n'), new RegExp(`HTTP ${status}.*retry 1 of 4`))
      await assertReadable(repository, '1', result.images[0]!.digest)
    })
  }

  it('429 with Retry-After on blob HEADs waits as asked', async () => {
    const proxy = await proxyWith([
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '1' },
        match: (request) => request.method === 'HEAD',
        times: 1,
      },
    ])
    const started = Date.now()
    const result = await push({
      ...fast,
      tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
      image: `${proxy.host}/faults/429`,
      tags: ['1'],
    })
    assert.ok(Date.now() - started >= 1000, 'Retry-After: 1 was honoured')
    assert.equal(proxy.requests.filter((request) => request.status === 429).length, 1)
    await assertReadable('faults/429', '1', result.images[0]!.digest)
  })

  it('a connection reset during a streamed layer upload restarts that upload cleanly', async () => {
    const proxy = await proxyWith([
      { kind: 'reset', match: (request) => request.method === 'PATCH', times: 1 },
    ])
    const logger = recordingLogger()
    const fixture = fixtureByName(harness.corpus, 'docker-archive-skopeo')
    const result = await push({
      ...fast,
      tarball: fixture.path,
      image: `${proxy.host}/faults/reset`,
      tags: ['1'],
      logger,
    })
    assert.equal(
      proxy.requests.filter((request) => request.status === 0).length,
      1,
      'one request was cut',
    )
    assert.match(
      logger.warnings.join('\n'),
      /streamed upload: .*(ECONNRESET|UND_ERR_SOCKET|EPIPE|other side closed).*retry 1/,
    )
    await assertReadable('faults/reset', '1', result.images[0]!.digest)
  })

  it('a response cut after a few bytes is retried', async () => {
    const proxy = await proxyWith([
      {
        kind: 'reset',
        match: (request) => request.method === 'GET' && request.path.endsWith('/manifests/1'),
        times: 1,
        afterBytes: 10,
      },
    ])
    // The re-push reads the tag's manifest first: that read is cut once.
    const fixture = fixtureByName(harness.corpus, 'docker-save-legacy')
    await push({
      ...fast,
      tarball: fixture.path,
      image: `${harness.registry.host}/faults/cut`,
      tags: ['1'],
    })
    const result = await push({
      ...fast,
      tarball: fixture.path,
      image: `${proxy.host}/faults/cut`,
      tags: ['1'],
    })
    assert.ok(result.images[0]!.images[0]!.layers.every((layer) => layer.status === 'skipped'))
  })

  it('a registry that keeps failing ends in a clear error after the retries, and no tag', async () => {
    const proxy = await proxyWith([
      { kind: 'status', status: 503, match: (request) => request.method === 'POST', times: 1000 },
    ])
    const logger = recordingLogger()
    await assert.rejects(
      push({
        ...fast,
        retries: 2,
        tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
        image: `${proxy.host}/faults/down`,
        tags: ['1'],
        logger,
      }),
      (error: unknown) => {
        assert.ok(error instanceof TarPushError)
        assert.equal(error.code, 'REGISTRY_ERROR')
        assert.equal(error.kind, 'registry')
        assert.match(
          error.describe(),
          /POST .*blobs\/uploads\/ answered HTTP 503[\s\S]*hint: the registry is failing/,
        )
        return true
      },
    )
    assert.ok(logger.warnings.some((warning) => /retry 2 of 2/.test(warning)))
    assert.deepEqual(proxy.requests.filter(isManifestPut), [])
    assert.equal(
      (await httpRequest(`${harness.registry.url}/v2/faults/down/tags/list`)).status,
      404,
    )
  })

  it('a digest mismatch is not retried: it is the tarball, not the network', async () => {
    const { buildHostile } = await import('./support/hostile.ts')
    const altered = (
      await buildHostile(await mkdtemp(join(tmpdir(), 'hostile-')), harness.corpus)
    ).find((fixture) => fixture.name.startsWith('oci-blob-altered'))!
    const proxy = await proxyWith([])
    const logger = recordingLogger()
    await assert.rejects(
      push({
        ...fast,
        tarball: altered.path,
        image: `${proxy.host}/faults/mismatch`,
        tags: ['1'],
        logger,
      }),
      (error: unknown) => error instanceof TarPushError && error.code === 'BLOB_DIGEST_MISMATCH',
    )
    assert.deepEqual(
      logger.warnings.filter((warning) => /retry/.test(warning)),
      [],
    )
  })

  it('a token rejected in the middle of a push is fetched again once, and the push goes on', async () => {
    const bearer = await startRegistry({ auth: 'bearer' })
    const proxy = await startProxy({ target: bearer })
    try {
      const repository = 'faults/token'
      const challenge = `Bearer realm="${bearer.tokenServer!.url}",service="${TOKEN_SERVICE}",scope="repository:${repository}:pull,push",error="invalid_token"`
      proxy.faults.push({
        kind: 'status',
        status: 401,
        headers: { 'www-authenticate': challenge },
        match: isManifestPut,
        times: 1,
      })
      const issuedBefore = bearer.tokenServer!.issued
      const result = await push({
        ...fast,
        tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
        image: `${proxy.host}/${repository}`,
        tags: ['1'],
        username: ALICE.username,
        password: ALICE.password,
      })
      assert.deepEqual(
        proxy.requests.filter(isManifestPut).map((request) => request.status),
        [401, 201],
      )
      assert.equal(
        bearer.tokenServer!.issued - issuedBefore,
        2,
        'one token at the start, one after the 401',
      )
      assert.match(result.images[0]!.digest, /^sha256:/)
    } finally {
      await proxy.stop()
      await bearer.stop()
    }
  })

  it('blob HEADs redirected to storage are followed, without the Authorization header', async () => {
    const basic = await startRegistry({ auth: 'basic' })
    const stopLater: (() => Promise<void>)[] = []
    const storageHeaders: IncomingHttpHeaders[] = []
    const storage = createServer((request, response) => {
      storageHeaders.push(request.headers)
      response.writeHead(200, { 'content-length': '1' }).end()
    })
    await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve))
    try {
      const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
      const credentials = { username: ALICE.username, password: ALICE.password }
      await push({
        ...fast,
        ...credentials,
        tarball: fixture.path,
        image: `${basic.host}/faults/redirect`,
        tags: ['1'],
      })
      const storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}/blob`
      const proxy = await startProxy({
        target: basic,
        faults: [
          {
            kind: 'status',
            status: 307,
            headers: { location: storageUrl },
            match: (request) => request.method === 'HEAD',
            times: 100,
          },
        ],
      })
      stopLater.push(() => proxy.stop())
      const result = await push({
        ...fast,
        ...credentials,
        tarball: fixture.path,
        image: `${proxy.host}/faults/redirect`,
        tags: ['1'],
      })
      assert.ok(result.images[0]!.images[0]!.layers.every((layer) => layer.status === 'skipped'))
      assert.equal(
        storageHeaders.length,
        fixture.diffIds.length + 1,
        'every HEAD followed the redirect',
      )
      assert.ok(
        storageHeaders.every((headers) => headers.authorization === undefined),
        'no Authorization crossed hosts',
      )
      assert.ok(
        proxy.requests
          .filter((request) => request.method === 'HEAD')
          .every((request) => request.headers['authorization'] !== undefined),
        'the registry itself got it',
      )
    } finally {
      await Promise.all(stopLater.map((stop) => stop()))
      storage.close()
      await basic.stop()
    }
  })
})

describe('chunked uploads', () => {
  const patches = (proxy: RunningProxy) =>
    proxy.requests.filter((request) => request.method === 'PATCH')

  it('--chunk-size sends consecutive Content-Range chunks and the same blobs', async () => {
    const fixture = fixtureByName(harness.corpus, 'docker-archive-skopeo')
    const whole = await push({
      ...fast,
      tarball: fixture.path,
      image: `${harness.registry.host}/chunks/whole`,
      tags: ['1'],
    })
    const proxy = await proxyWith([])
    const result = await push({
      ...fast,
      tarball: fixture.path,
      image: `${proxy.host}/chunks/small`,
      tags: ['1'],
      chunkSize: 65536,
    })
    assert.equal(result.images[0]!.digest, whole.images[0]!.digest)
    const ranges = patches(proxy).map((request) => String(request.headers['content-range']))
    assert.ok(ranges.length > fixture.diffIds.length, `several chunks: ${ranges.join(' ')}`)
    for (const range of ranges) {
      const [start, end] = range.split('-').map(Number)
      assert.ok(end! - start! + 1 <= 65536, range)
    }
    assert.ok(
      ranges.includes('0-65535') && ranges.includes('65536-131071'),
      'consecutive, inclusive ends',
    )
    await assertReadable('chunks/small', '1', result.images[0]!.digest)
  })

  it('a streamed PATCH refused as too large (416, as GHCR does) is sent again in chunks', async () => {
    const proxy = await proxyWith([
      { kind: 'status', status: 416, match: (request) => request.method === 'PATCH', times: 1 },
    ])
    const logger = recordingLogger()
    const info: string[] = []
    const result = await push({
      ...fast,
      tarball: fixtureByName(harness.corpus, 'docker-archive-skopeo').path,
      image: `${proxy.host}/chunks/refused`,
      tags: ['1'],
      logger: { ...logger, info: (message: string) => info.push(message) },
    })
    assert.match(
      info.join('\n'),
      /refused an upload body as too large.*compressing to a file first/,
    )
    assert.equal(patches(proxy)[0]!.status, 416)
    // Layers already streaming finish as they are; the refused one goes again in chunks.
    assert.ok(
      patches(proxy)
        .slice(1)
        .every((request) => request.status === 202),
    )
    assert.ok(patches(proxy).some((request) => request.headers['content-range'] !== undefined))
    await assertReadable('chunks/refused', '1', result.images[0]!.digest)
  })

  it('a monolithic PUT refused with 413 moves to chunks', async () => {
    const proxy = await proxyWith([
      {
        kind: 'status',
        status: 413,
        match: (request) => request.method === 'PUT' && request.path.includes('/blobs/uploads/'),
        times: 1,
      },
    ])
    const result = await push({
      ...fast,
      tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
      image: `${proxy.host}/chunks/put413`,
      tags: ['1'],
    })
    assert.ok(
      patches(proxy).length > 0 &&
        patches(proxy).every((request) => request.headers['content-range'] !== undefined),
    )
    await assertReadable('chunks/put413', '1', result.images[0]!.digest)
  })
})

describe('bodies without a length, timeouts', () => {
  it('a registry that refuses Transfer-Encoding: chunked (400, as ACR) gets spooled bodies', async () => {
    const isChunkedBody = (request: Parameters<Fault['match']>[0]) =>
      request.headers?.['transfer-encoding'] === 'chunked'
    const proxy = await proxyWith([
      { kind: 'status', status: 400, match: isChunkedBody, times: 1000 },
    ])
    const result = await push({
      ...fast,
      tarball: fixtureByName(harness.corpus, 'docker-save-legacy').path,
      image: `${proxy.host}/bodies/length`,
      tags: ['1'],
      concurrency: 1,
    })
    const refused = proxy.requests.filter((request) => request.status === 400)
    assert.equal(refused.length, 1, 'one streamed body refused, then every body has a length')
    assert.ok(
      proxy.requests
        .filter((request) => request.method === 'PUT' || request.method === 'PATCH')
        .slice(1)
        .every((request) => request.headers['transfer-encoding'] !== 'chunked'),
    )
    await assertReadable('bodies/length', '1', result.images[0]!.digest)
  })

  it('a registry that stops answering hits the timeout and the request is retried', async () => {
    const proxy = await proxyWith([
      { kind: 'delay', ms: 2500, match: (request) => request.method === 'HEAD', times: 1 },
    ])
    const logger = recordingLogger()
    const result = await push({
      ...fast,
      timeoutSeconds: 1,
      tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
      image: `${proxy.host}/bodies/timeout`,
      tags: ['1'],
      logger,
    })
    assert.match(logger.warnings.join('\n'), /HEADERS_TIMEOUT|timeout/i)
    await assertReadable('bodies/timeout', '1', result.images[0]!.digest)
  })
})

describe('resumable uploads', () => {
  it('a chunk cut off resumes from the Range the upload session reports, not from byte 0', async () => {
    const secondChunk = (request: Parameters<Fault['match']>[0]) =>
      request.method === 'PATCH' && request.headers?.['content-range'] === '65536-131071'
    const proxy = await proxyWith([{ kind: 'reset', match: secondChunk, times: 1 }])
    const logger = recordingLogger()
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const result = await push({
      ...fast,
      chunkSize: 65536,
      concurrency: 1,
      tarball: fixture.path,
      image: `${proxy.host}/resume/app`,
      tags: ['1'],
      logger,
    })
    assert.match(
      logger.warnings.join('\n'),
      /chunk 65536-131071 of sha256:[a-f0-9]+ failed .*resuming at byte 65536/,
    )
    const patches = proxy.requests.filter((request) => request.method === 'PATCH')
    const cut = patches.findIndex((request) => request.status === 0)
    assert.ok(cut > 0, 'one chunk was cut off')
    assert.equal(
      patches[cut + 1]!.headers['content-range'],
      '65536-131071',
      'the same chunk is sent again, nothing before it',
    )
    assert.ok(
      proxy.requests.some(
        (request) => request.method === 'GET' && request.path.includes('/blobs/uploads/'),
      ),
      'the session was asked where it stands',
    )
    await assertReadable('resume/app', '1', result.images[0]!.digest)
  })
})
