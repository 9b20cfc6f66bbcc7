import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { constants, createZstdCompress, zstdDecompressSync } from 'node:zlib'
import { ParallelZstd, ZstdFrameEncoder } from '../../src/lib/encode/parallel-zstd.ts'
import { openEncodedLayer } from '../../src/lib/engine/encode.ts'
import { openRangeReader } from '../../src/lib/archive/files.ts'
import { compressibleText, encodeInChunks } from '../support/encoder-input.ts'

const compress = (input: Buffer, level = 3, chunk = 65536) =>
  encodeInChunks(input, new ParallelZstd({ level }), chunk)

const text = compressibleText

/** The zstd tool (Debian package zstd), which reads every frame of a stream. */
const zstdTool = (args: string[], input: Buffer): Buffer =>
  execFileSync('zstd', args, { input, maxBuffer: 64 << 20 })

/** zstd frames start with the magic number 0xFD2FB528 (little-endian), RFC 8878 3.1.1. */
const frameCount = (stream: Buffer): number => {
  let count = 0
  for (let at = stream.indexOf(MAGIC); at !== -1; at = stream.indexOf(MAGIC, at + 4)) count++
  return count
}
const MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])

describe('ParallelZstd', () => {
  it('writes one frame per block, which zlib and the zstd tool read back exactly', async () => {
    const data = Buffer.concat([text, randomBytes(1_500_000), text.subarray(0, 333_333)])
    const zst = await compress(data)
    assert.ok(zst.length < data.length, 'the text is compressed')
    const blocks = Math.ceil(data.length / ZstdFrameEncoder.blockSize)
    assert.ok(blocks >= 3, 'the input spans several blocks')
    // Random bytes may hold the magic by chance, so at least one frame a block.
    assert.ok(frameCount(zst) >= blocks)
    assert.ok(zstdDecompressSync(zst).equals(data))
    assert.doesNotThrow(() => zstdTool(['-t'], zst))
    assert.ok(zstdTool(['-dc'], zst).equals(data))
  })

  it('gives the same bytes whatever the input chunking (the digest map relies on it)', async () => {
    const a = await compress(text, 3, 65536)
    const b = await compress(text, 3, 1_000_003)
    const c = await compress(text, 3, 777)
    assert.ok(a.equals(b) && a.equals(c))
  })

  it('makes each frame as a fresh compressor would: reused compressors carry nothing over', async () => {
    const data = Buffer.concat([randomBytes(700_000), text, text.subarray(0, 1_234_567)])
    const blockSize = ZstdFrameEncoder.blockSize
    const fresh: Buffer[] = []
    for (let at = 0; at < data.length; at += blockSize) {
      const block = data.subarray(at, at + blockSize)
      fresh.push(
        await buffer(
          Readable.from([block]).pipe(
            createZstdCompress({
              params: {
                [constants.ZSTD_c_compressionLevel]: 3,
                [constants.ZSTD_c_windowLog]: Math.log2(blockSize),
              },
            }),
          ),
        ),
      )
    }
    // Twice, so that the second run's compressors have made frames of other blocks before.
    await compress(text)
    assert.ok((await compress(data)).equals(Buffer.concat(fresh)))
    assert.ok((await compress(data)).equals(Buffer.concat(fresh)))
  })

  it('handles empty input and a single short block, and honours the level', async () => {
    assert.equal(zstdDecompressSync(await compress(Buffer.alloc(0))).length, 0)
    const short = Buffer.from('hello')
    assert.ok(zstdTool(['-dc'], await compress(short)).equals(short))
    const best = await compress(text, 19)
    assert.ok(best.length < (await compress(text, 1)).length)
    assert.ok(zstdDecompressSync(best).equals(text))
  })
})

describe('a layer encoded to zstd from pooled blocks', () => {
  it('writes the same bytes as the stream encoder, and fails on a wrong diff_id', async (t) => {
    const data = Buffer.concat([text.subarray(0, 2_500_000), randomBytes(1_200_000)])
    const dir = await mkdtemp(join(tmpdir(), 'pooled-zstd-'))
    t.after(() => rm(dir, { recursive: true, force: true }))
    const path = join(dir, 'layer.tar')
    await writeFile(path, data)
    const layer = (diffId: string) => ({
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
    const diffId = `sha256:${createHash('sha256').update(data).digest('hex')}`
    const { stream, output } = await openEncodedLayer({
      layer: layer(diffId),
      compression: 'zstd',
      level: 3,
    })
    const pooled = await buffer(stream)
    assert.ok(pooled.equals(await compress(data, 3)))
    assert.equal(output.digest, `sha256:${createHash('sha256').update(pooled).digest('hex')}`)
    assert.ok(zstdTool(['-dc'], pooled).equals(data))

    const wrong = await openEncodedLayer({
      layer: layer(`sha256:${'0'.repeat(64)}`),
      compression: 'zstd',
      level: 3,
    })
    await assert.rejects(buffer(wrong.stream), /diff_id/)
    // The pool's blocks came back after the failure: another layer still encodes.
    const again = await openEncodedLayer({ layer: layer(diffId), compression: 'zstd', level: 3 })
    assert.ok((await buffer(again.stream)).equals(pooled))
  })
})
