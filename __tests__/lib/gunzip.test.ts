import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import * as zlib from 'node:zlib'
import { gunzipStreams, type GunzipExports } from '../../src/lib/encode/gunzip-stream.ts'
import { GunzipThreadFailure, openGunzipCheck } from '../../src/lib/encode/gunzip-thread.ts'
import { libdeflateModule } from '../../src/lib/encode/libdeflate-module.ts'
import { ParallelGzip } from '../../src/lib/encode/parallel-gzip.ts'

/**
 * The resumable inflater (script/deflate-wasm/inflate_stream.c) and its gzip framing
 * (gunzip-stream.ts) must accept exactly what node:zlib's gunzip accepts and decode it to the
 * same bytes, whatever the pieces the input comes in: a stop for input can fall inside any
 * header, block header, symbol or stored block.
 */

type Outcome = { digest: string; size: number } | { error: string }

const wasm = new WebAssembly.Instance(libdeflateModule(), {}).exports as unknown as GunzipExports
const streams = gunzipStreams(wasm, zlib, crypto)
const SLOT = 256 * 1024
const slot = wasm.malloc(streams.inputRoom + SLOT) + streams.inputRoom

/** Decodes `gz` on this thread, fed in pieces of the sizes `nextPiece` gives. */
function ours(gz: Buffer, nextPiece: () => number): Outcome {
  const stream = streams.open('sha256')
  try {
    for (let at = 0; at < gz.length;) {
      const length = Math.min(nextPiece(), gz.length - at, SLOT)
      new Uint8Array(wasm.memory.buffer).set(gz.subarray(at, at + length), slot)
      stream.push(slot, length)
      at += length
    }
    return stream.end()
  } catch (error) {
    return { error: (error as Error).message }
  } finally {
    stream.release()
  }
}

function zlibs(gz: Buffer): Outcome {
  try {
    const out = zlib.gunzipSync(gz)
    return {
      digest: `sha256:${crypto.createHash('sha256').update(out).digest('hex')}`,
      size: out.length,
    }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

const every = (size: number) => () => size
/** Piece sizes from 1 byte to 70 KB, the same sequence for a seed. */
function randomPieces(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return 1 + (state % 70_000)
  }
}

/**
 * Same bytes, or both refusing. Where the framing (not the deflate data) is at fault, also the
 * same message: the deflate decoders word their errors differently.
 */
function assertSame(name: string, gz: Buffer, pieces: (() => number)[], sameMessage = false) {
  const expected = zlibs(gz)
  for (const [index, piece] of pieces.entries()) {
    const actual = ours(gz, piece)
    if ('error' in expected) {
      assert.ok(
        'error' in actual,
        `${name} (pieces #${index}): zlib refuses (${expected.error}), we decoded it`,
      )
      if (sameMessage) assert.equal(actual.error, expected.error, `${name} (pieces #${index})`)
    } else assert.deepEqual(actual, expected, `${name} (pieces #${index})`)
  }
}

const text = Buffer.from(
  Array.from({ length: 20_000 }, (_, i) => `line ${i} GET /v2/app/blobs/${i % 97} 200\n`).join(''),
)
const corpus: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  small: Buffer.from('hello'),
  text,
  random: crypto.randomBytes(200_000),
  // Long runs: matches of length 258 at distance 1, and output far beyond the input.
  zeros: Buffer.alloc(2_000_000),
  mixed: Buffer.concat([
    crypto.randomBytes(70_000),
    Buffer.alloc(300_000, 7),
    Buffer.from('abc'.repeat(50_000)),
  ]),
}
const piecesFor = (input: Buffer) =>
  input.length < 20_000
    ? [every(1), every(2), every(7), every(1000), every(65536), randomPieces(1)]
    : [every(1023), every(1025), every(4096), every(65536), randomPieces(2), randomPieces(3)]

describe('gzip decoding on libdeflate.wasm', () => {
  it('decodes what zlib writes, at every level and strategy, fed in any pieces', () => {
    const { Z_DEFAULT_STRATEGY, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED } = zlib.constants
    for (const [name, input] of Object.entries(corpus)) {
      for (const level of [0, 1, 6, 9]) {
        for (const strategy of [Z_DEFAULT_STRATEGY, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED]) {
          assertSame(
            `${name} level ${level} strategy ${strategy}`,
            zlib.gzipSync(input, { level, strategy }),
            piecesFor(input),
          )
        }
      }
    }
  })

  it("decodes GNU gzip's output (a name in the header) and our own parallel gzip", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-push-gunzip-'))
    try {
      const path = join(dir, 'layer.tar')
      writeFileSync(path, corpus.mixed!)
      execFileSync('gzip', ['-k', '-9', path])
      const gnu = readFileSync(`${path}.gz`)
      assert.equal(gnu[3]! & 8, 8, 'GNU gzip writes the file name')
      assertSame('gzip -9', gnu, piecesFor(gnu))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    for (const level of [0, 1, 6]) {
      const ourGzip = await buffer(
        Readable.from([corpus.mixed!, corpus.text!]).pipe(new ParallelGzip({ level })),
      )
      assertSame(`parallel gzip level ${level}`, ourGzip, piecesFor(ourGzip))
    }
  })

  it('reads every header field, and refuses a bad header as zlib does', () => {
    const withHeader = (
      flags: number,
      fields: { extra?: Buffer; name?: string; comment?: string },
    ) => {
      const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3])]
      if (fields.extra)
        parts.push(Buffer.from([fields.extra.length & 255, fields.extra.length >> 8]), fields.extra)
      if (fields.name) parts.push(Buffer.from(`${fields.name}\0`))
      if (fields.comment) parts.push(Buffer.from(`${fields.comment}\0`))
      if (flags & 2) {
        const crc = zlib.crc32(Buffer.concat(parts)) & 0xffff
        parts.push(Buffer.from([crc & 255, crc >> 8]))
      }
      parts.push(zlib.gzipSync(text).subarray(10))
      return Buffer.concat(parts)
    }
    const pieces = [every(1), every(3), every(1000), randomPieces(4)]
    assertSame(
      'a 60 KB extra field',
      withHeader(4, { extra: crypto.randomBytes(60_000) }),
      pieces,
      true,
    )
    assertSame(
      'name and comment',
      withHeader(8 | 16, { name: 'layer.tar', comment: 'saved' }),
      pieces,
      true,
    )
    assertSame(
      'every field and a header CRC',
      withHeader(2 | 4 | 8 | 16, { extra: Buffer.from('xy'), name: 'n', comment: 'c' }),
      pieces,
      true,
    )
    const badCrc = withHeader(2 | 8, { name: 'n' })
    badCrc[12]! ^= 1
    assertSame('a wrong header CRC', badCrc, pieces, true)
    assertSame('a reserved flag', withHeader(0x20, {}), pieces, true)
    const method = zlib.gzipSync(text)
    method[2] = 7
    assertSame('another method', method, pieces, true)
    assertSame('no gzip at all', Buffer.from('plain text, no gzip'), pieces, true)
  })

  it('reads several members, ignores zero padding after one, refuses other trailing bytes', () => {
    const pieces = [every(1), every(5), every(1000), randomPieces(5)]
    const one = zlib.gzipSync(text)
    assertSame(
      'two members',
      Buffer.concat([one, zlib.gzipSync(Buffer.from('more'))]),
      pieces,
      true,
    )
    assertSame(
      'an empty member between',
      Buffer.concat([one, zlib.gzipSync(Buffer.alloc(0)), one]),
      pieces,
      true,
    )
    assertSame('zero padding', Buffer.concat([one, Buffer.alloc(512)]), pieces, true)
    assertSame('zero, then anything', Buffer.concat([one, Buffer.from('\0garbage')]), pieces, true)
    assertSame('trailing garbage', Buffer.concat([one, Buffer.from('garbage')]), pieces, true)
    assertSame(
      'half a second header',
      Buffer.concat([one, Buffer.from([0x1f, 0x8b, 8])]),
      pieces,
      true,
    )
  })

  it('refuses every truncation and a damaged trailer, and bad deflate data', () => {
    for (const [name, input] of Object.entries({
      text,
      random: corpus.random!,
      zeros: corpus.zeros!,
    })) {
      const gz = zlib.gzipSync(input)
      const pieces = [every(1000), every(65536), randomPieces(6)]
      for (const cut of [
        1,
        9,
        10,
        11,
        20,
        gz.length >> 1,
        gz.length - 9,
        gz.length - 8,
        gz.length - 4,
        gz.length - 1,
      ])
        assertSame(
          `${name} cut at ${cut}`,
          gz.subarray(0, cut),
          pieces,
          cut >= gz.length - 8 || cut <= 10,
        )
      for (const at of [gz.length - 8, gz.length - 3]) {
        const damaged = Buffer.from(gz)
        damaged[at]! ^= 0x55
        assertSame(`${name} with its trailer damaged at ${at}`, damaged, pieces, true)
      }
      for (const at of [10, 12, 40, gz.length >> 1]) {
        const damaged = Buffer.from(gz)
        damaged[at]! ^= 0x55
        assertSame(`${name} damaged at ${at}`, damaged, pieces)
      }
    }
  })
})

describe('the gzip thread (diff_id checks off the main thread)', () => {
  const digestOf = (bytes: Buffer) =>
    `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`

  it('decodes several streams at once, in pieces of any size, each to its own digest', async () => {
    const inputs = [
      corpus.mixed!,
      corpus.text!,
      Buffer.alloc(8_000_000, 1),
      crypto.randomBytes(3_000_000),
    ]
    const results = await Promise.all(
      inputs.map(async (input, index) => {
        const gz = zlib.gzipSync(input, { level: 1 })
        const check = openGunzipCheck('sha256')
        const next = randomPieces(10 + index)
        for (let at = 0; at < gz.length;) {
          // Bigger than a slot too: a piece is spread over several.
          const length = Math.min(index === 3 ? 1_500_000 : next(), gz.length - at)
          await check.write(gz.subarray(at, at + length))
          at += length
        }
        return check.end()
      }),
    )
    results.forEach((result, index) =>
      assert.deepEqual(result, { digest: digestOf(inputs[index]!), size: inputs[index]!.length }),
    )
  })

  it('says why bytes do not decode, and goes on with other streams', async () => {
    const truncated = zlib.gzipSync(text).subarray(0, 5000)
    const bad = openGunzipCheck('sha256')
    await bad.write(truncated)
    await assert.rejects(bad.end(), /unexpected end of file/)

    const garbage = openGunzipCheck('sha256')
    await garbage.write(Buffer.from('this is no gzip'))
    await assert.rejects(garbage.end(), /incorrect header check/)
    assert.equal(garbage.failure?.message, 'incorrect header check')

    const abandoned = openGunzipCheck('sha256')
    await abandoned.write(zlib.gzipSync(text).subarray(0, 1000))
    abandoned.abort()

    const unknownHash = openGunzipCheck('no-such-hash')
    await unknownHash.write(zlib.gzipSync(text))
    // A verdict on that stream, not a failure of the thread that decodes every stream.
    await assert.rejects(
      unknownHash.end(),
      (error: Error) => !(error instanceof GunzipThreadFailure) && /digest/i.test(error.message),
    )

    const good = openGunzipCheck('sha512')
    await good.write(zlib.gzipSync(text))
    assert.deepEqual(await good.end(), {
      digest: `sha512:${crypto.createHash('sha512').update(text).digest('hex')}`,
      size: text.length,
    })
  })
})
