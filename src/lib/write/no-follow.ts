import { lstat, open, unlink, type FileHandle } from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'
import { TarPushError } from '../errors.ts'

/**
 * The rootfs writer never writes through a link, also when something else changes the output
 * directory while it writes. O_NOFOLLOW guards only the last component of a path, and Windows
 * has no O_NOFOLLOW at all; Node has no openat(2). So every file the writer opens is checked
 * after the open and before its first byte: the directory it was opened in must still be the
 * directory the writer made or checked there (same device and inode, not a link), and the
 * name must lead to the very file opened. A directory swapped for a link between the walk and
 * the open is caught there, on every platform, with or without O_NOFOLLOW.
 */

/** Which file a path is: device and inode (bigint: Windows' file ids exceed 2^53). */
export interface FileId {
  readonly dev: bigint
  readonly ino: bigint
}

export const fileIdOf = (stats: BigIntStats): FileId => ({ dev: stats.dev, ino: stats.ino })

export const sameFile = (a: FileId, b: FileId): boolean => a.dev === b.dev && a.ino === b.ino

/** lstat with bigint ids; undefined when nothing is there. */
export async function lstatId(path: string): Promise<BigIntStats | undefined> {
  try {
    return await lstat(path, { bigint: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw error
  }
}

export interface CheckedOpen {
  /** The path opened. */
  path: string
  /** What the file is called in messages (its name in the rootfs). */
  name: string
  flags: number
  mode?: number
  /** The directory the file must be in: its path and the id it had when the writer made or checked it. */
  parent: { path: string; id: FileId }
  /** The open creates the file: on a failed check it is removed again, if it can still be found. */
  creates: boolean
}

/** The output changed under the writer: a link or another directory took a directory's place. */
export function changedError(name: string): TarPushError {
  return new TarPushError(
    'OUTPUT_ERROR',
    `the output directory changed while it was written: the way to "${name}" is no longer the directory tar-push made (a link or another directory took its place); nothing was written through it`,
    {
      subject: name,
      hint: 'nothing else may change the output directory during a pull; pull again into a new directory',
    },
  )
}

/** Opens `options.path` and returns the handle only when it is the file it must be; see the module comment. */
export async function openChecked(options: CheckedOpen): Promise<FileHandle> {
  const handle = await open(options.path, options.flags, options.mode).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    // The directory the writer made or checked is gone from its place: changed under it.
    if (code === 'ENOENT' || code === 'ENOTDIR') throw changedError(options.name)
    throw error
  })
  let strayFile: FileId | undefined
  try {
    const [opened, parentNow, atPath] = await Promise.all([
      handle.stat({ bigint: true }),
      lstatId(options.parent.path),
      lstatId(options.path),
    ])
    const atOpened = atPath !== undefined && sameFile(fileIdOf(atPath), fileIdOf(opened))
    const inPlace =
      parentNow !== undefined &&
      parentNow.isDirectory() &&
      sameFile(fileIdOf(parentNow), options.parent.id) &&
      atOpened &&
      !atPath.isSymbolicLink()
    if (inPlace) return handle
    // Our new, empty file, reached through the link: taken away again once it is closed.
    if (options.creates && atOpened) strayFile = fileIdOf(opened)
    throw changedError(options.name)
  } catch (error) {
    // Closed first: Windows removes an open file only when its last handle goes.
    await handle.close().catch(() => {})
    if (strayFile !== undefined) await unlinkIfSame(options.path, strayFile)
    throw error
  }
}

/** Removes the file at `path` only while it is still the file `id` (best effort). */
async function unlinkIfSame(path: string, id: FileId): Promise<void> {
  const now = await lstatId(path).catch(() => undefined)
  if (now !== undefined && sameFile(fileIdOf(now), id)) await unlink(path).catch(() => {})
}

/** Throws when `path` is no longer the directory with `id` (before a removal in it). */
export async function assertDirectory(path: string, id: FileId, name: string): Promise<void> {
  const now = await lstatId(path)
  if (now === undefined || !now.isDirectory() || !sameFile(fileIdOf(now), id)) {
    throw changedError(name)
  }
}
