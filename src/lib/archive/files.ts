import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { ChunkPool } from '../chunk-pool.ts'
import type { SequentialReader } from '../image/model.ts'

/**
 * Named files of an image archive, read by name: the entries of a tarball or the files of an
 * OCI layout directory. Names are clean relative paths ("blobs/sha256/ab…"); links are resolved
 * by the implementation and never lead outside the archive.
 */
export interface ArchiveFiles {
  /** Human-readable name of the archive, for messages. */
  readonly name: string
  /** Size of a regular file (links followed), or undefined when there is no such file. */
  sizeOf(name: string): number | undefined
  /** The first bytes of a file (magic numbers). */
  readHead(name: string, length: number): Promise<Buffer>
  /** A stream of the file's bytes. */
  open(name: string): Readable
  /** The file's bytes read into buffers the caller supplies (and may reuse). */
  openReader(name: string): Promise<SequentialReader>
  /** The whole file, refused when larger than `limit` (JSON documents, never layers). */
  readAll(name: string, limit: number): Promise<Buffer>
  close(): Promise<void>
}

export async function openRangeReader(
  path: string,
  start: number,
  size: number,
): Promise<SequentialReader> {
  const handle = await open(path, 'r')
  let position = start
  const end = start + size
  return {
    async read(into) {
      let filled = 0
      while (filled < into.length && position < end) {
        const wanted = Math.min(into.length - filled, end - position)
        const { bytesRead } = await handle.read(into, filled, wanted, position)
        if (bytesRead === 0) throw new Error(`${path} ended at byte ${position}, before ${end}`)
        filled += bytesRead
        position += bytesRead
      }
      return filled
    },
    close: () => handle.close(),
  }
}

/**
 * File reads for streams, in reused buffers (chunk-pool.ts): a stream read of a blob allocates
 * no Buffer per read once the pool holds what the pipeline keeps in flight (the read-ahead of
 * its stages, the diff_id check's lag).
 */
// Reads of 256 KiB, not 1 MiB: every stage of a pipeline (and the upload) holds a chunk or two,
// so the chunk size multiplies; an OCI push peaked 11 MB lower at the same speed.
const fileChunks = new ChunkPool({ size: 256 * 1024, keep: 32 })

/** The bytes [start, start + size) of a file as a stream, read into the pool's buffers. */
export function openRangeStream(path: string, start: number, size: number): Readable {
  let handle: FileHandle | undefined
  let position = start
  const end = start + size
  return new Readable({
    highWaterMark: fileChunks.size,
    construct(done) {
      open(path, 'r').then(
        (opened) => {
          handle = opened
          done()
        },
        (error: Error) => done(error),
      )
    },
    read() {
      if (position >= end) {
        this.push(null)
        return
      }
      const whole = fileChunks.take()
      const wanted = Math.min(whole.length, end - position)
      handle!.read(whole, 0, wanted, position).then(
        ({ bytesRead }) => {
          if (bytesRead === 0) {
            fileChunks.giveBack(whole)
            this.destroy(new Error(`${path} ended at byte ${position}, before ${end}`))
            return
          }
          position += bytesRead
          this.push(fileChunks.lend(whole, bytesRead))
        },
        (error: Error) => {
          fileChunks.giveBack(whole)
          this.destroy(error)
        },
      )
    },
    destroy(error, done) {
      const closing = handle?.close() ?? Promise.resolve()
      handle = undefined
      closing.then(
        () => done(error),
        () => done(error),
      )
    },
  })
}
