import { createHash, type Hash } from 'node:crypto'
import { once } from 'node:events'
import type { Transform } from 'node:stream'
import { createDecoder } from '../compress.ts'
import { shortDigest } from '../copy.ts'
import { algorithmOf } from '../digest.ts'
import { TarPushError } from '../errors.ts'
import { transportError } from '../http/transport.ts'
import type { Compression, Descriptor } from '../model.ts'
import type { ProgressListener } from '../progress.ts'
import type { RepositoryClient } from '../registry/repository.ts'

/** Where a downloaded blob goes: a file of a layout, or a region of an archive being written. */
export interface BlobWriter {
  /** Writes bytes at `position` of the blob; calls come in order, one at a time. */
  write(chunk: Buffer, position: number): Promise<void>
  /** The bytes were verified: make the blob visible (rename into place). */
  commit(): Promise<void>
  /** The download failed: drop what was written. */
  abort(): Promise<void>
}

export interface DownloadOptions {
  /** The layer's diff_id: its decompressed bytes are hashed while downloading and must match. */
  diffId?: string | undefined
  compression?: Compression | undefined
  /** Called with each verified byte count, for progress. */
  onProgress?: (bytes: number) => void
  /** Byte counts for a progress display, under the blob's digest. */
  progress?: ProgressListener | undefined
}

/**
 * Downloads one blob into `writer`, verifying size and digest (and diff_id) while streaming.
 * A connection that breaks off is resumed where it stopped with a Range request; a registry
 * that ignores Range sends the whole blob again and the checks start over.
 */
export async function downloadBlob(
  repository: RepositoryClient,
  descriptor: Descriptor,
  writer: BlobWriter,
  options: DownloadOptions = {},
): Promise<void> {
  const url = repository.client.resolve(`/v2/${repository.path}/blobs/${descriptor.digest}`)
  let check = new ContentCheck(descriptor, options)
  let offset = 0
  const progress = options.progress
  const started = () =>
    progress?.blobStarted(descriptor.digest, shortDigest(descriptor.digest), descriptor.size)
  started()
  try {
    await repository.client.withRetries(`GET ${url}`, async () => {
      const response = await repository.openBlob(descriptor.digest, offset)
      if (offset > 0 && response.statusCode === 200) {
        // Range not honoured: the whole blob comes again, so the checks start over.
        check.close()
        check = new ContentCheck(descriptor, options)
        offset = 0
        started()
      }
      let writeError: unknown
      try {
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          if (offset + chunk.length > descriptor.size) {
            response.body.destroy()
            throw sizeMismatch(descriptor, url, `more than ${descriptor.size} bytes`)
          }
          const written = writer.write(chunk, offset).catch((error: unknown) => {
            writeError = error
            throw error
          })
          await Promise.all([written, check.update(chunk)])
          offset += chunk.length
          options.onProgress?.(chunk.length)
          progress?.blobBytes(descriptor.digest, chunk.length)
        }
      } catch (error) {
        response.body.destroy()
        if (error === writeError) throw outputError(error)
        throw transportError(error, 'GET', url)
      }
      if (offset < descriptor.size) {
        throw new TarPushError(
          'NETWORK_ERROR',
          `GET ${url} ended after ${offset} of ${descriptor.size} bytes`,
          { subject: url, hint: 'the connection broke off; try again', retryable: true },
        )
      }
    })
    await check.finish(url)
    await writer.commit()
    progress?.blobDone(descriptor.digest, 'downloaded')
  } catch (error) {
    progress?.blobDone(descriptor.digest, 'failed')
    check.close()
    await writer.abort()
    throw error
  }
}

/** A failed write of the output (disk full, permissions), named as such rather than as a network error. */
export function outputError(error: unknown): TarPushError {
  const cause = error as NodeJS.ErrnoException
  return new TarPushError('OUTPUT_ERROR', `cannot write the output: ${cause.message}`, {
    subject: cause.path,
    hint: cause.code === 'ENOSPC' ? 'free disk space' : 'check the output path and its permissions',
    cause: error,
  })
}

function sizeMismatch(descriptor: Descriptor, url: string, what: string): TarPushError {
  return new TarPushError(
    'BLOB_DIGEST_MISMATCH',
    `the blob ${descriptor.digest} from ${url} is ${what}; its descriptor says ${descriptor.size}`,
    { subject: url, hint: 'the registry serves a corrupt blob; push the image again' },
  )
}

/** Hashes the stored bytes and, for a layer, its decompressed tar (the diff_id). */
class ContentCheck {
  readonly #descriptor: Descriptor
  readonly #hash: Hash
  readonly #diffId: string | undefined
  readonly #decompressor: Transform | undefined
  readonly #diffHash: Hash | undefined
  #decompressError: Error | undefined

  constructor(descriptor: Descriptor, options: DownloadOptions) {
    this.#descriptor = descriptor
    this.#hash = createHash(algorithmOf(descriptor.digest))
    this.#diffId = options.diffId
    if (options.diffId && options.compression && options.compression !== 'none') {
      this.#decompressor = createDecoder(options.compression, 1024 * 1024)
      const diffHash = createHash(algorithmOf(options.diffId))
      this.#diffHash = diffHash
      this.#decompressor.on('data', (chunk: Buffer) => diffHash.update(chunk))
      // A corrupt stream is reported by finish(), once the stored digest has been checked.
      this.#decompressor.on('error', (error: Error) => (this.#decompressError ??= error))
    }
  }

  async update(chunk: Buffer): Promise<void> {
    this.#hash.update(chunk)
    const decompressor = this.#decompressor
    if (decompressor && !decompressor.destroyed && !decompressor.write(chunk)) {
      // Wait for room, or for the end of a stream that failed (finish() reports why).
      await new Promise<void>((resolve) => {
        const done = () => {
          decompressor.off('drain', done)
          decompressor.off('close', done)
          resolve()
        }
        decompressor.on('drain', done)
        decompressor.on('close', done)
      })
    }
  }

  async finish(url: string): Promise<void> {
    const digest = `${algorithmOf(this.#descriptor.digest)}:${this.#hash.digest('hex')}`
    if (digest !== this.#descriptor.digest) {
      throw new TarPushError(
        'BLOB_DIGEST_MISMATCH',
        `the blob from ${url} hashes to ${digest}, not ${this.#descriptor.digest}`,
        { subject: url, hint: 'the registry serves a corrupt blob; push the image again' },
      )
    }
    if (!this.#diffId) return
    let diffId = digest
    if (this.#decompressor && this.#diffHash) {
      const decompressor = this.#decompressor
      if (!this.#decompressError) {
        const ended = once(decompressor, 'end')
        decompressor.end()
        await ended.catch(() => {})
      }
      if (this.#decompressError) {
        throw this.#diffError(url, `does not decompress (${this.#decompressError.message})`)
      }
      diffId = `${algorithmOf(this.#diffId)}:${this.#diffHash.digest('hex')}`
    }
    if (diffId !== this.#diffId) {
      throw this.#diffError(url, `decompresses to ${diffId}, not its diff_id ${this.#diffId}`)
    }
  }

  #diffError(url: string, what: string): TarPushError {
    return new TarPushError('DIFF_ID_MISMATCH', `the layer ${this.#descriptor.digest} ${what}`, {
      subject: url,
      hint: 'the image in the registry is corrupt (layer and config disagree); push it again',
    })
  }

  close(): void {
    this.#decompressor?.destroy()
  }
}
