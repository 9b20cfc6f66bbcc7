/**
 * Writes one image with the disk writers (docker tar, OCI layout) as they run on Windows:
 * process.platform is "win32" before any of them is loaded, so every branch on the platform
 * takes its Windows side. Usage: node write-as-windows.ts LAYER_TAR OUTPUT_DIR — the layer (an
 * uncompressed tar) goes in gzip-compressed, as a registry serves it; writes OUTPUT_DIR/app.tar
 * and OUTPUT_DIR/layout, and prints the platform it ran as and the layer blob's digest.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'

Object.defineProperty(process, 'platform', { value: 'win32' })

const { sha256 } = await import('../../src/lib/digest.ts')
const { configMediaType, layerMediaType, manifestMediaType } =
  await import('../../src/lib/image/media-types.ts')
const { silentLogger } = await import('../../src/lib/log.ts')
const { parseReference } = await import('../../src/lib/reference.ts')
const { openDiskSink } = await import('../../src/lib/write/open.ts')
type Image = import('../../src/lib/image/model.ts').Image

const [layerPath, outputDir] = process.argv.slice(2) as [string, string]
const tar = await readFile(layerPath)
const stored = gzipSync(tar)
const layerDigest = sha256(stored)
const json = (document: object, mediaType: string) => {
  const bytes = Buffer.from(JSON.stringify(document))
  return { bytes, digest: sha256(bytes), mediaType }
}
const config = json(
  {
    architecture: 'amd64',
    os: 'linux',
    config: {},
    rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
  },
  configMediaType('oci'),
)
const manifest = json(
  {
    schemaVersion: 2,
    mediaType: manifestMediaType('oci'),
    config: { mediaType: config.mediaType, digest: config.digest, size: config.bytes.length },
    layers: [
      { mediaType: layerMediaType('oci', 'gzip'), digest: layerDigest, size: stored.length },
    ],
  },
  manifestMediaType('oci'),
)
const image: Image = {
  kind: 'image',
  flavor: 'oci',
  config,
  diffIds: [sha256(tar)],
  layers: [
    {
      diffId: sha256(tar),
      compression: 'gzip',
      storedDigest: layerDigest,
      mediaType: layerMediaType('oci', 'gzip'),
      isTar: true,
      content: {
        origin: 'layer',
        size: stored.length,
        remote: true,
        open: async () => Readable.from([stored]),
      },
    },
  ],
  manifest,
  platform: { os: 'linux', architecture: 'amd64' },
}

for (const [format, name] of [
  ['docker', 'app.tar'],
  ['oci', 'layout'],
] as const) {
  const sink = await openDiskSink({
    format,
    output: join(outputDir, name),
    image,
    reference: parseReference('registry.example/team/app:1'),
    logger: silentLogger,
  })
  for (const blob of [
    {
      digest: layerDigest,
      size: stored.length,
      mediaType: layerMediaType('oci', 'gzip'),
      bytes: stored,
    },
    {
      digest: config.digest,
      size: config.bytes.length,
      mediaType: config.mediaType,
      bytes: config.bytes,
    },
  ]) {
    if (!(await sink.hasBlob(blob.digest, blob.size))) {
      await sink.putBlob({ ...blob, open: async () => Readable.from([blob.bytes]) })
    }
  }
  await sink.putManifest(manifest, { tags: ['1'] })
  await sink.commit()
}
process.stdout.write(`${process.platform} ${layerDigest}\n`)
