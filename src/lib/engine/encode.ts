import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import { Readable, Writable, pipeline as pipelineCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { letGoChunk } from '../chunk-pool.ts'
import { openRangeStream, writeFully } from '../pooled-file.ts'
import { DigestingStream, VerifyingStream } from '../digest.ts'
import { createEncoder } from '../encode/compress.ts'
import { DEFAULT_LEVELS } from '../encode/levels.ts'
import { BLOCKS_IN_FLIGHT, type BlockEncoder } from '../encode/block-encoder.ts'
import { GzipBlockEncoder } from '../encode/parallel-gzip.ts'
import { ZstdFrameEncoder } from '../encode/parallel-zstd.ts'
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
  await pipeline(stream, spoolWriter(options.path), { signal: options.signal })
  return { digest: output.digest, size: output.bytes }
}

/**
 * A file writer that gives each chunk back to its pool (chunk-pool.ts) once it is written:
 * the encoders lend their output from reused buffers, and a chunk nobody gives back is left
 * to the garbage collector, which lets tens of MB pile up first.
 */
function spoolWriter(path: string): Writable {
  let handle: FileHandle | undefined
  const closeFile = () => {
    const closing = handle?.close() ?? Promise.resolve()
    handle = undefined
    return closing
  }
  return new Writable({
    construct(done) {
      open(path, 'w').then((opened) => {
        handle = opened
        done()
      }, done)
    },
    write(chunk: Buffer, _encoding, done) {
      writeFully(handle!, chunk, null).then(() => {
        letGoChunk(chunk)
        done()
      }, done)
    },
    final(done) {
      closeFile().then(() => done(), done)
    },
    destroy(error, done) {
      closeFile().then(
        () => done(error),
        () => done(error),
      )
    },
  })
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
  return pipelineCallback(openRangeStream(path, 0), verify, () => {})
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
  const blockEncoder =
    layer.content.openReader && blockEncoderFor(options.compression, options.level)
  const encoded = blockEncoder
    ? Readable.from(encodeIntoSlots(layer, blockEncoder), {
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

/** The block encoder of a compression, if it has one (none: the bytes go as they are). */
function blockEncoderFor(
  compression: Compression,
  level: number | undefined,
): BlockEncoder | undefined {
  if (compression === 'gzip') return new GzipBlockEncoder(level ?? DEFAULT_LEVELS.gzip!)
  if (compression === 'zstd') return new ZstdFrameEncoder(level ?? DEFAULT_LEVELS.zstd!)
  return undefined
}

/**
 * A layer read straight into the encoder's slots (for gzip, the deflate workers' shared memory:
 * no read buffers to collect, no copy), encoded block by block, its outputs in order. The
 * diff_id is checked on the same single read.
 */
async function* encodeIntoSlots(layer: Layer, encoder: BlockEncoder): AsyncGenerator<Buffer> {
  const reader = await layer.content.openReader!()
  const inputHash = createHash('sha256')
  const inFlight: Promise<Buffer[]>[] = []
  let total = 0
  try {
    yield encoder.header()
    for (;;) {
      if (inFlight.length >= BLOCKS_IN_FLIGHT) yield* await inFlight.shift()!
      const slot = await encoder.acquire()
      let length: number
      try {
        length = await reader.read(slot.input)
      } catch (error) {
        encoder.release(slot)
        throw error
      }
      if (length === 0) {
        encoder.release(slot)
        break
      }
      inputHash.update(slot.input.subarray(0, length))
      total += length
      const block = encoder.encode(slot, length)
      block.catch(() => {}) // awaited in order below
      inFlight.push(block)
    }
    while (inFlight.length > 0) yield* await inFlight.shift()!
    if (total !== layer.content.size) throw truncatedLayer(layer, total)
    const diffId = `sha256:${inputHash.digest('hex')}`
    if (diffId !== layer.diffId) throw diffIdMismatch(layer, diffId)
    yield await encoder.trailer()
  } finally {
    // Settle what is still running: its slot goes back to the pool when it ends.
    await Promise.allSettled(inFlight)
    await reader.close()
  }
}
