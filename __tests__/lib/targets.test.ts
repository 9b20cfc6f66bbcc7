import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { matchRef, parseMappings, resolveTargets } from '../../src/lib/targets.ts'
import type { SourceEntry, Image } from '../../src/lib/image/model.ts'
import { TarPushError } from '../../src/lib/errors.ts'

const image = { kind: 'image' } as unknown as Image
const entry = (...refs: string[]): SourceEntry => ({ refs, artifact: image })
const summary = (targets: ReturnType<typeof resolveTargets>) =>
  targets.map(
    (target) => `${target.repository.registry}/${target.repository.path}:${target.tags.join(',')}`,
  )

describe('resolveTargets', () => {
  it('uses the image and tags inputs when given', () => {
    const targets = resolveTargets([entry('app:1.0')], {
      image: 'ghcr.io/org/app',
      tags: ['2', 'latest'],
      sourceName: 'x.tar',
    })
    assert.deepEqual(summary(targets), ['ghcr.io/org/app:2,latest'])
  })

  it('takes the tarball tags when only image is given', () => {
    const targets = resolveTargets(
      [entry('example.com/team/app:1.0', 'example.com/team/app:latest')],
      {
        image: '127.0.0.1:5000/app',
        sourceName: 'x.tar',
      },
    )
    assert.deepEqual(summary(targets), ['127.0.0.1:5000/app:1.0,latest'])
  })

  it('pushes to the stored names when image is omitted, docker.io/library included', () => {
    assert.deepEqual(summary(resolveTargets([entry('app:1.0')], { sourceName: 'x.tar' })), [
      'docker.io/library/app:1.0',
    ])
    assert.deepEqual(
      summary(
        resolveTargets([entry('localhost:5000/a:1', 'localhost:5000/b:2')], {
          sourceName: 'x.tar',
        }),
      ),
      ['localhost:5000/a:1', 'localhost:5000/b:2'],
    )
  })

  it('treats an OCI ref name without "/" or ":" as a tag', () => {
    assert.deepEqual(
      summary(resolveTargets([entry('v3')], { image: 'r.io/app', sourceName: 'x.tar' })),
      ['r.io/app:v3'],
    )
    assert.throws(
      () => resolveTargets([entry('v3')], { sourceName: 'x.tar' }),
      (error: unknown) =>
        error instanceof TarPushError &&
        error.code === 'USAGE' &&
        /pass image/.test(error.hint ?? ''),
    )
  })

  it('refuses a tarball without tags when no tags are given, saying to pass tags', () => {
    assert.throws(
      () => resolveTargets([entry()], { image: 'r.io/app', sourceName: 'plain.tar' }),
      (error: unknown) =>
        error instanceof TarPushError &&
        error.code === 'NO_TAGS' &&
        error.message.includes('plain.tar') &&
        /tags/.test(error.hint ?? ''),
    )
  })

  it('refuses invalid tags', () => {
    assert.throws(
      () => resolveTargets([entry('a:1')], { tags: ['-bad'], sourceName: 'x.tar' }),
      /not a valid tag/,
    )
  })

  it('moves the stored names to registry, namespace kept, Docker Hub library/ dropped', () => {
    const targets = resolveTargets(
      [entry('example.com/team/app:1', 'app:2'), entry('docker.io/org/tool:3')],
      { registry: 'ghcr.io/acme/', sourceName: 'x.tar' },
    )
    assert.deepEqual(summary(targets), [
      'ghcr.io/acme/team/app:1',
      'ghcr.io/acme/app:2',
      'ghcr.io/acme/org/tool:3',
    ])
    assert.deepEqual(
      summary(resolveTargets([entry('app:2')], { registry: 'docker.io', sourceName: 'x' })),
      ['docker.io/library/app:2'],
    )
  })

  it('maps names with images: globs carry text over, a target without tag keeps the source tag', () => {
    const a = entry('example.com/team/a:1')
    const b = entry('b:2', 'b:latest')
    const c = entry('c:9')
    const mappings = parseMappings([
      'example.com/team/* => ghcr.io/org/*',
      '# b goes to two tags of its own repository',
      'b => r.io/bee',
      '',
    ])
    const targets = resolveTargets([a, b, c], { mappings, sourceName: 'x.tar' })
    assert.deepEqual(summary(targets), ['ghcr.io/org/a:1', 'r.io/bee:2,latest'])
    assert.ok(
      targets.every((target) => target.entry !== c),
      'unmapped images are not pushed',
    )
    assert.deepEqual(
      summary(
        resolveTargets([b], { mappings: parseMappings(['b:2 => r.io/b:stable']), sourceName: 'x' }),
      ),
      ['r.io/b:stable'],
    )
  })

  it('refuses a mapping that names no image, a malformed line, and image with images', () => {
    assert.throws(
      () =>
        resolveTargets([entry('a:1')], {
          mappings: parseMappings(['z:* => r.io/z']),
          sourceName: 'x.tar',
        }),
      (error: unknown) =>
        error instanceof TarPushError &&
        error.code === 'NO_MATCHING_IMAGE' &&
        /a:1/.test(error.hint ?? ''),
    )
    assert.throws(() => parseMappings(['a:1 -> r.io/a']), /is not a mapping/)
    assert.throws(
      () =>
        resolveTargets([entry('a:1')], {
          image: 'r.io/a',
          mappings: parseMappings(['a => r.io/b']),
          sourceName: 'x',
        }),
      /does not go with images/,
    )
  })

  it('select picks one image by name or glob; with it image may name the target', () => {
    const entries = [entry('example.com/a:1'), entry('example.com/b:1', 'example.com/b:2')]
    assert.deepEqual(
      summary(
        resolveTargets(entries, { select: 'example.com/b:2', image: 'r.io/x', sourceName: 'x' }),
      ),
      ['r.io/x:1,2'],
    )
    assert.deepEqual(summary(resolveTargets(entries, { select: '*/a:*', sourceName: 'x' })), [
      'example.com/a:1',
    ])
    assert.throws(
      () => resolveTargets(entries, { select: 'example.com/*', sourceName: 'x' }),
      /matches 2 images/,
    )
    assert.throws(
      () => resolveTargets(entries, { select: 'nope', sourceName: 'x' }),
      (error: unknown) => error instanceof TarPushError && error.code === 'NO_MATCHING_IMAGE',
    )
  })

  it('refuses two images that would be pushed under one repository:tag', () => {
    assert.throws(
      () => resolveTargets([entry('r.io/a:1'), entry('r.io/a:1')], { sourceName: 'x' }),
      /two images of the tarball would both be pushed as r\.io\/a:1/,
    )
  })
})

describe('matchRef', () => {
  it('matches references as docker normalises them; a pattern without tag matches every tag', () => {
    assert.deepEqual(matchRef('alpine', 'docker.io/library/alpine:3'), [])
    assert.deepEqual(matchRef('docker.io/library/alpine:3', 'alpine:3'), [])
    assert.equal(matchRef('alpine:4', 'alpine:3'), undefined)
    assert.deepEqual(matchRef('alpine', 'alpine:latest'), [], 'latest by default')
    assert.deepEqual(matchRef('v1', 'v1'), [], 'tag-only OCI ref names')
    assert.equal(matchRef('v1', 'r.io/v1:1'), undefined)
  })

  it('globs match the full, the familiar or the stored name, capturing what * stood for', () => {
    assert.deepEqual(matchRef('alp*:*', 'alpine:3'), ['ine', '3'])
    assert.deepEqual(matchRef('docker.io/library/*', 'alpine:3'), ['alpine:3'])
    assert.deepEqual(matchRef('*', 'v1'), ['v1'], 'a tag-only ref name as stored')
    assert.deepEqual(matchRef('r.io/*/app:1', 'r.io/team/sub/app:1'), ['team/sub'])
    assert.equal(matchRef('r.io/*', 'q.io/app:1'), undefined)
  })
})
