import type { Readable } from 'node:stream'
import { letGoChunk } from '../chunk-pool.ts'

/**
 * The socket's write buffer limit, set on every connection (transport.ts), the same for an
 * HTTP/2 stream (Node's default). A chunk at least this big makes `write` return false.
 */
export const SOCKET_HIGH_WATER_MARK = 64 * 1024

/** Chunks sent but not yet known written: bounds what waits here when chunks are small. */
const MAX_UNCONFIRMED = 64

/**
 * A stream's chunks as an async iterable for undici's request body, giving each chunk back to
 * its pool (chunk-pool.ts) once the socket is done with it. undici (client-h1 and client-h2
 * writeIterable) writes a chunk and, when `write` returns false, waits for 'drain' before it
 * asks for the next; 'drain' comes once every write's callback has run, that is once the kernel
 * (or TLS, which encrypts into buffers of its own) has taken every byte written. A chunk of at
 * least the high-water mark always makes `write` return false, so when the next chunk is asked
 * for after one, it and every chunk before it are written: they go back. Smaller chunks may
 * still be queued in the socket: they wait for the next big one.
 *
 * Chunks are taken one at a time ('data' with pause, never `read()`, which joins buffered
 * chunks into a copy), so what goes back is exactly what was lent.
 */
export async function* uploadBody(stream: Readable): AsyncGenerator<Buffer> {
  const queue: Buffer[] = []
  let ended = false
  let failure: Error | undefined
  let wake: (() => void) | undefined
  const signal = () => {
    const resume = wake
    wake = undefined
    resume?.()
  }
  const onData = (chunk: Buffer) => {
    queue.push(chunk)
    stream.pause()
    signal()
  }
  const onEnd = () => {
    ended = true
    signal()
  }
  const onError = (error: Error) => {
    failure = error
    signal()
  }
  const onClose = () => {
    if (!ended && !failure) failure = new Error('the upload body closed before its end')
    signal()
  }
  stream.on('data', onData)
  stream.on('end', onEnd)
  stream.on('error', onError)
  stream.on('close', onClose)
  const unconfirmed: Buffer[] = []
  try {
    for (;;) {
      if (queue.length === 0 && !ended && !failure) {
        stream.resume()
        await new Promise<void>((resolve) => (wake = resolve))
      }
      const chunk = queue.shift()
      if (chunk) {
        yield chunk
        // Asked for the next chunk: undici is done writing this one.
        if (chunk.length >= SOCKET_HIGH_WATER_MARK) {
          for (const written of unconfirmed.splice(0)) letGoChunk(written)
          letGoChunk(chunk)
        } else {
          unconfirmed.push(chunk)
          // Left to the garbage collector rather than held without bound.
          if (unconfirmed.length > MAX_UNCONFIRMED) unconfirmed.shift()
        }
        continue
      }
      if (failure) throw failure
      if (ended) return
    }
  } finally {
    stream.off('data', onData)
    stream.off('end', onEnd)
    stream.off('error', onError)
    stream.off('close', onClose)
    if (!ended) stream.destroy()
  }
}
