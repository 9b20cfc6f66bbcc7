/**
 * Cancellation with real signals: the CLI (node src/cli.ts) and the action bundles run as child
 * processes against a real registry, behind a fault proxy that makes the transfer trickle; once
 * it is under way (and, for a pull, partial output is on disk) the test sends SIGINT or SIGTERM.
 * Then: exit 130 / 143, one line saying what was stopped and no stack, nothing left in the
 * child's private TMPDIR, no tag in the registry, no output (and nothing next to it) for a pull.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { basename, dirname, join, resolve } from 'node:path'
import {
  startNode,
  startProcess,
  waitUntil,
  type Ended,
  type RunningChild,
} from './support/child.ts'
import { dockerSave25Entries, sha256 } from './support/fixtures.ts'
import { startProxy, type Fault, type RecordedRequest, type RunningProxy } from './support/proxy.ts'
import { httpRequest, startRegistry, type RunningRegistry } from './support/registry.ts'
import { putImage } from './support/remote-image.ts'
import { startAction } from './support/run-action.ts'
import { tarBytes, writeTar } from './support/tar-builder.ts'
import { TarPushError } from '../src/lib/errors.ts'
import { pull } from '../src/lib/pull.ts'

const CLI = resolve(import.meta.dirname, '../src/cli.ts')
const PUSH_ACTION = resolve(import.meta.dirname, '../dist/index.js')
const PULL_ACTION = resolve(import.meta.dirname, '../dist/pull/index.js')

/** Incompressible, and trickled at DRIP_RATE: each transfer takes seconds, a signal lands in it. */
const BIG_LAYER_BYTES = 3 * 1024 * 1024
const DRIP = { bytes: 16 * 1024, everyMs: 50 }
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const
type StopSignal = keyof typeof EXIT_CODES

let registry: RunningRegistry
let tarball: string
let pullDiffIds: string[]
let bigBlob: string
const proxies: RunningProxy[] = []

before(async () => {
  const work = await mkdtemp(join(tmpdir(), 'signals-fixtures-'))
  registry = await startRegistry()
  // A docker save with a small layer and a big random one (pushed gzip-compressed, streamed).
  const small = await tarBytes([{ kind: 'file', name: 'etc/small', data: 'small layer\n' }])
  const big = await tarBytes([{ kind: 'file', name: 'big', data: randomBytes(BIG_LAYER_BYTES) }])
  const layers = [small, big]
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['/big'] },
      rootfs: { type: 'layers', diff_ids: layers.map(sha256) },
      history: layers.map(() => ({ created_by: 'signals.test.ts' })),
    }),
  )
  tarball = join(work, 'app.tar')
  await writeTar(tarball, dockerSave25Entries({ config, layers }, ['example.com/signals/app:1']))
  // The image every pull test pulls: the same two layers, put straight into the registry.
  const image = await putImage(registry, 'signals/pull', '1', { layers, compression: 'none' })
  pullDiffIds = image.diffIds
  bigBlob = image.layers[1]!.digest
})

after(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()))
  await registry?.stop()
})

async function proxyWith(faults: Fault[]): Promise<RunningProxy> {
  const proxy = await startProxy({ target: registry, faults })
  proxies.push(proxy)
  return proxy
}

const isUpload = (req: { method: string; path: string }) =>
  req.method === 'PATCH' || (req.method === 'PUT' && req.path.includes('/blobs/uploads/'))

/** Upload bodies (streamed PATCH, or PUT of a spooled blob) trickle into the registry. */
const slowUploads = (): Fault => ({
  kind: 'drip',
  direction: 'request',
  ...DRIP,
  times: 100,
  match: isUpload,
})

/** The big layer's download trickles to the client. */
const slowDownload = (): Fault => ({
  kind: 'drip',
  ...DRIP,
  times: 100,
  match: (req) => req.method === 'GET' && req.path.endsWith(bigBlob),
})

/**
 * The big layer's upload is under way: an upload body still trickling in, unanswered, 250 ms
 * after it was first seen (the config's body is one drip, answered within about 50 ms). So the
 * signal lands inside an upload, whose session the stop must then drop.
 */
function uploadUnderWay(proxy: RunningProxy): () => boolean {
  const firstSeen = new Map<RecordedRequest, number>()
  return () =>
    proxy.requests.filter(isUpload).some((req) => {
      const seen = firstSeen.get(req) ?? Date.now()
      firstSeen.set(req, seen)
      return req.status === 0 && Date.now() - seen >= 250
    })
}

const downloadUnderWay = (proxy: RunningProxy) => () =>
  proxy.requests.some((req) => req.method === 'GET' && req.path.endsWith(bigBlob))

/** Private directories per child: TMPDIR (must end empty), HOME, and a work directory. */
async function sandbox() {
  const root = await mkdtemp(join(tmpdir(), 'signals-'))
  const dirs = { tmp: join(root, 'tmp'), home: join(root, 'home'), work: join(root, 'work') }
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir)))
  await mkdir(join(dirs.home, '.docker'))
  await writeFile(join(dirs.home, '.docker', 'config.json'), '{}')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    DOCKER_CONFIG: join(dirs.home, '.docker'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    NO_COLOR: '1',
  }
  return { ...dirs, env }
}

const startCli = (args: string[], env: NodeJS.ProcessEnv): RunningChild =>
  startNode(CLI, args, { env })

/** The manifest status of repository:tag, read from the registry itself (not the proxy). */
async function manifestStatus(repository: string, tag: string): Promise<number> {
  const response = await httpRequest(`${registry.url}/v2/${repository}/manifests/${tag}`, {
    headers: {
      accept: [
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
      ].join(', '),
    },
  })
  return response.status
}

/** A stack frame ("    at fn (file:line:col)") anywhere in the output. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m

/** Exit code, exactly one "stopped by" line (naming `what`), no stack, nothing in TMPDIR. */
async function assertStopped(
  ended: Ended,
  signal: StopSignal,
  tmp: string,
  what: RegExp,
): Promise<string> {
  const output = `stdout:\n${ended.stdout}\nstderr:\n${ended.stderr}`
  assert.equal(ended.signal, null, `handled ${signal}, not killed by it\n${output}`)
  assert.equal(ended.code, EXIT_CODES[signal], output)
  const lines = ended.stderr.split('\n').filter((line) => line.startsWith('stopped by '))
  assert.equal(lines.length, 1, `one "stopped by" line\n${output}`)
  const line = lines[0]!
  assert.ok(line.startsWith(`stopped by ${signal}: `), line)
  assert.match(line, what)
  assert.doesNotMatch(ended.stderr, STACK_FRAME, `no stack trace\n${output}`)
  assert.doesNotMatch(ended.stderr, /unexpected error/, output)
  assert.deepEqual(await readdir(tmp), [], `nothing left in the private TMPDIR\n${output}`)
  return line
}

describe('the CLI stopped by a signal during a push', () => {
  for (const [signal, mode] of [
    ['SIGINT', 'stream'],
    ['SIGTERM', 'spool'],
  ] as const) {
    it(`${signal} during a ${mode} upload: exit ${EXIT_CODES[signal]}, no tag, no temp files`, async () => {
      const proxy = await proxyWith([slowUploads()])
      const box = await sandbox()
      const repository = `signals/push-${mode}`
      const image = `${proxy.host}/${repository}`
      const cli = startCli(
        ['push', tarball, '--image', image, '--tag', '1', '--upload-mode', mode, '--no-cache'],
        box.env,
      )
      await waitUntil(uploadUnderWay(proxy), 'a blob upload', cli)
      cli.kill(signal)
      const ended = await cli.ended
      const line = await assertStopped(
        ended,
        signal,
        box.tmp,
        new RegExp(`push of ${tarball} to ${image} not finished; nothing was tagged$`),
      )
      assert.equal(ended.stdout, '', `no result printed\n${line}`)
      assert.equal(await manifestStatus(repository, '1'), 404, 'the tag is not in the registry')
      // The cleanup a stop lets through: the cut upload's session is dropped, as after a failure.
      assert.ok(
        proxy.requests.some(
          (req) => req.method === 'DELETE' && req.path.includes(`/v2/${repository}/blobs/uploads/`),
        ),
        'the upload session was DELETEd',
      )
    })
  }

  it('an output whose reader went away (tar-push … | head): exit 141, no tag, no temp files', async () => {
    const proxy = await proxyWith([slowUploads()])
    const box = await sandbox()
    const repository = 'signals/push-closed-output'
    const image = `${proxy.host}/${repository}`
    // --debug: every request is logged, so writes go on while the upload trickles.
    const cli = startCli(
      ['push', tarball, '--image', image, '--tag', '1', '--no-cache', '--debug'],
      box.env,
    )
    await waitUntil(uploadUnderWay(proxy), 'a blob upload', cli)
    // What `head` does once it has its lines: both pipes closed on the reading side.
    cli.child.stdout?.destroy()
    cli.child.stderr?.destroy()
    const ended = await cli.ended
    assert.equal(ended.signal, null, 'handled the closed output, not killed by it')
    assert.equal(ended.code, 141)
    assert.equal(await manifestStatus(repository, '1'), 404, 'the tag is not in the registry')
    assert.deepEqual(await readdir(box.tmp), [], 'nothing left in the private TMPDIR')
  })

  it('SIGINT while a .tar.gz is being unwrapped (no request yet): exit 130 at once, the spool removed', async () => {
    const box = await sandbox()
    const gz = join(box.work, 'big.tar.gz')
    // 512 MB of zeros: a few seconds of gunzip into the spool in TMPDIR, and no byte sent yet.
    execFileSync('sh', ['-c', `head -c 536870912 /dev/zero | gzip -1 > '${gz}'`])
    const cli = startCli(
      ['push', gz, '--image', `${registry.host}/signals/gz`, '--tag', '1'],
      box.env,
    )
    const spooling = async () => {
      const spools = (await readdir(box.tmp)).map((name) => join(box.tmp, name))
      for (const spool of spools) {
        if ((await readdir(spool).catch(() => [])).length > 0) return true
      }
      return false
    }
    await waitUntil(spooling, 'the unwrapped spool file', cli)
    const stopped = Date.now()
    cli.kill('SIGINT')
    const ended = await cli.ended
    await assertStopped(ended, 'SIGINT', box.tmp, /push of .*big\.tar\.gz.* not finished/)
    assert.ok(Date.now() - stopped < 2000, `stopped in ${Date.now() - stopped} ms`)
  })

  it('a second signal during the cleanup exits at once, with the first signal’s code', async () => {
    const proxy = await proxyWith([slowUploads()])
    const box = await sandbox()
    const repository = 'signals/push-twice'
    const cli = startCli(
      ['push', tarball, '--image', `${proxy.host}/${repository}`, '--tag', '1', '--no-cache'],
      box.env,
    )
    await waitUntil(uploadUnderWay(proxy), 'a blob upload', cli)
    // As a runner that will not wait does: SIGINT, then SIGTERM before the cleanup is over.
    // Sent back to back, both are pending at once and the child may take either first: the
    // one it names is the one whose exit code it must use.
    cli.kill('SIGINT')
    cli.kill('SIGTERM')
    const ended = await cli.ended
    const output = `stdout:\n${ended.stdout}\nstderr:\n${ended.stderr}`
    const lines = ended.stderr.split('\n').filter((line) => line.startsWith('stopped by '))
    assert.equal(lines.length, 1, output)
    const first =
      /^stopped by (SIGINT|SIGTERM): push of .* not finished; .*; cleanup cut short by a second signal$/.exec(
        lines[0]!,
      )?.[1] as StopSignal | undefined
    assert.ok(first, output)
    assert.equal(ended.signal, null, output)
    assert.equal(ended.code, EXIT_CODES[first], output)
    assert.doesNotMatch(ended.stderr, STACK_FRAME, output)
    assert.equal(await manifestStatus(repository, '1'), 404, 'the tag is not in the registry')
  })
})

/**
 * A script to load before tar-push (`--import`): it throws from a timer once `crashNow` exists,
 * as a fault in one of tar-push's event handlers would.
 */
async function plantFault(dir: string): Promise<{ hook: string; crashNow: () => Promise<void> }> {
  const flag = join(dir, 'crash-now')
  const hook = join(dir, 'crash-hook.mjs')
  await writeFile(
    hook,
    [
      "import { existsSync } from 'node:fs'",
      'const timer = setInterval(() => {',
      `  if (!existsSync(${JSON.stringify(flag)})) return`,
      '  clearInterval(timer)',
      "  throw new Error('a fault planted by signals.test.ts')",
      '}, 20)',
      'timer.unref()',
    ].join('\n'),
  )
  return { hook, crashNow: () => writeFile(flag, '') }
}

describe('the CLI stopped by an unexpected error during a push', () => {
  it('an exception nothing caught (here thrown from a timer): reported, cleaned up, exit 1, no tag', async () => {
    const proxy = await proxyWith([slowUploads()])
    const box = await sandbox()
    const repository = 'signals/push-crash'
    const image = `${proxy.host}/${repository}`
    const { hook, crashNow } = await plantFault(box.work)
    const cli = startProcess(
      process.execPath,
      ['--import', hook, CLI, 'push', tarball, '--image', image, '--tag', '1', '--no-cache'],
      { env: box.env },
    )
    await waitUntil(uploadUnderWay(proxy), 'a blob upload', cli)
    await crashNow()
    const ended = await cli.ended
    const output = `stdout:\n${ended.stdout}\nstderr:\n${ended.stderr}`
    assert.equal(ended.signal, null, output)
    assert.equal(ended.code, 1, output)
    assert.match(ended.stderr, /unexpected error: Error: a fault planted by signals\.test\.ts/)
    const lines = ended.stderr.split('\n').filter((line) => line.startsWith('stopped by '))
    assert.deepEqual(
      lines,
      [
        `stopped by an unexpected error: push of ${tarball} to ${image} not finished; nothing was tagged`,
      ],
      output,
    )
    assert.equal(ended.stdout, '', output)
    assert.deepEqual(await readdir(box.tmp), [], `nothing left in the private TMPDIR\n${output}`)
    assert.equal(await manifestStatus(repository, '1'), 404, 'the tag is not in the registry')
    assert.ok(
      proxy.requests.some(
        (req) => req.method === 'DELETE' && req.path.includes(`/v2/${repository}/blobs/uploads/`),
      ),
      'the upload session was DELETEd',
    )
  })
})

/** What a pull to `output` may leave next to it: nothing at all (no .partial, no temp dir). */
async function assertNoOutput(output: string, ended: Ended): Promise<void> {
  const log = `stdout:\n${ended.stdout}\nstderr:\n${ended.stderr}`
  assert.ok(!existsSync(output), `${basename(output)} is not there\n${log}`)
  assert.deepEqual(await readdir(dirname(output)), [], `nothing next to the output\n${log}`)
}

/** Partial output is on disk: the pull has begun writing what a stop must remove. */
async function somethingWritten(dir: string, format: string, output: string): Promise<boolean> {
  const written = await readdir(dir)
  if (written.length === 0) return false
  // rootfs: the small layer is unpacked (under the output's temporary name, next to it) while
  // the big one trickles in.
  const staged = written.filter((name) => name.startsWith(`.${basename(output)}.`))
  return format !== 'rootfs' || staged.some((name) => existsSync(join(dir, name, 'etc', 'small')))
}

describe('the CLI stopped by a signal during a pull', () => {
  for (const [format, signal, name] of [
    ['docker', 'SIGINT', 'app.tar'],
    ['oci-archive', 'SIGTERM', 'app.oci.tar'],
    ['oci', 'SIGINT', 'layout'],
    ['rootfs', 'SIGTERM', 'rootfs'],
  ] as const) {
    it(`--format ${format}, ${signal}: exit ${EXIT_CODES[signal]}, no output, no .partial, no temp files`, async () => {
      const proxy = await proxyWith([slowDownload()])
      const box = await sandbox()
      const output = join(box.work, name)
      const image = `${proxy.host}/signals/pull:1`
      const cli = startCli(['pull', image, '--output', output, '--format', format], box.env)
      await waitUntil(downloadUnderWay(proxy), 'the big layer’s download', cli)
      await waitUntil(() => somethingWritten(box.work, format, output), 'partial output', cli)
      cli.kill(signal)
      const ended = await cli.ended
      await assertStopped(
        ended,
        signal,
        box.tmp,
        new RegExp(`pull of ${image} to ${output} not finished; ${output} not written$`),
      )
      await assertNoOutput(output, ended)
      assert.ok(pullDiffIds.length === 2)
    })
  }
})

describe('the CLI stopped by a signal during a copy', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while a layer flows from one registry to another: exit ${EXIT_CODES[signal]}, no tag`, async () => {
      // Source through the trickling proxy, target the registry under its own address: two
      // registry names, so the layers are copied (not mounted) and the copy is under way.
      const proxy = await proxyWith([slowDownload()])
      const box = await sandbox()
      const source = `${proxy.host}/signals/pull:1`
      const target = `${registry.host}/signals/copied-${signal.toLowerCase()}:1`
      const cli = startCli(['copy', source, target], box.env)
      await waitUntil(downloadUnderWay(proxy), 'the big layer’s download', cli)
      cli.kill(signal)
      const ended = await cli.ended
      await assertStopped(
        ended,
        signal,
        box.tmp,
        new RegExp(`copy of ${source} to ${target} not finished; nothing was tagged$`),
      )
      assert.equal(
        await manifestStatus(`signals/copied-${signal.toLowerCase()}`, '1'),
        404,
        'the tag is not in the registry',
      )
    })
  }
})

describe('the library stopped through its signal (in this process)', () => {
  /** The error `promise` rejects with, which must be CANCELLED. */
  async function cancelled(promise: Promise<unknown>): Promise<TarPushError> {
    const error = await promise.then(
      () => assert.fail('expected CANCELLED'),
      (error: unknown) => error,
    )
    assert.ok(error instanceof TarPushError, String(error))
    assert.equal(error.code, 'CANCELLED', error.message)
    return error
  }

  it('a download cut by the signal rejects with CANCELLED and leaves no output', async () => {
    const proxy = await proxyWith([slowDownload()])
    const box = await sandbox()
    const output = join(box.work, 'app.tar')
    const controller = new AbortController()
    const pulling = pull({
      image: `${proxy.host}/signals/pull:1`,
      output,
      signal: controller.signal,
    })
    const deadline = Date.now() + 30_000
    while (!downloadUnderWay(proxy)() && Date.now() < deadline) await sleep(20)
    controller.abort()
    await cancelled(pulling)
    assert.deepEqual(await readdir(box.work), [])
  })

  it('no retry after the signal, and a backoff (Retry-After: 30) ends at once', async () => {
    const proxy = await proxyWith([
      {
        kind: 'status',
        status: 503,
        headers: { 'retry-after': '30' },
        times: 10,
        match: (req) => req.method === 'GET' && req.path.endsWith(bigBlob),
      },
    ])
    const box = await sandbox()
    const controller = new AbortController()
    const pulling = pull({
      image: `${proxy.host}/signals/pull:1`,
      output: join(box.work, 'layout'),
      format: 'oci',
      signal: controller.signal,
    })
    const answered503 = () => proxy.requests.some((req) => req.status === 503)
    const deadline = Date.now() + 30_000
    while (!answered503() && Date.now() < deadline) await sleep(20)
    const aborted = Date.now()
    controller.abort()
    await cancelled(pulling)
    assert.ok(Date.now() - aborted < 2000, `settled ${Date.now() - aborted} ms after the abort`)
    assert.equal(proxy.requests.filter((req) => req.status === 503).length, 1, 'not retried')
    assert.deepEqual(await readdir(box.work), [])
  })
})

/** The runner's cancel: SIGINT, then SIGTERM once the grace period is over if still running. */
async function cancelAsRunner(action: RunningChild, graceMs: number): Promise<Ended> {
  action.kill('SIGINT')
  const timer = setTimeout(() => action.kill('SIGTERM'), graceMs)
  try {
    return await action.ended
  } finally {
    clearTimeout(timer)
  }
}

/**
 * RUNNER_TEMP holds GITHUB_OUTPUT, the summary and, by design, the job's digest map (kept for
 * later steps of the job, also after a failure: the blobs it names are in the registry; the
 * runner empties RUNNER_TEMP after the job). Nothing else of ours may stay: no spooled layers.
 */
const RUNNER_FILES = new Set(['output', 'summary', 'tar-push-digest-map'])

async function assertRunnerTempClean(dir: string, ended: Ended): Promise<void> {
  const left = (await readdir(dir)).filter((name) => !RUNNER_FILES.has(name))
  assert.deepEqual(left, [], `nothing left in RUNNER_TEMP\n${ended.stdout}\n${ended.stderr}`)
}

/** The step failed with one `::error::cancelled by SIGNAL: …` line and no stack. */
function assertCancelledStep(ended: Ended, signal: StopSignal, what: RegExp): void {
  const output = `stdout:\n${ended.stdout}\nstderr:\n${ended.stderr}`
  assert.equal(ended.signal, null, output)
  assert.equal(ended.code, EXIT_CODES[signal], output)
  const errors = ended.stdout.split('\n').filter((line) => line.startsWith('::error::'))
  assert.equal(errors.length, 1, `one failure\n${output}`)
  assert.ok(errors[0]!.startsWith(`::error::cancelled by ${signal}: `), errors[0])
  assert.match(errors[0]!, what)
  assert.doesNotMatch(ended.stdout + ended.stderr, STACK_FRAME, output)
}

describe('the actions cancelled by the runner (dist bundles)', () => {
  it('push: SIGINT then SIGTERM after the grace period; stopped by the SIGINT, exit 130', async () => {
    const proxy = await proxyWith([slowUploads()])
    const box = await sandbox()
    const repository = 'signals/action-int'
    const image = `${proxy.host}/${repository}`
    const action = await startAction(PUSH_ACTION, { tarball, image, tags: '1' }, box.env)
    await waitUntil(uploadUnderWay(proxy), 'a blob upload', action)
    const started = Date.now()
    const ended = await cancelAsRunner(action, 5000)
    assert.ok(Date.now() - started < 5000, 'done within the grace period: no SIGTERM needed')
    assertCancelledStep(
      ended,
      'SIGINT',
      new RegExp(`push of ${tarball} to ${image} not finished; nothing was tagged$`),
    )
    await assertRunnerTempClean(action.dir, ended)
    assert.deepEqual(await readdir(box.tmp), [])
    assert.equal(await manifestStatus(repository, '1'), 404, 'the tag is not in the registry')
  })

  it('push: SIGTERM alone (the runner stopping): cancelled, exit 143', async () => {
    const proxy = await proxyWith([slowUploads()])
    const box = await sandbox()
    const repository = 'signals/action-term'
    const image = `${proxy.host}/${repository}`
    const action = await startAction(PUSH_ACTION, { tarball, image, tags: '1' }, box.env)
    await waitUntil(uploadUnderWay(proxy), 'a blob upload', action)
    action.kill('SIGTERM')
    const ended = await action.ended
    assertCancelledStep(ended, 'SIGTERM', /push of .* not finished; nothing was tagged$/)
    await assertRunnerTempClean(action.dir, ended)
    assert.deepEqual(await readdir(box.tmp), [])
    assert.equal(await manifestStatus(repository, '1'), 404, 'the tag is not in the registry')
  })

  it('push: an exception nothing caught fails the step after the cleanup, exit 1, no tag', async () => {
    const proxy = await proxyWith([slowUploads()])
    const box = await sandbox()
    const repository = 'signals/action-crash'
    const image = `${proxy.host}/${repository}`
    const { hook, crashNow } = await plantFault(box.work)
    const action = await startAction(
      PUSH_ACTION,
      { tarball, image, tags: '1' },
      { ...box.env, NODE_OPTIONS: `--import ${hook}` },
    )
    await waitUntil(uploadUnderWay(proxy), 'a blob upload', action)
    await crashNow()
    const ended = await action.ended
    const output = `stdout:\n${ended.stdout}\nstderr:\n${ended.stderr}`
    assert.equal(ended.signal, null, output)
    assert.equal(ended.code, 1, output)
    const errors = ended.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    assert.match(errors[0] ?? '', /^::error::unexpected error: Error: a fault planted/, output)
    assert.equal(
      errors[1],
      `::error::cancelled by an unexpected error: push of ${tarball} to ${image} not finished; nothing was tagged`,
      output,
    )
    await assertRunnerTempClean(action.dir, ended)
    assert.deepEqual(await readdir(box.tmp), [])
    assert.equal(await manifestStatus(repository, '1'), 404, 'the tag is not in the registry')
  })

  it('pull to rootfs: SIGINT then SIGTERM; no output left, exit 130', async () => {
    const proxy = await proxyWith([slowDownload()])
    const box = await sandbox()
    const output = join(box.work, 'rootfs')
    const image = `${proxy.host}/signals/pull:1`
    const action = await startAction(PULL_ACTION, { image, output, format: 'rootfs' }, box.env)
    await waitUntil(downloadUnderWay(proxy), 'the big layer’s download', action)
    await waitUntil(() => somethingWritten(box.work, 'rootfs', output), 'partial output', action)
    const ended = await cancelAsRunner(action, 5000)
    assertCancelledStep(ended, 'SIGINT', new RegExp(`pull of ${image} to ${output} not finished`))
    await assertNoOutput(output, ended)
    await assertRunnerTempClean(action.dir, ended)
    assert.deepEqual(await readdir(box.tmp), [])
  })
})
