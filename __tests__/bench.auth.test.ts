/**
 * tar-push bench through authenticating registries: Basic (htpasswd) and Bearer (a token server),
 * with token requests counted as their own kind; wrong credentials fail every iteration loudly.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { runBench, type BenchOptions } from '../src/lib/loadtest/run.ts'
import { ALICE, startRegistry, type RunningRegistry } from './support/registry.ts'

const registries: RunningRegistry[] = []
let basic: RunningRegistry
let bearer: RunningRegistry
before(async () => {
  ;[basic, bearer] = await Promise.all([
    startRegistry({ auth: 'basic' }),
    startRegistry({ auth: 'bearer' }),
  ])
  registries.push(basic, bearer)
})
after(() => Promise.all(registries.map((registry) => registry.stop())))

const MIXED: Partial<BenchOptions> = {
  scenario: 'mixed',
  mix: { push: 1, pull: 1, head: 1 },
  vus: 2,
  iterations: 6,
  images: 1,
  layers: 1,
  layerSize: 16 * 1024,
}
const alice = { username: ALICE.username, password: ALICE.password, env: {} }

describe('bench against authenticating registries', () => {
  it('Basic auth: every iteration succeeds; the 401 challenges are not errors', async () => {
    const result = await runBench({
      ...MIXED,
      scenario: 'mixed',
      registry: basic.host,
      connect: alice,
    })
    assert.equal(result.iterations.total.ok, 6, result.errorSamples.join('\n'))
    assert.equal(result.totals.errors, 0)
    assert.equal(result.kinds['token'], undefined)
  })

  it('Bearer auth: token requests are counted as "token", one per user and repository scope', async () => {
    const issuedBefore = bearer.tokenServer!.issued
    const result = await runBench({
      ...MIXED,
      scenario: 'mixed',
      registry: bearer.host,
      connect: alice,
      cleanup: true,
    })
    assert.equal(result.iterations.total.ok, 6, result.errorSamples.join('\n'))
    assert.equal(result.totals.errors, 0)
    const tokens =
      (result.kinds['token']?.count ?? 0) +
      (result.untimed.setup.kinds['token'] ?? 0) +
      (result.untimed.cleanup.kinds['token'] ?? 0)
    assert.ok((result.kinds['token']?.count ?? 0) > 0)
    assert.equal(tokens, bearer.tokenServer!.issued - issuedBefore)
    assert.equal(result.cleanup?.deleted, result.cleanup?.manifests)
  })

  it('wrong credentials: every iteration fails with AUTH_FAILED, and the 401s are errors', async () => {
    const result = await runBench({
      ...MIXED,
      scenario: 'push',
      mix: undefined,
      registry: basic.host,
      connect: { username: ALICE.username, password: 'wrong', env: {} },
      iterations: 2,
    })
    assert.equal(result.iterations.total.failed, 2)
    assert.deepEqual(result.iterations.total.errorsByCode, { AUTH_FAILED: 2 })
    // Each iteration's HEAD is refused twice: with the credentials, then once more renewed.
    assert.equal(result.totals.errorsByStatus['401'], 4)
  })
})
