import type { Socket } from 'node:net'
import type { buildConnector } from 'undici'
import undiciConnector from 'undici/lib/core/connect.js'
import type { Dispatcher } from './undici.ts'

/**
 * Plain-HTTP connections that read into buffers of their own, reused, for the load generator.
 *
 * Node reads every socket into a new ArrayBuffer (64 KiB, for each read), and undici's body
 * chunks are views of it, so a pull test of 1 MiB blobs makes external garbage at the speed of
 * the network; only the garbage collector frees it, and V8 answers with full collections (50 a
 * second at 1 or 16 users, half the client's CPU). node:http does not pay this: its parser reads
 * into one shared buffer. Here each socket reads into a ring of its own buffers and hands undici
 * views of them; a buffer is read into again only after undici has taken its bytes:
 * - a socket stops reading after each read, and reads again only once its buffered bytes have
 *   all been taken (`readableHighWaterMark: 0`; `read()` then calls `_read`, which restarts it),
 *   and undici parses what it takes at once;
 * - undici keeps views of a response's head until the head is complete: a head split over
 *   reads stays intact over RING_SIZE reads, and reads under COPIED_BELOW bytes (a trickle) are
 *   copied, so only a head of over 12 KiB in big reads could outlive the ring, which no
 *   registry sends;
 * - body chunks are views too: a consumer that keeps one past its callback (undici's request(),
 *   whose body is a stream) gets a copy from `copyKeptBodyChunks`; one that declares it is done
 *   with each chunk when its callback returns (`requestInto`) reads the ring in place.
 * TLS sockets read as Node does: their data is already copied out of the TLS records.
 */

const READ_SIZE = 64 * 1024
const RING_SIZE = 4
const COPIED_BELOW = 4 * 1024

/** undici's connector for `options`, with plain-HTTP sockets that read into reused buffers. */
export function reusedReadsConnector(
  options: buildConnector.BuildOptions,
): buildConnector.connector {
  const shared = undiciConnector(options)
  return (target, callback) => {
    if (target.protocol === 'https:') return shared(target, callback)
    const ring = Array.from({ length: RING_SIZE }, () => Buffer.allocUnsafe(READ_SIZE))
    let next = 0
    let socket: Socket | undefined
    const connector = undiciConnector({
      ...options,
      readableHighWaterMark: 0,
      onread: {
        buffer: () => {
          next = (next + 1) % RING_SIZE
          return ring[next]!
        },
        callback: (length: number, buffer: Buffer) => {
          const bytes = buffer.subarray(0, length)
          socket!.push(length < COPIED_BELOW ? Buffer.from(bytes) : bytes)
          return false
        },
      },
    } as unknown as buildConnector.BuildOptions)
    connector(target, (error, connected) => {
      if (connected) socket = connected
      ;(callback as (...args: unknown[]) => void)(error, connected)
    })
  }
}

/** Marks a dispatch handler that is done with each body chunk when onResponseData returns. */
export const TAKES_CHUNKS_AT_ONCE = Symbol('takes body chunks at once')

/**
 * Copies body chunks for every handler not marked TAKES_CHUNKS_AT_ONCE: the chunks of a
 * reused-reads connection are views of buffers that will be read into again. Composed
 * outermost, so that it sees the caller's own handler.
 */
export function copyKeptBodyChunks(): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    if ((handler as Record<symbol, unknown>)[TAKES_CHUNKS_AT_ONCE] === true)
      return dispatch(options, handler)
    return dispatch(options, {
      ...handler,
      onRequestStart: handler.onRequestStart?.bind(handler),
      onRequestUpgrade: handler.onRequestUpgrade?.bind(handler),
      onResponseStart: handler.onResponseStart?.bind(handler),
      onResponseData: (controller, chunk) =>
        handler.onResponseData?.(controller, Buffer.from(chunk)),
      onResponseEnd: handler.onResponseEnd?.bind(handler),
      onResponseError: handler.onResponseError?.bind(handler),
    })
  }
}
