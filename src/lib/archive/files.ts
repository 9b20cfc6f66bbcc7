import { readSync } from 'node:fs'
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

/**
 * A read that took longer than this came from the disk, not the page cache (where 512 KiB takes
 * well under a millisecond): the reader's later reads go through the thread pool.
 */
export const SLOW_READ_MS = 4

/** Files a read was slow from: their later readers start asynchronous (one file, one disk). */
const slowFiles = new Set<string>()

/** A reader of a file range, with the way its reads are made now. */
export interface RangeReader extends SequentialReader {
  /** True while the reads block the thread (see openRangeReader). */
  readonly synchronous: boolean
}

/**
 * The bytes [start, start + size) of a file, read in order. Reads block the thread while they
 * are fast: the tarball of a push was mostly written just before, so its bytes are in the page
 * cache, and an asynchronous read's round trip through libuv's thread pool waits for a busy
 * main thread. The encoders fill their slots with these reads; done asynchronously, they left
 * the deflaters idle a quarter of a cold gzip push (1.58 s, against 1.50 s synchronous). The
 * first read slower than `slowReadMs` switches the reader, and every later reader of the same
 * file, to asynchronous reads, which let the reads of several layers overlap on a slow disk.
 */
export async function openRangeReader(
  path: string,
  start: number,
  size: number,
  options: { slowReadMs?: number } = {},
): Promise<RangeReader> {
  const slowReadMs = options.slowReadMs ?? SLOW_READ_MS
  const handle = await open(path, 'r')
  let position = start
  const end = start + size
  let synchronous = !slowFiles.has(path)
  const readSome = async (into: Buffer, offset: number, length: number): Promise<number> => {
    if (!synchronous) return (await handle.read(into, offset, length, position)).bytesRead
    const started = performance.now()
    const bytesRead = readSync(handle.fd, into, offset, length, position)
    if (performance.now() - started > slowReadMs) {
      synchronous = false
      slowFiles.add(path)
    }
    return bytesRead
  }
  return {
    get synchronous() {
      return synchronous
    },
    async read(into) {
      let filled = 0
      while (filled < into.length && position < end) {
        const wanted = Math.min(into.length - filled, end - position)
        const bytesRead = await readSome(into, filled, wanted)
        if (bytesRead === 0) throw new Error(`${path} ended at byte ${position}, before ${end}`)
        filled += bytesRead
        position += bytesRead
      }
      return filled
    },
    close: () => handle.close(),
  }
}
