/**
 * The broken and hostile corpus: each tarball breaks exactly one rule, so a push of it must fail
 * with `expectCode` and an error message matching `mentions` (the file, entry or layer at fault).
 * Most are small docker-save/OCI images written in TS from the valid corpus's real layers.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { crc32, gzipSync } from 'node:zlib'
import {
  REPOSITORY,
  deriveConfig,
  fixtureByName,
  hexOf,
  legacyDockerSaveEntries,
  readDockerImage,
  sha256,
} from './fixtures.ts'
import type { Fixture, ImageParts } from './fixtures.ts'
import { tarBytes } from './tar-builder.ts'
import { execFileSync } from 'node:child_process'
import type { TarEntry } from './tar-builder.ts'
import type { ErrorCode } from '../../src/lib/errors.ts'

/** The input error codes a hostile tarball can provoke (errors.ts INPUT_CODES). */
export type HostileCode = ErrorCode

export interface HostileFixture {
  name: string
  path: string
  expectCode: HostileCode
  /** What the error message must name, e.g. the entry or layer. */
  mentions: RegExp
  /** For a file that is no tar: how the message must describe it ("is a zip archive"). */
  says?: RegExp
}

/** A hostile tarball still to be written: its bytes, or an existing valid fixture to reuse. */
interface Spec {
  name: string
  expectCode: HostileCode
  mentions: RegExp
  says?: RegExp
  bytes?: Buffer
  existingPath?: string
}

function escapeRegExp(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
}

function anyOf(...texts: string[]): RegExp {
  return new RegExp(texts.map((t) => escapeRegExp(t).source).join('|'))
}

async function tarSpec(
  name: string,
  expectCode: HostileCode,
  mentions: RegExp,
  entries: readonly TarEntry[],
): Promise<Spec> {
  return { name, expectCode, mentions, bytes: await tarBytes(entries) }
}

/** Names a tarball by its file name, which any error about the whole file must mention. */
function fileSpec(name: string, expectCode: HostileCode, bytes: Buffer): Spec {
  return { name, expectCode, mentions: escapeRegExp(name), bytes }
}

// ---------------------------------------------------------------------------------------------
// Entry-list editing

function dataOf(entries: readonly TarEntry[], name: string): Buffer {
  const entry = entries.find((e) => e.name === name)
  if (entry?.kind !== 'file') throw new Error(`no file entry ${name}`)
  return Buffer.from(entry.data)
}

function replaced(entries: readonly TarEntry[], name: string, replacement: TarEntry): TarEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry ${name} to replace`)
  return entries.map((e) => (e.name === name ? replacement : e))
}

function without(entries: readonly TarEntry[], name: string): TarEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry ${name} to drop`)
  return entries.filter((e) => e.name !== name)
}

// ---------------------------------------------------------------------------------------------
// A small docker-save image (two small layers) and its breakages

interface LegacyItem {
  Config: string
  RepoTags: string[]
  Layers: string[]
}

function legacyItem(entries: readonly TarEntry[]): LegacyItem {
  return (JSON.parse(dataOf(entries, 'manifest.json').toString()) as LegacyItem[])[0]
}

function withManifest(entries: readonly TarEntry[], item: object): TarEntry[] {
  const data = JSON.stringify([item]) + '\n'
  return replaced(entries, 'manifest.json', { kind: 'file', name: 'manifest.json', data })
}

/** Swaps the config for `config`, named by its own digest so only the intended rule breaks. */
function configName(config: Buffer): string {
  return `${hexOf(sha256(config))}.json`
}

function withConfig(entries: readonly TarEntry[], config: Buffer): TarEntry[] {
  const item = legacyItem(entries)
  const name = configName(config)
  const swapped = replaced(entries, item.Config, { kind: 'file', name, data: config })
  return withManifest(swapped, { ...item, Config: name })
}

/** Puts a forbidden entry first, so even a reader that stops early meets it. */
function withLeadingEntry(entries: readonly TarEntry[], entry: TarEntry): TarEntry[] {
  return [entry, ...entries]
}

async function dockerSpecs(image: ImageParts): Promise<Spec[]> {
  const entries = legacyDockerSaveEntries(image, { repoTags: [`${REPOSITORY}:hostile`] })
  const item = legacyItem(entries)
  const [firstLayer, secondLayer] = item.Layers
  const config = JSON.parse(dataOf(entries, item.Config).toString()) as {
    rootfs: { diff_ids: string[] }
  }
  const [firstDiffId] = config.rootfs.diff_ids
  const truncatedConfig = Buffer.from('{"rootfs": ')
  const leading = (name: string, entry: TarEntry, mentions: RegExp) =>
    tarSpec(name, 'TARBALL_ENTRY', mentions, withLeadingEntry(entries, entry))
  const layerAs = (name: string, entry: TarEntry, mentions: RegExp) =>
    tarSpec(name, 'TARBALL_ENTRY', mentions, replaced(entries, secondLayer, entry))

  return Promise.all([
    leading(
      'absolute-entry.tar',
      { kind: 'file', name: '/etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' },
      /\/etc\/passwd/,
    ),
    leading(
      'dotdot-entry.tar',
      { kind: 'file', name: '../escape', data: 'outside\n' },
      /\.\.\/escape/,
    ),
    leading(
      'char-device.tar',
      { kind: 'char-device', name: 'dev/console', major: 5, minor: 1 },
      /dev\/console/,
    ),
    leading(
      'block-device.tar',
      { kind: 'block-device', name: 'dev/sda', major: 8, minor: 0 },
      /dev\/sda/,
    ),
    leading('fifo.tar', { kind: 'fifo', name: 'run/fifo' }, /run\/fifo/),
    leading(
      'duplicate-manifest.tar',
      { kind: 'file', name: 'manifest.json', data: '[]' },
      /manifest\.json/,
    ),
    tarSpec('link-loop.tar', 'TARBALL_ENTRY', escapeRegExp(secondLayer), [
      ...replaced(entries, secondLayer, { kind: 'symlink', name: secondLayer, target: 'loop-a' }),
      { kind: 'symlink', name: `${secondLayer.split('/')[0]}/loop-a`, target: 'loop-b' },
      { kind: 'symlink', name: `${secondLayer.split('/')[0]}/loop-b`, target: 'loop-a' },
    ]),
    layerAs(
      'symlink-escape.tar',
      { kind: 'symlink', name: secondLayer, target: '../../etc/passwd' },
      anyOf(secondLayer, '../../etc/passwd'),
    ),
    layerAs(
      'symlink-absolute.tar',
      { kind: 'symlink', name: secondLayer, target: '/etc/passwd' },
      anyOf(secondLayer, '/etc/passwd'),
    ),
    layerAs(
      'hardlink-escape.tar',
      { kind: 'hardlink', name: secondLayer, target: '../outside/layer.tar' },
      anyOf(secondLayer, '../outside/layer.tar'),
    ),
    tarSpec(
      'manifest-not-json.tar',
      'TARBALL_JSON',
      /manifest\.json/,
      replaced(entries, 'manifest.json', {
        kind: 'file',
        name: 'manifest.json',
        data: '[{"Config": "',
      }),
    ),
    tarSpec(
      'manifest-missing-layers.tar',
      'TARBALL_JSON',
      /Layers/,
      withManifest(entries, { Config: item.Config, RepoTags: item.RepoTags }),
    ),
    tarSpec(
      'manifest-layers-not-array.tar',
      'TARBALL_JSON',
      /Layers/,
      withManifest(entries, { ...item, Layers: firstLayer }),
    ),
    tarSpec(
      'config-not-json.tar',
      'TARBALL_JSON',
      escapeRegExp(configName(truncatedConfig)),
      withConfig(entries, truncatedConfig),
    ),
    tarSpec(
      'diff-ids-not-array.tar',
      'TARBALL_JSON',
      /diff_ids/,
      withConfig(
        entries,
        Buffer.from(
          JSON.stringify({ ...config, rootfs: { type: 'layers', diff_ids: firstDiffId } }),
        ),
      ),
    ),
    // Two layers in manifest.json, one diff_id in the config: the message must give both counts.
    tarSpec(
      'layer-count-mismatch.tar',
      'LAYER_COUNT_MISMATCH',
      /\b2\b[\s\S]*\b1\b|\b1\b[\s\S]*\b2\b/,
      withConfig(entries, deriveConfig(image.config, [firstDiffId])),
    ),
    tarSpec(
      'layer-altered.tar',
      'DIFF_ID_MISMATCH',
      anyOf(firstLayer, hexOf(firstDiffId).slice(0, 12)),
      replaced(entries, firstLayer, {
        kind: 'file',
        name: firstLayer,
        data: alteredSameLength(dataOf(entries, firstLayer)),
      }),
    ),
    tarSpec(
      'missing-layer.tar',
      'TARBALL_MISSING_ENTRY',
      escapeRegExp(secondLayer),
      without(entries, secondLayer),
    ),
    tarSpec(
      'missing-config.tar',
      'TARBALL_MISSING_ENTRY',
      escapeRegExp(item.Config),
      without(entries, item.Config),
    ),
  ])
}

/** Changes one byte of file content inside a layer tar, so headers stay valid and only hashing notices. */
function alteredSameLength(layer: Buffer): Buffer {
  const at = layer.indexOf('hello from tar-push')
  if (at < 0) throw new Error('layer lacks the greeting to alter')
  const copy = Buffer.from(layer)
  copy[at] = 'j'.charCodeAt(0)
  return copy
}

// ---------------------------------------------------------------------------------------------
// A small OCI archive and its breakages

interface OciBuild {
  entries: TarEntry[]
  layerPaths: string[]
  layerDigests: string[]
}

/** An OCI archive with gzip layers; `layerSizeSkew` makes the manifest lie about the first layer's size. */
function ociArchive(image: ImageParts, layerSizeSkew = 0): OciBuild {
  const layers = image.layers.map((layer) => gzipSync(layer))
  const layerDigests = layers.map((l) => sha256(l))
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(image.config),
        size: image.config.length,
      },
      layers: layers.map((l, i) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: layerDigests[i],
        size: l.length + (i === 0 ? layerSizeSkew : 0),
      })),
    }),
  )
  const index = {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: sha256(manifest),
        size: manifest.length,
        annotations: { 'org.opencontainers.image.ref.name': `${REPOSITORY}:hostile` },
      },
    ],
  }
  const blob = (data: Buffer): TarEntry => ({
    kind: 'file',
    name: `blobs/sha256/${hexOf(sha256(data))}`,
    data,
  })
  const entries: TarEntry[] = [
    { kind: 'file', name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { kind: 'file', name: 'index.json', data: JSON.stringify(index) },
    blob(manifest),
    blob(image.config),
    ...layers.map(blob),
  ]
  return { entries, layerDigests, layerPaths: layerDigests.map((d) => `blobs/sha256/${hexOf(d)}`) }
}

/** Rewrites the gzip header's MTIME: the blob's sha256 changes but it still inflates to the same layer. */
function gzipWithOtherMtime(blob: Buffer): Buffer {
  const copy = Buffer.from(blob)
  copy.writeUInt32LE(copy.readUInt32LE(4) ^ 0x5a5a5a5a, 4)
  return copy
}

async function ociSpecs(image: ImageParts): Promise<Spec[]> {
  const { entries, layerPaths, layerDigests } = ociArchive(image)
  const [layerPath] = layerPaths
  const layerHex = hexOf(layerDigests[0]).slice(0, 12)
  const altered: TarEntry = {
    kind: 'file',
    name: layerPath,
    data: gzipWithOtherMtime(dataOf(entries, layerPath)),
  }
  return Promise.all([
    tarSpec(
      'oci-index-not-json.tar',
      'TARBALL_JSON',
      /index\.json/,
      replaced(entries, 'index.json', {
        kind: 'file',
        name: 'index.json',
        data: '{"manifests": [',
      }),
    ),
    tarSpec(
      'oci-blob-altered.tar',
      'BLOB_DIGEST_MISMATCH',
      new RegExp(layerHex),
      replaced(entries, layerPath, altered),
    ),
    tarSpec(
      'oci-blob-size-wrong.tar',
      'BLOB_DIGEST_MISMATCH',
      new RegExp(layerHex),
      ociArchive(image, 1).entries,
    ),
    tarSpec(
      'oci-missing-blob.tar',
      'TARBALL_MISSING_ENTRY',
      new RegExp(layerHex),
      without(entries, layerPath),
    ),
  ])
}

// ---------------------------------------------------------------------------------------------
// Unreadable files and ones that are no image at all

/** Cuts a docker archive halfway through its biggest layer's bytes. */
async function truncatedInLayer(docker: Fixture, image: ImageParts): Promise<Buffer> {
  const bytes = await readFile(docker.path)
  const biggest = image.layers.reduce((a, b) => (b.length > a.length ? b : a))
  const start = bytes.indexOf(biggest)
  if (start < 0) throw new Error(`${docker.name} does not store its layers uncompressed`)
  return bytes.subarray(0, start + Math.floor(biggest.length / 2))
}

async function truncatedHalf(fixture: Fixture): Promise<Buffer> {
  const bytes = await readFile(fixture.path)
  return bytes.subarray(0, Math.floor(bytes.length / 2))
}

/**
 * A file that is no tar at all: TARBALL_FORMAT, with a message naming the file and what it is
 * (`says`), and not "truncated" (the tar reader's word for a tar cut short).
 */
function notATar(name: string, says: RegExp, bytes: Buffer): Spec {
  return { ...fileSpec(name, 'TARBALL_FORMAT', bytes), says }
}

/** A zip archive holding one stored (uncompressed) file, as `zip -0` writes it. */
function zipOf(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name)
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4) // version needed
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4) // version made by
  central.writeUInt16LE(20, 6) // version needed
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  const centralOffset = local.length + fileName.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(centralOffset, 16)
  return Buffer.concat([local, fileName, data, central, fileName, end])
}

/** Random bytes that start like neither gzip, zstd nor a tar header. */
function noise(): Buffer {
  const bytes = randomBytes(64 * 1024)
  bytes.write('NOISE', 0)
  return bytes
}

/** 1.1 GiB of zeros in a few kB of zstd: unpacks to over a thousand times its size. */
function zstdBomb(): Buffer {
  return execFileSync('sh', ['-c', 'head -c 1200000000 /dev/zero | zstd -q -3 -c'], {
    maxBuffer: 64 * 1024 * 1024,
  })
}

async function fileSpecs(base: Fixture[], image: ImageParts): Promise<Spec[]> {
  const docker = fixtureByName(base, 'docker-archive-skopeo')
  return [
    fileSpec('truncated-in-layer.tar', 'TARBALL_UNREADABLE', await truncatedInLayer(docker, image)),
    fileSpec(
      'truncated-gzip.tar.gz',
      'TARBALL_UNREADABLE',
      await truncatedHalf(fixtureByName(base, 'docker-archive.tar.gz')),
    ),
    fileSpec(
      'truncated-zstd.tar.zst',
      'TARBALL_UNREADABLE',
      await truncatedHalf(fixtureByName(base, 'oci-archive.tar.zst')),
    ),
    // Files of another kind: named for what they are, never called truncated.
    notATar('random-bytes.tar', /binary data of no format/, noise()),
    notATar('empty-file.tar', /is empty \(0 bytes\)/, Buffer.alloc(0)),
    notATar('app.zip', /app\.zip is a zip archive/, zipOf('app.tar', await readFile(docker.path))),
    notATar(
      'manifest.json',
      /manifest\.json is a JSON document/,
      Buffer.from(JSON.stringify([{ Config: 'config.json', RepoTags: ['app:1'], Layers: [] }])),
    ),
    notATar('settings.json', /settings\.json is a JSON document/, Buffer.from('{"a": 1}\n')),
    notATar(
      'error-page.tar.gz',
      /error-page\.tar\.gz is gzip-compressed, but what it holds is an HTML page/,
      gzipSync('<!DOCTYPE html>\n<html><body>404 Not Found</body></html>\n'),
    ),
    fileSpec('zstd-bomb.tar.zst', 'TARBALL_UNREADABLE', zstdBomb()),
    {
      name: 'readme-only.tar',
      expectCode: 'TARBALL_FORMAT',
      mentions: /readme-only\.tar|manifest\.json|index\.json/,
      bytes: await tarBytes([{ kind: 'file', name: 'README.md', data: '# not an image\n' }]),
    },
    {
      name: 'untagged-docker-archive',
      expectCode: 'NO_TAGS',
      mentions: /tag/i,
      existingPath: fixtureByName(base, 'docker-archive-untagged').path,
    },
    {
      name: 'untagged-oci-archive',
      expectCode: 'NO_TAGS',
      mentions: /tag/i,
      existingPath: fixtureByName(base, 'oci-archive-no-ref').path,
    },
  ]
}

/** The first two (small) layers of the valid image, with a config that lists just them. */
function smallImage(image: ImageParts): ImageParts {
  const layers = image.layers.slice(0, 2)
  return { layers, config: deriveConfig(image.config, layers.map(sha256)) }
}

/**
 * Writes the hostile corpus into `dir`. NO_TAGS cases point at the untagged valid fixtures in
 * `base` (they are valid images; only pushing them without a tag fails).
 */
export async function buildHostile(dir: string, base: Fixture[]): Promise<HostileFixture[]> {
  await mkdir(dir, { recursive: true })
  const image = await readDockerImage(fixtureByName(base, 'docker-archive-skopeo').path)
  const small = smallImage(image)
  const specs = (
    await Promise.all([fileSpecs(base, image), dockerSpecs(small), ociSpecs(small)])
  ).flat()
  return Promise.all(
    specs.map(async ({ name, expectCode, mentions, says, bytes, existingPath }) => {
      if (existingPath) return { name, path: existingPath, expectCode, mentions }
      const path = join(dir, name)
      await writeFile(path, bytes ?? Buffer.alloc(0))
      return { name: basename(path), path, expectCode, mentions, ...(says ? { says } : {}) }
    }),
  )
}

/**
 * The intact images the docker and OCI breakages are made from: pushed first, they make the
 * registry warm (every blob and the tag present), so the breakages are tried where a push could
 * skip reading the bytes.
 */
export async function buildIntact(
  dir: string,
  base: Fixture[],
): Promise<{ docker: string; oci: string }> {
  await mkdir(dir, { recursive: true })
  const small = smallImage(await readDockerImage(fixtureByName(base, 'docker-archive-skopeo').path))
  const docker = join(dir, 'intact-docker.tar')
  const oci = join(dir, 'intact-oci.tar')
  await writeFile(
    docker,
    await tarBytes(legacyDockerSaveEntries(small, { repoTags: [`${REPOSITORY}:hostile`] })),
  )
  await writeFile(oci, await tarBytes(ociArchive(small).entries))
  return { docker, oci }
}
