import { existsSync } from 'node:fs'
import { formatBytes } from '../lib/format.ts'
import {
  PULL_FORMATS,
  SYMLINK_MODES,
  pull,
  type PullFormat,
  type SymlinkMode,
} from '../lib/pull.ts'
import type { Command } from './command.ts'
import {
  CONNECTION_FLAGS,
  OUTPUT_FLAGS,
  connectionOptions,
  parseInteger,
  stringFlag,
  usageError,
} from './common.ts'

export const pullCommand: Command = {
  name: 'pull',
  synopsis: 'pull IMAGE --output PATH [options]',
  summary: 'pull an image to a tarball, OCI layout or rootfs',
  details: `IMAGE is REGISTRY/REPOSITORY:TAG or REGISTRY/REPOSITORY@DIGEST. Every blob is checked
against its digest (and each layer against its diff_id) before the output is complete;
a failed pull leaves no partial output. Prints the output path on standard output.`,
  flags: {
    output: {
      type: 'string',
      short: 'o',
      value: 'PATH',
      description:
        'where to write the image (a file for docker and oci-archive, a directory for oci and rootfs)',
    },
    format: {
      type: 'string',
      value: 'F',
      description:
        'docker (default: a docker load tarball) | oci (layout directory) | oci-archive | rootfs',
    },
    platform: {
      type: 'string',
      value: 'P',
      description:
        "os/arch[/variant] taken from a multi-platform image (default: this machine's, e.g. linux/amd64)",
    },
    'preserve-special': {
      type: 'boolean',
      description: 'rootfs: keep device nodes, FIFOs and setuid/setgid bits',
    },
    'max-size': {
      type: 'string',
      value: 'BYTES',
      description: 'rootfs: most uncompressed bytes unpacked (default 64 GiB)',
    },
    'rename-illegal': {
      type: 'boolean',
      description:
        'rootfs on Windows/macOS: write names the OS cannot hold percent-encoded (a:b as a%3Ab, CON as CO%4E) and names that differ only by case with ~N, and list them, instead of refusing the image',
    },
    symlinks: {
      type: 'string',
      value: 'MODE',
      description:
        'rootfs: error (default) | skip: what to do when the OS refuses to make symbolic links (Windows without Developer Mode); skip leaves them out and lists them',
    },
    ...CONNECTION_FLAGS,
    ...OUTPUT_FLAGS,
  },
  examples: [
    '# a tarball for docker load',
    'tar-push pull ghcr.io/org/app:1.2.3 -o app.tar',
    '# the arm64 member of a multi-platform image, as an OCI layout directory',
    'tar-push pull docker.io/library/alpine:3 -o alpine --format oci --platform linux/arm64',
    '# an unpacked root filesystem, pinned by digest',
    'tar-push pull localhost:5000/app@sha256:… -o rootfs --format rootfs',
    '# a rootfs on Windows: illegal names renamed and listed, links the OS refuses left out',
    'tar-push pull localhost:5000/app:1 -o rootfs --format rootfs --rename-illegal --symlinks skip',
  ],
  async run(values, operands, output, context) {
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
  },
}
