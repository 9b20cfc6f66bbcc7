/**
 * A directory tree as comparable facts: per path its type, permission bits, symlink target and
 * content hash — what "the same root filesystem" means when ours is compared with umoci's.
 */
import { createHash } from 'node:crypto'
import { lstat, readdir, readFile, readlink } from 'node:fs/promises'
import { join } from 'node:path'

export interface TreeEntry {
  type: 'file' | 'dir' | 'symlink' | 'fifo' | 'char' | 'block' | 'other'
  mode: number
  target?: string
  sha256?: string
  /** Number of paths sharing this inode among regular files (hardlinks). */
  links?: number
}

export async function snapshotTree(root: string): Promise<Map<string, TreeEntry>> {
  const entries = new Map<string, TreeEntry>()
  const walk = async (relative: string): Promise<void> => {
    for (const name of (await readdir(join(root, relative))).sort()) {
      const path = relative ? `${relative}/${name}` : name
      const full = join(root, path)
      const stats = await lstat(full)
      const mode = stats.mode & 0o7777
      if (stats.isDirectory()) {
        entries.set(path, { type: 'dir', mode })
        await walk(path)
      } else if (stats.isSymbolicLink()) {
        entries.set(path, { type: 'symlink', mode: 0, target: await readlink(full) })
      } else if (stats.isFile()) {
        const sha256 = createHash('sha256')
          .update(await readFile(full))
          .digest('hex')
        entries.set(path, { type: 'file', mode, sha256, links: stats.nlink })
      } else {
        const type = stats.isFIFO()
          ? 'fifo'
          : stats.isCharacterDevice()
            ? 'char'
            : stats.isBlockDevice()
              ? 'block'
              : 'other'
        entries.set(path, { type, mode })
      }
    }
  }
  await walk('')
  return entries
}

/** Differences as readable lines (empty when the trees are the same). */
export function diffTrees(ours: Map<string, TreeEntry>, theirs: Map<string, TreeEntry>): string[] {
  const lines: string[] = []
  for (const [path, entry] of theirs) {
    const mine = ours.get(path)
    if (!mine) lines.push(`missing in ours: ${path} ${JSON.stringify(entry)}`)
    else if (JSON.stringify(mine) !== JSON.stringify(entry))
      lines.push(`differs: ${path} ours ${JSON.stringify(mine)} theirs ${JSON.stringify(entry)}`)
  }
  for (const path of ours.keys()) if (!theirs.has(path)) lines.push(`only in ours: ${path}`)
  return lines
}
