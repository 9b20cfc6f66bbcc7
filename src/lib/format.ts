/** How sizes and digests are shown to people: in log lines, progress bars and summaries. */

export const shortDigest = (digest: string): string => `${digest.slice(0, 7 + 12)}`

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}
