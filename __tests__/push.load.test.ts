import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push } from '../src/lib/push.ts'
import {
  buildCorpus,
  deriveConfig,
  fixtureByName,
  legacyDockerSaveEntries,
  readDockerImage,
  sha256,
} from './support/fixtures.ts'
import { tarBytes, writeTar } from './support/tar-builder.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'
import { copyToDir, inspectRaw } from './support/skopeo.ts'

const IMAGES = 20
let registry: RunningRegistry
let tarballs: string[]

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'load-'))
  const [started, corpus] = await Promise.all([startRegistry(), buildCorpus(join(dir, 'corpus'))])
  registry = started
  const base = await readDockerImage(fixtureByName(corpus, 'docker-archive-skopeo').path)
  // Twenty different images: the shared base layers plus one layer of their own each.
  tarballs = await Promise.all(
    Array.from({ length: IMAGES }, async (_, i) => {
      const own = await tarBytes([
        { kind: 'file', name: `app/${i}.bin`, data: randomBytes(256 * 1024 + i) },
      ])
      const layers = [...base.layers, own]
      const path = join(dir, `image-${i}.tar`)
      await writeTar(
        path,
        legacyDockerSaveEntries(
          { config: deriveConfig(base.config, layers.map(sha256)), layers },
          { repoTags: [`load/app-${i}:1`] },
        ),
      )
      return path
    }),
  )
})
after(() => registry.stop())

describe('load', () => {
  it(`${IMAGES} different images pushed in parallel to one registry all read back`, async () => {
    const results = await Promise.all(
      tarballs.map((tarball, i) =>
        push({ tarball, image: `${registry.host}/load/app-${i}`, tags: ['1'] }),
      ),
    )
    const digests = new Set(results.map((result) => result.images[0]!.digest))
    assert.equal(digests.size, IMAGES, 'every image is its own')
    for (const [i, result] of results.entries()) {
      assert.equal(
        sha256(await inspectRaw(`${registry.host}/load/app-${i}:1`, { registry })),
        result.images[0]!.digest,
      )
    }
    for (const i of [0, IMAGES - 1])
      await copyToDir(`${registry.host}/load/app-${i}:1`, { registry })
  })
})
