import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { Readable, pipeline as pipelineCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { DigestingStream, VerifyingStream } from '../digest.ts'
import { DEFAULT_LEVELS, createEncoder } from '../encode/compress.ts'
import { GzipBlockEncoder, inputBlocks } from '../encode/parallel-gzip.ts'
import { ZstdFrameEncoder, zstdInputBlocks } from '../encode/parallel-zstd.ts'
import { TarPushError } from '../errors.ts'
import type { Compression, Layer } from '../image/model.ts'
import { diffIdMismatch, truncatedLayer, uncompressedLayerCheck } from './verify.ts'

/**
 * Layers the engine compresses on their way to the sink (uncompressed tar layers of a docker
 * save): their input is checked against the diff_id by the verifier's checks, their output
 * hashed for the blob digest.
 */

export interface EncodedBlob {
  digest: string
  size: number
}

/**
 * Compresses an uncompressed tar layer into a spool file, hashing input (diff_id, verified) and
 * output (the blob digest) on the way: a monolithic upload needs the digest before the body.
 */
export async function encodeLayerToFile(options: {
  layer: Layer
  compression: Compression
  level: number | undefined
  path: string
  signal?: AbortSignal | undefined
}): Promise<EncodedBlob> {
  const { stream, output } = await openEncodedLayer(options)
  await pipeline(stream, createWriteStream(options.path), { signal: options.signal })
  return { digest: output.digest, size: output.bytes }
}

/**
 * A spooled blob read back for its upload, checked again against the digest computed while it
 * was written: a spool on a full or failing disk fails the upload instead of committing.
 */
export function openSpooledBlob(path: string, blob: EncodedBlob): Readable {
  const verify = new VerifyingStream({
    digest: blob.digest,
    size: blob.size,
    onMismatch: (actual) =>
      new TarPushError(
        'BLOB_DIGEST_MISMATCH',
        `spool file ${path} reads back as ${actual.digest} (${actual.size} bytes), not the ${blob.digest} (${blob.size} bytes) written`,
        { subject: path, hint: 'check the free space and health of the temporary directory' },
      ),
  })
  return pipelineCallback(createReadStream(path, { highWaterMark: 1024 * 1024 }), verify, () => {})
}

/** Encoded bytes buffered ahead of the upload: a few of the encoder's output chunks. */
const ENCODED_READ_AHEAD = 256 * 1024

/**
 * The layer compressed on the fly, for a streamed upload: its input is checked against the
 * diff_id (the stream fails at the end otherwise) and its output hashed; `digest` and `size`
 * are read from `output` once the stream has ended.
 */
export async function openEncodedLayer(options: {
  layer: Layer
  compression: Compression
  level: number | undefined
}): Promise<{ stream: Readable; output: DigestingStream }> {
  const { layer } = options
  const output = new DigestingStream()
  const blocks = layer.content.openReader && blockEncoderFor(options.compression, options.level)
  const encoded = blocks
    ? Readable.from(encodeWithPooledBlocks(layer, blocks), {
        objectMode: false,
        highWaterMark: ENCODED_READ_AHEAD,
      })
    : pipelineCallback(
        await layer.content.open(),
        uncompressedLayerCheck(layer),
        createEncoder(options.compression, options.level),
        () => {},
      )
  return { stream: pipelineCallback(encoded, output, () => {}), output }
}

/**
 * An encoder of fixed-size blocks, each compressed on its own in the thread pool, and the pool of
 * input blocks it reads into (gzip: one deflate stream; zstd: one frame a block).
 */
interface BlockEncoding {
  encoder: {
    header?(): Buffer
    encode(block: Buffer): Promise<Buffer[]>
    trailer?(): Buffer
  }
  blocks: { acquire(): Promise<Buffer>; release(block: Buffer): void }
}

function blockEncoderFor(
  compression: Compression,
  level: number | undefined,
): BlockEncoding | undefined {
  if (compression === 'gzip')
    return { encoder: new GzipBlockEncoder(level ?? DEFAULT_LEVELS.gzip!), blocks: inputBlocks }
  if (compression === 'zstd')
    return {
      encoder: new ZstdFrameEncoder(level ?? DEFAULT_LEVELS.zstd!),
      blocks: zstdInputBlocks,
    }
  return undefined
}

/** Blocks of one layer being encoded while the next is read: its share of the encode jobs. */
const BLOCKS_IN_FLIGHT = 3

/**
 * A layer read into blocks of a shared pool and encoded block by block: Node's read streams
 * allocate a fresh buffer per read, and V8 frees those only when it collects, so a big layer made
 * the resident size float tens of MB above what is live. A block goes back to the pool once its
 * encode job has settled. The diff_id is checked on the same single read.
 */
async function* encodeWithPooledBlocks(
  layer: Layer,
  { encoder, blocks }: BlockEncoding,
): AsyncGenerator<Buffer> {
  const reader = await layer.content.openReader!()
  const inputHash = createHash('sha256')
  const inFlight: Promise<Buffer[]>[] = []
  let total = 0
  try {
    if (encoder.header) yield encoder.header()
    for (;;) {
      if (inFlight.length >= BLOCKS_IN_FLIGHT) yield* await inFlight.shift()!
      const block = await blocks.acquire()
      let length: number
      try {
        length = await reader.read(block)
      } catch (error) {
        blocks.release(block)
        throw error
      }
      if (length === 0) {
        blocks.release(block)
        break
      }
      const filled = block.subarray(0, length)
      inputHash.update(filled)
      total += length
      const parts = encoder.encode(filled)
      parts.then(
        () => blocks.release(block),
        () => blocks.release(block),
      )
      inFlight.push(parts)
    }
    while (inFlight.length > 0) yield* await inFlight.shift()!
    if (total !== layer.content.size) throw truncatedLayer(layer, total)
    const diffId = `sha256:${inputHash.digest('hex')}`
    if (diffId !== layer.diffId) throw diffIdMismatch(layer, diffId)
    if (encoder.trailer) yield encoder.trailer()
  } finally {
    // Settle what is still running before the file goes away.
    await Promise.allSettled(inFlight)
    await reader.close()
  }
}
