import * as core from '@actions/core'
import { formatMarkdown, formatReport } from '../lib/loadtest/report.ts'
import type { BenchResult } from '../lib/loadtest/result.ts'
import { BenchOutput } from './inputs.ts'

/** Outputs (files, counts, p95), the table in the log and the Markdown in the job summary. */
export async function report(result: BenchResult, files: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(files)) core.setOutput(name, value)
  core.setOutput(BenchOutput.requests, String(result.totals.requests))
  core.setOutput(BenchOutput.errors, String(result.totals.errors))
  core.setOutput(BenchOutput.p95, String(result.totals.latency.p95))
  core.info(formatReport(result))
  if (process.env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(formatMarkdown(result)).write()
}
