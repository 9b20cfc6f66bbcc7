import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { Readable, Writable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { openVerifiedLayer } from '../../src/lib/engine/verify.ts'
import { TarPushError } from '../../src/lib/errors.ts'
import type { Layer } from '../../src/lib/image/model.ts'

const MiB = 1024 * 1024
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/**
 * A gzip layer of `mib` MiB of text-like bytes, compressed on the fly, and the sha256 of those
 * bytes: a big layer without holding it in memory.
 */
async function bigGzipLayer(mib: number): Promise<{ stored: Buffer; diffId: string }> {
  const block = Buffer.alloc(MiB)
  for (let i = 0; i < MiB; i += 64) block.write(`line ${i} GET /v2/app/blobs 200 ok\n`, i)
  const hash = createHash('sha256')
  const blocks = function* () {
    for (let i = 0; i < mib; i++) {
      hash.update(block)
      yield block
    }
  }
  const stored = await buffer(Readable.from(blocks()).pipe(createGzip({ level: 1 })))
  return { stored, diffId: `sha256:${hash.digest('hex')}` }
}

const layerOf = (stored: Buffer, diffId: string): Layer => ({
  diffId,
  compression: 'gzip',
  storedDigest: sha256(stored),
  mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
  isTar: true,
  content: {
    origin: 'big test layer',
    size: stored.length,
    // Small chunks, as a file or a socket gives them.
    open: async () =>
      Readable.from(
        (function* () {
          for (let at = 0; at < stored.length; at += 64 * 1024)
            yield stored.subarray(at, at + 64 * 1024)
        })(),
      ),
  },
})

describe('the diff_id check of a layer read for a sink', () => {
  it('keeps Buffer memory bounded on a big layer, without collecting garbage', async () => {
    const { stored, diffId } = await bigGzipLayer(384)
    let peak = 0
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers)
    }, 2)
    const base = process.memoryUsage().arrayBuffers
    try {
      const stream = await openVerifiedLayer(layerOf(stored, diffId), sha256(stored))
      let bytes = 0
      await pipeline(
        stream,
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            bytes += chunk.length
            peak = Math.max(peak, process.memoryUsage().arrayBuffers)
            done()
          },
        }),
      )
      assert.equal(bytes, stored.length)
    } finally {
      clearInterval(sample)
    }
    // 384 MiB decoded: V8 alone would let tens of MB of decoded Buffers pile up.
    const grown = (peak - base) / MiB
    assert.ok(grown < 24, `Buffer memory grew by ${grown.toFixed(1)} MiB`)
  })

  it('passes on every byte but the last, which a lying diff_id never releases', async () => {
    const { stored } = await bigGzipLayer(64)
    const stream = await openVerifiedLayer(
      layerOf(stored, `sha256:${'0'.repeat(64)}`),
      sha256(stored),
    )
    let received = 0
    await assert.rejects(
      pipeline(
        stream,
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            received += chunk.length
            done()
          },
        }),
      ),
      (error: unknown) => error instanceof TarPushError && error.code === 'DIFF_ID_MISMATCH',
    )
    assert.equal(received, stored.length - 1, 'everything but the last byte went on')
  })

  it('leaves the chunks of an uncompressed layer intact: they are the ones passed on', async () => {
    // Each chunk in a buffer of its own, of the decoders' chunk size, as a file read gives them.
    const chunks = Array.from({ length: 6 }, (_, i) => Buffer.alloc(256 * 1024, i + 1))
    const stored = Buffer.concat(chunks)
    const layer: Layer = {
      ...layerOf(stored, `sha256:${'1'.repeat(64)}`),
      compression: 'none',
      content: {
        origin: 'uncompressed test layer',
        size: stored.length,
        open: async () => Readable.from(chunks.map((chunk) => Buffer.from(chunk))),
      },
    }
    const received: Buffer[] = []
    await assert.rejects(
      pipeline(
        await openVerifiedLayer(layer, sha256(stored)),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            received.push(chunk)
            done()
          },
        }),
      ),
      (error: unknown) => error instanceof TarPushError && error.code === 'DIFF_ID_MISMATCH',
    )
    assert.ok(Buffer.concat(received).equals(stored.subarray(0, stored.length - 1)))
  })
})
