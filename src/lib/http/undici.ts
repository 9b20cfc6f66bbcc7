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
 * Other answers (a 401 challenge, a redirect, an error) keep their body, as `request` would.
 */
export function requestInto(
  url: string | URL,
  options: Pick<Dispatcher.DispatchOptions, 'method' | 'headers' | 'reset'> & {
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
        if (kept) kept.push(Buffer.from(chunk))
        else onChunk(chunk)
      },
      onResponseEnd() {
        const body = Readable.from(kept ?? []) as Readable & { dump(): Promise<void> }
        body.dump = async () => void body.destroy()
        resolve({ statusCode, headers, body } as unknown as Dispatcher.ResponseData)
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
