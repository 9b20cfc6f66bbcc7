import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import { sha256 } from '../../src/lib/digest.ts'
import { TarPushError } from '../../src/lib/errors.ts'
import {
  configMediaType,
  layerMediaType,
  manifestMediaType,
} from '../../src/lib/image/media-types.ts'
import type { Image, Layer, ManifestFlavor, RawJson } from '../../src/lib/image/model.ts'
import type { BlobToPut, ImageSink } from '../../src/lib/image/sink.ts'
import { silentLogger } from '../../src/lib/log.ts'
import { parseReference } from '../../src/lib/reference.ts'
import { openDiskSink, type DiskFormat } from '../../src/lib/write/open.ts'
import { skopeo } from '../support/skopeo.ts'
import { readTarFile, tarBytes, type TarEntry } from '../support/tar-builder.ts'
import { snapshotTree } from '../support/tree.ts'

const bases: string[] = []
after(async () => {
  for (const base of bases) {
    await makeWritable(base)
    await rm(base, { recursive: true, force: true })
  }
})

async function workDir(): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'write-sinks-'))
  bases.push(base)
  return base
}

async function makeWritable(path: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined)
  if (!stats?.isDirectory()) return
  await chmod(path, 0o755)
  for (const entry of await readdir(path)) await makeWritable(join(path, entry))
}

const file = (name: string, data: Buffer | string, mode?: number): TarEntry => ({
  kind: 'file',
  name,
  data,
  ...(mode === undefined ? {} : { mode }),
})
const dir = (name: string): TarEntry => ({ kind: 'dir', name })

const rawJson = (document: object, mediaType: string): RawJson => {
  const bytes = Buffer.from(JSON.stringify(document))
  return { bytes, digest: sha256(bytes), mediaType }
}

interface LayerSpec {
  entries: readonly TarEntry[]
  /** The stored media type, when not the flavor's gzip layer type. */
  mediaType?: string
}

/** An image in memory, as a registry source hands it over: gzip layers with their digests. */
async function buildImage(flavor: ManifestFlavor, specs: readonly LayerSpec[]): Promise<Image> {
  const layers: Layer[] = []
  for (const [position, spec] of specs.entries()) {
    const tar = await tarBytes(spec.entries)
    const stored = gzipSync(tar)
    const digest = sha256(stored)
    layers.push({
      diffId: sha256(tar),
      compression: 'gzip',
      storedDigest: digest,
      mediaType: spec.mediaType ?? layerMediaType(flavor, 'gzip'),
      isTar: true,
      content: {
        origin: `layer ${position}`,
        size: stored.length,
        remote: true,
        open: async () => Readable.from(chunks(stored)),
      },
    })
  }
  const config = rawJson(
    {
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    },
    configMediaType(flavor),
  )
  const manifest = rawJson(
    {
      schemaVersion: 2,
      mediaType: manifestMediaType(flavor),
      config: { mediaType: config.mediaType, digest: config.digest, size: config.bytes.length },
      layers: layers.map((layer) => ({
        mediaType: layer.mediaType,
        digest: layer.storedDigest,
        size: layer.content.size,
      })),
    },
    manifestMediaType(flavor),
  )
  return {
    kind: 'image',
    flavor,
    config,
    diffIds: layers.map((layer) => layer.diffId),
    layers,
    manifest,
    platform: { os: 'linux', architecture: 'amd64' },
  }
}

/** Network-sized pieces. */
function chunks(bytes: Buffer, size = 16 * 1024): Buffer[] {
  const pieces: Buffer[] = []
  for (let offset = 0; offset < bytes.length; offset += size) {
    pieces.push(bytes.subarray(offset, offset + size))
  }
  return pieces
}

/** Half of the bytes, a pause (the other puts go on), then a broken connection. */
function brokenStream(bytes: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield* chunks(bytes.subarray(0, Math.floor(bytes.length / 2)))
      await sleep(50)
      throw new Error('connection reset')
    })(),
  )
}

const bytesOf = async (layer: Layer): Promise<Buffer> =>
  Buffer.concat(await (await layer.content.open()).toArray())

/** A layer's blob as the engine puts it. */
const blobOf = (layer: Layer): BlobToPut => ({
  digest: layer.storedDigest!,
  size: layer.content.size,
  mediaType: layer.mediaType!,
  open: async () => Readable.from(chunks(await bytesOf(layer))),
})

/** Half of the bytes, then nothing until it is destroyed (a transfer that hangs). */
function stalledStream(bytes: Buffer): Readable {
  const stream = new Readable({ read() {} })
  stream.push(bytes.subarray(0, Math.floor(bytes.length / 2)))
  return stream
}

interface DriveOptions {
  /** Layers (by digest) whose stream breaks half-way. */
  broken?: readonly string[]
  /** Layers (by digest) whose stream starts late. */
  late?: readonly string[]
}

/**
 * What the engine does for a pull: for each layer in parallel, hasBlob then putBlob; then the
 * config; then the image manifest with its tags; then commit, or abort on any failure.
 */
async function drive(sink: ImageSink, image: Image, options: DriveOptions = {}): Promise<void> {
  const put = async (blob: BlobToPut) => {
    if (!(await sink.hasBlob(blob.digest, blob.size))) await sink.putBlob(blob)
  }
  try {
    const results = await Promise.allSettled(
      image.layers.map((layer) =>
        put({
          digest: layer.storedDigest!,
          size: layer.content.size,
          mediaType: layer.mediaType!,
          open: async () => {
            const stream = await layer.content.open()
            const bytes = Buffer.concat(await stream.toArray())
            if (options.broken?.includes(layer.storedDigest!)) return brokenStream(bytes)
            if (options.late?.includes(layer.storedDigest!)) await sleep(50)
            return Readable.from(chunks(bytes))
          },
        }),
      ),
    )
    const failure = results.find((result) => result.status === 'rejected')
    if (failure) throw (failure as PromiseRejectedResult).reason
    await put({
      digest: image.config.digest,
      size: image.config.bytes.length,
      mediaType: image.config.mediaType,
      open: async () => Readable.from([image.config.bytes]),
    })
    await sink.putManifest(image.manifest!, { tags: ['1'] })
    await sink.commit()
  } catch (error) {
    await sink.abort()
    throw error
  }
}

const open = (format: DiskFormat, output: string, image: Image, tag = '1') =>
  openDiskSink({
    format,
    output,
    image,
    reference: parseReference(`registry.example/team/app:${tag}`),
    logger: silentLogger,
  })

async function inspect(transport: string): Promise<{ Architecture: string; Layers: string[] }> {
  return JSON.parse((await skopeo(['inspect', transport])).toString('utf8')) as {
    Architecture: string
    Layers: string[]
  }
}

const listing = async (path: string): Promise<string[]> => (await readdir(path)).sort()

async function expectCode(promise: Promise<unknown>, code: string, message?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof TarPushError, `not a TarPushError: ${String(error)}`)
    assert.equal(error.code, code, error.message)
    if (message) assert.match(error.message, message)
    return true
  })
}

/** Incompressible bytes: the layer stays large once gzipped. */
const noise = (size: number): Buffer => randomBytes(size)

async function sampleImage(flavor: ManifestFlavor = 'oci'): Promise<Image> {
  return buildImage(flavor, [
    { entries: [dir('etc/'), file('etc/hello', 'hello\n'), file('big.bin', noise(300_000))] },
    { entries: [file('etc/.wh.hello', ''), file('etc/second', 'two\n')] },
    { entries: [file('more.bin', noise(200_000))] },
  ])
}

describe('docker tar sink', () => {
  it('writes a tar that skopeo reads as docker-archive, and only that in the directory', async () => {
    const base = await workDir()
    const image = await sampleImage('docker')
    const output = join(base, 'app.tar')
    await drive(await open('docker', output, image), image)
    assert.deepEqual(await listing(base), ['app.tar'])
    const inspected = await inspect(`docker-archive:${output}`)
    assert.equal(inspected.Architecture, 'amd64')
    assert.equal(inspected.Layers.length, 3)
    const entries = await readTarFile(output)
    const manifest = JSON.parse(
      entries.find((entry) => entry.name === 'manifest.json')!.data.toString('utf8'),
    )
    assert.deepEqual(manifest[0].RepoTags, ['registry.example/team/app:1'])
  })

  it('a stream that breaks half-way, then abort: the directory and an older file as before', async () => {
    const base = await workDir()
    await writeFile(join(base, 'app.tar'), 'older')
    await writeFile(join(base, 'other'), 'x')
    const before = await listing(base)
    const image = await sampleImage('docker')
    const sink = await open('docker', join(base, 'app.tar'), image)
    await assert.rejects(drive(sink, image, { broken: [image.layers[0]!.storedDigest!] }), {
      message: 'connection reset',
    })
    assert.deepEqual(await listing(base), before)
    assert.equal(await readFile(join(base, 'app.tar'), 'utf8'), 'older')
  })

  it('a directory at the output is refused up front', async () => {
    const base = await workDir()
    await expectCode(open('docker', base, await sampleImage()), 'OUTPUT_ERROR', /is a directory/)
  })

  it('another manifest than the one opened with is refused', async () => {
    const base = await workDir()
    const image = await sampleImage()
    const other = await buildImage('oci', [{ entries: [file('x', 'x')] }])
    const sink = await open('oci-archive', join(base, 'a.tar'), image)
    await assert.rejects(sink.putManifest(other.manifest!, { tags: ['1'] }), /not the one/)
    await sink.abort()
    assert.deepEqual(await listing(base), [])
  })
})

describe('oci-archive sink', () => {
  it('writes a tar that skopeo reads as oci-archive', async () => {
    const base = await workDir()
    const image = await sampleImage()
    const output = join(base, 'app.oci.tar')
    await drive(await open('oci-archive', output, image), image)
    assert.deepEqual(await listing(base), ['app.oci.tar'])
    const inspected = await inspect(`oci-archive:${output}`)
    assert.deepEqual(
      inspected.Layers,
      image.layers.map((layer) => layer.storedDigest),
    )
  })

  it('a stream that breaks half-way, then abort: the parent directory as before', async () => {
    const base = await workDir()
    const image = await sampleImage()
    const sink = await open('oci-archive', join(base, 'app.oci.tar'), image)
    await assert.rejects(drive(sink, image, { broken: [image.layers[2]!.storedDigest!] }))
    assert.deepEqual(await listing(base), [])
  })

  it('missing parent directories are made, and removed again by abort', async () => {
    const base = await workDir()
    const image = await sampleImage()
    const sink = await open('oci-archive', join(base, 'a', 'b', 'app.oci.tar'), image)
    assert.deepEqual(await listing(base), ['a'])
    await assert.rejects(drive(sink, image, { broken: [image.layers[1]!.storedDigest!] }))
    assert.deepEqual(await listing(base), [])
  })
})

describe('OCI layout sink', () => {
  it('writes a new layout that skopeo reads by its tag', async () => {
    const base = await workDir()
    const image = await sampleImage()
    const output = join(base, 'layout')
    await drive(await open('oci', output, image), image)
    assert.deepEqual(await listing(base), ['layout'])
    assert.deepEqual(await listing(output), ['blobs', 'index.json', 'oci-layout'])
    const inspected = await inspect(`oci:${output}:1`)
    assert.deepEqual(
      inspected.Layers,
      image.layers.map((layer) => layer.storedDigest),
    )
  })

  it('adds to an existing layout (blobs shared, two tags), and an abort leaves it byte for byte', async () => {
    const base = await workDir()
    const output = join(base, 'layout')
    const first = await sampleImage()
    await drive(await open('oci', output, first, '1'), first)
    const shared = first.layers[0]!
    const second = await buildImage('oci', [
      { entries: [dir('etc/'), file('etc/hello', 'hello\n'), file('big.bin', noise(300_000))] },
      { entries: [file('only-in-2', 'two')] },
    ])
    // The same first layer, as a registry would serve it to both.
    const secondImage: Image = await withFirstLayer(second, shared)
    const sink = await open('oci', output, secondImage, '2')
    assert.equal(await sink.hasBlob(shared.storedDigest!, shared.content.size), true)
    await drive(sink, secondImage)
    const index = JSON.parse(await readFile(join(output, 'index.json'), 'utf8'))
    assert.deepEqual(
      index.manifests.map(
        (entry: { annotations: Record<string, string> }) =>
          entry.annotations['org.opencontainers.image.ref.name'],
      ),
      ['1', '2'],
    )
    for (const tag of ['1', '2']) await inspect(`oci:${output}:${tag}`)

    // A third image whose one new layer is written whole, and another that breaks.
    const before = await snapshotTree(output)
    const parentBefore = await listing(base)
    const third = await buildImage('oci', [
      { entries: [file('new-a', noise(50_000))] },
      { entries: [file('new-b', noise(400_000))] },
    ])
    const aborted = await open('oci', output, third, '3')
    const [whole, broken] = third.layers as [Layer, Layer]
    await aborted.putBlob(blobOf(whole))
    assert.equal(await aborted.hasBlob(whole.storedDigest!, whole.content.size), true)
    const blobs = join(output, 'blobs', 'sha256')
    assert.ok((await readdir(blobs)).includes(whole.storedDigest!.slice('sha256:'.length)))
    await assert.rejects(
      aborted.putBlob({ ...blobOf(broken), open: async () => brokenStream(await bytesOf(broken)) }),
      { message: 'connection reset' },
    )
    await aborted.abort()
    assert.deepEqual(await listing(base), parentBefore)
    assert.deepEqual(await snapshotTree(output), before)
  })

  it('an existing layout without a blobs directory: abort removes the directories it made', async () => {
    const base = await workDir()
    const output = join(base, 'layout')
    await mkdir(output)
    await writeFile(join(output, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}\n')
    const before = await snapshotTree(output)
    const image = await sampleImage()
    const sink = await open('oci', output, image)
    await assert.rejects(drive(sink, image, { broken: [image.layers[1]!.storedDigest!] }))
    assert.deepEqual(await snapshotTree(output), before)
  })

  it('a new layout: a broken stream and abort leave the parent directory as before', async () => {
    const base = await workDir()
    await writeFile(join(base, 'other'), 'x')
    const image = await sampleImage()
    const sink = await open('oci', join(base, 'layout'), image)
    await assert.rejects(drive(sink, image, { broken: [image.layers[0]!.storedDigest!] }))
    assert.deepEqual(await listing(base), ['other'])
  })

  it('an empty output directory is kept by an abort and replaced by a commit', async () => {
    const base = await workDir()
    const output = join(base, 'layout')
    await mkdir(output, { mode: 0o750 })
    await chmod(output, 0o750)
    const image = await sampleImage()
    const sink = await open('oci', output, image)
    await assert.rejects(drive(sink, image, { broken: [image.layers[0]!.storedDigest!] }))
    assert.deepEqual(await listing(base), ['layout'])
    assert.deepEqual(await listing(output), [])
    assert.equal((await stat(output)).mode & 0o777, 0o750)

    await drive(await open('oci', output, image), image)
    assert.deepEqual(await listing(base), ['layout'])
    assert.equal((await stat(output)).mode & 0o777, 0o750)
    await inspect(`oci:${output}:1`)
  })

  it('a non-empty directory that is not a layout is refused up front', async () => {
    const base = await workDir()
    await writeFile(join(base, 'precious'), 'x')
    await expectCode(open('oci', base, await sampleImage()), 'OUTPUT_ERROR', /not an OCI layout/)
    assert.deepEqual(await listing(base), ['precious'])
  })
})

/** The image with its first layer replaced by `layer` (config and manifest made anew). */
async function withFirstLayer(image: Image, layer: Layer): Promise<Image> {
  const layers = [layer, ...image.layers.slice(1)]
  const config = rawJson(
    {
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: layers.map((each) => each.diffId) },
    },
    image.config.mediaType,
  )
  const manifest = rawJson(
    {
      schemaVersion: 2,
      mediaType: image.manifest!.mediaType,
      config: { mediaType: config.mediaType, digest: config.digest, size: config.bytes.length },
      layers: layers.map((each) => ({
        mediaType: each.mediaType,
        digest: each.storedDigest,
        size: each.content.size,
      })),
    },
    image.manifest!.mediaType,
  )
  return { ...image, layers, config, manifest, diffIds: layers.map((each) => each.diffId) }
}

describe('rootfs sink', () => {
  it('unpacks the layers in manifest order, also when an upper layer arrives first', async () => {
    const base = await workDir()
    const image = await sampleImage()
    const output = join(base, 'rootfs')
    await drive(await open('rootfs', output, image), image, {
      late: [image.layers[0]!.storedDigest!],
    })
    assert.deepEqual(await listing(base), ['rootfs'])
    assert.deepEqual(await listing(output), ['big.bin', 'etc', 'more.bin'])
    assert.deepEqual(await listing(join(output, 'etc')), ['second'])
    assert.equal(await readFile(join(output, 'etc', 'second'), 'utf8'), 'two\n')
    assert.equal((await stat(join(output, 'more.bin'))).size, 200_000)
  })

  it('a stream that breaks half-way, then abort: the parent directory as before', async () => {
    const base = await workDir()
    await writeFile(join(base, 'other'), 'x')
    const image = await sampleImage()
    const sink = await open('rootfs', join(base, 'rootfs'), image)
    // The work in progress is in the output's own directory, under temporary names.
    assert.equal(
      (await listing(base)).filter((name) => name.startsWith('.rootfs.tar-push-')).length,
      2,
    )
    await assert.rejects(drive(sink, image, { broken: [image.layers[1]!.storedDigest!] }))
    assert.deepEqual(await listing(base), ['other'])
  })

  it('an empty output directory is kept by an abort and replaced by a commit', async () => {
    const base = await workDir()
    const output = join(base, 'rootfs')
    await mkdir(output)
    const image = await sampleImage()
    const sink = await open('rootfs', output, image)
    await assert.rejects(drive(sink, image, { broken: [image.layers[2]!.storedDigest!] }))
    assert.deepEqual(await listing(base), ['rootfs'])
    assert.deepEqual(await listing(output), [])

    await drive(await open('rootfs', output, image), image)
    assert.deepEqual(await listing(base), ['rootfs'])
    assert.deepEqual(await listing(output), ['big.bin', 'etc', 'more.bin'])
  })

  it('a layer that fails to apply fails the pull, and abort removes everything', async () => {
    const base = await workDir()
    const root = join(base, 'out')
    await mkdir(root)
    const image = await buildImage('oci', [
      { entries: [file('ok', 'ok')] },
      { entries: [file('../escape', 'evil')] },
      { entries: [file('later.bin', noise(300_000))] },
    ])
    const sink = await open('rootfs', join(root, 'rootfs'), image)
    await expectCode(drive(sink, image), 'LAYER_UNSAFE', /climbs out/)
    assert.deepEqual(await listing(base), ['out'])
    assert.deepEqual(await listing(root), [])
  })

  it('a layer that is not a filesystem layer is refused up front', async () => {
    const base = await workDir()
    const image = await buildImage('oci', [
      { entries: [file('a', 'a')], mediaType: 'application/vnd.example.sbom+json' },
    ])
    await expectCode(
      open('rootfs', join(base, 'rootfs'), image),
      'MANIFEST_UNSUPPORTED',
      /not a filesystem layer/,
    )
    assert.deepEqual(await listing(base), [])
  })

  it('a non-empty directory or a file at the output is refused up front', async () => {
    const base = await workDir()
    await writeFile(join(base, 'file'), 'x')
    const image = await sampleImage()
    await expectCode(open('rootfs', base, image), 'OUTPUT_ERROR', /is not empty/)
    await expectCode(open('rootfs', join(base, 'file'), image), 'OUTPUT_ERROR', /is a file/)
    assert.deepEqual(await listing(base), ['file'])
  })
})

describe('every disk format', () => {
  for (const format of ['docker', 'oci-archive', 'oci', 'rootfs'] as const) {
    it(`${format}: abort before any blob leaves nothing, and no temporary name survives a commit`, async () => {
      const base = await workDir()
      const image = await sampleImage()
      const output = join(base, 'out')
      const sink = await open(format, output, image)
      await sink.abort()
      assert.deepEqual(await listing(base), [])
      await drive(await open(format, output, image), image)
      assert.deepEqual(await listing(base), ['out'])
    })

    it(`${format}: abort while transfers hang stops them, fails their puts and removes all`, async () => {
      const base = await workDir()
      await writeFile(join(base, 'other'), 'x')
      const image = await sampleImage()
      const sink = await open(format, join(base, 'out'), image)
      const puts = image.layers.map((layer) =>
        sink.putBlob({ ...blobOf(layer), open: async () => stalledStream(await bytesOf(layer)) }),
      )
      for (const put of puts) put.catch(() => {})
      await sleep(50)
      await sink.abort()
      const results = await Promise.allSettled(puts)
      assert.deepEqual(
        results.map((result) => result.status),
        image.layers.map(() => 'rejected'),
      )
      assert.deepEqual(await listing(base), ['other'])
      await assert.rejects(sink.putBlob(blobOf(image.layers[0]!)))
    })
  }
})
