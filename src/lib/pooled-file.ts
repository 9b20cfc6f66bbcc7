import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { ChunkPool } from './chunk-pool.ts'

/** What `writeFully` needs of a file: FileHandle's positioned write. */
export interface WritableFile {
  write(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesWritten: number }>
}

/**
 * Writes all of `data` at `position` of the file (null: its current position): a write may take
 * fewer bytes than it was given, so the rest is written again until none is left.
 */
export async function writeFully(
  file: WritableFile,
  data: Buffer,
  position: number | null,
): Promise<void> {
  for (let offset = 0; offset < data.length;) {
    const at = position === null ? null : position + offset
    const { bytesWritten } = await file.write(data, offset, data.length - offset, at)
    offset += bytesWritten
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

/**
 * The bytes [start, start + size) of a file as a stream, read into the pool's buffers; without
 * `size`, to the end of the file, whatever its length (a reader that checks it says what came).
 */
export function openRangeStream(path: string, start: number, size?: number): Readable {
  let handle: FileHandle | undefined
  let position = start
  const end = size === undefined ? Infinity : start + size
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
          if (bytesRead === 0 && end === Infinity) {
            fileChunks.giveBack(whole)
            this.push(null)
            return
          }
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
