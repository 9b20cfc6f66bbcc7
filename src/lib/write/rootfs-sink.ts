import { createReadStream } from 'node:fs'
import { chmod, mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { hexOf } from '../digest.ts'
import { createDecoder } from '../encode/compress.ts'
import { TarPushError } from '../errors.ts'
import { compressionOfMediaType, isTarLayerMediaType } from '../image/media-types.ts'
import type { Descriptor, Image, RawJson } from '../image/model.ts'
import type { BlobToPut, ImageSink, ManifestTarget } from '../image/sink.ts'
import type { Logger } from '../log.ts'
import { checkManifest, layerDescriptor, manifestOf } from './documents.ts'
import {
  isFileSystemError,
  outputError,
  Puts,
  removeTree,
  renameOnto,
  tempSibling,
  writeBlobFile,
} from './files.ts'
import { RootfsWriter, type IllegalNameMode, type SymlinkMode } from './rootfs.ts'

export interface RootfsSinkOptions {
  /** Keep device nodes, FIFOs and setuid/setgid bits. */
  preserveSpecial?: boolean | undefined
  /** Most uncompressed bytes unpacked (bomb guard); RootfsWriter's default when undefined. */
  maxBytes?: number | undefined
  /** The mode of the empty directory the rootfs replaces, kept for its root. */
  mode?: number | undefined
  /** Names this platform cannot hold: refused (default) or renamed and listed. */
  illegalNames?: IllegalNameMode | undefined
  /** Symbolic links this OS refuses to make: an error (default) or left out and listed. */
  symlinks?: SymlinkMode | undefined
  logger: Logger
}

/** The layers of an image to unpack: each must be a filesystem (tar) layer. */
export function rootfsLayers(image: Image): Descriptor[] {
  return image.layers.map((layer) => {
    const descriptor = layerDescriptor(layer)
    if (!isTarLayerMediaType(descriptor.mediaType)) {
      throw new TarPushError(
        'MANIFEST_UNSUPPORTED',
        `layer ${descriptor.digest} has media type ${descriptor.mediaType}, which is not a filesystem layer`,
        { subject: descriptor.digest, hint: 'pull it with format oci or oci-archive' },
      )
    }
    return descriptor
  })
}

interface Spooled {
  readonly promise: Promise<string>
  resolve(path: string): void
  reject(error: Error): void
  done: boolean
}

function spooled(): Spooled {
  let resolve!: (path: string) => void
  let reject!: (error: Error) => void
  const promise = new Promise<string>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  // Rejected on abort, possibly with nobody waiting for it.
  promise.catch(() => {})
  return { promise, resolve, reject, done: false }
}

/**
 * Unpacks an image into a root filesystem directory. The tree is built in a temporary directory
 * next to the output; the layers' blobs are spooled in a second one beside it (the engine has
 * verified each blob's digest and diff_id by the time its put resolves) and are applied in
 * manifest order by RootfsWriter as soon as a layer and every layer below it are there. `commit`
 * renames the tree onto the output (replacing an empty directory there); `abort` stops the
 * unpacking and removes both temporary directories.
 */
export class RootfsSink implements ImageSink {
  readonly name: string
  readonly takesStreamedBlobs = false
  readonly #output: string
  readonly #manifest: RawJson
  readonly #tree: string
  readonly #spool: string
  readonly #layers: readonly Descriptor[]
  readonly #spooled = new Map<string, Spooled>()
  /** The last position at which each blob is applied: its spool file goes after it. */
  readonly #lastUse = new Map<string, number>()
  readonly #writer: RootfsWriter
  readonly #puts: Puts
  readonly #stop = new AbortController()
  readonly #logger: Logger
  readonly #applying: Promise<void>
  #failure: Error | undefined

  private constructor(
    output: string,
    image: Image,
    tree: string,
    spool: string,
    options: RootfsSinkOptions,
  ) {
    this.name = output
    this.#output = output
    this.#manifest = manifestOf(image)
    this.#tree = tree
    this.#spool = spool
    this.#layers = rootfsLayers(image)
    for (const [position, layer] of this.#layers.entries()) {
      if (!this.#spooled.has(layer.digest)) this.#spooled.set(layer.digest, spooled())
      this.#lastUse.set(layer.digest, position)
    }
    this.#logger = options.logger
    this.#writer = new RootfsWriter(tree, {
      ...(options.preserveSpecial !== undefined
        ? { preserveSpecial: options.preserveSpecial }
        : {}),
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
      ...(options.illegalNames !== undefined ? { illegalNames: options.illegalNames } : {}),
      ...(options.symlinks !== undefined ? { symlinks: options.symlinks } : {}),
      logger: options.logger,
    })
    this.#puts = new Puts(output)
    this.#applying = this.#applyInOrder()
    this.#applying.catch(() => {})
  }

  static async create(
    output: string,
    image: Image,
    options: RootfsSinkOptions,
  ): Promise<RootfsSink> {
    rootfsLayers(image)
    const tree = tempSibling(output)
    const spool = `${tree}.layers`
    try {
      await mkdir(tree)
      if (options.mode !== undefined) await chmod(tree, options.mode)
      await mkdir(spool)
    } catch (error) {
      await rm(tree, { recursive: true, force: true })
      await rm(spool, { recursive: true, force: true })
      throw outputError(error, output)
    }
    return new RootfsSink(output, image, tree, spool, options)
  }

  /** True for what the rootfs does not keep (the config) and for layers spooled already. */
  async hasBlob(digest: string, _size: number): Promise<boolean> {
    const layer = this.#spooled.get(digest)
    return layer === undefined || layer.done
  }

  async putBlob(blob: BlobToPut): Promise<void> {
    this.#throwIfFailed()
    this.#puts.assertOpen()
    const layer = this.#spooled.get(blob.digest)
    if (!layer || layer.done) return
    const expected = this.#layers.find(({ digest }) => digest === blob.digest)!
    if (expected.size !== blob.size) {
      throw new Error(
        `${this.name}: blob ${blob.digest} is put with ${blob.size} bytes; the manifest says ${expected.size}`,
      )
    }
    const path = join(this.#spool, hexOf(blob.digest))
    try {
      await this.#puts.run(async () => writeBlobFile(await this.#puts.open(blob), path, blob))
    } catch (error) {
      throw this.#failure ?? error
    }
    layer.done = true
    layer.resolve(path)
    this.#throwIfFailed()
  }

  async putManifest(manifest: RawJson, _target: ManifestTarget): Promise<void> {
    this.#throwIfFailed()
    this.#puts.assertOpen()
    checkManifest(this.name, this.#manifest, manifest)
  }

  async commit(): Promise<void> {
    this.#throwIfFailed()
    this.#puts.assertOpen()
    this.#puts.state = 'committing'
    await this.#puts.settled()
    for (const [digest, layer] of this.#spooled) {
      if (!layer.done) throw new Error(`${this.name}: layer ${digest} was not written`)
    }
    await this.#applying
    try {
      await this.#writer.finish()
    } catch (error) {
      throw outputError(error, this.#output)
    }
    await renameOnto(this.#tree, this.#output)
    this.#puts.state = 'committed'
    await removeTree(this.#spool).catch((error: unknown) =>
      this.#logger.warn(`could not remove ${this.#spool}: ${(error as Error).message}`),
    )
  }

  abort(): Promise<void> {
    return this.#puts.abort({
      stopping: () => {
        this.#stop.abort()
        const stopped = new Error('aborted')
        for (const layer of this.#spooled.values()) if (!layer.done) layer.reject(stopped)
      },
      undo: async () => {
        await this.#applying.catch(() => {})
        await removeTree(this.#tree)
        await removeTree(this.#spool)
      },
    })
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure
  }

  /** Applies the layers bottom up, each as soon as its blob is spooled. */
  async #applyInOrder(): Promise<void> {
    for (const [position, layer] of this.#layers.entries()) {
      const path = await this.#spooled.get(layer.digest)!.promise
      if (this.#stop.signal.aborted) return
      try {
        await applySpooled(this.#writer, path, layer, this.#stop.signal)
      } catch (error) {
        if (this.#stop.signal.aborted) return
        const failure = isFileSystemError(error) ? outputError(error) : (error as Error)
        this.#failure = failure
        // The puts still running fail with it at once: the engine aborts then.
        this.#puts.stopStreams(failure)
        throw failure
      }
      this.#logger.debug(`layer ${layer.digest}: unpacked`)
      if (this.#lastUse.get(layer.digest) === position) await rm(path, { force: true })
    }
  }
}

/** Decompresses a spooled layer blob into the writer. */
async function applySpooled(
  writer: RootfsWriter,
  path: string,
  layer: Descriptor,
  signal: AbortSignal,
): Promise<void> {
  const tar = createDecoder(compressionOfMediaType(layer.mediaType))
  const flowing = pipeline(createReadStream(path), tar, { signal })
  flowing.catch(() => {})
  await writer.applyLayer(tar, layer.digest)
  // The tar reader may stop at the end-of-archive blocks: let the rest flow out.
  tar.resume()
  try {
    await flowing
  } catch (error) {
    if (signal.aborted) throw error
    throw new TarPushError(
      'DIFF_ID_MISMATCH',
      `layer ${layer.digest} does not decompress: ${(error as Error).message}`,
      {
        subject: layer.digest,
        hint: 'the image in the registry is corrupt; push it again',
        cause: error,
      },
    )
  }
}
