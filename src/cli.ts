#!/usr/bin/env node
import './threadpool.ts'
import { parseArgs } from 'node:util'
import { text } from 'node:stream/consumers'
import { TarPushError, exitCodeFor } from './lib/errors.ts'
import type { Logger } from './lib/log.ts'
import { COMPRESSIONS, levelRange } from './lib/compress.ts'
import type { Compression } from './lib/model.ts'
import { push, type PushResult } from './lib/push.ts'
import { PULL_FORMATS, pull, type PullFormat } from './lib/pull.ts'
import { formatBytes, type UploadMode } from './lib/copy.ts'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { metadataOf } from './lib/metadata.ts'
import { VERSION } from './version.ts'

const USAGE = `Usage:
  tar-push push TARBALL [options]     push an image tarball to a registry
  tar-push pull IMAGE --output PATH   pull an image to a tarball, OCI layout or rootfs

Options for push:
  --image REPO              target repository (ghcr.io/org/app, 127.0.0.1:5000/app);
                            default: the names stored in the tarball
  --tag T                   tag to push (repeatable, or comma-separated); default: the tarball's tags
  --username U              registry user
  --password-stdin          read the password or token from standard input
  --insecure                plain HTTP and no TLS verification for this registry
  --ca-file F               PEM CA certificates to trust in addition to the system roots
  --compression C           gzip (default) | zstd | none, for layers stored uncompressed
  --compression-level N     gzip 0-9 (default 1), zstd 1-19 (default 3)
  --concurrency N           layers worked on at once (default: 2 x cores, at most 8)
  --cache-dir DIR           digest map kept across runs (default: $XDG_CACHE_HOME/tar-push
                            or ~/.cache/tar-push)
  --no-cache                learn nothing across runs
  --chunk-size BYTES        upload blobs in PATCH chunks of this size (default 0: whole,
                            chunked only when the registry refuses a body as too large)
  --retries N               retries of a failed request or upload (5xx, 429, resets,
                            timeouts), with backoff (default 4)
  --timeout S               connect, response and idle-body timeout in seconds (default 300)
  --upload-mode M           stream (default: compress into one PATCH) | spool (temp file,
                            then a monolithic PUT; for registries that refuse streamed PATCH)

Options for pull:
  -o, --output PATH         where to write the image (a file for docker and oci-archive,
                            a directory for oci and rootfs)
  --format F                docker (default: a docker load tarball) | oci (OCI layout
                            directory) | oci-archive | rootfs (unpacked filesystem)
  --platform P              os/arch[/variant] taken from a multi-platform image
                            (default: this machine's, e.g. linux/amd64)
  --preserve-special        rootfs: keep device nodes, FIFOs and setuid/setgid bits
  --max-size BYTES          rootfs: most uncompressed bytes unpacked (default 64 GiB)
  (and --username, --password-stdin, --insecure, --ca-file, --concurrency, --retries,
  --timeout as for push)

Common options:
  --json                    print the metadata as JSON on standard output
  --debug                   show HTTP traffic (secrets masked)
  -h, --help                show this help
  --version                 print the version

Credentials, when not given: ~/.docker/config.json (or $DOCKER_CONFIG), its credential
helpers, then GITHUB_TOKEN for ghcr.io. Exit codes: 0 done, 2 bad input, 3 registry or auth failure.`

/** Plain-line logger for terminals and CI logs; every secret is masked in every line. */
function createCliLogger(options: {
  debug: boolean
  quiet: boolean
}): Logger & { error(message: string): void } {
  const secrets: string[] = []
  const mask = (message: string) =>
    secrets.reduce((line, secret) => line.split(secret).join('***'), message)
  const write = (message: string) => process.stderr.write(`${mask(message)}\n`)
  return {
    info: (message) => (options.quiet ? undefined : write(message)),
    warn: (message) => write(`warning: ${message}`),
    error: (message) => write(`error: ${message}`),
    debug: (message) => (options.debug ? write(`debug: ${message}`) : undefined),
    group: async (title, run) => {
      if (!options.quiet) write(`== ${title}`)
      return run()
    },
    secret: (value) => {
      if (value && !secrets.includes(value)) secrets.push(value)
      secrets.sort((a, b) => b.length - a.length)
    },
  }
}

function usageError(message: string): TarPushError {
  return new TarPushError('USAGE', message, { hint: 'run tar-push --help' })
}

export async function main(argv: string[]): Promise<number> {
  let logger = createCliLogger({ debug: false, quiet: false })
  try {
    const { values, positionals } = parseCommandLine(argv)
    if (values.version) {
      process.stdout.write(`tar-push ${VERSION}\n`)
      return 0
    }
    if (values.help || positionals.length === 0) {
      process.stdout.write(`${USAGE}\n`)
      return values.help ? 0 : 2
    }
    const [command, ...operands] = positionals
    logger = createCliLogger({ debug: values.debug === true, quiet: false })
    if (command === 'push') return await runPush(values, operands, logger)
    if (command === 'pull') return await runPull(values, operands, logger)
    throw usageError(`unknown command "${command}"`)
  } catch (error) {
    const message =
      error instanceof TarPushError
        ? error.describe()
        : `unexpected error: ${(error as Error)?.stack ?? String(error)}`
    logger.error(message)
    const code = exitCodeFor(
      error instanceof TypeError &&
        (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
        ? usageError(error.message)
        : error,
    )
    return code
  }
}

type Flags = ReturnType<typeof parseCommandLine>['values']

/** Flags that only one command takes; the others are common (credentials, TLS, retries, output). */
const COMMAND_FLAGS: Record<string, readonly string[]> = {
  push: [
    'image',
    'tag',
    'compression',
    'compression-level',
    'cache-dir',
    'no-cache',
    'upload-mode',
    'chunk-size',
  ],
  pull: ['output', 'format', 'platform', 'preserve-special', 'max-size'],
}

function checkFlags(command: string, values: Flags): void {
  for (const [other, flags] of Object.entries(COMMAND_FLAGS)) {
    if (other === command) continue
    const given = flags.find((flag) => (values as Record<string, unknown>)[flag] !== undefined)
    if (given) throw usageError(`--${given} is not an option of ${command}`)
  }
}

async function runPush(values: Flags, operands: string[], logger: Logger): Promise<number> {
  checkFlags('push', values)
  const [tarball, ...extra] = operands
  if (!tarball) throw usageError('push needs a TARBALL')
  if (extra.length > 0) throw usageError(`unexpected arguments: ${extra.join(' ')}`)
  const compression = (values.compression ?? 'gzip') as Compression
  if (!COMPRESSIONS.includes(compression))
    throw usageError(`--compression must be one of ${COMPRESSIONS.join(', ')}`)
  const compressionLevel = parseLevel(values['compression-level'], compression)
  const password = values['password-stdin'] ? await readPasswordFromStdin() : undefined
  const result = await push({
    tarball,
    image: values.image,
    tags: (values.tag ?? [])
      .flatMap((tag) => tag.split(','))
      .map((tag) => tag.trim())
      .filter(Boolean),
    username: values.username,
    password,
    insecure: values.insecure,
    caFile: values['ca-file'],
    compression,
    compressionLevel,
    concurrency: parseInteger(values.concurrency, '--concurrency', 1, 64),
    cacheDir: values['no-cache'] ? undefined : (values['cache-dir'] ?? defaultCacheDir()),
    uploadMode: parseUploadMode(values['upload-mode']),
    retries: parseInteger(values.retries, '--retries', 0, 20),
    chunkSize: parseInteger(values['chunk-size'], '--chunk-size', 0, 2 ** 40),
    timeoutSeconds: parseInteger(values.timeout, '--timeout', 1, 3600),
    logger,
  })
  printResult(result, values.json === true)
  return 0
}

async function runPull(values: Flags, operands: string[], logger: Logger): Promise<number> {
  checkFlags('pull', values)
  const [image, ...extra] = operands
  if (!image) throw usageError('pull needs an image reference (REGISTRY/REPOSITORY:TAG or @DIGEST)')
  if (extra.length > 0) throw usageError(`unexpected arguments: ${extra.join(' ')}`)
  if (!values.output) throw usageError('pull needs --output PATH')
  const format = (values.format ?? 'docker') as PullFormat
  if (!PULL_FORMATS.includes(format))
    throw usageError(`--format must be one of ${PULL_FORMATS.join(', ')}`)
  const password = values['password-stdin'] ? await readPasswordFromStdin() : undefined
  const result = await pull({
    image,
    output: values.output,
    format,
    platform: values.platform,
    username: values.username,
    password,
    insecure: values.insecure,
    caFile: values['ca-file'],
    concurrency: parseInteger(values.concurrency, '--concurrency', 1, 64),
    retries: parseInteger(values.retries, '--retries', 0, 20),
    timeoutSeconds: parseInteger(values.timeout, '--timeout', 1, 3600),
    preserveSpecial: values['preserve-special'],
    maxSize: parseInteger(values['max-size'], '--max-size', 1, Number.MAX_SAFE_INTEGER),
    logger,
  })
  if (values.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  else {
    process.stdout.write(`${result.path}\n`)
    process.stderr.write(
      `pulled ${result.reference}@${result.digest}${result.platform ? ` (${result.platform})` : ''} as ${result.format}: ${result.layers.length} layers, ${formatBytes(result.bytesDownloaded)} downloaded in ${result.seconds.toFixed(1)} s\n`,
    )
  }
  return 0
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        image: { type: 'string' },
        tag: { type: 'string', multiple: true },
        username: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        insecure: { type: 'boolean' },
        'ca-file': { type: 'string' },
        compression: { type: 'string' },
        'compression-level': { type: 'string' },
        concurrency: { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        'upload-mode': { type: 'string' },
        retries: { type: 'string' },
        'chunk-size': { type: 'string' },
        timeout: { type: 'string' },
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        platform: { type: 'string' },
        'preserve-special': { type: 'boolean' },
        'max-size': { type: 'string' },
        json: { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    })
  } catch (error) {
    throw usageError((error as Error).message)
  }
}

function parseInteger(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max) {
    throw usageError(`${flag} must be an integer ${min}-${max}`)
  }
  return number
}

function parseUploadMode(value: string | undefined): UploadMode | undefined {
  if (value === undefined) return undefined
  if (value !== 'stream' && value !== 'spool')
    throw usageError('--upload-mode must be stream or spool')
  return value
}

/** The XDG cache directory, as other CLI tools keep theirs. */
function defaultCacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'tar-push')
}

function parseLevel(value: string | undefined, compression: Compression): number | undefined {
  if (value === undefined) return undefined
  const range = levelRange(compression)
  const level = Number(value)
  if (!range || !Number.isInteger(level) || level < range[0] || level > range[1]) {
    throw usageError(
      range
        ? `--compression-level for ${compression} must be an integer ${range[0]}-${range[1]}`
        : `--compression none takes no level`,
    )
  }
  return level
}

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw usageError(
      '--password-stdin needs the password on standard input (echo "$TOKEN" | tar-push …)',
    )
  const password = (await text(process.stdin)).replace(/\r?\n$/, '')
  if (!password) throw usageError('--password-stdin read an empty password')
  return password
}

function printResult(result: PushResult, json: boolean): void {
  if (json) {
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

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
