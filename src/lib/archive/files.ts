import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { FileRange, SequentialReader } from '../image/model.ts'

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
  /** Where the file's bytes lie (links resolved), to be read with `openRangeReader`. */
  rangeOf(name: string): FileRange
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
