import { mkdir, readFile, rename, rm, rmdir, stat, writeFile, chmod } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { algorithmOf, hexOf } from '../digest.ts'
import { TarPushError } from '../errors.ts'
import { OCI_LAYOUT_FILE } from '../image/layout.ts'
import type { Descriptor, RawJson } from '../image/model.ts'
import type { BlobToPut, ImageSink, ManifestTarget } from '../image/sink.ts'
import { checkManifest, indexJson, manifestOf, type NamedImage } from './documents.ts'
import {
  makeDirectories,
  outputError,
  Puts,
  removeTree,
  renameOnto,
  tempSibling,
  writeBlobFile,
} from './files.ts'

/** Where a layout sink writes: a new layout, or one that is there already and is added to. */
export type LayoutTarget =
  { readonly kind: 'new'; readonly mode?: number | undefined } | { readonly kind: 'existing' }

/**
 * Writes an image into an OCI image layout directory. A new layout is written in a temporary
 * directory next to the output and renamed onto it by `commit` (an empty directory there is
 * replaced). A directory that already is a layout is added to, as skopeo's `oci:` does (blobs
 * shared, an older image of the same tag replaced): each new blob is written under a temporary
 * name beside its place and renamed there once its stream ended cleanly, and index.json is
 * replaced last, at `commit`, in one rename. `abort` removes the temporary directory, or the
 * blobs and directories this sink added to the layout, which is then as it was.
 */
export class LayoutSink implements ImageSink {
  readonly name: string
  readonly takesStreamedBlobs = false
  readonly #output: string
  readonly #named: NamedImage
  readonly #manifest: RawJson
  /** The directory blobs are written in: the staging directory, or the existing layout. */
  readonly #root: string
  /** A new layout's temporary directory, renamed onto the output by commit. */
  readonly #staging: string | undefined
  readonly #puts: Puts
  /** Files this sink placed in an existing layout, and the older files they replaced. */
  readonly #added: string[] = []
  readonly #replaced = new Map<string, string>()
  /** Directories this sink made in an existing layout, outermost first. */
  readonly #madeDirectories: string[] = []
  readonly #directories = new Map<string, Promise<void>>()
  #temporaryIndex: string | undefined

  private constructor(output: string, named: NamedImage, staging: string | undefined) {
    this.name = output
    this.#output = output
    this.#named = named
    this.#manifest = manifestOf(named.image)
    this.#staging = staging
    this.#root = staging ?? output
    this.#puts = new Puts(output)
  }

  static async create(
    output: string,
    named: NamedImage,
    target: LayoutTarget,
  ): Promise<LayoutSink> {
    if (target.kind === 'existing') {
      await readIndex(output)
      return new LayoutSink(output, named, undefined)
    }
    const staging = tempSibling(output)
    try {
      await mkdir(staging)
      if (target.mode !== undefined) await chmod(staging, target.mode)
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw outputError(error, output)
    }
    return new LayoutSink(output, named, staging)
  }

  /** The file of a blob in the layout being written. */
  #blobFile(digest: string): string {
    return join(this.#root, 'blobs', algorithmOf(digest), hexOf(digest))
  }

  async hasBlob(digest: string, size: number): Promise<boolean> {
    return hasSize(this.#blobFile(digest), size)
  }

  async putBlob(blob: BlobToPut): Promise<void> {
    await this.#puts.run(async () => {
      const target = this.#blobFile(blob.digest)
      await this.#directory(dirname(target))
      const temp = tempSibling(target)
      await writeBlobFile(await this.#puts.open(blob), temp, blob)
      await this.#place(temp, target)
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
    const { image } = this.#named
    try {
      for (const document of [this.#manifest, image.config]) {
        const target = this.#blobFile(document.digest)
        if (await hasSize(target, document.bytes.length)) continue
        await this.#directory(dirname(target))
        await this.#placeBytes(target, document.bytes)
      }
      const layoutFile = join(this.#root, 'oci-layout')
      if (!(await stat(layoutFile).catch(() => undefined))) {
        await this.#placeBytes(layoutFile, Buffer.from(OCI_LAYOUT_FILE))
      }
      const existing = this.#staging === undefined ? await readIndex(this.#output) : []
      const index = join(this.#root, 'index.json')
      this.#temporaryIndex = tempSibling(index)
      await writeFile(this.#temporaryIndex, indexJson(this.#named, existing), { flag: 'wx' })
      await rename(this.#temporaryIndex, index)
      this.#temporaryIndex = undefined
      // The rename that makes the image visible: the new layout's, or the existing one's index.
      if (this.#staging !== undefined) await renameOnto(this.#staging, this.#output)
    } catch (error) {
      throw outputError(error, this.#output)
    }
    this.#puts.state = 'committed'
    for (const backup of this.#replaced.values()) await rm(backup, { force: true })
  }

  abort(): Promise<void> {
    return this.#puts.abort({ undo: () => this.#undo() })
  }

  async #undo(): Promise<void> {
    if (this.#temporaryIndex !== undefined) await rm(this.#temporaryIndex, { force: true })
    if (this.#staging !== undefined) {
      await removeTree(this.#staging)
      return
    }
    for (const file of this.#added.toReversed()) await rm(file, { force: true })
    for (const [target, backup] of this.#replaced) await rename(backup, target)
    for (const directory of this.#madeDirectories.toReversed()) {
      await rmdir(directory).catch(() => {})
    }
  }

  /** Makes a directory of the layout once; the ones made in an existing layout are recorded. */
  #directory(path: string): Promise<void> {
    let made = this.#directories.get(path)
    if (!made) {
      made = makeDirectories(path).then((first) => {
        if (first === undefined || this.#staging !== undefined) return
        // Every level from the first one made down to `path` is new.
        const levels = relative(first, path).split(sep).filter(Boolean)
        let level = first
        this.#madeDirectories.push(level)
        for (const part of levels) this.#madeDirectories.push((level = join(level, part)))
      })
      this.#directories.set(path, made)
    }
    return made
  }

  async #placeBytes(target: string, bytes: Buffer): Promise<void> {
    const temp = tempSibling(target)
    await writeFile(temp, bytes, { flag: 'wx' })
    await this.#place(temp, target)
  }

  /**
   * Renames a finished temporary file into place. In an existing layout, what it replaces (a
   * blob of the wrong size) is kept aside until commit, so that abort can put it back.
   */
  async #place(temp: string, target: string): Promise<void> {
    try {
      if (this.#staging === undefined && (await stat(target).catch(() => undefined))) {
        const backup = tempSibling(target, '.old')
        await rename(target, backup)
        this.#replaced.set(target, backup)
      }
      await rename(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      throw outputError(error, target)
    }
    if (this.#staging === undefined) this.#added.push(target)
  }
}

async function hasSize(path: string, size: number): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined)
  return stats !== undefined && stats.isFile() && stats.size === size
}

/** The entries of an existing layout's index.json (none when it has none). */
export async function readIndex(root: string): Promise<Descriptor[]> {
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
