import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { gunzipSync } from 'node:zlib'
import { execFileSync } from 'node:child_process'
import { ParallelGzip, looksIncompressible } from '../../src/lib/parallel-gzip.ts'

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

describe('the pooled-buffer layer encoder', () => {
  it('writes the same bytes as the stream encoder (one encoding name, one digest)', async () => {
    const { openEncodedLayer } = await import('../../src/lib/layer-streams.ts')
    const { writeFile, mkdtemp } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { createHash } = await import('node:crypto')
    const { openRangeReader } = await import('../../src/lib/archive/files.ts')
    // compressible, then incompressible, then compressible again, not a multiple of the block size
    const data = Buffer.concat([
      text.subarray(0, 2_500_000),
      randomBytes(2_200_000),
      text.subarray(0, 900_001),
    ])
    const path = join(await mkdtemp(join(tmpdir(), 'pooled-')), 'layer.tar')
    await writeFile(path, data)
    const diffId = `sha256:${createHash('sha256').update(data).digest('hex')}`
    const layer = {
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
    }
    const { stream, output } = await openEncodedLayer({ layer, compression: 'gzip', level: 1 })
    const pooled = await buffer(stream)
    assert.ok(pooled.equals(await compress(data, 1)))
    assert.equal(output.digest, `sha256:${createHash('sha256').update(pooled).digest('hex')}`)
    assert.ok(gunzipSync(pooled).equals(data))

    const wrong = { ...layer, diffId: `sha256:${'0'.repeat(64)}` }
    const failing = await openEncodedLayer({ layer: wrong, compression: 'gzip', level: 1 })
    await assert.rejects(buffer(failing.stream), /diff_id/)
  })
})
