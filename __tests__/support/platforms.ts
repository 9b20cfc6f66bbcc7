/**
 * Single-platform image tarballs for multi-platform pushes, made by real tools: umoci builds
 * each image with its config's os and architecture, skopeo writes it as docker-archive or OCI
 * archive. umoci cannot set a variant, so variants are written into a docker save here. And a
 * docker save of two images sharing their base layer.
 */
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { deriveConfig, dockerSave25Entries, hexOf, readDockerImage, sha256 } from './fixtures.ts'
import { tarBytes, writeTar, type TarEntry } from './tar-builder.ts'

const run = promisify(execFile)

export interface PlatformSpec {
  os: string
  architecture: string
  variant?: string
  format: 'docker-archive' | 'oci-archive'
}

export interface PlatformTarball extends PlatformSpec {
  /** os/architecture[/variant] */
  platform: string
  path: string
}

export const platformName = (spec: PlatformSpec): string =>
  [spec.os, spec.architecture, spec.variant].filter(Boolean).join('/')

/** One tarball per spec, all named `name` (a reference with tag); each image differs in a file. */
export async function buildPlatformTarballs(
  dir: string,
  name: string,
  specs: readonly PlatformSpec[],
): Promise<PlatformTarball[]> {
  await mkdir(dir, { recursive: true })
  const layout = join(dir, 'layout')
  await run('umoci', ['init', '--layout', layout])
  const rootless = process.getuid?.() === 0 ? [] : ['--rootless']
  const made: PlatformTarball[] = []
  for (const [index, spec] of specs.entries()) {
    const platform = platformName(spec)
    const tag = `p${index}`
    const image = `${layout}:${tag}`
    const file = join(dir, `platform-${index}.txt`)
    await writeFile(file, `built for ${platform}\n`)
    await run('umoci', ['new', '--image', image])
    await run('umoci', ['insert', ...rootless, '--image', image, file, '/etc/platform'])
    await run('umoci', [
      'config',
      '--image',
      image,
      '--os',
      spec.os,
      '--architecture',
      spec.architecture,
      '--config.cmd',
      '/bin/true',
    ])
    const path = join(dir, `${platform.replaceAll('/', '-')}.${spec.format}.tar`)
    const destination =
      spec.format === 'docker-archive'
        ? `docker-archive:${path}:${name}`
        : `oci-archive:${path}:${name}`
    await run('skopeo', ['--insecure-policy', 'copy', '--quiet', `oci:${image}`, destination])
    if (spec.variant) {
      if (spec.format !== 'docker-archive') throw new Error('variants are written as docker saves')
      const parts = await readDockerImage(path)
      const config = JSON.parse(parts.config.toString('utf8')) as Record<string, unknown>
      parts.config = Buffer.from(JSON.stringify({ ...config, variant: spec.variant }))
      await writeTar(path, dockerSave25Entries(parts, [name]))
    }
    made.push({ ...spec, platform, path })
  }
  return made
}

/** A docker save of a:1 and b:1; b is a's base layer plus one of its own. */
export async function writeMultiImageSave(
  path: string,
  from: string,
): Promise<{ path: string; baseDiffId: string }> {
  const base = await readDockerImage(from)
  const own = await tarBytes([{ kind: 'file', name: 'b.txt', data: 'only in b\n' }])
  const layersB = [base.layers[0]!, own]
  const configA = base.config
  const configB = deriveConfig(base.config, layersB.map(sha256))
  const layerName = (layer: Buffer) => `${hexOf(sha256(layer))}/layer.tar`
  const uniqueLayers = new Map(
    [...base.layers, ...layersB].map((layer) => [layerName(layer), layer]),
  )
  const entries: TarEntry[] = [...uniqueLayers].map(([name, data]) => ({
    kind: 'file',
    name,
    data,
  }))
  entries.push(
    { kind: 'file', name: `${hexOf(sha256(configA))}.json`, data: configA },
    { kind: 'file', name: `${hexOf(sha256(configB))}.json`, data: configB },
    {
      kind: 'file',
      name: 'manifest.json',
      data: JSON.stringify([
        {
          Config: `${hexOf(sha256(configA))}.json`,
          RepoTags: ['a:1'],
          Layers: base.layers.map(layerName),
        },
        {
          Config: `${hexOf(sha256(configB))}.json`,
          RepoTags: ['b:1'],
          Layers: layersB.map(layerName),
        },
      ]),
    },
  )
  await writeTar(path, entries)
  return { path, baseDiffId: sha256(base.layers[0]!) }
}
