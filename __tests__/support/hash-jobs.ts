import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { HashJob, RangeDigest } from '../../src/lib/hash-thread.ts'

export const MiB = 1024 * 1024

/** A file of random bytes in a temporary directory, and hash jobs over its ranges. */
export interface HashFixture {
  readonly dir: string
  readonly path: string
  /** The digest of [start, start + size) of the file. */
  expected(start: number, size: number): string
  /**
   * A job whose on-this-thread hash is counted in `hashedHere` (its start), so that a test knows
   * which thread hashed it, and slow (10 ms a MiB), so that a worker is up before this thread
   * is through the queue.
   */
  job(start: number, size: number, hashedHere: number[]): HashJob
  remove(): void
}

export function createHashFixture(size = 72 * MiB): HashFixture {
  const dir = mkdtempSync(join(tmpdir(), 'tar-push-hash-'))
  const path = join(dir, 'blobs.bin')
  const data = randomBytes(size)
  writeFileSync(path, data)
  const expected = (start: number, length: number) =>
    `sha256:${createHash('sha256')
      .update(data.subarray(start, start + length))
      .digest('hex')}`
  return {
    dir,
    path,
    expected,
    job: (start, length, hashedHere) => ({
      size: length,
      algorithm: 'sha256',
      range: { path, start, size: length },
      hashHere: async (): Promise<RangeDigest> => {
        hashedHere.push(start)
        await sleep((10 * length) / MiB)
        return { digest: expected(start, length), size: length }
      },
    }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
