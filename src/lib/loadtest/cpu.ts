import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

let clockTicks: number | undefined

/** USER_HZ, the unit of /proc/PID/stat times (100 on every common Linux). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clockTicks = 100
    }
  }
  return clockTicks
}

/** Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

/**
 * CPU seconds (user + system) a process has used, from /proc/PID/stat (utime and stime, fields
 * 14 and 15); undefined when there is no such process or no /proc (not Linux).
 */
export function processCpuSeconds(pid: number): number | undefined {
  const fields = statFields(pid)
  if (!fields) return undefined
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond()
}

/** CPU seconds of this process's children that have exited and been waited for (cutime+cstime). */
export function childrenCpuSeconds(): number {
  const fields = statFields('self')
  if (!fields) return 0
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond()
}

/** CPU seconds this process has used so far (all its threads). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}

/** Whether a pid names a live process this user can see. */
export function processExists(pid: number): boolean {
  return statFields(pid) !== undefined
}
