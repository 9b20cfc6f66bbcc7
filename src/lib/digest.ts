import { createHash, type Hash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { TarPushError } from './errors.ts'
import { noteBufferChurn } from './memory.ts'

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
export const hexOf = (digest: string): string => digest.slice(digest.indexOf(':') + 1)

/**
 * A pass-through stream that hashes and counts what flows through it. Like every stage that
 * sees each byte of a transfer, it reports the bytes to the memory policy (memory.ts).
 */
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
    noteBufferChurn(chunk.length)
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
 * Pass-through that fails at the end when the bytes do not match an expected digest and size.
 * It holds back its last chunk until they are checked, so a consumer never has every byte of a
 * blob that failed (a registry answering a PUT once it has Content-Length bytes, a file
 * complete on disk): it sees an error instead of a clean end and never commits them.
 */
export class VerifyingStream extends Transform {
  readonly #hash: Hash
  readonly #expected: { digest: string; size?: number }
  readonly #onMismatch: (actual: { digest: string; size: number }) => Error
  #held: Buffer | undefined
  bytes = 0

  constructor(options: {
    digest: string
    size?: number
    onMismatch: (actual: { digest: string; size: number }) => Error
  }) {
    super()
    this.#expected = options
    this.#onMismatch = options.onMismatch
    this.#hash = createHash(algorithmOf(options.digest))
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk)
    this.bytes += chunk.length
    noteBufferChurn(chunk.length)
    const previous = this.#held
    this.#held = chunk
    done(null, previous)
  }

  override _flush(done: TransformCallback): void {
    const digest = `${algorithmOf(this.#expected.digest)}:${this.#hash.digest('hex')}`
    const sizeMatches = this.#expected.size === undefined || this.#expected.size === this.bytes
    if (digest !== this.#expected.digest || !sizeMatches) {
      done(this.#onMismatch({ digest, size: this.bytes }))
      return
    }
    done(null, this.#held)
  }
}
