import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { resolveTargets } from '../../src/lib/targets.ts'
import type { SourceEntry, Image } from '../../src/lib/model.ts'
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
})
