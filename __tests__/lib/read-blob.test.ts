/**
 * RepositoryClient.readBlob (the load generator's blob GET, http/undici.ts requestInto): the
 * body goes to a callback chunk by chunk, with no stream, against the real registry: through
 * its auth challenge, a redirect, a missing blob and a connection cut half-way.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { RegistryClient } from '../../src/lib/registry/client.ts'
import { RepositoryClient } from '../../src/lib/registry/repository.ts'
import { TarPushError } from '../../src/lib/errors.ts'
import { ALICE, startRegistry, type RunningRegistry } from '../support/registry.ts'
import { startProxy, type RunningProxy } from '../support/proxy.ts'
import { startBlobStorage } from '../support/storage.ts'

const REPOSITORY = 'readblob/app'
const data = randomBytes(1024 * 1024 + 17)
const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`
const basicAuth = `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}`

let registry: RunningRegistry
const proxies: RunningProxy[] = []
const clients: RegistryClient[] = []

before(async () => {
  registry = await startRegistry({ auth: 'basic' })
  const post = await fetch(`${registry.url}/v2/${REPOSITORY}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: basicAuth },
  })
  const location = new URL(post.headers.get('location')!, registry.url)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, {
    method: 'PUT',
    headers: { authorization: basicAuth },
    body: new Uint8Array(data),
  })
  assert.equal(put.status, 201)
})
after(async () => {
  for (const client of clients) await client.close()
  for (const proxy of proxies) await proxy.stop()
  await registry.stop()
})

async function repositoryAt(host: string): Promise<RepositoryClient> {
  const client = await RegistryClient.connect({
    registry: host,
    credentials: { kind: 'password', username: ALICE.username, password: ALICE.password },
    retryPolicy: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  })
  clients.push(client)
  return new RepositoryClient(client, REPOSITORY, 'pull')
}

async function read(repository: RepositoryClient, blob: string): Promise<Buffer[]> {
  const chunks: Buffer[] = []
  await repository.readBlob(blob, (chunk) => chunks.push(Buffer.from(chunk)))
  return chunks
}

describe('readBlob', () => {
  it('hands over every byte, in order, in several chunks, sent with the credentials', async () => {
    const proxy = await startProxy({ target: registry })
    proxies.push(proxy)
    const chunks = await read(await repositoryAt(proxy.host), digest)
    assert.ok(chunks.length > 1, `${chunks.length} chunk(s)`)
    assert.ok(Buffer.concat(chunks).equals(data))
    const gets = proxy.requests.filter((request) => request.path.endsWith(digest))
    assert.deepEqual(
      gets.map((request) => [request.status, request.headers['authorization']]),
      [[200, basicAuth]],
      'sent once, with the credentials the ping challenge asked for',
    )
  })

  it('follows a redirect to the storage that serves the blob, without the credentials', async () => {
    const storage = await startBlobStorage(data)
    after(() => storage.stop())
    const proxy = await startProxy({
      target: registry,
      faults: [
        {
          kind: 'status',
          status: 307,
          headers: { location: storage.url },
          match: (request) => request.method === 'GET' && request.path.includes('/blobs/'),
          times: 1,
        },
      ],
    })
    proxies.push(proxy)
    const chunks = await read(await repositoryAt(proxy.host), digest)
    assert.ok(Buffer.concat(chunks).equals(data))
    assert.equal(storage.headers.length, 1)
    assert.equal(storage.headers[0]!.authorization, undefined)
  })

  it('a blob the registry does not have fails naming the status, and hands over nothing', async () => {
    const missing = `sha256:${'0'.repeat(64)}`
    const repository = await repositoryAt(registry.host)
    let handed = 0
    await assert.rejects(
      repository.readBlob(missing, () => handed++),
      (error: unknown) => {
        assert.ok(error instanceof TarPushError, String(error))
        assert.match(error.message, /404/)
        return true
      },
    )
    assert.equal(handed, 0, 'the error body is not handed over as blob bytes')
  })

  it('a connection cut half-way through the body fails, never ends as if complete', async () => {
    const proxy = await startProxy({
      target: registry,
      faults: [
        {
          kind: 'reset',
          afterBytes: 300 * 1024,
          match: (request) => request.method === 'GET' && request.path.includes('/blobs/'),
          times: 10,
        },
      ],
    })
    proxies.push(proxy)
    const repository = await repositoryAt(proxy.host)
    let received = 0
    await assert.rejects(repository.readBlob(digest, (chunk) => (received += chunk.length)))
    assert.ok(received < data.length, `${received} bytes handed over`)
  })
})
