import { text } from 'node:stream/consumers'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { TarPushError } from '../lib/errors.ts'
import type { FlagSpecs } from './command.ts'

export function usageError(message: string, command?: string, hint?: string): TarPushError {
  return new TarPushError('USAGE', message, {
    hint: hint ?? (command ? `run tar-push ${command} --help` : 'run tar-push --help'),
  })
}

/** Flags every command takes: credentials, TLS, retries and output. */
export const CONNECTION_FLAGS: FlagSpecs = {
  username: {
    type: 'string',
    value: 'U',
    description: 'registry user; the password comes with --password-stdin',
  },
  'password-stdin': {
    type: 'boolean',
    description: 'read the password or token from standard input',
  },
  insecure: {
    type: 'boolean',
    description: 'plain HTTP and no TLS verification, for this registry only',
  },
  'ca-file': {
    type: 'string',
    value: 'FILE',
    description: 'PEM CA certificates trusted in addition to the system roots',
  },
  concurrency: {
    type: 'string',
    value: 'N',
    description: 'layers worked on at once (default: 2 x cores, at most 8)',
  },
  retries: {
    type: 'string',
    value: 'N',
    description:
      'retries of a failed request (5xx, 429, resets, timeouts), with backoff (default 4)',
  },
  timeout: {
    type: 'string',
    value: 'S',
    description: 'connect, response and idle-body timeout in seconds (default 300)',
  },
}

export const OUTPUT_FLAGS: FlagSpecs = {
  json: { type: 'boolean', description: 'print the result as JSON on standard output' },
  debug: { type: 'boolean', description: 'show HTTP traffic (secrets masked)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
}

export function parseInteger(
  value: unknown,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (typeof value !== 'string' || !Number.isInteger(number) || number < min || number > max) {
    throw usageError(`${flag} must be an integer ${min}-${max}`)
  }
  return number
}

export const stringFlag = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

export const listFlag = (value: unknown): string[] =>
  (Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean)

export async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw usageError(
      '--password-stdin needs the password on standard input (echo "$TOKEN" | tar-push …)',
    )
  const password = (await text(process.stdin)).replace(/\r?\n$/, '')
  if (!password) throw usageError('--password-stdin read an empty password')
  return password
}

/** The XDG cache directory, as other CLI tools keep theirs. */
export function defaultCacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'tar-push')
}

/**
 * The ConnectOptions every command builds from CONNECTION_FLAGS. A user name and a password
 * come together, or neither (then the docker config is asked): one alone is refused before any
 * work, naming the one that is missing.
 */
export async function connectionOptions(values: Record<string, unknown>) {
  const username = stringFlag(values['username'])
  const passwordStdin = values['password-stdin'] === true
  if (username !== undefined && !passwordStdin)
    throw usageError(
      `--username ${username} is given without a password`,
      undefined,
      `pipe the password or token in with --password-stdin (echo "$TOKEN" | tar-push … --username ${username} --password-stdin), or leave out --username to use the docker config (docker login)`,
    )
  if (passwordStdin && !username)
    throw usageError(
      '--password-stdin is given without --username',
      undefined,
      'add --username (for a token, most registries take any non-empty name)',
    )
  return {
    username,
    password: passwordStdin ? await readPasswordFromStdin() : undefined,
    insecure: values['insecure'] === true,
    caFile: stringFlag(values['ca-file']),
    concurrency: parseInteger(values['concurrency'], '--concurrency', 1, 64),
    retries: parseInteger(values['retries'], '--retries', 0, 20),
    timeoutSeconds: parseInteger(values['timeout'], '--timeout', 1, 3600),
  }
}
