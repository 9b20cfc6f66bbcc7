import { Readable, type Transform } from 'node:stream'
import { buffer } from 'node:stream/consumers'

/** `input` through `encoder`, written in chunks of `chunk` bytes (the encoders must not care). */
export function encodeInChunks(input: Buffer, encoder: Transform, chunk = 65536): Promise<Buffer> {
  const chunks: Buffer[] = []
  for (let i = 0; i < input.length; i += chunk) chunks.push(input.subarray(i, i + chunk))
  return buffer(Readable.from(chunks).pipe(encoder))
}

/** Text that compresses, in the size of several blocks plus a tail. */
export const compressibleText = Buffer.from(
  Array.from(
    { length: 120_000 },
    (_, i) => `line ${i} GET /v2/app/blobs/sha256:${(i * 7919) % 100003} 200\n`,
  ).join(''),
)
