/**
 * Plain-HTTP reads into reused buffers (http/reused-reads.ts), the load generator's connections:
 * whatever the reads' sizes and timing, every byte reaches its consumer intact, whether it
 * takes chunks at once (readBlob) or keeps them (a manifest read as a stream later).
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { RegistryClient } from '../../src/lib/registry/client.ts'
import { RepositoryClient } from '../../src/lib/registry/repository.ts'
import { readBytesLimited } from '../../src/lib/registry/auth.ts'
import { startRegistry, type RunningRegistry } from '../support/registry.ts'

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`

async function connect(host: string): Promise<RegistryClient> {
  return RegistryClient.connect({
    registry: host,
    reuseReadBuffers: true,
    retryPolicy: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  })
}

async function upload(registry: RunningRegistry, repository: string, data: Buffer) {
  const post = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
  const location = new URL(post.headers.get('location')!, registry.url)
  location.searchParams.set('digest', sha256(data))
  const put = await fetch(location, { method: 'PUT', body: new Uint8Array(data) })
  assert.equal(put.status, 201)
}

describe('reused socket reads against the real registry', () => {
  let registry: RunningRegistry
  const blobs = Array.from({ length: 4 }, (_, index) => randomBytes(1024 * 1024 + index * 4099))
  before(async () => {
    registry = await startRegistry()
    for (const blob of blobs) await upload(registry, 'reused/app', blob)
  })
  after(() => registry.stop())

  it('16 pulls at once, each blob hashed as it comes, while streamed bodies are read late', async () => {
    const client = await connect(registry.host)
    after(() => client.close())
    const repository = new RepositoryClient(client, 'reused/app', 'pull')
    const pullOne = async (blob: Buffer) => {
      const hash = createHash('sha256')
      let size = 0
      await repository.readBlob(sha256(blob), (chunk) => {
        hash.update(chunk)
        size += chunk.length
      })
      assert.equal(`sha256:${hash.digest('hex')}`, sha256(blob))
      assert.equal(size, blob.length)
    }
    // A body kept as a stream and read only after other reads filled the sockets' buffers.
    const keptLate = async (blob: Buffer) => {
      const response = await repository.openBlob(sha256(blob))
      await sleep(50)
      const bytes = await readBytesLimited(response, 8 * 1024 * 1024)
      assert.equal(sha256(bytes), sha256(blob))
    }
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        ...Array.from({ length: 16 }, (_, index) => pullOne(blobs[index % blobs.length]!)),
        keptLate(blobs[round]!),
      ])
    }
  })

  it('a missing blob fails with the registry error text, beside pulls on the same connections', async () => {
    const client = await connect(registry.host)
    after(() => client.close())
    const repository = new RepositoryClient(client, 'reused/app', 'pull')
    const missing = `sha256:${'0'.repeat(64)}`
    const results = await Promise.allSettled([
      repository.readBlob(missing, () => {}),
      ...blobs.map((blob) => repository.readBlob(sha256(blob), () => {})),
    ])
    assert.equal(results[0]!.status, 'rejected')
    assert.match(String((results[0] as PromiseRejectedResult).reason), /BLOB_UNKNOWN|blob unknown/i)
    assert.ok(results.slice(1).every((result) => result.status === 'fulfilled'))
  })
})

describe('reused socket reads of responses cut into odd reads', () => {
  let server: Server
  let host: string
  const body = randomBytes(300 * 1024 + 7)
  // A head of 12 KiB (a long header; undici takes up to 16), so that it spans several reads.
  const longHeader = 'x'.repeat(12 * 1024)

  before(async () => {
    server = createServer((socket: Socket) => {
      let pending = ''
      socket.on('data', (data) => {
        // A TLS hello (the client tries https first): answered as a plain HTTP server does.
        if (pending === '' && data[0] === 0x16) {
          socket.end('HTTP/1.0 400 Bad Request\r\n\r\n')
          return
        }
        pending += data.toString('latin1')
        for (;;) {
          const end = pending.indexOf('\r\n\r\n')
          if (end < 0) return
          const [line] = pending.slice(0, end).split('\r\n')
          pending = pending.slice(end + 4)
          void answer(socket, line!)
        }
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** The head in pieces of every size (1 byte, 100 bytes, 6 KiB), a pause between each. */
  async function answer(socket: Socket, requestLine: string): Promise<void> {
    const isBlob = requestLine.includes('/blobs/')
    const payload = isBlob ? body : Buffer.from('{}')
    const head = Buffer.from(
      `HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\nx-long: ${longHeader}\r\n` +
        `docker-distribution-api-version: registry/2.0\r\ncontent-length: ${payload.length}\r\n\r\n`,
      'latin1',
    )
    const pieces = [1, 100, 6 * 1024, 6 * 1024, 1, 6 * 1024]
    let offset = 0
    for (const size of pieces) {
      if (offset >= head.length) break
      socket.write(head.subarray(offset, offset + size))
      offset += size
      await sleep(5)
    }
    socket.write(head.subarray(offset))
    await sleep(5)
    for (let at = 0; at < payload.length; at += 64 * 1024) {
      socket.write(payload.subarray(at, at + 64 * 1024))
      await sleep(1)
    }
  }

  // A mix-up of buffers shows as a wrong digest, or as a parser that never completes a head.
  it(
    'a head split over reads of every size, then the body, arrive intact, time after time',
    { timeout: 20_000 },
    async () => {
      const client = await connect(host)
      after(() => client.close())
      const repository = new RepositoryClient(client, 'odd/app', 'pull')
      for (let round = 0; round < 5; round++) {
        const chunks: Buffer[] = []
        await repository.readBlob(sha256(body), (chunk) => chunks.push(Buffer.from(chunk)))
        assert.equal(sha256(Buffer.concat(chunks)), sha256(body), `round ${round}`)
        const kept = await repository.openBlob(sha256(body))
        assert.equal(kept.headers['x-long'], longHeader)
        await sleep(20)
        assert.equal(sha256(await readBytesLimited(kept, 1024 * 1024)), sha256(body))
      }
    },
  )
})
