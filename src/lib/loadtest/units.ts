import { TarPushError } from '../errors.ts'

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** `60s`, `2m`, `1h`, `500ms`, `1m30s`, or a bare number of seconds; in milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000
  let total = 0
  const rest = trimmed.replace(/(\d+(?:\.\d+)?)(ms|s|m|h)/g, (_, value: string, unit: string) => {
    total += Number(value) * DURATION_UNITS[unit]!
    return ''
  })
  if (rest !== '' || trimmed === '') {
    throw new TarPushError('USAGE', `${flag} "${text}" is not a duration`, {
      hint: 'write it like 60s, 2m, 1m30s, 500ms or 1h (a bare number is seconds)',
    })
  }
  return total
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1000,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
}

/** `10MiB`, `512KiB`, `1GB`, `4096`: bytes (KiB/MiB/GiB are powers of 1024, kB/MB/GB of 1000). */
export function parseSize(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim())
  const factor = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined
  if (!match || factor === undefined) {
    throw new TarPushError('USAGE', `${flag} "${text}" is not a size`, {
      hint: 'write it like 10MiB, 512KiB, 1GB or a number of bytes',
    })
  }
  return Math.round(Number(match[1]) * factor)
}
