import { COMPRESSIONS, levelRange } from '../lib/compress.ts'
import { formatBytes, type UploadMode } from '../lib/copy.ts'
import { metadataOf } from '../lib/metadata.ts'
import type { Compression } from '../lib/model.ts'
import { push, type PushResult } from '../lib/push.ts'
import type { Command, FlagValues } from './command.ts'
import {
  CONNECTION_FLAGS,
  OUTPUT_FLAGS,
  connectionOptions,
  defaultCacheDir,
  listFlag,
  parseInteger,
  stringFlag,
  usageError,
} from './common.ts'

export const pushCommand: Command = {
  name: 'push',
  synopsis: 'push TARBALL [options]',
  summary: 'push an image tarball to a registry',
  details: `TARBALL is a docker save / podman save archive, an OCI archive or layout directory
(buildx --output type=oci|docker, skopeo copy), optionally gzip- or zstd-compressed.
Blobs the registry already holds are not uploaded again; tags are set only once
every blob is in place. Prints repository@digest on standard output.`,
  flags: {
    image: {
      type: 'string',
      value: 'REPO',
      description:
        'target repository (ghcr.io/org/app, 127.0.0.1:5000/app); default: the names in the tarball',
    },
    tag: {
      type: 'string',
      multiple: true,
      value: 'T',
      description: "tag to push (repeatable or comma-separated); default: the tarball's tags",
    },
    ...CONNECTION_FLAGS,
    compression: {
      type: 'string',
      value: 'C',
      description: 'gzip (default) | zstd | none, for layers stored uncompressed',
    },
    'compression-level': {
      type: 'string',
      value: 'N',
      description: 'gzip 0-9 (default 1), zstd 1-19 (default 3)',
    },
    'cache-dir': {
      type: 'string',
      value: 'DIR',
      description:
        'digest map kept across runs (default: $XDG_CACHE_HOME/tar-push or ~/.cache/tar-push)',
    },
    'no-cache': { type: 'boolean', description: 'learn nothing across runs' },
    'chunk-size': {
      type: 'string',
      value: 'BYTES',
      description:
        'upload blobs in PATCH chunks of this size (default 0: whole, chunked only when refused)',
    },
    'upload-mode': {
      type: 'string',
      value: 'M',
      description:
        'stream (default: compress into one PATCH) | spool (temp file, then one PUT with the digest)',
    },
    ...OUTPUT_FLAGS,
  },
  examples: [
    '# push what docker save wrote, under the names it carries',
    'tar-push push app.tar',
    '# push to another repository with two tags, logging in with a token',
    'echo "$TOKEN" | tar-push push app.tar --image ghcr.io/org/app --tag 1.2.3,latest \\',
    '    --username org-bot --password-stdin',
    '# a registry on this machine over plain HTTP, layers compressed with zstd',
    'tar-push push app.oci.tar --image localhost:5000/app --tag dev --compression zstd',
  ],
  async run(values, operands, output) {
    const [tarball, ...extra] = operands
    if (!tarball) throw usageError('push needs a TARBALL', 'push')
    if (extra.length > 0) throw usageError(`unexpected arguments: ${extra.join(' ')}`, 'push')
    const compression = (stringFlag(values['compression']) ?? 'gzip') as Compression
    if (!COMPRESSIONS.includes(compression))
      throw usageError(`--compression must be one of ${COMPRESSIONS.join(', ')}`, 'push')
    const result = await push({
      tarball,
      image: stringFlag(values['image']),
      tags: listFlag(values['tag']),
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
    })
    printResult(result, values)
    return 0
  },
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

function printResult(result: PushResult, values: FlagValues): void {
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
    process.stderr.write(
      `pushed ${image.references.join(', ')}: ${uploaded} of ${total} layers uploaded, ${formatBytes(image.bytesUploaded)} in ${result.seconds.toFixed(1)} s\n`,
    )
  }
}
