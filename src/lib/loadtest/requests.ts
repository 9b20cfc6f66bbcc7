import type { Dispatcher } from 'undici'
import { isPlainHttpServer } from '../http/transport.ts'

/**
 * What a request was, in the registry's own words: `ping`, `token`, `manifest GET`, `blob PATCH`…
 * Blob uploads (POST, PATCH, PUT on /blobs/uploads/) count as blob requests, as the issue lists
 * them; an upload's status GET or cancel is an `upload GET` / `upload DELETE`.
 */
export type RequestKind = string

/** The order of the report's rows; kinds not listed come after, alphabetically. */
export const KIND_ORDER: readonly RequestKind[] = [
  'ping',
  'token',
  'manifest HEAD',
  'manifest GET',
  'manifest PUT',
  'manifest DELETE',
  'blob HEAD',
  'blob GET',
  'blob POST',
  'blob PATCH',
  'blob PUT',
  'blob DELETE',
  'upload GET',
  'upload DELETE',
]

export function compareKinds(a: RequestKind, b: RequestKind): number {
  const rank = (kind: RequestKind) => {
    const index = KIND_ORDER.indexOf(kind)
    return index === -1 ? KIND_ORDER.length : index
  }
  return rank(a) - rank(b) || a.localeCompare(b)
}

const MANIFEST_PATH = /^\/v2\/.+\/manifests\/[^/]+$/
const UPLOAD_PATH = /^\/v2\/.+\/blobs\/uploads\/.*$/
const BLOB_PATH = /^\/v2\/.+\/blobs\/[^/]+$/
const TAGS_PATH = /^\/v2\/.+\/tags\/list$/

/** The kind of a request from its method and URL path (the distribution spec's endpoints). */
export function requestKind(method: string, path: string): RequestKind {
  const pathname = path.split('?')[0] ?? path
  if (pathname === '/v2/' || pathname === '/v2') return 'ping'
  if (MANIFEST_PATH.test(pathname)) return `manifest ${method}`
  if (UPLOAD_PATH.test(pathname)) {
    return method === 'POST' || method === 'PATCH' || method === 'PUT'
      ? `blob ${method}`
      : `upload ${method}`
  }
  if (BLOB_PATH.test(pathname)) return `blob ${method}`
  if (TAGS_PATH.test(pathname)) return `tags ${method}`
  // Token realms live anywhere (/token, /service/token, /jwt/auth, quay's /v2/auth?scope=…).
  return method === 'GET' || method === 'POST' ? 'token' : `other ${method}`
}

/** One HTTP request as the load generator saw it, from dispatch to the end of its body. */
export interface RequestSample {
  kind: RequestKind
  method: string
  url: string
  /** Virtual user number (1…vus); 0 for the generator's own set-up and clean-up client. */
  vu: number
  /** Epoch milliseconds when the request was dispatched. */
  startedAt: number
  /** Dispatch to last body byte (or the failure), ms. */
  elapsedMs: number
  /** Dispatch to response headers (JMeter's Latency), ms; undefined when no response came. */
  ttfbMs: number | undefined
  /** Dispatch to the request going out on a socket (waiting for a connection included), ms. */
  connectMs: number
  /** HTTP status; 0 when no response came (a reset, a refused connection, a timeout). */
  status: number
  statusText: string
  /** Network error code (ECONNRESET, UND_ERR_SOCKET…) when no response came. */
  errorCode: string | undefined
  bytesSent: number
  bytesReceived: number
  outcome: 'ok' | 'error' | 'interrupted'
  /** For a failure: what went wrong, in one line. */
  message: string | undefined
}

/** Where an observing interceptor reports to. */
export interface SampleSink {
  /** A request finished (or failed, or was cut by a stop). */
  sample(sample: RequestSample): void
  /**
   * A TLS hello a plain-HTTP registry refused: the https-first ping every client makes to a
   * loopback registry. No HTTP request reached the server, so it is counted apart.
   */
  tlsProbe(): void
  /** Body bytes moved just now, for per-second throughput while long transfers run. */
  bytes(sent: number, received: number): void
  /** True once the run is being stopped hard: requests in flight are aborted. */
  readonly aborting: boolean
  /** In-flight requests, so a hard stop can abort them. */
  readonly inFlight: Set<Dispatcher.DispatchController>
}

/** The error a hard stop aborts requests with; its requests count as interrupted, not failed. */
export class BenchStopped extends Error {
  constructor() {
    super('stopped by tar-push bench')
    this.name = 'BenchStopped'
  }
}

/**
 * A request is a success when the registry answered as a client expects: 2xx/3xx, a 401 with a
 * challenge to a request sent without credentials (the first step of every authenticated
 * exchange) and a 404 to a HEAD (the "do you have it?" question before an upload). Anything
 * else is an error: 429, and a 401 to credentials (refused, or a token that expired).
 */
function isSuccess(method: string, status: number, challenged: boolean): boolean {
  if (status >= 200 && status < 400) return true
  if (status === 401 && challenged) return true
  return status === 404 && method === 'HEAD'
}

function hasAuthorization(headers: Dispatcher.DispatchOptions['headers']): boolean {
  if (!headers) return false
  if (Array.isArray(headers)) {
    return headers.some(
      (item, index) => index % 2 === 0 && String(item).toLowerCase() === 'authorization',
    )
  }
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const entry of headers as Iterable<[string, unknown]>)
      if (String(entry[0]).toLowerCase() === 'authorization') return true
    return false
  }
  return Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')
}

function errorCodeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

const now = () => performance.timeOrigin + performance.now()

/**
 * An undici interceptor that times and counts every request of one client: it sits on the
 * client's connection pool, so ping, token requests, redirects and retries all pass through it.
 */
export function observingInterceptor(options: {
  vu: number
  sink: SampleSink
}): Dispatcher.DispatcherComposeInterceptor {
  const { vu, sink } = options
  // Redirected blob GETs go to storage hosts; they keep the kind of the request they follow.
  const redirects = new Map<string, RequestKind>()
  return (dispatch) => (opts, handler) => {
    const startedAt = now()
    const method = String(opts.method).toUpperCase()
    const origin = typeof opts.origin === 'string' ? opts.origin : (opts.origin?.origin ?? '')
    const url = `${origin}${opts.path}`
    const redirectedKind = redirects.get(url)
    if (redirectedKind) redirects.delete(url)
    const kind = redirectedKind ?? requestKind(method, opts.path)
    const withCredentials = hasAuthorization(opts.headers)
    let connectMs = 0
    let ttfbMs: number | undefined
    let status = 0
    let statusText = ''
    let challenged = false
    let bytesSent = 0
    let bytesReceived = 0
    let controller: Dispatcher.DispatchController | undefined
    const finish = (error: Error | undefined) => {
      if (controller) sink.inFlight.delete(controller)
      if (error && !controller && kind === 'ping' && isPlainHttpServer(error)) {
        sink.tlsProbe()
        return
      }
      const interrupted = error instanceof BenchStopped || (error !== undefined && sink.aborting)
      const ok = error === undefined && isSuccess(method, status, challenged)
      sink.sample({
        kind,
        method,
        url,
        vu,
        startedAt,
        elapsedMs: now() - startedAt,
        ttfbMs,
        connectMs,
        status,
        statusText,
        errorCode: error ? errorCodeOf(error) : undefined,
        bytesSent,
        bytesReceived,
        outcome: interrupted ? 'interrupted' : ok ? 'ok' : 'error',
        message: error
          ? (error.message ?? String(error))
          : ok
            ? undefined
            : `HTTP ${status}${statusText ? ` ${statusText}` : ''}`,
      })
    }
    const observed: Dispatcher.DispatchHandler = {
      onRequestStart(requestController, context) {
        controller = requestController
        connectMs = now() - startedAt
        sink.inFlight.add(requestController)
        if (sink.aborting) requestController.abort(new BenchStopped())
        handler.onRequestStart?.(requestController, context)
      },
      onRequestUpgrade(requestController, statusCode, headers, socket) {
        handler.onRequestUpgrade?.(requestController, statusCode, headers, socket)
      },
      onResponseStart(requestController, statusCode, headers, message) {
        if (statusCode >= 200) {
          ttfbMs = now() - startedAt
          status = statusCode
          statusText = message ?? ''
          challenged =
            statusCode === 401 && !withCredentials && headers['www-authenticate'] !== undefined
          const location = headers['location']
          if (statusCode >= 300 && statusCode < 400 && typeof location === 'string') {
            try {
              redirects.set(new URL(location, url).toString(), kind)
            } catch {
              // not a URL: the client will fail on it and that request is counted as it is
            }
          }
        }
        handler.onResponseStart?.(requestController, statusCode, headers, message)
      },
      onResponseData(requestController, chunk) {
        bytesReceived += chunk.length
        sink.bytes(0, chunk.length)
        handler.onResponseData?.(requestController, chunk)
      },
      onResponseEnd(requestController, trailers) {
        finish(undefined)
        handler.onResponseEnd?.(requestController, trailers)
      },
      onResponseError(requestController, error) {
        finish(error)
        handler.onResponseError?.(requestController, error)
      },
      onBodySent(chunk: Buffer | string) {
        const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length
        bytesSent += length
        sink.bytes(length, 0)
        handler.onBodySent?.(chunk as Buffer)
      },
      onRequestSent() {
        handler.onRequestSent?.()
      },
    }
    return dispatch(opts, observed)
  }
}
