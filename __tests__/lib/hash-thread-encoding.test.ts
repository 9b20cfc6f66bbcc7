/**
 * hash-thread.ts while a copy encodes layers: no hash worker is started (the encoders have the
 * worker thread). A file of its own: the hash thread's worker is per process, and the tests of
 * hash-thread.test.ts start one.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { announceEncoding, hashQueued } from '../../src/lib/hash-thread.ts'
import { MiB, createHashFixture, type HashFixture } from '../support/hash-jobs.ts'

describe('hashQueued while an encoding is announced', () => {
  let fixture: HashFixture
  before(() => {
    fixture = createHashFixture()
  })
  after(() => fixture.remove())

  const ranges = [
    [0, 30 * MiB],
    [30 * MiB, 22 * MiB],
    [52 * MiB, 20 * MiB],
  ] as const

  const hashAll = async (hashedHere: number[]) => {
    const digests = await Promise.all(
      ranges.map(([start, size]) => hashQueued(fixture.job(start, size, hashedHere), undefined)),
    )
    digests.forEach((digest, index) => {
      const [start, size] = ranges[index]!
      assert.deepEqual(digest, { digest: fixture.expected(start, size), size }, `range ${index}`)
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
