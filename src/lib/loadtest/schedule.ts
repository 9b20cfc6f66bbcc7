import { TarPushError } from '../errors.ts'
import { SCENARIO_NAMES, type ScenarioName, type StopReason } from './result.ts'

/**
 * Hands out iteration numbers to virtual users until the run stops: `--iterations` are shared
 * by all users (exactly that many start), and the deadline or a stop ends the handing out.
 */
export class IterationSchedule {
  readonly #limit: number | undefined
  #next = 0
  #stopped: StopReason | undefined
  readonly #over = new AbortController()

  constructor(limit: number | undefined) {
    this.#limit = limit
  }

  /** The next iteration's number, or undefined when no more may start. */
  claim(): number | undefined {
    if (this.#stopped) return undefined
    if (this.#limit !== undefined && this.#next >= this.#limit) {
      this.stop('iterations')
      return undefined
    }
    return this.#next++
  }

  stop(reason: StopReason): void {
    this.#stopped ??= reason
    this.#over.abort()
  }

  /** Aborts when no more iterations may start: users still waiting to ramp up give up. */
  get over(): AbortSignal {
    return this.#over.signal
  }

  /** Why it stopped (the first reason wins), or undefined while iterations are handed out. */
  get stopped(): StopReason | undefined {
    return this.#stopped
  }

  get claimed(): number {
    return this.#next
  }
}

/**
 * The scenario of each iteration of a mixed run, by smooth weighted round-robin (nginx's): the
 * mix is exact over every `sum of weights` iterations and spread evenly, not drawn at random,
 * so repeated runs do the same work.
 */
export function mixCycle(mix: Partial<Record<ScenarioName, number>>): ScenarioName[] {
  const weighted = SCENARIO_NAMES.map((name) => ({ name, weight: mix[name] ?? 0 })).filter(
    ({ weight }) => weight > 0,
  )
  const divisor = weighted.reduce((d, { weight }) => gcd(d, weight), 0)
  const entries = weighted.map(({ name, weight }) => ({
    name,
    weight: weight / divisor,
    current: 0,
  }))
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0)
  const cycle: ScenarioName[] = []
  for (let step = 0; step < total; step++) {
    for (const entry of entries) entry.current += entry.weight
    const best = entries.reduce((a, b) => (b.current > a.current ? b : a))
    best.current -= total
    cycle.push(best.name)
  }
  return cycle
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** Parses `push=20,pull=80` (weights are whole numbers; missing scenarios weigh 0). */
export function parseMix(text: string): Partial<Record<ScenarioName, number>> {
  const mix: Partial<Record<ScenarioName, number>> = {}
  for (const part of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)\s*[=:]\s*(\d+)$/.exec(part)
    const name = match?.[1] as ScenarioName | undefined
    if (!match || !name || !SCENARIO_NAMES.includes(name)) {
      throw new TarPushError('USAGE', `--mix: "${part}" is not scenario=weight`, {
        hint: `name push, pull or head with a whole-number weight, e.g. --mix push=20,pull=80`,
      })
    }
    const weight = Number(match[2])
    if (weight > 1000) {
      throw new TarPushError('USAGE', `--mix: the weight of ${name} is over 1000`, {
        hint: 'weights are relative: push=1,pull=4 is the same mix as push=20,pull=80',
      })
    }
    mix[name] = weight
  }
  if (Object.values(mix).every((weight) => !weight)) {
    throw new TarPushError('USAGE', '--mix gives no scenario a weight above 0', {
      hint: 'e.g. --mix push=20,pull=80',
    })
  }
  return mix
}
