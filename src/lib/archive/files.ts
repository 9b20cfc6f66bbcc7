import type { Readable } from 'node:stream'

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
  /** The whole file, refused when larger than `limit` (JSON documents, never layers). */
  readAll(name: string, limit: number): Promise<Buffer>
  close(): Promise<void>
}
