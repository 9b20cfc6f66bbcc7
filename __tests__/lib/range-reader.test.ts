/**
 * The reader the encoders and the diff_id checks fill their buffers with (archive/files.ts):
 * synchronous reads while they are fast, asynchronous ones after the first slow read (for that
 * file's later readers too), and the same bytes either way.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openRangeReader, type RangeReader } from '../../src/lib/archive/files.ts'

const BLOCK = 512 * 1024

/** Every block the reader gives, joined, and whether it was synchronous after each read. */
async function readAll(reader: RangeReader, block = BLOCK) {
  const parts: Buffer[] = []
  const modes: boolean[] = []
  try {
    for (;;) {
      const into = Buffer.alloc(block)
      const length = await reader.read(into)
      modes.push(reader.synchronous)
      if (length === 0) break
      parts.push(into.subarray(0, length))
    }
  } finally {
    await reader.close()
  }
  return { bytes: Buffer.concat(parts), modes }
}

describe('openRangeReader', () => {
  let dir: string
  let path: string
  const data = randomBytes(3 * BLOCK + 12_345)
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tar-push-range-'))
    path = join(dir, 'layer.tar')
    await writeFile(path, data)
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('reads the range in order, blocking while reads are fast', async () => {
    const start = 1000
    const size = data.length - 2000
    const reader = await openRangeReader(path, start, size, { slowReadMs: 60_000 })
    const { bytes, modes } = await readAll(reader)
    assert.deepEqual(bytes, data.subarray(start, start + size))
    assert.ok(
      modes.every((synchronous) => synchronous),
      'no read took a minute: all synchronous',
    )
  })

  it('goes on asynchronously after a slow read, with the same bytes', async () => {
    // Every read counts as slow: the first is synchronous, the rest go through the thread pool.
    const reader = await openRangeReader(path, 0, data.length, { slowReadMs: -1 })
    assert.equal(reader.synchronous, true, 'it starts synchronous')
    const { bytes, modes } = await readAll(reader)
    assert.deepEqual(bytes, data)
    assert.ok(
      modes.every((synchronous) => !synchronous),
      'asynchronous from the first read on',
    )
  })

  it('starts a later reader of a file that was slow asynchronous', async () => {
    const slow = join(dir, 'slow.tar')
    await writeFile(slow, data)
    const first = await openRangeReader(slow, 0, data.length, { slowReadMs: -1 })
    await first.read(Buffer.alloc(BLOCK))
    await first.close()
    const later = await openRangeReader(slow, BLOCK, BLOCK, { slowReadMs: 60_000 })
    assert.equal(later.synchronous, false, 'the file is known to be slow')
    const { bytes } = await readAll(later)
    assert.deepEqual(bytes, data.subarray(BLOCK, 2 * BLOCK))
    const fast = join(dir, 'fast.tar')
    await writeFile(fast, data.subarray(0, BLOCK))
    const other = await openRangeReader(fast, 0, BLOCK, { slowReadMs: 60_000 })
    assert.equal(other.synchronous, true, 'another file still starts synchronous')
    await other.close()
  })

  it('says which file ended early, in either mode', async () => {
    const short = join(dir, 'short.tar')
    await writeFile(short, data)
    await truncate(short, 2 * BLOCK + 7)
    for (const slowReadMs of [60_000, -1]) {
      const reader = await openRangeReader(short, 0, data.length, { slowReadMs })
      await assert.rejects(readAll(reader), (error: Error) => {
        assert.match(error.message, /short\.tar ended at byte 1048583, before 1585209/)
        return true
      })
    }
  })
})
