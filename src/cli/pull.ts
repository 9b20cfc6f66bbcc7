import type { Command } from './command.ts'
import { CONNECTION_FLAGS, OUTPUT_FLAGS } from './common.ts'
import { keepYoungGenerationSmall } from '../lib/v8-flags.ts'

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
  // What the command needs (the engine, HTTP, the encoders) is loaded only when it runs.
  run: async (values, operands, output, context) => {
    keepYoungGenerationSmall()
    return (await import('./pull-run.ts')).runPullCommand(values, operands, output, context)
  },
}
