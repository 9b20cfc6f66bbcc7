/**
 * Machine-wide CPU use from /proc/stat, to tell a clean sample from one taken while something
 * else (a build, a test suite) was running on this small machine.
 */
import { readFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

/** /proc/stat counts in USER_HZ, which is 100 on Linux. */
const TICKS_PER_SECOND = 100

export interface CpuTimes {
  busySeconds: number
  totalSeconds: number
}

/** All CPUs together since boot; undefined where /proc/stat does not exist. */
export async function readCpuTimes(): Promise<CpuTimes | undefined> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => '')
  const fields = stat.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? []
  if (fields.length < 4 || !fields.every(Number.isFinite)) return undefined
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields
  const busy = user + nice + system + irq + softirq + steal
  return {
    busySeconds: busy / TICKS_PER_SECOND,
    totalSeconds: (busy + idle + iowait) / TICKS_PER_SECOND,
  }
}

/** CPU seconds the whole machine spent busy between two readings. */
export function busySecondsBetween(before?: CpuTimes, after?: CpuTimes): number | undefined {
  if (!before || !after) return undefined
  return Number((after.busySeconds - before.busySeconds).toFixed(2))
}

/** Fraction (0-1) of all CPUs busy over the next `ms` milliseconds. */
export async function busyFraction(ms: number): Promise<number | undefined> {
  const before = await readCpuTimes()
  await sleep(ms)
  const after = await readCpuTimes()
  if (!before || !after || after.totalSeconds <= before.totalSeconds) return undefined
  return (after.busySeconds - before.busySeconds) / (after.totalSeconds - before.totalSeconds)
}

/** User + system CPU seconds one process has used so far (fields 14 and 15 of /proc/PID/stat). */
export async function processCpuSeconds(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const [utime, stime] = [Number(fields[11]), Number(fields[12])]
  return Number.isFinite(utime) && Number.isFinite(stime)
    ? (utime + stime) / TICKS_PER_SECOND
    : undefined
}
