/**
 * requestSmall (http/undici.ts), the way the registry client sends everything but a GET: the
 * answer's headers, and a body kept in memory only up to KEPT_BODY_LIMIT. A registry cannot be
 * made to answer a POST with megabytes, so a plain HTTP server on 127.0.0.1 does here.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent, KEPT_BODY_LIMIT, requestSmall } from '../../src/lib/http/undici.ts'

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

async function bodyBytes(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const part of body) parts.push(part)
  return Buffer.concat(parts)
}

describe('requestSmall', () => {
  let server: Server
  let origin: string
  const agent = new Agent()
  const big = randomBytes(3 * KEPT_BODY_LIMIT + 17)
  let received = ''

  before(async () => {
    server = createServer((request, response) => {
      const parts: Buffer[] = []
      request.on('data', (part: Buffer) => parts.push(part))
      request.on('end', () => {
        received = sha256(Buffer.concat(parts))
        if (request.url === '/huge-created') {
          response.writeHead(201, { location: '/v2/app/blobs/uploads/1' })
          response.end(big)
        } else if (request.url === '/huge-error') {
          response.writeHead(400, { 'content-type': 'application/json' })
          response.end(big)
        } else {
          response.writeHead(201, { 'docker-content-digest': `sha256:${received}` })
          response.end()
        }
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(async () => {
    await agent.close()
    await new Promise((resolve) => server.close(resolve))
  })

  for (const [path, status] of [
    ['/huge-created', 201],
    ['/huge-error', 400],
  ] as const) {
    it(`keeps at most KEPT_BODY_LIMIT bytes of a ${status} answer's body`, async () => {
      const response = await requestSmall(`${origin}${path}`, { method: 'POST', dispatcher: agent })
      assert.equal(response.statusCode, status)
      if (status === 201) assert.equal(response.headers['location'], '/v2/app/blobs/uploads/1')
      const kept = await bodyBytes(response.body as AsyncIterable<Buffer>)
      assert.equal(kept.length, KEPT_BODY_LIMIT)
      assert.ok(kept.equals(big.subarray(0, KEPT_BODY_LIMIT)), 'the first bytes, in order')
    })
  }

  it('sends a Buffer body and a streamed one intact; an empty answer dumps', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 3)
    async function* inPieces() {
      for (let at = 0; at < data.length; at += 1 << 20) yield data.subarray(at, at + (1 << 20))
    }
    for (const body of [data, inPieces()]) {
      const response = await requestSmall(`${origin}/put`, {
        method: 'PUT',
        dispatcher: agent,
        headers: { 'content-length': String(data.length) },
        body: body as Buffer,
      })
      assert.equal(response.statusCode, 201)
      assert.equal(response.headers['docker-content-digest'], `sha256:${sha256(data)}`)
      await response.body.dump()
    }
  })
})
