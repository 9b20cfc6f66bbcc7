import { tagTracker, tagsSetBefore } from '../lib/cancel.ts'
import { copy } from '../lib/copy.ts'
import { formatBytes } from '../lib/format.ts'
import type { Command } from './command.ts'
import {
  CONNECTION_FLAGS,
  OUTPUT_FLAGS,
  connectionOptions,
  stringFlag,
  usageError,
} from './common.ts'

export const copyCommand: Command = {
  name: 'copy',
  synopsis: 'copy SOURCE TARGET [options]',
  summary: 'copy an image from one registry (or repository) to another, digests unchanged',
  details: `SOURCE is REGISTRY/REPOSITORY:TAG or @DIGEST; TARGET is REGISTRY/REPOSITORY[:TAG]
(without a tag, the source's). Every platform of a multi-platform image is copied unless
--platform names one; manifests are copied byte for byte, so digests stay the same. On one
registry, blobs are mounted from the source repository instead of copied. --username and
--password-stdin apply to both registries. Prints the target reference with its digest.`,
  flags: {
    platform: {
      type: 'string',
      value: 'P',
      description: 'copy only this os/arch[/variant] of a multi-platform image',
    },
    ...CONNECTION_FLAGS,
    ...OUTPUT_FLAGS,
  },
  examples: [
    '# every platform, same tag, to another registry',
    'tar-push copy docker.io/library/alpine:3 ghcr.io/org/alpine',
    '# one platform, retagged',
    'tar-push copy ghcr.io/org/app:1.2.3 localhost:5000/app:arm64 --platform linux/arm64',
  ],
  async run(values, operands, output, context) {
    const [source, target, ...extra] = operands
    if (!source || !target)
      throw usageError('copy needs a SOURCE and a TARGET image reference', 'copy')
    if (extra.length > 0) throw usageError(`unexpected arguments: ${extra.join(' ')}`, 'copy')
    const { tagged, onTagged } = tagTracker()
    context.unfinished = () =>
      `copy of ${source} to ${target} not finished; ${tagsSetBefore(tagged)}`
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
  },
}
