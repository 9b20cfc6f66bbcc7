import { constants as fsConstants } from 'node:fs'
import { posix, win32, type PlatformPath } from 'node:path'

/**
 * The rules of the platform a rootfs is written on, for layer entry names. Layers are made on
 * Linux, where a name is any bytes but `/` and NUL; Windows and macOS refuse or merge some of
 * them. Everything here is pure and takes the platform's `path` module, so the Windows rules run
 * (and are tested) on Linux with `path.win32`.
 */

/** How the filesystem compares names: exactly (Linux), by case (Windows), by NFD and case (macOS). */
export type CaseFolding = 'none' | 'case' | 'nfd-case'

export interface NameRules {
  /** The platform's name in messages: "Windows", "macOS", "linux". */
  readonly label: string
  /** `path.win32` or `path.posix`: its separators split entry names and symlink targets. */
  readonly path: PlatformPath
  readonly folding: CaseFolding
  /** Refuse what Windows cannot hold: `\ : * ? " < > |`, control characters, CON and kin, trailing dots and spaces. */
  readonly windowsNames: boolean
}

export function nameRulesFor(platform: NodeJS.Platform = process.platform): NameRules {
  if (platform === 'win32') {
    return { label: 'Windows', path: win32, folding: 'case', windowsNames: true }
  }
  if (platform === 'darwin') {
    return { label: 'macOS', path: posix, folding: 'nfd-case', windowsNames: false }
  }
  return { label: platform, path: posix, folding: 'none', windowsNames: false }
}

/** Linux rules: names kept byte for byte, compared exactly. */
export const POSIX_RULES: NameRules = nameRulesFor('linux')

/**
 * Splits a tar name (or a symlink target) into components by the platform's separators: `/`
 * everywhere, and `\` too on Windows (where `..\..\x` climbs out). Empty and `.` components go.
 */
export function splitEntryName(raw: string, rules: NameRules): string[] {
  const separators = rules.path.sep === '\\' ? /[\\/]/ : /\//
  return raw.split(separators).filter((part) => part !== '' && part !== '.')
}

/** Whether a symlink target starts at the root on the platform (`/x`, and on Windows `\x`, `C:\x`, `C:x`). */
export function isRootedTarget(target: string, rules: NameRules): boolean {
  if (target.startsWith('/')) return true
  return rules.windowsNames && (target.startsWith('\\') || /^[A-Za-z]:/.test(target))
}

const WINDOWS_RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[1-9¹²³]|LPT[1-9¹²³])$/i
// eslint-disable-next-line no-control-regex
const WINDOWS_BAD_CHARACTER = /[\\:*?"<>|\u0000-\u001f]/

/** Why the platform cannot hold a file named `name` (one component), or undefined when it can. */
export function illegalNameReason(name: string, rules: NameRules): string | undefined {
  if (name.includes('\0')) return 'a NUL character'
  if (!rules.windowsNames) return undefined
  const bad = WINDOWS_BAD_CHARACTER.exec(name)?.[0]
  if (bad !== undefined) {
    const code = bad.codePointAt(0) ?? 0
    return code < 0x20 ? `control character 0x${code.toString(16).padStart(2, '0')}` : `"${bad}"`
  }
  // CON, con.txt, "CON .tar.gz": the part before the first dot, trailing spaces dropped.
  const stem = name.split('.')[0]!.trimEnd()
  if (WINDOWS_RESERVED.test(stem)) return `reserved device name ${stem.toUpperCase()}`
  if (name.endsWith('.') || name.endsWith(' ')) return 'a trailing dot or space'
  return undefined
}

/** Why the name (all its components) cannot exist on the platform, or undefined when it can. */
export function illegalEntryReason(raw: string, rules: NameRules): string | undefined {
  // Before splitting: on Windows `a\b` is a separator, and a name a Linux layer meant as one file.
  if (rules.windowsNames && raw.includes('\\')) return '"\\"'
  for (const part of splitEntryName(raw, rules)) {
    const why = illegalNameReason(part, rules)
    if (why !== undefined) return why
  }
  return undefined
}

/** The name as the filesystem compares it. */
export function foldName(name: string, folding: CaseFolding): string {
  if (folding === 'none') return name
  const folded = folding === 'nfd-case' ? name.normalize('NFD') : name
  return folded.toLowerCase()
}

/**
 * The names written so far, folded as the filesystem folds them: `claim` tells which earlier
 * name a new one would overwrite (`etc/Foo` then `etc/foo` on Windows or macOS). With folding
 * `none` (Linux) nothing is kept and nothing collides.
 */
export class FoldedNames {
  readonly #folding: CaseFolding
  readonly #seen = new Map<string, string>()

  constructor(folding: CaseFolding) {
    this.#folding = folding
  }

  /**
   * Records `rel` ("a/b/c", real components) for the layer name `origin` it is written for (the
   * same unless the name was renamed); returns the different earlier origin it folds onto.
   */
  claim(rel: string, origin = rel): string | undefined {
    if (this.#folding === 'none' || rel === '') return undefined
    const key = foldName(rel, this.#folding)
    const earlier = this.#seen.get(key)
    if (earlier !== undefined && earlier !== origin) return earlier
    this.#seen.set(key, origin)
    return undefined
  }

  /** Forgets `rel` and, for a directory, everything under it (it was removed). */
  forget(rel: string): void {
    if (this.#folding === 'none') return
    if (rel === '') return this.#seen.clear()
    const key = foldName(rel, this.#folding)
    this.#seen.delete(key)
    const prefix = `${key}/`
    for (const other of this.#seen.keys()) if (other.startsWith(prefix)) this.#seen.delete(other)
  }
}

/** The flags a platform's `fs.constants` offers; O_NOFOLLOW and O_DIRECTORY are absent on Windows. */
export interface OpenFlagConstants {
  O_RDONLY: number
  O_WRONLY: number
  O_CREAT: number
  O_EXCL: number
  O_NOFOLLOW?: number | undefined
  O_DIRECTORY?: number | undefined
}

export interface WriterFlags {
  /** A new regular file: never an existing one, never through a link. */
  newFile: number
  /** A directory opened to set its mode and mtime, not through a link. */
  directory: number
  /** Whether the kernel refuses links on open; without it (Windows) the writer relies on lstat. */
  noFollow: boolean
}

/** The writer's open flags from the platform's constants: the same as ever where O_NOFOLLOW exists. */
export function writerFlags(constants: OpenFlagConstants = fsConstants): WriterFlags {
  const noFollow = constants.O_NOFOLLOW ?? 0
  return {
    newFile: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow,
    directory: constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | noFollow,
    noFollow: noFollow !== 0,
  }
}
