import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push, type PushOptions } from '../src/lib/push.ts'
import { pull } from '../src/lib/pull.ts'
import { TarPushError } from '../src/lib/errors.ts'
import type { Logger } from '../src/lib/log.ts'
import { fixtureByName, sha256 } from './support/fixtures.ts'
import { ALICE, httpRequest, startRegistry, TOKEN_SERVICE } from './support/registry.ts'
import { startProxy, type Fault, type RunningProxy } from './support/proxy.ts'
import { startBlobStorage } from './support/storage.ts'
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
          /POST .*blobs\/uploads\/ answered HTTP 503; gave up after 3 attempts[\s\S]*hint: the registry is failing/,
        )
        return true
      },
    )
    // Issue 19: the same failure is told once per upload (retry 1 of 2), not at every retry.
    const lines = logger.warnings.filter((warning) => /retry \d of 2/.test(warning))
    assert.ok(
      lines.length > 0 && lines.every((warning) => /retry 1 of 2/.test(warning)),
      `${lines}`,
    )
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
    const storage = await startBlobStorage(Buffer.alloc(1))
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
      const proxy = await startProxy({
        target: basic,
        faults: [
          {
            kind: 'status',
            status: 307,
            headers: { location: storage.url },
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
        storage.headers.length,
        fixture.diffIds.length + 1,
        'every HEAD followed the redirect',
      )
      assert.ok(
        storage.headers.every((headers) => headers.authorization === undefined),
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
      await storage.stop()
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

describe('slow and stalled bodies: the timeout is an idle timeout', () => {
  const isManifestGet = (request: { method: string; path: string }) =>
    request.method === 'GET' && request.path.endsWith('/manifests/1')
  const isBlobGet = (request: { method: string; path: string }) =>
    request.method === 'GET' && /\/blobs\/sha256:/.test(request.path)
  const isLayerPut = (size: number) => (request: Parameters<Fault['match']>[0]) =>
    request.method === 'PUT' &&
    request.path.includes('/blobs/uploads/') &&
    request.headers?.['content-length'] === String(size)
  const retries = (logger: { warnings: string[] }) =>
    logger.warnings.filter((warning) => /retry \d+ of/.test(warning))

  /** Pushes `fixture` straight to the registry, so that a second push reads its tag back. */
  async function pushedBefore(fixtureName: string, repository: string) {
    return push({
      ...fast,
      tarball: fixtureByName(harness.corpus, fixtureName).path,
      image: `${harness.registry.host}/${repository}`,
      tags: ['1'],
    })
  }

  /** The largest layer of a fixture whose layers go up as they are stored (one monolithic PUT). */
  function largestLayer(result: Awaited<ReturnType<typeof push>>) {
    return result.images[0]!.images[0]!.layers.reduce((a, b) => (b.size > a.size ? b : a))
  }

  it('a manifest answer dripping for longer than the timeout, never idle that long, completes', async () => {
    const first = await pushedBefore('docker-save-legacy', 'slow/manifest')
    // About ten pieces, 250 ms apart: 2.5 s for the body with a 1 s timeout.
    const bytes = Math.ceil(first.images[0]!.size / 10)
    const proxy = await proxyWith([
      { kind: 'drip', bytes, everyMs: 250, match: isManifestGet, times: 1 },
    ])
    const logger = recordingLogger()
    const started = Date.now()
    const result = await push({
      ...fast,
      timeoutSeconds: 1,
      tarball: fixtureByName(harness.corpus, 'docker-save-legacy').path,
      image: `${proxy.host}/slow/manifest`,
      tags: ['1'],
      logger,
    })
    assert.ok(Date.now() - started >= 2000, 'the manifest took longer than the timeout')
    assert.deepEqual(retries(logger), [], 'no false timeout')
    const gets = proxy.requests.filter(isManifestGet)
    assert.deepEqual(
      gets.map((request) => [request.fault, request.status, request.aborted]),
      [['drip', 200, undefined]],
    )
    assert.equal(result.images[0]!.digest, first.images[0]!.digest)
  })

  it('blobs and a manifest dripping for longer than the timeout are pulled whole (pull)', async () => {
    const pushed = await pushedBefore('oci-archive-gzip', 'slow/pull')
    const layer = largestLayer(pushed)
    const proxy = await proxyWith([
      { kind: 'drip', bytes: 200, everyMs: 200, match: isManifestGet, times: 10 },
      {
        kind: 'drip',
        bytes: Math.ceil(layer.size / 8),
        everyMs: 300,
        match: isBlobGet,
        times: 100,
      },
    ])
    const logger = recordingLogger()
    const started = Date.now()
    const output = join(await mkdtemp(join(tmpdir(), 'slow-pull-')), 'layout')
    const result = await pull({
      retryBaseDelayMs: 20,
      timeoutSeconds: 1,
      image: `${proxy.host}/slow/pull:1`,
      output,
      format: 'oci',
      logger,
    })
    assert.ok(Date.now() - started >= 2000, 'the largest layer took longer than the timeout')
    assert.deepEqual(retries(logger), [], 'no false timeout')
    assert.equal(result.digest, pushed.images[0]!.digest)
    const blobGets = proxy.requests.filter(isBlobGet)
    assert.ok(blobGets.length >= 2 && blobGets.every((request) => request.fault === 'drip'))
    assert.ok(blobGets.every((request) => request.status === 200 && !request.aborted))
  })

  it('a blob download that stalls is given up after the timeout and resumed where it stopped (pull)', async () => {
    const pushed = await pushedBefore('oci-archive-gzip', 'stall/pull')
    const layer = largestLayer(pushed)
    const isLayerGet = (request: { method: string; path: string }) =>
      request.method === 'GET' && request.path.endsWith(`/blobs/${layer.digest}`)
    const proxy = await proxyWith([
      { kind: 'stall', afterBytes: 4096, match: isLayerGet, times: 1 },
    ])
    const logger = recordingLogger()
    const output = join(await mkdtemp(join(tmpdir(), 'stall-pull-')), 'layout')
    const result = await pull({
      retryBaseDelayMs: 20,
      timeoutSeconds: 1,
      image: `${proxy.host}/stall/pull:1`,
      output,
      format: 'oci',
      logger,
    })
    assert.equal(result.digest, pushed.images[0]!.digest)
    assert.match(
      retries(logger).join('\n'),
      new RegExp(
        `GET http://${proxy.host}/v2/stall/pull/blobs/${layer.digest} failed: the response stalled, no bytes within the timeout \\(UND_ERR_BODY_TIMEOUT\\); retry 1 of 4`,
      ),
    )
    const gets = proxy.requests.filter(isLayerGet)
    assert.deepEqual(
      gets.map((request) => [request.fault, request.aborted, request.headers['range']]),
      [
        ['stall', true, undefined],
        [undefined, undefined, 'bytes=4096-'],
      ],
      'the client gave up on the stalled answer and asked for the rest only',
    )
  })

  it('a manifest answer that stalls once is read again, and the push goes on', async () => {
    const first = await pushedBefore('docker-save-legacy', 'stall/manifest')
    const proxy = await proxyWith([
      { kind: 'stall', afterBytes: 10, match: isManifestGet, times: 1 },
    ])
    const logger = recordingLogger()
    const result = await push({
      ...fast,
      timeoutSeconds: 1,
      tarball: fixtureByName(harness.corpus, 'docker-save-legacy').path,
      image: `${proxy.host}/stall/manifest`,
      tags: ['1'],
      logger,
    })
    assert.match(
      retries(logger).join('\n'),
      /GET .*\/v2\/stall\/manifest\/manifests\/1: .*the response stalled.*UND_ERR_BODY_TIMEOUT.*retry 1 of 4/,
    )
    assert.deepEqual(
      proxy.requests.filter(isManifestGet).map((request) => [request.status, request.aborted]),
      [
        [200, true],
        [200, undefined],
      ],
    )
    assert.equal(result.images[0]!.digest, first.images[0]!.digest)
    await assertReadable('stall/manifest', '1', result.images[0]!.digest)
  })

  it('an upload whose body stalls once times out, starts again in a new session, and the push succeeds', async () => {
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const reference = await pushedBefore('oci-archive-gzip', 'stall/reference')
    const layer = largestLayer(reference)
    const proxy = await proxyWith([
      { kind: 'stall', direction: 'request', afterBytes: 8192, match: isLayerPut(layer.size) },
    ])
    const logger = recordingLogger()
    const result = await push({
      ...fast,
      timeoutSeconds: 1,
      tarball: fixture.path,
      image: `${proxy.host}/stall/upload`,
      tags: ['1'],
      logger,
    })
    assert.match(
      retries(logger).join('\n'),
      new RegExp(
        `upload of ${layer.digest}: PUT http://${proxy.host}/v2/stall/upload/blobs/uploads/\\S+ failed: no answer within the timeout \\(UND_ERR_HEADERS_TIMEOUT\\); retry 1 of 4`,
      ),
    )
    const puts = proxy.requests.filter(isLayerPut(layer.size))
    assert.deepEqual(
      puts.map((request) => [request.fault, request.status]),
      [
        ['stall', 0],
        [undefined, 201],
      ],
      'the stalled PUT never got an answer; the next went through',
    )
    const session = (path: string) => new URL(path, 'http://x').pathname
    assert.notEqual(session(puts[0]!.path), session(puts[1]!.path), 'a new upload session')
    assert.ok(
      !proxy.requests.some((request) => request.method === 'DELETE'),
      'a registry that stopped answering is not asked to cancel (that would wait out another timeout)',
    )
    assert.equal(result.images[0]!.digest, reference.images[0]!.digest)
    await assertReadable('stall/upload', '1', result.images[0]!.digest)
  })

  it('an upload that stalls every time fails with a clear error naming the URL, and no tag', async () => {
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const layer = largestLayer(await pushedBefore('oci-archive-gzip', 'stall/reference2'))
    const proxy = await proxyWith([
      {
        kind: 'stall',
        direction: 'request',
        afterBytes: 8192,
        match: isLayerPut(layer.size),
        times: 1000,
      },
    ])
    const logger = recordingLogger()
    await assert.rejects(
      push({
        ...fast,
        retries: 1,
        timeoutSeconds: 1,
        tarball: fixture.path,
        image: `${proxy.host}/stall/down`,
        tags: ['1'],
        logger,
      }),
      (error: unknown) => {
        assert.ok(error instanceof TarPushError)
        assert.equal(error.code, 'NETWORK_ERROR')
        assert.match(
          error.describe(),
          new RegExp(
            `PUT http://${proxy.host}/v2/stall/down/blobs/uploads/\\S+ failed: no answer within the timeout[\\s\\S]*hint: the registry stopped answering`,
          ),
        )
        return true
      },
    )
    assert.equal(retries(logger).length, 1, 'retried as often as asked')
    assert.equal(proxy.requests.filter(isLayerPut(layer.size)).length, 2)
    assert.deepEqual(proxy.requests.filter(isManifestPut), [])
    assert.equal((await httpRequest(`${harness.registry.url}/v2/stall/down/tags/list`)).status, 404)
  })
})

describe('registry quirks provoked through the proxy', () => {
  const isMount = (request: { method: string; path: string }) =>
    request.method === 'POST' && request.path.includes('mount=')
  const statuses = (result: Awaited<ReturnType<typeof push>>) =>
    result.images[0]!.images[0]!.layers.map((layer) => layer.status)

  /** Pushes `fixture` to `from` through the proxy, so the digest map names it as a mount source. */
  async function seedMountSource(proxy: RunningProxy, from: string, extra: Partial<PushOptions>) {
    const cacheDir = await mkdtemp(join(tmpdir(), 'quirk-cache-'))
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const first = await push({
      ...fast,
      ...extra,
      cacheDir,
      tarball: fixture.path,
      image: `${proxy.host}/${from}`,
      tags: ['1'],
    })
    proxy.clear()
    return { cacheDir, fixture, first }
  }

  it('Harbor: a mount answered 401 (insufficient scope) is not an error; the blob is uploaded', async () => {
    const bearer = await startRegistry({ auth: 'bearer' })
    const proxy = await startProxy({ target: bearer })
    try {
      const credentials = { username: ALICE.username, password: ALICE.password }
      const { cacheDir, fixture, first } = await seedMountSource(
        proxy,
        'quirks/harbor-a',
        credentials,
      )
      // Harbor's answer when the user may not read the source project: both the first try and
      // the one with a fresh token are refused.
      const challenge = `Bearer realm="${bearer.tokenServer!.url}",service="${TOKEN_SERVICE}",scope="repository:quirks/harbor-a:pull",error="insufficient_scope"`
      proxy.faults.push({
        kind: 'status',
        status: 401,
        headers: { 'www-authenticate': challenge },
        body: '{"errors":[{"code":"UNAUTHORIZED","message":"unauthorized to access repository"}]}',
        match: isMount,
        times: 1000,
      })
      const result = await push({
        ...fast,
        ...credentials,
        cacheDir,
        tarball: fixture.path,
        image: `${proxy.host}/quirks/harbor-b`,
        tags: ['1'],
      })
      const mounts = proxy.requests.filter(isMount)
      assert.ok(mounts.length >= 2 && mounts.every((request) => request.status === 401))
      assert.ok(statuses(result).every((status) => status === 'uploaded'))
      assert.equal(result.images[0]!.digest, first.images[0]!.digest)
      assert.equal(
        sha256(
          await inspectRaw(`${bearer.host}/quirks/harbor-b:1`, { registry: bearer, user: ALICE }),
        ),
        result.images[0]!.digest,
      )
      await copyToDir(`${bearer.host}/quirks/harbor-b:1`, { registry: bearer, user: ALICE })
    } finally {
      await proxy.stop()
      await bearer.stop()
    }
  })

  it('Harbor: a mount answered 404 uploads the blob', async () => {
    const proxy = await proxyWith([])
    const { cacheDir, fixture, first } = await seedMountSource(proxy, 'quirks/harbor404-a', {})
    proxy.faults.push({ kind: 'status', status: 404, match: isMount, times: 1000 })
    const result = await push({
      ...fast,
      cacheDir,
      tarball: fixture.path,
      image: `${proxy.host}/quirks/harbor404-b`,
      tags: ['1'],
    })
    assert.ok(proxy.requests.filter(isMount).length > 0)
    assert.ok(statuses(result).every((status) => status === 'uploaded'))
    assert.equal(result.images[0]!.digest, first.images[0]!.digest)
    await assertReadable('quirks/harbor404-b', '1', result.images[0]!.digest)
  })

  it('Docker Hub: a mount answered 202 without mounting cancels that session and uploads', async () => {
    const proxy = await proxyWith([])
    const { cacheDir, fixture, first } = await seedMountSource(proxy, 'quirks/hub-a', {})
    // A real upload session, as Docker Hub opens one in place of the mount.
    const opened = await httpRequest(`${harness.registry.url}/v2/quirks/hub-b/blobs/uploads/`, {
      method: 'POST',
    })
    assert.equal(opened.status, 202)
    const session = new URL(String(opened.headers['location']), harness.registry.url)
    const location = session.pathname + session.search
    proxy.faults.push({
      kind: 'status',
      status: 202,
      headers: { location, 'docker-upload-uuid': session.pathname.split('/').pop()! },
      match: isMount,
      times: 1000,
    })
    const result = await push({
      ...fast,
      cacheDir,
      tarball: fixture.path,
      image: `${proxy.host}/quirks/hub-b`,
      tags: ['1'],
    })
    const mounts = proxy.requests.filter(isMount)
    assert.equal(mounts.length, fixture.diffIds.length + 1, 'each layer and the config tried')
    const cancels = proxy.requests.filter(
      (request) => request.method === 'DELETE' && request.path === location,
    )
    assert.equal(cancels.length, mounts.length, 'every session opened in its place is cancelled')
    // The DELETEs run in parallel: the registry may take them in another order than the proxy
    // saw them (and two that race may both find the session), so any of them dropped it (204)
    // and the others found it gone (404).
    const statusesOfCancels = cancels.map((cancel) => cancel.status)
    assert.ok(statusesOfCancels.includes(204), `the registry dropped it: ${statusesOfCancels}`)
    assert.ok(
      statusesOfCancels.every((status) => status === 204 || status === 404),
      `${statusesOfCancels}`,
    )
    assert.ok(statuses(result).every((status) => status === 'uploaded'))
    assert.equal(result.images[0]!.digest, first.images[0]!.digest)
    await assertReadable('quirks/hub-b', '1', result.images[0]!.digest)
  })

  for (const status of [416, 501]) {
    it(`Artifactory: a monolithic PUT answered ${status} moves to POST → PATCH → PUT`, async () => {
      const isBlobPut = (request: { method: string; path: string }) =>
        request.method === 'PUT' && request.path.includes('/blobs/uploads/')
      const proxy = await proxyWith([{ kind: 'status', status, match: isBlobPut, times: 1 }])
      const repository = `quirks/artifactory-${status}`
      const result = await push({
        ...fast,
        tarball: fixtureByName(harness.corpus, 'oci-archive-gzip').path,
        image: `${proxy.host}/${repository}`,
        tags: ['1'],
      })
      const refused = proxy.requests.find((request) => request.status === status)!
      const digest = new URL(refused.path, proxy.url).searchParams.get('digest')!
      const sessions = proxy.requests.slice(proxy.requests.indexOf(refused) + 1)
      const closing = sessions.find(
        (request) =>
          isBlobPut(request) &&
          new URL(request.path, proxy.url).searchParams.get('digest') === digest,
      )!
      assert.deepEqual(
        [closing.status, closing.headers['content-length']],
        [201, '0'],
        'the refused blob went up again, its PUT only closing the upload',
      )
      const session = new URL(closing.path, proxy.url).pathname
      assert.ok(
        sessions.some(
          (request) =>
            request.method === 'PATCH' &&
            new URL(request.path, proxy.url).pathname === session &&
            request.status === 202,
        ),
        'its bytes went with PATCH',
      )
      await assertReadable(repository, '1', result.images[0]!.digest)
    })
  }
})

describe('a broken upload restarts cleanly', () => {
  it('a connection reset at 80% of a layer PUT: the session is cancelled, a new one carries the whole layer', async () => {
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const reference = await push({
      ...fast,
      tarball: fixture.path,
      image: `${harness.registry.host}/broken/reference`,
      tags: ['1'],
    })
    const layer = reference.images[0]!.images[0]!.layers.reduce((a, b) => (b.size > a.size ? b : a))
    const isLayerPut = (request: Parameters<Fault['match']>[0]) =>
      request.method === 'PUT' &&
      request.path.includes('/blobs/uploads/') &&
      request.headers?.['content-length'] === String(layer.size)
    const cutAt = Math.floor(layer.size * 0.8)
    const proxy = await proxyWith([
      { kind: 'reset', afterRequestBytes: cutAt, match: isLayerPut, times: 1 },
    ])
    const logger = recordingLogger()
    const result = await push({
      ...fast,
      tarball: fixture.path,
      image: `${proxy.host}/broken/app`,
      tags: ['1'],
      logger,
    })
    assert.match(
      logger.warnings.join('\n'),
      new RegExp(
        `upload of ${layer.digest}: PUT http://${proxy.host}/v2/broken/app/blobs/uploads/\\S+ failed: .*retry 1 of 4`,
      ),
    )
    const puts = proxy.requests.filter(isLayerPut)
    assert.deepEqual(
      puts.map((request) => [request.fault, request.status]),
      [
        ['reset', 0],
        [undefined, 201],
      ],
    )
    const sessionOf = (path: string) => new URL(path, proxy.url).pathname
    const broken = sessionOf(puts[0]!.path)
    assert.notEqual(sessionOf(puts[1]!.path), broken, 'the retry uses a new session')
    const cancel = proxy.requests.find(
      (request) => request.method === 'DELETE' && sessionOf(request.path) === broken,
    )
    assert.ok(cancel, 'the broken session is cancelled')
    // distribution keeps the offset in the Location's _state: once bytes went past it, it
    // refuses that session (404 BLOB_UPLOAD_INVALID), DELETE included, and purges it later.
    // Registries without such a state drop it at once (204).
    assert.ok([204, 404].includes(cancel.status), String(cancel.status))
    assert.ok(
      proxy.requests.indexOf(cancel) < proxy.requests.indexOf(puts[1]!),
      'before the upload starts again',
    )
    assert.equal(result.images[0]!.digest, reference.images[0]!.digest, 'the same digest')
    await assertReadable('broken/app', '1', result.images[0]!.digest)
  })
})
