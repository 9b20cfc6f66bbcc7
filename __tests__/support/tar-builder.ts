/**
 * A small tar writer/reader over tar-stream for the test corpus. It writes exactly the entries it
 * is given — absolute names, `..`, devices, fifos, links anywhere — because the hostile corpus
 * needs tarballs no well-behaved tool would produce.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { gunzipSync, zstdDecompressSync } from 'node:zlib'
import { extract, pack } from 'tar-stream'
import type { Header } from 'tar-stream'

export type TarEntry =
  | { kind: 'file'; name: string; data: Buffer | string; mode?: number }
  | { kind: 'dir'; name: string }
  | { kind: 'symlink'; name: string; target: string }
  | { kind: 'hardlink'; name: string; target: string }
  | { kind: 'char-device' | 'block-device'; name: string; major: number; minor: number }
  | { kind: 'fifo'; name: string; mode?: number }

/** One entry as read back; links keep their target in `linkname` and carry no data. */
export interface ReadEntry {
  name: string
  type: Header['type']
  linkname: string | undefined
  data: Buffer
}

// A fixed mtime keeps TS-built tarballs byte-for-byte reproducible.
const EPOCH = new Date(0)

function headerFor(entry: TarEntry): Partial<Header> & Pick<Header, 'name'> {
  const common = { name: entry.name, mtime: EPOCH, uid: 0, gid: 0, uname: 'root', gname: 'root' }
  switch (entry.kind) {
    case 'file':
      return { ...common, type: 'file', mode: entry.mode ?? 0o644 }
    case 'dir':
      return { ...common, type: 'directory', mode: 0o755 }
    case 'symlink':
      return { ...common, type: 'symlink', mode: 0o777, linkname: entry.target }
    case 'hardlink':
      return { ...common, type: 'link', mode: 0o644, linkname: entry.target }
    case 'char-device':
      return {
        ...common,
        type: 'character-device',
        mode: 0o600,
        devmajor: entry.major,
        devminor: entry.minor,
      }
    case 'block-device':
      return {
        ...common,
        type: 'block-device',
        mode: 0o600,
        devmajor: entry.major,
        devminor: entry.minor,
      }
    case 'fifo':
      return { ...common, type: 'fifo', mode: entry.mode ?? 0o600 }
  }
}

/** The tarball bytes for `entries`, in the given order. Names longer than ustar allows get PAX headers. */
export async function tarBytes(entries: readonly TarEntry[]): Promise<Buffer> {
  const packer = pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    // streamx types its chunks as unknown; pack() only ever emits Buffers.
    for await (const chunk of packer) chunks.push(chunk as Buffer)
  })()
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error | null) => (err ? reject(err) : resolve())
      if (entry.kind === 'file') packer.entry(headerFor(entry), Buffer.from(entry.data), done)
      else packer.entry(headerFor(entry), done)
    })
  }
  packer.finalize()
  await collected
  return Buffer.concat(chunks)
}

export async function writeTar(path: string, entries: readonly TarEntry[]): Promise<void> {
  await writeFile(path, await tarBytes(entries))
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b])
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])

export function wrapperOf(bytes: Buffer): 'gzip' | 'zstd' | undefined {
  if (bytes.subarray(0, 2).equals(GZIP_MAGIC)) return 'gzip'
  if (bytes.subarray(0, 4).equals(ZSTD_MAGIC)) return 'zstd'
  return undefined
}

/** Removes a whole-file gzip/zstd wrapper, if any (detected from content, never the name). */
export function unwrap(bytes: Buffer): Buffer {
  const wrapper = wrapperOf(bytes)
  if (wrapper === 'gzip') return gunzipSync(bytes)
  if (wrapper === 'zstd') return zstdDecompressSync(bytes)
  return bytes
}

/** All entries of a (possibly wrapped) tarball held in memory; fine for the small corpus. */
export async function readTar(bytes: Buffer): Promise<ReadEntry[]> {
  const extractor = extract()
  const entries: ReadEntry[] = []
  const done = (async () => {
    for await (const entry of extractor) {
      const chunks: Buffer[] = []
      for await (const chunk of entry) chunks.push(chunk as Buffer)
      const { name, type, linkname } = entry.header
      entries.push({
        name,
        type,
        // tar-stream gives null, not '', for entries without a link target.
        linkname: linkname || undefined,
        data: Buffer.concat(chunks),
      })
    }
  })()
  extractor.end(unwrap(bytes))
  await done
  return entries
}

export async function readTarFile(path: string): Promise<ReadEntry[]> {
  return readTar(await readFile(path))
}

function normalize(name: string): string {
  const parts: string[] = []
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

/**
 * The content of entry `name`, following symlinks (relative to the link's directory) and
 * hardlinks (relative to the archive root) the way docker and skopeo readers do.
 */
export function entryData(entries: readonly ReadEntry[], name: string, hops = 0): Buffer {
  const wanted = normalize(name)
  const entry = entries.find((e) => normalize(e.name) === wanted)
  if (!entry) throw new Error(`no entry ${name} in tarball`)
  if (hops > 8) throw new Error(`link loop at ${name}`)
  if (entry.type === 'symlink' && entry.linkname !== undefined) {
    const dir = wanted.split('/').slice(0, -1).join('/')
    return entryData(entries, `${dir}/${entry.linkname}`, hops + 1)
  }
  if (entry.type === 'link' && entry.linkname !== undefined)
    return entryData(entries, entry.linkname, hops + 1)
  return entry.data
}
