import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createCipheriv, createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { Agent, request } from 'undici'
import { ChunkPool, letGoChunk } from '../../src/lib/chunk-pool.ts'
import { createDispatcher } from '../../src/lib/http/transport.ts'
import { uploadBody } from '../../src/lib/http/upload-body.ts'

/**
 * The upload gives a chunk back to its pool only once the socket is done with it: a producer
 * that refills given-back buffers at once (as the encoders do) must still deliver, byte for
 * byte, what it produced, through a reader slow enough that the kernel's buffers fill and the
 * socket's writes go asynchronous.
 */

const MB = 1024 * 1024
const TOTAL = 24 * MB

/** Chunk lengths that mix big ones (over the socket's high-water mark) with small ones. */
function lengthAt(index: number, size: number): number {
  const kinds = [size, 1, 70_000, 8_192, size - 17, 65_536, 3_000, 300_000, 65_535, 40_000]
  return Math.min(kinds[index % kinds.length]!, size)
}

/**
 * A body of pseudo-random bytes (AES-CTR keystream) whose chunks are lent from a small pool;
 * `sent` hashes every byte as produced, before any buffer could be refilled.
 */
function pooledBody(pool: ChunkPool) {
  const keystream = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), Buffer.alloc(16))
  const sent = createHash('sha256')
  const buffers = new Set<ArrayBufferLike>()
  let produced = 0
  let index = 0
  /** The next chunk, lent from the pool; undefined at the end. */
  const produce = (): Buffer | undefined => {
    if (produced >= TOTAL) return undefined
    const length = Math.min(lengthAt(index++, pool.size), TOTAL - produced)
    const whole = pool.take()
    buffers.add(whole.buffer)
    keystream.update(Buffer.alloc(length)).copy(whole)
    sent.update(whole.subarray(0, length))
    produced += length
    return pool.lend(whole, length)
  }
  const stream = new Readable({
    // No read-ahead beyond a chunk: the pool is the bound, as in the engine.
    highWaterMark: 1,
    read() {
      this.push(produce() ?? null)
    },
  })
  return { stream, produce, sent, buffers }
}

/** Reads each request body slowly (a pause after every piece) and answers with its sha256. */
async function slowServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const hash = createHash('sha256')
    let pieces = 0
    req.on('data', (piece: Buffer) => {
      hash.update(piece)
      if (++pieces % 8 === 0) {
        req.pause()
        setTimeout(() => req.resume(), 2)
      }
    })
    req.on('end', () => res.end(hash.digest('hex')))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}/upload` }
}

async function send(
  url: string,
  dispatcher: Agent | ReturnType<typeof createDispatcher>,
  body: AsyncIterable<Buffer>,
): Promise<string> {
  const response = await request(url, {
    method: 'PUT',
    dispatcher,
    headers: { 'content-length': String(TOTAL) },
    body: body as unknown as Readable,
  })
  return response.body.text()
}

describe('upload body: chunks go back to their pool only once written', () => {
  for (const [name, dispatcher] of [
    ['the transport of a push', () => createDispatcher()],
    [
      'a socket with a tiny write buffer',
      () => new Agent({ connect: { highWaterMark: 1024 } as Agent.Options['connect'] }),
    ],
  ] as const) {
    it(`${name}: a slow reader receives every byte as produced, from reused buffers`, async () => {
      const { server, url } = await slowServer()
      const agent = dispatcher()
      try {
        const pool = new ChunkPool({ size: 512 * 1024, keep: 4 })
        const { stream, sent, buffers } = pooledBody(pool)
        const received = await send(url, agent, uploadBody(stream))
        assert.equal(received, sent.digest('hex'))
        // 24 MB in chunks of at most 512 KiB: well over a hundred chunks, from a few buffers.
        assert.ok(buffers.size <= 8, `${buffers.size} buffers for ${TOTAL} bytes`)
      } finally {
        await agent.close()
        server.close()
      }
    })
  }

  it('the test tells: a body that gives each chunk back as soon as the next is asked for, whatever its size, corrupts the upload', async () => {
    const { server, url } = await slowServer()
    try {
      const pool = new ChunkPool({ size: 16 * 1024, keep: 2 })
      const { produce, sent } = pooledBody(pool)
      // Small chunks: `write` returns true while they still wait in the socket's buffer.
      async function* tooEager(): AsyncGenerator<Buffer> {
        for (let chunk = produce(); chunk; chunk = produce()) {
          yield chunk
          letGoChunk(chunk)
        }
      }
      const agent = createDispatcher()
      const received = await send(url, agent, tooEager())
      await agent.close()
      assert.notEqual(received, sent.digest('hex'))
    } finally {
      server.close()
    }
  })
})
