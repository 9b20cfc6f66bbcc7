import { setTimeout as sleep } from 'node:timers/promises'
import { TarPushError } from '../errors.ts'
import type { Logger } from '../log.ts'

/** Furthest ahead a start may be: a matrix's jobs start within minutes of each other. */
export const START_AT_MAX_AHEAD_MS = 60 * 60_000
/**
 * How late a start may be and still run (at once, with a warning): a runner picked up a little
 * late. Further in the past is a mistake (a stale timestamp, milliseconds taken for seconds).
 */
export const START_AT_MAX_LATE_MS = 60_000

const HINT =
  'give an instant within the next hour: ISO 8601 with a zone (2025-06-01T12:00:00Z) or epoch seconds ($(date -d +2min +%s))'

/** `2025-06-01T12:00:00Z`, `2025-06-01T14:00:00.500+02:00` or epoch seconds (`1748779200`). */
export function parseStartAt(text: string, flag = '--start-at'): number {
  const trimmed = text.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)
  const ms = iso ? Date.parse(trimmed) : Number.NaN
  if (Number.isNaN(ms)) {
    const zoneless = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(trimmed)
    throw new TarPushError(
      'USAGE',
      zoneless
        ? `${flag} "${text}" has no time zone: runners' clocks may differ in theirs`
        : `${flag} "${text}" is not an instant`,
      { subject: flag, hint: HINT },
    )
  }
  return ms
}

const describeGap = (ms: number): string =>
  ms >= 120_000 ? `${(ms / 60_000).toFixed(0)} min` : `${(ms / 1000).toFixed(1)} s`

/** Refuses an instant more than an hour ahead or more than a minute past. */
export function checkStartAt(atMs: number, nowMs = Date.now(), flag = '--start-at'): void {
  const when = new Date(atMs).toISOString()
  if (atMs - nowMs > START_AT_MAX_AHEAD_MS)
    throw new TarPushError(
      'USAGE',
      `${flag} ${when} is ${describeGap(atMs - nowMs)} away; at most 1 h ahead is waited for`,
      { subject: flag, hint: HINT },
    )
  if (nowMs - atMs > START_AT_MAX_LATE_MS)
    throw new TarPushError(
      'USAGE',
      `${flag} ${when} was ${describeGap(nowMs - atMs)} ago; a start up to 1 min late runs at once, not later`,
      { subject: flag, hint: HINT },
    )
}

/** Below this a late start is the timer's noise, not worth a warning. */
const LATE_NOTICE_MS = 250

/**
 * Waits until the instant (rejects with the signal's reason when aborted). A start already past
 * runs at once, with a warning saying by how much: the result records the instant, and a merge
 * reports each job's lateness.
 */
export async function waitUntil(atMs: number, logger: Logger, signal?: AbortSignal): Promise<void> {
  const wait = atMs - Date.now()
  const when = new Date(atMs).toISOString()
  if (wait <= 0) {
    if (-wait >= LATE_NOTICE_MS)
      logger.warn(`bench: --start-at ${when} passed ${describeGap(-wait)} ago; starting now`)
    return
  }
  logger.info(`bench: waiting ${describeGap(wait)} for --start-at ${when}`)
  await sleep(wait, undefined, { signal })
}
