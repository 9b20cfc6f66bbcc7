import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { VERSION } from '../src/version.ts'

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '..')

describe('the npm package', () => {
  it('packs, installs offline into an empty project, and runs as npx tar-push', async () => {
    const packDir = await mkdtemp(join(tmpdir(), 'pack-'))
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', packDir], {
      cwd: ROOT,
    })
    const tarball = join(packDir, stdout.trim().split('\n').pop()!)
    const project = await mkdtemp(join(tmpdir(), 'npx-project-'))
    await writeFile(join(project, 'package.json'), '{"name":"consumer","private":true}\n')
    // The bundle is self-contained: installing it needs no registry.
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project })
    const version = await run('npx', ['--offline', 'tar-push', '--version'], { cwd: project })
    assert.equal(version.stdout.trim(), `tar-push ${VERSION}`)
    const help = await run('npx', ['--offline', 'tar-push', '--help'], { cwd: project })
    assert.match(help.stdout, /tar-push pull IMAGE --output PATH/)
  })

  it('--version is the version in package.json', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      version: string
      dependencies?: object
    }
    assert.equal(VERSION, manifest.version)
    assert.equal(manifest.dependencies, undefined, 'the bundles need no runtime dependencies')
  })
})
