import { illegalNameReason, type NameRules } from './entry-names.ts'

/**
 * The mapping of `--rename-illegal`: a name the platform cannot hold becomes a legal one by
 * percent-encoding only what makes it illegal, as URLs do (`a:b` → `a%3Ab`, `CON` → `CO%4E`,
 * `x.` → `x%2E`). In a renamed name `%` is encoded too (`%25`), so percent-decoding a renamed
 * name gives the layer's name back. Names the platform can hold are never touched.
 */

/** `%XX` for each UTF-8 byte of `character`. */
const percentEncode = (character: string): string =>
  [...Buffer.from(character, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('')

// eslint-disable-next-line no-control-regex
const ENCODED_CHARACTERS = /[%\\:*?"<>|\u0000-\u001f]/g

/** The legal name `name` maps to on the platform, or undefined when `name` is legal as it is. */
export function legalName(name: string, rules: NameRules): string | undefined {
  if (illegalNameReason(name, rules) === undefined) return undefined
  let mapped = name.replace(ENCODED_CHARACTERS, percentEncode)
  // A reserved device name (CON, com1.txt, "NUL .x"): the stem's last character goes encoded.
  const stem = mapped.split('.')[0]!.trimEnd()
  if (illegalNameReason(stem, rules) !== undefined) {
    const last = [...stem].pop()!
    mapped = `${stem.slice(0, stem.length - last.length)}${percentEncode(last)}${mapped.slice(stem.length)}`
  }
  // Windows drops trailing dots and spaces: the last one goes encoded.
  if (mapped.endsWith('.') || mapped.endsWith(' ')) {
    mapped = `${mapped.slice(0, -1)}${percentEncode(mapped.slice(-1))}`
  }
  return mapped
}

/**
 * The `count`th stand-in for a name that another one already takes on a case-insensitive
 * filesystem: `~count` before the extension (`Foo.txt` → `Foo~1.txt`, `.bashrc` → `.bashrc~1`).
 */
export function withCollisionSuffix(name: string, count: number): string {
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return `${name}~${count}`
  return `${name.slice(0, dot)}~${count}${name.slice(dot)}`
}
