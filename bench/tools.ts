/**
 * The two pushers under test, each run the way a CI job would run it, under GNU time, with
 * "fresh runner" state (no local cache) on every run, plus skopeo as the independent reader that
 * checks each push landed.
 */
import { createHash } from 'node:crypto'
import { homedir } from 'node:os'
import { cp, mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive } from './image.ts'
import { describeFailure, runChecked, runMeasured } from './process.ts'
import type { Usage } from './process.ts'

export type ToolName = 'ours' | 'skopeo'
export type Compression = 'gzip' | 'zstd' | 'none'

export interface PushRequest {
  archive: Archive
  /** '127.0.0.1:PORT' */
  host: string
  repository: string
  tag: string
  /** A scratch dir for this run only (cache dir, digest file, GNU time output). */
  scratchDir: string
  compression?: Compression
  /** ours only: `spool` measures the temp-file + monolithic PUT path against the streamed PATCH. */
  uploadMode?: 'stream' | 'spool'
}

export interface PushOutcome {
  usage?: Usage
  digest?: string
  /** What the tool said about uploaded layers, for the record. */
  note: string
  error?: string
}

export interface Pusher {
  name: ToolName
  push(request: PushRequest): Promise<PushOutcome>
}

const PUSH_TIMEOUT_MS = 20 * 60_000
const INSPECT_TIMEOUT_MS = 2 * 60_000
export const OUR_DIST_CLI = new URL('../dist/cli/', import.meta.url).pathname

export interface OurCli {
  /** index.js of the snapshot that every run of this benchmark uses. */
  path: string
  /** sha256 of that index.js, to tell builds apart in the results. */
  sha256: string
  /** Optional flags this build has (read from its --help). */
  features: { cacheDir: boolean; concurrency: boolean }
}

/**
 * Copies dist/cli/ (an ncc bundle: self-contained) into `dir` so that a rebuild of dist/ while
 * the benchmark runs cannot change what is measured halfway through.
 */
export async function snapshotOurCli(dir: string): Promise<OurCli> {
  await cp(OUR_DIST_CLI, dir, { recursive: true })
  const path = join(dir, 'index.js')
  // Every file of the bundle: its chunks change when the entry does not.
  const hash = createHash('sha256')
  for (const name of (await readdir(dir)).sort()) {
    hash.update(name).update(await readFile(join(dir, name)))
  }
  const sha256 = hash.digest('hex')
  // Push's own help lists its flags (the top-level help lists only those of every command).
  const { stdout } = await runChecked(process.execPath, [path, 'push', '--help'], {
    timeoutMs: 30_000,
  })
  const features = {
    cacheDir: stdout.includes('--cache-dir'),
    concurrency: stdout.includes('--concurrency'),
  }
  return { path, sha256, features }
}

export function createOurPusher(cli: OurCli, concurrency?: number): Pusher {
  const { features } = cli
  return {
    name: 'ours',
    async push(request) {
      const args = [
        cli.path,
        'push',
        request.archive.path,
        '--image',
        `${request.host}/${request.repository}`,
        '--tag',
        request.tag,
        '--compression',
        request.compression ?? 'gzip',
      ]
      if (features.cacheDir) {
        const cacheDir = join(request.scratchDir, 'cache') // new and empty: a fresh runner
        await mkdir(cacheDir, { recursive: true })
        args.push('--cache-dir', cacheDir)
      }
      if (features.concurrency && concurrency) args.push('--concurrency', String(concurrency))
      if (request.uploadMode) args.push('--upload-mode', request.uploadMode)
      // A fresh XDG_CACHE_HOME too, so no default cache location can carry state between runs.
      const env = { ...process.env, XDG_CACHE_HOME: join(request.scratchDir, 'xdg-cache') }
      const { completed, usage } = await runMeasured(process.execPath, args, {
        env,
        timeoutMs: PUSH_TIMEOUT_MS,
        usageFile: join(request.scratchDir, 'usage'),
      })
      const note = completed.stderr.match(/^pushed .*$/m)?.[0] ?? ''
      if (completed.code !== 0) {
        return { usage, note, error: describeFailure('tar-push', args.slice(1), completed) }
      }
      const digest = completed.stdout.match(/@(sha256:[0-9a-f]{64})\s*$/)?.[1]
      if (!digest) return { usage, note, error: `no repo@digest on stdout: ${completed.stdout}` }
      return { usage, note, digest }
    },
  }
}

/**
 * skopeo's blob-info cache remembers which compressed blob a layer became and where it was seen;
 * removing it before every run makes each skopeo run a fresh runner, as for our empty cache dir.
 */
export function skopeoBlobInfoCache(): string {
  const dir =
    process.geteuid?.() === 0
      ? '/var/lib/containers/cache'
      : join(process.env.XDG_DATA_HOME || join(homedir(), '.local/share'), 'containers/cache')
  return join(dir, 'blob-info-cache-v1.boltdb')
}

export function createSkopeoPusher(): Pusher {
  return {
    name: 'skopeo',
    async push(request) {
      if (request.compression === 'none') {
        throw new Error('the benchmark runs skopeo with gzip (its default) or zstd only')
      }
      await rm(skopeoBlobInfoCache(), { force: true })
      const digestFile = join(request.scratchDir, 'digest')
      // zstd layers need an OCI manifest: Docker's schema 2 has no zstd layer type.
      const zstd =
        request.compression === 'zstd' ? ['--dest-compress-format', 'zstd', '--format', 'oci'] : []
      const args = [
        'copy',
        '--insecure-policy',
        '--dest-tls-verify=false',
        ...zstd,
        '--digestfile',
        digestFile,
        `${request.archive.transport}:${request.archive.path}`,
        `docker://${request.host}/${request.repository}:${request.tag}`,
      ]
      const { completed, usage } = await runMeasured('skopeo', args, {
        timeoutMs: PUSH_TIMEOUT_MS,
        usageFile: join(request.scratchDir, 'usage'),
      })
      // Its non-TTY output says nothing about skipped blobs, so there is nothing to note.
      const note = ''
      if (completed.code !== 0) {
        return { usage, note, error: describeFailure('skopeo', args, completed) }
      }
      const digest = (await readFile(digestFile, 'utf8').catch(() => '')).trim()
      if (!digest) return { usage, note, error: 'skopeo wrote no --digestfile' }
      return { usage, note, digest }
    },
  }
}

export interface ReadBack {
  error?: string
  /** The config's and layers' sizes in the pushed manifest: what an empty registry received. */
  pushedBytes?: number
}

/**
 * Reads the pushed tag's manifest back with skopeo, checks that its digest is the one the tool
 * reported, and adds up the blob sizes it names.
 */
export async function verifyPush(
  host: string,
  repository: string,
  tag: string,
  expectedDigest: string,
): Promise<ReadBack> {
  const reference = `docker://${host}/${repository}:${tag}`
  try {
    const { stdout } = await runChecked(
      'skopeo',
      ['inspect', '--raw', '--tls-verify=false', reference],
      { timeoutMs: INSPECT_TIMEOUT_MS },
    )
    const digest = `sha256:${createHash('sha256').update(stdout).digest('hex')}`
    if (digest !== expectedDigest) {
      return { error: `${reference} has digest ${digest}, but the push reported ${expectedDigest}` }
    }
    return { pushedBytes: blobBytes(JSON.parse(stdout)) }
  } catch (error) {
    return { error: `skopeo inspect ${reference} failed: ${(error as Error).message}` }
  }
}

interface SizedManifest {
  config?: { size?: number }
  layers?: { size?: number }[]
}

/** undefined for an index: the benchmark's images have one platform. */
function blobBytes(manifest: SizedManifest): number | undefined {
  if (!manifest.config || !manifest.layers) return undefined
  return manifest.layers.reduce((sum, layer) => sum + (layer.size ?? 0), manifest.config.size ?? 0)
}

export interface PullRequest {
  host: string
  repository: string
  tag: string
  scratchDir: string
}

export interface Puller {
  name: ToolName
  /** Pulls to a docker-archive tarball in the scratch dir; returns where it is. */
  pull(request: PullRequest): Promise<PushOutcome & { output: string }>
}

export function createOurPuller(cli: OurCli): Puller {
  return {
    name: 'ours',
    async pull(request) {
      const output = join(request.scratchDir, 'pulled.tar')
      const args = [
        cli.path,
        'pull',
        `${request.host}/${request.repository}:${request.tag}`,
        '--output',
        output,
      ]
      const { completed, usage } = await runMeasured(process.execPath, args, {
        timeoutMs: PUSH_TIMEOUT_MS,
        usageFile: join(request.scratchDir, 'usage'),
      })
      const note = completed.stderr.match(/^pulled .*$/m)?.[0] ?? ''
      if (completed.code !== 0) {
        return { usage, note, output, error: describeFailure('tar-push', args.slice(1), completed) }
      }
      return { usage, note, output, digest: note.match(/@(sha256:[0-9a-f]{64})/)?.[1] }
    },
  }
}

export function createSkopeoPuller(): Puller {
  return {
    name: 'skopeo',
    async pull(request) {
      await rm(skopeoBlobInfoCache(), { force: true })
      const output = join(request.scratchDir, 'pulled.tar')
      const reference = `${request.host}/${request.repository}:${request.tag}`
      const args = [
        'copy',
        '--insecure-policy',
        '--src-tls-verify=false',
        `docker://${reference}`,
        `docker-archive:${output}:${reference}`,
      ]
      const { completed, usage } = await runMeasured('skopeo', args, {
        timeoutMs: PUSH_TIMEOUT_MS,
        usageFile: join(request.scratchDir, 'usage'),
      })
      if (completed.code !== 0) {
        return { usage, note: '', output, error: describeFailure('skopeo', args, completed) }
      }
      return { usage, note: '', output }
    },
  }
}

/** skopeo reads the pulled tarball's every layer (checking each against its diff_id). */
export async function verifyPull(output: string, scratchDir: string): Promise<string | undefined> {
  try {
    await runChecked(
      'skopeo',
      ['copy', '--insecure-policy', `docker-archive:${output}`, `dir:${join(scratchDir, 'check')}`],
      { timeoutMs: INSPECT_TIMEOUT_MS },
    )
    return undefined
  } catch (error) {
    return `skopeo could not read the pulled ${output}: ${(error as Error).message}`
  }
}
