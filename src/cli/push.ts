import { COMPRESSIONS, levelRange } from '../lib/encode/compress.ts'
import type { UploadMode } from '../lib/engine/copy.ts'
import { formatBytes } from '../lib/format.ts'
import { metadataOf } from '../lib/metadata.ts'
import type { Compression } from '../lib/image/model.ts'
import { push, type PushResult } from '../lib/push.ts'
import { stat } from 'node:fs/promises'
import { STDIN } from '../lib/archive/open.ts'
import { looksLikeTarget, parseMappings } from '../lib/targets.ts'
import { tagTracker, tagsSetBefore } from '../lib/cancel.ts'
import type { CliOutput, Command, FlagValues } from './command.ts'
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
  synopsis: 'push TARBALL... [TARGET] [options]',
  summary: 'push an image tarball to a registry',
  details: `TARBALL is a docker save / podman save archive, an OCI archive or layout directory
(buildx --output type=oci|docker, skopeo copy), optionally gzip- or zstd-compressed,
or - for standard input (docker save app | tar-push push - ghcr.io/org/app:1).
TARGET (or --image) is the repository, with a tag or @digest if you like:
ghcr.io/org/app:1.2.3 is --image ghcr.io/org/app --tag 1.2.3.
Several TARBALLs (or a quoted glob) are the platforms of one image: each image is
pushed by digest, then an index of them under the tags. A tarball of several images
pushes each under its own names (--registry moves them, --map renames, --select
picks one). Blobs the registry already holds are not uploaded again; tags are set
only once every blob is in place. Prints repository@digest on standard output.`,
  flags: {
    image: {
      type: 'string',
      value: 'REPO[:TAG]',
      description:
        'target repository, a tag or @digest allowed (ghcr.io/org/app:1, 127.0.0.1:5000/app); default: the names in the tarball',
    },
    tag: {
      type: 'string',
      multiple: true,
      value: 'T',
      description: "tag to push (repeatable or comma-separated); default: the tarball's tags",
    },
    registry: {
      type: 'string',
      value: 'HOST[/NS]',
      description:
        "move the tarball's own names to this registry (and namespace): example.com/team/app:1 on ghcr.io/org is ghcr.io/org/team/app:1",
    },
    map: {
      type: 'string',
      multiple: true,
      value: "'SRC => DEST'",
      description:
        'push the images named SRC as DEST (repeatable; * in SRC is carried into DEST); images no mapping names are not pushed',
    },
    select: {
      type: 'string',
      value: 'NAME',
      description: 'push only the image of the tarball carrying this name (* allowed)',
    },
    'mount-from': {
      type: 'string',
      multiple: true,
      value: 'REPO',
      description:
        'repository of the same registry to mount blobs from instead of uploading them (repeatable)',
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
    "# straight from docker save, to a repository and tag (crane's order: tarball, target)",
    'docker save app | tar-push push - localhost:5000/app:1.2.3',
    '# push to another repository with two tags, logging in with a token',
    'echo "$TOKEN" | tar-push push app.tar --image ghcr.io/org/app --tag 1.2.3,latest \\',
    '    --username org-bot --password-stdin',
    '# a registry on this machine over plain HTTP, layers compressed with zstd',
    'tar-push push app.oci.tar --image localhost:5000/app --tag dev --compression zstd',
    '# one tarball per platform, pushed as one multi-platform image',
    'tar-push push app-amd64.tar app-arm64.tar --image ghcr.io/org/app --tag 1.2.3',
    '# the images of one docker save a:1 b:1, moved to another registry',
    "tar-push push images.tar --registry ghcr.io/org --map 'a:1 => ghcr.io/org/a:1'",
  ],
  async run(values, operands, output, context) {
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
  },
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
