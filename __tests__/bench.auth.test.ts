/**
 * tar-push bench through authenticating registries: Basic (htpasswd) and Bearer (a token server),
 * with token requests counted as their own kind. Credentials refused, lacking or without access
 * stop the run at the first failure: the CLI and the bench action as users run them, with no
 * credentials and a long --duration, end within seconds with AUTH_FAILED and what to pass.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { TarPushError } from '../src/lib/errors.ts'
import { isCredentialsFailure, runBench, type BenchOptions } from '../src/lib/loadtest/run.ts'
import type { BenchResult } from '../src/lib/loadtest/result.ts'
import { ALICE, BOB, startRegistry, type RunningRegistry } from './support/registry.ts'
import { runAction } from './support/run-action.ts'
import { runNode } from './support/run-node.ts'

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js')
const BENCH_ACTION = resolve(import.meta.dirname, '../dist/bench/index.js')

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

  it('wrong credentials: the first iteration fails with AUTH_FAILED, the 401s are errors, and the run stops there', async () => {
    const result = await runBench({
      ...MIXED,
      scenario: 'push',
      mix: undefined,
      registry: basic.host,
      connect: { username: ALICE.username, password: 'wrong', env: {} },
      vus: 1,
      iterations: 5,
    })
    assert.equal(result.stopReason, 'auth-failed')
    assert.equal(result.iterations.total.count, 1)
    assert.equal(result.iterations.total.failed, 1)
    assert.deepEqual(result.iterations.total.errorsByCode, { AUTH_FAILED: 1 })
    // The iteration's HEAD is refused twice: with the credentials, then once more renewed.
    assert.equal(result.totals.errorsByStatus['401'], 2)
    assert.equal(result.stopError?.code, 'AUTH_FAILED')
    assert.match(
      result.stopError!.message,
      /refused the credentials of "alice" .*; the load test stopped at this first authentication failure$/,
    )
    assert.equal(result.stopError?.hint, 'check username and password (or token) for this registry')
  })

  it('credentials without access (Bearer, a pull-only user pushing): AUTH_DENIED stops the run', async () => {
    const result = await runBench({
      ...MIXED,
      scenario: 'push',
      mix: undefined,
      registry: bearer.host,
      connect: { username: BOB.username, password: BOB.password, env: {} },
      iterations: undefined,
      durationMs: 60_000,
    })
    assert.equal(result.stopReason, 'auth-failed')
    assert.ok(result.seconds < 10, `stopped after ${result.seconds} s`)
    assert.equal(result.stopError?.code, 'AUTH_DENIED', JSON.stringify(result.stopError))
    assert.match(result.stopError!.message, /the credentials of "bob" lack access/)
  })

  it('a token service that fails (HTTP 5xx) is load, not credentials: no reason to stop', () => {
    const failing = new TarPushError(
      'REGISTRY_ERROR',
      'the token service http://127.0.0.1:1/token answered HTTP 503',
      { hint: 'the registry or its token service is failing; try again later' },
    )
    assert.equal(isCredentialsFailure(failing), false)
    const refused = new TarPushError(
      'AUTH_FAILED',
      'the token service http://127.0.0.1:1/token refused anonymous access (HTTP 401)',
    )
    assert.equal(isCredentialsFailure(refused), true)
  })
})

/** Runs the bundled CLI as a user would: no credentials anywhere (an empty HOME and docker config). */
async function benchWithoutCredentials(registry: RunningRegistry) {
  const home = await mkdtemp(join(tmpdir(), 'bench-nocreds-'))
  const out = join(home, 'result.json')
  const started = Date.now()
  const run = await runNode(
    CLI,
    ['bench', '--registry', registry.host, '--duration', '60s', '--out', out],
    { env: { PATH: process.env['PATH'], HOME: home, DOCKER_CONFIG: home } },
  )
  return { ...run, seconds: (Date.now() - started) / 1000, out }
}

describe('tar-push bench without credentials against a registry that requires them', () => {
  for (const mode of ['basic', 'bearer'] as const) {
    it(`${mode}: --duration 60s ends within seconds, exit 3, AUTH_FAILED naming the registry and what to pass`, async () => {
      const registry = mode === 'basic' ? basic : bearer
      const run = await benchWithoutCredentials(registry)
      const output = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`
      assert.ok(run.seconds < 15, `ended after ${run.seconds} s\n${output}`)
      assert.equal(run.code, 3, output)
      const host = registry.host.replace(/\./g, '\\.')
      // The report of what ran, then the error: the last thing printed.
      assert.match(
        run.stderr,
        new RegExp(
          `stopped by an authentication failure\\n[\\s\\S]*\\nerror: AUTH_FAILED: ${host} requires credentials \\(HEAD http://${host}/v2/bench/vu-\\d+/blobs/sha256:[0-9a-f]{64} answered 401\\); the load test stopped at this first authentication failure\\n  hint: pass username and password \\(--username, --password-stdin\\), or log in with docker login first\\n$`,
        ),
        output,
      )
      assert.equal(run.stderr.match(/^error: /gm)?.length, 1, output)
      const result = JSON.parse(await readFile(run.out, 'utf8')) as BenchResult
      assert.equal(result.stopReason, 'auth-failed')
      assert.equal(result.stopError?.code, 'AUTH_FAILED')
      assert.equal(result.iterations.total.ok, 0)
      assert.ok(result.iterations.total.failed >= 1)
    })
  }

  it('pull: seeding fails at once with AUTH_FAILED, exit 3, nothing measured', async () => {
    const home = await mkdtemp(join(tmpdir(), 'bench-nocreds-'))
    const started = Date.now()
    const run = await runNode(
      CLI,
      ['bench', '--registry', basic.host, '--scenario', 'pull', '--duration', '60s'],
      { env: { PATH: process.env['PATH'], HOME: home, DOCKER_CONFIG: home } },
    )
    assert.ok(Date.now() - started < 15_000, run.stderr)
    assert.equal(run.code, 3, run.stderr)
    assert.match(
      run.stderr,
      /^error: AUTH_FAILED: \S+ requires credentials \(.*answered 401\)\n {2}hint: pass username and password \(--username, --password-stdin\), or log in with docker login first$/m,
    )
  })

  it('the bench action: fails within seconds with one ::error:: naming the inputs, the report and the failure in the summary', async () => {
    const started = Date.now()
    const run = await runAction(BENCH_ACTION, {
      registry: bearer.host,
      duration: '60s',
      vus: '2',
      'layer-size': '16KiB',
    })
    const output = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`
    assert.ok(Date.now() - started < 15_000, output)
    assert.notEqual(run.code, 0, output)
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    assert.equal(errors.length, 1, output)
    assert.match(
      errors[0]!,
      /^::error::AUTH_FAILED: \S+ requires credentials \(HEAD .* answered 401\); the load test stopped at this first authentication failure%0A {2}hint: set the inputs username and password \(the password from a secret\), or log in in an earlier step with docker\/login-action$/,
    )
    // What ran is still a result (the output names it) and a report; then the failure.
    const result = JSON.parse(await readFile(run.outputs['result']!, 'utf8')) as BenchResult
    assert.equal(result.stopReason, 'auth-failed')
    assert.match(
      run.summary,
      /### tar-push bench: push against .* stopped by an authentication failure/,
    )
    assert.match(
      run.summary,
      /<h3>tar-push bench failed<\/h3>\n<table><tr><th>Attempted<\/th><td>load test \(push\) of \S+<\/td><\/tr><tr><th>Error<\/th><td>AUTH_FAILED: \S+ requires credentials .*<\/td><\/tr><tr><th>Hint<\/th><td>set the inputs username and password/,
    )
  })
})
