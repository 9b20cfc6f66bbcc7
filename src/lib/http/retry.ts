import { setTimeout as sleep } from 'node:timers/promises'
import { cancelledError, throwIfAborted } from '../cancel.ts'
import { TarPushError } from '../errors.ts'
import type { Logger } from '../log.ts'

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number
  /** First backoff; doubles each retry, with jitter, up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
}

/** Statuses that say "try again": timeouts, rate limits and a failing or overloaded server. */
export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504])

/**
 * Network failures that a second attempt can fix: a reset, a timeout; and, once the registry
 * has answered, a connection refused or without a route (it restarts, the network flaps) or a
 * DNS server that did not answer. At the first contact those fail at once instead (the ping
 * passes retryConnectFailures: false): nothing listens there, the host is unknown. An unknown
 * host (ENOTFOUND) is never retried.
 */
export const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
])

/** `Retry-After` in seconds or as an HTTP date; capped so a registry cannot stall a release. */
export function retryAfterMs(
  header: string | string[] | undefined,
  maxDelayMs: number,
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return undefined
  const seconds = Number(value)
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now()
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), maxDelayMs) : undefined
}

function backoffMs(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry)
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
}

/**
 * What a failure is, for telling a repeat from a new one: its message with each URL cut to its
 * origin (an upload's retry has a new session URL, the same failure all the same).
 */
const failureKind = (error: TarPushError): string =>
  `${error.code} ${error.message.replace(/\b(https?:\/\/[^/\s]+)\S*/g, '$1')}`

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable, or the policy's
 * retries are spent. Each attempt starts afresh (bodies are reopened from their source by the
 * attempt itself). Each distinct failure is logged once, with its reason and the retry it
 * leads to; the same failure again is not repeated (debug only), and an error that ends the
 * retries says how many attempts were made. Once `signal` is aborted nothing is tried again
 * and no backoff is waited out: whatever the attempt failed with (a cut connection looks
 * retryable), the result is CANCELLED.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  logger: Logger,
  attempt: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const seen = new Set<string>()
  for (let retry = 0; ; retry++) {
    throwIfAborted(signal)
    try {
      return await attempt()
    } catch (error) {
      if (signal?.aborted) throw cancelledError(signal)
      if (!(error instanceof TarPushError) || !error.retryable) throw error
      if (retry >= policy.retries) {
        // The message is the error's own property: amended in place, the error keeps its class.
        if (retry > 0 && !/; gave up after \d+ attempts$/.test(error.message))
          error.message += `; gave up after ${retry + 1} attempts`
        throw error
      }
      const delay = error.retryAfterMs ?? backoffMs(retry, policy)
      const line = `${what}: ${error.message}; retry ${retry + 1} of ${policy.retries} in ${(delay / 1000).toFixed(1)} s`
      const kind = failureKind(error)
      if (seen.has(kind)) logger.debug(`(the same failure again) ${line}`)
      else logger.warn(line)
      seen.add(kind)
      await sleep(delay, undefined, signal ? { signal } : undefined).catch(() => {
        throw cancelledError(signal)
      })
    }
  }
}
