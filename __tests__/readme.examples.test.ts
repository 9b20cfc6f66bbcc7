import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { copyFile, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildCorpus, fixtureByName } from './support/fixtures.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'
import { runNode } from './support/run-node.ts'

const ROOT = resolve(import.meta.dirname, '..')
const CLI = join(ROOT, 'dist/cli/index.js')
const README_HOST = '127.0.0.1:5000'

/** The command lines of the README block between the tested-cli-examples markers. */
async function readmeExamples(): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const start = readme.indexOf('<!-- tested-cli-examples:start -->')
  const end = readme.indexOf('<!-- tested-cli-examples:end -->')
  assert.ok(start > 0 && end > start, 'README.md has the tested-cli-examples markers')
  return readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('tar-push '))
}

let registry: RunningRegistry
let workDir: string

before(async () => {
  registry = await startRegistry()
  workDir = await mkdtemp(join(tmpdir(), 'readme-'))
  const corpus = await buildCorpus(await mkdtemp(join(tmpdir(), 'corpus-')))
  const tarball = fixtureByName(corpus, 'docker-archive-skopeo').path
  await copyFile(tarball, join(workDir, 'image.tar'))
  await writeFile(join(workDir, 'image.tar.gz'), gzipSync(await readFile(tarball)))
})
after(() => registry.stop())

describe("the README's CLI examples", () => {
  it('run as written against a local registry (only its port changed)', async () => {
    const examples = await readmeExamples()
    assert.ok(examples.length >= 4, 'the README shows push and pull examples')
    for (const line of examples) {
      const args = line.replaceAll(README_HOST, registry.host).split(/\s+/).slice(1)
      const { code, stderr } = await runNode(CLI, args, {
        cwd: workDir,
        env: { PATH: process.env['PATH'], HOME: workDir, XDG_CACHE_HOME: join(workDir, 'cache') },
      })
      assert.equal(code, 0, `${line}\n${stderr}`)
    }
    assert.ok((await stat(join(workDir, 'app.tar'))).size > 0)
    assert.ok((await stat(join(workDir, 'app.oci.tar'))).size > 0)
    assert.ok((await readdir(join(workDir, 'app-layout'))).includes('index.json'))
    assert.ok((await readdir(join(workDir, 'app-rootfs'))).includes('etc'))
  })
})
