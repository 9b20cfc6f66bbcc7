import { readdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { TarPushError } from '../errors.ts'
import type { Image, RawJson } from '../image/model.ts'
import type { BlobToPut, ImageSink, ManifestTarget } from '../image/sink.ts'
import type { Logger } from '../log.ts'
import type { Reference } from '../reference.ts'
import { layerDescriptor, manifestOf } from './documents.ts'
import { makeDirectories, removeTree } from './files.ts'
import { LayoutSink, type LayoutTarget } from './oci-layout.ts'
import type { IllegalNameMode, SymlinkMode } from './rootfs.ts'
import { RootfsSink, rootfsLayers } from './rootfs-sink.ts'
import { TarArchiveSink } from './tar-archive.ts'

/** The forms an image is written to disk in (pull's --format). */
export const DISK_FORMATS = ['docker', 'oci', 'oci-archive', 'rootfs'] as const
export type DiskFormat = (typeof DISK_FORMATS)[number]

export interface DiskSinkOptions {
  format: DiskFormat
  output: string
  /** The image being written: manifest + config bytes, layers (each has storedDigest and mediaType set, content.size). */
  image: Image
  /** The reference pulled (names: docker RepoTags, ref.name / containerd annotations). */
  reference: Reference
  /** rootfs: keep device nodes, FIFOs and setuid/setgid bits. */
  preserveSpecial?: boolean | undefined
  /** rootfs: most uncompressed bytes unpacked (bomb guard, RootfsOptions.maxBytes). */
  maxSize?: number | undefined
  /** rootfs: names this platform cannot hold, refused (default) or renamed and listed. */
  illegalNames?: IllegalNameMode | undefined
  /** rootfs: symbolic links this OS refuses to make, an error (default) or left out and listed. */
  symlinks?: SymlinkMode | undefined
  logger: Logger
}

/** What is at the output before anything is written. */
type Existing =
  | { kind: 'nothing' }
  | { kind: 'file' }
  | { kind: 'empty-directory'; mode: number }
  | { kind: 'layout' }

/**
 * Checks the output up front and opens the sink that writes `format` there. Each sink writes
 * under a temporary name in the output's directory and makes its result visible with a rename
 * at `commit`; `abort` removes all it wrote (also the missing parent directories it made) and
 * leaves what was at the output before as it was.
 */
export async function openDiskSink(options: DiskSinkOptions): Promise<ImageSink> {
  const { format, image, reference, logger } = options
  const output = resolve(options.output)
  manifestOf(image)
  image.layers.forEach(layerDescriptor)
  const existing = await checkOutput(options.output, format)
  if (format === 'rootfs') rootfsLayers(image)
  const madeParent = await makeDirectories(dirname(output))
  try {
    const named = { reference, image }
    const mode = existing.kind === 'empty-directory' ? existing.mode : undefined
    let sink: ImageSink
    if (format === 'docker' || format === 'oci-archive') {
      sink = await TarArchiveSink.create(output, named, format)
    } else if (format === 'oci') {
      const target: LayoutTarget =
        existing.kind === 'layout' ? { kind: 'existing' } : { kind: 'new', mode }
      sink = await LayoutSink.create(output, named, target)
    } else {
      sink = await RootfsSink.create(output, image, {
        preserveSpecial: options.preserveSpecial,
        maxBytes: options.maxSize,
        illegalNames: options.illegalNames,
        symlinks: options.symlinks,
        mode,
        logger,
      })
    }
    return madeParent === undefined ? sink : new MadeParentSink(sink, madeParent)
  } catch (error) {
    if (madeParent !== undefined) await removeTree(madeParent)
    throw error
  }
}

/**
 * Checked before anything is fetched: an output that cannot be written fails fast. A file
 * format needs a file or nothing there; a layout, nothing, an empty directory or a layout; a
 * rootfs, nothing or an empty directory.
 */
export async function checkOutput(output: string, format: DiskFormat): Promise<Existing> {
  const stats = await stat(output).catch(() => undefined)
  if (!stats) return { kind: 'nothing' }
  const wantsDirectory = format === 'oci' || format === 'rootfs'
  if (stats.isDirectory() !== wantsDirectory) {
    throw new TarPushError(
      'OUTPUT_ERROR',
      `"${output}" is ${stats.isDirectory() ? 'a directory' : 'a file'}; format ${format} writes ${wantsDirectory ? 'a directory' : 'a file'}`,
      { subject: output, hint: 'name another output path, or choose the matching format' },
    )
  }
  if (!wantsDirectory) return { kind: 'file' }
  const entries = await readdir(output).catch((error: NodeJS.ErrnoException) => {
    throw new TarPushError('OUTPUT_ERROR', `cannot use "${output}" as the output: ${error.code}`, {
      subject: output,
      hint: 'name a directory that does not exist yet, is empty, or is an OCI layout',
    })
  })
  if (entries.length === 0) return { kind: 'empty-directory', mode: stats.mode & 0o7777 }
  if (format === 'rootfs') {
    throw new TarPushError(
      'OUTPUT_ERROR',
      `"${output}" is not empty; a rootfs is unpacked into an empty directory`,
      { subject: output, hint: 'remove it or name a new directory' },
    )
  }
  if (!entries.includes('oci-layout')) {
    throw new TarPushError(
      'OUTPUT_ERROR',
      `"${output}" is a non-empty directory and not an OCI layout`,
      {
        subject: output,
        hint: 'name a directory that does not exist yet, is empty, or is an OCI layout',
      },
    )
  }
  return { kind: 'layout' }
}

/** A sink whose output's parent directories were made for it: abort removes them too. */
class MadeParentSink implements ImageSink {
  readonly takesStreamedBlobs = false
  readonly #sink: ImageSink
  readonly #madeParent: string
  #committed = false

  constructor(sink: ImageSink, madeParent: string) {
    this.#sink = sink
    this.#madeParent = madeParent
  }

  get name(): string {
    return this.#sink.name
  }

  hasBlob(digest: string, size: number): Promise<boolean> {
    return this.#sink.hasBlob(digest, size)
  }

  putBlob(blob: BlobToPut): Promise<void> {
    return this.#sink.putBlob(blob)
  }

  putManifest(manifest: RawJson, target: ManifestTarget): Promise<void> {
    return this.#sink.putManifest(manifest, target)
  }

  async commit(): Promise<void> {
    await this.#sink.commit()
    this.#committed = true
  }

  async abort(): Promise<void> {
    await this.#sink.abort()
    if (!this.#committed) await removeTree(this.#madeParent)
  }
}
