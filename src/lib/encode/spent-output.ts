/**
 * Frees the buffer of a zlib stream's output chunk (its buffers are of `chunkSize` bytes) once
 * the chunk that ends it is done with, at once instead of at V8's next collection: zlib fills
 * one buffer at a time and allocates the next once it is full, so that chunk is the last use of
 * its buffer (compress.ts releaseDecodedChunk tells more). Only for a reader that keeps no chunk
 * of that buffer, nor a view of one.
 */
export function releaseSpentOutput(chunk: Buffer, chunkSize: number): void {
  const buffer = chunk.buffer
  if (
    buffer instanceof ArrayBuffer &&
    buffer.byteLength === chunkSize &&
    chunk.byteOffset + chunk.length === chunkSize
  )
    // ES2024 (Node 21+); the type library here is ES2023.
    (buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer }).transfer(0)
}
