import { existsSync } from 'node:fs'
import { formatBytes } from '../lib/format.ts'
import {
  PULL_FORMATS,
  SYMLINK_MODES,
  pull,
  type PullFormat,
  type SymlinkMode,
} from '../lib/pull.ts'
import type { CliOutput, FlagValues, RunContext } from './command.ts'
import { connectionOptions, parseInteger, stringFlag, usageError } from './common.ts'

/** Runs `pull` (loaded only when the command runs: see pull.ts). */
export async function runPullCommand(
  values: FlagValues,
  operands: string[],
  output: CliOutput,
  context: RunContext,
): Promise<number> {
  const [image, ...extra] = operands
  if (!image)
    throw usageError('pull needs an image reference (REGISTRY/REPOSITORY:TAG or @DIGEST)', 'pull')
  if (extra.length > 0) throw usageError(`unexpected arguments: ${extra.join(' ')}`, 'pull')
  const path = stringFlag(values['output'])
  if (!path) throw usageError('pull needs --output PATH', 'pull')
  const format = (stringFlag(values['format']) ?? 'docker') as PullFormat
  if (!PULL_FORMATS.includes(format))
    throw usageError(`--format must be one of ${PULL_FORMATS.join(', ')}`, 'pull')
  const symlinks = (stringFlag(values['symlinks']) ?? 'error') as SymlinkMode
  if (!SYMLINK_MODES.includes(symlinks))
    throw usageError(`--symlinks must be one of ${SYMLINK_MODES.join(', ')}`, 'pull')
  // A pull that fails or is stopped leaves the output path as it found it.
  const existed = existsSync(path)
  context.unfinished = () =>
    `pull of ${image} to ${path} not finished; ${existed ? `${path} left as it was` : `${path} not written`}`
  const result = await pull({
    image,
    output: path,
    format,
    platform: stringFlag(values['platform']),
    ...(await connectionOptions(values)),
    preserveSpecial: values['preserve-special'] === true,
    maxSize: parseInteger(values['max-size'], '--max-size', 1, Number.MAX_SAFE_INTEGER),
    illegalNames: values['rename-illegal'] === true ? 'rename' : 'refuse',
    symlinks,
    logger: output,
    progress: output.progress,
    signal: context.signal,
  })
  if (values['json'] === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  else {
    process.stdout.write(`${result.path}\n`)
    output.success(
      `pulled ${result.reference}@${result.digest}${result.platform ? ` (${result.platform})` : ''} as ${result.format}: ${result.layers.length} layers, ${formatBytes(result.bytesDownloaded)} downloaded in ${result.seconds.toFixed(1)} s`,
    )
  }
  return 0
}
