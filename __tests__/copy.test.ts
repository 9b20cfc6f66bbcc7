import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { copy } from '../src/lib/copy.ts'
import { TarPushError } from '../src/lib/errors.ts'
import { sha256 } from './support/fixtures.ts'
import { registryHarness } from './support/harness.ts'
import { httpRequest, startRegistry, type RunningRegistry } from './support/registry.ts'
import { putImage, putIndex, type PutImage } from './support/remote-image.ts'
import { copyToDir, inspectRaw } from './support/skopeo.ts'
import { runNode } from './support/run-node.ts'
import { tarBytes } from './support/tar-builder.ts'

const harness = registryHarness()
let other: RunningRegistry
let images: PutImage[]
let indexDigest: string

const tagDigest = async (registry: RunningRegistry, repository: string, tag: string) =>
  (
    await httpRequest(`${registry.url}/v2/${repository}/manifests/${tag}`, {
      method: 'HEAD',
      headers: {
        accept: [
          'application/vnd.oci.image.index.v1+json',
          'application/vnd.docker.distribution.manifest.list.v2+json',
          'application/vnd.oci.image.manifest.v1+json',
          'application/vnd.docker.distribution.manifest.v2+json',
        ].join(', '),
      },
    })
  ).headers['docker-content-digest']

describe('tar-push copy: registry to registry, digests unchanged', () => {
  before(async () => {
    other = await startRegistry()
    const layer = (text: string) => tarBytes([{ kind: 'file', name: 'arch', data: text }])
    const base = await layer('shared base layer')
    images = [
      await putImage(harness.registry, 'source/app', undefined, {
        layers: [base, await layer('amd64')],
      }),
      await putImage(harness.registry, 'source/app', undefined, {
        layers: [base, await layer('arm64')],
        architecture: 'arm64',
        variant: 'v8',
        flavor: 'docker',
      }),
      await putImage(harness.registry, 'source/app', undefined, {
        layers: [await layer('zstd')],
        architecture: 's390x',
        compression: 'zstd',
      }),
    ]
    indexDigest = await putIndex(harness.registry, 'source/app', '1', [
      { image: images[0]!, platform: { os: 'linux', architecture: 'amd64' } },
      { image: images[1]!, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { image: images[2]!, platform: { os: 'linux', architecture: 's390x' } },
    ])
  })
  after(() => other.stop())

  it('every platform of an index, to another registry: the same index digest, every member readable by skopeo', async () => {
    const result = await copy({
      source: `${harness.registry.host}/source/app:1`,
      target: `${other.host}/mirror/app`,
    })
    assert.equal(result.digest, indexDigest)
    assert.equal(result.sourceDigest, indexDigest)
    assert.deepEqual(result.tags, ['1'], 'the source tag, as crane copy keeps it')
    assert.equal(result.images.length, 3)
    assert.equal(
      sha256(await inspectRaw(`${other.host}/mirror/app:1`, { registry: other })),
      indexDigest,
    )
    for (const image of images) {
      // skopeo copies each member out, verifying every blob against its digest.
      await copyToDir(`${other.host}/mirror/app@${image.manifestDigest}`, { registry: other })
    }
  })

  it('on one registry the blobs are mounted from the source repository, not uploaded', async () => {
    const proxy = await harness.proxyWith()
    const result = await copy({
      source: `${proxy.host}/source/app:1`,
      target: `${proxy.host}/same/app:copied`,
    })
    assert.equal(result.digest, indexDigest)
    const uploads = proxy.requests.filter(
      (request) =>
        (request.method === 'PUT' || request.method === 'PATCH') &&
        request.path.includes('/blobs/uploads/'),
    )
    assert.deepEqual(uploads, [], 'no blob was uploaded')
    assert.ok(
      proxy.requests.some((request) => /[?&]mount=/.test(request.path)),
      'mounted',
    )
    assert.equal(await tagDigest(harness.registry, 'same/app', 'copied'), indexDigest)
  })

  it('--platform copies one member, under the target tag, its manifest unchanged', async () => {
    const result = await copy({
      source: `${harness.registry.host}/source/app:1`,
      target: `${other.host}/mirror/app:arm64`,
      platform: 'linux/arm64',
    })
    assert.equal(result.digest, images[1]!.manifestDigest)
    assert.equal(await tagDigest(other, 'mirror/app', 'arm64'), images[1]!.manifestDigest)
  })

  it('a platform the image does not have: PLATFORM_NOT_FOUND naming those it has, nothing tagged', async () => {
    await assert.rejects(
      copy({
        source: `${harness.registry.host}/source/app:1`,
        target: `${other.host}/mirror/app:riscv`,
        platform: 'linux/riscv64',
      }),
      (error: unknown) => {
        assert.ok(error instanceof TarPushError)
        assert.equal(error.code, 'PLATFORM_NOT_FOUND')
        assert.match(error.message, /linux\/amd64.*linux\/arm64\/v8.*linux\/s390x/)
        return true
      },
    )
    assert.equal(await tagDigest(other, 'mirror/app', 'riscv'), undefined)
  })

  it('a source whose layer does not match its diff_id is refused, and the target tag never appears', async () => {
    const lying = await putImage(harness.registry, 'source/lying', '1', {
      layers: [await tarBytes([{ kind: 'file', name: 'a', data: 'real' }])],
      diffIds: [sha256('something else')],
    })
    assert.ok(lying.manifestDigest)
    await assert.rejects(
      copy({
        source: `${harness.registry.host}/source/lying:1`,
        target: `${other.host}/lying/app`,
      }),
      (error: unknown) => error instanceof TarPushError && error.code === 'DIFF_ID_MISMATCH',
    )
    assert.equal(await tagDigest(other, 'lying/app', '1'), undefined)
  })

  it('from the CLI: prints the target with its digest', async () => {
    const run = await runNode('src/cli.ts', [
      'copy',
      `${harness.registry.host}/source/app@${indexDigest}`,
      `${other.host}/cli/app:pinned`,
    ])
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout.trim(), `${other.host}/cli/app@${indexDigest}`)
    assert.equal(await tagDigest(other, 'cli/app', 'pinned'), indexDigest)
  })
})
