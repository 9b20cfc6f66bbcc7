import { spawn } from 'node:child_process'
import { constants, type Stats } from 'node:fs'
import {
  lchown,
  link,
  lstat,
  lutimes,
  mkdir,
  open,
  readdir,
  readlink,
  realpath,
  rm,
  rmdir,
  stat,
  symlink,
  unlink,
  type FileHandle,
} from 'node:fs/promises'
import { join, posix, resolve } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { extract, type Header } from 'tar-stream'
import { TarPushError } from '../errors.ts'
import { silentLogger, type Logger } from '../log.ts'
import {
  FoldedNames,
  illegalEntryReason,
  illegalNameReason,
  isRootedTarget,
  nameRulesFor,
  splitEntryName,
  writerFlags,
  type NameRules,
  type OpenFlagConstants,
  type WriterFlags,
} from './entry-names.ts'
import { legalName, withCollisionSuffix } from './legal-names.ts'
import {
  assertDirectory,
  changedError,
  fileIdOf,
  lstatId,
  openChecked,
  type FileId,
} from './no-follow.ts'

/**
 * Applies image layers (OCI "layer changesets") onto a root filesystem directory, the way
 * `umoci unpack` or containerd's applier do. Layers come from registries we do not trust, so
 * every path is resolved inside the root: symlinks met on the way (from this layer or a lower
 * one) are re-rooted at the root instead of followed, and `..` never climbs above it.
 *
 * Names follow the rules of the platform written on (`platform`, by default this one): on
 * Windows `\` separates too, and names Windows cannot hold (`\ : * ? " < > |`, control
 * characters, CON and kin, trailing dots or spaces) are refused; on Windows and macOS two names
 * that differ only by case are refused instead of overwriting each other. Each layer's refused
 * names are listed in one LAYER_UNSAFE error. On Linux every name is kept as it is. With
 * `illegalNames: 'rename'` such names are renamed instead (legal-names.ts) and listed.
 *
 * Symbolic links the OS refuses to make (Windows without Developer Mode: EPERM) fail the layer
 * with a list of them, or with `symlinks: 'skip'` are left out and listed; a skipped link still
 * leads later entries where the image puts them. No link is ever replaced by a copy.
 */

/** What the writer does with names the platform cannot hold (and case twins). */
export const ILLEGAL_NAME_MODES = ['refuse', 'rename'] as const
export type IllegalNameMode = (typeof ILLEGAL_NAME_MODES)[number]

/** What the writer does when the OS refuses to make a symbolic link. */
export const SYMLINK_MODES = ['error', 'skip'] as const
export type SymlinkMode = (typeof SYMLINK_MODES)[number]

/** The calls whose behaviour differs by platform; tests inject Windows' on Linux. */
export interface WriterFileSystem {
  /** fs.constants: Windows has no O_NOFOLLOW nor O_DIRECTORY. */
  constants: OpenFlagConstants
  /** fs.promises.symlink: on Windows it fails with EPERM without Developer Mode or privilege. */
  symlink(target: string, path: string): Promise<void>
}

export interface RootfsOptions {
  /** Keep device nodes, FIFOs and setuid/setgid bits (devices need root). Default false. */
  preserveSpecial?: boolean
  /** Upper bound on the uncompressed bytes of all layers together (bomb guard). Default 64 GiB. */
  maxBytes?: number
  /** Upper bound on the tar entries of all layers together. Default 10 million. */
  maxEntries?: number
  logger?: Logger
  /** The platform whose name rules apply (`process.platform` by default; tests inject others). */
  platform?: NodeJS.Platform
  /** Names the platform cannot hold: refused (default) or renamed and listed. */
  illegalNames?: IllegalNameMode
  /** Symbolic links the OS refuses to make: an error (default) or left out and listed. */
  symlinks?: SymlinkMode
  /** This platform's calls by default. */
  fileSystem?: Partial<WriterFileSystem>
}

const DEFAULT_MAX_BYTES = 64 * 1024 ** 3
const DEFAULT_MAX_ENTRIES = 10_000_000
// As securejoin: enough for any sane image, few enough to stop a link loop.
const MAX_LINK_EXPANSIONS = 255
const WHITEOUT_PREFIX = '.wh.'
const OPAQUE_MARKER = '.wh..wh..opq'
const SPECIAL_BITS = 0o6000
const TAR_BLOCK = 512
// Names listed in one error or warning; the count says how many more.
const MAX_LISTED_NAMES = 20

const UNSAFE_HINT = 'the image is malformed or hostile; do not unpack it'

/** What tar-stream really hands over: its types leave out unknown (null) types and link names. */
type EntryHeader = Omit<Header, 'type' | 'linkname'> & {
  type: Header['type'] | null
  linkname: string | null
}

type Body = AsyncIterable<unknown>

interface LayerState {
  readonly name: string
  /** Real paths this layer wrote and their ancestors: its own whiteouts and opaque markers keep them. */
  readonly kept: Set<string>
  special: number
  /** Entries the platform cannot hold, with why: reported together at the end of the layer. */
  readonly refused: string[]
  /** Names renamed to legal ones ("a:b" → "a%3Ab"), listed at the end of the layer. */
  readonly renamed: string[]
  /** Symbolic links the OS refused to make ("link" → "target"). */
  readonly unmade: string[]
}

/** An entry refused for its name: recorded in the layer's list, not thrown out of it. */
class RefusedName extends Error {}

interface DeferredDir {
  mode: number
  mtime: Date | undefined
}

export class RootfsWriter {
  #root: string
  readonly #preserveSpecial: boolean
  readonly #maxBytes: number
  readonly #maxEntries: number
  readonly #logger: Logger
  readonly #asRoot: boolean
  readonly #rules: NameRules
  /** How entry names split: by the platform's separators, or by `/` only when names are renamed. */
  readonly #entryRules: NameRules
  readonly #renameIllegal: boolean
  readonly #skipSymlinks: boolean
  readonly #symlinkCall: WriterFileSystem['symlink']
  /** O_NOFOLLOW where the platform has it; openChecked is the guard everywhere. */
  readonly #flags: WriterFlags
  /** The real paths written, folded as the platform's filesystem compares names. */
  readonly #names: FoldedNames
  /** Names renamed so far, by parent real path + "/" + the layer's name: the same name keeps its rename. */
  readonly #renames = new Map<string, string>()
  /** Symbolic links the OS refused to make, by real path: entries resolve through them all the same. */
  readonly #unmadeLinks = new Map<string, string>()
  /** Once the OS refused one symbolic link, it refuses them all: no more tries. */
  #symlinksRefused = false
  #bytes = 0
  #entries = 0
  /**
   * Real directories (relative to root) known to exist, with the id they had when made or
   * checked (openChecked compares it); cleared whenever a directory is removed.
   */
  readonly #dirs = new Map<string, FileId>()
  /** Directory modes and mtimes, applied by finish() so a read-only directory stays writable until then. */
  readonly #deferred = new Map<string, DeferredDir>()

  constructor(root: string, options: RootfsOptions = {}) {
    this.#root = resolve(root)
    this.#preserveSpecial = options.preserveSpecial ?? false
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
    this.#logger = options.logger ?? silentLogger
    this.#asRoot = process.getuid?.() === 0
    this.#rules = nameRulesFor(options.platform ?? process.platform)
    this.#renameIllegal = options.illegalNames === 'rename'
    // Renamed, a layer's names are what Linux made them: `a\b` is one name, to be encoded.
    this.#entryRules = this.#renameIllegal ? { ...this.#rules, path: posix } : this.#rules
    this.#skipSymlinks = options.symlinks === 'skip'
    this.#symlinkCall = options.fileSystem?.symlink ?? ((target, path) => symlink(target, path))
    this.#flags = writerFlags(options.fileSystem?.constants)
    this.#names = new FoldedNames(this.#rules.folding)
  }

  /** Applies one layer; `tar` is the UNCOMPRESSED tar stream; `layerName` (a digest) names the layer in errors. */
  async applyLayer(tar: Readable, layerName: string): Promise<void> {
    await this.#start()
    const layer: LayerState = {
      name: layerName,
      kept: new Set(),
      special: 0,
      refused: [],
      renamed: [],
      unmade: [],
    }
    const extractor = extract()
    let current: Promise<void> = Promise.resolve()
    let failure: unknown
    extractor.on('entry', (header, body, next) => {
      // The body's errors also reach us through its iterator; unheard, they would crash the process.
      body.on('error', () => {})
      current = this.#entry(header as EntryHeader, body, layer).then(
        () => next(),
        (error: unknown) => {
          failure ??= error
          next(error instanceof Error ? error : new Error(String(error)))
        },
      )
    })
    try {
      await pipeline(tar, this.#counter(layerName), extractor)
    } catch (error) {
      failure ??=
        error instanceof TarPushError
          ? error
          : new TarPushError(
              'LAYER_UNSAFE',
              `layer ${layerName} is not a readable tar: ${(error as Error).message}`,
              { subject: layerName, hint: UNSAFE_HINT, cause: error },
            )
    }
    // The extractor can finish while the last entry is still being written to disk.
    await current
    if (failure === undefined && layer.refused.length > 0) failure = this.#refusedError(layer)
    if (failure === undefined && layer.unmade.length > 0 && !this.#skipSymlinks) {
      failure = this.#unmadeError(layer)
    }
    if (failure !== undefined) {
      tar.destroy()
      throw failure
    }
    if (layer.renamed.length > 0) {
      this.#logger.warn(
        `layer ${layerName}: renamed ${layer.renamed.length} name(s) ${this.#rules.label} cannot hold (percent-encoded, ~N for names that differ only by case): ${listed(layer.renamed)}`,
      )
      for (const rename of layer.renamed)
        this.#logger.debug(`layer ${layerName}: renamed ${rename}`)
    }
    if (layer.unmade.length > 0) {
      this.#logger.warn(
        `layer ${layerName}: left out ${layer.unmade.length} symbolic link(s) ${this.#rules.label} does not let this process make (symlinks: skip): ${listed(layer.unmade)}`,
      )
    }
    if (layer.special > 0) {
      this.#logger.warn(
        `layer ${layerName}: skipped ${layer.special} device node(s) or FIFO(s); they need preserveSpecial (and root)`,
      )
    }
  }

  /** Once, before the first layer: the root's real path and id, which openChecked compares. */
  async #start(): Promise<void> {
    if (this.#dirs.has('')) return
    this.#root = await realpath(this.#root)
    this.#dirs.set('', fileIdOf(await stat(this.#root, { bigint: true })))
  }

  #refusedError(layer: LayerState): TarPushError {
    const { refused } = layer
    return new TarPushError(
      'LAYER_UNSAFE',
      `layer ${layer.name}: ${refused.length} name(s) cannot be written on ${this.#rules.label}: ${listed(refused)}`,
      {
        subject: layer.name,
        hint: 'pull with --rename-illegal (the action: rename-illegal: true) to write them under legal names, unpack this image on Linux, or pull it with format oci or docker, which keep the layers as they are',
      },
    )
  }

  #unmadeError(layer: LayerState): TarPushError {
    const { unmade } = layer
    return new TarPushError(
      'OUTPUT_ERROR',
      `layer ${layer.name}: ${this.#rules.label} does not let this process make symbolic links (symlink: EPERM); the layer has ${unmade.length}: ${listed(unmade)}`,
      {
        subject: layer.name,
        hint:
          this.#rules.label === 'Windows'
            ? 'turn on Developer Mode (Settings, For developers) or run as administrator; or pull with --symlinks skip (the action: symlinks: skip) to leave the links out; or pull with format oci or docker, which keep them in the layers'
            : 'write the rootfs on a file system that holds symbolic links; or pull with --symlinks skip (the action: symlinks: skip) to leave them out; or pull with format oci or docker',
      },
    )
  }

  /** Applies deferred directory modes and mtimes; call once after the last layer. */
  async finish(): Promise<void> {
    await this.#start()
    const depth = (rel: string) => (rel === '' ? 0 : rel.split('/').length)
    // Deepest first: a parent made read-only or unsearchable must not stop its children.
    const dirs = [...this.#deferred].sort(([a], [b]) => depth(b) - depth(a))
    this.#deferred.clear()
    for (const [rel, meta] of dirs) {
      if (!(await this.#isRealDir(rel))) continue
      // The root itself is the caller's and may be reached through a symlink.
      const handle =
        rel === '' ? await open(this.#root, constants.O_RDONLY) : await this.#openDir(rel)
      try {
        await handle.chmod(meta.mode)
        if (meta.mtime) await handle.utimes(meta.mtime, meta.mtime)
      } finally {
        await handle.close()
      }
    }
  }

  /**
   * Counts the bytes against the bomb limit, and completes a tar that ends without its last
   * block's padding or the end-of-archive blocks (umoci 0.4 writes such layers; Go's tar reader,
   * and so docker and containerd, accept them). Zero blocks after a complete tar are ignored.
   */
  #counter(layerName: string): Transform {
    let layerBytes = 0
    return new Transform({
      flush: (callback) => {
        const padding = (TAR_BLOCK - (layerBytes % TAR_BLOCK)) % TAR_BLOCK
        callback(null, Buffer.alloc(padding + 2 * TAR_BLOCK))
      },
      transform: (chunk: Buffer, _encoding, callback) => {
        layerBytes += chunk.length
        this.#bytes += chunk.length
        if (this.#bytes <= this.#maxBytes) return callback(null, chunk)
        callback(
          new TarPushError(
            'LAYER_UNSAFE',
            `layer ${layerName}: the image's layers unpack to more than ${formatBytes(this.#maxBytes)}; raise the limit with --max-size if it is really that large`,
            {
              subject: layerName,
              hint: 'a layer this large is likely a decompression bomb; pass a larger --max-size only if you trust the image',
            },
          ),
        )
      },
    })
  }

  async #entry(header: EntryHeader, body: Body, layer: LayerState): Promise<void> {
    if (++this.#entries > this.#maxEntries) {
      throw new TarPushError(
        'LAYER_UNSAFE',
        `layer ${layer.name}: the image's layers hold more than ${this.#maxEntries} entries`,
        { subject: layer.name, hint: UNSAFE_HINT },
      )
    }
    const type = header.type
    const isFile = type === 'file' || type === 'contiguous-file'
    if (!isFile) await drain(body)
    const parts = cleanParts(header.name, layer.name, this.#entryRules)
    if (parts.length === 0) {
      if (isFile) await drain(body)
      if (type === 'directory') this.#defer('', header, 0o755)
      else this.#logger.debug(`layer ${layer.name}: skipped a ${type} entry naming the root`)
      return
    }
    const name = parts[parts.length - 1]
    if (name.startsWith(WHITEOUT_PREFIX)) {
      if (isFile) await drain(body)
      // Refused, a name the platform cannot hold was never written: its whiteout removes nothing.
      if (!this.#renameIllegal && illegalEntryReason(header.name, this.#rules) !== undefined) {
        return
      }
      return this.#whiteout(parts, layer)
    }

    switch (type) {
      case 'file':
      case 'contiguous-file':
      case 'directory':
      case 'symlink':
      case 'link':
        break
      case 'character-device':
      case 'block-device':
      case 'fifo':
        if (!this.#preserveSpecial) {
          layer.special++
          return
        }
        break
      default:
        this.#logger.debug(
          `layer ${layer.name}: skipped "${header.name}" of unsupported type ${type ?? 'unknown'}`,
        )
        return
    }

    const illegal = this.#renameIllegal ? undefined : illegalEntryReason(header.name, this.#rules)
    if (illegal !== undefined) {
      if (isFile) await drain(body)
      layer.refused.push(`"${header.name}" (${illegal})`)
      return
    }
    try {
      await this.#write(header, body, layer, parts, isFile)
    } catch (error) {
      if (!(error instanceof RefusedName)) throw error
      if (isFile) await drain(body)
      layer.refused.push(error.message)
    }
  }

  async #write(
    header: EntryHeader,
    body: Body,
    layer: LayerState,
    parts: string[],
    isFile: boolean,
  ): Promise<void> {
    const type = header.type
    const dir = await this.#resolveDir(parts.slice(0, -1), true, layer, header.name)
    const name = this.#component(dir, parts[parts.length - 1]!, true, layer, header.name)
    const rel = dir === '' ? name : `${dir}/${name}`
    const abs = this.#abs(rel)
    // Whatever this entry is, it takes the place of a link the OS did not let us make there.
    this.#unmadeLinks.delete(rel)
    const existing = await lstatId(abs)

    if (type === 'directory') {
      if (existing?.isDirectory()) {
        if (this.#asRoot) await lchown(abs, header.uid ?? 0, header.gid ?? 0)
        this.#dirs.set(rel, fileIdOf(existing))
      } else {
        if (existing) await this.#remove(rel, existing)
        await this.#makeDir(rel)
        if (this.#asRoot) await lchown(abs, header.uid ?? 0, header.gid ?? 0)
        await this.#settleDir(rel, this.#mode(header, 0o755) | 0o700)
      }
      this.#defer(rel, header, 0o755)
    } else if (type === 'link') {
      const target = await this.#linkTarget(header, layer)
      if (target.startsWith(`${rel}/`)) {
        throw unsafe(
          layer.name,
          `hard link "${header.name}" would replace its own target's directory`,
        )
      }
      if (target !== rel) {
        if (existing) await this.#remove(rel, existing)
        await link(this.#abs(target), abs)
        await this.#checkMade(rel, 'file')
        // The file linked must have been taken from our directory, not through a link.
        await this.#assertParent(target).catch(async (error: unknown) => {
          await unlink(abs).catch(() => {})
          throw error
        })
      }
    } else {
      if (existing) await this.#remove(rel, existing)
      if (isFile) await this.#writeFile(rel, header, body)
      else if (type === 'symlink') await this.#symlink(rel, header, layer)
      else {
        await this.#mknod(abs, header, layer)
        await this.#checkMade(rel, 'file')
      }
    }
    this.#keep(layer, rel)
  }

  async #writeFile(rel: string, header: EntryHeader, body: Body): Promise<void> {
    const parent = parentOf(rel)
    // Checked before the first byte: the file is where it must be, not behind a link.
    const handle = await openChecked({
      path: this.#abs(rel),
      name: rel,
      flags: this.#flags.newFile,
      mode: 0o600,
      parent: { path: this.#abs(parent), id: await this.#dirId(parent) },
      creates: true,
    })
    try {
      for await (const data of body) {
        // tar-stream's entry bodies are Buffers; streamx types them as unknown.
        const chunk = data as Buffer
        for (let offset = 0; offset < chunk.length;) {
          offset += (await handle.write(chunk, offset)).bytesWritten
        }
      }
      // chown before chmod: chown clears setuid/setgid bits.
      if (this.#asRoot) await handle.chown(header.uid ?? 0, header.gid ?? 0)
      await handle.chmod(this.#mode(header, 0o644))
      if (header.mtime) await handle.utimes(header.mtime, header.mtime)
    } finally {
      await handle.close()
    }
  }

  async #symlink(rel: string, header: EntryHeader, layer: LayerState): Promise<void> {
    const target = header.linkname ?? ''
    if (target === '' || target.includes('\0')) {
      throw unsafe(layer.name, `symlink "${header.name}" has an empty or NUL-bearing target`)
    }
    const abs = this.#abs(rel)
    if (!this.#symlinksRefused) {
      try {
        await this.#symlinkCall(target, abs)
        await this.#checkMade(rel, 'file')
        if (this.#asRoot) await lchown(abs, header.uid ?? 0, header.gid ?? 0)
        if (header.mtime) await lutimes(abs, header.mtime, header.mtime)
        return
      } catch (error) {
        // EPERM: Windows without Developer Mode or the privilege, or a file system without links.
        if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error
        this.#symlinksRefused = true
      }
    }
    // Not made, and never copied: later entries still resolve through it, where the image puts them.
    this.#unmadeLinks.set(rel, target)
    layer.unmade.push(`"${header.name}" → "${target}"`)
  }

  async #mknod(abs: string, header: EntryHeader, layer: LayerState): Promise<void> {
    // The mode is set by mknod itself (it does not follow a link): a chmod by path afterwards
    // would follow one put in the node's place.
    const mode = ['-m', this.#mode(header, 0o600).toString(8)]
    const args =
      header.type === 'fifo'
        ? [...mode, abs, 'p']
        : [
            ...mode,
            abs,
            header.type === 'block-device' ? 'b' : 'c',
            String(header.devmajor ?? 0),
            String(header.devminor ?? 0),
          ]
    await run('mknod', args).catch((error: unknown) => {
      throw new Error(
        `layer ${layer.name}: cannot create "${header.name}" (device nodes need root): ${String(error)}`,
        { cause: error },
      )
    })
    if (this.#asRoot) await lchown(abs, header.uid ?? 0, header.gid ?? 0)
    if (header.mtime) await lutimes(abs, header.mtime, header.mtime)
  }

  /** The hard link's target, inside root; it must already exist there and not be a directory. */
  async #linkTarget(header: EntryHeader, layer: LayerState): Promise<string> {
    const raw = header.linkname ?? ''
    const parts = cleanParts(
      raw,
      layer.name,
      this.#entryRules,
      `the target "${raw}" of hard link "${header.name}"`,
    )
    const illegal = this.#renameIllegal ? undefined : illegalEntryReason(raw, this.#rules)
    if (illegal !== undefined) {
      throw new RefusedName(`"${header.name}" (a hard link to "${raw}", ${illegal})`)
    }
    const refuse = (why: string) =>
      unsafe(layer.name, `hard link "${header.name}" points to "${raw}", ${why}`)
    if (parts.length === 0) throw refuse('the root')
    const dir = await this.#resolveDir(parts.slice(0, -1), false, layer, raw)
    if (dir === undefined) throw refuse('which is not in the image')
    const name = this.#component(dir, parts[parts.length - 1]!, false, layer, raw)
    const target = dir === '' ? name : `${dir}/${name}`
    const stats = await lstatOrUndefined(this.#abs(target))
    if (!stats) throw refuse('which is not in the image')
    if (stats.isDirectory()) throw refuse('a directory')
    return target
  }

  async #whiteout(parts: string[], layer: LayerState): Promise<void> {
    const name = parts[parts.length - 1]
    const entry = parts.join('/')
    const dir = await this.#resolveDir(parts.slice(0, -1), false, layer, entry)
    if (name === OPAQUE_MARKER) {
      if (dir === undefined) return
      const prefix = dir === '' ? '' : `${dir}/`
      const unmade = [...this.#unmadeLinks.keys()].filter(
        (rel) => rel.startsWith(prefix) && !rel.slice(prefix.length).includes('/'),
      )
      for (const child of await readdir(this.#abs(dir))) {
        await this.#removeLower(`${prefix}${child}`, layer)
      }
      for (const rel of unmade) await this.#removeLower(rel, layer)
      return
    }
    if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
      // aufs bookkeeping (.wh..wh.plnk and friends), meaningless outside aufs.
      this.#logger.debug(`layer ${layer.name}: skipped aufs metadata "${entry}"`)
      return
    }
    const target = name.slice(WHITEOUT_PREFIX.length)
    if (target === '' || target === '.' || target === '..') {
      throw unsafe(layer.name, `whiteout "${entry}" names no file`)
    }
    if (dir === undefined) return
    const real = this.#component(dir, target, false, layer, entry)
    await this.#removeLower(dir === '' ? real : `${dir}/${real}`, layer)
  }

  /** Removes `rel` as a lower layer left it: whatever the current layer wrote there stays. */
  async #removeLower(rel: string, layer: LayerState): Promise<void> {
    if (!layer.kept.has(rel)) this.#unmadeLinks.delete(rel)
    const stats = await lstatOrUndefined(this.#abs(rel))
    if (!stats) return
    if (!layer.kept.has(rel)) return this.#remove(rel, stats)
    if (!stats.isDirectory()) return
    for (const child of await readdir(this.#abs(rel))) {
      await this.#removeLower(`${rel}/${child}`, layer)
    }
  }

  async #remove(rel: string, stats: { isDirectory(): boolean }): Promise<void> {
    // Never through a link: the directory it is removed from must still be ours.
    await this.#assertParent(rel)
    if (!stats.isDirectory()) {
      await unlink(this.#abs(rel))
      this.#names.forget(rel)
      return
    }
    await rm(this.#abs(rel), { recursive: true, force: true })
    this.#names.forget(rel)
    const prefix = `${rel}/`
    const under = (key: string) => key === rel || key.startsWith(prefix)
    for (const key of this.#dirs.keys()) if (under(key)) this.#dirs.delete(key)
    for (const key of this.#deferred.keys()) if (under(key)) this.#deferred.delete(key)
    for (const key of this.#unmadeLinks.keys()) if (under(key)) this.#unmadeLinks.delete(key)
  }

  /**
   * Resolves directory `parts` to a real directory path relative to root, securejoin-style:
   * each component is lstat'ed, symlinks are expanded with their targets re-rooted at root, and
   * `..` stops at root. With `create`, missing directories are made and non-directories in the
   * way replaced; without it, undefined means there is no such directory.
   */
  async #resolveDir(
    parts: string[],
    create: true,
    layer: LayerState,
    entry: string,
  ): Promise<string>
  async #resolveDir(
    parts: string[],
    create: boolean,
    layer: LayerState,
    entry: string,
  ): Promise<string | undefined>
  async #resolveDir(
    parts: string[],
    create: boolean,
    layer: LayerState,
    entry: string,
  ): Promise<string | undefined> {
    const real: string[] = []
    const pending = parts.toReversed()
    let expansions = 0
    for (let part = pending.pop(); part !== undefined; part = pending.pop()) {
      if (part === '' || part === '.') continue
      if (part === '..') {
        real.pop()
        continue
      }
      const illegal = this.#renameIllegal ? undefined : illegalNameReason(part, this.#rules)
      if (illegal !== undefined) {
        // Entry names were checked before: this part comes from a symlink's target.
        throw unsafe(
          layer.name,
          `a symlink on the way to "${entry}" points to a name ${this.#rules.label} cannot hold (${illegal})`,
        )
      }
      real.push(this.#component(real.join('/'), part, create, layer, entry))
      const rel = real.join('/')
      if (this.#dirs.has(rel)) continue
      const abs = this.#abs(rel)
      const unmade = this.#unmadeLinks.get(rel)
      const stats = unmade === undefined ? await lstatId(abs) : undefined
      if (unmade !== undefined || stats?.isSymbolicLink()) {
        if (++expansions > MAX_LINK_EXPANSIONS) {
          throw unsafe(layer.name, `too many symlinks while resolving "${entry}"`)
        }
        const target = unmade ?? (await readlink(abs))
        real.pop()
        if (isRootedTarget(target, this.#rules)) real.length = 0
        const path = this.#rules.windowsNames ? target.replace(/^[A-Za-z]:/, '') : target
        pending.push(...splitEntryName(path, this.#rules).reverse())
        continue
      }
      if (stats?.isDirectory()) {
        this.#dirs.set(rel, fileIdOf(stats))
        continue
      }
      if (!create) return undefined
      if (stats) await this.#remove(rel, stats)
      await this.#makeDir(rel)
      await this.#settleDir(rel, 0o755)
    }
    return real.join('/')
  }

  /** mkdir of `rel`, in the directory that is ours (checked after). */
  async #makeDir(rel: string): Promise<void> {
    await mkdir(this.#abs(rel))
    await this.#checkMade(rel, 'directory')
  }

  /** Opens the directory just made at `rel` (checked: no link), records its id and sets its mode. */
  async #settleDir(rel: string, mode: number): Promise<void> {
    const handle = await this.#openDir(rel)
    try {
      this.#dirs.set(rel, fileIdOf(await handle.stat({ bigint: true })))
      await handle.chmod(mode)
    } finally {
      await handle.close()
    }
  }

  async #openDir(rel: string): Promise<FileHandle> {
    const parent = parentOf(rel)
    return openChecked({
      path: this.#abs(rel),
      name: rel,
      flags: this.#flags.directory,
      parent: { path: this.#abs(parent), id: await this.#dirId(parent) },
      creates: false,
    })
  }

  /** The id of the real directory `rel`, as recorded when it was made or checked. */
  async #dirId(rel: string): Promise<FileId> {
    const known = this.#dirs.get(rel)
    if (known !== undefined) return known
    const stats = await lstatId(this.#abs(rel))
    if (!stats?.isDirectory()) throw changedError(rel)
    this.#dirs.set(rel, fileIdOf(stats))
    return fileIdOf(stats)
  }

  async #assertParent(rel: string): Promise<void> {
    const parent = parentOf(rel)
    await assertDirectory(this.#abs(parent), await this.#dirId(parent), rel)
  }

  /**
   * After making `rel` by its path (mkdir, link, symlink, mknod): its directory must still be
   * ours; if a link took its place, what was just made through it is taken away again.
   */
  async #checkMade(rel: string, kind: 'file' | 'directory'): Promise<void> {
    try {
      await this.#assertParent(rel)
    } catch (error) {
      const abs = this.#abs(rel)
      await (kind === 'directory' ? rmdir(abs) : unlink(abs)).catch(() => {})
      throw error
    }
  }

  /** Whether `rel` is a directory reached from root through directories only. */
  async #isRealDir(rel: string): Promise<boolean> {
    if (rel === '') return true
    const parts = rel.split('/')
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/')
      if (this.#dirs.has(prefix)) continue
      const stats = await lstatId(this.#abs(prefix))
      if (!stats?.isDirectory()) return false
      this.#dirs.set(prefix, fileIdOf(stats))
    }
    return true
  }

  /**
   * The real name of the layer's name `part` in the real directory `parent`: `part` itself, or
   * with renaming its legal stand-in (the one it had before, if any). With `create` the name is
   * claimed: one the filesystem would take for another (case) is refused, or renamed `~N`.
   */
  #component(
    parent: string,
    part: string,
    create: boolean,
    layer: LayerState,
    entry: string,
  ): string {
    const origin = parent === '' ? part : `${parent}/${part}`
    if (!this.#renameIllegal) {
      if (create) this.#claim(origin, entry)
      return part
    }
    const base = legalName(part, this.#rules) ?? part
    const before = this.#renames.get(origin)
    let name = before ?? base
    if (!create) return name
    const inParent = (candidate: string) => (parent === '' ? candidate : `${parent}/${candidate}`)
    for (let count = 1; this.#names.claim(inParent(name), origin) !== undefined; count++) {
      name = withCollisionSuffix(base, count)
    }
    if (name !== part && name !== before) {
      this.#renames.set(origin, name)
      layer.renamed.push(`"${origin}" → "${inParent(name)}"`)
    }
    return name
  }

  /** Refuses `rel` when the filesystem would take it for another name already written (case). */
  #claim(rel: string, entry: string): void {
    const earlier = this.#names.claim(rel)
    if (earlier === undefined) return
    throw new RefusedName(
      `"${entry}" (${rel === entry ? '' : `"${rel}" `}differs only by case from "${earlier}")`,
    )
  }

  #defer(rel: string, header: EntryHeader, fallback: number): void {
    this.#deferred.set(rel, {
      mode: this.#mode(header, fallback),
      mtime: header.mtime,
    })
  }

  #mode(header: EntryHeader, fallback: number): number {
    const mode = (header.mode ?? fallback) & 0o7777
    return this.#preserveSpecial ? mode : mode & ~SPECIAL_BITS
  }

  #keep(layer: LayerState, rel: string): void {
    let path = rel
    while (!layer.kept.has(path)) {
      layer.kept.add(path)
      if (path === '') break
      path = path.slice(0, Math.max(0, path.lastIndexOf('/')))
    }
  }

  #abs(rel: string): string {
    return rel === '' ? this.#root : join(this.#root, rel)
  }
}

/**
 * A tar name as clean components by the platform's separators: no leading `./` or `/`, no `.`
 * or empty parts; `..` (also `..\` on Windows) and NUL refused.
 */
function cleanParts(
  raw: string,
  layerName: string,
  rules: NameRules,
  what = `entry "${raw}"`,
): string[] {
  if (raw.includes('\0')) throw unsafe(layerName, `${what} has a NUL in its name`)
  const parts = splitEntryName(raw, rules)
  if (parts.includes('..')) throw unsafe(layerName, `${what} climbs out with ".."`)
  return parts
}

/** "a" of "a/b", "" of "b". */
const parentOf = (rel: string): string => rel.slice(0, Math.max(0, rel.lastIndexOf('/')))

/** The first names of a list, and how many more. */
function listed(names: readonly string[]): string {
  const more = names.length > MAX_LISTED_NAMES ? ` and ${names.length - MAX_LISTED_NAMES} more` : ''
  return `${names.slice(0, MAX_LISTED_NAMES).join(', ')}${more}`
}

const unsafe = (layerName: string, detail: string): TarPushError =>
  new TarPushError('LAYER_UNSAFE', `layer ${layerName}: ${detail}`, {
    subject: layerName,
    hint: UNSAFE_HINT,
  })

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw error
  }
}

async function drain(body: Body): Promise<void> {
  for await (const chunk of body) void chunk
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    )
  })
}

function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1 && value % 1024 === 0) {
    value /= 1024
    unit++
  }
  return `${value} ${units[unit]}`
}
