/**
 * No password, token or base64 form of either is ever printed or written: every surface (the
 * CLI with --debug, the push and pull actions) pushes and pulls, succeeding and failing, against
 * the Basic-auth and the Bearer registries; everything each run printed or wrote is searched.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildCorpus, fixtureByName, type Fixture } from './support/fixtures.ts'
import { ALICE, startRegistry, type RunningRegistry } from './support/registry.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'
import { runNode, type Completed } from './support/run-node.ts'

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js')
const PUSH_ACTION = resolve(import.meta.dirname, '../dist/index.js')
const PULL_ACTION = resolve(import.meta.dirname, '../dist/pull/index.js')

/** A wrong password is as secret as the right one: a typo of it, or another account's. */
const WRONG_PASSWORD = 'n0t-alice: Wr0ng pass'

interface Target {
  auth: 'basic' | 'bearer'
  registry: RunningRegistry
  /** In front of the registry: it records every Authorization header (the tokens, too). */
  proxy: RunningProxy
}

let corpus: Fixture[]
const targets: Target[] = []

before(async () => {
  corpus = await buildCorpus(await mkdtemp(join(tmpdir(), 'corpus-')))
  for (const auth of ['basic', 'bearer'] as const) {
    const registry = await startRegistry({ auth })
    targets.push({ auth, registry, proxy: await startProxy({ target: registry }) })
  }
})
after(async () => {
  for (const target of targets) {
    await target.proxy.stop()
    await target.registry.stop()
  }
})

/** What one run left behind: its output streams and every file under its own directories. */
interface Run extends Completed {
  what: string
  dirs: string[]
  /** Lines the runner consumes itself and never shows (`::add-mask::`). */
  hidden: string[]
}

type Operation = 'push' | 'pull'

async function runCli(
  operation: Operation,
  target: Target,
  password: string,
  tag: string,
): Promise<Run> {
  const home = await mkdtemp(join(tmpdir(), 'secrets-cli-'))
  const image = `${target.proxy.host}/secrets/${target.auth}`
  const args =
    operation === 'push'
      ? ['push', tarball(), '--image', image, '--tag', tag]
      : ['pull', `${image}:${tag}`, '-o', join(home, 'pulled.tar')]
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: home,
    DOCKER_CONFIG: join(home, 'docker'),
    XDG_CACHE_HOME: join(home, 'cache'),
  }
  await mkdir(join(home, 'docker'))
  const run = await runNode(
    CLI,
    [...args, '--username', ALICE.username, '--password-stdin', '--debug', '--retries', '0'],
    { env, stdin: `${password}\n` },
  )
  return { ...run, what: `cli ${operation}`, dirs: [home], hidden: [] }
}

async function runAction(
  operation: Operation,
  target: Target,
  password: string,
  tag: string,
): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'secrets-runner-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const image = `${target.proxy.host}/secrets/${target.auth}`
  const inputs: Record<string, string> =
    operation === 'push'
      ? { tarball: tarball(), image, tags: tag }
      : { image: `${image}:${tag}`, output: join(dir, 'pulled.tar') }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dir,
    RUNNER_TEMP: dir,
    RUNNER_DEBUG: '1',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    INPUT_USERNAME: ALICE.username,
    INPUT_PASSWORD: password,
    INPUT_RETRIES: '0',
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const run = await runNode(operation === 'push' ? PUSH_ACTION : PULL_ACTION, [], { env })
  const hidden = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'))
  return {
    ...run,
    stdout: run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    what: `action ${operation}`,
    dirs: [dir],
    hidden,
  }
}

const tarball = () => fixtureByName(corpus, 'oci-archive-gzip').path

/** Every form in which a secret could leak. */
function forms(secret: string, username?: string): string[] {
  const all = [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ]
  if (username !== undefined) {
    all.push(Buffer.from(`${username}:${secret}`).toString('base64'))
    all.push(Buffer.from(`${username}:${secret}`).toString('base64url'))
  }
  return [...new Set(all)]
}

/** The credentials the registries saw: Basic values and every token the token server issued. */
function credentialsSeen(): string[] {
  const seen = new Set<string>()
  for (const { proxy } of targets) {
    for (const request of proxy.requests) {
      const header = request.headers['authorization']
      const match = typeof header === 'string' ? /^(Basic|Bearer) (\S+)$/i.exec(header) : null
      if (!match) continue
      seen.add(match[2]!)
      // A JWT's signature is what makes it a credential: look for it alone, too.
      if (match[1]!.toLowerCase() === 'bearer') seen.add(match[2]!.split('.').pop()!)
    }
  }
  return [...seen]
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Searches the streams and every file the run wrote for each form of each secret. */
async function assertNothingLeaks(run: Run, secrets: string[]): Promise<number> {
  const places: [string, Buffer][] = [
    ['stdout', Buffer.from(run.stdout)],
    ['stderr', Buffer.from(run.stderr)],
  ]
  for (const dir of run.dirs)
    for (const file of await filesUnder(dir)) places.push([file, await readFile(file)])
  for (const [where, bytes] of places) {
    for (const secret of secrets)
      assert.ok(!bytes.includes(secret), `${run.what}: ${where} holds the secret form "${secret}"`)
  }
  return places.length
}

describe('secrets are never printed or written', () => {
  it('CLI (--debug) and actions, push and pull, succeeding and failing, Basic and Bearer', async () => {
    const runs: Run[] = []
    for (const target of targets) {
      for (const surface of [runCli, runAction]) {
        const tag = `${surface === runCli ? 'cli' : 'action'}`
        const pushed = await surface('push', target, ALICE.password, tag)
        assert.equal(
          pushed.code,
          0,
          `${pushed.what} ${target.auth}: ${pushed.stdout}${pushed.stderr}`,
        )
        const pulled = await surface('pull', target, ALICE.password, tag)
        assert.equal(
          pulled.code,
          0,
          `${pulled.what} ${target.auth}: ${pulled.stdout}${pulled.stderr}`,
        )
        // Failing after a successful login: the error path prints URLs and registry answers.
        const missing = await surface('pull', target, ALICE.password, 'no-such-tag')
        assert.notEqual(missing.code, 0)
        assert.match(missing.stdout + missing.stderr, /IMAGE_NOT_FOUND/)
        // Failing at the login.
        for (const operation of ['push', 'pull'] as const) {
          const refused = await surface(operation, target, WRONG_PASSWORD, tag)
          assert.notEqual(refused.code, 0, `${refused.what} ${target.auth} with a wrong password`)
          assert.match(refused.stdout + refused.stderr, /AUTH_FAILED/)
          runs.push(refused)
        }
        runs.push(pushed, pulled, missing)
      }
    }
    const credentials = credentialsSeen()
    assert.ok(
      credentials.some((value) => value.split('.').length === 3),
      'the Bearer registry was sent tokens',
    )
    assert.ok(
      credentials.includes(Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')),
      'the Basic registry was sent the credentials',
    )
    const secrets = [
      ...forms(ALICE.password, ALICE.username),
      ...forms(WRONG_PASSWORD, ALICE.username),
      ...credentials.flatMap((credential) => forms(credential)),
    ]
    let places = 0
    for (const run of runs) places += await assertNothingLeaks(run, secrets)
    assert.ok(places > runs.length * 2, 'files were searched besides the streams')

    // The debug output is there to be searched: the CLI shows the traffic, the action its debug lines.
    const cli = runs.filter((run) => run.what.startsWith('cli') && run.code === 0)
    assert.ok(cli.every((run) => /debug: > (PUT|GET) /.test(run.stderr)))
    const actions = runs.filter((run) => run.what.startsWith('action') && run.code === 0)
    assert.ok(actions.every((run) => /::debug::/.test(run.stdout)))
    // The runner masks what the action registered: the password and each token it was given.
    const masked = new Set(actions.flatMap((run) => run.hidden.map((line) => line.slice(12))))
    assert.ok(masked.has(ALICE.password), 'the password is registered with the runner')
    const tokens = credentials.filter((value) => value.split('.').length === 3)
    assert.ok(
      tokens.some((token) => masked.has(token)),
      'the tokens the actions were given are registered with the runner',
    )
  })
})
