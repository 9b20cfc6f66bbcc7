/** Codes of bad input (exit code 2). */
const INPUT_ERROR_CODES = [
  'USAGE',
  'TARBALL_NOT_FOUND',
  'TARBALL_UNREADABLE',
  'TARBALL_FORMAT',
  'TARBALL_ENTRY',
  'TARBALL_JSON',
  'TARBALL_MISSING_ENTRY',
  'LAYER_COUNT_MISMATCH',
  'DIFF_ID_MISMATCH',
  'BLOB_DIGEST_MISMATCH',
  'NO_TAGS',
  'INVALID_REFERENCE',
  'LAYER_UNSAFE',
  'OUTPUT_ERROR',
  'NO_MATCHING_IMAGE',
  'DUPLICATE_PLATFORM',
] as const

/** Codes of registry, network and auth failures (exit code 3). */
const REGISTRY_ERROR_CODES = [
  'AUTH_FAILED',
  'AUTH_DENIED',
  'CREDENTIAL_HELPER',
  'TLS_ERROR',
  'NETWORK_ERROR',
  'REGISTRY_ERROR',
  'MANIFEST_DIGEST_MISMATCH',
  'IMAGE_NOT_FOUND',
  'PLATFORM_NOT_FOUND',
  'MANIFEST_UNSUPPORTED',
] as const

/**
 * Work stopped on request (the caller's AbortSignal: SIGINT, SIGTERM, a cancelled job), neither
 * bad input nor a failure. Front ends choose the exit code from the signal (130, 143).
 */
const STOP_ERROR_CODES = ['CANCELLED'] as const

/** Every code the product prints; the README's troubleshooting table documents each one. */
export const ERROR_CODES = [
  ...INPUT_ERROR_CODES,
  ...REGISTRY_ERROR_CODES,
  ...STOP_ERROR_CODES,
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const INPUT_CODES: ReadonlySet<ErrorCode> = new Set(INPUT_ERROR_CODES)

export interface TarPushErrorOptions {
  subject?: string
  hint?: string
  cause?: unknown
  /** A transient failure (5xx, 429, a reset, a timeout): the same request may succeed later. */
  retryable?: boolean
  /** How long the registry asked us to wait (Retry-After). */
  retryAfterMs?: number
}

/**
 * One error class for everything a user can cause. `code` is stable and documented, `subject`
 * names the failing object (file and entry, layer digest, URL and status) and `hint` says what
 * to do. Front ends map `kind` to an exit code (input → 2, registry → 3).
 */
export class TarPushError extends Error {
  readonly code: ErrorCode
  readonly subject: string | undefined
  readonly hint: string | undefined
  readonly retryable: boolean
  readonly retryAfterMs: number | undefined

  constructor(code: ErrorCode, message: string, options: TarPushErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'TarPushError'
    this.code = code
    this.subject = options.subject
    this.hint = options.hint
    this.retryable = options.retryable ?? false
    this.retryAfterMs = options.retryAfterMs
  }

  get kind(): 'input' | 'registry' {
    return INPUT_CODES.has(this.code) ? 'input' : 'registry'
  }

  /** The one-paragraph form shown to users: code, what failed, and what to do. */
  describe(): string {
    const subject = this.subject && !this.message.includes(this.subject) ? ` [${this.subject}]` : ''
    const hint = this.hint ? `\n  hint: ${this.hint}` : ''
    return `${this.code}: ${this.message}${subject}${hint}`
  }
}

/** How an error that is no TarPushError (a fault of tar-push) is shown: with its stack. */
export const describeUnexpected = (error: unknown): string =>
  `unexpected error: ${(error as Error)?.stack ?? String(error)}`

/** The exit code of a run that failed by a fault of tar-push (an unexpected error). */
export const EXIT_FAULT = 1

export const exitCodeFor = (error: unknown): number =>
  error instanceof TarPushError ? (error.kind === 'input' ? 2 : 3) : EXIT_FAULT
