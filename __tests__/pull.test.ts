import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import {
  access,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { TarPushError } from '../src/lib/errors.ts'
import { pull, type PullFormat, type PullOptions } from '../src/lib/pull.ts'
import { fixtureByName, hexOf, sha256 } from './support/fixtures.ts'
import { registryHarness } from './support/harness.ts'
import { MEDIA, putImage, putIndex } from './support/remote-image.ts'
import { inspectRaw, pushWithSkopeo, skopeo } from './support/skopeo.ts'
import { tarBytes, type TarEntry } from './support/tar-builder.ts'
import { diffTrees, snapshotTree } from './support/tree.ts'

const run = promisify(execFile)

const harness = registryHarness()

const workDir = () => mkdtemp(join(tmpdir(), 'pull-'))

function pullFrom(
  image: string,
  output: string,
  format: PullFormat,
  extra: Partial<PullOptions> = {},
) {
  return pull({ image, output, format, retryBaseDelayMs: 10, ...extra })
}

async function expectError(
  promise: Promise<unknown>,
  code: string,
  pattern?: RegExp,
): Promise<TarPushError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (error: unknown) => error,
  )
  assert.ok(error instanceof TarPushError, String(error))
  assert.equal(error.code, code, error.message)
  if (pattern) assert.match(error.message, pattern)
  return error
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

describe('pull round-trips images that skopeo pushed', () => {
  for (const name of [
    'oci-archive-gzip',
    'oci-archive-zstd-layers',
    'oci-archive-uncompressed',
    'docker-archive-skopeo',
  ]) {
    it(`${name}: docker, oci and oci-archive outputs read back by skopeo with the same digests`, async () => {
      const fixture = fixtureByName(harness.corpus, name)
      const reference = `${harness.registry.host}/roundtrip/${name}:1`
      await pushWithSkopeo(fixture.skopeoRef, reference, { registry: harness.registry })
      const manifest = await inspectRaw(reference, { registry: harness.registry })
      const digest = sha256(manifest)
      const configDigest = (JSON.parse(manifest.toString()) as { config: { digest: string } })
        .config.digest
      const dir = await workDir()

      const layout = join(dir, 'layout')
      const result = await pullFrom(reference, layout, 'oci')
      assert.equal(result.digest, digest)
      assert.equal(result.manifestDigest, digest)
      assert.equal(result.platform, 'linux/amd64')
      // skopeo 1.9 finds a ref name only on OCI-typed manifests; a Docker-typed one (kept as the
      // registry served it) it reads as the layout's only image.
      const isOci = JSON.parse(manifest.toString()).mediaType !== MEDIA.dockerManifest
      const named = (transport: string, path: string) => `${transport}:${path}${isOci ? ':1' : ''}`
      const fromLayout = JSON.parse((await skopeo(['inspect', named('oci', layout)])).toString())
      assert.equal(fromLayout.Digest, digest)
      // The layout's manifest bytes are the registry's: skopeo pushes them back unchanged.
      const copy = `${harness.registry.host}/roundtrip/${name}-copy:1`
      await skopeo([
        'copy',
        '-q',
        '--dest-tls-verify=false',
        named('oci', layout),
        `docker://${copy}`,
      ])
      assert.equal(sha256(await inspectRaw(copy, { registry: harness.registry })), digest)

      const archive = join(dir, 'image.oci.tar')
      await pullFrom(reference, archive, 'oci-archive')
      const fromArchive = JSON.parse(
        (await skopeo(['inspect', named('oci-archive', archive)])).toString(),
      )
      assert.equal(fromArchive.Digest, digest)

      const tarball = join(dir, 'image.tar')
      await pullFrom(reference, tarball, 'docker')
      // skopeo reads every layer of the docker tarball (checking it against the diff_ids).
      const copied = await mkdtemp(join(tmpdir(), 'skopeo-dir-'))
      await skopeo(['copy', '-q', `docker-archive:${tarball}`, `dir:${copied}`])
      const copiedManifest = JSON.parse(await readFile(join(copied, 'manifest.json'), 'utf8'))
      assert.equal(copiedManifest.config.digest, configDigest)
      const config = JSON.parse(await readFile(join(copied, hexOf(configDigest)), 'utf8'))
      assert.deepEqual(config.rootfs.diff_ids, fixture.diffIds)
      const files = JSON.parse((await run('tar', ['-xOf', tarball, 'manifest.json'])).stdout) as {
        RepoTags: string[]
        Config: string
      }[]
      assert.deepEqual(files[0]!.RepoTags, [`${harness.registry.host}/roundtrip/${name}:1`])
      assert.equal(files[0]!.Config, `blobs/sha256/${hexOf(configDigest)}`)
    })
  }

  it('an image pulled by digest has no tag and the same bytes', async () => {
    const fixture = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const reference = `${harness.registry.host}/roundtrip/by-digest:1`
    await pushWithSkopeo(fixture.skopeoRef, reference, { registry: harness.registry })
    const digest = sha256(await inspectRaw(reference, { registry: harness.registry }))
    const dir = await workDir()
    const tarball = join(dir, 'image.tar')
    const result = await pullFrom(
      `${harness.registry.host}/roundtrip/by-digest@${digest}`,
      tarball,
      'docker',
    )
    assert.equal(result.digest, digest)
    await skopeo(['inspect', `docker-archive:${tarball}`])
    const files = JSON.parse((await run('tar', ['-xOf', tarball, 'manifest.json'])).stdout) as {
      RepoTags: string[]
    }[]
    assert.deepEqual(files[0]!.RepoTags, [])
  })
})

/** umoci unpacks skopeo's OCI copy of the image: the independent rootfs to compare with. */
async function umociRootfs(reference: string): Promise<string> {
  const dir = await workDir()
  await skopeo([
    'copy',
    '-q',
    '--src-tls-verify=false',
    `docker://${reference}`,
    `oci:${dir}/layout:x`,
  ])
  const rootless = process.getuid?.() === 0 ? [] : ['--rootless']
  await run('umoci', ['unpack', ...rootless, '--image', `${dir}/layout:x`, `${dir}/bundle`])
  return join(dir, 'bundle', 'rootfs')
}

const file = (name: string, data: string, mode = 0o644): TarEntry => ({
  kind: 'file',
  name,
  data,
  mode,
})
const dir = (name: string): TarEntry => ({ kind: 'dir', name })

describe('pull --format rootfs', () => {
  it('equals what umoci unpacks, for the harness.corpus image (files, symlink, whiteout)', async () => {
    const reference = `${harness.registry.host}/rootfs/base:1`
    await pushWithSkopeo(fixtureByName(harness.corpus, 'oci-archive-gzip').skopeoRef, reference, {
      registry: harness.registry,
    })
    const output = join(await workDir(), 'rootfs')
    await pullFrom(reference, output, 'rootfs')
    const differences = diffTrees(
      await snapshotTree(output),
      await snapshotTree(await umociRootfs(reference)),
    )
    assert.deepEqual(differences, [])
  })

  it('equals what umoci unpacks, for layers with hardlinks, opaque directories and replacements', async () => {
    const layers = await Promise.all([
      tarBytes([
        dir('etc/'),
        file('etc/passwd', 'root:x:0:0\n'),
        file('etc/hosts', '127.0.0.1 localhost\n'),
        dir('usr/'),
        dir('usr/bin/'),
        file('usr/bin/busybox', 'ELF busybox', 0o755),
        { kind: 'symlink', name: 'usr/bin/sh', target: 'busybox' },
        { kind: 'hardlink', name: 'usr/bin/ls', target: 'usr/bin/busybox' },
        dir('opt/'),
        dir('opt/data/'),
        file('opt/data/a', 'a'),
        dir('opt/data/sub/'),
        file('opt/data/sub/c', 'c'),
        dir('var/'),
        dir('var/lib/'),
        file('var/lib/state', 'old', 0o600),
        file('srv', 'a file that becomes a directory'),
        { kind: 'symlink', name: 'lib', target: 'usr/lib' },
      ]),
      tarBytes([
        file('etc/.wh.passwd', ''),
        file('etc/hosts', '10.0.0.1 harness.registry\n'),
        dir('opt/data/'),
        file('opt/data/.wh..wh..opq', ''),
        file('opt/data/new', 'new'),
        file('var/.wh.lib', ''),
        dir('srv/'),
        file('srv/inside', 'inside'),
        file('usr/bin/tool', 'tool', 0o700),
      ]),
      tarBytes([
        file('usr/bin/.wh.sh', ''),
        { kind: 'symlink', name: 'usr/bin/sh', target: '/usr/bin/tool' },
        file('etc/motd', 'hello\n', 0o444),
      ]),
    ])
    const reference = `${harness.registry.host}/rootfs/rich:1`
    await putImage(harness.registry, 'rootfs/rich', '1', { layers })
    const output = join(await workDir(), 'rootfs')
    await pullFrom(reference, output, 'rootfs')
    const ours = await snapshotTree(output)
    assert.deepEqual(diffTrees(ours, await snapshotTree(await umociRootfs(reference))), [])
    assert.equal(ours.has('etc/passwd'), false)
    assert.deepEqual(
      [...ours.keys()].filter((path) => path.startsWith('opt/data/')),
      ['opt/data/new'],
    )
    assert.equal(ours.get('srv')?.type, 'dir')
    assert.equal(ours.get('usr/bin/ls')?.links, 2)
  })

  it('on Linux keeps names Windows cannot hold as they are, also with rename-illegal and symlinks: skip', async () => {
    const layers = await Promise.all(
      [
        [
          file('a\\b', 'backslash'),
          file('c:d', 'colon'),
          file('CON', 'device'),
          file('Foo', 'upper'),
          file('foo', 'lower'),
          { kind: 'symlink', name: 'link', target: 'c:d' } as const,
        ],
      ].map(tarBytes),
    )
    await putImage(harness.registry, 'rootfs/foreign-names', '1', { layers })
    const reference = `${harness.registry.host}/rootfs/foreign-names:1`
    const work = await workDir()
    const plain = join(work, 'plain')
    const mapped = join(work, 'mapped')
    await pullFrom(reference, plain, 'rootfs')
    await pullFrom(reference, mapped, 'rootfs', { illegalNames: 'rename', symlinks: 'skip' })
    for (const output of [plain, mapped]) {
      assert.deepEqual((await readdir(output)).sort(), ['CON', 'Foo', 'a\\b', 'c:d', 'foo', 'link'])
      assert.equal(await readFile(join(output, 'a\\b'), 'utf8'), 'backslash')
      assert.equal(await readFile(join(output, 'link'), 'utf8'), 'colon')
    }
    assert.deepEqual(diffTrees(await snapshotTree(plain), await snapshotTree(mapped)), [])
    assert.deepEqual((await readdir(work)).sort(), ['mapped', 'plain'])
  })

  it('the CLI refuses a --symlinks mode it does not know, before any request', async () => {
    const cli = join(import.meta.dirname, '../src/cli.ts')
    const refused = await run(process.execPath, [
      cli,
      'pull',
      `${harness.registry.host}/rootfs/none:1`,
      '-o',
      join(await workDir(), 'rootfs'),
      '--format',
      'rootfs',
      '--symlinks',
      'copy',
    ]).then(
      () => assert.fail('expected a usage error'),
      (error: { code: number; stderr: string }) => error,
    )
    assert.equal(refused.code, 2, refused.stderr)
    assert.match(refused.stderr, /--symlinks must be one of error, skip/)
  })

  describe('hostile layers are refused or contained, and nothing is written outside', () => {
    const hostile = async (
      name: string,
      layersFor: (outside: string) => TarEntry[][],
      options: Partial<PullOptions> = {},
    ) => {
      const work = await workDir()
      const outside = join(work, 'outside')
      await mkdir(outside)
      await writeFile(join(outside, 'sentinel'), 'keep me')
      const layers = await Promise.all(layersFor(outside).map(tarBytes))
      await putImage(harness.registry, `hostile/${name}`, '1', { layers })
      const output = join(work, 'rootfs')
      const result = pullFrom(
        `${harness.registry.host}/hostile/${name}:1`,
        output,
        'rootfs',
        options,
      )
      const check = async () => {
        assert.deepEqual((await readdir(outside)).sort(), ['sentinel'])
        assert.equal(await readFile(join(outside, 'sentinel'), 'utf8'), 'keep me')
      }
      return { result, output, outside, check }
    }

    it('a ../ entry: refused, the partial rootfs removed', async () => {
      const { result, output, check } = await hostile('traversal', () => [
        [file('../outside/pwned', 'x')],
      ])
      await expectError(result, 'LAYER_UNSAFE', /\.\./)
      assert.equal(await exists(output), false)
      await check()
    })

    it('a symlink to outside, then a file written through it in the next layer: kept inside', async () => {
      const { result, output, outside, check } = await hostile('symlink-escape', (outside) => [
        [{ kind: 'symlink', name: 'evil', target: outside }],
        [file('evil/pwned', 'x')],
      ])
      await result
      await check()
      assert.equal(await readFile(join(output, outside, 'pwned'), 'utf8'), 'x')
    })

    it('a relative symlink climbing out, written through in the same layer: kept inside', async () => {
      const { result, output, check } = await hostile('relative-escape', () => [
        [{ kind: 'symlink', name: 'up', target: '../../../../../outside' }, file('up/pwned', 'x')],
      ])
      await result
      await check()
      assert.equal(await readFile(join(output, 'outside', 'pwned'), 'utf8'), 'x')
    })

    it('a whiteout aimed outside through a symlinked parent removes nothing outside', async () => {
      const { result, check } = await hostile('whiteout-escape', () => [
        [{ kind: 'symlink', name: 'up', target: '../outside' }],
        [file('up/.wh.sentinel', '')],
      ])
      await result
      await check()
    })

    it('a hardlink to a file outside: refused', async () => {
      const { result, check } = await hostile('hardlink-escape', () => [
        [{ kind: 'hardlink', name: 'passwd', target: '../outside/sentinel' }],
      ])
      await expectError(result, 'LAYER_UNSAFE')
      await check()
    })

    it('a directory of the rootfs swapped for a link to outside while the pull writes into it: stopped, nothing outside', async () => {
      const { result, output, outside, check } = await hostile('swapped-directory', () => [
        [
          { kind: 'dir', name: 'data/' },
          ...Array.from({ length: 3000 }, (_, index) =>
            file(`data/file-${index}`, 'x'.repeat(512)),
          ),
        ],
      ])
      result.catch(() => {})
      // The tree is unpacked under a temporary name next to the output: swap its data/ once
      // the writer is at work in it.
      const parent = join(output, '..')
      let swapped = false
      for (const deadline = Date.now() + 30_000; !swapped && Date.now() < deadline;) {
        for (const name of await readdir(parent)) {
          if (!name.startsWith('.rootfs.tar-push-') || name.endsWith('.layers')) continue
          const data = join(parent, name, 'data')
          const written = await readdir(data).catch(() => [])
          if (written.length < 20) continue
          await rename(data, `${data}.moved`)
          await symlink(outside, data)
          swapped = true
        }
        await new Promise((resolve) => setImmediate(resolve))
      }
      assert.ok(swapped, 'the writer was caught at work')
      await expectError(result, 'OUTPUT_ERROR', /the output directory changed while it was written/)
      await check()
      assert.deepEqual((await readdir(parent)).sort(), ['outside'])
    })

    it('a decompression bomb beyond max-size: refused', async () => {
      const { result, output, check } = await hostile(
        'bomb',
        () => [[file('zeros', '\0'.repeat(4 * 1024 * 1024))]],
        { maxSize: 1024 * 1024 },
      )
      await expectError(result, 'LAYER_UNSAFE', /1048576|1\.0 MiB|max/i)
      assert.equal(await exists(output), false)
      await check()
    })
  })
})

describe('pull picks the platform of a multi-platform image', () => {
  let images: Awaited<ReturnType<typeof putImage>>[]
  before(async () => {
    const layer = (text: string) => tarBytes([file('arch', text)])
    images = [
      await putImage(harness.registry, 'multi/app', undefined, { layers: [await layer('amd64')] }),
      await putImage(harness.registry, 'multi/app', undefined, {
        layers: [await layer('arm64')],
        architecture: 'arm64',
        variant: 'v8',
      }),
      await putImage(harness.registry, 'multi/app', undefined, {
        layers: [await layer('arm')],
        architecture: 'arm',
        variant: 'v7',
      }),
    ]
    await putIndex(harness.registry, 'multi/app', 'oci', [
      { image: images[0]!, platform: { os: 'unknown', architecture: 'unknown' } },
      { image: images[0]!, platform: { os: 'linux', architecture: 'amd64' } },
      { image: images[1]!, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { image: images[2]!, platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    ])
    await putIndex(
      harness.registry,
      'multi/app',
      'docker',
      images.map((image, position) => ({
        image,
        platform: [
          { os: 'linux', architecture: 'amd64' } as Record<string, string>,
          { os: 'linux', architecture: 'arm64' },
          { os: 'linux', architecture: 'arm', variant: 'v7' },
        ][position]!,
      })),
      'docker',
    )
  })

  for (const tag of ['oci', 'docker']) {
    it(`from ${tag === 'oci' ? 'an OCI index' : 'a Docker manifest list'}: arm64 ≡ arm64/v8, unknown/unknown skipped`, async () => {
      const dir = await workDir()
      const arm64 = await pullFrom(
        `${harness.registry.host}/multi/app:${tag}`,
        join(dir, 'arm64'),
        'rootfs',
        {
          platform: 'linux/arm64/v8',
        },
      )
      assert.equal(arm64.manifestDigest, images[1]!.manifestDigest)
      assert.equal(arm64.platform, 'linux/arm64/v8')
      assert.notEqual(arm64.digest, arm64.manifestDigest)
      assert.equal(await readFile(join(dir, 'arm64', 'arch'), 'utf8'), 'arm64')
      const arm = await pullFrom(
        `${harness.registry.host}/multi/app:${tag}`,
        join(dir, 'arm.tar'),
        'docker',
        {
          platform: 'linux/arm/v7',
        },
      )
      assert.equal(arm.manifestDigest, images[2]!.manifestDigest)
      const amd64 = await pullFrom(
        `${harness.registry.host}/multi/app:${tag}`,
        join(dir, 'amd64'),
        'oci',
        {
          platform: 'linux/amd64',
        },
      )
      assert.equal(amd64.manifestDigest, images[0]!.manifestDigest)
      const index = JSON.parse(await readFile(join(dir, 'amd64', 'index.json'), 'utf8'))
      assert.deepEqual(index.manifests[0].platform, { os: 'linux', architecture: 'amd64' })
    })
  }

  it('no image for the platform: an error listing the platforms there are', async () => {
    await expectError(
      pullFrom(`${harness.registry.host}/multi/app:oci`, join(await workDir(), 'x'), 'oci', {
        platform: 'linux/s390x',
      }),
      'PLATFORM_NOT_FOUND',
      /linux\/s390x.*linux\/amd64, linux\/arm64\/v8, linux\/arm\/v7/,
    )
  })
})

describe('pull verifies and survives faults', () => {
  const proxyWith = harness.proxyWith.bind(harness)

  it('a download cut off half-way resumes with Range and is verified', async () => {
    const random = (await import('node:crypto')).randomBytes(3 * 1024 * 1024)
    const image = await putImage(harness.registry, 'faults/resume', '1', {
      layers: [await tarBytes([{ kind: 'file', name: 'random', data: random }])],
      compression: 'none',
    })
    const blob = image.layers[0]!.digest
    const proxy = await proxyWith([
      {
        kind: 'reset',
        afterBytes: 1024 * 1024,
        match: (req) => req.method === 'GET' && req.path.endsWith(blob),
      },
    ])
    const output = join(await workDir(), 'layout')
    await pullFrom(`${proxy.host}/faults/resume:1`, output, 'oci')
    const gets = proxy.requests.filter((req) => req.method === 'GET' && req.path.endsWith(blob))
    assert.equal(gets.length, 2)
    assert.equal(gets[0]!.fault, 'reset')
    assert.match(String(gets[1]!.headers['range']), /^bytes=[1-9]\d*-$/)
    assert.equal(sha256(await readFile(join(output, 'blobs', 'sha256', hexOf(blob)))), blob)
  })

  it('503 answers are retried', async () => {
    await putImage(harness.registry, 'faults/busy', '1', {
      layers: [await tarBytes([file('a', 'a')])],
    })
    const proxy = await proxyWith([
      { kind: 'status', status: 503, times: 2, match: (req) => req.path.includes('/blobs/') },
    ])
    const result = await pullFrom(
      `${proxy.host}/faults/busy:1`,
      join(await workDir(), 'i.tar'),
      'docker',
    )
    assert.equal(result.layers.length, 1)
    assert.equal(proxy.requests.filter((req) => req.status === 503).length, 2)
  })

  it('a corrupt blob in the harness.registry fails the pull and leaves no output', async () => {
    const image = await putImage(harness.registry, 'faults/corrupt', '1', {
      layers: [await tarBytes([file('a', 'original content')])],
    })
    const hex = hexOf(image.layers[0]!.digest)
    const data = join(
      harness.registry.rootDir,
      'docker/registry/v2/blobs/sha256',
      hex.slice(0, 2),
      hex,
      'data',
    )
    const bytes = await readFile(data)
    bytes[bytes.length - 10]! ^= 0xff
    await writeFile(data, bytes)
    const dir = await workDir()
    for (const [format, output] of [
      ['oci', join(dir, 'layout')],
      ['docker', join(dir, 'image.tar')],
      ['rootfs', join(dir, 'rootfs')],
    ] as const) {
      await expectError(
        pullFrom(`${harness.registry.host}/faults/corrupt:1`, output, format),
        'BLOB_DIGEST_MISMATCH',
      )
    }
    assert.deepEqual(await readdir(dir), [])
  })

  it('a config whose diff_ids lie fails every format with DIFF_ID_MISMATCH', async () => {
    await putImage(harness.registry, 'faults/lying', '1', {
      layers: [await tarBytes([file('a', 'a')])],
      diffIds: [sha256('something else')],
    })
    const dir = await workDir()
    for (const [format, output] of [
      ['oci-archive', join(dir, 'image.oci.tar')],
      ['rootfs', join(dir, 'rootfs')],
    ] as const) {
      await expectError(
        pullFrom(`${harness.registry.host}/faults/lying:1`, output, format),
        'DIFF_ID_MISMATCH',
      )
    }
    assert.deepEqual(await readdir(dir), [])
  })

  it('a schema 1 manifest is refused with a message that says so', async () => {
    const schema1 = JSON.stringify({ schemaVersion: 1, name: 'old/app', tag: '1', fsLayers: [] })
    const proxy = await proxyWith([
      {
        kind: 'status',
        status: 200,
        body: schema1,
        headers: { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws' },
        match: (req) => req.path.includes('/manifests/'),
      },
    ])
    await expectError(
      pullFrom(`${proxy.host}/old/app:1`, join(await workDir(), 'i.tar'), 'docker'),
      'MANIFEST_UNSUPPORTED',
      /schema 1/,
    )
  })

  it('a missing tag: IMAGE_NOT_FOUND naming it', async () => {
    await expectError(
      pullFrom(`${harness.registry.host}/nothing/here:1`, join(await workDir(), 'i.tar'), 'docker'),
      'IMAGE_NOT_FOUND',
      /"1"/,
    )
  })

  it('a non-empty directory that is not a layout is not written to', async () => {
    const output = await workDir()
    await writeFile(join(output, 'precious'), 'x')
    await putImage(harness.registry, 'output/app', '1', {
      layers: [await tarBytes([file('a', 'a')])],
    })
    await expectError(
      pullFrom(`${harness.registry.host}/output/app:1`, output, 'oci'),
      'OUTPUT_ERROR',
    )
    await expectError(
      pullFrom(`${harness.registry.host}/output/app:1`, output, 'rootfs'),
      'OUTPUT_ERROR',
    )
    assert.deepEqual(await readdir(output), ['precious'])
  })

  it('an existing OCI layout is added to: two tags, blobs shared', async () => {
    await putImage(harness.registry, 'layout/app', '1', {
      layers: [await tarBytes([file('a', 'a')])],
    })
    await putImage(harness.registry, 'layout/app', '2', {
      layers: [await tarBytes([file('a', 'a')]), await tarBytes([file('b', 'b')])],
    })
    const output = join(await workDir(), 'layout')
    await pullFrom(`${harness.registry.host}/layout/app:1`, output, 'oci')
    await pullFrom(`${harness.registry.host}/layout/app:2`, output, 'oci')
    const index = JSON.parse(await readFile(join(output, 'index.json'), 'utf8'))
    assert.deepEqual(
      index.manifests.map(
        (entry: { annotations: Record<string, string> }) =>
          entry.annotations['org.opencontainers.image.ref.name'],
      ),
      ['1', '2'],
    )
    for (const tag of ['1', '2']) await skopeo(['inspect', `oci:${output}:${tag}`])
    assert.equal(MEDIA.ociManifest, index.manifests[0].mediaType)
  })
})
