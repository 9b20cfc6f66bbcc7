import { readFile } from 'node:fs/promises'
import { throwIfAborted } from '../cancel.ts'
import { TarPushError } from '../errors.ts'
import { DEFAULT_RETRY_POLICY } from '../http/retry.ts'
import type { Logger } from '../log.ts'
import { RegistryClient, type RegistryClientOptions } from './client.ts'
import { resolveCredentials } from './credentials.ts'

/** What push and pull share to reach a registry. */
export interface ConnectOptions {
  username?: string | undefined
  password?: string | undefined
  insecure?: boolean | undefined
  caFile?: string | undefined
  /** Retries of a failed request or transfer (5xx, 429, resets, timeouts); default 4. */
  retries?: number | undefined
  /** First retry delay in ms, doubled each time (tests make it short); default 500. */
  retryBaseDelayMs?: number | undefined
  /** Connect, response and idle-body timeout in seconds; default 300 (connect at most 30). */
  timeoutSeconds?: number | undefined
  env?: NodeJS.ProcessEnv | undefined
  /** Observers of every HTTP request (see RegistryClientOptions.interceptors). */
  interceptors?: RegistryClientOptions['interceptors']
  /** See RegistryClientOptions.reuseReadBuffers. */
  reuseReadBuffers?: boolean | undefined
  /**
   * Stops the work when aborted (the CLI's SIGINT and SIGTERM, the runner's cancel): every
   * request ends where it stands with CANCELLED, nothing is retried, and the caller's cleanup
   * runs as on any failure.
   */
  signal?: AbortSignal | undefined
}

export async function readCaFile(path: string): Promise<string> {
  const pem = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new TarPushError(
      'USAGE',
      `cannot read ca-file "${path}": ${error.code ?? error.message}`,
      { subject: path },
    )
  })
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new TarPushError('USAGE', `ca-file "${path}" holds no PEM certificate`, {
      subject: path,
      hint: 'pass a PEM file with one or more "BEGIN CERTIFICATE" blocks',
    })
  }
  return pem
}

/** Credentials as docker finds them, then the ping that learns scheme and auth. */
export async function connectRegistry(
  registry: string,
  options: ConnectOptions,
  extraCaPem: string | undefined,
  logger: Logger,
): Promise<RegistryClient> {
  throwIfAborted(options.signal, `connecting to ${registry}`)
  const { credentials, source } = await resolveCredentials({
    registry,
    username: options.username,
    password: options.password,
    env: options.env,
  })
  logger.info(`credentials for ${registry}: ${source}`)
  return RegistryClient.connect({
    registry,
    credentials,
    insecure: options.insecure,
    extraCaPem,
    logger,
    retryPolicy: {
      ...DEFAULT_RETRY_POLICY,
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.retryBaseDelayMs !== undefined ? { baseDelayMs: options.retryBaseDelayMs } : {}),
    },
    timeoutSeconds: options.timeoutSeconds,
    interceptors: options.interceptors,
    reuseReadBuffers: options.reuseReadBuffers,
    signal: options.signal,
  })
}
