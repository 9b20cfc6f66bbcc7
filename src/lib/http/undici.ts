/**
 * The parts of undici we use, loaded on their own. Its index also loads fetch, WebSocket, the
 * HTTP caches, mocks and more: 7 MB resident on every run, for a push whose memory target is
 * 120 MB (issue 4). undici has no exports map; these are its own CommonJS modules, pinned by the
 * bundle and exercised by every test that talks to a registry, through a proxy too.
 */
import { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import { TAKES_CHUNKS_AT_ONCE } from './reused-reads.ts'
import DispatcherBase from 'undici/lib/dispatcher/dispatcher.js'
import api from 'undici/lib/api/index.js'
import AgentModule from 'undici/lib/dispatcher/agent.js'
import EnvHttpProxyAgentModule from 'undici/lib/dispatcher/env-http-proxy-agent.js'

// What undici's index does on load: dispatchers get request(), connect() (proxy tunnels) etc.
Object.assign(DispatcherBase.prototype, api)

export const Agent = AgentModule
export const EnvHttpProxyAgent = EnvHttpProxyAgentModule
export type { Dispatcher }

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & {
  dispatcher: Dispatcher
}

/** undici's `request(url, options)` with an explicit dispatcher: the URL gives origin and path. */
export function request(
  url: string | URL,
  options: RequestOptions,
): Promise<Dispatcher.ResponseData> {
  const target = typeof url === 'string' ? new URL(url) : url
  const { dispatcher, ...rest } = options
  return dispatcher.request({
    ...rest,
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
  })
}

/**
 * Like `request`, but a successful body (2xx) is handed to `onChunk` as it arrives, without a
 * stream, and the promise settles once all of it came (its `body` is then empty). `onChunk`
 * must be done with a chunk when it returns (reused-reads.ts). undici's
 * `request` puts every body in a Readable: on the load generator's pulls of 1 MiB blobs that cost
 * 15 % more CPU and a quarter more full collections than handing the chunks on (1200 GETs: 1.60
 * against 1.39 CPU-s, 57 against 45 Mark-Compacts), while a raw node:http client paid 1.37–1.50.
 * Other answers (a 401 challenge, a redirect, an error) keep their body, as `request` would, up
 * to KEPT_BODY_LIMIT.
 */
export function requestInto(
  url: string | URL,
  options: Pick<Dispatcher.DispatchOptions, 'method' | 'headers' | 'reset' | 'body'> & {
    dispatcher: Dispatcher
  },
  onChunk: (chunk: Buffer) => void,
): Promise<Dispatcher.ResponseData> {
  const target = typeof url === 'string' ? new URL(url) : url
  const { dispatcher, ...rest } = options
  return new Promise((resolve, reject) => {
    let statusCode = 0
    let headers: Dispatcher.ResponseData['headers'] = {}
    let kept: Buffer[] | undefined
    const handler: Dispatcher.DispatchHandler = {
      // undici requires it; a stop aborts through the dispatcher's own interceptor.
      onRequestStart() {},
      onResponseStart(_controller, status, responseHeaders) {
        statusCode = status
        headers = responseHeaders as Dispatcher.ResponseData['headers']
        kept = status >= 200 && status < 300 ? undefined : []
      },
      onResponseData(_controller, chunk) {
        // Kept past this call: a copy, as the chunk may be a view of a reused read buffer (an
        // error text is read at once today, so this guards what a later reader would get).
        if (kept) keep(kept, chunk)
        else onChunk(chunk)
      },
      onResponseEnd() {
        resolve({ statusCode, headers, body: keptBody(kept ?? []) } as Dispatcher.ResponseData)
      },
      onResponseError(_controller, error) {
        reject(error)
      },
    }
    dispatcher.dispatch(
      { ...rest, origin: target.origin, path: `${target.pathname}${target.search}` },
      Object.assign(handler, { [TAKES_CHUNKS_AT_ONCE]: true }),
    )
  })
}

/**
 * What an answer's body may keep in memory: an error text, a registry's JSON. Past it the body
 * is cut (a registry answering a POST with megabytes is not held in memory); readers of error
 * texts read less than this.
 */
export const KEPT_BODY_LIMIT = 1024 * 1024

/** A copy of the chunk (it may be a view of a reused read buffer), cut at KEPT_BODY_LIMIT. */
function keep(kept: Buffer[], chunk: Uint8Array): void {
  const room = KEPT_BODY_LIMIT - kept.reduce((sum, part) => sum + part.length, 0)
  if (room > 0) kept.push(Buffer.from(chunk.subarray(0, room)))
}

function keptBody(kept: Buffer[]): Dispatcher.ResponseData['body'] {
  const body = Readable.from(kept) as Readable & { dump(): Promise<void> }
  body.dump = async () => void body.destroy()
  return body as unknown as Dispatcher.ResponseData['body']
}

/**
 * `request` for answers whose body is at most a short text (HEAD, POST, PUT, PATCH, DELETE of
 * the registry API: the headers say what happened): the body is kept, up to KEPT_BODY_LIMIT,
 * and given back as a stream of what was kept. It skips what undici's request() makes for each
 * call (a handler, a body stream and an async resource), which, in a plain loop of pushes,
 * lived long enough that 22–27 % of what was allocated survived a young-generation collection
 * (6 % without) and cost 5.4 ms of CPU an iteration against 3.9. The load generator's pushes
 * (one user) went from 3.8 to 3.2 ms an iteration.
 */
export async function requestSmall(
  url: string | URL,
  options: Pick<Dispatcher.DispatchOptions, 'method' | 'headers' | 'reset' | 'body'> & {
    dispatcher: Dispatcher
  },
): Promise<Dispatcher.ResponseData> {
  const kept: Buffer[] = []
  const response = await requestInto(url, options, (chunk) => keep(kept, chunk))
  return kept.length > 0 ? { ...response, body: keptBody(kept) } : response
}
