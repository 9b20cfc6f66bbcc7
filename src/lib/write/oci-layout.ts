import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { TarPushError } from '../errors.ts'
import type { Descriptor } from '../model.ts'
import type { BlobWriter } from '../pull/download.ts'
import type { RemoteImage } from '../pull/resolve.ts'
import { blobPath, indexJson, OCI_LAYOUT_FILE } from './documents.ts'
import type { ImageSink } from './sink.ts'

/**
 * Writes an image into an OCI image layout directory. A directory that already is a layout is
 * added to, as skopeo's `oci:` does (blobs shared, an older image of the same tag replaced);
 * any other non-empty directory is refused. Blobs are written under a temporary name and
 * renamed into place once verified.
 */
export class LayoutDirectoryWriter implements ImageSink {
  readonly #root: string
  readonly #image: RemoteImage
  readonly #existing: readonly Descriptor[]
  readonly #created: boolean

  private constructor(root: string, image: RemoteImage, existing: Descriptor[], created: boolean) {
    this.#root = root
    this.#image = image
    this.#existing = existing
    this.#created = created
  }

  static async create(root: string, image: RemoteImage): Promise<LayoutDirectoryWriter> {
    const entries = await readdir(root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw new TarPushError('OUTPUT_ERROR', `cannot use "${root}" as the output: ${error.code}`, {
        subject: root,
        hint: 'name a directory that does not exist yet, is empty, or is an OCI layout',
      })
    })
    let existing: Descriptor[] = []
    if (entries && entries.includes('oci-layout')) {
      existing = await readIndex(root)
    } else if (entries && entries.length > 0) {
      throw new TarPushError(
        'OUTPUT_ERROR',
        `"${root}" is a non-empty directory and not an OCI layout`,
        {
          subject: root,
          hint: 'name a directory that does not exist yet, is empty, or is an OCI layout',
        },
      )
    }
    await mkdir(join(root, 'blobs', 'sha256'), { recursive: true })
    return new LayoutDirectoryWriter(root, image, existing, entries === undefined)
  }

  /** The file of a blob in this layout. */
  path(digest: string): string {
    return join(this.#root, blobPath(digest))
  }

  async blob(descriptor: Descriptor): Promise<BlobWriter | undefined> {
    const target = this.path(descriptor.digest)
    if (await hasSize(target, descriptor.size)) return undefined
    await mkdir(dirname(target), { recursive: true })
    const partial = `${target}.partial`
    const handle = await open(partial, 'w')
    let closed = false
    const close = async () => {
      if (!closed) await handle.close()
      closed = true
    }
    return {
      write: async (chunk, position) => {
        await handle.write(chunk, 0, chunk.length, position)
      },
      commit: async () => {
        await close()
        await rename(partial, target)
      },
      abort: async () => {
        await close().catch(() => {})
        await rm(partial, { force: true })
      },
    }
  }

  async finish(): Promise<void> {
    const image = this.#image
    for (const document of [image.manifest, image.config]) {
      const target = this.path(document.digest)
      if (!(await hasSize(target, document.bytes.length))) await writeFile(target, document.bytes)
    }
    await writeFile(join(this.#root, 'oci-layout'), OCI_LAYOUT_FILE)
    const index = join(this.#root, 'index.json')
    await writeFile(`${index}.partial`, indexJson(image, this.#existing))
    await rename(`${index}.partial`, index)
  }

  async abort(): Promise<void> {
    if (this.#created) await rm(this.#root, { recursive: true, force: true })
  }
}

async function hasSize(path: string, size: number): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined)
  return stats !== undefined && stats.isFile() && stats.size === size
}

async function readIndex(root: string): Promise<Descriptor[]> {
  const path = join(root, 'index.json')
  try {
    const index = JSON.parse(await readFile(path, 'utf8')) as { manifests?: Descriptor[] }
    return Array.isArray(index.manifests) ? index.manifests : []
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new TarPushError('OUTPUT_ERROR', `"${path}" is not a readable OCI index`, {
      subject: path,
      hint: 'repair or remove the OCI layout, or name another output directory',
    })
  }
}
