/**
 * Turns raw samples into medians, the pass/fail checks and the printed table. Medians, not means:
 * one slow run (a page-cache miss, a noisy neighbour) should not move the result.
 */
import type { ToolName } from './tools.ts'

export type CaseId =
  | 'cold'
  | 'repush'
  | 'changed'
  | 'cold-big'
  | 'cold-oci'
  | 'cold-zstd'
  | 'cold-none'
  | 'cold-spool'
  | 'pull'

export interface Sample {
  case: CaseId
  tool: ToolName
  rep: number
  ok: boolean
  seconds?: number
  cpuSeconds?: number
  userSeconds?: number
  systemSeconds?: number
  maxRssMB?: number
  /** Cold pushes: MB (10^6 bytes) of config and layers in the pushed manifest. */
  pushedMB?: number
  digest?: string
  note: string
  /** CPU seconds the registry used during the push. */
  registryCpuSeconds?: number
  /**
   * CPU seconds the rest of the machine used during the push (all CPUs' busy time less the
   * tool's and the registry's): kernel I/O work, and anything else running.
   */
  otherCpuSeconds?: number
  /** Something else took a noticeable share of the CPUs during this push. */
  noisy: boolean
  error?: string
}

type Metric = 'seconds' | 'cpuSeconds' | 'maxRssMB' | 'pushedMB'

type Target = { kind: 'ratio'; max: number } | { kind: 'ours'; max: number }

interface Row {
  label: string
  /** Several cases: the row shows the largest of their medians, for each tool. */
  case: CaseId | readonly CaseId[]
  metric: Metric
  target?: Target
  oursOnly?: boolean
}

export interface CheckResult {
  label: string
  case: CaseId | readonly CaseId[]
  metric: Metric
  unit: string
  ours?: number
  skopeo?: number
  ratio?: number
  target?: string
  /** undefined: informational row, or no successful samples to judge. */
  pass?: boolean
  /** Samples behind this row taken while other work used the CPUs. */
  noisySamples: number
}

export type Medians = Partial<Record<CaseId, Partial<Record<ToolName, MedianSet>>>>

export interface MedianSet {
  samples: number
  seconds: number
  cpuSeconds: number
  maxRssMB: number
  pushedMB: number
}

export const RSS_LIMIT_MB = 120

/** Other work using more than this share of the machine's CPUs during a push marks it noisy. */
export const NOISY_SHARE = 0.2

/** Every push of a whole image to an empty registry: the modes the memory target covers. */
const COLD_PUSHES: readonly CaseId[] = [
  'cold',
  'cold-big',
  'cold-oci',
  'cold-zstd',
  'cold-none',
  'cold-spool',
]

export function tableRows(bigLabel: string): Row[] {
  return [
    {
      label: 'cold push, docker-archive (gzip)',
      case: 'cold',
      metric: 'seconds',
      target: ratio(0.7),
    },
    { label: 'cold push, zstd', case: 'cold-zstd', metric: 'seconds', target: ratio(0.8) },
    {
      label: 'cold push, oci-archive (gzip)',
      case: 'cold-oci',
      metric: 'seconds',
      target: ratio(1),
    },
    {
      label: 'peak RSS, every push mode',
      case: COLD_PUSHES,
      metric: 'maxRssMB',
      target: oursMax(),
    },
    { label: 'bytes pushed, gzip', case: 'cold', metric: 'pushedMB', target: ratio(1.05) },
    { label: 'bytes pushed, zstd', case: 'cold-zstd', metric: 'pushedMB', target: ratio(1.05) },
    {
      label: 're-push same tag, fresh runner',
      case: 'repush',
      metric: 'seconds',
      target: ratio(0.15),
    },
    { label: 'push, one layer changed', case: 'changed', metric: 'seconds' },
    { label: 'CPU user+sys, cold push', case: 'cold', metric: 'cpuSeconds' },
    { label: `cold push ${bigLabel}`, case: 'cold-big', metric: 'seconds' },
    { label: `peak RSS, cold push ${bigLabel}`, case: 'cold-big', metric: 'maxRssMB' },
    { label: 'pull to a docker-archive', case: 'pull', metric: 'seconds', target: ratio(0.7) },
    { label: 'peak RSS, pull', case: 'pull', metric: 'maxRssMB' },
    {
      label: 'cold push, --compression none',
      case: 'cold-none',
      metric: 'seconds',
      oursOnly: true,
    },
    {
      label: 'cold push, --upload-mode spool',
      case: 'cold-spool',
      metric: 'seconds',
      oursOnly: true,
    },
  ]
}

const ratio = (max: number): Target => ({ kind: 'ratio', max })
const oursMax = (): Target => ({ kind: 'ours', max: RSS_LIMIT_MB })

export function computeMedians(samples: readonly Sample[]): Medians {
  const medians: Medians = {}
  for (const sample of samples) {
    const byTool = (medians[sample.case] ??= {})
    if (byTool[sample.tool]) continue
    const ok = samples.filter((s) => s.ok && s.case === sample.case && s.tool === sample.tool)
    if (ok.length === 0) continue
    byTool[sample.tool] = {
      samples: ok.length,
      seconds: median(ok.map((s) => s.seconds ?? NaN)),
      cpuSeconds: median(ok.map((s) => s.cpuSeconds ?? NaN)),
      maxRssMB: median(ok.map((s) => s.maxRssMB ?? NaN)),
      pushedMB: median(ok.map((s) => s.pushedMB ?? NaN)),
    }
  }
  return medians
}

export function evaluate(
  rows: readonly Row[],
  medians: Medians,
  samples: readonly Sample[],
): CheckResult[] {
  return rows.map((row) => {
    const cases: readonly CaseId[] = typeof row.case === 'string' ? [row.case] : row.case
    const ours = largestMedian(medians, cases, 'ours', row.metric)
    const skopeo = row.oursOnly ? undefined : largestMedian(medians, cases, 'skopeo', row.metric)
    const unit = row.metric === 'maxRssMB' || row.metric === 'pushedMB' ? 'MB' : 's'
    const noisySamples = samples.filter((s) => cases.includes(s.case) && s.ok && s.noisy).length
    const result: CheckResult = {
      label: row.label,
      case: row.case,
      metric: row.metric,
      unit,
      noisySamples,
    }
    result.ours = ours
    result.skopeo = skopeo
    if (ours !== undefined && skopeo !== undefined && skopeo > 0) result.ratio = ours / skopeo
    if (row.target?.kind === 'ratio') {
      result.target = `ratio <= ${row.target.max}`
      if (result.ratio !== undefined) result.pass = result.ratio <= row.target.max
    } else if (row.target?.kind === 'ours') {
      result.target = `ours <= ${row.target.max} MB`
      if (ours !== undefined) result.pass = ours <= row.target.max
    }
    return result
  })
}

function largestMedian(
  medians: Medians,
  cases: readonly CaseId[],
  tool: ToolName,
  metric: Metric,
): number | undefined {
  const values = cases
    .map((caseId) => medians[caseId]?.[tool]?.[metric])
    .filter((value): value is number => value !== undefined && Number.isFinite(value))
  return values.length === 0 ? undefined : Math.max(...values)
}

export function formatTable(checks: readonly CheckResult[]): string {
  const header = ['case', 'ours', 'skopeo', 'ratio', 'target', 'result']
  const lines = checks.map((check) => [
    check.label,
    formatValue(check.ours, check.unit),
    formatValue(check.skopeo, check.unit),
    check.ratio === undefined ? '-' : check.ratio.toFixed(check.ratio < 1 ? 3 : 2),
    check.target ?? '-',
    `${verdict(check)}${check.noisySamples > 0 ? '*' : ''}`,
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  )
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  return [render(header), rule, ...lines.map(render)].join('\n')
}

function verdict(check: CheckResult): string {
  if (check.target === undefined) return 'info'
  if (check.pass === undefined) return 'n/a'
  return check.pass ? 'PASS' : 'FAIL'
}

export function formatSummary(checks: readonly CheckResult[], samples: readonly Sample[]): string {
  const judged = checks.filter((check) => check.target !== undefined)
  const passed = judged.filter((check) => check.pass === true)
  const failed = judged.filter((check) => check.pass === false).map((check) => check.label)
  const missing = judged.filter((check) => check.pass === undefined).map((check) => check.label)
  const parts = [`targets met: ${passed.length} of ${judged.length}`]
  if (failed.length > 0) parts.push(`missed: ${failed.join('; ')}`)
  if (missing.length > 0) parts.push(`not measured: ${missing.join('; ')}`)
  const lines = [parts.join(' | ')]
  const noisy = samples.filter((sample) => sample.noisy).length
  if (noisy > 0) {
    lines.push(
      `* ${noisy} of ${samples.length} samples ran while other work took over ` +
        `${NOISY_SHARE * 100}% of the CPUs ("otherCpuSeconds" in the results): rerun on a quiet machine`,
    )
  }
  return lines.join('\n')
}

function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '-'
  if (unit === 'MB') return `${value.toFixed(value < 1000 ? 1 : 0)} MB`
  return `${value.toFixed(2)} s`
}

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
