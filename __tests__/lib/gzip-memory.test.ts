import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createCipheriv, createHash } from 'node:crypto'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { letGoChunk } from '../../src/lib/chunk-pool.ts'
import { createDecoder, releaseDecodedChunk } from '../../src/lib/encode/compress.ts'
import { openEncodedLayer } from '../../src/lib/engine/encode.ts'
import type { Layer, SequentialReader } from '../../src/lib/image/model.ts'

const GiB = 1024 ** 3
const LAYER_SIZE = 3 * GiB + 12345

/**
 * A pattern of text with a stretch of noise in it, repeated: the layer compresses like a real
 * one and has incompressible blocks, without a file of several GiB on the disk.
 */
const pattern = (() => {
  const lines = Array.from(
    { length: 60_000 },
    (_, i) => `${i} GET /v2/library/app/blobs/sha256:${(i * 7919) % 100_003} 200 ${i % 977}\n`,
  ).join('')
  const key = createHash('sha256').update('noise').digest()
  const noise = createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(700_000))
  return Buffer.concat([Buffer.from(lines), noise])
})()

/** Fills `into` with the layer's bytes from `position`; returns how many (0 at the end). */
function fill(into: Buffer, position: number, size: number): number {
  let filled = 0
  while (filled < into.length && position + filled < size) {
    const offset = (position + filled) % pattern.length
    const length = Math.min(into.length - filled, pattern.length - offset, size - position - filled)
    filled += pattern.copy(into, filled, offset, offset + length)
  }
  return filled
}

function generatedReader(size: number): SequentialReader {
  let position = 0
  return {
    read(into) {
      const filled = fill(into, position, size)
      position += filled
      return Promise.resolve(filled)
    },
    close: () => Promise.resolve(),
  }
}

function diffIdOf(size: number): string {
  const hash = createHash('sha256')
  const block = Buffer.alloc(4 * 1024 * 1024)
  for (let position = 0, filled; (filled = fill(block, position, size)) > 0; position += filled) {
    hash.update(block.subarray(0, filled))
  }
  return `sha256:${hash.digest('hex')}`
}

describe('gzip of a layer of several GiB', () => {
  it('keeps the peak resident size bounded, and the output decompresses to the layer', async (t) => {
    const diffId = diffIdOf(LAYER_SIZE)
    const layer: Layer = {
      diffId,
      compression: 'none',
      storedDigest: diffId,
      mediaType: undefined,
      isTar: true,
      content: {
        origin: 'generated',
        size: LAYER_SIZE,
        open: () => Promise.reject(new Error('read through openReader only')),
        openReader: () => Promise.resolve(generatedReader(LAYER_SIZE)),
      },
    }
    const before = process.memoryUsage.rss()
    const { stream, output } = await openEncodedLayer({ layer, compression: 'gzip', level: 1 })
    const decompressed = createHash('sha256')
    let decompressedBytes = 0
    // Buffer memory, at most, over the first quarter of the layer and over the rest: what the
    // design bounds (reused blocks and chunks). The resident size also holds V8's heap, which
    // grows by tens of MB between its own collections (seen on an 8 GiB layer: 133 MB, up to
    // 178, back to 155), so it is bounded as a whole only.
    const peakBuffers = { firstQuarter: 0, rest: 0 }
    let peakResident = 0
    // Read as the upload reads: each compressed chunk goes back to its pool once used (here,
    // once the decoder has taken it), and each decoded chunk is freed once hashed.
    const gunzip = createDecoder('gzip')
    gunzip.on('data', (chunk: Buffer) => {
      decompressed.update(chunk)
      decompressedBytes += chunk.length
      const phase = decompressedBytes < LAYER_SIZE / 4 ? 'firstQuarter' : 'rest'
      const { rss, arrayBuffers } = process.memoryUsage()
      peakBuffers[phase] = Math.max(peakBuffers[phase], arrayBuffers)
      peakResident = Math.max(peakResident, rss)
      releaseDecodedChunk(chunk)
    })
    const decoded = new Promise<void>((resolve, reject) => {
      gunzip.once('end', resolve)
      gunzip.once('error', reject)
    })
    await pipeline(
      stream,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          gunzip.write(chunk, (error) => {
            letGoChunk(chunk)
            done(error)
          })
        },
        final(done) {
          gunzip.end()
          decoded.then(() => done(), done)
        },
      }),
    )
    assert.equal(decompressedBytes, LAYER_SIZE)
    assert.equal(`sha256:${decompressed.digest('hex')}`, diffId)
    assert.ok(output.bytes < LAYER_SIZE / 2, `compressed to ${output.bytes} bytes`)
    const MB = 1024 * 1024
    const report =
      `resident ${(before / MB).toFixed(0)} MB before, at most ${(peakResident / MB).toFixed(0)} MB; ` +
      `Buffers at most ${(peakBuffers.firstQuarter / MB).toFixed(0)} MB over the first quarter, ${(peakBuffers.rest / MB).toFixed(0)} MB after`
    t.diagnostic(report)
    // Bounded by design: the memory does not grow with the layer once its first blocks are in
    // flight, and what the workers, their slots and the gunzip add stays small.
    assert.ok(peakBuffers.rest < peakBuffers.firstQuarter + 16 * MB, report)
    assert.ok(peakResident - before < 80 * MB, report)
  })
})
