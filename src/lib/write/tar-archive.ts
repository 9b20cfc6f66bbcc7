import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { TarPushError } from '../errors.ts'
import { blobPath, OCI_LAYOUT_FILE } from '../image/layout.ts'
import type { RawJson } from '../image/model.ts'
import type { BlobToPut, ImageSink, ManifestTarget } from '../image/sink.ts'
import {
  checkManifest,
  dockerLoadFiles,
  indexJson,
  layerDescriptor,
  manifestOf,
  type NamedImage,
} from './documents.ts'
import { outputError, Puts, tempSibling, writeStream } from './files.ts'

const BLOCK = 512

interface Entry {
  name: string
  type: 'file' | 'directory'
  size: number
  bytes?: Buffer
  /** Offset of the entry's data in the archive. */
  offset: number
}

interface Region {
  entry: Entry
  written: boolean
}

/**
 * Writes an image as one tar: an OCI layout (oci-archive), plus manifest.json and repositories
 * for docker load (the layout Docker 25+ saves, which older docker load reads too). Every size
 * is known from the manifest, so the file is made at its final size up front with the documents
 * in place, and each layer is written into its own region, in parallel: no spool copy, no
 * second pass. tar-stream's packer writes entries only in sequence, hence the header encoder.
 *
 * The file is written under a temporary name next to the output and renamed onto it by
 * `commit`; `abort` removes it, leaving what was at the output before untouched.
 */
export class TarArchiveSink implements ImageSink {
  readonly name: string
  readonly takesStreamedBlobs = false
  readonly #output: string
  readonly #temp: string
  readonly #handle: FileHandle
  readonly #manifest: RawJson
  readonly #regions: Map<string, Region>
  readonly #puts: Puts

  private constructor(
    output: string,
    temp: string,
    handle: FileHandle,
    manifest: RawJson,
    regions: Map<string, Region>,
  ) {
    this.name = output
    this.#output = output
    this.#temp = temp
    this.#handle = handle
    this.#manifest = manifest
    this.#regions = regions
    this.#puts = new Puts(output)
  }

  static async create(
    output: string,
    named: NamedImage,
    format: 'docker' | 'oci-archive',
  ): Promise<TarArchiveSink> {
    const { image } = named
    const manifest = manifestOf(image)
    const documents = [
      { name: 'oci-layout', bytes: Buffer.from(OCI_LAYOUT_FILE) },
      { name: 'index.json', bytes: Buffer.from(indexJson(named)) },
      ...(format === 'docker' ? dockerLoadFiles(named) : []),
      { name: blobPath(manifest.digest), bytes: manifest.bytes },
      { name: blobPath(image.config.digest), bytes: image.config.bytes },
    ]
    const entries: Entry[] = []
    let position = 0
    const add = (entry: Omit<Entry, 'offset'>): Entry => {
      const placed = { ...entry, offset: position + BLOCK }
      entries.push(placed)
      position += BLOCK + padded(entry.size)
      return placed
    }
    add({ name: 'blobs/', type: 'directory', size: 0 })
    add({ name: 'blobs/sha256/', type: 'directory', size: 0 })
    const written = new Set<string>()
    for (const document of documents) {
      if (written.has(document.name)) continue
      written.add(document.name)
      add({ name: document.name, type: 'file', size: document.bytes.length, bytes: document.bytes })
    }
    const regions = new Map<string, Region>()
    for (const layer of image.layers.map(layerDescriptor)) {
      const name = blobPath(layer.digest)
      if (written.has(name)) continue
      written.add(name)
      regions.set(layer.digest, {
        entry: add({ name, type: 'file', size: layer.size }),
        written: false,
      })
    }
    const total = position + 2 * BLOCK
    const temp = tempSibling(output)
    const handle = await open(temp, 'wx').catch((error: NodeJS.ErrnoException) => {
      throw new TarPushError(
        'OUTPUT_ERROR',
        `cannot write "${output}": ${error.code ?? error.message}`,
        {
          subject: output,
          hint: 'check that the output directory exists and is writable',
          cause: error,
        },
      )
    })
    const sink = new TarArchiveSink(output, temp, handle, manifest, regions)
    try {
      await handle.truncate(total)
      for (const entry of entries) {
        await handle.write(tarHeader(entry), 0, BLOCK, entry.offset - BLOCK)
        if (entry.bytes) await handle.write(entry.bytes, 0, entry.bytes.length, entry.offset)
      }
    } catch (error) {
      await sink.abort()
      throw outputError(error, output)
    }
    return sink
  }

  /** The documents are written at creation; blobs that are not this image's layers are not kept. */
  async hasBlob(digest: string, size: number): Promise<boolean> {
    const region = this.#regions.get(digest)
    return region === undefined || (region.written && region.entry.size === size)
  }

  async putBlob(blob: BlobToPut): Promise<void> {
    const region = this.#regions.get(blob.digest)
    this.#puts.assertOpen()
    if (!region) return
    if (region.entry.size !== blob.size) {
      throw new Error(
        `${this.name}: blob ${blob.digest} is put with ${blob.size} bytes; the manifest says ${region.entry.size}`,
      )
    }
    await this.#puts.run(async () => {
      region.written = false
      const stream = await this.#puts.open(blob)
      await writeStream(stream, this.#handle, blob, region.entry.offset)
      region.written = true
    })
  }

  async putManifest(manifest: RawJson, _target: ManifestTarget): Promise<void> {
    this.#puts.assertOpen()
    checkManifest(this.name, this.#manifest, manifest)
  }

  async commit(): Promise<void> {
    this.#puts.assertOpen()
    this.#puts.state = 'committing'
    await this.#puts.settled()
    for (const [digest, region] of this.#regions) {
      if (!region.written) throw new Error(`${this.name}: layer ${digest} was not written`)
    }
    try {
      await this.#handle.close()
      await rename(this.#temp, this.#output)
    } catch (error) {
      throw outputError(error, this.#output)
    }
    this.#puts.state = 'committed'
  }

  abort(): Promise<void> {
    return this.#puts.abort({
      undo: async () => {
        await this.#handle.close().catch(() => {})
        await rm(this.#temp, { force: true })
      },
    })
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
