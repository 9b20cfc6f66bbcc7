import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildCorpus, fixtureByName, sha256, type Fixture } from './support/fixtures.ts'
import { ALICE, startRegistry, type RunningRegistry } from './support/registry.ts'
import { inspectRaw } from './support/skopeo.ts'
import { runNode } from './support/run-node.ts'

const ACTION = resolve(import.meta.dirname, '../dist/index.js')
let registry: RunningRegistry
let corpus: Fixture[]

before(async () => {
  ;[registry, corpus] = await Promise.all([
    startRegistry({ auth: 'bearer' }),
    mkdtemp(join(tmpdir(), 'corpus-')).then(buildCorpus),
  ])
})
after(() => registry.stop())

/** Runs dist/index.js as the runner does: INPUT_* variables, GITHUB_OUTPUT and summary files. */
async function runAction(inputs: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const run = await runNode(ACTION, [], { env })
  return {
    ...run,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  }
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (let match = pattern.exec(text); match; match = pattern.exec(text))
    outputs[match[1]!] = match[3]!
  return outputs
}

describe('the action as a runner runs it (node dist/index.js)', () => {
  it('pushes and sets digest, image-ref, tags, metadata and a summary', async () => {
    const image = `${registry.host}/action/app`
    const run = await runAction({
      tarball: fixtureByName(corpus, 'oci-archive-gzip').path,
      image,
      tags: '1.2.3\nlatest',
      username: ALICE.username,
      password: ALICE.password,
    })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    const digest = run.outputs['digest']!
    assert.match(digest, /^sha256:[a-f0-9]{64}$/)
    assert.equal(sha256(await inspectRaw(`${image}:1.2.3`, { registry, user: ALICE })), digest)
    assert.equal(run.outputs['image-ref'], `${image}@${digest}`)
    assert.equal(run.outputs['tags'], `${image}:1.2.3,${image}:latest`)
    const metadata = JSON.parse(run.outputs['metadata']!) as {
      images: {
        digest: string
        mediaType: string
        size: number
        manifests: { layers: { status: string }[] }[]
      }[]
    }
    assert.equal(metadata.images[0]!.digest, digest)
    assert.equal(metadata.images[0]!.mediaType, 'application/vnd.oci.image.manifest.v1+json')
    assert.ok(metadata.images[0]!.manifests[0]!.layers.length > 0)
    assert.match(run.stdout, /::group::Reading/)
    assert.match(run.summary, /<table>[\s\S]*action\/app[\s\S]*1\.2\.3, latest/)
    // The runner reads ::add-mask:: commands and never shows them; everything else must not hold it.
    const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    assert.ok(
      run.stdout.includes(`::add-mask::${ALICE.password}`),
      'the password is registered as a secret',
    )
    assert.ok(!shown.join('\n').includes(ALICE.password), 'the password is never printed')
  })

  it('fails the step with the error code and hint, and sets no digest', async () => {
    const run = await runAction({
      tarball: fixtureByName(corpus, 'oci-archive-gzip').path,
      image: `${registry.host}/action/denied`,
      tags: '1',
      username: ALICE.username,
      password: 'wrong',
    })
    assert.notEqual(run.code, 0)
    assert.match(run.stdout, /::error::AUTH_FAILED: .*refused the credentials of "alice"/)
    assert.equal(run.outputs['digest'], undefined)
  })

  it('refuses a bad input value', async () => {
    const run = await runAction({
      tarball: fixtureByName(corpus, 'oci-archive-gzip').path,
      compression: 'brotli',
    })
    assert.notEqual(run.code, 0)
    assert.match(run.stdout, /::error::USAGE: input compression must be one of gzip, zstd, none/)
  })
})
