/**
 * Progress events of push and pull against the real registry (the listener the CLI draws its
 * bars from), and the CLI bundle's output when standard error is not a terminal.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BlobTransferStatus, ProgressListener } from '../src/lib/progress.ts'
import { pull } from '../src/lib/pull.ts'
import { push } from '../src/lib/push.ts'
import { fixtureByName } from './support/fixtures.ts'
import { registryHarness } from './support/harness.ts'
import { runNode } from './support/run-node.ts'

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js')
const harness = registryHarness()
const ESC = '\x1b'

interface Recorded {
  label: string
  total: number | undefined
  starts: number
  bytes: number
  status?: BlobTransferStatus
}

/** Records every event; fails on bytes or an end of a transfer that was never started. */
class Recorder implements ProgressListener {
  readonly blobs = new Map<string, Recorded>()

  blobStarted(id: string, label: string, total: number | undefined): void {
    const known = this.blobs.get(id)
    assert.ok(known?.status === undefined, `${id} started after it ended`)
    this.blobs.set(id, { label, total, starts: (known?.starts ?? 0) + 1, bytes: 0 })
  }

  blobBytes(id: string, bytes: number): void {
    const blob = this.blobs.get(id)
    assert.ok(blob && blob.status === undefined, `bytes of ${id} outside its transfer`)
    blob.bytes += bytes
  }

  blobDone(id: string, status: BlobTransferStatus): void {
    const blob = this.blobs.get(id)
    assert.ok(blob && blob.status === undefined, `end of ${id} outside its transfer`)
    blob.status = status
  }
}

const dir = () => mkdtemp(join(tmpdir(), 'progress-'))

describe('progress events', () => {
  it('push reports every uploaded blob: each byte read once, sized or (compressed on the fly) not', async () => {
    const recorder = new Recorder()
    const result = await push({
      tarball: fixtureByName(harness.corpus, 'docker-archive-skopeo').path,
      image: `${harness.registry.host}/progress/streamed`,
      tags: ['1'],
      compression: 'gzip',
      uploadMode: 'stream',
      progress: recorder,
    })
    const image = result.images[0]!.images[0]!
    const uploadedLayers = image.layers.filter((layer) => layer.status === 'uploaded')
    assert.ok(uploadedLayers.length > 0)
    // Layers compressed while sent: no total, counted under their diff_id.
    for (const layer of uploadedLayers) {
      const blob = recorder.blobs.get(`encode:${layer.diffId}`)
      assert.ok(blob, `events for ${layer.digest}`)
      assert.equal(blob.total, undefined)
      assert.equal(blob.bytes, layer.size, 'the compressed bytes sent')
      assert.equal(blob.status, 'uploaded')
      assert.match(blob.label, /^sha256:[0-9a-f]{12}$/)
    }
    const config = recorder.blobs.get(image.config.digest)
    assert.deepEqual(config, {
      label: image.config.digest.slice(0, 19),
      total: image.config.size,
      starts: 1,
      bytes: image.config.size,
      status: 'uploaded',
    })
    assert.equal(recorder.blobs.size, uploadedLayers.length + 1, 'nothing else reported')
  })

  it('push reports sized uploads, and nothing for blobs the registry already has', async () => {
    const tarball = fixtureByName(harness.corpus, 'oci-archive-gzip').path
    const image = `${harness.registry.host}/progress/sized`
    const first = new Recorder()
    const result = await push({ tarball, image, tags: ['1'], progress: first })
    const report = result.images[0]!.images[0]!
    for (const blob of [...report.layers, report.config]) {
      assert.deepEqual(first.blobs.get(blob.digest), {
        label: blob.digest.slice(0, 19),
        total: blob.size,
        starts: 1,
        bytes: blob.size,
        status: 'uploaded',
      })
    }
    const again = new Recorder()
    await push({ tarball, image, tags: ['2'], progress: again })
    assert.equal(again.blobs.size, 0, 'a HEAD that finds the blob transfers nothing')
  })

  it('pull reports every layer downloaded, its bytes as written', async () => {
    const tarball = fixtureByName(harness.corpus, 'oci-archive-gzip').path
    const image = `${harness.registry.host}/progress/pulled`
    await push({ tarball, image, tags: ['1'] })
    const recorder = new Recorder()
    const result = await pull({
      image: `${image}:1`,
      output: join(await dir(), 'image.tar'),
      progress: recorder,
    })
    assert.equal(recorder.blobs.size, new Set(result.layers.map((layer) => layer.digest)).size)
    for (const layer of result.layers) {
      assert.deepEqual(recorder.blobs.get(layer.digest), {
        label: layer.digest.slice(0, 19),
        total: layer.size,
        starts: 1,
        bytes: layer.size,
        status: 'downloaded',
      })
    }
  })
})

describe('CLI output when standard error is not a terminal (dist/cli/index.js)', () => {
  const env = async (extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> => ({
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    TERM: 'xterm-256color',
    DOCKER_CONFIG: await dir(),
    XDG_CACHE_HOME: await dir(),
    ...extra,
  })

  it('push and pull write plain lines: no escape byte, no carriage return', async () => {
    const image = `${harness.registry.host}/progress/cli`
    const tarball = fixtureByName(harness.corpus, 'docker-archive-skopeo').path
    const pushed = await runNode(CLI, ['push', tarball, '--image', image, '--tag', '1'], {
      env: await env(),
    })
    assert.equal(pushed.code, 0, pushed.stderr)
    const pulled = await runNode(CLI, ['pull', `${image}:1`, '-o', join(await dir(), 'a.tar')], {
      env: await env({ CI: 'true' }),
    })
    assert.equal(pulled.code, 0, pulled.stderr)
    const failed = await runNode(CLI, ['pull', `${image}:missing`, '-o', join(await dir(), 'b')], {
      env: await env(),
    })
    assert.equal(failed.code, 3)
    for (const { stdout, stderr } of [pushed, pulled, failed]) {
      const text = stdout + stderr
      assert.ok(!text.includes(ESC), JSON.stringify(text))
      assert.ok(!text.includes('\r'), JSON.stringify(text))
    }
    assert.match(pushed.stderr, /^pushed .*:1: \d+ of \d+ layers uploaded/m)
    assert.match(pulled.stderr, /^pulled .* downloaded in/m)
    assert.match(failed.stderr, /^error: IMAGE_NOT_FOUND/m)
  })

  it('FORCE_COLOR=1 colours the lines but draws no progress bar off a terminal', async () => {
    const image = `${harness.registry.host}/progress/forced`
    const tarball = fixtureByName(harness.corpus, 'oci-archive-gzip').path
    const { code, stderr } = await runNode(CLI, ['push', tarball, '--image', image, '--tag', '1'], {
      env: await env({ FORCE_COLOR: '1' }),
    })
    assert.equal(code, 0, stderr)
    assert.match(stderr, new RegExp(`${ESC}\\[32mpushed `), 'the result line in green')
    assert.doesNotMatch(stderr, new RegExp(`${ESC}\\[[0-9;]*[A-HJKG]`), 'no cursor movement')
  })
})
