import { TarPushError, type ErrorCode } from '../errors.ts'

/**
 * Reads external JSON through checks that name the document and the field that is wrong,
 * e.g. `manifest.json: [0].Layers[2] must be a string`.
 */
export class JsonReader {
  readonly #document: string
  readonly #code: ErrorCode
  readonly #hint: string

  constructor(
    document: string,
    code: ErrorCode = 'TARBALL_JSON',
    hint = 'the image archive was written by a broken tool or altered; save the image again',
  ) {
    this.#document = document
    this.#code = code
    this.#hint = hint
  }

  get document(): string {
    return this.#document
  }

  parse(bytes: Buffer): unknown {
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown
    } catch (error) {
      throw this.fail('', `is not valid JSON (${(error as Error).message})`)
    }
  }

  fail(path: string, problem: string): TarPushError {
    const where = path ? `${this.#document}: ${path}` : this.#document
    return new TarPushError(this.#code, `${where} ${problem}`, {
      subject: this.#document,
      hint: this.#hint,
    })
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw this.fail(path, 'must be an object')
    }
    return value as Record<string, unknown>
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) throw this.fail(path, 'must be an array')
    return value
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') throw this.fail(path, 'must be a string')
    return value
  }

  optionalString(value: unknown, path: string): string | undefined {
    return value === undefined || value === null ? undefined : this.string(value, path)
  }

  size(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw this.fail(path, 'must be a non-negative integer')
    }
    return value
  }

  stringArray(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, index) => this.string(item, `${path}[${index}]`))
  }

  stringMap(value: unknown, path: string): Record<string, string> | undefined {
    if (value === undefined || value === null) return undefined
    const object = this.object(value, path)
    for (const [key, item] of Object.entries(object)) this.string(item, `${path}.${key}`)
    return object as Record<string, string>
  }
}
