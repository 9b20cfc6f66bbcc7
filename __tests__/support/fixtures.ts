/**
 * The valid corpus: image tarballs of every format tar-push accepts. The base image is made by
 * umoci and converted by skopeo (real tools), the docker-save layouts are written here from the
 * same layers, and every Fixture field is read back from the bytes on disk.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { entryData, readTarFile, writeTar } from './tar-builder.ts'
import type { ReadEntry, TarEntry } from './tar-builder.ts'

export type ArchiveFormat = 'docker-archive' | 'oci-archive' | 'oci-layout'

export interface Fixture {
  name: string
  /** The tarball, or the directory for oci-layout. */
  path: string
  /** What is inside, after removing a gzip/zstd wrapper. */
  format: ArchiveFormat
  wrapper?: 'gzip' | 'zstd'
  /** RepoTags of manifest.json, or the index's `org.opencontainers.image.ref.name` values. */
  refs: string[]
  configDigest: string
  diffIds: string[]
  /** As stored: OCI manifest media types; for docker archives LayerSources or the layer's magic. */
  layerMediaTypes: string[]
  /** OCI sources only: digest of the image manifest bytes inside. */
  manifestDigest?: string
  /** A skopeo source for the same image (for wrapped docker archives: the unwrapped original). */
  skopeoRef: string
}

/** An image as loose parts: its config bytes and its uncompressed layer tars, in order. */
export interface ImageParts {
  config: Buffer
  layers: Buffer[]
}

export const REPOSITORY = 'example.com/team/app'

const RANDOM_LAYER_BYTES = 192 * 1024
const MANY_FILES = 50

const run = promisify(execFile)

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

export function hexOf(digest: string): string {
  return digest.slice(digest.indexOf(':') + 1)
}

export function fixtureByName<T extends { name: string }>(fixtures: readonly T[], name: string): T {
  const found = fixtures.find((f) => f.name === name)
  if (!found) throw new Error(`no fixture named ${name}`)
  return found
}

// ---------------------------------------------------------------------------------------------
// The base image, made by umoci

async function writeSourceTrees(src: string): Promise<void> {
  await mkdir(join(src, 'etc'), { recursive: true })
  await writeFile(join(src, 'etc/greeting'), 'hello from tar-push\n')
  await writeFile(join(src, 'etc/motd'), 'removed again by a whiteout layer\n')
  await writeFile(join(src, 'etc/os-release'), 'ID=fixture\n')
  await symlink('greeting', join(src, 'etc/link'))

  await mkdir(join(src, 'many'), { recursive: true })
  for (let i = 1; i <= MANY_FILES; i++) {
    await writeFile(
      join(src, 'many', `file-${String(i).padStart(2, '0')}.txt`),
      `small file ${i}\n`,
    )
  }

  // Random bytes do not compress, so this layer keeps its size in every format.
  await mkdir(join(src, 'data'), { recursive: true })
  await writeFile(join(src, 'data/random.bin'), randomishBytes(RANDOM_LAYER_BYTES))
}

/** Incompressible but reproducible bytes (a sha256 chain), so reruns build the same layer. */
function randomishBytes(size: number): Buffer {
  const blocks: Buffer[] = []
  let block = createHash('sha256').update('tar-push fixture').digest()
  for (let total = 0; total < size; total += block.length) {
    blocks.push(block)
    block = createHash('sha256').update(block).digest()
  }
  return Buffer.concat(blocks).subarray(0, size)
}

/** Makes `<layout>:base` with four layers (files + symlink, 50 files, random bytes, whiteout). */
async function buildUmociImage(work: string): Promise<string> {
  const src = join(work, 'src')
  const layout = join(work, 'umoci-layout')
  const image = `${layout}:base`
  await writeSourceTrees(src)
  await run('umoci', ['init', '--layout', layout])
  await run('umoci', ['new', '--image', image])
  // umoci refuses to insert as non-root unless told to map ownership away.
  const rootless = process.getuid?.() === 0 ? [] : ['--rootless']
  const insert = (...args: string[]) =>
    run('umoci', ['insert', ...rootless, '--image', image, ...args])
  await insert(join(src, 'etc'), '/etc')
  await insert(join(src, 'many'), '/opt/many')
  await insert(join(src, 'data/random.bin'), '/data/random.bin')
  await insert('--whiteout', '/etc/motd')
  await run('umoci', [
    'config',
    '--image',
    image,
    '--config.cmd',
    '/bin/sh',
    '--config.env',
    'GREETING=hello',
    '--config.label',
    'org.example.fixture=tar-push',
    '--architecture',
    'amd64',
    '--os',
    'linux',
  ])
  return `oci:${image}`
}

async function skopeoCopy(source: string, destination: string, ...flags: string[]): Promise<void> {
  await run('skopeo', ['--insecure-policy', 'copy', '--quiet', ...flags, source, destination])
}

// ---------------------------------------------------------------------------------------------
// Reading what the tools wrote

type Description = Pick<
  Fixture,
  'format' | 'refs' | 'configDigest' | 'diffIds' | 'layerMediaTypes' | 'manifestDigest'
>

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
}
interface OciIndex {
  manifests: Descriptor[]
}
interface OciManifest {
  config: Descriptor
  layers: Descriptor[]
}
interface ImageConfig {
  architecture?: string
  os?: string
  rootfs: { diff_ids: string[] }
  history?: { empty_layer?: boolean }[]
}
interface DockerManifestItem {
  Config: string
  RepoTags: string[] | null
  Layers: string[]
  LayerSources?: Record<string, Descriptor>
}

const REF_NAME = 'org.opencontainers.image.ref.name'

function parseJson<T>(bytes: Buffer): T {
  return JSON.parse(bytes.toString('utf8')) as T
}

function diffIdsOf(config: Buffer): string[] {
  return parseJson<ImageConfig>(config).rootfs.diff_ids
}

/** Describes an OCI layout given a reader of its files (from a tarball or a directory). */
function describeOci(read: (name: string) => Buffer, format: ArchiveFormat): Description {
  const index = parseJson<OciIndex>(read('index.json'))
  const [descriptor] = index.manifests
  const manifestBytes = read(`blobs/sha256/${hexOf(descriptor.digest)}`)
  const manifest = parseJson<OciManifest>(manifestBytes)
  const config = read(`blobs/sha256/${hexOf(manifest.config.digest)}`)
  return {
    format,
    refs: index.manifests.flatMap((m) => m.annotations?.[REF_NAME] ?? []),
    configDigest: sha256(config),
    diffIds: diffIdsOf(config),
    layerMediaTypes: manifest.layers.map((l) => l.mediaType),
    manifestDigest: sha256(manifestBytes),
  }
}

function dockerLayerMediaType(layer: Buffer): string {
  if (layer[0] === 0x1f && layer[1] === 0x8b)
    return 'application/vnd.docker.image.rootfs.diff.tar.gzip'
  if (layer.readUInt32LE(0) === 0xfd2fb528)
    return 'application/vnd.docker.image.rootfs.diff.tar.zstd'
  return 'application/vnd.docker.image.rootfs.diff.tar'
}

function dockerManifestItem(entries: readonly ReadEntry[]): DockerManifestItem {
  return parseJson<DockerManifestItem[]>(entryData(entries, 'manifest.json'))[0]
}

/**
 * Describes a docker archive. manifest.json decides the format even when an OCI layout sits
 * beside it (docker 25+), so no manifestDigest is promised: a push may build its own manifest.
 */
function describeDocker(entries: readonly ReadEntry[]): Description {
  const item = dockerManifestItem(entries)
  const config = entryData(entries, item.Config)
  const diffIds = diffIdsOf(config)
  return {
    format: 'docker-archive',
    refs: item.RepoTags ?? [],
    configDigest: sha256(config),
    diffIds,
    layerMediaTypes: item.Layers.map(
      (layer, i) =>
        item.LayerSources?.[diffIds[i]]?.mediaType ??
        dockerLayerMediaType(entryData(entries, layer)),
    ),
  }
}

async function describeTarball(path: string): Promise<Description> {
  const entries = await readTarFile(path)
  if (entries.some((e) => e.name === 'manifest.json')) return describeDocker(entries)
  return describeOci((name) => entryData(entries, name), 'oci-archive')
}

async function describeLayoutDir(dir: string): Promise<Description> {
  const files = new Map<string, Buffer>()
  const read = (name: string): Buffer => {
    const bytes = files.get(name)
    if (!bytes) throw new Error(`${name} not preloaded`)
    return bytes
  }
  // Preload the three files describeOci needs, in dependency order.
  const load = async (name: string) => files.set(name, await readFile(join(dir, name)))
  await load('index.json')
  const manifestName = `blobs/sha256/${hexOf(parseJson<OciIndex>(read('index.json')).manifests[0].digest)}`
  await load(manifestName)
  await load(`blobs/sha256/${hexOf(parseJson<OciManifest>(read(manifestName)).config.digest)}`)
  return describeOci(read, 'oci-layout')
}

/** The config and uncompressed layers of a docker archive (following symlinks and hardlinks). */
export async function readDockerImage(path: string): Promise<ImageParts> {
  const entries = await readTarFile(path)
  const item = dockerManifestItem(entries)
  return {
    config: entryData(entries, item.Config),
    layers: item.Layers.map((l) => entryData(entries, l)),
  }
}

/**
 * A copy of `config` whose rootfs lists `diffIds`, with history trimmed or padded to match
 * (skopeo and registries compare non-empty history entries with the layer count).
 */
export function deriveConfig(config: Buffer, diffIds: readonly string[]): Buffer {
  const parsed = parseJson<ImageConfig>(config)
  const history = parsed.history ?? []
  const layerHistory = history.filter((h) => !h.empty_layer)
  const emptyHistory = history.filter((h) => h.empty_layer)
  const newHistory = diffIds.map(
    (_, i) => layerHistory[i] ?? { created_by: 'tar-push fixture: repeated layer' },
  )
  return Buffer.from(
    JSON.stringify({
      ...parsed,
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: [...newHistory, ...emptyHistory],
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// docker save layouts, written in TS

/** `{ repo: { tag: id } }` as docker's `repositories` file has it. */
function repositoriesFile(repoTags: readonly string[], id: string): string {
  const repositories: Record<string, Record<string, string>> = {}
  for (const repoTag of repoTags) {
    const colon = repoTag.lastIndexOf(':')
    const repo = repoTag.slice(0, colon)
    repositories[repo] = { ...repositories[repo], [repoTag.slice(colon + 1)]: id }
  }
  return JSON.stringify(repositories) + '\n'
}

/** Docker's v1 layer ids chain the parent id with the layer; any stable chain will do here. */
function v1Ids(diffIds: readonly string[]): string[] {
  let parent = ''
  return diffIds.map((diffId) => (parent = hexOf(sha256(`${parent}\n${diffId}`))))
}

/** The per-layer legacy `json` docker writes next to each layer. */
function v1Json(ids: readonly string[], i: number): string {
  const parent = i > 0 ? { parent: ids[i - 1] } : {}
  return JSON.stringify({ id: ids[i], ...parent, created: '1970-01-01T00:00:00Z', os: 'linux' })
}

export interface LegacySaveOptions {
  repoTags: string[]
  /** How a layer repeating an earlier one is stored: a symlink (older docker, skopeo) or a hardlink. */
  duplicateLayers?: 'symlink' | 'hardlink'
  /** A directory the layer dirs and config live under (to force PAX long names). */
  under?: string
}

/** Entries of what `docker save` wrote before docker 25: `<id>/{VERSION,json,layer.tar}` per layer. */
export function legacyDockerSaveEntries(image: ImageParts, options: LegacySaveOptions): TarEntry[] {
  const prefix = options.under ? `${options.under}/` : ''
  const entries: TarEntry[] = []
  const layerPaths: string[] = []
  const firstPathByDiffId = new Map<string, string>()
  const diffIds = image.layers.map(sha256)
  const ids = v1Ids(diffIds)
  for (const [i, layer] of image.layers.entries()) {
    const diffId = diffIds[i]
    const dir = `${prefix}${ids[i]}`
    const path = `${dir}/layer.tar`
    entries.push(
      { kind: 'dir', name: dir },
      { kind: 'file', name: `${dir}/VERSION`, data: '1.0' },
      { kind: 'file', name: `${dir}/json`, data: v1Json(ids, i) },
    )
    const earlier = firstPathByDiffId.get(diffId)
    if (earlier && options.duplicateLayers === 'symlink') {
      entries.push({ kind: 'symlink', name: path, target: posix.relative(dir, earlier) })
    } else if (earlier && options.duplicateLayers === 'hardlink') {
      entries.push({ kind: 'hardlink', name: path, target: earlier })
    } else {
      entries.push({ kind: 'file', name: path, data: layer })
      firstPathByDiffId.set(diffId, path)
    }
    layerPaths.push(path)
  }
  const configName = `${prefix}${hexOf(sha256(image.config))}.json`
  const manifest = [{ Config: configName, RepoTags: options.repoTags, Layers: layerPaths }]
  entries.push(
    { kind: 'file', name: configName, data: image.config },
    { kind: 'file', name: 'manifest.json', data: JSON.stringify(manifest) + '\n' },
    {
      kind: 'file',
      name: 'repositories',
      data: repositoriesFile(options.repoTags, ids.at(-1) ?? ''),
    },
  )
  return entries
}

interface StoredBlob {
  digest: string
  size: number
  path: string
}

/**
 * Entries of what docker 25+ `docker save` writes: an OCI layout (uncompressed layers, index
 * annotated with the full name and the tag) plus a manifest.json pointing into blobs/sha256.
 */
export function dockerSave25Entries(image: ImageParts, repoTags: readonly string[]): TarEntry[] {
  const config = parseJson<ImageConfig>(image.config)
  const blobs = new Map<string, Buffer>()
  const addBlob = (bytes: Buffer): StoredBlob => {
    const digest = sha256(bytes)
    blobs.set(digest, bytes)
    return { digest, size: bytes.length, path: `blobs/sha256/${hexOf(digest)}` }
  }
  const configBlob = addBlob(image.config)
  const layerBlobs = image.layers.map(addBlob)
  // Docker also writes each layer's legacy v1 json as an unreferenced blob.
  const ids = v1Ids(layerBlobs.map((b) => b.digest))
  ids.forEach((_, i) => addBlob(Buffer.from(v1Json(ids, i))))

  const layerDescriptor = (blob: StoredBlob) => ({
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    digest: blob.digest,
    size: blob.size,
  })
  const manifestBytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configBlob.digest,
        size: configBlob.size,
      },
      layers: layerBlobs.map(layerDescriptor),
    }),
  )
  const manifestBlob = addBlob(manifestBytes)
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: repoTags.map((repoTag) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: manifestBlob.digest,
      size: manifestBlob.size,
      annotations: {
        'io.containerd.image.name': repoTag,
        [REF_NAME]: repoTag.slice(repoTag.lastIndexOf(':') + 1),
      },
      platform: { architecture: config.architecture, os: config.os },
    })),
  }
  const manifest = [
    {
      Config: configBlob.path,
      RepoTags: repoTags,
      Layers: layerBlobs.map((b) => b.path),
      // Docker writes these with mediaType, size, digest in this order.
      LayerSources: Object.fromEntries(
        layerBlobs.map((b) => [
          b.digest,
          { mediaType: 'application/vnd.oci.image.layer.v1.tar', size: b.size, digest: b.digest },
        ]),
      ),
    },
  ]
  const blobEntries: TarEntry[] = [...blobs]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([digest, data]) => ({ kind: 'file', name: `blobs/sha256/${hexOf(digest)}`, data }))
  return [
    { kind: 'dir', name: 'blobs' },
    { kind: 'dir', name: 'blobs/sha256' },
    ...blobEntries,
    { kind: 'file', name: 'index.json', data: JSON.stringify(index) },
    { kind: 'file', name: 'manifest.json', data: JSON.stringify(manifest) + '\n' },
    { kind: 'file', name: 'oci-layout', data: '{"imageLayoutVersion": "1.0.0"}' },
    {
      kind: 'file',
      name: 'repositories',
      data: repositoriesFile(repoTags, hexOf(sha256(image.layers.at(-1) ?? ''))),
    },
  ]
}

// ---------------------------------------------------------------------------------------------
// The corpus

type Made = Omit<Fixture, keyof Description>

/** Copies made by skopeo from the umoci image. */
async function buildToolMade(source: string, work: string, out: string): Promise<Made[]> {
  const archive = (name: string, transport: 'oci-archive' | 'docker-archive'): Made => {
    const path = join(out, `${name}.tar`)
    return { name, path, skopeoRef: `${transport}:${path}` }
  }
  const layoutDir = join(out, 'oci-layout-dir')
  const made: Made[] = [
    archive('oci-archive-gzip', 'oci-archive'),
    archive('oci-archive-zstd-layers', 'oci-archive'),
    archive('oci-archive-uncompressed', 'oci-archive'),
    { name: 'oci-layout-dir', path: layoutDir, skopeoRef: `oci:${layoutDir}:1.0` },
    archive('oci-archive-no-ref', 'oci-archive'),
    archive('docker-archive-skopeo', 'docker-archive'),
    archive('docker-archive-untagged', 'docker-archive'),
  ]
  const uncompressedDir = join(work, 'uncompressed-dir')
  const [gzip, zstd, uncompressed, layout, noRef, docker, untagged] = made.map((m) => m.path)
  await Promise.all([
    skopeoCopy(source, `oci-archive:${gzip}:${REPOSITORY}:1.0`),
    skopeoCopy(source, `oci-archive:${zstd}:${REPOSITORY}:zstd`, '--dest-compress-format', 'zstd'),
    // --dest-decompress only works for dir:, and only dir: → oci keeps the media types honest
    // (docker-archive: → oci labels uncompressed layers tar+gzip in skopeo 1.9.3).
    skopeoCopy(source, `dir:${uncompressedDir}`, '--dest-decompress').then(() =>
      skopeoCopy(
        `dir:${uncompressedDir}`,
        `oci-archive:${uncompressed}:${REPOSITORY}:uncompressed`,
        '--dest-oci-accept-uncompressed-layers',
      ),
    ),
    skopeoCopy(source, `oci:${layout}:1.0`),
    skopeoCopy(source, `oci-archive:${noRef}`),
    skopeoCopy(
      source,
      `docker-archive:${docker}:${REPOSITORY}:1.0`,
      '--additional-tag',
      `${REPOSITORY}:latest`,
    ),
    skopeoCopy(source, `docker-archive:${untagged}`),
  ])
  return made
}

/** Docker-save layouts written in TS from skopeo's uncompressed layers. */
async function buildDockerSaves(image: ImageParts, out: string): Promise<Made[]> {
  const at = (file: string) => join(out, file)
  const [first, second] = image.layers
  // Layers 1 and 3 are identical, as when a Dockerfile step repeats an earlier one.
  const repeated: ImageParts = { layers: [first, second, first], config: Buffer.alloc(0) }
  repeated.config = deriveConfig(image.config, repeated.layers.map(sha256))
  // Over ustar's 155-byte prefix, so every entry under it needs a PAX path header.
  const longDir = `long-${'d'.repeat(200)}`

  const saves: [name: string, entries: TarEntry[]][] = [
    ['docker-save-legacy', legacyDockerSaveEntries(image, { repoTags: [`${REPOSITORY}:legacy`] })],
    [
      'docker-save-legacy-symlink',
      legacyDockerSaveEntries(repeated, {
        repoTags: [`${REPOSITORY}:symlink`],
        duplicateLayers: 'symlink',
      }),
    ],
    [
      'docker-save-legacy-hardlink',
      legacyDockerSaveEntries(repeated, {
        repoTags: [`${REPOSITORY}:hardlink`],
        duplicateLayers: 'hardlink',
      }),
    ],
    [
      'docker-save-legacy-pax',
      legacyDockerSaveEntries(image, { repoTags: [`${REPOSITORY}:pax`], under: longDir }),
    ],
    ['docker-save-25', dockerSave25Entries(image, [`${REPOSITORY}:25`])],
  ]
  return Promise.all(
    saves.map(async ([name, entries]) => {
      const path = at(`${name}.tar`)
      await writeTar(path, entries)
      return { name, path, skopeoRef: `docker-archive:${path}` }
    }),
  )
}

/** Whole-file compressed copies; one is named `.tar` because formats come from content. */
async function buildWrapped(byName: Map<string, Made>, out: string): Promise<Made[]> {
  const wrap = async (
    name: string,
    sourceName: string,
    file: string,
    wrapper: 'gzip' | 'zstd',
    skopeoRef?: string,
  ) => {
    const source = byName.get(sourceName)
    if (!source) throw new Error(`no ${sourceName} to wrap`)
    const bytes = await readFile(source.path)
    const path = join(out, file)
    await mkdir(join(path, '..'), { recursive: true })
    await writeFile(path, wrapper === 'gzip' ? gzipSync(bytes) : zstdCompressSync(bytes))
    // skopeo 1.9.3 reads zstd-wrapped oci-archives but not gzip-wrapped docker-archives.
    return { name, path, wrapper, skopeoRef: skopeoRef ?? source.skopeoRef }
  }
  return Promise.all([
    wrap('docker-archive.tar.gz', 'docker-archive-skopeo', 'docker-archive.tar.gz', 'gzip'),
    wrap(
      'oci-archive.tar.zst',
      'oci-archive-gzip',
      'oci-archive.tar.zst',
      'zstd',
      `oci-archive:${join(out, 'oci-archive.tar.zst')}`,
    ),
    wrap('docker-archive-gzip-named-tar', 'docker-save-legacy', 'misnamed/image.tar', 'gzip'),
  ])
}

async function describeFixture(made: Made): Promise<Fixture> {
  const description =
    made.name === 'oci-layout-dir'
      ? await describeLayoutDir(made.path)
      : await describeTarball(made.path)
  return { ...made, ...description }
}

async function buildCorpusInto(work: string, out: string): Promise<Fixture[]> {
  await mkdir(out, { recursive: true })
  const source = await buildUmociImage(work)
  const toolMade = await buildToolMade(source, work, out)
  const docker = toolMade.find((m) => m.name === 'docker-archive-skopeo')
  if (!docker) throw new Error('skopeo docker-archive missing')
  const saves = await buildDockerSaves(await readDockerImage(docker.path), out)
  const unwrapped = [...toolMade, ...saves]
  const wrapped = await buildWrapped(new Map(unwrapped.map((m) => [m.name, m])), out)
  return Promise.all([...unwrapped, ...wrapped].map(describeFixture))
}

interface CachedCorpus {
  out: string
  fixtures: Fixture[]
}
let cached: Promise<CachedCorpus> | undefined

async function buildOncePerProcess(): Promise<CachedCorpus> {
  const root = await mkdtemp(join(tmpdir(), 'tar-push-corpus-'))
  process.once('exit', () => rmSync(root, { recursive: true, force: true }))
  const out = join(root, 'corpus')
  return { out, fixtures: await buildCorpusInto(join(root, 'work'), out) }
}

/**
 * Builds (once per process) and copies the valid corpus into `dir`, so each caller owns its
 * files and may damage them freely.
 */
export async function buildCorpus(dir: string): Promise<Fixture[]> {
  cached ??= buildOncePerProcess()
  const { out, fixtures } = await cached
  await cp(out, dir, { recursive: true, verbatimSymlinks: true })
  const relocate = (text: string) => text.replace(out, dir)
  return fixtures.map((f) => ({ ...f, path: relocate(f.path), skopeoRef: relocate(f.skopeoRef) }))
}
