/**
 * Temporary files go under RUNNER_TEMP when it is set (Windows runners: TEMP can be on a small
 * system drive), observed while the CLI works: a child process with its own RUNNER_TEMP and
 * TMPDIR pushes a gzip-wrapped tarball, spooling layers, through a proxy that trickles the
 * upload; a pull to each disk format writes only next to its output (its commit is a rename).
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startNode, waitUntil } from './support/child.ts'
import { dockerSave25Entries, sha256 } from './support/fixtures.ts'
import { startProxy, type Fault, type RunningProxy } from './support/proxy.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'
import { putImage } from './support/remote-image.ts'
import { tarBytes } from './support/tar-builder.ts'

const CLI = resolve(import.meta.dirname, '../src/cli.ts')
const BIG_LAYER_BYTES = 1024 * 1024
const DRIP = { bytes: 16 * 1024, everyMs: 50 }

let registry: RunningRegistry
let work: string
let tarballGz: string
let bigBlob: string
const proxies: RunningProxy[] = []

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'runner-temp-'))
  registry = await startRegistry()
  const small = await tarBytes([{ kind: 'file', name: 'etc/small', data: 'small\n' }])
  const big = await tarBytes([{ kind: 'file', name: 'big', data: randomBytes(BIG_LAYER_BYTES) }])
  const layers = [small, big]
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layers.map(sha256) },
    }),
  )
  // A gzip-wrapped docker save (docker save app | gzip): opened by unwrapping it to the spool.
  const tar = await tarBytes(dockerSave25Entries({ config, layers }, ['example.com/temp/app:1']))
  tarballGz = join(work, 'app.tar.gz')
  await writeFile(tarballGz, gzipSync(tar))
  const image = await putImage(registry, 'temp/pull', '1', { layers, compression: 'none' })
  bigBlob = image.layers[1]!.digest
})

after(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()))
  await registry?.stop()
  await rm(work, { recursive: true, force: true })
})

async function proxyWith(fault: Fault): Promise<RunningProxy> {
  const proxy = await startProxy({ target: registry, faults: [fault] })
  proxies.push(proxy)
  return proxy
}

/** A private RUNNER_TEMP, TMPDIR, HOME and work directory for one child. */
async function sandbox() {
  const root = await mkdtemp(join(work, 'box-'))
  const dirs = {
    runnerTemp: join(root, 'runner-temp'),
    tmp: join(root, 'tmp'),
    home: join(root, 'home'),
    out: join(root, 'out'),
  }
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir)))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    TEMP: dirs.tmp,
    TMP: dirs.tmp,
    RUNNER_TEMP: dirs.runnerTemp,
    DOCKER_CONFIG: join(dirs.home, '.docker'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    NO_COLOR: '1',
  }
  return { ...dirs, env }
}

/** Every path under `dir`, relative ("a", "a/b"). */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [])
  return entries.map(String).sort()
}

describe('temporary files go under RUNNER_TEMP', () => {
  it('push of a .tar.gz, spooling layers: the unwrapped tarball and the spooled layers are in RUNNER_TEMP, nothing in TMPDIR', async () => {
    const proxy = await proxyWith({
      kind: 'drip',
      direction: 'request',
      ...DRIP,
      times: 100,
      match: (req) => req.method === 'PUT' && req.path.includes('/blobs/uploads/'),
    })
    const box = await sandbox()
    const cli = startNode(
      CLI,
      [
        'push',
        tarballGz,
        '--image',
        `${proxy.host}/temp/push`,
        '--tag',
        '1',
        '--upload-mode',
        'spool',
        '--no-cache',
      ],
      { env: box.env },
    )
    let seen: string[] = []
    await waitUntil(
      async () => {
        seen = await listTree(box.runnerTemp)
        return (
          seen.some((path) => /^tar-push-[^/]+\/unwrapped\.tar$/.test(path)) &&
          seen.some((path) => /^tar-push-layers-[^/]+\/.+\.gzip$/.test(path))
        )
      },
      'the unwrapped tarball and a spooled layer in RUNNER_TEMP',
      cli,
    )
    assert.deepEqual(await listTree(box.tmp), [], 'nothing in TMPDIR while pushing')
    const ended = await cli.ended
    assert.equal(ended.code, 0, ended.stderr)
    assert.deepEqual(await listTree(box.runnerTemp), [], 'RUNNER_TEMP cleaned up')
    assert.deepEqual(await listTree(box.tmp), [], 'nothing in TMPDIR after')
  })

  for (const format of ['docker', 'oci', 'rootfs'] as const) {
    it(`pull --format ${format}: the temporary name is next to the output, nothing in RUNNER_TEMP or TMPDIR`, async () => {
      const proxy = await proxyWith({
        kind: 'drip',
        ...DRIP,
        times: 100,
        match: (req) => req.method === 'GET' && req.path.endsWith(bigBlob),
      })
      const box = await sandbox()
      const output = join(box.out, format === 'docker' ? 'app.tar' : format)
      const cli = startNode(
        CLI,
        ['pull', `${proxy.host}/temp/pull:1`, '--output', output, '--format', format],
        { env: box.env },
      )
      await waitUntil(
        async () => (await readdir(box.out)).some((name) => name.includes('.tar-push-')),
        'a temporary name next to the output',
        cli,
      )
      assert.deepEqual(await listTree(box.runnerTemp), [], 'nothing in RUNNER_TEMP while pulling')
      assert.deepEqual(await listTree(box.tmp), [], 'nothing in TMPDIR while pulling')
      const ended = await cli.ended
      assert.equal(ended.code, 0, ended.stderr)
      assert.deepEqual(await readdir(box.out), [format === 'docker' ? 'app.tar' : format])
    })
  }
})
