import { statSync, realpathSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { TarPushError } from '../errors.ts'
import { cleanName } from './tar-index.ts'
import type { FileRange } from '../image/model.ts'
import type { ArchiveFiles } from './files.ts'
import { openRangeStream } from '../pooled-file.ts'

/** The files of an OCI image layout directory; symlinks may not lead out of it. */
export class LayoutDirectory implements ArchiveFiles {
  readonly name: string
  readonly #root: string

  constructor(path: string) {
    this.name = path
    this.#root = realpathSync(path)
  }

  #pathOf(name: string): string | undefined {
    const path = join(this.#root, cleanName(name, this.name))
    let real: string
    try {
      real = realpathSync(path)
    } catch {
      return undefined
    }
    if (real !== this.#root && !real.startsWith(this.#root + sep)) {
      throw new TarPushError(
        'TARBALL_ENTRY',
        `"${name}" is a link that leads outside the layout directory`,
        {
          subject: this.name,
          hint: 'an OCI layout holds its blobs inside it; remove the link',
        },
      )
    }
    return real
  }

  sizeOf(name: string): number | undefined {
    const path = this.#pathOf(name)
    if (path === undefined) return undefined
    const stats = statSync(path)
    return stats.isFile() ? stats.size : undefined
  }

  #existing(name: string): string {
    const path = this.#pathOf(name)
    if (path === undefined || !statSync(path).isFile()) {
      throw new TarPushError('TARBALL_MISSING_ENTRY', `"${name}" is not a file in the layout`, {
        subject: this.name,
        hint: 'the layout directory is incomplete; write it again',
      })
    }
    return path
  }

  open(name: string): Readable {
    const path = this.#existing(name)
    return openRangeStream(path, 0, statSync(path).size)
  }

  rangeOf(name: string): FileRange {
    const path = this.#existing(name)
    return { path, start: 0, size: statSync(path).size }
  }

  async readHead(name: string, length: number): Promise<Buffer> {
    const handle = await open(this.#existing(name), 'r')
    try {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, 0)
      return buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  }

  async readAll(name: string, limit: number): Promise<Buffer> {
    const handle = await open(this.#existing(name), 'r')
    try {
      const { size } = await handle.stat()
      if (size > limit) {
        throw new TarPushError(
          'TARBALL_ENTRY',
          `"${name}" is ${size} bytes, more than the ${limit} allowed for it`,
          {
            subject: this.name,
          },
        )
      }
      return await handle.readFile()
    } finally {
      await handle.close()
    }
  }

  async close(): Promise<void> {}
}
