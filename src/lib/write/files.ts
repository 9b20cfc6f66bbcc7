import { randomBytes } from 'node:crypto'
import { chmod, lstat, mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { TarPushError } from '../errors.ts'
import { writeFully, type WritableFile } from '../pooled-file.ts'
import type { BlobToPut } from '../image/sink.ts'

/**
 * What the disk sinks share: temporary names next to their target, the writing of a blob's
 * stream to a file, the removal of what they wrote, and the bookkeeping that lets `abort` stop
 * every write still running before it removes anything.
 */

/**
 * A temporary name in the target's own directory (`.out.tar.tar-push-<pid>-<random>`): the
 * commit is then a rename on one file system, and nothing goes to the system temp dir.
 */
export function tempSibling(target: string, suffix = ''): string {
  const random = randomBytes(4).toString('hex')
  return join(dirname(target), `.${basename(target)}.tar-push-${process.pid}-${random}${suffix}`)
}

/** A failed write of the output (disk full, permissions), named as such. */
export function outputError(error: unknown, subject?: string): TarPushError {
  if (error instanceof TarPushError) return error
  const cause = error as NodeJS.ErrnoException
  return new TarPushError('OUTPUT_ERROR', `cannot write the output: ${cause.message}`, {
    subject: cause.path ?? subject,
    hint: cause.code === 'ENOSPC' ? 'free disk space' : 'check the output path and its permissions',
    cause: error,
  })
}

/** An error of the file system (it has an errno code), as opposed to one of the bytes read. */
export const isFileSystemError = (error: unknown): boolean =>
  !(error instanceof TarPushError) &&
  typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' &&
  typeof (error as NodeJS.ErrnoException).syscall === 'string'

/**
 * Makes the missing ancestors of `directory`; returns the topmost one it made (to remove on
 * abort), or undefined when all were there.
 */
export async function makeDirectories(directory: string): Promise<string | undefined> {
  try {
    return await mkdir(directory, { recursive: true })
  } catch (error) {
    throw outputError(error, directory)
  }
}

const lengthError = (blob: BlobToPut, what: string): TarPushError =>
  new TarPushError(
    'BLOB_DIGEST_MISMATCH',
    `blob ${blob.digest} is ${what} than its descriptor's ${blob.size} bytes`,
    { subject: blob.digest, hint: 'the source serves a corrupt blob; push the image again' },
  )

/**
 * Writes `stream` (the engine's verified bytes of `blob`) at `position` of an open file, or at
 * its current position when `position` is null; fails, having written no byte past the blob's
 * size, when the stream errors or has not exactly `blob.size` bytes. Errors of the file system
 * become OUTPUT_ERROR; the stream's own errors (verification, network) pass unchanged.
 */
export async function writeStream(
  stream: Readable,
  handle: WritableFile,
  blob: BlobToPut,
  position: number | null,
): Promise<void> {
  let written = 0
  // Readable's chunks are Buffers here: every stream the engine hands over is a byte stream.
  for await (const data of stream as AsyncIterable<Buffer>) {
    if (written + data.length > blob.size) throw lengthError(blob, 'longer')
    await writeFully(handle, data, position === null ? null : position + written).catch(
      (error: unknown) => {
        throw outputError(error)
      },
    )
    written += data.length
  }
  if (written !== blob.size) throw lengthError(blob, 'shorter')
}

/** Writes a blob's stream to a new file at `path`; on any failure the file is removed. */
export async function writeBlobFile(
  stream: Readable,
  path: string,
  blob: BlobToPut,
): Promise<void> {
  const handle = await open(path, 'wx').catch((error: unknown) => {
    stream.destroy()
    throw outputError(error, path)
  })
  let closed = false
  try {
    await writeStream(stream, handle, blob, null)
    closed = true
    await handle.close().catch((error: unknown) => {
      throw outputError(error, path)
    })
  } catch (error) {
    if (!closed) await handle.close().catch(() => {})
    await rm(path, { force: true })
    throw error
  }
}

/**
 * Renames `from` onto `to`. A directory replaces an empty directory (rename(2) does that on
 * POSIX; elsewhere the empty one is removed first); a non-empty one is never replaced.
 */
export async function renameOnto(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EISDIR') {
      throw outputError(error, to)
    }
    const stats = await lstat(to).catch(() => undefined)
    if (!stats?.isDirectory()) throw outputError(error, to)
    try {
      await rmdir(to)
      await rename(from, to)
    } catch (retryError) {
      throw outputError(retryError, to)
    }
  }
}

/**
 * Removes a tree this sink wrote, also one whose directories an image made read-only (a
 * rootfs after its directory modes were applied).
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EACCES' && code !== 'EPERM') throw error
    await makeWritable(path)
    await rm(path, { recursive: true, force: true })
  }
}

async function makeWritable(path: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined)
  if (!stats?.isDirectory()) return
  await chmod(path, (stats.mode & 0o7777) | 0o700)
  for (const entry of await readdir(path)) await makeWritable(join(path, entry))
}

type State = 'open' | 'committing' | 'committed' | 'aborted'

/**
 * The puts a sink has running and the streams they read. `abort` stops the streams (their
 * puts then fail) and waits for every put to settle before it removes files, so that no put
 * writes into a place that was just cleaned up.
 */
export class Puts {
  readonly #name: string
  #state: State = 'open'
  readonly #streams = new Set<Readable>()
  readonly #running = new Set<Promise<unknown>>()
  #aborting: Promise<void> | undefined

  constructor(name: string) {
    this.#name = name
  }

  get state(): State {
    return this.#state
  }

  set state(state: State) {
    this.#state = state
  }

  assertOpen(): void {
    if (this.#state !== 'open') {
      throw new Error(`${this.#name}: the sink is ${this.#state}; nothing more can be put`)
    }
  }

  /** Runs a put (refused once the sink is committing or aborted) and tracks it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.assertOpen()
    const running = task()
    const tracked = running.finally(() => this.#running.delete(tracked))
    tracked.catch(() => {})
    this.#running.add(tracked)
    return running
  }

  /** Opens a blob's stream, to be destroyed when the sink stops. */
  async open(blob: BlobToPut): Promise<Readable> {
    const stream = await blob.open()
    if (this.#state !== 'open') {
      stream.destroy()
      this.assertOpen()
    }
    this.#streams.add(stream)
    stream.once('close', () => this.#streams.delete(stream))
    return stream
  }

  /** Destroys every open stream (with `error`, which their puts then throw). */
  stopStreams(error?: Error): void {
    for (const stream of this.#streams) stream.destroy(error)
  }

  /** Waits until no put is running. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running])
  }

  /**
   * The one abort of a sink: runs once, and never after a commit. Stops the sink's streams
   * (and whatever `stopping` stops), waits for every put to settle, then `undo` removes what
   * the sink wrote, so that no put writes into a place just cleaned up.
   */
  abort(steps: { stopping?: () => void; undo: () => Promise<void> }): Promise<void> {
    this.#aborting ??= (async () => {
      if (this.#state === 'committed') return
      this.#state = 'aborted'
      steps.stopping?.()
      this.stopStreams()
      await this.settled()
      await steps.undo()
    })()
    return this.#aborting
  }
}
