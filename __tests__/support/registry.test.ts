/**
 * Self-test of the test registries, token server and proxy against the real distribution binary
 * and a real client (skopeo), so later tests can trust them.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { Agent, get } from 'node:http'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { promisify } from 'node:util'
import { testCertificates } from './certs.ts'
import { startProxy } from './proxy.ts'
import {
  ALICE,
  BOB,
  basicAuthorization,
  httpRequest,
  startRegistry,
  TOKEN_ISSUER,
  TOKEN_SERVICE,
} from './registry.ts'
import type { RunningRegistry, TestUser } from './registry.ts'
import { REGISTRY_CLOCK_LEEWAY_SECONDS, signToken } from './token-server.ts'
import type { ResourceAccess, TokenClaims } from './token-server.ts'

const run = promisify(execFile)

const running: { stop(): Promise<void> }[] = []
after(() => Promise.all(running.map((r) => r.stop())))

async function started<T extends { stop(): Promise<void> }>(starting: Promise<T>): Promise<T> {
  const thing = await starting
  running.push(thing)
  return thing
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function fetchToken(registry: RunningRegistry, scope: string, user?: TestUser) {
  const url = new URL(registry.tokenServer!.url)
  url.searchParams.set('service', TOKEN_SERVICE)
  url.searchParams.set('scope', scope)
  const headers: Record<string, string> = user ? { authorization: basicAuthorization(user) } : {}
  return httpRequest(url.href, { headers })
}

function jwtClaims(token: string): TokenClaims {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as TokenClaims
}

// ---------------------------------------------------------------------------------------------

describe('startRegistry', () => {
  test('auth none: GET /v2/ answers 200, storage is a temp dir', async () => {
    const registry = await started(startRegistry())
    assert.match(registry.host, /^127\.0\.0\.1:\d+$/)
    assert.equal(registry.url, `http://${registry.host}`)
    assert.equal((await httpRequest(`${registry.url}/v2/`)).status, 200)
    assert.ok(existsSync(registry.rootDir))
  })

  test('auth basic: 401 with a Basic challenge, ALICE and BOB get in, a wrong password does not', async () => {
    const registry = await started(startRegistry({ auth: 'basic' }))
    const anonymous = await httpRequest(`${registry.url}/v2/`)
    assert.equal(anonymous.status, 401)
    assert.equal(anonymous.headers['www-authenticate'], 'Basic realm="tar-push-test"')
    for (const user of [ALICE, BOB]) {
      const res = await httpRequest(`${registry.url}/v2/`, {
        headers: { authorization: basicAuthorization(user) },
      })
      assert.equal(res.status, 200, user.username)
    }
    const wrong = { ...ALICE, password: 's3cret pass' }
    const res = await httpRequest(`${registry.url}/v2/`, {
      headers: { authorization: basicAuthorization(wrong) },
    })
    assert.equal(res.status, 401)
  })

  test('auth bearer: 401 with a Bearer challenge naming the token server', async () => {
    const registry = await started(startRegistry({ auth: 'bearer' }))
    const res = await httpRequest(`${registry.url}/v2/`)
    assert.equal(res.status, 401)
    assert.equal(
      res.headers['www-authenticate'],
      `Bearer realm="${registry.tokenServer!.url}",service="${TOKEN_SERVICE}"`,
    )
  })

  test('tls: https works with the CA and fails without it', async () => {
    const registry = await started(startRegistry({ tls: true }))
    assert.equal(registry.url, `https://${registry.host}`)
    const ca = await readFile(registry.caFile!, 'utf8')
    assert.equal((await httpRequest(`${registry.url}/v2/`, { ca })).status, 200)
    await assert.rejects(httpRequest(`${registry.url}/v2/`), {
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    })
  })

  test('stop() kills the registry and removes its temp dir', async () => {
    const registry = await startRegistry({ auth: 'bearer' })
    await registry.stop()
    await assert.rejects(httpRequest(`${registry.url}/v2/`), { code: 'ECONNREFUSED' })
    await assert.rejects(httpRequest(registry.tokenServer!.url), { code: 'ECONNREFUSED' })
    assert.equal(existsSync(registry.rootDir), false)
    await registry.stop() // idempotent
  })
})

// ---------------------------------------------------------------------------------------------

describe('token server', () => {
  let registry: RunningRegistry
  before(async () => {
    registry = await started(startRegistry({ auth: 'bearer' }))
  })

  test("ALICE's pull,push token is accepted by the registry", async () => {
    const issuedBefore = registry.tokenServer!.issued
    const res = await fetchToken(registry, 'repository:x/y:pull,push', ALICE)
    assert.equal(res.status, 200)
    const body = JSON.parse(res.body) as { token: string; access_token: string; expires_in: number }
    assert.equal(body.access_token, body.token)
    assert.equal(body.expires_in, 300)
    assert.equal(registry.tokenServer!.issued, issuedBefore + 1)
    assert.deepEqual(jwtClaims(body.token).access, [
      { type: 'repository', name: 'x/y', actions: ['pull', 'push'] },
    ])

    const tags = await httpRequest(`${registry.url}/v2/x/y/tags/list`, {
      headers: bearer(body.token),
    })
    assert.equal(tags.status, 404) // authorized; the repository just does not exist
    assert.match(tags.body, /NAME_UNKNOWN/)
    const upload = await httpRequest(`${registry.url}/v2/x/y/blobs/uploads/`, {
      method: 'POST',
      headers: bearer(body.token),
    })
    assert.equal(upload.status, 202)
  })

  test('BOB is granted pull but not push', async () => {
    const res = await fetchToken(registry, 'repository:x/y:pull,push', BOB)
    assert.equal(res.status, 200)
    const { token } = JSON.parse(res.body) as { token: string }
    assert.deepEqual(jwtClaims(token).access, [
      { type: 'repository', name: 'x/y', actions: ['pull'] },
    ])
    const upload = await httpRequest(`${registry.url}/v2/x/y/blobs/uploads/`, {
      method: 'POST',
      headers: bearer(token),
    })
    assert.equal(upload.status, 401)
    assert.match(String(upload.headers['www-authenticate']), /error="insufficient_scope"/)
  })

  test('a wrong password gets 401, anonymous gets a token without access', async () => {
    const wrong = await fetchToken(registry, 'repository:x/y:pull', { ...ALICE, password: 'nope' })
    assert.equal(wrong.status, 401)
    const anonymous = await fetchToken(registry, 'repository:x/y:pull')
    assert.equal(anonymous.status, 200)
    assert.deepEqual(jwtClaims((JSON.parse(anonymous.body) as { token: string }).token).access, [])
  })

  test('the OAuth2 password grant (POST) works too', async () => {
    const form = new URLSearchParams({
      grant_type: 'password',
      username: ALICE.username,
      password: ALICE.password,
      service: TOKEN_SERVICE,
      scope: 'repository:x/y:pull',
      client_id: 'self-test',
    })
    const res = await httpRequest(registry.tokenServer!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    })
    assert.equal(res.status, 200)
    const { access_token } = JSON.parse(res.body) as { access_token: string }
    assert.equal(
      (await httpRequest(`${registry.url}/v2/x/y/tags/list`, { headers: bearer(access_token) }))
        .status,
      404,
    )
  })

  describe('what distribution 2.8 accepts', () => {
    const pull: ResourceAccess[] = [{ type: 'repository', name: 'x/y', actions: ['pull'] }]
    async function statusWith(claims: Partial<TokenClaims>, keyReference?: 'x5c' | 'kid') {
      const now = Math.floor(Date.now() / 1000)
      const token = signToken(
        {
          iss: TOKEN_ISSUER,
          sub: 'alice',
          aud: TOKEN_SERVICE,
          exp: now + 60,
          nbf: now,
          iat: now,
          jti: 'j',
          access: pull,
          ...claims,
        },
        { signer: (await testCertificates()).tokenSigner, keyReference },
      )
      return (await httpRequest(`${registry.url}/v2/x/y/tags/list`, { headers: bearer(token) }))
        .status
    }

    test('the signing key named by a libtrust kid instead of x5c', async () => {
      assert.equal(await statusWith({}, 'kid'), 404)
    })

    test('60 s of clock leeway around exp and nbf', async () => {
      const now = Math.floor(Date.now() / 1000)
      assert.equal(await statusWith({ exp: now - REGISTRY_CLOCK_LEEWAY_SECONDS + 5 }), 404)
      assert.equal(await statusWith({ exp: now - REGISTRY_CLOCK_LEEWAY_SECONDS - 5 }), 401)
      assert.equal(await statusWith({ nbf: now + REGISTRY_CLOCK_LEEWAY_SECONDS - 5 }), 404)
      assert.equal(await statusWith({ nbf: now + REGISTRY_CLOCK_LEEWAY_SECONDS + 5 }), 401)
    })
  })

  test('tokenTtlSeconds and enforceTokenTtl shape expires_in and exp', async () => {
    const short = await started(
      startRegistry({ auth: 'bearer', tokenTtlSeconds: 2, enforceTokenTtl: true }),
    )
    const res = await fetchToken(short, 'repository:x/y:pull', ALICE)
    const body = JSON.parse(res.body) as { token: string; expires_in: number }
    assert.equal(body.expires_in, 2)
    const claims = jwtClaims(body.token)
    assert.equal(claims.exp, claims.iat + 2 - REGISTRY_CLOCK_LEEWAY_SECONDS)
    assert.equal(
      (await httpRequest(`${short.url}/v2/x/y/tags/list`, { headers: bearer(body.token) })).status,
      404,
    )
  })
})

// ---------------------------------------------------------------------------------------------

describe('proxy', () => {
  let registry: RunningRegistry
  before(async () => {
    registry = await started(startRegistry())
  })

  test('forwards and records method, path, status and request headers', async () => {
    const proxy = await started(startProxy({ target: registry }))
    const res = await httpRequest(`${proxy.url}/v2/x/y/tags/list?n=1`, {
      headers: { 'x-probe': 'yes' },
    })
    assert.equal(res.status, 404)
    assert.equal(proxy.requests.length, 1)
    const [recorded] = proxy.requests
    assert.equal(recorded.method, 'GET')
    assert.equal(recorded.path, '/v2/x/y/tags/list?n=1')
    assert.equal(recorded.status, 404)
    assert.equal(recorded.headers['x-probe'], 'yes')
    proxy.clear()
    assert.equal(proxy.requests.length, 0)
  })

  test('keeps client connections alive', async () => {
    const proxy = await started(startProxy({ target: registry }))
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const reused = async () =>
      new Promise<boolean>((resolve, reject) => {
        const req = get(`${proxy.url}/v2/`, { agent }, (res) => {
          res.resume()
          res.on('end', () => resolve(req.reusedSocket))
        })
        req.on('error', reject)
      })
    try {
      assert.equal(await reused(), false)
      assert.equal(await reused(), true)
    } finally {
      agent.destroy()
    }
  })

  test('Location headers point at the proxy', async () => {
    const proxy = await started(startProxy({ target: registry }))
    const res = await httpRequest(`${proxy.url}/v2/x/loc/blobs/uploads/`, { method: 'POST' })
    assert.equal(res.status, 202)
    assert.ok(String(res.headers.location).startsWith(`${proxy.url}/v2/x/loc/blobs/uploads/`))
  })

  test("a 'status' fault answers 503 once, then requests are forwarded again", async () => {
    const proxy = await started(
      startProxy({
        target: registry,
        faults: [
          {
            kind: 'status',
            status: 503,
            headers: { 'retry-after': '0' },
            match: (r) => r.path === '/v2/',
          },
        ],
      }),
    )
    const first = await httpRequest(`${proxy.url}/v2/`)
    assert.equal(first.status, 503)
    assert.equal(first.headers['retry-after'], '0')
    assert.equal((await httpRequest(`${proxy.url}/v2/`)).status, 200)
    assert.deepEqual(
      proxy.requests.map((r) => [r.status, r.fault]),
      [
        [503, 'status'],
        [200, undefined],
      ],
    )
  })

  test("'rewrite-location' makes Locations relative or adds query parameters", async () => {
    const proxy = await started(
      startProxy({
        target: registry,
        faults: [
          { kind: 'rewrite-location', to: 'relative', match: (r) => r.path.includes('/rel/') },
          { kind: 'rewrite-location', to: 'with-query', match: (r) => r.path.includes('/query/') },
        ],
      }),
    )
    const relative = await httpRequest(`${proxy.url}/v2/x/rel/blobs/uploads/`, { method: 'POST' })
    assert.match(String(relative.headers.location), /^\/v2\/x\/rel\/blobs\/uploads\/[^?]+\?_state=/)
    const query = await httpRequest(`${proxy.url}/v2/x/query/blobs/uploads/`, { method: 'POST' })
    const location = new URL(String(query.headers.location))
    assert.equal(location.origin, proxy.url)
    assert.ok(location.searchParams.get('_state'))
    assert.equal(location.searchParams.get('proxy-extra'), '1')
  })

  test("'reset' cuts the connection, at once or after some body bytes", async () => {
    const proxy = await started(
      startProxy({
        target: registry,
        faults: [
          { kind: 'reset', match: (r) => r.path === '/v2/' },
          { kind: 'reset', afterBytes: 5, match: (r) => r.path.endsWith('/tags/list') },
        ],
      }),
    )
    await assert.rejects(httpRequest(`${proxy.url}/v2/`), { code: 'ECONNRESET' })
    await assert.rejects(httpRequest(`${proxy.url}/v2/x/y/tags/list`), /aborted|ECONNRESET/)
    assert.equal((await httpRequest(`${proxy.url}/v2/`)).status, 200)
    assert.deepEqual(
      proxy.requests.map((r) => r.status),
      [0, 404, 200],
    )
  })

  test("a 'delay' fault holds the request back", async () => {
    const proxy = await started(
      startProxy({ target: registry, faults: [{ kind: 'delay', ms: 200, match: () => true }] }),
    )
    const startedAt = Date.now()
    assert.equal((await httpRequest(`${proxy.url}/v2/`)).status, 200)
    assert.ok(Date.now() - startedAt >= 200)
  })

  test('streams a large monolithic blob upload through', async () => {
    const proxy = await started(startProxy({ target: registry }))
    const blob = Buffer.alloc(32 * 1024 * 1024, 7)
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`
    const start = await httpRequest(`${proxy.url}/v2/x/big/blobs/uploads/`, { method: 'POST' })
    const upload = new URL(String(start.headers.location))
    upload.searchParams.set('digest', digest)
    const put = await httpRequest(upload.href, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: blob,
    })
    assert.equal(put.status, 201)
    const head = await httpRequest(`${proxy.url}/v2/x/big/blobs/${digest}`, { method: 'HEAD' })
    assert.equal(head.status, 200)
    assert.equal(head.headers['content-length'], String(blob.length))
  })

  test('works in front of an https registry', async () => {
    const tlsRegistry = await started(startRegistry({ tls: true }))
    const proxy = await started(startProxy({ target: tlsRegistry }))
    assert.equal((await httpRequest(`${proxy.url}/v2/`)).status, 200)
    const byName = await httpRequest(`${proxy.url}/v2/`, { headers: { host: 'registry.test' } })
    assert.equal(byName.status, 200)
    const res = await httpRequest(`${proxy.url}/v2/x/tls/blobs/uploads/`, { method: 'POST' })
    assert.ok(String(res.headers.location).startsWith(`${proxy.url}/`))
  })
})

// ---------------------------------------------------------------------------------------------

describe('a real client (skopeo)', () => {
  let workDir: string
  let layout: string
  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'tar-push-selftest-'))
    layout = join(workDir, 'layout')
    await run('umoci', ['init', '--layout', layout])
    await run('umoci', ['new', '--image', `${layout}:t`])
    await writeFile(join(workDir, 'hello.txt'), 'hello from the self-test\n')
    await run('umoci', [
      'insert',
      '--rootless',
      '--image',
      `${layout}:t`,
      join(workDir, 'hello.txt'),
      '/hello.txt',
    ])
  })
  after(() => rm(workDir, { recursive: true, force: true }))

  // Its own HOME keeps skopeo's blob-info cache and auth files out of the way.
  const skopeo = (args: string[]) =>
    run('skopeo', ['--insecure-policy', ...args], { env: { ...process.env, HOME: workDir } })

  async function pushAndInspect(host: string, repository: string) {
    const ref = `docker://${host}/${repository}:t`
    const creds = ['--username', ALICE.username, '--password', ALICE.password]
    await skopeo([
      'copy',
      '--dest-tls-verify=false',
      '--dest-username',
      ALICE.username,
      '--dest-password',
      ALICE.password,
      `oci:${layout}:t`,
      ref,
    ])
    const { stdout } = await skopeo(['inspect', '--tls-verify=false', ...creds, ref])
    const inspected = JSON.parse(stdout) as { Name: string; Layers: string[] }
    assert.equal(inspected.Name, `${host}/${repository}`)
    assert.equal(inspected.Layers.length, 1)
  }

  test('pushes to and reads back from a basic-auth registry', async () => {
    const registry = await started(startRegistry({ auth: 'basic' }))
    await pushAndInspect(registry.host, 'test/img')
  })

  test('pushes to and reads back from a bearer-auth registry', async () => {
    const registry = await started(startRegistry({ auth: 'bearer' }))
    await pushAndInspect(registry.host, 'test/img')
    assert.ok(
      registry.tokenServer!.grants.some(
        (g) => g.account === 'alice' && g.granted[0]?.actions.includes('push'),
      ),
    )
  })

  test('pushes through the proxy', async () => {
    const registry = await started(startRegistry({ auth: 'basic' }))
    const proxy = await started(startProxy({ target: registry }))
    await pushAndInspect(proxy.host, 'test/proxied')
    const uploads = proxy.requests.filter((r) => r.path.includes('/blobs/uploads/'))
    assert.ok(uploads.some((r) => r.method === 'PUT' && r.status === 201))
    assert.ok(
      proxy.requests.some(
        (r) => r.method === 'PUT' && r.path === '/v2/test/proxied/manifests/t' && r.status === 201,
      ),
    )
    assert.ok(uploads.every((r) => r.headers.authorization === basicAuthorization(ALICE)))
  })
})
