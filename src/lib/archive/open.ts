import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, open as openFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createZstdDecompress } from 'node:zlib'
import { cancelledError } from '../cancel.ts'
import { TarPushError } from '../errors.ts'
import { LayoutDirectory } from './directory.ts'
import type { ArchiveFiles } from './files.ts'
import { TarIndex } from './tar-index.ts'

export type Wrapper = 'gzip' | 'zstd' | 'none'

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b])
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])

export function sniffCompression(head: Buffer): Wrapper {
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'gzip'
  if (head.subarray(0, 4).equals(ZSTD_MAGIC)) return 'zstd'
  return 'none'
}

export interface OpenedArchive {
  readonly files: ArchiveFiles
  readonly wrapper: Wrapper
  close(): Promise<void>
}

/**
 * Opens a tarball or OCI layout directory, whatever its name says: a gzip or zstd wrapper
 * (found by magic bytes) is decompressed once to a spool file, as layers need random access.
 */
export async function openArchive(
  path: string,
  options: { spoolDir?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<OpenedArchive> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new TarPushError(
      'TARBALL_NOT_FOUND',
      `cannot read "${path}": ${error.code ?? error.message}`,
      {
        subject: path,
        hint: 'check the tarball path (relative paths start at the working directory)',
      },
    )
  })
  if (stats.isDirectory()) {
    const files = new LayoutDirectory(path)
    return { files, wrapper: 'none', close: () => files.close() }
  }
  const wrapper = sniffCompression(await readHead(path))
  if (wrapper === 'none') {
    const files = await TarIndex.open(path)
    return { files, wrapper, close: () => files.close() }
  }
  const spoolRoot = await mkdtemp(join(options.spoolDir ?? tmpdir(), 'tar-push-'))
  const spoolPath = join(spoolRoot, 'unwrapped.tar')
  const removeSpool = () => rm(spoolRoot, { recursive: true, force: true })
  try {
    await pipeline(
      createReadStream(path),
      wrapper === 'gzip' ? createGunzip() : createZstdDecompress(),
      new BombGuard(path, stats.size),
      createWriteStream(spoolPath),
      // A stop during the unwrapping (seconds for a big .tar.gz) ends it at once.
      { signal: options.signal },
    ).catch((error: Error) => {
      if (error instanceof TarPushError) throw error
      if (options.signal?.aborted) throw cancelledError(options.signal)
      throw new TarPushError(
        'TARBALL_UNREADABLE',
        `the ${wrapper} compression of the file is broken: ${error.message}`,
        {
          subject: path,
          hint: 'the file was cut short or damaged; compress or download it again',
        },
      )
    })
    const files = await TarIndex.open(spoolPath, `${path} (${wrapper})`)
    return {
      files,
      wrapper,
      close: async () => {
        await files.close()
        await removeSpool()
      },
    }
  } catch (error) {
    await removeSpool()
    throw error
  }
}

/**
 * Real image tarballs shrink 2-20× when compressed; a file that unpacks to over a thousand
 * times its size (and over 1 GiB) is a decompression bomb that would fill the disk.
 */
const BOMB_RATIO = 1000
const BOMB_MIN_BYTES = 1024 ** 3

class BombGuard extends Transform {
  readonly #path: string
  readonly #limit: number
  #written = 0

  constructor(path: string, compressedSize: number) {
    super()
    this.#path = path
    this.#limit = Math.max(BOMB_MIN_BYTES, compressedSize * BOMB_RATIO)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#written += chunk.length
    if (this.#written <= this.#limit) {
      done(null, chunk)
      return
    }
    done(
      new TarPushError(
        'TARBALL_UNREADABLE',
        `the file unpacks to more than ${BOMB_RATIO} times its size: a decompression bomb`,
        {
          subject: this.#path,
          hint: 'if it is a real image, decompress it yourself and pass the .tar',
        },
      ),
    )
  }
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await openFile(path, 'r')
  try {
    const head = Buffer.alloc(8)
    const { bytesRead } = await handle.read(head, 0, 8, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
