import { join } from 'node:path'
import { expandResultPaths, mergeResults, readResults } from '../lib/loadtest/merge.ts'
import { resultJson, writeBenchFile } from '../lib/loadtest/output.ts'
import { report } from './bench-report.ts'
import { BenchMergeOutput, getBenchMergeInputs } from './inputs.ts'
import { actionsLogger } from './log.ts'
import { runStep } from './step.ts'
import { temporaryDirectory } from '../lib/paths.ts'

/** The bench merge action: the matrix jobs' result files → one merged result and summary. */
export function run(): Promise<void> {
  return runStep('bench merge', async (step) => {
    const inputs = getBenchMergeInputs()
    step.attempted = `merge of the bench results ${inputs.results.join(', ')}`
    step.unfinished = () => 'bench merge not finished'
    const paths = await expandResultPaths(inputs.results)
    actionsLogger.info(`bench merge: ${paths.length} results: ${paths.join(', ')}`)
    const merged = mergeResults(await readResults(paths))
    const path = inputs.result ?? join(temporaryDirectory(), 'tar-push-bench-merged.json')
    await writeBenchFile('input result', path, resultJson(merged))
    await report(merged, { [BenchMergeOutput.result]: path })
  })
}
