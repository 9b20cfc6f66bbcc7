import { spawn } from 'node:child_process'
import { constants, type Stats } from 'node:fs'
import {
  chmod,
  chown,
  lchown,
  link,
  lstat,
  lutimes,
  mkdir,
  open,
  readdir,
  readlink,
  rm,
  symlink,
  unlink,
} from 'node:fs/promises'
import { join, resolve } from 'node:path'
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
} from './entry-names.ts'

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
 * names are listed in one LAYER_UNSAFE error. On Linux every name is kept as it is.
 */

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
}

const DEFAULT_MAX_BYTES = 64 * 1024 ** 3
const DEFAULT_MAX_ENTRIES = 10_000_000
// As securejoin: enough for any sane image, few enough to stop a link loop.
const MAX_LINK_EXPANSIONS = 255
const WHITEOUT_PREFIX = '.wh.'
const OPAQUE_MARKER = '.wh..wh..opq'
const SPECIAL_BITS = 0o6000
const TAR_BLOCK = 512
// O_NOFOLLOW where the platform has it (not Windows, where the lstat walk of #resolveDir is the guard).
const FLAGS = writerFlags()
const NEW_FILE_FLAGS = FLAGS.newFile
const DIR_FLAGS = FLAGS.directory
// Names listed in one error; the count says how many more.
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
}

/** An entry refused for its name: recorded in the layer's list, not thrown out of it. */
class RefusedName extends Error {}

interface DeferredDir {
  mode: number
  mtime: Date | undefined
}

export class RootfsWriter {
  readonly #root: string
  readonly #preserveSpecial: boolean
  readonly #maxBytes: number
  readonly #maxEntries: number
  readonly #logger: Logger
  readonly #asRoot: boolean
  readonly #rules: NameRules
  /** The real paths written, folded as the platform's filesystem compares names. */
  readonly #names: FoldedNames
  #bytes = 0
  #entries = 0
  /** Real directories (relative to root) known to exist; cleared whenever a directory is removed. */
  readonly #dirs = new Set<string>()
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
    this.#names = new FoldedNames(this.#rules.folding)
    this.#dirs.add('')
  }

  /** Applies one layer; `tar` is the UNCOMPRESSED tar stream; `layerName` (a digest) names the layer in errors. */
  async applyLayer(tar: Readable, layerName: string): Promise<void> {
    const layer: LayerState = { name: layerName, kept: new Set(), special: 0, refused: [] }
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
    if (failure !== undefined) {
      tar.destroy()
      throw failure
    }
    if (layer.special > 0) {
      this.#logger.warn(
        `layer ${layerName}: skipped ${layer.special} device node(s) or FIFO(s); they need preserveSpecial (and root)`,
      )
    }
  }

  #refusedError(layer: LayerState): TarPushError {
    const { refused } = layer
    const listed = refused.slice(0, MAX_LISTED_NAMES).join(', ')
    const more =
      refused.length > MAX_LISTED_NAMES ? ` and ${refused.length - MAX_LISTED_NAMES} more` : ''
    return new TarPushError(
      'LAYER_UNSAFE',
      `layer ${layer.name}: ${refused.length} name(s) cannot be written on ${this.#rules.label}: ${listed}${more}`,
      {
        subject: layer.name,
        hint: 'unpack this image on Linux, or pull it with format oci or docker, which keep the layers as they are',
      },
    )
  }

  /** Applies deferred directory modes and mtimes; call once after the last layer. */
  async finish(): Promise<void> {
    const depth = (rel: string) => (rel === '' ? 0 : rel.split('/').length)
    // Deepest first: a parent made read-only or unsearchable must not stop its children.
    const dirs = [...this.#deferred].sort(([a], [b]) => depth(b) - depth(a))
    this.#deferred.clear()
    for (const [rel, meta] of dirs) {
      if (!(await this.#isRealDir(rel))) continue
      // The root itself is the caller's and may be reached through a symlink.
      const handle = await open(this.#abs(rel), rel === '' ? constants.O_RDONLY : DIR_FLAGS)
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
    const parts = cleanParts(header.name, layer.name, this.#rules)
    if (parts.length === 0) {
      if (isFile) await drain(body)
      if (type === 'directory') this.#defer('', header, 0o755)
      else this.#logger.debug(`layer ${layer.name}: skipped a ${type} entry naming the root`)
      return
    }
    const name = parts[parts.length - 1]
    if (name.startsWith(WHITEOUT_PREFIX)) {
      if (isFile) await drain(body)
      // A whiteout of a name the platform cannot hold removes nothing: no such file was written.
      if (illegalEntryReason(header.name, this.#rules) !== undefined) return
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

    const illegal = illegalEntryReason(header.name, this.#rules)
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
    const name = parts[parts.length - 1]!
    const dir = await this.#resolveDir(parts.slice(0, -1), true, layer, header.name)
    const rel = dir === '' ? name : `${dir}/${name}`
    this.#claim(rel, header.name)
    const abs = this.#abs(rel)
    const existing = await lstatOrUndefined(abs)

    if (type === 'directory') {
      if (existing?.isDirectory()) {
        if (this.#asRoot) await chown(abs, header.uid ?? 0, header.gid ?? 0)
      } else {
        if (existing) await this.#remove(rel, existing)
        await mkdir(abs)
        await this.#ownAndMode(abs, header, 0o755)
      }
      this.#dirs.add(rel)
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
      }
    } else {
      if (existing) await this.#remove(rel, existing)
      if (isFile) await this.#writeFile(abs, header, body)
      else if (type === 'symlink') await this.#symlink(abs, header, layer)
      else await this.#mknod(abs, header, layer)
    }
    this.#keep(layer, rel)
  }

  async #writeFile(abs: string, header: EntryHeader, body: Body): Promise<void> {
    const handle = await open(abs, NEW_FILE_FLAGS, 0o600)
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

  async #symlink(abs: string, header: EntryHeader, layer: LayerState): Promise<void> {
    const target = header.linkname ?? ''
    if (target === '' || target.includes('\0')) {
      throw unsafe(layer.name, `symlink "${header.name}" has an empty or NUL-bearing target`)
    }
    await symlink(target, abs)
    if (this.#asRoot) await lchown(abs, header.uid ?? 0, header.gid ?? 0)
    if (header.mtime) await lutimes(abs, header.mtime, header.mtime)
  }

  async #mknod(abs: string, header: EntryHeader, layer: LayerState): Promise<void> {
    const args =
      header.type === 'fifo'
        ? [abs, 'p']
        : [
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
    await this.#ownAndMode(abs, header, 0o600)
    if (header.mtime) await lutimes(abs, header.mtime, header.mtime)
  }

  /** The hard link's target, inside root; it must already exist there and not be a directory. */
  async #linkTarget(header: EntryHeader, layer: LayerState): Promise<string> {
    const raw = header.linkname ?? ''
    const parts = cleanParts(
      raw,
      layer.name,
      this.#rules,
      `the target "${raw}" of hard link "${header.name}"`,
    )
    const illegal = illegalEntryReason(raw, this.#rules)
    if (illegal !== undefined) {
      throw new RefusedName(`"${header.name}" (a hard link to "${raw}", ${illegal})`)
    }
    const refuse = (why: string) =>
      unsafe(layer.name, `hard link "${header.name}" points to "${raw}", ${why}`)
    if (parts.length === 0) throw refuse('the root')
    const dir = await this.#resolveDir(parts.slice(0, -1), false, layer, raw)
    if (dir === undefined) throw refuse('which is not in the image')
    const name = parts[parts.length - 1]
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
      for (const child of await readdir(this.#abs(dir))) {
        await this.#removeLower(dir === '' ? child : `${dir}/${child}`, layer)
      }
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
    if (dir !== undefined) await this.#removeLower(dir === '' ? target : `${dir}/${target}`, layer)
  }

  /** Removes `rel` as a lower layer left it: whatever the current layer wrote there stays. */
  async #removeLower(rel: string, layer: LayerState): Promise<void> {
    const stats = await lstatOrUndefined(this.#abs(rel))
    if (!stats) return
    if (!layer.kept.has(rel)) return this.#remove(rel, stats)
    if (!stats.isDirectory()) return
    for (const child of await readdir(this.#abs(rel))) {
      await this.#removeLower(`${rel}/${child}`, layer)
    }
  }

  async #remove(rel: string, stats: Stats): Promise<void> {
    if (!stats.isDirectory()) {
      await unlink(this.#abs(rel))
      this.#names.forget(rel)
      return
    }
    await rm(this.#abs(rel), { recursive: true, force: true })
    this.#names.forget(rel)
    this.#dirs.clear()
    this.#dirs.add('')
    const prefix = `${rel}/`
    for (const key of this.#deferred.keys()) {
      if (key === rel || key.startsWith(prefix)) this.#deferred.delete(key)
    }
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
      const illegal = illegalNameReason(part, this.#rules)
      if (illegal !== undefined) {
        // Entry names were checked before: this part comes from a symlink's target.
        throw unsafe(
          layer.name,
          `a symlink on the way to "${entry}" points to a name ${this.#rules.label} cannot hold (${illegal})`,
        )
      }
      real.push(part)
      const rel = real.join('/')
      if (create) this.#claim(rel, entry)
      if (this.#dirs.has(rel)) continue
      const abs = this.#abs(rel)
      const stats = await lstatOrUndefined(abs)
      if (stats?.isSymbolicLink()) {
        if (++expansions > MAX_LINK_EXPANSIONS) {
          throw unsafe(layer.name, `too many symlinks while resolving "${entry}"`)
        }
        const target = await readlink(abs)
        real.pop()
        if (isRootedTarget(target, this.#rules)) real.length = 0
        const path = this.#rules.windowsNames ? target.replace(/^[A-Za-z]:/, '') : target
        pending.push(...splitEntryName(path, this.#rules).reverse())
        continue
      }
      if (!stats?.isDirectory()) {
        if (!create) return undefined
        if (stats) await this.#remove(rel, stats)
        await mkdir(abs)
        await chmod(abs, 0o755)
      }
      this.#dirs.add(rel)
    }
    return real.join('/')
  }

  /** Whether `rel` is a directory reached from root through directories only. */
  async #isRealDir(rel: string): Promise<boolean> {
    if (rel === '') return true
    const parts = rel.split('/')
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/')
      if (this.#dirs.has(prefix)) continue
      const stats = await lstatOrUndefined(this.#abs(prefix))
      if (!stats?.isDirectory()) return false
      this.#dirs.add(prefix)
    }
    return true
  }

  async #ownAndMode(abs: string, header: EntryHeader, fallback: number): Promise<void> {
    if (this.#asRoot) await lchown(abs, header.uid ?? 0, header.gid ?? 0)
    const mode = this.#mode(header, fallback)
    await chmod(abs, header.type === 'directory' ? mode | 0o700 : mode)
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
