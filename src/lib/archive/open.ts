import { createReadStream, createWriteStream, fstatSync } from 'node:fs'
import { mkdtemp, open as openFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isatty } from 'node:tty'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createZstdDecompress } from 'node:zlib'
import { cancelledError } from '../cancel.ts'
import { TarPushError } from '../errors.ts'
import { LayoutDirectory } from './directory.ts'
import type { ArchiveFiles } from './files.ts'
import {
  SNIFF_BYTES,
  describeContent,
  looksLikeTar,
  sniffCompression,
  type Wrapper,
} from './sniff.ts'
import { TarIndex } from './tar-index.ts'
import { temporaryDirectory } from '../paths.ts'

/** The tarball path that means standard input, as tar, docker load and crane read it. */
export const STDIN = '-'

/** How an archive path is named in messages: `-` is standard input. */
export const archiveName = (path: string): string => (path === STDIN ? 'standard input' : path)

export interface OpenedArchive {
  readonly files: ArchiveFiles
  readonly wrapper: Wrapper
  close(): Promise<void>
}

export interface OpenOptions {
  /** Where the private spool directory is made (default the system temp dir). */
  spoolDir?: string | undefined
  signal?: AbortSignal | undefined
}

/**
 * Opens a tarball or OCI layout directory, whatever its name says. Layers are read by offset,
 * so what cannot be read at random is spooled to a private temp directory first: standard input
 * (`-`) and pipes, FIFOs or devices (`/dev/stdin`), read once as a stream; and the tar inside a
 * gzip or zstd wrapper (found by magic bytes). The spool goes on close, on any failure and on a
 * stop. A file that is no tar is named for what it is ("app.zip is a zip archive").
 */
export async function openArchive(path: string, options: OpenOptions = {}): Promise<OpenedArchive> {
  const name = archiveName(path)
  const input = path === STDIN ? stdinFile() : await fileOf(path)
  if (input.kind === 'directory') {
    const files = new LayoutDirectory(path)
    return { files, wrapper: 'none', close: () => files.close() }
  }
  const spool = new Spool(options.spoolDir)
  try {
    let file = input.kind === 'file' ? input.path : await spoolStream(input, name, spool, options)
    let size = (await stat(file)).size
    let head = await readHead(file)
    const wrapper = sniffCompression(head)
    if (wrapper !== 'none') {
      const unwrapped = await spool.file('unwrapped.tar')
      await unwrap(file, unwrapped, wrapper, name, size, options.signal)
      if (input.kind === 'stream') await rm(file, { force: true })
      file = unwrapped
      size = (await stat(file)).size
      head = await readHead(file)
    }
    if (!looksLikeTar(head)) throw notATar(name, head, size, wrapper, input.kind === 'stream')
    const files = await TarIndex.open(file, wrapper === 'none' ? name : `${name} (${wrapper})`)
    return {
      files,
      wrapper,
      close: async () => {
        await files.close()
        await spool.remove()
      },
    }
  } catch (error) {
    await spool.remove()
    throw error
  }
}

type Input =
  { kind: 'file'; path: string } | { kind: 'directory' } | { kind: 'stream'; open: () => Readable }

async function fileOf(path: string): Promise<Input> {
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
  if (stats.isDirectory()) return { kind: 'directory' }
  if (stats.isFile()) return { kind: 'file', path }
  // A pipe, FIFO, socket or character device (/dev/stdin, <(docker save app)): read once.
  return { kind: 'stream', open: () => createReadStream(path) }
}

/** Standard input: a file redirected in (`< app.tar`) is read in place, anything else streamed. */
function stdinFile(): Input {
  if (isatty(0)) {
    throw new TarPushError(
      'USAGE',
      'the tarball is read from standard input (-), but standard input is a terminal',
      {
        subject: 'standard input',
        hint: 'pipe the tarball in (docker save app | tar-push push - --image …) or name its file',
      },
    )
  }
  try {
    if (process.platform !== 'win32' && fstatSync(0).isFile())
      return { kind: 'file', path: '/dev/stdin' }
  } catch {
    // no descriptor 0 to look at: read it as a stream
  }
  return { kind: 'stream', open: () => process.stdin }
}

/** A private temp directory (tar-push-XXXXXX), made when the first file is needed. */
class Spool {
  readonly #parent: string
  #root: string | undefined

  constructor(parent: string | undefined) {
    // RUNNER_TEMP on GitHub runners (Windows' TEMP can be on a small system drive).
    this.#parent = parent ?? temporaryDirectory()
  }

  async file(name: string): Promise<string> {
    this.#root ??= await mkdtemp(join(this.#parent, 'tar-push-'))
    return join(this.#root, name)
  }

  async remove(): Promise<void> {
    if (this.#root !== undefined) await rm(this.#root, { recursive: true, force: true })
  }
}

/** Reads a stream to its end into the spool: the only way to read a pipe more than once. */
async function spoolStream(
  input: Extract<Input, { kind: 'stream' }>,
  name: string,
  spool: Spool,
  options: OpenOptions,
): Promise<string> {
  const path = await spool.file('input')
  await pipeline(input.open(), createWriteStream(path), { signal: options.signal }).catch(
    (error: NodeJS.ErrnoException) => {
      if (options.signal?.aborted) throw cancelledError(options.signal)
      throw new TarPushError(
        'TARBALL_UNREADABLE',
        `reading ${name} failed: ${error.code ?? error.message}`,
        {
          subject: name,
          hint:
            error.code === 'ENOSPC'
              ? `the tarball is spooled to ${options.spoolDir ?? temporaryDirectory()} (RUNNER_TEMP or TMPDIR) first; free space there or point TMPDIR elsewhere`
              : 'check what writes into the pipe; it may have failed half-way',
        },
      )
    },
  )
  return path
}

async function unwrap(
  from: string,
  to: string,
  wrapper: Exclude<Wrapper, 'none'>,
  name: string,
  compressedSize: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  await pipeline(
    createReadStream(from),
    wrapper === 'gzip' ? createGunzip() : createZstdDecompress(),
    new BombGuard(name, compressedSize),
    createWriteStream(to),
    // A stop during the unwrapping (seconds for a big .tar.gz) ends it at once.
    { signal },
  ).catch((error: Error) => {
    if (error instanceof TarPushError) throw error
    if (signal?.aborted) throw cancelledError(signal)
    throw new TarPushError(
      'TARBALL_UNREADABLE',
      `the ${wrapper} compression of the file is broken: ${error.message}`,
      {
        subject: name,
        hint: 'the file was cut short or damaged; compress or download it again',
      },
    )
  })
}

const FORMAT_HINT =
  'pass the output of docker save, podman save, skopeo copy (docker-archive: or oci-archive:) or buildx --output type=docker|oci, optionally gzip- or zstd-compressed'

/** The error for a file that is not a tar: what it is instead, and what to pass. */
function notATar(
  name: string,
  head: Buffer,
  size: number,
  wrapper: Wrapper,
  streamed: boolean,
): TarPushError {
  const { what, hint } = describeContent(head, size)
  const message =
    wrapper === 'none'
      ? `${name} is ${what}, not an image tarball`
      : `${name} is ${wrapper}-compressed, but what it holds is ${what}, not an image tarball`
  const emptyHint = streamed
    ? 'nothing came through the pipe: the command before | probably failed (docker save of an image that is not there?)'
    : 'an empty file usually means the command that wrote it failed; save the image again'
  return new TarPushError('TARBALL_FORMAT', message, {
    subject: name,
    hint: size === 0 ? emptyHint : (hint ?? FORMAT_HINT),
  })
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
    const head = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
