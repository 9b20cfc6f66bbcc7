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

/** Network failures that a second attempt can fix (a reset, a timeout, a refused connect). */
export const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
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
 * Runs `attempt` until it succeeds, fails with an error that is not retryable, or the policy's
 * retries are spent. Each attempt starts afresh (bodies are reopened from their source by the
 * attempt itself); each retry is logged with its reason. Once `signal` is aborted nothing is
 * tried again and no backoff is waited out: whatever the attempt failed with (a cut connection
 * looks retryable), the result is CANCELLED.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  logger: Logger,
  attempt: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    throwIfAborted(signal)
    try {
      return await attempt()
    } catch (error) {
      if (signal?.aborted) throw cancelledError(signal)
      if (!(error instanceof TarPushError) || !error.retryable || retry >= policy.retries)
        throw error
      const delay = error.retryAfterMs ?? backoffMs(retry, policy)
      logger.warn(
        `${what}: ${error.message}; retry ${retry + 1} of ${policy.retries} in ${(delay / 1000).toFixed(1)} s`,
      )
      await sleep(delay, undefined, signal ? { signal } : undefined).catch(() => {
        throw cancelledError(signal)
      })
    }
  }
}
