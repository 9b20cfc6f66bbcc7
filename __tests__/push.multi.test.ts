import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push } from '../src/lib/push.ts'
import { TarPushError } from '../src/lib/errors.ts'
import { parseMappings } from '../src/lib/targets.ts'
import { dockerSave25Entries, hexOf, readDockerImage, sha256 } from './support/fixtures.ts'
import {
  buildPlatformTarballs,
  writeMultiImageSave,
  type PlatformTarball,
} from './support/platforms.ts'
import { startRegistry, httpRequest, type RunningRegistry } from './support/registry.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'
import { writeTar, type TarEntry } from './support/tar-builder.ts'
import { copyToDir, inspectRaw, skopeo } from './support/skopeo.ts'

let registry: RunningRegistry
let proxy: RunningProxy
let workDir: string
let platforms: PlatformTarball[]
/** docker save a:1 b:1 of two images sharing their base layer. */
let multiImage: { path: string; baseDiffId: string }

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'multi-'))
  ;[registry, platforms] = await Promise.all([
    startRegistry(),
    buildPlatformTarballs(join(workDir, 'platforms'), 'example.com/team/app:1.0', [
      { os: 'linux', architecture: 'amd64', format: 'docker-archive' },
      { os: 'linux', architecture: 'arm64', format: 'docker-archive' },
      { os: 'linux', architecture: 'arm', variant: 'v7', format: 'docker-archive' },
      { os: 'linux', architecture: 's390x', format: 'oci-archive' },
    ]),
  ])
  proxy = await startProxy({ target: registry })
  multiImage = await writeMultiImageSave(join(workDir, 'two-images.tar'), platforms[0]!.path)
})
after(async () => {
  await proxy.stop()
  await registry.stop()
})

const access = () => ({ registry })
const manifestOf = async (reference: string) =>
  JSON.parse((await inspectRaw(reference, access())).toString('utf8')) as {
    mediaType: string
    manifests: { digest: string; mediaType: string; platform: Record<string, unknown> }[]
  }
const tagExists = async (repository: string, tag: string) =>
  (
    await httpRequest(`${registry.url}/v2/${repository}/manifests/${tag}`, {
      method: 'HEAD',
      headers: {
        accept:
          'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
      },
    })
  ).status === 200

describe('several tarballs, one per platform, pushed as one index', () => {
  it('pushes each member by digest, then a Docker manifest list of Docker members under the tags', async () => {
    const dockerOnes = platforms.filter((tarball) => tarball.format === 'docker-archive')
    const result = await push({
      tarball: dockerOnes.map((tarball) => tarball.path),
      image: `${registry.host}/multi/docker`,
      tags: ['1.0', 'latest'],
    })
    const [pushed] = result.images
    assert.equal(pushed!.mediaType, 'application/vnd.docker.distribution.manifest.list.v2+json')
    assert.deepEqual(
      pushed!.images.map((member) =>
        [member.platform?.os, member.platform?.architecture, member.platform?.variant]
          .filter(Boolean)
          .join('/'),
      ),
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
    )
    // skopeo reads the index the registry serves: our digest, every platform from the configs.
    const raw = await inspectRaw(`${registry.host}/multi/docker:1.0`, access())
    assert.equal(sha256(raw), pushed!.digest)
    const index = JSON.parse(raw.toString('utf8')) as Awaited<ReturnType<typeof manifestOf>>
    assert.deepEqual(
      index.manifests.map((member) => member.platform),
      [
        { architecture: 'amd64', os: 'linux' },
        { architecture: 'arm64', os: 'linux' },
        { architecture: 'arm', os: 'linux', variant: 'v7' },
      ],
    )
    assert.ok(
      index.manifests.every(
        (member) => member.mediaType === 'application/vnd.docker.distribution.manifest.v2+json',
      ),
    )
    assert.equal(
      sha256(await inspectRaw(`${registry.host}/multi/docker:latest`, access())),
      pushed!.digest,
    )
    // skopeo picks the arm64 member by itself and verifies its blobs.
    const dir = await mkdtemp(join(tmpdir(), 'arm64-'))
    await skopeo([
      '--override-arch',
      'arm64',
      '--override-os',
      'linux',
      'copy',
      '-q',
      '--insecure-policy',
      '--src-tls-verify=false',
      `docker://${registry.host}/multi/docker:1.0`,
      `dir:${dir}`,
    ])
    const arm64 = pushed!.images.find((member) => member.platform?.architecture === 'arm64')!
    assert.equal(sha256(await readFile(join(dir, 'manifest.json'))), arm64.digest)
    const config = JSON.parse(
      (await readFile(join(dir, hexOf(arm64.config.digest)))).toString('utf8'),
    ) as { architecture: string }
    assert.equal(config.architecture, 'arm64')
  })

  it('takes a glob, and writes an OCI index when a member is an OCI manifest', async () => {
    const result = await push({
      tarball: join(workDir, 'platforms', 'linux-*.tar'),
      image: `${registry.host}/multi/glob`,
      tags: ['2'],
    })
    const [pushed] = result.images
    assert.equal(pushed!.mediaType, 'application/vnd.oci.image.index.v1+json')
    const index = await manifestOf(`${registry.host}/multi/glob:2`)
    // Sorted by path: linux-amd64, linux-arm-v7, linux-arm64, linux-s390x.
    assert.deepEqual(
      index.manifests.map((member) => member.platform['architecture']),
      ['amd64', 'arm', 'arm64', 's390x'],
    )
    assert.equal(
      index.manifests.find((member) => member.platform['architecture'] === 's390x')!.mediaType,
      'application/vnd.oci.image.manifest.v1+json',
    )
    // Every member is readable on its own, blobs verified.
    for (const member of pushed!.images) {
      const dir = await copyToDir(`${registry.host}/multi/glob@${member.digest}`, access())
      assert.equal(sha256(await readFile(join(dir, 'manifest.json'))), member.digest)
    }
  })

  it('takes the names the tarballs carry when image is not given, moved by registry', async () => {
    const result = await push({
      tarball: platforms.slice(0, 2).map((tarball) => tarball.path),
      registry: `${registry.host}/moved`,
    })
    assert.deepEqual(result.images[0]!.references, [`${registry.host}/moved/team/app:1.0`])
    assert.equal((await manifestOf(`${registry.host}/moved/team/app:1.0`)).manifests.length, 2)
  })

  it('refuses two tarballs of one platform, or a tarball of several images among them', async () => {
    const amd64 = platforms[0]!.path
    const copy = join(workDir, 'amd64-again.tar')
    await writeTar(copy, await rewrapped(amd64))
    await assert.rejects(
      push({ tarball: [amd64, copy], image: `${registry.host}/multi/dup`, tags: ['1'] }),
      (error: unknown) =>
        error instanceof TarPushError &&
        error.code === 'DUPLICATE_PLATFORM' &&
        error.message.includes('linux/amd64') &&
        error.message.includes('amd64-again.tar'),
    )
    await assert.rejects(
      push({ tarball: [amd64, multiImage.path], image: `${registry.host}/multi/dup`, tags: ['1'] }),
      (error: unknown) =>
        error instanceof TarPushError &&
        error.code === 'USAGE' &&
        error.message.includes('two-images.tar holds 2 images'),
    )
    assert.equal(await tagExists('multi/dup', '1'), false)
  })
})

describe('a tarball of several images', () => {
  it('lands each image under its own name, the shared base uploaded once', async () => {
    proxy.clear()
    const result = await push({ tarball: multiImage.path, registry: `${proxy.host}/own` })
    assert.deepEqual(
      result.images.map((image) => image.references),
      [[`${proxy.host}/own/a:1`], [`${proxy.host}/own/b:1`]],
    )
    const base = result.images[0]!.images[0]!.layers[0]!
    assert.equal(base.diffId, multiImage.baseDiffId)
    const statuses = result.images.map((image) => image.images[0]!.layers[0]!.status)
    assert.deepEqual(statuses, ['uploaded', 'mounted'])
    // One upload session carried the base's bytes; b got it by a mount.
    const uploadsOfBase = proxy.requests.filter(
      (request) =>
        request.method === 'PUT' &&
        request.path.includes('/blobs/uploads/') &&
        (request.path.includes(base.digest) ||
          request.path.includes(encodeURIComponent(base.digest))),
    )
    assert.equal(
      uploadsOfBase.length,
      1,
      JSON.stringify(proxy.requests.map((r) => `${r.method} ${r.path}`)),
    )
    assert.ok(
      proxy.requests.some(
        (request) =>
          request.method === 'POST' &&
          request.path.startsWith('/v2/own/b/blobs/uploads/?mount=') &&
          request.status === 201,
      ),
    )
    for (const name of ['own/a:1', 'own/b:1']) {
      const dir = await copyToDir(`${registry.host}/${name}`, access())
      assert.ok((await readFile(join(dir, 'manifest.json'))).length > 0)
    }
  })

  it('maps names with images (globs carried over), and select pushes one', async () => {
    const mapped = await push({
      tarball: multiImage.path,
      images: parseMappings([`a:* => ${registry.host}/mapped/first:*`, '# comment', '']),
    })
    assert.deepEqual(
      mapped.images.map((image) => image.references),
      [[`${registry.host}/mapped/first:1`]],
    )
    assert.equal(await tagExists('mapped/b', '1'), false)
    const selected = await push({
      tarball: multiImage.path,
      select: 'b:1',
      image: `${registry.host}/selected/b`,
      tags: ['x'],
    })
    assert.deepEqual(selected.images[0]!.references, [`${registry.host}/selected/b:x`])
    await assert.rejects(
      push({ tarball: multiImage.path, select: 'c:*', image: `${registry.host}/none` }),
      (error: unknown) =>
        error instanceof TarPushError &&
        error.code === 'NO_MATCHING_IMAGE' &&
        /a:1, b:1/.test(error.hint ?? ''),
    )
  })

  it('mounts from mount-from: a tagged image gives the digests of layers to compress', async () => {
    const amd64 = platforms[0]!.path
    await push({ tarball: amd64, image: `${registry.host}/base/lib`, tags: ['1'] })
    proxy.clear()
    // A fresh digest map knows nothing, and the layers are stored uncompressed: the tag of the
    // mount-from image tells their compressed digests, then they are mounted, not uploaded.
    const result = await push({
      tarball: amd64,
      image: `${proxy.host}/app/uses-base`,
      tags: ['1'],
      mountFrom: [`${proxy.host}/base/lib:1`, 'elsewhere.example.com/ignored'],
    })
    const statuses = result.images[0]!.images[0]!.layers.map((layer) => layer.status)
    assert.ok(
      statuses.length > 0 && statuses.every((status) => status === 'mounted'),
      statuses.join(),
    )
    assert.deepEqual(blobBodies(), [], 'no blob bytes sent')
    const dir = await copyToDir(`${registry.host}/app/uses-base:1`, access())
    assert.equal(sha256(await readFile(join(dir, 'manifest.json'))), result.images[0]!.digest)
  })

  it('mounts from an untagged mount-from repository the blobs whose digests the tarball names', async () => {
    const oci = platforms.find((tarball) => tarball.format === 'oci-archive')!.path
    await push({ tarball: oci, image: `${registry.host}/base/oci`, tags: ['1'] })
    proxy.clear()
    const result = await push({
      tarball: oci,
      image: `${proxy.host}/app/oci`,
      tags: ['1'],
      mountFrom: [`${proxy.host}/base/oci`],
    })
    const statuses = result.images[0]!.images[0]!.layers.map((layer) => layer.status)
    assert.ok(
      statuses.every((status) => status === 'mounted'),
      statuses.join(),
    )
    assert.deepEqual(blobBodies(), [], 'no blob bytes sent')
  })
})

/** Requests through the proxy that carried blob bytes (PATCH, or a PUT of an upload). */
const blobBodies = () =>
  proxy.requests
    .filter(
      (request) =>
        request.method === 'PATCH' ||
        (request.method === 'PUT' && request.path.includes('/blobs/uploads/')),
    )
    .map((request) => `${request.method} ${request.path}`)

/** The same image in a new tar (a second tarball of one platform). */
async function rewrapped(path: string): Promise<TarEntry[]> {
  return dockerSave25Entries(await readDockerImage(path), ['example.com/team/app:again'])
}
