import type { Command } from './command.ts'
import { CONNECTION_FLAGS, OUTPUT_FLAGS } from './common.ts'

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
  ],
  // What the command needs (the engine, HTTP, the encoders) is loaded only when it runs.
  run: async (values, operands, output, context) =>
    (await import('./pull-run.ts')).runPullCommand(values, operands, output, context),
}
