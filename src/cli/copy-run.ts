import { tagTracker, tagsSetBefore } from '../lib/cancel.ts'
import { copy } from '../lib/copy.ts'
import { formatBytes } from '../lib/format.ts'
import type { CliOutput, FlagValues, RunContext } from './command.ts'
import { connectionOptions, stringFlag, usageError } from './common.ts'

/** Runs `copy` (loaded only when the command runs: see copy.ts). */
export async function runCopyCommand(
  values: FlagValues,
  operands: string[],
  output: CliOutput,
  context: RunContext,
): Promise<number> {
  const [source, target, ...extra] = operands
  if (!source || !target)
    throw usageError('copy needs a SOURCE and a TARGET image reference', 'copy')
  if (extra.length > 0) throw usageError(`unexpected arguments: ${extra.join(' ')}`, 'copy')
  const { tagged, onTagged } = tagTracker()
  context.unfinished = () => `copy of ${source} to ${target} not finished; ${tagsSetBefore(tagged)}`
  const result = await copy({
    source,
    target,
    platform: stringFlag(values['platform']),
    ...(await connectionOptions(values)),
    logger: output,
    onTagged,
    progress: output.progress,
    signal: context.signal,
  })
  if (values['json'] === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  else {
    process.stdout.write(`${result.imageRef}\n`)
    output.success(
      `copied ${result.source} to ${result.repository}${result.tags.length > 0 ? `:${result.tags.join(', ')}` : ''} (${result.digest}): ${result.images.length} image${result.images.length === 1 ? '' : 's'}, ${formatBytes(result.bytesUploaded)} copied in ${result.seconds.toFixed(1)} s`,
    )
  }
  return 0
}
