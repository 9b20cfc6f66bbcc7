/**
 * skopeo as the independent reader of what tar-push wrote: inspect the raw manifest and config,
 * copy the image out (which verifies every blob digest), or push the same tarball to compare.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { RunningRegistry, TestUser } from './registry.ts'

const run = promisify(execFile)

export interface SkopeoAccess {
  registry: RunningRegistry
  user?: TestUser
}

/** TLS and credential flags for one side of a skopeo command (`src` or `dest`). */
async function accessFlags(access: SkopeoAccess, side: 'src' | 'dest' | ''): Promise<string[]> {
  const prefix = side ? `--${side}-` : '--'
  const flags: string[] = []
  if (access.registry.caFile) {
    const certDir = await mkdtemp(join(tmpdir(), 'skopeo-certs-'))
    await mkdir(certDir, { recursive: true })
    await writeFile(join(certDir, 'ca.crt'), await readFile(access.registry.caFile))
    flags.push(`${prefix}cert-dir=${certDir}`)
  } else {
    flags.push(`${prefix}tls-verify=false`)
  }
  if (access.user) flags.push(`${prefix}creds=${access.user.username}:${access.user.password}`)
  return flags
}

export async function skopeo(args: string[]): Promise<Buffer> {
  const { stdout } = await run('skopeo', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

export async function inspectRaw(reference: string, access: SkopeoAccess): Promise<Buffer> {
  return skopeo(['inspect', '--raw', ...(await accessFlags(access, '')), `docker://${reference}`])
}

export async function inspectConfig(
  reference: string,
  access: SkopeoAccess,
): Promise<{ rootfs: { diff_ids: string[] } }> {
  const bytes = await skopeo([
    'inspect',
    '--config',
    '--raw',
    ...(await accessFlags(access, '')),
    `docker://${reference}`,
  ])
  return JSON.parse(bytes.toString('utf8')) as { rootfs: { diff_ids: string[] } }
}

/** Copies the image to a `dir:` directory, keeping the manifest bytes; skopeo verifies each blob. */
export async function copyToDir(reference: string, access: SkopeoAccess): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'skopeo-dir-'))
  await skopeo([
    'copy',
    '-q',
    '--insecure-policy',
    ...(await accessFlags(access, 'src')),
    `docker://${reference}`,
    `dir:${dir}`,
  ])
  return dir
}

/** skopeo's own push of a source, to compare its manifest digest with ours. */
export async function pushWithSkopeo(
  source: string,
  reference: string,
  access: SkopeoAccess,
): Promise<void> {
  await skopeo([
    'copy',
    '-q',
    '--insecure-policy',
    ...(await accessFlags(access, 'dest')),
    source,
    `docker://${reference}`,
  ])
}
