import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { crc32Combine } from '../../src/lib/encode/crc32-combine.ts'

describe('crc32Combine', () => {
  it('gives the CRC-32 of two runs joined, for empty, short, odd and block-sized runs', () => {
    const lengths = [0, 1, 3, 4, 255, 65536, 524288, 1_000_003]
    for (const lengthA of lengths) {
      for (const lengthB of lengths) {
        const a = randomBytes(lengthA)
        const b = randomBytes(lengthB)
        assert.equal(
          crc32Combine(crc32(a), crc32(b), lengthB),
          crc32(Buffer.concat([a, b])),
          `${lengthA} + ${lengthB} bytes`,
        )
      }
    }
  })

  it('holds past 4 GiB, where a length no longer fits 32 bits', () => {
    const head = Buffer.from('layer')
    const zeros = Buffer.alloc(64 * 1024 * 1024)
    const tailLength = 2 ** 32 + 5
    let tailCrc = 0
    for (let done = 0; done < tailLength; done += zeros.length) {
      tailCrc = crc32(zeros.subarray(0, Math.min(zeros.length, tailLength - done)), tailCrc)
    }
    let wholeCrc = crc32(head)
    for (let done = 0; done < tailLength; done += zeros.length) {
      wholeCrc = crc32(zeros.subarray(0, Math.min(zeros.length, tailLength - done)), wholeCrc)
    }
    assert.equal(crc32Combine(crc32(head), tailCrc, tailLength), wholeCrc)
  })
})
