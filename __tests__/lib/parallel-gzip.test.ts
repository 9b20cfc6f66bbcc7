import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createCipheriv, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { gunzipSync, gzipSync } from 'node:zlib'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  GzipBlockEncoder,
  ParallelGzip,
  looksIncompressible,
} from '../../src/lib/encode/parallel-gzip.ts'
import { openEncodedLayer } from '../../src/lib/engine/encode.ts'
import { openRangeReader } from '../../src/lib/archive/files.ts'
import { compressibleText, encodeInChunks } from '../support/encoder-input.ts'

const compress = (input: Buffer, level = 1, chunk = 65536) =>
  encodeInChunks(input, new ParallelGzip({ level }), chunk)

const text = compressibleText

/**
 * What Python's zlib finds in a gzip file: the decompressed bytes' length and sha256, and how
 * many members it holds (Python's gzip module reads further members silently, so count them).
 */
function pythonReads(gz: Buffer): { members: number; length: number; sha256: string } {
  const script = [
    'import hashlib, json, sys, zlib',
    'data = sys.stdin.buffer.read()',
    'members, out = 0, b""',
    'while data:',
    '    d = zlib.decompressobj(31)',
    '    out += d.decompress(data)',
    '    assert d.eof, "truncated member"',
    '    members, data = members + 1, d.unused_data',
    'print(json.dumps({"members": members, "length": len(out), "sha256": hashlib.sha256(out).hexdigest()}))',
  ].join('\n')
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: gz, maxBuffer: 1 << 20 }).toString(),
  )
}

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** The checks every output must pass: one member, read back exactly by GNU gzip and Python. */
function assertOneGzipMemberOf(gz: Buffer, input: Buffer, what: string): void {
  assert.doesNotThrow(() => execFileSync('gzip', ['-t'], { input: gz }), `${what}: gzip -t`)
  const gunzipped = execFileSync('gzip', ['-dc'], { input: gz, maxBuffer: 256 << 20 })
  assert.ok(gunzipped.equals(input), `${what}: GNU gzip gives the input back`)
  assert.deepEqual(
    pythonReads(gz),
    { members: 1, length: input.length, sha256: sha256Hex(input) },
    `${what}: Python reads exactly one member with the input in it`,
  )
}

/** Deterministic bytes that no compressor can shrink (random, but the same every run). */
const noise = (length: number, seed = 'noise') => {
  const key = createHash('sha256').update(seed).digest()
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length))
}

const BLOCK = GzipBlockEncoder.blockSize

/** Text with random runs of 1 byte to 300 KB in it, ending at every kind of place. */
function randomIslands(): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (const size of [1, 63, 64, 65, 1000, 4096, 40_000, 70_000, 300_000, 129, 8000]) {
    parts.push(text.subarray(at, at + 5000 + size), noise(size, `island ${size}`))
    at += 5000 + size
  }
  return Buffer.concat(parts)
}

describe('ParallelGzip', () => {
  it('writes one gzip member that GNU gzip and Python read back exactly, for every kind of input', async () => {
    const inputs: [string, Buffer][] = [
      ['empty', Buffer.alloc(0)],
      ['one byte', Buffer.from('x')],
      ['short text', Buffer.from('hello, registry\n')],
      ['text of several blocks and a tail', text],
      ['zeros, exactly two blocks', Buffer.alloc(2 * BLOCK)],
      ['zeros, a block and one byte', Buffer.alloc(BLOCK + 1)],
      ['random, several blocks and a tail', noise(3 * BLOCK + 12345)],
      [
        'text, random, zeros, text',
        Buffer.concat([text.subarray(0, 700_001), noise(BLOCK + 3), Buffer.alloc(900_000), text]),
      ],
      // Level 1 takes long runs without a match as literals without searching them (more at a
      // time the longer the run): the runs end anywhere, near a block's end too.
      ['random islands of every size in text', randomIslands()],
      ['random up to 10 bytes before a block ends', Buffer.concat([noise(BLOCK - 10), text])],
    ]
    for (const [what, input] of inputs) {
      for (const level of [1, 6]) {
        assertOneGzipMemberOf(await compress(input, level), input, `${what} at level ${level}`)
      }
    }
    assert.ok((await compress(text)).length < text.length / 3, 'text is compressed')
  })

  it('level 1 finds the matches after a long random run (skipping stops at a match)', async () => {
    const after = text.subarray(0, 2_000_000)
    const both = (await compress(Buffer.concat([noise(200_000), after]))).length
    // The noise costs its length; the text after it no more than zlib's level 1 makes of it.
    const zlibLevel1 = gzipSync(after, { level: 1 }).length
    assert.ok(
      both - 200_000 < zlibLevel1,
      `${both - 200_000} bytes for the text, zlib ${zlibLevel1}`,
    )
  })

  it('counts two concatenated members as two (the single-member check can fail)', () => {
    const two = Buffer.concat([gzipSync('a'), gzipSync('b')])
    assert.equal(pythonReads(two).members, 2)
  })

  it('gives the same bytes whatever the input chunking and from run to run (the digest map relies on it)', async () => {
    const input = Buffer.concat([text, noise(BLOCK), text.subarray(0, 1000)])
    const a = await compress(input, 1, 65536)
    const b = await compress(input, 1, 1_000_003)
    const c = await compress(input, 1, 777)
    const d = await compress(input, 1, 65536)
    assert.ok(a.equals(b) && a.equals(c) && a.equals(d))
  })

  it('stores incompressible blocks instead of deflating them', async () => {
    const random = noise(3 * 1024 * 1024 + 123)
    assert.equal(looksIncompressible(random.subarray(0, 1 << 20)), true)
    assert.equal(looksIncompressible(text.subarray(0, 1 << 20)), false)
    const gz = await compress(random, 6)
    assert.ok(gz.length < random.length * 1.001 + 64, 'stored blocks add almost nothing')
    assert.ok(gunzipSync(gz).equals(random))
  })

  it('honours the level', async () => {
    const fast = await compress(text, 1)
    const best = await compress(text, 9)
    assert.ok(best.length < fast.length)
    assertOneGzipMemberOf(best, text, 'level 9')
    const stored = await compress(text, 0)
    assert.ok(stored.length > text.length, 'level 0 stores')
    assertOneGzipMemberOf(stored, text, 'level 0')
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

describe('the deflate slots', () => {
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
