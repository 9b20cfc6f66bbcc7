// Writes a one-layer docker-archive (docker save format) without Docker or umoci, for the
// end-to-end jobs of os-matrix.yml on every runner OS: node script/make-fixture.mjs OUT TAG
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import process from 'node:process'
import { pack } from 'tar-stream'

async function tar(entries) {
  const packer = pack()
  const chunks = []
  const collected = (async () => {
    for await (const chunk of packer) chunks.push(chunk)
  })()
  for (const { name, data, mode } of entries) {
    await new Promise((resolve, reject) =>
      packer.entry(
        { name, mode: mode ?? 0o644, mtime: new Date(0), uid: 0, gid: 0 },
        Buffer.from(data),
        (error) => (error ? reject(error) : resolve()),
      ),
    )
  }
  packer.finalize()
  await collected
  return Buffer.concat(chunks)
}

const [output = 'image.tar', tag = 'e2e/app:1'] = process.argv.slice(2)
const greeting = `hello from tar-push on ${process.env['RUNNER_OS'] ?? process.platform}\n`
const layer = await tar([{ name: 'hello.txt', data: greeting }])
const diffId = `sha256:${createHash('sha256').update(layer).digest('hex')}`
const config = Buffer.from(
  JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { Cmd: ['/hello.txt'] },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created_by: 'make-fixture.mjs' }],
  }),
)
const configName = `${createHash('sha256').update(config).digest('hex')}.json`
const manifest = JSON.stringify([{ Config: configName, RepoTags: [tag], Layers: ['layer.tar'] }])
await writeFile(
  output,
  await tar([
    { name: configName, data: config },
    { name: 'layer.tar', data: layer },
    { name: 'manifest.json', data: manifest },
  ]),
)
process.stdout.write(`wrote ${output} (${tag}, layer ${diffId})\n`)
