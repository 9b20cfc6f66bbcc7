/**
 * Self-test of the corpus: skopeo must read every valid fixture and agree with its recorded
 * digests, and a small independent checker must find in each hostile tarball exactly the fault
 * it claims (and 'OK' in every valid one).
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, posix } from 'node:path'
import { after, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { gunzipSync, zstdDecompressSync } from 'node:zlib'
import { buildCorpus, fixtureByName, sha256 } from './fixtures.ts'
import type { Fixture } from './fixtures.ts'
import { buildHostile } from './hostile.ts'
import type { HostileCode } from './hostile.ts'
import { entryData, readTar, unwrap, wrapperOf } from './tar-builder.ts'
import type { ReadEntry } from './tar-builder.ts'

const run = promisify(execFile)

async function skopeo(...args: string[]): Promise<Buffer> {
  const { stdout } = await run('skopeo', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

const root = await mkdtemp(join(tmpdir(), 'tar-push-fixtures-test-'))
after(() => rm(root, { recursive: true, force: true }))
const corpus = await buildCorpus(join(root, 'valid'))
const hostile = await buildHostile(join(root, 'hostile'), corpus)

// ---------------------------------------------------------------------------------------------
// An independent checker: the rules tar-push enforces, in the order it meets them

type Verdict = HostileCode | 'OK'

function escapesArchive(from: string, target: string): boolean {
  if (target.startsWith('/')) return true
  return posix.normalize(posix.join(from, target)).split('/')[0] === '..'
}

function isForbidden(entry: ReadEntry): boolean {
  if (entry.name.startsWith('/') || entry.name.split('/').includes('..')) return true
  if (['character-device', 'block-device', 'fifo'].includes(entry.type)) return true
  if (entry.type === 'symlink')
    return escapesArchive(posix.dirname(entry.name), entry.linkname ?? '')
  if (entry.type === 'link') return escapesArchive('.', entry.linkname ?? '')
  return false
}

function readEntry(entries: readonly ReadEntry[], name: string): Buffer | undefined {
  try {
    return entryData(entries, name)
  } catch {
    return undefined
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function uncompressedDigest(layer: Buffer): string {
  return sha256(unwrap(layer))
}

function checkLayers(layers: Buffer[], config: unknown): Verdict | undefined {
  const rootfs = isObject(config) ? config.rootfs : undefined
  const diffIds = isObject(rootfs) ? rootfs.diff_ids : undefined
  if (!isStringArray(diffIds)) return 'TARBALL_JSON'
  if (diffIds.length !== layers.length) return 'LAYER_COUNT_MISMATCH'
  if (layers.some((layer, i) => uncompressedDigest(layer) !== diffIds[i])) return 'DIFF_ID_MISMATCH'
  return undefined
}

function checkDocker(entries: readonly ReadEntry[]): Verdict {
  const manifest = parseJson(readEntry(entries, 'manifest.json') ?? Buffer.alloc(0))
  const item: unknown = Array.isArray(manifest) ? manifest[0] : undefined
  if (!isObject(item) || typeof item.Config !== 'string' || !isStringArray(item.Layers))
    return 'TARBALL_JSON'
  const config = readEntry(entries, item.Config)
  const layers = item.Layers.map((name) => readEntry(entries, name))
  if (!config || layers.some((l) => l === undefined)) return 'TARBALL_MISSING_ENTRY'
  const parsedConfig = parseJson(config)
  if (parsedConfig === undefined) return 'TARBALL_JSON'
  const layerVerdict = checkLayers(layers as Buffer[], parsedConfig)
  if (layerVerdict) return layerVerdict
  return isStringArray(item.RepoTags) && item.RepoTags.length > 0 ? 'OK' : 'NO_TAGS'
}

/** A descriptor's blob, or the verdict on why it cannot be trusted. */
function ociBlob(entries: readonly ReadEntry[], descriptor: unknown): Buffer | Verdict {
  if (!isObject(descriptor) || typeof descriptor.digest !== 'string') return 'TARBALL_JSON'
  const blob = readEntry(entries, `blobs/sha256/${descriptor.digest.replace('sha256:', '')}`)
  if (!blob) return 'TARBALL_MISSING_ENTRY'
  if (sha256(blob) !== descriptor.digest || blob.length !== descriptor.size)
    return 'BLOB_DIGEST_MISMATCH'
  return blob
}

function checkOci(entries: readonly ReadEntry[]): Verdict {
  const index = parseJson(readEntry(entries, 'index.json') ?? Buffer.alloc(0))
  if (!isObject(index) || !Array.isArray(index.manifests)) return 'TARBALL_JSON'
  const manifestBlob = ociBlob(entries, index.manifests[0])
  if (typeof manifestBlob === 'string') return manifestBlob
  const manifest = parseJson(manifestBlob)
  if (!isObject(manifest) || !Array.isArray(manifest.layers)) return 'TARBALL_JSON'
  const blobs = [manifest.config, ...manifest.layers].map((d) => ociBlob(entries, d))
  const failed = blobs.find((b) => typeof b === 'string')
  if (failed) return failed
  const [config, ...layers] = blobs as Buffer[]
  const layerVerdict = checkLayers(layers, parseJson(config))
  if (layerVerdict) return layerVerdict
  const refs = index.manifests.map((m: unknown) =>
    isObject(m) && isObject(m.annotations)
      ? m.annotations['org.opencontainers.image.ref.name']
      : undefined,
  )
  return refs.some((r) => typeof r === 'string') ? 'OK' : 'NO_TAGS'
}

/** Unwraps gzip/zstd with a cap: what unpacks to over 1000× its size (and 1 GiB) is a bomb. */
function unwrapCapped(bytes: Buffer): Buffer {
  const maxOutputLength = Math.max(1024 ** 3, bytes.length * 1000)
  if (wrapperOf(bytes) === 'gzip') return gunzipSync(bytes, { maxOutputLength })
  if (wrapperOf(bytes) === 'zstd') return zstdDecompressSync(bytes, { maxOutputLength })
  return bytes
}

/** Two entries of one name (but directories), or a link that leads back to itself. */
function isAmbiguous(entries: readonly ReadEntry[]): boolean {
  const names = entries.filter((e) => e.type !== 'directory').map((e) => posix.normalize(e.name))
  if (new Set(names).size !== names.length) return true
  return entries.some((e) => {
    if (e.type !== 'symlink' && e.type !== 'link') return false
    try {
      entryData(entries, e.name)
      return false
    } catch (error) {
      return /loop/.test((error as Error).message)
    }
  })
}

/** A tar starts with a header whose checksum (the sum of its bytes, the field as spaces) holds. */
function startsAsTar(bytes: Buffer): boolean {
  if (bytes.length < 512) return false
  const header = bytes.subarray(0, 512)
  if (header.every((byte) => byte === 0)) return true
  const stored = parseInt(header.toString('latin1', 148, 156).replace(/[\0 ]+$/, ''), 8)
  let sum = 0
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!
  return stored === sum
}

async function check(path: string): Promise<Verdict> {
  let entries: ReadEntry[]
  try {
    const bytes = await readFile(path)
    const unwrapped = unwrapCapped(bytes)
    // An empty file, or one that is no tar from its first byte (a zip, JSON, noise), is not an
    // image archive; a tar cut short is unreadable.
    if (!startsAsTar(unwrapped)) return 'TARBALL_FORMAT'
    entries = await readTar(unwrapped)
  } catch {
    return 'TARBALL_UNREADABLE'
  }
  if (entries.some(isForbidden) || isAmbiguous(entries)) return 'TARBALL_ENTRY'
  if (entries.some((e) => e.name === 'manifest.json')) return checkDocker(entries)
  if (entries.some((e) => e.name === 'index.json')) return checkOci(entries)
  return 'TARBALL_FORMAT'
}

/** Everything a `mentions` pattern could legitimately point at: names, link targets, small JSON. */
async function evidence(path: string): Promise<string> {
  let entries: ReadEntry[] = []
  try {
    entries = await readTar(unwrapCapped(await readFile(path)))
  } catch {
    // unreadable: only the file name is evidence
  }
  const isSmallJson = (data: Buffer) => data.length < 4096 && parseJson(data) !== undefined
  const texts = entries.flatMap((e) => [
    e.name,
    e.linkname ?? '',
    isSmallJson(e.data) ? e.data.toString('utf8') : '',
  ])
  return [basename(path), ...texts].join('\n')
}

// ---------------------------------------------------------------------------------------------

async function unwrappedCopy(fixture: Fixture): Promise<string> {
  const path = join(root, `unwrapped-${fixture.name}`)
  await writeFile(path, unwrap(await readFile(fixture.path)))
  return path
}

async function assertSkopeoAgrees(fixture: Fixture, ref: string): Promise<void> {
  const config = await skopeo('inspect', '--raw', '--config', ref)
  assert.equal(sha256(config), fixture.configDigest, `config digest via ${ref}`)
  const parsed = JSON.parse(config.toString()) as { rootfs: { diff_ids: string[] } }
  assert.deepEqual(parsed.rootfs.diff_ids, fixture.diffIds, `diff_ids via ${ref}`)
  if (fixture.manifestDigest) {
    assert.equal(
      sha256(await skopeo('inspect', '--raw', ref)),
      fixture.manifestDigest,
      `manifest digest via ${ref}`,
    )
  }
}

describe('valid corpus', { concurrency: true }, () => {
  for (const fixture of corpus) {
    test(`${fixture.name}: skopeo reads it and agrees with the recorded digests`, async () => {
      await assertSkopeoAgrees(fixture, fixture.skopeoRef)
      if (fixture.wrapper) {
        assert.equal(wrapperOf(await readFile(fixture.path)), fixture.wrapper)
        await assertSkopeoAgrees(fixture, `${fixture.format}:${await unwrappedCopy(fixture)}`)
      }
      assert.equal(fixture.layerMediaTypes.length, fixture.diffIds.length)
    })

    if (fixture.format !== 'oci-layout') {
      test(`${fixture.name}: the independent checker finds nothing wrong`, async () => {
        assert.equal(await check(fixture.path), fixture.refs.length > 0 ? 'OK' : 'NO_TAGS')
      })
    }

    if (fixture.format === 'docker-archive' && !fixture.wrapper) {
      test(`${fixture.name}: skopeo inspect parses it as a docker-archive`, async () => {
        const info = JSON.parse(
          (await skopeo('inspect', `docker-archive:${fixture.path}`)).toString(),
        ) as {
          Layers: string[]
        }
        assert.equal(info.Layers.length, fixture.diffIds.length)
      })
    }
  }

  test('docker-save-25 is also a readable OCI archive', async () => {
    const fixture = fixtureByName(corpus, 'docker-save-25')
    const config = await skopeo('inspect', '--raw', '--config', `oci-archive:${fixture.path}`)
    assert.equal(sha256(config), fixture.configDigest)
  })

  test('the link and long-name variants really use symlinks, hardlinks and PAX headers', async () => {
    const typesIn = async (name: string) =>
      (await readTar(await readFile(fixtureByName(corpus, name).path))).map((e) => e.type)
    assert.ok((await typesIn('docker-save-legacy-symlink')).includes('symlink'))
    assert.ok((await typesIn('docker-save-legacy-hardlink')).includes('link'))
    const pax = await readFile(fixtureByName(corpus, 'docker-save-legacy-pax').path)
    assert.ok(pax.includes(' path=long-ddd'), 'a PAX path record')
  })

  test('formats are told apart by content: a gzip file named image.tar', () => {
    const misnamed = fixtureByName(corpus, 'docker-archive-gzip-named-tar')
    assert.match(misnamed.path, /image\.tar$/)
    assert.equal(misnamed.wrapper, 'gzip')
  })

  test('the corpus stays small', async () => {
    const sizes = await Promise.all(
      corpus.filter((f) => f.format !== 'oci-layout').map((f) => stat(f.path)),
    )
    assert.ok(sizes.reduce((sum, s) => sum + s.size, 0) < 5 * 1024 * 1024)
  })
})

describe('hostile corpus', { concurrency: true }, () => {
  for (const fixture of hostile) {
    test(`${fixture.name}: is ${fixture.expectCode} and names ${fixture.mentions}`, async () => {
      await stat(fixture.path)
      assert.equal(await check(fixture.path), fixture.expectCode)
      // Counts, field names and "tag" are words of the message, not necessarily of the archive.
      if (!['LAYER_COUNT_MISMATCH', 'NO_TAGS', 'TARBALL_JSON'].includes(fixture.expectCode)) {
        assert.match(await evidence(fixture.path), fixture.mentions)
      }
    })
  }

  test('truncated files are shorter than what they were cut from', async () => {
    const sizeOf = async (path: string) => (await stat(path)).size
    const pairs: [string, string][] = [
      ['truncated-in-layer.tar', 'docker-archive-skopeo'],
      ['truncated-gzip.tar.gz', 'docker-archive.tar.gz'],
      ['truncated-zstd.tar.zst', 'oci-archive.tar.zst'],
    ]
    for (const [cut, whole] of pairs) {
      assert.ok(
        (await sizeOf(fixtureByName(hostile, cut).path)) <
          (await sizeOf(fixtureByName(corpus, whole).path)),
      )
    }
  })

  test('the truncated wrappers fail in the decompressor, not later', async () => {
    const gz = await readFile(fixtureByName(hostile, 'truncated-gzip.tar.gz').path)
    const zst = await readFile(fixtureByName(hostile, 'truncated-zstd.tar.zst').path)
    assert.throws(() => gunzipSync(gz))
    assert.throws(() => zstdDecompressSync(zst))
  })
})
