import type { Command } from './command.ts'
import { CONNECTION_FLAGS, OUTPUT_FLAGS } from './common.ts'
import { keepYoungGenerationSmall } from '../lib/v8-flags.ts'

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
  // What the command needs (the engine, HTTP, the encoders) is loaded only when it runs.
  run: async (values, operands, output, context) => {
    keepYoungGenerationSmall()
    return (await import('./copy-run.ts')).runCopyCommand(values, operands, output, context)
  },
}
