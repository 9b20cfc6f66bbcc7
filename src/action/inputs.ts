import * as core from '@actions/core'
import { SCENARIO_NAMES, type ScenarioName } from '../lib/loadtest/result.ts'
import { parseRates, parseStepDuration } from '../lib/loadtest/arrival.ts'
import { parseWorkers } from '../lib/loadtest/workers.ts'
import { parseMix } from '../lib/loadtest/schedule.ts'
import { parseStartAt } from '../lib/loadtest/start-at.ts'
import { parseDuration, parseSize } from '../lib/loadtest/units.ts'
import { COMPRESSIONS, levelRange } from '../lib/encode/levels.ts'
import { TarPushError } from '../lib/errors.ts'
import type { Compression } from '../lib/image/model.ts'
import {
  PULL_FORMATS,
  SYMLINK_MODES,
  type IllegalNameMode,
  type PullFormat,
  type SymlinkMode,
} from '../lib/pull.ts'
import { parseMappings, type ImageMapping } from '../lib/targets.ts'

/** Input and output names, in one place (action.yml must match). */
export const Input = {
  tarball: 'tarball',
  image: 'image',
  tags: 'tags',
  registry: 'registry',
  images: 'images',
  select: 'select',
  mountFrom: 'mount-from',
  username: 'username',
  password: 'password',
  insecure: 'insecure',
  caFile: 'ca-file',
  compression: 'compression',
  compressionLevel: 'compression-level',
  concurrency: 'concurrency',
  cache: 'cache',
  retries: 'retries',
  chunkSize: 'chunk-size',
  timeout: 'timeout',
} as const

export const Output = {
  digest: 'digest',
  imageRef: 'image-ref',
  tags: 'tags',
  metadata: 'metadata',
} as const

export interface PushInputs {
  tarball: string[]
  image: string | undefined
  tags: string[]
  registry: string | undefined
  images: ImageMapping[]
  select: string | undefined
  mountFrom: string[]
  username: string | undefined
  password: string | undefined
  insecure: boolean
  caFile: string | undefined
  compression: Compression
  compressionLevel: number | undefined
  concurrency: number | undefined
  cache: boolean
  retries: number | undefined
  chunkSize: number | undefined
  timeoutSeconds: number | undefined
}

const optional = (name: string): string | undefined => core.getInput(name) || undefined

/**
 * A required input is missing: the runner does not enforce action.yml's `required: true` for a
 * JavaScript action, and a value from an expression that came out empty is the same as none.
 */
const missingInput = (name: string, example: string): TarPushError =>
  new TarPushError('USAGE', `input ${name} is required`, {
    subject: name,
    hint: `set \`with: ${name}: ${example}\` in the step (a value from an expression that came out empty counts as not set)`,
  })

/** A required input's value; a missing one fails the step naming it and how to set it. */
function required(name: string, example: string): string {
  const value = core.getInput(name)
  if (!value) throw missingInput(name, example)
  return value
}

/** A required list input (comma- or newline-separated), with at least one item. */
function requiredList(name: string, example: string): string[] {
  const items = parseList(core.getInput(name))
  if (items.length === 0) throw missingInput(name, example)
  return items
}

/** Comma- or newline-separated list, as docker/metadata-action writes tags. */
export const parseList = (value: string): string[] =>
  value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean)

function parseBoolean(name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  throw new TarPushError('USAGE', `input ${name} must be true or false, not "${value}"`, {
    subject: name,
  })
}

function parseInteger(name: string, min: number, max: number): number | undefined {
  const text = optional(name)
  if (text === undefined) return undefined
  const number = Number(text)
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new TarPushError(
      'USAGE',
      `input ${name} must be an integer ${min}-${max}, not "${text}"`,
      {
        subject: name,
      },
    )
  }
  return number
}

/** Every input read and validated once, into one typed object. */
export function getInputs(): PushInputs {
  const tarball = requiredList(Input.tarball, 'path/to/image.tar')
  const compression = (core.getInput(Input.compression) || 'gzip') as Compression
  if (!COMPRESSIONS.includes(compression)) {
    throw new TarPushError(
      'USAGE',
      `input compression must be one of ${COMPRESSIONS.join(', ')}, not "${compression}"`,
      {
        subject: Input.compression,
      },
    )
  }
  const levelText = optional(Input.compressionLevel)
  let compressionLevel: number | undefined
  if (levelText !== undefined) {
    const range = levelRange(compression)
    compressionLevel = Number(levelText)
    if (
      !range ||
      !Number.isInteger(compressionLevel) ||
      compressionLevel < range[0] ||
      compressionLevel > range[1]
    ) {
      throw new TarPushError(
        'USAGE',
        range
          ? `input compression-level must be an integer ${range[0]}-${range[1]} for ${compression}, not "${levelText}"`
          : 'input compression-level does not apply to compression none',
        { subject: Input.compressionLevel },
      )
    }
  }
  const password = optional(Input.password)
  if (password) core.setSecret(password)
  return {
    tarball,
    image: optional(Input.image),
    tags: parseList(core.getInput(Input.tags)),
    registry: optional(Input.registry),
    images: parseMappings(core.getInput(Input.images).split('\n')),
    select: optional(Input.select),
    mountFrom: parseList(core.getInput(Input.mountFrom)),
    username: optional(Input.username),
    password,
    insecure: parseBoolean(Input.insecure),
    caFile: optional(Input.caFile),
    compression,
    compressionLevel,
    concurrency: parseInteger(Input.concurrency, 1, 64),
    retries: parseInteger(Input.retries, 0, 20),
    chunkSize: parseInteger(Input.chunkSize, 0, 2 ** 40),
    timeoutSeconds: parseInteger(Input.timeout, 1, 3600),
    cache: core.getInput(Input.cache) === '' ? true : parseBoolean(Input.cache),
  }
}

/** The pull action's inputs (pull/action.yml). */
export const PullInput = {
  image: 'image',
  output: 'output',
  format: 'format',
  platform: 'platform',
  username: 'username',
  password: 'password',
  insecure: 'insecure',
  caFile: 'ca-file',
  concurrency: 'concurrency',
  retries: 'retries',
  timeout: 'timeout',
  preserveSpecial: 'preserve-special',
  maxSize: 'max-size',
  renameIllegal: 'rename-illegal',
  symlinks: 'symlinks',
} as const

export const PullOutput = {
  digest: 'digest',
  platform: 'platform',
  path: 'path',
  metadata: 'metadata',
} as const

export interface PullInputs {
  image: string
  output: string
  format: PullFormat
  platform: string | undefined
  username: string | undefined
  password: string | undefined
  insecure: boolean
  caFile: string | undefined
  concurrency: number | undefined
  retries: number | undefined
  timeoutSeconds: number | undefined
  preserveSpecial: boolean
  maxSize: number | undefined
  illegalNames: IllegalNameMode
  symlinks: SymlinkMode
}

export function getPullInputs(): PullInputs {
  const format = (core.getInput(PullInput.format) || 'docker') as PullFormat
  if (!PULL_FORMATS.includes(format)) {
    throw new TarPushError(
      'USAGE',
      `input format must be one of ${PULL_FORMATS.join(', ')}, not "${format}"`,
      { subject: PullInput.format },
    )
  }
  const symlinks = (core.getInput(PullInput.symlinks) || 'error') as SymlinkMode
  if (!SYMLINK_MODES.includes(symlinks)) {
    throw new TarPushError(
      'USAGE',
      `input symlinks must be one of ${SYMLINK_MODES.join(', ')}, not "${symlinks}"`,
      { subject: PullInput.symlinks },
    )
  }
  const password = optional(PullInput.password)
  if (password) core.setSecret(password)
  return {
    image: required(PullInput.image, 'ghcr.io/org/app:1.0'),
    output: required(PullInput.output, 'image.tar'),
    format,
    platform: optional(PullInput.platform),
    username: optional(PullInput.username),
    password,
    insecure: parseBoolean(PullInput.insecure),
    caFile: optional(PullInput.caFile),
    concurrency: parseInteger(PullInput.concurrency, 1, 64),
    retries: parseInteger(PullInput.retries, 0, 20),
    timeoutSeconds: parseInteger(PullInput.timeout, 1, 3600),
    preserveSpecial: parseBoolean(PullInput.preserveSpecial),
    maxSize: parseInteger(PullInput.maxSize, 1, Number.MAX_SAFE_INTEGER),
    illegalNames: parseBoolean(PullInput.renameIllegal) ? 'rename' : 'refuse',
    symlinks,
  }
}

/** The bench action's inputs (bench/action.yml): the CLI's flags of `tar-push bench`. */
export const BenchInput = {
  registry: 'registry',
  scenario: 'scenario',
  vus: 'vus',
  duration: 'duration',
  rampUp: 'ramp-up',
  iterations: 'iterations',
  rate: 'rate',
  stepDuration: 'step-duration',
  workers: 'workers',
  mix: 'mix',
  layers: 'layers',
  layerSize: 'layer-size',
  images: 'images',
  repoPrefix: 'repo-prefix',
  upload: 'upload',
  chunkSize: 'chunk-size',
  reconnect: 'reconnect',
  verify: 'verify',
  startAt: 'start-at',
  gracefulStop: 'graceful-stop',
  cleanup: 'cleanup',
  result: 'result',
  jtl: 'jtl',
  username: 'username',
  password: 'password',
  insecure: 'insecure',
  caFile: 'ca-file',
  retries: 'retries',
  timeout: 'timeout',
} as const

export const BenchOutput = {
  result: 'result',
  jtl: 'jtl',
  requests: 'requests',
  errors: 'errors',
  p95: 'p95-ms',
} as const

export interface BenchInputs {
  registry: string
  scenario: ScenarioName | 'mixed'
  vus: number | undefined
  durationMs: number | undefined
  rampUpMs: number | undefined
  iterations: number | undefined
  rates: number[] | undefined
  stepMs: number | undefined
  workers: number | undefined
  mix: Partial<Record<ScenarioName, number>> | undefined
  layers: number | undefined
  layerSize: number | undefined
  images: number | undefined
  repoPrefix: string | undefined
  upload: 'patch' | 'monolithic' | undefined
  chunkSize: number | undefined
  reconnect: boolean
  verify: boolean
  startAtMs: number | undefined
  gracefulStopMs: number | undefined
  cleanup: boolean
  /** Where the JSON result goes (undefined: a unique file in RUNNER_TEMP). */
  result: string | undefined
  /** true: a JTL next to the result; a path: there; undefined: none. */
  jtl: string | true | undefined
  username: string | undefined
  password: string | undefined
  insecure: boolean
  caFile: string | undefined
  retries: number | undefined
  timeoutSeconds: number | undefined
}

/** One of a fixed set of words, or the default when empty. */
function parseChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = (optional(name) ?? fallback) as T
  if (!choices.includes(value))
    throw new TarPushError(
      'USAGE',
      `input ${name} must be one of ${choices.join(', ')}, not "${value}"`,
      { subject: name },
    )
  return value
}

const parsed = <T>(name: string, parse: (text: string, flag: string) => T): T | undefined => {
  const text = optional(name)
  return text === undefined ? undefined : parse(text, `input ${name}`)
}

export function getBenchInputs(): BenchInputs {
  const password = optional(BenchInput.password)
  if (password) core.setSecret(password)
  const jtl = optional(BenchInput.jtl)
  return {
    registry: required(BenchInput.registry, 'registry.example.com'),
    scenario: parseChoice(BenchInput.scenario, [...SCENARIO_NAMES, 'mixed'], 'push'),
    vus: parseInteger(BenchInput.vus, 1, 100_000),
    durationMs: parsed(BenchInput.duration, parseDuration),
    rampUpMs: parsed(BenchInput.rampUp, parseDuration),
    iterations: parseInteger(BenchInput.iterations, 1, 2 ** 40),
    rates: parsed(BenchInput.rate, (text) => parseRates(text)),
    stepMs: parsed(BenchInput.stepDuration, (text) => parseStepDuration(text)),
    workers: parsed(BenchInput.workers, (text) => parseWorkers(text)),
    mix: parsed(BenchInput.mix, (text) => parseMix(text)),
    layers: parseInteger(BenchInput.layers, 0, 1000),
    layerSize: parsed(BenchInput.layerSize, parseSize),
    images: parseInteger(BenchInput.images, 1, 10_000),
    repoPrefix: optional(BenchInput.repoPrefix),
    upload: parseChoice<'patch' | 'monolithic'>(
      BenchInput.upload,
      ['patch', 'monolithic'],
      'patch',
    ),
    chunkSize: parsed(BenchInput.chunkSize, parseSize),
    reconnect: parseBoolean(BenchInput.reconnect),
    verify: core.getInput(BenchInput.verify) === '' ? true : parseBoolean(BenchInput.verify),
    startAtMs: parsed(BenchInput.startAt, parseStartAt),
    gracefulStopMs: parsed(BenchInput.gracefulStop, parseDuration),
    cleanup: parseBoolean(BenchInput.cleanup),
    result: optional(BenchInput.result),
    jtl: jtl === undefined || jtl === 'false' ? undefined : jtl === 'true' ? true : jtl,
    username: optional(BenchInput.username),
    password,
    insecure: parseBoolean(BenchInput.insecure),
    caFile: optional(BenchInput.caFile),
    retries: parseInteger(BenchInput.retries, 0, 20),
    timeoutSeconds: parseInteger(BenchInput.timeout, 1, 3600),
  }
}

/** The bench merge action's inputs (bench/merge/action.yml). */
export const BenchMergeInput = {
  results: 'results',
  result: 'result',
} as const

export const BenchMergeOutput = {
  result: 'result',
  requests: 'requests',
  errors: 'errors',
  p95: 'p95-ms',
} as const

export interface BenchMergeInputs {
  /** Paths or globs, one per line or comma-separated. */
  results: string[]
  result: string | undefined
}

export function getBenchMergeInputs(): BenchMergeInputs {
  return {
    results: requiredList(BenchMergeInput.results, 'results/*.json'),
    result: optional(BenchMergeInput.result),
  }
}
