import { createHash, type Hash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { TarPushError } from './errors.ts'

const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/
const SHA512_DIGEST = /^sha512:[a-f0-9]{128}$/

export const isDigest = (value: string): boolean =>
  SHA256_DIGEST.test(value) || SHA512_DIGEST.test(value)

/** Digests become file names and URL paths: refuse anything but a well-formed one. */
export function assertDigest(value: unknown, subject: string): string {
  if (typeof value !== 'string' || !isDigest(value)) {
    throw new TarPushError('TARBALL_JSON', `not a valid digest: ${JSON.stringify(value)}`, {
      subject,
      hint: 'digests look like sha256:<64 lowercase hex>; the file was written by a broken tool or altered',
    })
  }
  return value
}

export const sha256 = (data: Buffer | string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`

export const algorithmOf = (digest: string): string => digest.slice(0, digest.indexOf(':'))

/** The digest of whole bytes (a manifest, a config) in `algorithm` (sha256 or sha512). */
export const digestIn = (algorithm: string, bytes: Buffer): string =>
  `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`

/**
 * The check of every document read whole, whatever its source: its bytes hash to the digest
 * that names it, in that digest's algorithm (streamed blobs: VerifyingStream).
 */
export const matchesDigest = (bytes: Buffer, digest: string): boolean =>
  digestIn(algorithmOf(digest), bytes) === digest
export const hexOf = (digest: string): string => digest.slice(digest.indexOf(':') + 1)

/** A pass-through stream that hashes and counts what flows through it. */
export class DigestingStream extends Transform {
  readonly #hash: Hash
  readonly #algorithm: string
  bytes = 0
  #digest: string | undefined

  constructor(algorithm = 'sha256') {
    super()
    this.#algorithm = algorithm
    this.#hash = createHash(algorithm)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk)
    this.bytes += chunk.length
    done(null, chunk)
  }

  override _flush(done: TransformCallback): void {
    this.#digest = `${this.#algorithm}:${this.#hash.digest('hex')}`
    done()
  }

  /** Available once the stream has ended. */
  get digest(): string {
    if (this.#digest === undefined) throw new Error('digest read before the stream ended')
    return this.#digest
  }
}

/**
 * Passes `chunk` on, except the stream's last byte, which waits for `release` (after the
 * checks): a consumer never has every byte of a blob that failed them (a registry answering a
 * PUT once it has Content-Length bytes, a file complete on disk), it sees an error instead of a
 * clean end and never commits them. Holds one byte, only at the end (with `size` known).
 */
export class LastByteHold {
  readonly #size: number | undefined
  #seen = 0
  #held: Buffer | undefined

  constructor(size: number | undefined) {
    this.#size = size
  }

  pass(stream: Transform, chunk: Buffer): Buffer | undefined {
    this.#seen += chunk.length
    if (this.#size !== undefined && this.#seen < this.#size) return chunk
    if (this.#held) stream.push(this.#held)
    // A copy, not a view: the chunk may go back to its pool (chunk-pool.ts) once passed on.
    this.#held = Buffer.from(chunk.subarray(chunk.length - 1))
    return chunk.length > 1 ? chunk.subarray(0, chunk.length - 1) : undefined
  }

  release(): Buffer | undefined {
    return this.#held
  }
}

/**
 * Pass-through that fails at the end when the bytes do not match an expected digest and size,
 * its last byte held back until they are checked (LastByteHold).
 */
export class VerifyingStream extends Transform {
  readonly #hash: Hash
  readonly #expected: { digest: string; size?: number }
  readonly #onMismatch: (actual: { digest: string; size: number }) => Error
  readonly #hold: LastByteHold
  bytes = 0

  constructor(options: {
    digest: string
    size?: number
    onMismatch: (actual: { digest: string; size: number }) => Error
  }) {
    super()
    this.#hold = new LastByteHold(options.size)
    this.#expected = options
    this.#onMismatch = options.onMismatch
    this.#hash = createHash(algorithmOf(options.digest))
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk)
    this.bytes += chunk.length
    done(null, this.#hold.pass(this, chunk))
  }

  override _flush(done: TransformCallback): void {
    const digest = `${algorithmOf(this.#expected.digest)}:${this.#hash.digest('hex')}`
    const sizeMatches = this.#expected.size === undefined || this.#expected.size === this.bytes
    if (digest !== this.#expected.digest || !sizeMatches) {
      done(this.#onMismatch({ digest, size: this.bytes }))
      return
    }
    done(null, this.#hold.release())
  }
}
