import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gunzipSync } from 'node:zlib'
import { DeflatePool } from '../../src/lib/encode/deflate-pool.ts'
import { GzipBlockEncoder } from '../../src/lib/encode/parallel-gzip.ts'

const text = Buffer.from(
  Array.from({ length: 50_000 }, (_, i) => `${i} PUT /v2/app/blobs/uploads/${i % 313}\n`).join(''),
)

/** `input` through a GzipBlockEncoder on `pool`, every block in flight at once. */
async function gzipOn(pool: DeflatePool, input: Buffer, level: number): Promise<Buffer> {
  const encoder = new GzipBlockEncoder(level, pool)
  const blocks: Promise<Buffer[]>[] = []
  for (let offset = 0; offset < input.length; offset += GzipBlockEncoder.blockSize) {
    const slot = await encoder.acquire()
    const length = input.copy(slot.input, 0, offset, offset + GzipBlockEncoder.blockSize)
    blocks.push(encoder.encode(slot, length))
  }
  const deflated = (await Promise.all(blocks)).flat()
  return Buffer.concat([encoder.header(), ...deflated, await encoder.trailer()])
}

describe('DeflatePool', () => {
  it('gives the same bytes on the main thread, in workers, or both', async () => {
    const arrangements = [
      new DeflatePool({ workers: 0, mainThread: true }),
      new DeflatePool({ workers: 2, mainThread: false }),
      new DeflatePool({ workers: 1, mainThread: true }),
    ]
    const outputs = await Promise.all(arrangements.map((pool) => gzipOn(pool, text, 6)))
    assert.ok(gunzipSync(outputs[0]!).equals(text))
    for (const output of outputs.slice(1)) assert.ok(output.equals(outputs[0]!))
  })

  it('lends at most its slots, and a waiting acquire gets the first one given back', async () => {
    const pool = new DeflatePool({ workers: 0, mainThread: true })
    const first = await pool.acquire()
    const second = await pool.acquire()
    let third: unknown
    const waiting = pool.acquire().then((slot) => (third = slot))
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(third, undefined, 'nothing beyond the slots')
    pool.release(second)
    assert.equal(await waiting, second)
    pool.release(first)
    pool.release(second)
    const again = [await pool.acquire(), await pool.acquire()]
    assert.deepEqual(new Set(again), new Set([first, second]), 'the same two slots, lent again')
  })

  for (const [where, options] of [
    ['in a worker', { workers: 1, mainThread: false }],
    ['on the main thread', { workers: 0, mainThread: true }],
  ] as const) {
    it(`fails the block, not the process, when a deflate fails ${where}; the slot comes back`, async () => {
      const pool = new DeflatePool(options)
      const slot = await pool.acquire()
      slot.input.write('hello')
      // libdeflate has levels 0 to 12: the deflater cannot make a compressor for 13.
      await assert.rejects(pool.deflate(slot, { length: 5, dictionaryLength: 0, level: 13 }), {
        message: /deflate failed: .*level 13/,
      })
      const output = await gzipOn(pool, text, 1)
      assert.ok(gunzipSync(output).equals(text), 'the pool still works')
    })
  }
})
