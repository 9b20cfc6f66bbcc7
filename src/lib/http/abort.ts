/**
 * One AbortSignal for every request of a connection pool: the registry client's own requests,
 * the token exchanges of auth.ts and the blob bodies being read or sent, without each caller
 * passing it on. Aborting ends a request where it stands (waiting for its answer, sending its
 * body, or with its response body half read) with a CANCELLED error, which the retry loops
 * never retry.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { Duplex } from 'node:stream'
import { cancelledError } from '../cancel.ts'
import type { Dispatcher } from './undici.ts'

type Controller = Dispatcher.DispatchController
type Handler = Dispatcher.DispatchHandler

/** The undici interceptor that aborts each request dispatched through it when `signal` aborts. */
export function abortOn(signal: AbortSignal): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    // Not even queued for a connection: the caller's request() rejects at once.
    if (signal.aborted) throw cancelledError(signal)
    return dispatch(options, new AbortingHandler(signal, handler))
  }
}

/**
 * Passes every event on to the request's own handler, and aborts the request through its
 * controller when the signal fires between its start and its end. undici calls onRequestStart
 * once the request has a connection; aborting then cuts that connection, and the handler gets
 * onResponseError with the reason: the awaited request() rejects, or a response body being
 * read fails with it.
 */
class AbortingHandler implements Handler {
  readonly #signal: AbortSignal
  readonly #handler: Handler
  #controller: Controller | undefined

  constructor(signal: AbortSignal, handler: Handler) {
    this.#signal = signal
    this.#handler = handler
  }

  readonly #onAbort = () => this.#controller?.abort(cancelledError(this.#signal))

  #release(): void {
    this.#signal.removeEventListener('abort', this.#onAbort)
    this.#controller = undefined
  }

  onRequestStart(controller: Controller, context: unknown): void {
    this.#controller = controller
    this.#signal.addEventListener('abort', this.#onAbort, { once: true })
    this.#handler.onRequestStart?.(controller, context)
    // Aborted while it waited for a connection.
    if (this.#signal.aborted && !controller.aborted) this.#onAbort()
  }

  onRequestUpgrade(
    controller: Controller,
    statusCode: number,
    headers: IncomingHttpHeaders,
    socket: Duplex,
  ): void {
    this.#release()
    this.#handler.onRequestUpgrade?.(controller, statusCode, headers, socket)
  }

  onResponseStarted(): void {
    this.#handler.onResponseStarted?.()
  }

  onResponseStart(
    controller: Controller,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.#handler.onResponseStart?.(controller, statusCode, headers, statusMessage)
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    this.#handler.onResponseData?.(controller, chunk)
  }

  onResponseEnd(controller: Controller, trailers: IncomingHttpHeaders): void {
    this.#release()
    this.#handler.onResponseEnd?.(controller, trailers)
  }

  onResponseError(controller: Controller, error: Error): void {
    this.#release()
    this.#handler.onResponseError?.(controller, error)
  }

  onBodySent(chunk: Buffer): void {
    this.#handler.onBodySent?.(chunk)
  }

  onRequestSent(): void {
    this.#handler.onRequestSent?.()
  }
}
