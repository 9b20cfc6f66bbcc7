import type { Command } from './command.ts'
import { CONNECTION_FLAGS, OUTPUT_FLAGS } from './common.ts'
import { keepYoungGenerationSmall } from '../lib/v8-flags.ts'

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
  // What the command needs (the engine, HTTP, the encoders) is loaded only when it runs.
  run: async (values, operands, output, context) => {
    keepYoungGenerationSmall()
    return (await import('./push-run.ts')).runPushCommand(values, operands, output, context)
  },
}
