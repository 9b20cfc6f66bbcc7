import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  dockerFlavorAllowed,
  FALLBACK_CHUNK_SIZE,
  KNOWN_QUIRKS,
  knownQuirksOf,
  quirksFor,
} from '../../src/lib/registry/quirks.ts'
import { apiHost, parseReference } from '../../src/lib/reference.ts'
import type { RegistryClient } from '../../src/lib/registry/client.ts'
import { RepositoryClient, withDigest } from '../../src/lib/registry/repository.ts'

const MiB = 1024 * 1024
const named = (registry: string) => knownQuirksOf(registry).map((quirk) => quirk.registry)
const entry = (registry: string) => {
  const found = KNOWN_QUIRKS.find((quirk) => quirk.registry === registry)
  assert.ok(found, `a quirk entry for ${registry}`)
  return found
}
/** The repository client reads only the registry name when it is made. */
const repositoryOn = (registry: string) =>
  new RepositoryClient({ registry } as RegistryClient, 'team/app')

describe('registry quirks', () => {
  it('every entry names the registry, what it does and what tar-push does', () => {
    const keys = Object.keys(quirksFor('127.0.0.1:5000'))
    for (const quirk of KNOWN_QUIRKS) {
      assert.ok(quirk.registry && quirk.quirk && quirk.handling, quirk.registry)
      for (const key of Object.keys(quirk.settings ?? {})) assert.ok(keys.includes(key), key)
      if (quirk.settings) assert.ok(quirk.hosts, `${quirk.registry}: settings need hosts`)
    }
  })

  it('an unknown registry gets no settings', () => {
    assert.deepEqual(quirksFor('127.0.0.1:5000'), {
      contentLengthRequired: false,
      minChunkSize: 0,
      patchUploads: false,
      refusesUncompressedDockerLayers: false,
    })
    assert.deepEqual(named('registry.example.com'), [])
  })

  it('ACR never gets a chunked transfer encoding', () => {
    assert.equal(quirksFor('myreg.azurecr.io').contentLengthRequired, true)
    assert.equal(quirksFor('ghcr.io').contentLengthRequired, false)
    assert.deepEqual(named('myreg.azurecr.io'), ['Azure Container Registry'])
  })

  it('ECR chunks are at least 5 MiB', () => {
    assert.equal(quirksFor('123456789012.dkr.ecr.eu-west-1.amazonaws.com').minChunkSize, 5 * MiB)
    assert.equal(
      quirksFor('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn').minChunkSize,
      5 * MiB,
    )
    assert.equal(quirksFor('127.0.0.1:5000').minChunkSize, 0)
    assert.match(entry('Amazon ECR').quirk, /NAME_UNKNOWN/)
  })

  it('GHCR (416 on a large PATCH) and Cloudflare (100 MB bodies) are met with chunks that fit', () => {
    assert.deepEqual(named('ghcr.io'), ['GitHub Container Registry'])
    assert.match(entry('GitHub Container Registry').quirk, /416/)
    // Reactive: nothing is set up front, the answer moves the upload to chunks.
    assert.deepEqual(quirksFor('ghcr.io'), quirksFor('127.0.0.1:5000'))
    assert.equal(entry('Cloudflare-fronted registries').hosts, undefined)
    assert.ok(FALLBACK_CHUNK_SIZE < 100 * 1000 * 1000, 'a fallback chunk passes Cloudflare')
    assert.ok(FALLBACK_CHUNK_SIZE >= 5 * MiB, 'and is a valid ECR part')
  })

  it('Artifactory uploads as POST → PATCH → PUT from the first blob', () => {
    assert.equal(quirksFor('acme.jfrog.io').patchUploads, true)
    assert.deepEqual(named('acme.jfrog.io:443'), ['JFrog Artifactory'])
    assert.equal(repositoryOn('acme.jfrog.io').uploadMethod, 'patch')
    assert.equal(repositoryOn('127.0.0.1:5000').uploadMethod, 'monolithic')
    assert.match(entry('JFrog Artifactory').handling, /405, 416 or 501/)
  })

  it('Docker Hub: docker.io is served by registry-1.docker.io, single names live under library/', () => {
    for (const name of ['docker.io', 'index.docker.io', 'registry-1.docker.io'])
      assert.deepEqual(named(name), ['Docker Hub'])
    assert.equal(apiHost('docker.io'), 'registry-1.docker.io')
    assert.deepEqual(parseReference('alpine:3'), {
      registry: 'docker.io',
      path: 'library/alpine',
      tag: '3',
      digest: undefined,
    })
    for (const name of [
      'docker.io/alpine',
      'index.docker.io/alpine',
      'registry-1.docker.io/alpine',
    ])
      assert.equal(
        `${parseReference(name).registry}/${parseReference(name).path}`,
        'docker.io/library/alpine',
      )
    assert.equal(parseReference('org/app').path, 'org/app', 'a namespace gets no library/')
    assert.equal(parseReference('ghcr.io/app').path, 'app', 'only Docker Hub adds library/')
    assert.match(entry('Docker Hub').quirk, /202/)
  })

  it('Harbor: a mount refused with 401 or 404 uploads instead', () => {
    const harbor = entry('Harbor')
    assert.equal(harbor.hosts, undefined, 'self-hosted under any name: met by its answer')
    assert.match(harbor.quirk, /401/)
    assert.match(harbor.handling, /uploaded/)
  })

  it('Quay: no Docker manifest with uncompressed layers; OCI takes them', () => {
    const quay = quirksFor('quay.io')
    assert.equal(quay.refusesUncompressedDockerLayers, true)
    assert.equal(dockerFlavorAllowed(quay, ['none']), false)
    assert.equal(dockerFlavorAllowed(quay, ['gzip', 'gzip']), true)
    assert.equal(dockerFlavorAllowed(quirksFor('127.0.0.1:5000'), ['none', 'gzip']), true)
    // Docker has no zstd layer type on any registry.
    assert.equal(dockerFlavorAllowed(quirksFor('127.0.0.1:5000'), ['gzip', 'zstd']), false)
  })

  it('a Location keeps its own query byte for byte when digest= is added', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    const state = '_state=7njJ~Ovlq%2BGKv%3D%3D&session=x/y'
    assert.equal(
      withDigest(`https://r.example/v2/app/blobs/uploads/u1?${state}`, digest),
      `https://r.example/v2/app/blobs/uploads/u1?${state}&digest=sha256%3A${'a'.repeat(64)}`,
    )
    assert.equal(
      withDigest('http://127.0.0.1:5000/v2/app/blobs/uploads/u1', digest),
      `http://127.0.0.1:5000/v2/app/blobs/uploads/u1?digest=sha256%3A${'a'.repeat(64)}`,
    )
    assert.equal(
      withDigest(`https://r.example/u?digest=sha256%3Aold&a=1`, digest),
      `https://r.example/u?a=1&digest=sha256%3A${'a'.repeat(64)}`,
      'a digest the Location carried is replaced',
    )
    // A relative Location is resolved against the registry, as the client does (client.resolve).
    assert.equal(
      new URL('/v2/app/blobs/uploads/u1?_state=s', 'https://r.example/').href,
      'https://r.example/v2/app/blobs/uploads/u1?_state=s',
    )
    assert.match(entry('any registry (distribution, Harbor, Quay, GCR …)').quirk, /relative/)
  })
})
