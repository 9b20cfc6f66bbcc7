/**
 * script/e2e is the round trip the OS-matrix workflow runs on Windows, macOS and arm64 runners;
 * here it runs on Linux against the test registry, so the steps those jobs take are tested in
 * every CI run too (the bundle in dist/, as the runners use it).
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { startRegistry, type RunningRegistry } from './support/registry.ts'

const run = promisify(execFile)
let registry: RunningRegistry

before(async () => {
  registry = await startRegistry()
})
after(() => registry.stop())

describe('script/e2e (the OS-matrix round trip)', () => {
  it('pushes a node-made docker-archive and pulls it back in every format, one digest throughout', async () => {
    const work = join(await mkdtemp(join(tmpdir(), 'e2e-')), 'work')
    const { stdout } = await run(
      'bash',
      [resolve(import.meta.dirname, '../script/e2e'), registry.host, work],
      {
        env: { ...process.env, RUNNER_OS: 'Linux', XDG_CACHE_HOME: join(work, '..', 'cache') },
      },
    )
    const digest = /pushed .*@(sha256:[0-9a-f]{64})/.exec(stdout)?.[1]
    assert.ok(digest, stdout)
    for (const format of ['docker', 'oci', 'oci-archive', 'rootfs'])
      assert.match(stdout, new RegExp(`pulled ${format} ${digest}`))
    assert.match(stdout, new RegExp(`e2e: every digest is ${digest}`))
  })
})
