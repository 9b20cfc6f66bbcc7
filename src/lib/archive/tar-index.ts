import { open, type FileHandle } from 'node:fs/promises'
import { posix } from 'node:path'
import type { Readable } from 'node:stream'
import { TarPushError } from '../errors.ts'
import type { FileRange } from '../image/model.ts'
import type { ArchiveFiles } from './files.ts'
import { openRangeStream } from '../pooled-file.ts'

/**
 * Indexes a tar file by reading its headers only, seeking over entry bodies, so a multi-GB
 * tarball is indexed in milliseconds and each layer can later be read by byte range.
 * Hand-written rather than tar-stream: tar-stream's extractor must read every body byte and
 * does not report entry offsets, which random access needs.
 */

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink'

export interface TarEntry {
  readonly name: string
  readonly type: TarEntryType
  readonly offset: number
  readonly size: number
  readonly linkname: string | undefined
}

/** The tar block: headers and bodies are laid out in 512-byte blocks. */
export const TAR_BLOCK = 512
const BLOCK = TAR_BLOCK
const MAX_LINK_DEPTH = 32
const MAX_META_SIZE = 1024 * 1024

const TYPE_NAMES: Record<string, string> = {
  '3': 'character device',
  '4': 'block device',
  '6': 'FIFO',
  '7': 'contiguous file',
  S: 'sparse file',
  V: 'volume header',
}

interface PendingMeta {
  path?: string
  linkpath?: string
  size?: number
}

export class TarIndex implements ArchiveFiles {
  readonly name: string
  readonly #path: string
  readonly #entries: Map<string, TarEntry>

  private constructor(path: string, displayName: string, entries: Map<string, TarEntry>) {
    this.#path = path
    this.name = displayName
    this.#entries = entries
  }

  /** Indexes `path`; `displayName` names it in errors (the user's file, not a spool file). */
  static async open(path: string, displayName = path): Promise<TarIndex> {
    const handle = await open(path, 'r')
    try {
      const entries = await readHeaders(handle, displayName)
      return new TarIndex(path, displayName, entries)
    } finally {
      await handle.close()
    }
  }

  get entries(): Iterable<TarEntry> {
    return this.#entries.values()
  }

  has(name: string): boolean {
    return this.#entries.has(cleanName(name))
  }

  /** Follows symlinks and hard links inside the archive to a regular file or directory. */
  resolve(name: string): TarEntry | undefined {
    let entry = this.#entries.get(cleanName(name))
    for (let depth = 0; entry && entry.type !== 'file' && entry.type !== 'directory'; depth++) {
      if (depth >= MAX_LINK_DEPTH) {
        throw new TarPushError('TARBALL_ENTRY', `link loop at "${name}"`, {
          subject: this.name,
          hint: 'links in an image archive lead to a file; this tarball was crafted or damaged',
        })
      }
      entry = this.#entries.get(linkTarget(entry, this.name))
    }
    return entry
  }

  sizeOf(name: string): number | undefined {
    const entry = this.resolve(name)
    return entry?.type === 'file' ? entry.size : undefined
  }

  open(name: string): Readable {
    const entry = this.#regularFile(name)
    return openRangeStream(this.#path, entry.offset, entry.size)
  }

  rangeOf(name: string): FileRange {
    const entry = this.#regularFile(name)
    return { path: this.#path, start: entry.offset, size: entry.size }
  }

  async readHead(name: string, length: number): Promise<Buffer> {
    const entry = this.#regularFile(name)
    return this.#read(entry, Math.min(length, entry.size))
  }

  async readAll(name: string, limit: number): Promise<Buffer> {
    const entry = this.#regularFile(name)
    if (entry.size > limit) {
      throw new TarPushError(
        'TARBALL_ENTRY',
        `"${name}" is ${entry.size} bytes, more than the ${limit} allowed for it`,
        {
          subject: this.name,
          hint: 'this file should be a small JSON document; the tarball is not an image archive or was altered',
        },
      )
    }
    return this.#read(entry, entry.size)
  }

  async #read(entry: TarEntry, length: number): Promise<Buffer> {
    const handle = await open(this.#path, 'r')
    try {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, entry.offset)
      if (bytesRead !== length) throw truncated(this.name, entry.name)
      return buffer
    } finally {
      await handle.close()
    }
  }

  async close(): Promise<void> {}

  #regularFile(name: string): TarEntry {
    const entry = this.resolve(name)
    if (!entry || entry.type !== 'file') {
      throw new TarPushError('TARBALL_MISSING_ENTRY', `"${name}" is not a file in the archive`, {
        subject: this.name,
        hint: 'the tarball is incomplete; save the image again',
      })
    }
    return entry
  }
}

const truncated = (archive: string, entry: string): TarPushError =>
  new TarPushError('TARBALL_UNREADABLE', `the archive ends inside "${entry}": it is truncated`, {
    subject: archive,
    hint: 'the file was cut short (an interrupted download, upload or save); produce it again',
  })

/** A clean relative name; absolute names and `..` are refused, as they could escape a target. */
export function cleanName(raw: string, archive?: string): string {
  const name = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  if (archive !== undefined) {
    if (raw.startsWith('/') || name.split('/').includes('..')) {
      throw new TarPushError(
        'TARBALL_ENTRY',
        `unsafe entry name "${raw}" (absolute or with "..")`,
        {
          subject: archive,
          hint: 'image archives hold relative names only; this tarball is not one or was crafted',
        },
      )
    }
  }
  return posix.normalize(name === '' ? '.' : name)
}

function linkTarget(entry: TarEntry, archive: string): string {
  const target = entry.linkname ?? ''
  const joined =
    entry.type === 'symlink'
      ? posix.join(posix.dirname(entry.name), target)
      : posix.normalize(target)
  if (target.startsWith('/') || joined === '..' || joined.startsWith('../')) {
    throw new TarPushError(
      'TARBALL_ENTRY',
      `link "${entry.name}" points outside the archive ("${target}")`,
      {
        subject: archive,
        hint: 'links in an image archive must stay inside it; this tarball was crafted or damaged',
      },
    )
  }
  return cleanName(joined)
}

async function readHeaders(handle: FileHandle, archive: string): Promise<Map<string, TarEntry>> {
  const { size: fileSize } = await handle.stat()
  const entries = new Map<string, TarEntry>()
  const header = Buffer.alloc(BLOCK)
  let position = 0
  let pending: PendingMeta = {}
  let globalMeta: PendingMeta = {}
  while (position + BLOCK <= fileSize) {
    const { bytesRead } = await handle.read(header, 0, BLOCK, position)
    if (bytesRead < BLOCK) break
    if (header.every((byte) => byte === 0)) return entries // end-of-archive marker
    if (!checksumMatches(header)) {
      throw new TarPushError(
        'TARBALL_UNREADABLE',
        `not a tar archive (bad header at byte ${position})`,
        {
          subject: archive,
          hint: 'pass an image tarball from docker save, podman save, skopeo or buildx (optionally gzip/zstd compressed)',
        },
      )
    }
    const typeflag = String.fromCharCode(header[156]!) || '0'
    const bodySize = pending.size ?? globalMeta.size ?? parseNumber(header, 124, 12)
    const bodyOffset = position + BLOCK
    if (bodyOffset + bodySize > fileSize) throw truncated(archive, readName(header))
    const next = bodyOffset + Math.ceil(bodySize / BLOCK) * BLOCK
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (bodySize > MAX_META_SIZE) throw truncated(archive, 'an oversized metadata header')
      const body = Buffer.alloc(bodySize)
      await handle.read(body, 0, bodySize, bodyOffset)
      if (typeflag === 'x') pending = { ...pending, ...parsePax(body) }
      else if (typeflag === 'g') globalMeta = { ...globalMeta, ...parsePax(body) }
      else if (typeflag === 'L') pending.path = cString(body)
      else pending.linkpath = cString(body)
      position = next
      continue
    }
    const rawName = pending.path ?? globalMeta.path ?? readName(header)
    const type = entryType(typeflag, rawName, archive)
    const name = cleanName(rawName, archive)
    const linkname = pending.linkpath ?? globalMeta.linkpath ?? nullTerminated(header, 157, 100)
    pending = {}
    position = next
    if (name === '.') continue
    const earlier = entries.get(name)
    if (earlier && !(earlier.type === 'directory' && type === 'directory')) {
      // Readers disagree on which copy wins; a tarball with two of one file is not trusted.
      throw new TarPushError('TARBALL_ENTRY', `entry "${name}" appears twice in the archive`, {
        subject: archive,
        hint: 'image archives name each file once; this tarball was appended to or crafted',
      })
    }
    entries.set(name, {
      name,
      type,
      offset: bodyOffset,
      size: type === 'file' ? bodySize : 0,
      linkname: type === 'symlink' || type === 'hardlink' ? linkname : undefined,
    })
  }
  if (position < fileSize || position === 0) {
    throw new TarPushError(
      'TARBALL_UNREADABLE',
      'the archive is truncated or empty (no end-of-archive marker)',
      {
        subject: archive,
        hint: 'the file was cut short; produce it again',
      },
    )
  }
  return entries
}

function entryType(typeflag: string, name: string, archive: string): TarEntryType {
  switch (typeflag) {
    case '0':
    case '\0':
    case '7':
      return 'file'
    case '1':
      return 'hardlink'
    case '2':
      return 'symlink'
    case '5':
      return 'directory'
    default:
      throw new TarPushError(
        'TARBALL_ENTRY',
        `entry "${name}" is a ${TYPE_NAMES[typeflag] ?? `type "${typeflag}" entry`}; image archives hold only files, directories and links`,
        { subject: archive, hint: 'this tarball is not an image archive or was crafted' },
      )
  }
}

/** Whether a 512-byte block is a tar header: its checksum field matches its bytes. */
export function checksumMatches(header: Buffer): boolean {
  const stored = parseNumber(header, 148, 8)
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : header[i]!
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === unsigned || stored === signed
}

function readName(header: Buffer): string {
  const name = nullTerminated(header, 0, 100)
  const isUstar = header.toString('latin1', 257, 262) === 'ustar'
  const prefix = isUstar ? nullTerminated(header, 345, 155) : ''
  return prefix ? `${prefix}/${name}` : name
}

function nullTerminated(buffer: Buffer, start: number, length: number): string {
  const end = buffer.indexOf(0, start)
  return buffer.toString('utf8', start, end === -1 || end > start + length ? start + length : end)
}

const cString = (buffer: Buffer): string => nullTerminated(buffer, 0, buffer.length)

/** Octal, or GNU base-256 when the high bit of the first byte is set (files over 8 GiB). */
function parseNumber(buffer: Buffer, start: number, length: number): number {
  if (buffer[start]! & 0x80) {
    let value = buffer[start]! & 0x7f
    for (let i = start + 1; i < start + length; i++) value = value * 256 + buffer[i]!
    return value
  }
  const text = buffer
    .toString('latin1', start, start + length)
    .replace(/[\0 ]+$/, '')
    .trim()
  return text === '' ? 0 : parseInt(text, 8)
}

function parsePax(body: Buffer): PendingMeta {
  const meta: PendingMeta = {}
  let position = 0
  while (position < body.length) {
    const space = body.indexOf(0x20, position)
    if (space === -1) break
    const length = parseInt(body.toString('latin1', position, space), 10)
    if (!Number.isFinite(length) || length <= 0) break
    const record = body.toString('utf8', space + 1, position + length - 1)
    const equals = record.indexOf('=')
    const key = record.slice(0, equals)
    const value = record.slice(equals + 1)
    if (key === 'path') meta.path = value
    else if (key === 'linkpath') meta.linkpath = value
    else if (key === 'size') meta.size = Number(value)
    position += length
  }
  return meta
}
