import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { hashQueued, hashRangeHere, type RangeDigest } from '../../src/lib/hash-thread.ts'
import { MiB, createHashFixture, type HashFixture } from '../support/hash-jobs.ts'

describe('hashQueued (layers hashed in place on two threads)', () => {
  let fixture: HashFixture
  before(() => {
    fixture = createHashFixture()
  })
  after(() => fixture.remove())
  const expected = (start: number, size: number) => fixture.expected(start, size)
  const job = (start: number, size: number, hashedHere: number[]) =>
    fixture.job(start, size, hashedHere)

  it('hashes ranges on both threads, each to its own digest, the largest first', async () => {
    const ranges = [
      [0, 1000],
      [1000, 30 * MiB],
      [1000 + 30 * MiB, 20 * MiB],
      [1000 + 50 * MiB, 12 * MiB],
      [1000 + 62 * MiB, 10 * MiB - 1000],
    ] as const
    const hashedHere: number[] = []
    const digests = await Promise.all(
      ranges.map(([start, size]) => hashQueued(job(start, size, hashedHere), undefined)),
    )
    digests.forEach((digest, index) => {
      const [start, size] = ranges[index]!
      assert.deepEqual(digest, { digest: expected(start, size), size }, `range ${index}`)
    })
    // This thread takes the first at once, then the largest left; the worker, once up, others.
    assert.equal(hashedHere[0], 0)
    assert.equal(hashedHere[1], 1000)
    assert.ok(hashedHere.length < ranges.length, `hashed here: ${hashedHere.length}`)
  })

  it('reports the bytes there were when the file ends inside the range', async () => {
    // Two big jobs queued, so one goes to the worker; both run past the end of the file.
    const slowlyHere = () => sleep(1000).then(() => ({ digest: 'here', size: 0 }))
    const results = await Promise.all([
      hashQueued(
        {
          ...job(40 * MiB, 40 * MiB, []),
          hashHere: slowlyHere,
        },
        undefined,
      ),
      hashQueued(
        {
          ...job(32 * MiB, 48 * MiB, []),
          hashHere: slowlyHere,
        },
        undefined,
      ),
    ])
    const onThread = results.find((result) => result.size > 0)
    assert.ok(onThread, 'one of the two was hashed by the worker')
    assert.ok([32 * MiB, 40 * MiB].includes(onThread.size), `size ${onThread.size}`)
    const start = 72 * MiB - onThread.size
    assert.equal(onThread.digest, expected(start, onThread.size))
  })

  it('names the file when the worker cannot read it', async () => {
    const missing = join(fixture.dir, 'gone.bin')
    let endHere: () => void = () => {}
    const busyHere = new Promise<RangeDigest>((resolve) => {
      endHere = () => resolve({ digest: expected(0, 1), size: 1 })
    })
    // The first job keeps this thread's lane until the end, so the second goes to the worker.
    const first = hashQueued({ ...job(0, 1, []), hashHere: () => busyHere }, undefined)
    const second = { ...job(0, 40 * MiB, []), range: { path: missing, start: 0, size: 40 * MiB } }
    await assert.rejects(hashQueued(second, undefined), /ENOENT.*gone\.bin/)
    endHere()
    assert.equal((await first).size, 1)
  })

  it('stops a hash on the worker at once when its signal aborts, and hashes again after', async () => {
    const big = join(fixture.dir, 'big.bin')
    // A sparse 8 GiB file: hashing it would take seconds; the stop must not wait for it.
    writeFileSync(big, '')
    const { truncateSync } = await import('node:fs')
    truncateSync(big, 8 * 1024 * MiB)
    const stop = new AbortController()
    const hashedHere: number[] = []
    const here = hashQueued(job(0, 36 * MiB, hashedHere), undefined) // this thread's lane
    const onWorker = hashQueued(
      {
        size: 8 * 1024 * MiB,
        algorithm: 'sha256',
        range: { path: big, start: 0, size: 8 * 1024 * MiB },
        hashHere: () => Promise.reject(new Error('not here')),
      },
      stop.signal,
    )
    await here
    await new Promise((resolve) => setTimeout(resolve, 300))
    const stoppedAt = Date.now()
    stop.abort(new Error('stopped by the test'))
    await assert.rejects(onWorker, /stopped by the test/)
    assert.ok(Date.now() - stoppedAt < 200, 'rejected at once')
    // A new worker takes the next jobs.
    const again = await Promise.all([
      hashQueued(job(0, 36 * MiB, []), undefined),
      hashQueued(job(36 * MiB, 36 * MiB, []), undefined),
    ])
    assert.equal(again[1]!.digest, expected(36 * MiB, 36 * MiB))
    assert.equal(again[0]!.digest, expected(0, 36 * MiB))
  })

  it('hashes a range on this thread in stretches: across their ends, short files, stops', async () => {
    // 8 MiB stretches: a range that starts inside a block and ends past two stretch ends.
    const start = 1000
    const size = 20 * MiB + 12345
    assert.deepEqual(
      await hashRangeHere({ path: fixture.path, start, size }, 'sha256', undefined),
      {
        digest: expected(start, size),
        size,
      },
    )
    const tail = await hashRangeHere(
      { path: fixture.path, start: 70 * MiB, size: 10 * MiB },
      'sha256',
      undefined,
    )
    assert.deepEqual(tail, { digest: expected(70 * MiB, 2 * MiB), size: 2 * MiB })
    const stop = new AbortController()
    stop.abort(new Error('stopped here'))
    await assert.rejects(
      hashRangeHere({ path: fixture.path, start: 0, size: 40 * MiB }, 'sha256', stop.signal),
      /stopped here/,
    )
  })
})
