import { COMPRESSIONS, levelRange } from '../lib/encode/levels.ts'
import type { UploadMode } from '../lib/engine/copy.ts'
import { formatBytes } from '../lib/format.ts'
import { metadataOf } from '../lib/metadata.ts'
import type { Compression } from '../lib/image/model.ts'
import { push, type PushResult } from '../lib/push.ts'
import { stat } from 'node:fs/promises'
import { STDIN } from '../lib/archive/open.ts'
import { looksLikeTarget, parseMappings } from '../lib/targets.ts'
import { tagTracker, tagsSetBefore } from '../lib/cancel.ts'
import type { CliOutput, FlagValues, RunContext } from './command.ts'
import {
  connectionOptions,
  defaultCacheDir,
  listFlag,
  parseInteger,
  stringFlag,
  usageError,
} from './common.ts'

/** Runs `push` (loaded only when the command runs: see push.ts). */
export async function runPushCommand(
  values: FlagValues,
  operands: string[],
  output: CliOutput,
  context: RunContext,
): Promise<number> {
  const { tarballs, image } = await splitOperands(operands, stringFlag(values['image']))
  if (values['password-stdin'] === true && tarballs.includes(STDIN))
    throw usageError(
      '--password-stdin and the tarball - both read standard input',
      'push',
      'pass the tarball as a file, or the password with the docker config (docker login)',
    )
  const target = image ?? stringFlag(values['registry'])
  const what = `push of ${tarballs.map((path) => (path === STDIN ? 'standard input' : path)).join(', ')}${target ? ` to ${target}` : ''} not finished`
  const { tagged, onTagged } = tagTracker()
  // Kept current: a stop can come after the push tagged some of several images.
  context.unfinished = () => `${what}; ${tagsSetBefore(tagged)}`
  const compression = (stringFlag(values['compression']) ?? 'gzip') as Compression
  if (!COMPRESSIONS.includes(compression))
    throw usageError(`--compression must be one of ${COMPRESSIONS.join(', ')}`, 'push')
  const result = await push({
    tarball: tarballs,
    image,
    tags: listFlag(values['tag']),
    registry: stringFlag(values['registry']),
    images: parseMappings(Array.isArray(values['map']) ? (values['map'] as string[]) : []),
    select: stringFlag(values['select']),
    mountFrom: listFlag(values['mount-from']),
    ...(await connectionOptions(values)),
    compression,
    compressionLevel: parseLevel(values['compression-level'], compression),
    cacheDir:
      values['no-cache'] === true
        ? undefined
        : (stringFlag(values['cache-dir']) ?? defaultCacheDir()),
    uploadMode: parseUploadMode(values['upload-mode']),
    chunkSize: parseInteger(values['chunk-size'], '--chunk-size', 0, 2 ** 40),
    logger: output,
    onTagged,
    progress: output.progress,
    signal: context.signal,
  })
  printResult(result, values, output)
  return 0
}

/**
 * `push TARBALL... [TARGET]`: the last of several operands is the target when no such file
 * exists and it reads as an image reference with a registry or a tag (crane's order); a lone
 * operand that names a registry and no file is a target without its tarball.
 */
async function splitOperands(
  operands: readonly string[],
  image: string | undefined,
): Promise<{ tarballs: string[]; image: string | undefined }> {
  if (operands.length === 0) throw usageError('push needs a TARBALL', 'push')
  const last = operands.at(-1)!
  const isTarget = async (registryNeeded: boolean) =>
    last !== STDIN &&
    looksLikeTarget(last, registryNeeded) &&
    !(await stat(last).then(
      () => true,
      () => false,
    ))
  if (operands.length === 1) {
    if (image === undefined && (await isTarget(true)))
      throw usageError(
        `push needs a TARBALL before the target ${last}`,
        'push',
        `tar-push push app.tar ${last} (or docker save app | tar-push push - ${last})`,
      )
    return { tarballs: [...operands], image }
  }
  if (!(await isTarget(false))) return { tarballs: [...operands], image }
  if (image !== undefined && image !== last)
    throw usageError(
      `the target is given twice: --image ${image} and ${last}`,
      'push',
      'name the target once, as the last operand or with --image',
    )
  return { tarballs: operands.slice(0, -1), image: last }
}

function parseUploadMode(value: unknown): UploadMode | undefined {
  if (value === undefined) return undefined
  if (value !== 'stream' && value !== 'spool')
    throw usageError('--upload-mode must be stream or spool', 'push')
  return value
}

function parseLevel(value: unknown, compression: Compression): number | undefined {
  if (value === undefined) return undefined
  const range = levelRange(compression)
  const level = Number(value)
  if (!range || !Number.isInteger(level) || level < range[0] || level > range[1]) {
    throw usageError(
      range
        ? `--compression-level for ${compression} must be an integer ${range[0]}-${range[1]}`
        : `--compression none takes no level`,
      'push',
    )
  }
  return level
}

function printResult(result: PushResult, values: FlagValues, output: CliOutput): void {
  if (values['json'] === true) {
    process.stdout.write(`${JSON.stringify(metadataOf(result), null, 2)}\n`)
    return
  }
  for (const image of result.images) {
    const uploaded = image.images
      .flatMap((member) => member.layers)
      .filter((layer) => layer.status === 'uploaded').length
    const total = image.images.reduce((count, member) => count + member.layers.length, 0)
    process.stdout.write(`${image.imageRef}\n`)
    output.success(
      `pushed ${image.references.join(', ') || `${image.imageRef} (by digest, no tag)`}: ${uploaded} of ${total} layers uploaded, ${formatBytes(image.bytesUploaded)} in ${result.seconds.toFixed(1)} s`,
    )
  }
}
