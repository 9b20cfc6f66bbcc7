import { TarPushError } from '../errors.ts'
import { parseDuration } from './units.ts'

/**
 * The open model (`--rate`): iterations start on a fixed schedule whatever the registry answers,
 * as k6's constant-arrival-rate and wrk2 do, so a slow registry shows as latency, not as fewer
 * requests (no coordinated omission).
 */

/** One step of the schedule: this many iterations a second, for this long. */
export interface RateStage {
  perSecond: number
  seconds: number
}

const RATE_UNITS: Record<string, number> = { s: 1, m: 1 / 60, h: 1 / 3600 }

function usage(message: string): TarPushError {
  return new TarPushError('USAGE', message, {
    hint: 'e.g. --rate 50/s, or steps: --rate 10/s,20/s,40/s --step-duration 30s',
  })
}

/** `50/s`, `600/m`, `2.5/s`, `10/s,20/s,40/s`: iterations per second of each step. */
export function parseRates(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim())
  return parts.map((part) => {
    const match = /^(\d+(?:\.\d+)?)\s*\/\s*(s|m|h)$/.exec(part)
    const perSecond = match ? Number(match[1]) * RATE_UNITS[match[2]!]! : Number.NaN
    if (!(perSecond > 0)) throw usage(`--rate: "${part}" is not a rate above 0 like 50/s`)
    if (perSecond > 100_000) throw usage(`--rate: ${part} is over 100000/s`)
    return perSecond
  })
}

/**
 * The steps of a `--rate` list: each lasts `--step-duration`, or the duration shared out evenly
 * when only `--duration` is given. One of the two is needed to know when the schedule ends.
 */
export function rateStages(options: {
  rates: readonly number[]
  stepMs?: number | undefined
  durationMs?: number | undefined
}): RateStage[] {
  const { rates, stepMs, durationMs } = options
  const each = stepMs ?? (durationMs === undefined ? undefined : durationMs / rates.length)
  if (each === undefined || !(each > 0))
    throw usage('--rate needs --duration or --step-duration to know when its schedule ends')
  return rates.map((perSecond) => ({ perSecond, seconds: each / 1000 }))
}

export const parseStepDuration = (text: string): number => parseDuration(text, '--step-duration')

/** An iteration the schedule started: its number and the instant it was due (performance.now()). */
export interface Arrival {
  number: number
  dueAt: number
  stage: number
}

/** What the schedule did, per step and in all. */
export interface ArrivalCounts {
  /** Iterations the schedule asked for (due before it ended). */
  asked: number
  /** Handed to a user (at once, or after waiting for one). */
  started: number
  /** Every user busy and as many iterations already waiting as there are users. */
  dropped: number
}

/**
 * Hands iterations to users on the schedule. An iteration that comes due while every user is
 * busy waits for the first user to become free, and its latency is measured from when it was
 * due, so the wait counts; when as many iterations wait as there are users, it is dropped
 * (counted, never started late). Timers fire late under load: every iteration due by then is
 * handed out at once, each with its own due instant.
 */
export class ArrivalSchedule {
  readonly stages: readonly RateStage[]
  readonly perStage: ArrivalCounts[]
  readonly #maxWaiting: number
  readonly #waiting: Arrival[] = []
  readonly #idle: ((arrival: Arrival | undefined) => void)[] = []
  readonly #limit: number | undefined
  #startedAt = 0
  #stage = 0
  /** Index of the next arrival within the current stage. */
  #inStage = 0
  #number = 0
  #timer: NodeJS.Timeout | undefined
  #over = false

  readonly #onEnd: (() => void) | undefined

  constructor(options: {
    stages: readonly RateStage[]
    /** How many iterations may wait for a user before more are dropped. */
    users: number
    /** At most this many iterations in all (--iterations). */
    limit?: number | undefined
    /** Called once when the schedule ends by itself (not by stop()). */
    onEnd?: (() => void) | undefined
  }) {
    this.#onEnd = options.onEnd
    this.stages = options.stages
    this.perStage = options.stages.map(() => ({ asked: 0, started: 0, dropped: 0 }))
    this.#maxWaiting = options.users
    this.#limit = options.limit
  }

  /** Starts the clock: the first iteration is due at once. */
  start(now = performance.now()): void {
    this.#startedAt = now
    this.#release()
  }

  /** The next iteration for a user, or undefined once the schedule is over. */
  next(): Promise<Arrival | undefined> {
    const waiting = this.#waiting.shift()
    if (waiting) return Promise.resolve(waiting)
    if (this.#over) return Promise.resolve(undefined)
    return new Promise((resolve) => this.#idle.push(resolve))
  }

  /** Ends the schedule: waiting iterations are not started, idle users are let go. */
  stop(): void {
    this.#over = true
    clearTimeout(this.#timer)
    for (const arrival of this.#waiting.splice(0)) this.perStage[arrival.stage]!.started--
    for (const resolve of this.#idle.splice(0)) resolve(undefined)
  }

  get over(): boolean {
    return this.#over
  }

  get totals(): ArrivalCounts {
    const total = { asked: 0, started: 0, dropped: 0 }
    for (const counts of this.perStage) {
      total.asked += counts.asked
      total.started += counts.started
      total.dropped += counts.dropped
    }
    return total
  }

  /** When the stage `index` begins, ms after the start. */
  #stageStartMs(index: number): number {
    let ms = 0
    for (let stage = 0; stage < index; stage++) ms += this.stages[stage]!.seconds * 1000
    return ms
  }

  /** Hands out every iteration due by now, then sleeps until the next one is due. */
  #release(): void {
    if (this.#over) return
    const elapsed = performance.now() - this.#startedAt
    for (;;) {
      const stage = this.stages[this.#stage]
      if (!stage) {
        this.#finish()
        return
      }
      const stageStart = this.#stageStartMs(this.#stage)
      const dueMs = stageStart + (this.#inStage * 1000) / stage.perSecond
      if (dueMs >= stageStart + stage.seconds * 1000) {
        this.#stage++
        this.#inStage = 0
        continue
      }
      if (dueMs > elapsed) {
        this.#timer = setTimeout(() => this.#release(), Math.max(1, dueMs - elapsed))
        return
      }
      if (this.#limit !== undefined && this.#number >= this.#limit) {
        this.#finish()
        return
      }
      this.#inStage++
      this.#arrive({ number: this.#number++, dueAt: this.#startedAt + dueMs, stage: this.#stage })
    }
  }

  #arrive(arrival: Arrival): void {
    const counts = this.perStage[arrival.stage]!
    counts.asked++
    const idle = this.#idle.shift()
    if (idle) {
      counts.started++
      idle(arrival)
    } else if (this.#waiting.length < this.#maxWaiting) {
      counts.started++
      this.#waiting.push(arrival)
    } else counts.dropped++
  }

  /** Nothing more comes due: users finish what waits, then stop. */
  #finish(): void {
    this.#over = true
    for (const resolve of this.#idle.splice(0)) resolve(undefined)
    this.#onEnd?.()
  }
}
