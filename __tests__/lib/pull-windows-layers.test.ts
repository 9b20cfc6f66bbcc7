import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { extract, pack, type Header } from 'tar-stream'
import { sha256 } from '../../src/lib/digest.ts'
import { runNode } from '../support/run-node.ts'
import { readTar } from '../support/tar-builder.ts'

/**
 * A docker tar or OCI layout pulled on Windows is loaded on Linux later: the layers must come
 * out as they went in, with their modes, owners and link types, which Windows' own file system
 * could not hold. The writers copy each layer blob byte for byte and never unpack it; this
 * runs them as on Windows (support/write-as-windows.ts) and reads the layer back.
 */

const bases: string[] = []
after(async () => {
  for (const base of bases) await rm(base, { recursive: true, force: true })
})

const MTIME = new Date('2022-02-02T02:02:02Z')

/** Headers Windows has no file for: setuid and sticky modes, owners, links, devices, a FIFO. */
const LINUX_ONLY: (Partial<Header> & Pick<Header, 'name'> & { data?: string })[] = [
  { name: 'tmp/', type: 'directory', mode: 0o1777, uid: 0, gid: 0 },
  { name: 'usr/bin/sudo', type: 'file', mode: 0o4755, uid: 0, gid: 0, data: 'sudo' },
  { name: 'home/app/', type: 'directory', mode: 0o750, uid: 1000, gid: 2000, uname: 'app' },
  { name: 'home/app/key', type: 'file', mode: 0o600, uid: 1000, gid: 2000, data: 'secret' },
  { name: 'bin/sh', type: 'symlink', linkname: 'busybox', mode: 0o777 },
  { name: 'usr/bin/sudoedit', type: 'link', linkname: 'usr/bin/sudo' },
  { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3, mode: 0o666 },
  { name: 'run/fifo', type: 'fifo', mode: 0o620 },
  { name: 'etc/a\\b:c', type: 'file', mode: 0o644, data: 'a name Windows cannot hold' },
]

async function layerTar(): Promise<Buffer> {
  const packer = pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of packer) chunks.push(chunk as Buffer)
  })()
  for (const { data, ...header } of LINUX_ONLY) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolve())
      const full = { mtime: MTIME, uid: 0, gid: 0, ...header }
      if (data === undefined) packer.entry(full, done)
      else packer.entry(full, Buffer.from(data), done)
    })
  }
  packer.finalize()
  await collected
  return Buffer.concat(chunks)
}

async function headersOf(tar: Buffer): Promise<Header[]> {
  const extractor = extract()
  const headers: Header[] = []
  const done = (async () => {
    for await (const entry of extractor) {
      headers.push(entry.header)
      entry.resume()
    }
  })()
  extractor.end(tar)
  await done
  return headers
}

describe('a docker tar and an OCI layout written as on Windows', () => {
  it('keep each layer byte for byte: modes, owners, links, devices and names as the layer has them', async () => {
    const base = await mkdtemp(join(tmpdir(), 'pull-windows-layers-'))
    bases.push(base)
    const tar = await layerTar()
    await writeFile(join(base, 'layer.tar'), tar)
    const child = await runNode(join(import.meta.dirname, '../support/write-as-windows.ts'), [
      join(base, 'layer.tar'),
      base,
    ])
    assert.equal(child.code, 0, child.stderr)
    const [platform, digest = ''] = child.stdout.trim().split(' ')
    assert.equal(platform, 'win32')
    const blobName = `blobs/sha256/${digest.slice('sha256:'.length)}`

    const archive = await readTar(await readFile(join(base, 'app.tar')))
    // Names in the archive are tar names ("/"), never the platform's separator.
    for (const entry of archive) assert.doesNotMatch(entry.name, /\\/, entry.name)
    const inArchive = archive.find((entry) => entry.name === blobName)
    assert.ok(inArchive, `${blobName} in the docker tar`)
    const inLayout = await readFile(join(base, 'layout', ...blobName.split('/')))
    for (const blob of [inArchive.data, inLayout]) {
      assert.equal(sha256(blob), digest)
      assert.ok(gunzipSync(blob).equals(tar), 'the layer as it went in')
    }
    const headers = await headersOf(gunzipSync(inLayout))
    const byName = new Map(headers.map((header) => [header.name, header]))
    for (const expected of LINUX_ONLY) {
      const header = byName.get(expected.name)
      assert.ok(header, expected.name)
      for (const [field, value] of Object.entries(expected)) {
        if (field === 'data') continue
        assert.deepEqual(header[field as keyof Header], value, `${expected.name} ${field}`)
      }
    }
  })
})
