import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiHost, isLoopback, parseReference, parseRepository } from '../../src/lib/reference.ts'
import { TarPushError } from '../../src/lib/errors.ts'

describe('parseReference', () => {
  it('normalises Docker Hub names as docker does', () => {
    assert.deepEqual(parseReference('alpine'), {
      registry: 'docker.io',
      path: 'library/alpine',
      tag: undefined,
      digest: undefined,
    })
    assert.deepEqual(parseReference('user/app:1.0'), {
      registry: 'docker.io',
      path: 'user/app',
      tag: '1.0',
      digest: undefined,
    })
    assert.equal(parseReference('index.docker.io/library/alpine').registry, 'docker.io')
    assert.equal(apiHost('docker.io'), 'registry-1.docker.io')
  })

  it('takes the first component as registry only when it looks like a host', () => {
    assert.equal(parseReference('ghcr.io/org/app:v1').registry, 'ghcr.io')
    assert.equal(parseReference('127.0.0.1:5000/app').registry, '127.0.0.1:5000')
    assert.equal(parseReference('localhost/app').registry, 'localhost')
    assert.deepEqual(parseReference('org/app'), {
      registry: 'docker.io',
      path: 'org/app',
      tag: undefined,
      digest: undefined,
    })
  })

  it('splits a port from a tag correctly', () => {
    const reference = parseReference('127.0.0.1:5000/team/app:2.1@sha256:' + 'a'.repeat(64))
    assert.equal(reference.registry, '127.0.0.1:5000')
    assert.equal(reference.path, 'team/app')
    assert.equal(reference.tag, '2.1')
    assert.equal(reference.digest, 'sha256:' + 'a'.repeat(64))
  })

  it('refuses invalid names with INVALID_REFERENCE naming the value', () => {
    for (const bad of ['', 'UPPER/case', 'app:bad tag', 'app@sha256:xyz', 'a//b']) {
      assert.throws(
        () => parseReference(bad),
        (error: unknown) => error instanceof TarPushError && error.code === 'INVALID_REFERENCE',
        bad,
      )
    }
  })

  it('parseRepository refuses a tag', () => {
    assert.throws(() => parseRepository('ghcr.io/org/app:1'), /takes no tag/)
  })
})

describe('isLoopback', () => {
  it('knows loopback hosts', () => {
    for (const host of [
      'localhost:5000',
      '127.0.0.1:5000',
      '127.1.2.3',
      '[::1]:5000',
      'registry.localhost',
    ]) {
      assert.equal(isLoopback(host), true, host)
    }
    for (const host of ['ghcr.io', '10.0.0.1:5000', 'docker.io'])
      assert.equal(isLoopback(host), false, host)
  })
})
