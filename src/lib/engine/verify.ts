import { createHash } from 'node:crypto'
import {
  Transform,
  Writable,
  pipeline as pipelineCallback,
  type Readable,
  type TransformCallback,
} from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { DigestingStream, LastByteHold, VerifyingStream, algorithmOf } from '../digest.ts'
import { holdChunk, letGoChunk } from '../chunk-pool.ts'
import { createDecoder, releaseDecodedChunk } from '../encode/compress.ts'
import { TarPushError } from '../errors.ts'
import { GunzipThreadFailure, openGunzipCheck, type GunzipCheck } from '../encode/gunzip-thread.ts'
import { hashQueued, hashRangeHere, type RangeDigest } from '../hash-thread.ts'
import type { Layer } from '../image/model.ts'

/**
 * The one verifier: every blob the engine moves, from any source to any sink, is read through
 * these checks, which fail the stream (never end it cleanly) when the bytes do not match:
 * the stored bytes against the descriptor's digest and size, and a layer's uncompressed bytes
 * against the config's diff_id. Sources do not verify; sinks keep nothing that failed here.
 */

const whatToDo = (layer: Layer, local: string, remote: string): string =>
  layer.content.remote ? remote : local

export const diffIdMismatch = (layer: Layer, actual: string): TarPushError =>
  new TarPushError(
    'DIFF_ID_MISMATCH',
    `layer ${layer.content.origin} has uncompressed sha256 ${actual}, but the config's diff_id is ${layer.diffId}`,
    {
      subject: layer.content.origin,
      hint: whatToDo(
        layer,
        'the layer or the config was altered after the image was saved; save the image again',
        'the image in the registry is corrupt (layer and config disagree); push it again',
      ),
    },
  )

export const blobMismatch = (
  layer: Layer,
  expected: { digest: string; size?: number },
  actual: { digest: string; size: number },
): TarPushError =>
  new TarPushError(
    'BLOB_DIGEST_MISMATCH',
    `${layer.content.origin} has digest ${actual.digest} (${actual.size} bytes), expected ${expected.digest}${expected.size === undefined ? '' : ` (${expected.size} bytes)`}`,
    {
      subject: layer.content.origin,
      hint: whatToDo(
        layer,
        'the archive is damaged or was altered after it was written; save the image again',
        'the registry (or a proxy in between) serves a corrupt blob; push the image again',
      ),
    },
  )

export const truncatedLayer = (layer: Layer, size: number): TarPushError =>
  new TarPushError(
    layer.content.remote ? 'NETWORK_ERROR' : 'TARBALL_UNREADABLE',
    `layer ${layer.content.origin} ended after ${size} of ${layer.content.size} bytes`,
    { subject: layer.content.origin },
  )

const undecodable = (layer: Layer, error: Error): TarPushError =>
  new TarPushError(
    'DIFF_ID_MISMATCH',
    `layer ${layer.content.origin} does not decompress as ${layer.compression}: ${error.message}`,
    {
      subject: layer.content.origin,
      hint: whatToDo(
        layer,
        'the layer is damaged; save the image again',
        'the image in the registry is corrupt; push it again',
      ),
    },
  )

/**
 * Compressed bytes the diff_id check may lag behind the bytes passed on (the upload), for a
 * decoder in libuv's pool (zstd). The check so runs beside the upload instead of before it; only
 * when it falls this far behind does the upload wait. Bounds what the lag holds in memory.
 * (gzip's thread bounds its lag with its slots: gunzip-thread.ts.)
 */
const DIFF_ID_LAG = 4 * 1024 * 1024

/** Decodes what is written and hashes the result, beside the stream that passes it on. */
interface DecodedDigest {
  /** Takes the chunk (it is the caller's again once this returns or, if any, resolves). */
  write(chunk: Buffer): Promise<void> | undefined
  /** "algorithm:hex" of the decoded bytes; rejects with why they do not decode. */
  end(): Promise<string>
  destroy(): void
  /** Set once the bytes are known not to decode: later writes may be dropped. */
  readonly undecodable: boolean
}

/** gzip: decoded on the gzip thread, which hashes the output where it decodes it. */
function gzipThreadDigest(layer: Layer): DecodedDigest {
  // Opened at the first bytes: an open check keeps the process alive until it ends.
  let opened: GunzipCheck | undefined
  const check = () => (opened ??= openGunzipCheck(algorithmOf(layer.diffId)))
  let ended = false
  return {
    write(chunk) {
      const sending = check().write(chunk)
      if (!sending) return undefined
      // Part of the chunk waits for a slot: it is kept out of its pool until copied.
      holdChunk(chunk)
      return sending.finally(() => letGoChunk(chunk))
    },
    end() {
      ended = true
      return check()
        .end()
        .then(
          ({ digest }) => digest,
          (error: Error) =>
            Promise.reject(
              error instanceof GunzipThreadFailure ? error : undecodable(layer, error),
            ),
        )
    },
    destroy() {
      if (!ended) opened?.abort()
    },
    get undecodable() {
      return opened?.failure !== undefined
    },
  }
}

/** zstd (and none): a node:zlib decoder in libuv's pool, hashed on this thread. */
function poolDecoderDigest(layer: Layer): DecodedDigest {
  const decoder = createDecoder(layer.compression, DIFF_ID_LAG)
  const hash = createHash(algorithmOf(layer.diffId))
  // Decoded chunks are this check's own; without compression the decoder is a pass-through
  // and its chunks are the very ones passed on to the sink: those are not released.
  const decodes = layer.compression !== 'none'
  let failed = false
  decoder.on('data', (chunk: Buffer) => {
    hash.update(chunk)
    if (decodes) releaseDecodedChunk(chunk)
    else letGoChunk(chunk)
  })
  const decoded = new Promise<string>((resolve, reject) => {
    decoder.on('end', () => resolve(`${algorithmOf(layer.diffId)}:${hash.digest('hex')}`))
    decoder.on('error', (error: Error) => {
      failed = true
      reject(undecodable(layer, error))
    })
  })
  decoded.catch(() => {})
  return {
    write(chunk) {
      // The decoder reads the chunk later (it may lag): its hold keeps the chunk out of its
      // pool (chunk-pool.ts) until it is decoded, or hashed when there is nothing to decode.
      // Never let go on an error: the decoder's work may still be under way.
      holdChunk(chunk)
      const written = (error?: Error | null) => {
        if (!error && decodes) letGoChunk(chunk)
      }
      if (decoder.write(chunk, written)) return undefined
      return new Promise<void>((resolve) => {
        const go = () => {
          decoder.off('drain', go)
          decoder.off('close', go)
          resolve()
        }
        decoder.on('drain', go)
        decoder.on('close', go)
      })
    },
    end() {
      if (!failed) decoder.end()
      return decoded
    },
    destroy() {
      decoder.destroy()
    },
    get undecodable() {
      return failed
    },
  }
}

/**
 * Pass-through that also decompresses what flows by and hashes the result, failing at the end
 * when it is not the layer's diff_id. Each chunk is passed on at once and handed to the decoder,
 * which may fall behind by a bounded lag before the stream waits for it. Like VerifyingStream it
 * holds back its last byte until the check passed, so a consumer never completes a blob whose
 * check fails (a registry ends a PUT at its Content-Length). Bytes that do not decompress are
 * still passed on to the end, so that the digest check before it (a corrupt blob) speaks first;
 * then this fails with why they do not decompress.
 */
export class DiffIdCheck extends Transform {
  readonly #layer: Layer
  readonly #decoded: DecodedDigest
  readonly #hold: LastByteHold

  constructor(layer: Layer) {
    super()
    this.#layer = layer
    this.#hold = new LastByteHold(layer.content.size)
    this.#decoded =
      layer.compression === 'gzip' ? gzipThreadDigest(layer) : poolDecoderDigest(layer)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const sending = this.#decoded.undecodable ? undefined : this.#decoded.write(chunk)
    const passed = this.#hold.pass(this, chunk)
    if (passed) this.push(passed)
    if (!sending) done()
    else sending.then(() => done(), done)
  }

  override _flush(done: TransformCallback): void {
    this.#decoded.end().then(
      (actual) =>
        actual === this.#layer.diffId
          ? done(null, this.#hold.release())
          : done(diffIdMismatch(this.#layer, actual)),
      (error: Error) => done(error),
    )
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#decoded.destroy()
    callback(error)
  }
}

/**
 * The layer's stored bytes as they are written to a sink: checked against the blob digest and
 * size, and (for tar layers) against the diff_id, in the same single read.
 */
export async function openVerifiedLayer(layer: Layer, blobDigest: string): Promise<Readable> {
  const source = await layer.content.open()
  const verify = new VerifyingStream({
    digest: blobDigest,
    size: layer.content.size,
    onMismatch: (actual) =>
      actual.size < layer.content.size && layer.content.remote
        ? truncatedLayer(layer, actual.size)
        : blobMismatch(layer, { digest: blobDigest, size: layer.content.size }, actual),
  })
  const needsDiffIdCheck =
    layer.isTar && !(layer.compression === 'none' && blobDigest === layer.diffId)
  // The callback form returns the last stream and destroys every stage when one fails,
  // so the consumer (an upload, a file) sees the error instead of a clean end. The digest is
  // checked first: it ends first, so a corrupt blob is named as such, not as undecodable.
  const noop = () => {}
  return needsDiffIdCheck
    ? pipelineCallback(source, verify, new DiffIdCheck(layer), noop)
    : pipelineCallback(source, verify, noop)
}

/** An uncompressed layer read to be encoded: its bytes must be the diff_id, and all there. */
export function uncompressedLayerCheck(layer: Layer): VerifyingStream {
  return new VerifyingStream({
    digest: layer.diffId,
    size: layer.content.size,
    onMismatch: (actual) =>
      actual.size !== layer.content.size
        ? truncatedLayer(layer, actual.size)
        : diffIdMismatch(layer, actual.digest),
  })
}

/**
 * Reads a layer only to check it: what the sink already holds is never sent again, but the
 * source's bytes are still hashed, so a damaged tarball is refused on a warm registry as on a
 * cold one. `blobDigest` is the digest the stored bytes must have, when it is known.
 */
export async function verifyLayer(
  layer: Layer,
  blobDigest: string | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  const digest = blobDigest ?? layer.diffId
  const plainBytes = !layer.isTar || layer.compression === 'none'
  if (plainBytes && (blobDigest === undefined || !layer.isTar || blobDigest === layer.diffId)) {
    if (layer.content.openReader) {
      await hashInPlace(layer, digest, signal)
      return
    }
  }
  const stream =
    blobDigest !== undefined
      ? await openVerifiedLayer(layer, blobDigest)
      : pipelineCallback(await layer.content.open(), uncompressedLayerCheck(layer), () => {})
  await pipeline(stream, discard(), { signal })
}

/**
 * The checks of a push's local layers, each run once however many targets, steps or early
 * guesses ask for it (remote layers are not fetched only to be checked). One push shares them
 * across its targets; `stop()` ends what no one waited for.
 */
export class LayerChecks {
  readonly #running = new Map<Layer['content'], Promise<void>>()
  readonly #stopped = new AbortController()
  readonly #signal: AbortSignal

  constructor(signal: AbortSignal | undefined) {
    this.#signal = signal ? AbortSignal.any([signal, this.#stopped.signal]) : this.#stopped.signal
  }

  /** The layer's check against `blobDigest`, or its diff_id when that is undefined. */
  once(layer: Layer, blobDigest: string | undefined): Promise<void> {
    if (layer.content.remote) return Promise.resolve()
    let check = this.#running.get(layer.content)
    if (!check) {
      check = verifyLayer(layer, blobDigest, this.#signal)
      this.#running.set(layer.content, check)
    }
    return check
  }

  /** The layer went up through the verifier (it passed on the way): it need not be read again. */
  passed(layer: Layer): void {
    if (!this.#running.has(layer.content)) this.#running.set(layer.content, Promise.resolve())
  }

  /** Starts a check that may turn out not to be needed: its failure waits for a `once`. */
  guess(layer: Layer): void {
    this.once(layer, undefined).catch(() => {})
  }

  /** Stops the checks still running: those of guesses that turned out wrong. */
  stop(): void {
    this.#stopped.abort()
  }
}

/** The digest of a layer's stored bytes, when its source does not name it: one read. */
export async function digestOfLayer(
  layer: Layer,
  signal: AbortSignal | undefined,
): Promise<string> {
  const digesting = new DigestingStream()
  await pipeline(await layer.content.open(), digesting, discard(), { signal })
  return digesting.digest
}

const discard = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() })

/** Bytes hashed per read when only a hash is wanted: one buffer, reused, no garbage. */
const HASH_BLOCK = 1024 * 1024

/**
 * A check that needs only a hash of the stored bytes (an uncompressed layer, whose digest is
 * its diff_id, or an opaque blob), at the speed of sha256 (1.6 GB/s here) with no stream and no
 * garbage. A re-push reads every layer this way: the layers are queued for two threads.
 */
async function hashInPlace(
  layer: Layer,
  digest: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const algorithm = algorithmOf(digest)
  const range = layer.content.fileRange?.()
  const actual = await hashQueued(
    {
      size: layer.content.size,
      algorithm,
      range,
      hashHere: range
        ? (signal) => hashRangeHere(range, algorithm, signal)
        : (signal) => hashHere(layer, algorithm, signal),
    },
    signal,
  )
  if (actual.size !== layer.content.size) throw truncatedLayer(layer, actual.size)
  if (actual.digest === digest) return
  throw layer.isTar && digest === layer.diffId
    ? diffIdMismatch(layer, actual.digest)
    : blobMismatch(layer, { digest, size: layer.content.size }, actual)
}

/** Hashes bytes with no file range on this thread, into one reused buffer. */
async function hashHere(
  layer: Layer,
  algorithm: string,
  signal: AbortSignal | undefined,
): Promise<RangeDigest> {
  const reader = await layer.content.openReader!()
  const hash = createHash(algorithm)
  const block = Buffer.allocUnsafe(HASH_BLOCK)
  let size = 0
  try {
    for (;;) {
      signal?.throwIfAborted()
      const length = await reader.read(block)
      if (length === 0) break
      hash.update(block.subarray(0, length))
      size += length
    }
  } finally {
    await reader.close()
  }
  return { digest: `${algorithm}:${hash.digest('hex')}`, size }
}
