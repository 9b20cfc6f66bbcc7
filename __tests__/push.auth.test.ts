import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push } from '../src/lib/push.ts'
import { TarPushError, type ErrorCode } from '../src/lib/errors.ts'
import { buildCorpus, fixtureByName, sha256, type Fixture } from './support/fixtures.ts'
import {
  ALICE,
  BOB,
  basicAuthorization,
  httpRequest,
  startRegistry,
  type RunningRegistry,
} from './support/registry.ts'
import { inspectRaw } from './support/skopeo.ts'

let corpus: Fixture[]
let tarball: string
const registries: RunningRegistry[] = []

before(async () => {
  corpus = await buildCorpus(await mkdtemp(join(tmpdir(), 'corpus-')))
  tarball = fixtureByName(corpus, 'docker-archive-skopeo').path
})
after(() => Promise.all(registries.map((registry) => registry.stop())))

async function started(options: Parameters<typeof startRegistry>[0]): Promise<RunningRegistry> {
  const registry = await startRegistry(options)
  registries.push(registry)
  return registry
}

const failsWith = (code: ErrorCode, pattern?: RegExp) => (error: unknown) => {
  assert.ok(error instanceof TarPushError, `expected a TarPushError, got ${String(error)}`)
  assert.equal(error.code, code, error.describe())
  if (pattern) assert.match(error.describe(), pattern)
  return true
}

/** The tags a repository has, read with ALICE's rights (404 = the repository does not exist). */
async function tagsOf(registry: RunningRegistry, path: string): Promise<string[]> {
  const url = `${registry.url}/v2/${path}/tags/list`
  const ca = registry.caFile
    ? await import('node:fs/promises').then((fs) => fs.readFile(registry.caFile!, 'utf8'))
    : undefined
  let headers: Record<string, string> = {}
  if (registry.auth === 'basic') headers = { authorization: basicAuthorization(ALICE) }
  if (registry.auth === 'bearer') {
    const tokenUrl = `${registry.tokenServer!.url}?service=tar-push-test-registry&scope=repository:${path}:pull`
    const token = JSON.parse(
      (await httpRequest(tokenUrl, { headers: { authorization: basicAuthorization(ALICE) } })).body,
    ) as { token: string }
    headers = { authorization: `Bearer ${token.token}` }
  }
  const response = await httpRequest(url, { headers, ...(ca ? { ca } : {}) })
  if (response.status === 404) return []
  assert.equal(response.status, 200, response.body)
  return (JSON.parse(response.body) as { tags: string[] | null }).tags ?? []
}

describe('Basic auth (htpasswd)', () => {
  let registry: RunningRegistry
  before(async () => {
    registry = await started({ auth: 'basic' })
  })

  it('pushes with a password that has spaces and colons', async () => {
    const result = await push({
      tarball,
      image: `${registry.host}/basic/app`,
      tags: ['1'],
      ...credentials(ALICE),
    })
    const raw = await inspectRaw(`${registry.host}/basic/app:1`, { registry, user: ALICE })
    assert.equal(sha256(raw), result.images[0]!.digest)
  })

  it('refuses a wrong password with AUTH_FAILED and publishes nothing', async () => {
    await assert.rejects(
      push({
        tarball,
        image: `${registry.host}/basic/wrong`,
        tags: ['1'],
        username: ALICE.username,
        password: 'nope',
      }),
      failsWith('AUTH_FAILED', /refused the credentials of "alice"/),
    )
    assert.deepEqual(await tagsOf(registry, 'basic/wrong'), [])
  })

  it('says that credentials are needed when none are given', async () => {
    await assert.rejects(
      push({
        tarball,
        image: `${registry.host}/basic/anon`,
        tags: ['1'],
        env: { DOCKER_CONFIG: '/nonexistent' },
      }),
      failsWith('AUTH_FAILED', /requires credentials[\s\S]*hint: pass username and password/),
    )
  })

  it('reads credentials from the docker config (auths)', async () => {
    const { mkdtemp: makeDir, writeFile } = await import('node:fs/promises')
    const dir = await makeDir(join(tmpdir(), 'docker-config-'))
    const auth = Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({ auths: { [`http://${registry.host}`]: { auth } } }),
    )
    const result = await push({
      tarball,
      image: `${registry.host}/basic/config`,
      tags: ['1'],
      env: { DOCKER_CONFIG: dir },
    })
    assert.deepEqual(await tagsOf(registry, 'basic/config'), ['1'])
    assert.match(result.images[0]!.digest, /^sha256:/)
  })
})

describe('Bearer token auth', () => {
  let registry: RunningRegistry
  before(async () => {
    registry = await started({ auth: 'bearer' })
  })

  it('exchanges the credentials for a token and pushes', async () => {
    const issuedBefore = registry.tokenServer!.issued
    const result = await push({
      tarball,
      image: `${registry.host}/bearer/app`,
      tags: ['1', 'latest'],
      ...credentials(ALICE),
    })
    assert.ok(registry.tokenServer!.issued > issuedBefore, 'a token was fetched')
    assert.ok(
      registry.tokenServer!.issued - issuedBefore <= 2,
      'the token is cached, not fetched per request',
    )
    const raw = await inspectRaw(`${registry.host}/bearer/app:latest`, { registry, user: ALICE })
    assert.equal(sha256(raw), result.images[0]!.digest)
  })

  it('a user without push permission gets AUTH_DENIED naming the repository, and no tag appears', async () => {
    await assert.rejects(
      push({ tarball, image: `${registry.host}/bearer/denied`, tags: ['1'], ...credentials(BOB) }),
      failsWith('AUTH_DENIED', /bearer\/denied[\s\S]*hint: grant this user push/),
    )
    assert.deepEqual(await tagsOf(registry, 'bearer/denied'), [])
  })

  it('a wrong password is refused by the token service with AUTH_FAILED', async () => {
    await assert.rejects(
      push({
        tarball,
        image: `${registry.host}/bearer/wrong`,
        tags: ['1'],
        username: ALICE.username,
        password: 'wrong',
      }),
      failsWith('AUTH_FAILED', /token service .* refused the credentials of "alice"/),
    )
  })
})

describe('TLS with a test CA', () => {
  let registry: RunningRegistry
  before(async () => {
    registry = await started({ tls: true })
  })

  it('pushes when the CA is given with ca-file', async () => {
    const result = await push({
      tarball,
      image: `${registry.host}/tls/app`,
      tags: ['1'],
      caFile: registry.caFile,
    })
    const raw = await inspectRaw(`${registry.host}/tls/app:1`, { registry })
    assert.equal(sha256(raw), result.images[0]!.digest)
  })

  it('refuses an unknown CA with TLS_ERROR and a hint, never falling back to HTTP', async () => {
    await assert.rejects(
      push({ tarball, image: `${registry.host}/tls/refused`, tags: ['1'] }),
      failsWith(
        'TLS_ERROR',
        /TLS verification failed[\s\S]*hint: pass the registry CA with ca-file/,
      ),
    )
    assert.deepEqual(await tagsOf(registry, 'tls/refused'), [])
  })

  it('pushes without verification when insecure is set', async () => {
    await push({ tarball, image: `${registry.host}/tls/insecure`, tags: ['1'], insecure: true })
    assert.deepEqual(await tagsOf(registry, 'tls/insecure'), ['1'])
  })
})

function credentials(user: { username: string; password: string }) {
  return { username: user.username, password: user.password }
}
