import { createCipheriv, createHash, randomBytes, randomFillSync, type Hash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { sha256, hexOf } from '../digest.ts'
import { MediaType } from '../image/media-types.ts'
import type { Image, RawJson } from '../image/model.ts'
import type { ImageSource } from '../image/source.ts'

/** A blob made up on the spot; `open` produces the same bytes every time, never all at once. */
export interface RandomBlob {
  mediaType: string
  digest: string
  size: number
  open(): Readable
}

export interface RandomImage {
  layers: RandomBlob[]
  config: RawJson & { size: number }
  manifest: RawJson
  /** Bytes of the layers and the config: what a push uploads and a pull downloads. */
  blobBytes: number
}

/** Upload chunks: small enough that thousands of users in flight stay in memory. */
const CHUNK = 256 * 1024
const DIGEST_CHUNK = 1024 * 1024
const ZEROS = Buffer.alloc(DIGEST_CHUNK)
const IV = Buffer.alloc(16)
const TAR_BLOCK = 512
/** The largest size a ustar header holds (11 octal digits). */
export const MAX_LAYER_CONTENT = 8 ** 11 - 1

/** The size of a layer blob whose one file holds `contentSize` bytes: header, padding, end. */
export const layerBlobSize = (contentSize: number): number =>
  TAR_BLOCK + Math.ceil(contentSize / TAR_BLOCK) * TAR_BLOCK + 2 * TAR_BLOCK

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

/** A ustar header for one regular file: enough for any tool that unpacks the layer. */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(TAR_BLOCK)
  header.write(name, 0, 100, 'utf8')
  header.write(octal(0o644, 8), 100, 'ascii')
  header.write(octal(0, 8), 108, 'ascii')
  header.write(octal(0, 8), 116, 'ascii')
  header.write(octal(size, 12), 124, 'ascii')
  header.write(octal(0, 12), 136, 'ascii')
  header.write('        ', 148, 'ascii')
  header.write('0', 156, 'ascii')
  header.write('ustar\0', 257, 'ascii')
  header.write('00', 263, 'ascii')
  let checksum = 0
  for (const byte of header) checksum += byte
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii')
  return header
}

/**
 * The layer's bytes: a tar holding one file of pseudo-random content. AES-128-CTR over zeros
 * under a fresh random key is the generator: native (AES-NI), a few GB/s, repeatable for the
 * same key (so the digest pass and the upload see the same bytes) and never equal between layers,
 * so no registry can deduplicate them.
 */
function* layerChunks(
  key: Buffer,
  name: string,
  contentSize: number,
  chunkSize = CHUNK,
): Generator<Buffer> {
  yield tarHeader(name, contentSize)
  const cipher = createCipheriv('aes-128-ctr', key, IV)
  for (let remaining = contentSize; remaining > 0; remaining -= chunkSize) {
    yield cipher.update(ZEROS.subarray(0, Math.min(chunkSize, remaining)))
  }
  const padding = (TAR_BLOCK - (contentSize % TAR_BLOCK)) % TAR_BLOCK
  yield Buffer.alloc(padding + 2 * TAR_BLOCK)
}

/**
 * A fresh random layer. Its digest is computed first, in slices that leave the event loop free
 * for the other virtual users (a client that HEADs before uploading must know it, as docker does).
 */
export async function randomLayer(
  contentSize: number,
  name = 'bench/random.bin',
): Promise<RandomBlob> {
  const key = randomBytes(16)
  const stream = () => Readable.from(layerChunks(key, name, contentSize), { objectMode: false })
  const hash = createHash('sha256')
  let size = 0
  let sinceYield = 0
  // Bigger slices here than in the upload (CTR output does not depend on how it is cut).
  for (const chunk of layerChunks(key, name, contentSize, DIGEST_CHUNK)) {
    hash.update(chunk)
    size += chunk.length
    sinceYield += chunk.length
    if (sinceYield >= DIGEST_CHUNK) {
      sinceYield = 0
      await yieldToEventLoop()
    }
  }
  return {
    mediaType: MediaType.ociLayer,
    digest: `sha256:${hash.digest('hex')}`,
    size,
    open: stream,
  }
}

/** Bytes at the end of a pooled layer's content that are new in every layer. */
const FRESH_BYTES = 32
/** Layers up to this size come from a pool (held in memory once); larger ones are streamed. */
export const MAX_POOLED_LAYER_CONTENT = 256 * 1024 * 1024

/**
 * Fresh layers without making megabytes of random bytes per iteration: every layer is the same
 * random content (made once) with its last 32 bytes new, so every digest is new and no registry
 * can deduplicate it. The SHA-256 state after the shared part is computed once per file name and
 * copied, so a layer's digest costs hashing its last block, not its whole size.
 */
export class LayerPool {
  readonly #contentSize: number
  readonly #shared: Buffer
  readonly #trailer: Buffer
  readonly #prefixes = new Map<string, { header: Buffer; hash: Hash }>()

  constructor(contentSize: number) {
    this.#contentSize = contentSize
    this.#shared = randomBytes(Math.max(0, contentSize - FRESH_BYTES))
    const padding = (TAR_BLOCK - (contentSize % TAR_BLOCK)) % TAR_BLOCK
    this.#trailer = Buffer.alloc(padding + 2 * TAR_BLOCK)
  }

  layer(name: string): RandomBlob {
    let prefix = this.#prefixes.get(name)
    if (!prefix) {
      const header = tarHeader(name, this.#contentSize)
      prefix = { header, hash: createHash('sha256').update(header).update(this.#shared) }
      this.#prefixes.set(name, prefix)
    }
    const fresh = randomFillSync(Buffer.allocUnsafe(this.#contentSize - this.#shared.length))
    const parts = [prefix.header, this.#shared, fresh, this.#trailer]
    const digest = prefix.hash.copy().update(fresh).update(this.#trailer).digest('hex')
    return {
      mediaType: MediaType.ociLayer,
      digest: `sha256:${digest}`,
      size: parts.reduce((sum, part) => sum + part.length, 0),
      open: () => Readable.from(parts, { objectMode: false }),
    }
  }
}

const json = (value: unknown, mediaType: string): RawJson => {
  const bytes = Buffer.from(JSON.stringify(value))
  return { bytes, digest: sha256(bytes), mediaType }
}

/** An OCI image of `layers` random layers of `layerSize` bytes of content each. */
export async function randomImage(options: {
  layers: number
  layerSize: number
  /** Goes into the config, so that even an image with no layers is new each time. */
  label: string
  /** Where the layers come from when their size allows (see LayerPool). */
  pool?: LayerPool | undefined
}): Promise<RandomImage> {
  const layers: RandomBlob[] = []
  for (let index = 0; index < options.layers; index++) {
    const name = `bench/layer-${index}.bin`
    layers.push(
      options.pool ? options.pool.layer(name) : await randomLayer(options.layerSize, name),
    )
  }
  const config = json(
    {
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'org.opencontainers.image.title': `tar-push bench ${options.label}` } },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
      history: layers.map(() => ({ created_by: 'tar-push bench (random bytes)' })),
    },
    MediaType.ociConfig,
  )
  const manifest = json(
    {
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: config.mediaType, digest: config.digest, size: config.bytes.length },
      layers: layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size })),
    },
    MediaType.ociManifest,
  )
  return {
    layers,
    config: { ...config, size: config.bytes.length },
    manifest,
    blobBytes: config.bytes.length + layers.reduce((sum, layer) => sum + layer.size, 0),
  }
}

/** Writes the image as an OCI image layout (for `skopeo copy oci:DIR:TAG`), tagged `tag`. */
export async function writeOciLayout(image: RandomImage, dir: string, tag: string): Promise<void> {
  const blobs = join(dir, 'blobs', 'sha256')
  await mkdir(blobs, { recursive: true })
  for (const layer of image.layers) {
    await pipeline(layer.open(), createWriteStream(join(blobs, hexOf(layer.digest))))
  }
  await writeFile(join(blobs, hexOf(image.config.digest)), image.config.bytes)
  await writeFile(join(blobs, hexOf(image.manifest.digest)), image.manifest.bytes)
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [
        {
          mediaType: image.manifest.mediaType,
          digest: image.manifest.digest,
          size: image.manifest.bytes.length,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  )
}

/**
 * A generated image as an image source (the engine's view of it): uncompressed tar layers whose
 * diff_ids are their digests, an OCI manifest, tagged `tag`.
 */
export function generatedSource(random: RandomImage, tag: string): ImageSource {
  const image: Image = {
    kind: 'image',
    flavor: 'oci',
    config: random.config,
    diffIds: random.layers.map((layer) => layer.digest),
    layers: random.layers.map((layer) => ({
      diffId: layer.digest,
      compression: 'none',
      storedDigest: layer.digest,
      mediaType: layer.mediaType,
      isTar: true,
      content: {
        origin: `generated layer ${layer.digest}`,
        size: layer.size,
        open: async () => layer.open(),
      },
    })),
    manifest: random.manifest,
    platform: { os: 'linux', architecture: 'amd64' },
  }
  return {
    name: 'generated image',
    entries: [{ refs: [tag], artifact: image }],
    close: async () => {},
  }
}
