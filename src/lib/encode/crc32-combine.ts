/**
 * The CRC-32 of two byte runs joined, from the CRC of each and the length of the second: the
 * blocks of one gzip member are checksummed in parallel by the deflate workers, and the member's
 * trailer needs the CRC of all of them. Arithmetic on polynomials over GF(2) modulo the gzip
 * polynomial, in its reflected form (the highest bit is the x^0 term).
 */

const POLYNOMIAL = 0xedb88320
const X_TO_THE_0 = 0x80000000

/** a(x)·b(x) mod P(x). */
function multiply(a: number, b: number): number {
  let product = 0
  for (let term = X_TO_THE_0; term !== 0; term >>>= 1) {
    if (a & term) product ^= b
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1
  }
  return product >>> 0
}

/** x^(2^k) mod P(x) for k = 0..31; the powers repeat with period 32 (x^(2^32) = x mod P). */
const X_TO_THE_2_TO_THE: number[] = [X_TO_THE_0 >>> 1]
for (let k = 1; k < 32; k++) {
  const previous = X_TO_THE_2_TO_THE[k - 1]!
  X_TO_THE_2_TO_THE.push(multiply(previous, previous))
}

/** x^(8·bytes) mod P(x): what appending `bytes` zero bytes multiplies a CRC by. */
function shiftByBytes(bytes: number): number {
  let power = X_TO_THE_0
  let k = 3 // 8 bits a byte: start at x^(2^3)
  for (let n = bytes; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) power = multiply(X_TO_THE_2_TO_THE[k % 32]!, power)
  }
  return power
}

/** CRC-32 of A followed by B, from crc32(A), crc32(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiply(shiftByBytes(lengthB), crcA) ^ crcB) >>> 0
}
