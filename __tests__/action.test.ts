import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildCorpus, fixtureByName, sha256, type Fixture } from './support/fixtures.ts'
import { ALICE, startRegistry, type RunningRegistry } from './support/registry.ts'
import { inspectRaw } from './support/skopeo.ts'
import { buildPlatformTarballs } from './support/platforms.ts'
import { runAction as runActionBundle } from './support/run-action.ts'

const ACTION = resolve(import.meta.dirname, '../dist/index.js')
const PULL_ACTION = resolve(import.meta.dirname, '../dist/pull/index.js')
let registry: RunningRegistry
let corpus: Fixture[]

before(async () => {
  ;[registry, corpus] = await Promise.all([
    startRegistry({ auth: 'bearer' }),
    mkdtemp(join(tmpdir(), 'corpus-')).then(buildCorpus),
  ])
})
after(() => registry.stop())

/** The runner's way of running a bundle (support/run-action.ts), the push action by default. */
const runAction = (inputs: Record<string, string>, bundle = ACTION) =>
  runActionBundle(bundle, inputs)

describe('the action as a runner runs it (node dist/index.js)', () => {
  it('pushes and sets digest, image-ref, tags, metadata and a summary', async () => {
    const image = `${registry.host}/action/app`
    const run = await runAction({
      tarball: fixtureByName(corpus, 'oci-archive-gzip').path,
      image,
      tags: '1.2.3\nlatest',
      username: ALICE.username,
      password: ALICE.password,
    })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    const digest = run.outputs['digest']!
    assert.match(digest, /^sha256:[a-f0-9]{64}$/)
    assert.equal(sha256(await inspectRaw(`${image}:1.2.3`, { registry, user: ALICE })), digest)
    assert.equal(run.outputs['image-ref'], `${image}@${digest}`)
    assert.equal(run.outputs['tags'], `${image}:1.2.3,${image}:latest`)
    const metadata = JSON.parse(run.outputs['metadata']!) as {
      images: {
        digest: string
        mediaType: string
        size: number
        manifests: { layers: { status: string }[] }[]
      }[]
    }
    assert.equal(metadata.images[0]!.digest, digest)
    assert.equal(metadata.images[0]!.mediaType, 'application/vnd.oci.image.manifest.v1+json')
    assert.ok(metadata.images[0]!.manifests[0]!.layers.length > 0)
    assert.match(run.stdout, /::group::Reading/)
    assert.match(run.summary, /<table>[\s\S]*action\/app[\s\S]*1\.2\.3, latest/)
    // The runner reads ::add-mask:: commands and never shows them; everything else must not hold it.
    const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    assert.ok(
      run.stdout.includes(`::add-mask::${ALICE.password}`),
      'the password is registered as a secret',
    )
    assert.ok(!shown.join('\n').includes(ALICE.password), 'the password is never printed')
  })

  it('pushes several tarballs (one per line) as one index: digest is the index, metadata the members', async () => {
    const platforms = await buildPlatformTarballs(
      await mkdtemp(join(tmpdir(), 'action-platforms-')),
      'example.com/team/app:1.0',
      [
        { os: 'linux', architecture: 'amd64', format: 'oci-archive' },
        { os: 'linux', architecture: 'arm64', format: 'docker-archive' },
      ],
    )
    const image = `${registry.host}/action/multi`
    const run = await runAction({
      tarball: platforms.map((tarball) => tarball.path).join('\n'),
      image,
      tags: 'v1',
      username: ALICE.username,
      password: ALICE.password,
    })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    const raw = await inspectRaw(`${image}:v1`, { registry, user: ALICE })
    assert.equal(sha256(raw), run.outputs['digest'])
    const metadata = JSON.parse(run.outputs['metadata']!) as {
      images: {
        mediaType: string
        manifests: { digest: string; platform: { architecture: string } }[]
      }[]
    }
    assert.equal(metadata.images[0]!.mediaType, 'application/vnd.oci.image.index.v1+json')
    const index = JSON.parse(raw.toString('utf8')) as { manifests: { digest: string }[] }
    assert.deepEqual(
      metadata.images[0]!.manifests.map((member) => [member.platform.architecture, member.digest]),
      [
        ['amd64', index.manifests[0]!.digest],
        ['arm64', index.manifests[1]!.digest],
      ],
    )
  })

  it('fails the step with the error code and hint, and sets no digest', async () => {
    const run = await runAction({
      tarball: fixtureByName(corpus, 'oci-archive-gzip').path,
      image: `${registry.host}/action/denied`,
      tags: '1',
      username: ALICE.username,
      password: 'wrong',
    })
    assert.notEqual(run.code, 0)
    assert.match(run.stdout, /::error::AUTH_FAILED: .*refused the credentials of "alice"/)
    assert.equal(run.outputs['digest'], undefined)
  })

  it('refuses a bad input value', async () => {
    const run = await runAction({
      tarball: fixtureByName(corpus, 'oci-archive-gzip').path,
      compression: 'brotli',
    })
    assert.notEqual(run.code, 0)
    assert.match(run.stdout, /::error::USAGE: input compression must be one of gzip, zstd, none/)
  })
})

describe('the pull action (pull/action.yml → dist/pull/index.js)', () => {
  it('pulls a rootfs and sets digest, platform, path, metadata and a summary', async () => {
    const image = `${registry.host}/action/pulled`
    const pushed = await runAction({
      tarball: fixtureByName(corpus, 'oci-archive-gzip').path,
      image,
      tags: '1',
      username: ALICE.username,
      password: ALICE.password,
    })
    assert.equal(pushed.code, 0, pushed.stdout + pushed.stderr)
    const output = join(await mkdtemp(join(tmpdir(), 'pull-action-')), 'rootfs')
    const run = await runAction(
      {
        image: `${image}:1`,
        output,
        format: 'rootfs',
        username: ALICE.username,
        password: ALICE.password,
      },
      PULL_ACTION,
    )
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.equal(run.outputs['digest'], pushed.outputs['digest'])
    assert.equal(run.outputs['platform'], 'linux/amd64')
    assert.equal(run.outputs['path'], output)
    assert.equal(JSON.parse(run.outputs['metadata']!).format, 'rootfs')
    assert.equal(await readFile(join(output, 'etc', 'greeting'), 'utf8'), 'hello from tar-push\n')
    assert.match(run.summary, /tar-push pull/)
    // The only line that may hold it is the runner command that registers it as a secret.
    const printed = run.stdout.replace(/^::add-mask::.*$/gm, '') + run.stderr + run.summary
    assert.ok(!printed.includes(ALICE.password))
  })

  it('fails when a single-platform image is not the platform asked for, and on a bad input', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'pull-action-')), 'x.tar')
    const run = await runAction(
      {
        image: `${registry.host}/action/pulled:1`,
        output,
        platform: 'linux/arm64',
        username: ALICE.username,
        password: ALICE.password,
      },
      PULL_ACTION,
    )
    // As docker pull --platform: an explicit platform the image does not have is an error.
    assert.notEqual(run.code, 0, 'a single-platform image of another platform is not pulled')
    assert.match(
      run.stdout,
      /::error::PLATFORM_NOT_FOUND: .*has no image for linux\/arm64; it has linux\/amd64/,
    )
    assert.ok(!existsSync(output), 'nothing written')
    const bad = await runAction({ image: 'x', output: 'y', format: 'zip' }, PULL_ACTION)
    assert.notEqual(bad.code, 0)
    assert.match(
      bad.stdout,
      /::error::USAGE: input format must be one of docker, oci, oci-archive, rootfs/,
    )
  })
})
