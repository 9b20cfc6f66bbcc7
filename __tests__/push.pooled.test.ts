import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createCipheriv, createHash } from 'node:crypto'
import { readFile, mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, zstdDecompressSync } from 'node:zlib'
import { push } from '../src/lib/push.ts'
import type { Compression } from '../src/lib/image/model.ts'
import {
  deriveConfig,
  fixtureByName,
  legacyDockerSaveEntries,
  readDockerImage,
  sha256,
} from './support/fixtures.ts'
import { registryHarness } from './support/harness.ts'
import { copyToDir, skopeo } from './support/skopeo.ts'
import { tarBytes, writeTar } from './support/tar-builder.ts'

/**
 * Uploads come from reused buffers (chunk-pool.ts), given back once the socket wrote them. A
 * layer of several MB pushed through a proxy that reads the request bodies slowly (the client's
 * socket writes then wait for the kernel) must arrive byte for byte: the registry checks each
 * blob against its digest at the commit, skopeo again when it copies the image out, and the
 * blob decompresses to the layer's diff_id.
 */

const harness = registryHarness()
const MB = 1024 * 1024

const isBlobBody = (request: { method: string; path: string }) =>
  (request.method === 'PUT' || request.method === 'PATCH') &&
  request.path.includes('/blobs/uploads/')

/** A layer that compresses in parts: pseudo-random bytes and text, several MB each. */
async function mixedLayer(): Promise<Buffer> {
  const noise = createCipheriv('aes-256-ctr', Buffer.alloc(32, 3), Buffer.alloc(16)).update(
    Buffer.alloc(5 * MB),
  )
  const text = Buffer.from(
    Array.from({ length: 120_000 }, (_, i) => `${i} line of a log ${(i * 7919) % 10_007}\n`).join(
      '',
    ),
  )
  return tarBytes([
    { kind: 'file', name: 'noise.bin', data: noise },
    { kind: 'file', name: 'log.txt', data: text },
  ])
}

async function dockerSaveWith(layer: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pooled-'))
  const base = await readDockerImage(fixtureByName(harness.corpus, 'docker-archive-skopeo').path)
  const layers = [...base.layers, layer]
  const path = join(dir, 'image.tar')
  await writeTar(
    path,
    legacyDockerSaveEntries(
      { config: deriveConfig(base.config, layers.map(sha256)), layers },
      { repoTags: ['pooled/app:1'] },
    ),
  )
  return path
}

/** The pushed image copied out by skopeo (which checks every blob); the big layer decoded. */
async function assertLayerArrived(repository: string, layer: Buffer): Promise<void> {
  const dir = await copyToDir(`${harness.registry.host}/${repository}:1`, {
    registry: harness.registry,
  })
  const wanted = sha256(layer)
  const decoded: string[] = []
  for (const name of await readdir(dir)) {
    const bytes = await readFile(join(dir, name))
    if (bytes.length < MB) continue
    const plain =
      bytes[0] === 0x1f && bytes[1] === 0x8b
        ? gunzipSync(bytes)
        : bytes.readUInt32LE(0) === 0xfd2fb528
          ? zstdDecompressSync(bytes)
          : bytes
    decoded.push(`sha256:${createHash('sha256').update(plain).digest('hex')}`)
  }
  assert.ok(decoded.includes(wanted), `a blob decodes to ${wanted}: ${decoded.join(', ')}`)
}

describe('pushes from reused buffers through a slow reader arrive whole', () => {
  for (const compression of ['gzip', 'zstd', 'none'] as Compression[]) {
    it(`a docker save, ${compression}`, async () => {
      const layer = await mixedLayer()
      const tarball = await dockerSaveWith(layer)
      const proxy = await harness.proxyWith([
        {
          kind: 'drip',
          direction: 'request',
          bytes: 48 * 1024,
          everyMs: 1,
          match: isBlobBody,
          times: 20,
        },
      ])
      const repository = `pooled/docker-${compression}`
      await push({ tarball, image: `${proxy.host}/${repository}`, tags: ['1'], compression })
      assert.ok(
        proxy.requests.some((request) => request.fault === 'drip'),
        'the blob bodies went through the slow reader',
      )
      await assertLayerArrived(repository, layer)
    })
  }

  it('an OCI archive, its gzip layer stored as it is (and its diff_id checked on the way)', async () => {
    const layer = await mixedLayer()
    const dockerTar = await dockerSaveWith(layer)
    const ociTar = join(await mkdtemp(join(tmpdir(), 'pooled-oci-')), 'image.tar')
    await skopeo([
      'copy',
      '-q',
      '--insecure-policy',
      '--dest-compress',
      `docker-archive:${dockerTar}`,
      `oci-archive:${ociTar}`,
    ])
    const proxy = await harness.proxyWith([
      {
        kind: 'drip',
        direction: 'request',
        bytes: 48 * 1024,
        everyMs: 1,
        match: isBlobBody,
        times: 20,
      },
    ])
    const repository = 'pooled/oci'
    await push({ tarball: ociTar, image: `${proxy.host}/${repository}`, tags: ['1'] })
    assert.ok(proxy.requests.some((request) => request.fault === 'drip'))
    await assertLayerArrived(repository, layer)
  })
})
