/**
 * hash-thread.ts while a copy encodes layers: no hash worker is started (the encoders have the
 * worker thread). A file of its own: the hash thread's worker is per process, and the tests of
 * hash-thread.test.ts start one.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  announceEncoding,
  hashQueued,
  type HashJob,
  type RangeDigest,
} from '../../src/lib/hash-thread.ts'

const MiB = 1024 * 1024

describe('hashQueued while an encoding is announced', () => {
  let dir: string
  let path: string
  let data: Buffer

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tar-push-hash-enc-'))
    path = join(dir, 'blobs.bin')
    data = randomBytes(72 * MiB)
    writeFileSync(path, data)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  const expected = (start: number, size: number): string =>
    `sha256:${createHash('sha256')
      .update(data.subarray(start, start + size))
      .digest('hex')}`

  /** A job that counts its hashes on this thread, slow enough (10 ms a MiB) for a worker to start. */
  const job = (start: number, size: number, hashedHere: number[]): HashJob => ({
    size,
    algorithm: 'sha256',
    range: { path, start, size },
    hashHere: async (): Promise<RangeDigest> => {
      hashedHere.push(start)
      await sleep((10 * size) / MiB)
      return { digest: expected(start, size), size }
    },
  })

  const ranges = [
    [0, 30 * MiB],
    [30 * MiB, 22 * MiB],
    [52 * MiB, 20 * MiB],
  ] as const

  const hashAll = async (hashedHere: number[]) => {
    const digests = await Promise.all(
      ranges.map(([start, size]) => hashQueued(job(start, size, hashedHere), undefined)),
    )
    digests.forEach((digest, index) => {
      const [start, size] = ranges[index]!
      assert.deepEqual(digest, { digest: expected(start, size), size }, `range ${index}`)
    })
  }

  it('hashes everything on this thread, then lets a worker help once the encoding ends', async () => {
    const endEncoding = announceEncoding()
    const whileEncoding: number[] = []
    await hashAll(whileEncoding)
    assert.equal(whileEncoding.length, ranges.length, 'no worker while encoding')
    endEncoding()
    endEncoding() // ending twice counts once

    const after: number[] = []
    await hashAll(after)
    assert.ok(after.length < ranges.length, `a worker took part: ${after.length} hashed here`)
  })
})
