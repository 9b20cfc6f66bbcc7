import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push } from '../src/lib/push.ts'
import { INPUT_CODES, TarPushError } from '../src/lib/errors.ts'
import { buildCorpus } from './support/fixtures.ts'
import { buildHostile, buildIntact, type HostileFixture } from './support/hostile.ts'
import { httpRequest, startRegistry, type RunningRegistry } from './support/registry.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'

let registry: RunningRegistry
let proxy: RunningProxy
let hostile: HostileFixture[]
let intact: { docker: string; oci: string }

before(async () => {
  registry = await startRegistry()
  proxy = await startProxy({ target: registry })
  const dir = await mkdtemp(join(tmpdir(), 'hostile-'))
  const corpus = await buildCorpus(join(dir, 'corpus'))
  hostile = await buildHostile(join(dir, 'hostile'), corpus)
  intact = await buildIntact(join(dir, 'intact'), corpus)
})
after(async () => {
  await proxy.stop()
  await registry.stop()
})

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-')

describe('a broken or hostile tarball gets its own error and publishes nothing', () => {
  it('the corpus covers every input error code a tarball can cause', () => {
    const codes = new Set<string>(hostile.map((fixture) => fixture.expectCode))
    // Not tarball contents: a usage error, a missing path, a malformed --image; and the codes
    // of pull's outputs (an unsafe layer in a rootfs, an output path that cannot be written);
    // select/images naming no image and two tarballs of one platform (push.multi.test.ts).
    const notFromContent = new Set([
      'USAGE',
      'TARBALL_NOT_FOUND',
      'INVALID_REFERENCE',
      'LAYER_UNSAFE',
      'OUTPUT_ERROR',
      'NO_MATCHING_IMAGE',
      'DUPLICATE_PLATFORM',
    ])
    for (const code of INPUT_CODES) {
      if (!notFromContent.has(code)) assert.ok(codes.has(code), code)
    }
  })

  it('each fixture', async (t) => {
    for (const fixture of hostile) {
      await t.test(fixture.name, async () => {
        const repository = `hostile/${slug(fixture.name)}`
        proxy.clear()
        // No tags are given, so a tarball that fails only for lack of tags shows NO_TAGS.
        const tags = fixture.expectCode === 'NO_TAGS' ? [] : ['1']
        await assert.rejects(
          push({ tarball: fixture.path, image: `${proxy.host}/${repository}`, tags }),
          (error: unknown) => {
            assert.ok(error instanceof TarPushError, String(error))
            assert.equal(error.code, fixture.expectCode, error.describe())
            assert.equal(error.kind, 'input')
            assert.match(error.describe(), fixture.mentions)
            assert.ok(
              error.describe().includes(fixture.path) ||
                error.describe().includes(fixture.path.split('/').pop()!),
              'names the tarball',
            )
            assert.match(error.describe(), /hint: /)
            // A file that is no tar is named for what it is, not called truncated.
            if (fixture.says) {
              assert.match(error.describe(), fixture.says)
              assert.doesNotMatch(error.describe(), /truncated/)
            }
            return true
          },
        )
        const manifestPuts = proxy.requests.filter(
          (request) => request.method === 'PUT' && request.path.includes('/manifests/'),
        )
        assert.deepEqual(manifestPuts, [], 'no manifest was PUT')
        const tagList = await httpRequest(`${registry.url}/v2/${repository}/tags/list`)
        assert.equal(tagList.status, 404, `no tag appeared: ${tagList.body}`)
      })
    }
  })

  it('a missing tarball is TARBALL_NOT_FOUND', async () => {
    await assert.rejects(
      push({ tarball: '/nonexistent/image.tar', image: `${registry.host}/x`, tags: ['1'] }),
      /TARBALL_NOT_FOUND|cannot read/,
    )
  })

  it('validation errors come before any request to the registry', async () => {
    proxy.clear()
    const structural = hostile.filter(
      (fixture) => !['DIFF_ID_MISMATCH', 'BLOB_DIGEST_MISMATCH'].includes(fixture.expectCode),
    )
    for (const fixture of structural) {
      await push({
        tarball: fixture.path,
        image: `${proxy.host}/early/x`,
        tags: fixture.expectCode === 'NO_TAGS' ? [] : ['1'],
      }).catch(() => {})
    }
    assert.deepEqual(proxy.requests, [])
  })
})

describe('bytes are checked on a warm registry too', () => {
  const manifestDigest = async (repository: string, tag: string) =>
    (
      await httpRequest(`${registry.url}/v2/${repository}/manifests/${tag}`, {
        method: 'HEAD',
        headers: {
          accept:
            'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
        },
      })
    ).headers['docker-content-digest']

  it('a layer or blob that does not match is refused when the registry holds every blob already', async (t) => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'warm-cache-'))
    const damaged = hostile.filter((fixture) =>
      ['DIFF_ID_MISMATCH', 'BLOB_DIGEST_MISMATCH'].includes(fixture.expectCode),
    )
    assert.ok(damaged.some((fixture) => fixture.name.startsWith('oci-')))
    assert.ok(damaged.some((fixture) => !fixture.name.startsWith('oci-')))
    for (const [kind, tarball] of Object.entries(intact)) {
      await push({ tarball, image: `${registry.host}/warm/${kind}`, tags: ['good'], cacheDir })
    }
    for (const fixture of damaged) {
      await t.test(fixture.name, async () => {
        const repository = `warm/${fixture.name.startsWith('oci-') ? 'oci' : 'docker'}`
        const good = await manifestDigest(repository, 'good')
        assert.ok(good, 'the intact image is there')
        proxy.clear()
        // The target tag and the digest map both know every blob: nothing needs uploading.
        await assert.rejects(
          push({
            tarball: fixture.path,
            image: `${proxy.host}/${repository}`,
            tags: ['good', 'bad'],
            cacheDir,
          }),
          (error: unknown) => {
            assert.ok(error instanceof TarPushError, String(error))
            assert.equal(error.code, fixture.expectCode, error.describe())
            assert.match(error.describe(), fixture.mentions)
            return true
          },
        )
        const manifestPuts = proxy.requests.filter(
          (request) => request.method === 'PUT' && request.path.includes('/manifests/'),
        )
        assert.deepEqual(manifestPuts, [], 'no manifest was PUT')
        assert.equal(await manifestDigest(repository, 'bad'), undefined, 'no new tag')
        assert.equal(await manifestDigest(repository, 'good'), good, 'the old tag is untouched')
      })
    }
  })
})
