/**
 * What a file is, told by its first bytes (magic numbers), as `file(1)` tells it: a gzip or zstd
 * wrapper tar-push unwraps, a tar archive, or something else — named, so that an error can say
 * "app.zip is a zip archive" instead of a parse failure deep inside the tar reader.
 */
import { checksumMatches, TAR_BLOCK } from './tar-index.ts'

export type Wrapper = 'gzip' | 'zstd' | 'none'

/** Bytes read from the start of a file to sniff it: one tar header block. */
export const SNIFF_BYTES = TAR_BLOCK

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b])
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])

export function sniffCompression(head: Buffer): Wrapper {
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'gzip'
  if (head.subarray(0, 4).equals(ZSTD_MAGIC)) return 'zstd'
  return 'none'
}

/** A tar archive starts with a header block whose checksum holds, or with the end marker. */
export function looksLikeTar(head: Buffer): boolean {
  if (head.length < TAR_BLOCK) return false
  const header = head.subarray(0, TAR_BLOCK)
  return header.every((byte) => byte === 0) || checksumMatches(header)
}

/** What a file that is not a tar looks like, and what to do about it when that tells more. */
export interface ContentKind {
  /** "a zip archive", "empty (0 bytes)" — read after "<file> is". */
  what: string
  hint?: string
}

const startsWith = (head: Buffer, ...bytes: number[]): boolean =>
  head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte)

const ascii = (head: Buffer, text: string): boolean =>
  head.toString('latin1', 0, text.length) === text

const DECOMPRESS_FIRST =
  'decompress it first, or compress the tar with gzip or zstd, which tar-push unwraps itself'

/** Names what the first bytes of a file are; `size` is the whole file's. */
export function describeContent(head: Buffer, size: number): ContentKind {
  if (size === 0) return { what: 'empty (0 bytes)' }
  if (ascii(head, 'PK\x03\x04') || ascii(head, 'PK\x05\x06') || ascii(head, 'PK\x07\x08')) {
    return {
      what: 'a zip archive',
      hint: 'unzip it and pass the image tarball inside (a downloaded CI artifact comes zipped)',
    }
  }
  if (ascii(head, 'BZh') && head[3] !== undefined && head[3] >= 0x31 && head[3] <= 0x39)
    return { what: 'a bzip2-compressed file', hint: DECOMPRESS_FIRST }
  if (startsWith(head, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))
    return { what: 'an xz-compressed file', hint: DECOMPRESS_FIRST }
  if (startsWith(head, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c))
    return { what: 'a 7-Zip archive', hint: DECOMPRESS_FIRST }
  if (startsWith(head, 0x7f, 0x45, 0x4c, 0x46)) return { what: 'an executable (ELF)' }
  if (ascii(head, '%PDF')) return { what: 'a PDF document' }
  const text = asText(head)
  if (text !== undefined) {
    const start = text.replace(/^\uFEFF/, '').trimStart()
    if (start.startsWith('{') || start.startsWith('[')) {
      const manifest = /"(schemaVersion|mediaType|manifests|RepoTags|Layers|Config)"/.test(start)
      return manifest
        ? {
            what: 'a JSON document (an image manifest or index, not the archive it belongs to)',
            hint: 'pass the whole image archive (docker save -o app.tar app), not one file of it',
          }
        : { what: 'a JSON document' }
    }
    if (/^<(!doctype html|html|head|body)\b/i.test(start)) {
      return {
        what: 'an HTML page',
        hint: 'a download that got an error or login page instead of the file? fetch it again',
      }
    }
    if (start.startsWith('<')) return { what: 'an XML document' }
    return { what: 'a text file' }
  }
  if (size < TAR_BLOCK) return { what: `${size} bytes of binary data, too short for a tar archive` }
  const first = [...head.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, '0'))
  return { what: `binary data of no format tar-push knows (it starts ${first.join(' ')})` }
}

/** Whitespace control bytes text has: tab, line feed, vertical tab, form feed, carriage return. */
const isTextControl = (byte: number): boolean => byte >= 0x09 && byte <= 0x0d

/** The head as text when it is text: UTF-8 without NUL or other control bytes. */
function asText(head: Buffer): string | undefined {
  if (head.some((byte) => (byte < 0x20 && !isTextControl(byte)) || byte === 0x7f)) return undefined
  // A multi-byte character may be cut at the end of the head.
  const body = head.length >= SNIFF_BYTES ? head.subarray(0, head.length - 3) : head
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return undefined
  }
}
