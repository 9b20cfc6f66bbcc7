import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { gunzipSync } from 'node:zlib'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BlockPool, ParallelGzip, looksIncompressible } from '../../src/lib/encode/parallel-gzip.ts'
import { openEncodedLayer } from '../../src/lib/engine/encode.ts'
import { openRangeReader } from '../../src/lib/archive/files.ts'

const compress = (input: Buffer, level = 1, chunk = 65536) => {
  const chunks: Buffer[] = []
  for (let i = 0; i < input.length; i += chunk) chunks.push(input.subarray(i, i + chunk))
  return buffer(Readable.from(chunks).pipe(new ParallelGzip({ level })))
}

/** Text that compresses, in the size of several blocks plus a tail. */
const text = Buffer.from(
  Array.from(
    { length: 120_000 },
    (_, i) => `line ${i} GET /v2/app/blobs/sha256:${(i * 7919) % 100003} 200\n`,
  ).join(''),
)

describe('ParallelGzip', () => {
  it('writes one gzip stream that zlib and the gzip tool read back exactly', async () => {
    const gz = await compress(text)
    assert.ok(gz.length < text.length / 3, 'text is compressed')
    assert.ok(gunzipSync(gz).equals(text))
    assert.ok(execFileSync('gzip', ['-dc'], { input: gz, maxBuffer: 64 << 20 }).equals(text))
    assert.doesNotThrow(() => execFileSync('gzip', ['-t'], { input: gz }))
  })

  it('gives the same bytes whatever the input chunking (the digest map relies on it)', async () => {
    const a = await compress(text, 1, 65536)
    const b = await compress(text, 1, 1_000_003)
    const c = await compress(text, 1, 777)
    assert.ok(a.equals(b) && a.equals(c))
  })

  it('stores incompressible blocks instead of deflating them', async () => {
    const random = randomBytes(3 * 1024 * 1024 + 123)
    assert.equal(looksIncompressible(random.subarray(0, 1 << 20)), true)
    assert.equal(looksIncompressible(text.subarray(0, 1 << 20)), false)
    const gz = await compress(random, 6)
    assert.ok(gz.length < random.length * 1.001 + 64, 'stored blocks add almost nothing')
    assert.ok(gunzipSync(gz).equals(random))
    const mixed = Buffer.concat([text.subarray(0, 1_500_000), random, text.subarray(0, 700_000)])
    const mixedGz = await compress(mixed, 1)
    assert.ok(execFileSync('gzip', ['-dc'], { input: mixedGz, maxBuffer: 64 << 20 }).equals(mixed))
  })

  it('handles empty input and a single short block', async () => {
    assert.equal(gunzipSync(await compress(Buffer.alloc(0))).length, 0)
    const short = Buffer.from('hello')
    assert.ok(gunzipSync(await compress(short)).equals(short))
  })

  it('honours the level', async () => {
    const fast = await compress(text, 1)
    const best = await compress(text, 9)
    assert.ok(best.length < fast.length)
    assert.ok(gunzipSync(best).equals(text))
  })
})

/** `data` written to a file, and a tar layer over it claiming `diffId` (its own by default). */
async function layerFile(data: Buffer) {
  const path = join(await mkdtemp(join(tmpdir(), 'pooled-')), 'layer.tar')
  await writeFile(path, data)
  const ownDiffId = `sha256:${createHash('sha256').update(data).digest('hex')}`
  return (diffId = ownDiffId) => ({
    diffId,
    compression: 'none' as const,
    storedDigest: diffId,
    mediaType: undefined,
    isTar: true,
    content: {
      origin: path,
      size: data.length,
      open: async () => Readable.from([data]),
      openReader: () => openRangeReader(path, 0, data.length),
    },
  })
}

type TestLayer = ReturnType<Awaited<ReturnType<typeof layerFile>>>

const encodeLayer = (layer: TestLayer) => openEncodedLayer({ layer, compression: 'gzip', level: 1 })

describe('the pooled-buffer layer encoder', () => {
  it('writes the same bytes as the stream encoder (one encoding name, one digest)', async () => {
    // compressible, then incompressible, then compressible again, not a multiple of the block size
    const data = Buffer.concat([
      text.subarray(0, 2_500_000),
      randomBytes(2_200_000),
      text.subarray(0, 900_001),
    ])
    const layer = await layerFile(data)
    const { stream, output } = await encodeLayer(layer())
    const pooled = await buffer(stream)
    assert.ok(pooled.equals(await compress(data, 1)))
    assert.equal(output.digest, `sha256:${createHash('sha256').update(pooled).digest('hex')}`)
    assert.ok(gunzipSync(pooled).equals(data))

    const failing = await encodeLayer(layer(`sha256:${'0'.repeat(64)}`))
    await assert.rejects(buffer(failing.stream), /diff_id/)
  })
})

describe('BlockPool', () => {
  it('hands out at most its capacity, then serves waiters in order as blocks come back', async () => {
    const pool = new BlockPool(2, 16)
    const a = await pool.acquire()
    const b = await pool.acquire()
    assert.equal(a.length, 16)
    assert.notEqual(a, b)
    const served: string[] = []
    const third = pool.acquire().then((block) => (served.push('third'), block))
    const fourth = pool.acquire().then((block) => (served.push('fourth'), block))
    await new Promise((resolve) => setImmediate(resolve))
    assert.deepEqual(served, [], 'nothing is allocated beyond the capacity')
    pool.release(b)
    assert.equal(await third, b, 'a released block is reused, not a new one')
    pool.release(a)
    assert.equal(await fourth, a)
    assert.deepEqual(served, ['third', 'fourth'])
  })
})

describe('the shared input blocks', () => {
  it('come back after failed and concurrent encodes, so later layers never wait forever', async () => {
    const data = Buffer.concat([text.subarray(0, 3_000_000), randomBytes(1_500_000)])
    const layer = await layerFile(data)
    const encode = async (claimed?: string) => buffer((await encodeLayer(layer(claimed))).stream)
    // More layers at once than there are blocks, half of them failing at their end.
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => encode(i % 2 ? `sha256:${'0'.repeat(64)}` : undefined)),
    )
    assert.deepEqual(
      results.map((result) => result.status),
      Array.from({ length: 8 }, (_, i) => (i % 2 ? 'rejected' : 'fulfilled')),
    )
    // A consumer that gives up after the first chunk also returns its blocks.
    const abandoned = (await encodeLayer(layer())).stream
    const iterator = abandoned[Symbol.asyncIterator]()
    assert.equal((await iterator.next()).done, false)
    await iterator.return?.()
    assert.ok(gunzipSync(await encode()).equals(data))
  })
})

describe('a spooled blob read back for upload', () => {
  it('is checked again, and a changed spool file fails naming the file', async () => {
    const { openSpooledBlob } = await import('../../src/lib/engine/encode.ts')
    const path = join(await mkdtemp(join(tmpdir(), 'spool-')), '0-layer.gzip')
    const written = await compress(text)
    await writeFile(path, written)
    const blob = {
      digest: `sha256:${createHash('sha256').update(written).digest('hex')}`,
      size: written.length,
    }
    assert.ok((await buffer(openSpooledBlob(path, blob))).equals(written))
    await writeFile(path, written.subarray(0, written.length - 100))
    await assert.rejects(buffer(openSpooledBlob(path, blob)), (error: Error) => {
      assert.match(error.message, /spool file .*0-layer\.gzip reads back as/)
      return true
    })
  })
})
