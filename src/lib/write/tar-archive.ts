import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { TarPushError } from '../errors.ts'
import type { Descriptor } from '../model.ts'
import type { BlobWriter } from '../pull/download.ts'
import type { RemoteImage } from '../pull/resolve.ts'
import { blobPath, dockerLoadFiles, indexJson, OCI_LAYOUT_FILE } from './documents.ts'
import type { ImageSink } from './sink.ts'

const BLOCK = 512

interface Entry {
  name: string
  type: 'file' | 'directory'
  size: number
  bytes?: Buffer
  /** Offset of the entry's data in the archive. */
  offset: number
}

/**
 * Writes an image as one tar: an OCI layout (oci-archive), plus manifest.json and repositories
 * for docker load (the layout Docker 25+ saves, which older docker load reads too). Every size
 * is known from the manifest, so each layer gets its own region of the file up front and the
 * layers are downloaded into their regions in parallel: no spool copy, no second pass.
 * tar-stream's packer writes entries only in sequence, hence the header encoder here.
 */
export class TarArchiveWriter implements ImageSink {
  readonly #path: string
  readonly #partial: string
  readonly #handle: FileHandle
  readonly #regions: Map<string, Entry>

  private constructor(
    path: string,
    partial: string,
    handle: FileHandle,
    regions: Map<string, Entry>,
  ) {
    this.#path = path
    this.#partial = partial
    this.#handle = handle
    this.#regions = regions
  }

  static async create(
    path: string,
    image: RemoteImage,
    format: 'docker' | 'oci-archive',
  ): Promise<TarArchiveWriter> {
    const documents = [
      { name: 'oci-layout', bytes: Buffer.from(OCI_LAYOUT_FILE) },
      { name: 'index.json', bytes: Buffer.from(indexJson(image)) },
      ...(format === 'docker' ? dockerLoadFiles(image) : []),
      { name: blobPath(image.manifest.digest), bytes: image.manifest.bytes },
      { name: blobPath(image.config.digest), bytes: image.config.bytes },
    ]
    const entries: Entry[] = []
    let position = 0
    const add = (entry: Omit<Entry, 'offset'>) => {
      entries.push({ ...entry, offset: position + BLOCK })
      position += BLOCK + padded(entry.size)
    }
    add({ name: 'blobs/', type: 'directory', size: 0 })
    add({ name: 'blobs/sha256/', type: 'directory', size: 0 })
    const written = new Set<string>()
    for (const document of documents) {
      if (written.has(document.name)) continue
      written.add(document.name)
      add({ name: document.name, type: 'file', size: document.bytes.length, bytes: document.bytes })
    }
    const regions = new Map<string, Entry>()
    for (const layer of image.layers) {
      const name = blobPath(layer.digest)
      if (written.has(name)) continue
      written.add(name)
      add({ name, type: 'file', size: layer.size })
      regions.set(layer.digest, entries.at(-1)!)
    }
    const total = position + 2 * BLOCK
    const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`)
    const handle = await open(partial, 'w').catch((error: NodeJS.ErrnoException) => {
      throw new TarPushError(
        'OUTPUT_ERROR',
        `cannot write "${path}": ${error.code ?? error.message}`,
        {
          subject: path,
          hint: 'check that the output directory exists and is writable',
        },
      )
    })
    const writer = new TarArchiveWriter(path, partial, handle, regions)
    try {
      await handle.truncate(total)
      for (const entry of entries) {
        await handle.write(tarHeader(entry), 0, BLOCK, entry.offset - BLOCK)
        if (entry.bytes) await handle.write(entry.bytes, 0, entry.bytes.length, entry.offset)
      }
    } catch (error) {
      await writer.abort()
      throw error
    }
    return writer
  }

  async blob(descriptor: Descriptor): Promise<BlobWriter | undefined> {
    const region = this.#regions.get(descriptor.digest)
    if (!region) return undefined
    const handle = this.#handle
    return {
      write: async (chunk, position) => {
        await handle.write(chunk, 0, chunk.length, region.offset + position)
      },
      commit: async () => {},
      abort: async () => {},
    }
  }

  async finish(): Promise<void> {
    await this.#handle.close()
    await rename(this.#partial, this.#path)
  }

  async abort(): Promise<void> {
    await this.#handle.close().catch(() => {})
    await rm(this.#partial, { force: true })
  }
}

const padded = (size: number): number => Math.ceil(size / BLOCK) * BLOCK

/** A ustar header; sizes of 8 GiB and more in the base-256 form GNU tar and Go read. */
function tarHeader(entry: Entry): Buffer {
  const header = Buffer.alloc(BLOCK)
  if (Buffer.byteLength(entry.name) > 100) throw new Error(`tar name too long: ${entry.name}`)
  header.write(entry.name, 0, 100, 'utf8')
  writeOctal(header, entry.type === 'directory' ? 0o755 : 0o644, 100, 8)
  writeOctal(header, 0, 108, 8)
  writeOctal(header, 0, 116, 8)
  if (entry.size < 8 ** 11) writeOctal(header, entry.size, 124, 12)
  else {
    header[124] = 0x80
    header.writeBigUInt64BE(BigInt(entry.size), 128)
  }
  writeOctal(header, 0, 136, 12)
  header.fill(' ', 148, 156)
  header.write(entry.type === 'directory' ? '5' : '0', 156)
  header.write('ustar\u000000', 257, 'latin1')
  header.write('root', 265)
  header.write('root', 297)
  let checksum = 0
  for (const byte of header) checksum += byte
  header.write(`${checksum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1')
  return header
}

function writeOctal(header: Buffer, value: number, offset: number, width: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, 'latin1')
}
