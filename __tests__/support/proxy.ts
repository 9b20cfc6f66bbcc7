/**
 * A recording, fault-injecting reverse proxy (plain HTTP on 127.0.0.1) in front of a test
 * registry. Bodies stream both ways; nothing is buffered, so multi-hundred-MB layers are fine.
 *
 * The client's Host header is passed through (plus `X-Forwarded-Proto: http`), so distribution
 * builds its absolute Location URLs for the proxy already; any absolute Location that still points
 * at the target is rewritten to the proxy anyway. The bearer realm in WWW-Authenticate is NOT
 * rewritten: clients fetch tokens from the token server directly.
 */
import { readFileSync } from 'node:fs'
import { Agent as HttpAgent, createServer, request as httpRequest } from 'node:http'
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import type { Readable, Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { RunningRegistry } from './registry.ts'

export interface RecordedRequest {
  method: string
  /** Path with query, as the client sent it. */
  path: string
  /** Status sent to the client; 0 if the connection was reset before a response. */
  status: number
  /** Request headers as received from the client (lower-case names). */
  headers: Record<string, string | string[] | undefined>
  /**
   * What the registry answered, when that differs from what the client got (`drop-response`:
   * the registry answered, the client got nothing).
   */
  registryStatus?: number
  /** Set when a fault handled this request. */
  fault?: Fault['kind']
  /**
   * The client closed the connection before the response was complete (it gave up). Not seen
   * for a stalled request body: the proxy no longer reads that connection.
   */
  aborted?: true
}

export type RequestMatcher = (req: {
  method: string
  path: string
  headers?: Record<string, string | string[] | undefined>
}) => boolean

/** `times` = how many matching requests a fault handles (default 1; rewrite-location: all). */
export type Fault =
  /** Answer `status` instead of forwarding (after reading the request body). */
  | {
      kind: 'status'
      status: number
      headers?: Record<string, string>
      /** Served as the response body (what a real registry cannot be made to serve). */
      body?: Buffer | string
      match: RequestMatcher
      times?: number
    }
  /**
   * Destroy the client connection. Without `afterBytes` or `afterRequestBytes`: at once, the
   * registry never sees the request. With `afterBytes`: forward, send the response head and
   * `afterBytes` body bytes, then destroy. With `afterRequestBytes`: pass that many bytes of the
   * request body on to the registry, then destroy both connections (a broken upload).
   */
  | {
      kind: 'reset'
      match: RequestMatcher
      times?: number
      afterBytes?: number
      afterRequestBytes?: number
    }
  /**
   * Slow a body down to `bytes` every `everyMs`: the response on its way to the client
   * ('response', the default) or the request body on its way to the registry ('request'). The
   * transfer keeps progressing, only slowly.
   */
  | {
      kind: 'drip'
      direction?: 'request' | 'response'
      bytes: number
      everyMs: number
      match: RequestMatcher
      times?: number
    }
  /**
   * Stop a body dead after `afterBytes`, the connection left open until the client gives up:
   * 'response' (the default) sends the response head and that many body bytes, then nothing;
   * 'request' passes that many request body bytes on, then reads no more and never answers
   * (that connection, and the registry's upload, stay open until the proxy stops).
   */
  | {
      kind: 'stall'
      direction?: 'request' | 'response'
      afterBytes: number
      match: RequestMatcher
      times?: number
    }
  /**
   * Forward the request whole and let the registry act on it, then cut the client connection
   * instead of passing the answer on (after `afterMs`, the answer held that long): a commit whose
   * answer is lost, as when a client times out while GHCR commits a large blob. The record's
   * `status` is 0, its `registryStatus` what the registry answered.
   */
  | { kind: 'drop-response'; match: RequestMatcher; times?: number; afterMs?: number }
  /** Wait `ms` before forwarding. */
  | { kind: 'delay'; ms: number; match: RequestMatcher; times?: number }
  /**
   * Rewrite the Location of matching responses: 'relative' drops scheme and host; 'with-query'
   * appends `proxy-extra=1` to its query (which a client must carry along, like `_state`).
   */
  | {
      kind: 'rewrite-location'
      to: 'relative' | 'with-query'
      match: RequestMatcher
      times?: number
    }

export interface RunningProxy {
  /** '127.0.0.1:PORT', as it goes in an image reference. */
  host: string
  url: string
  /** Every request in arrival order. */
  requests: RecordedRequest[]
  /** Live list: push faults at any time. */
  faults: Fault[]
  stop(): Promise<void>
  /** Client connections accepted since the start or the last clear(). */
  readonly connections: number
  /** Forget recorded requests and the connection count (faults stay). */
  clear(): void
}

export interface StartProxyOptions {
  target: RunningRegistry | string
  faults?: Fault[]
}

// Connection-level headers that must not be forwarded by a proxy (RFC 9110 §7.6.1), plus Expect:
// node has already answered `100-continue` to the client.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
  'expect',
])

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value
  }
  return out
}

function rewriteLocation(
  location: string,
  targetOrigin: string,
  proxyOrigin: string,
  fault?: Fault,
) {
  let rewritten = location.startsWith(targetOrigin)
    ? proxyOrigin + location.slice(targetOrigin.length)
    : location
  if (fault?.kind === 'rewrite-location') {
    const url = new URL(rewritten, proxyOrigin)
    if (fault.to === 'with-query') url.searchParams.append('proxy-extra', '1')
    rewritten = fault.to === 'relative' ? url.pathname + url.search : url.href
  }
  return rewritten
}

/** Whether a drip, stall or reset acts on the request body rather than on the response. */
const actsOnRequestBody = (fault: Fault): boolean =>
  fault.kind === 'reset'
    ? fault.afterRequestBytes !== undefined
    : (fault.kind === 'drip' || fault.kind === 'stall') && fault.direction === 'request'

/** Resolves once `data` was handed on (or the stream is gone: its callback then has an error). */
const writeTo = (to: Writable, data: Buffer) =>
  new Promise<void>((resolve) => to.write(data, () => resolve()))

/** Send the response head and at most `limit` body bytes, then cut the connection. */
async function forwardTruncated(upstream: IncomingMessage, res: ServerResponse, limit: number) {
  res.flushHeaders()
  let sent = 0
  for await (const chunk of upstream as AsyncIterable<Buffer>) {
    const part = chunk.subarray(0, limit - sent)
    sent += part.length
    if (part.length > 0) await writeTo(res, part)
    if (sent >= limit) break
  }
  res.socket?.destroy()
  upstream.destroy()
}

/** Copies `from` to `to` `bytes` at a time, one piece every `everyMs`, then ends `to`. */
async function drip(from: Readable, to: Writable, bytes: number, everyMs: number) {
  for await (const chunk of from as AsyncIterable<Buffer>) {
    for (let start = 0; start < chunk.length; start += bytes) {
      if (to.destroyed) return
      await writeTo(to, chunk.subarray(start, start + bytes))
      await sleep(everyMs)
    }
  }
  to.end()
}

/**
 * Passes the first `limit` bytes of `from` on to `to`, then reads no more (`from` stays paused,
 * its connection open). Resolves when the bytes are passed or `from` ended first.
 */
function passFirst(from: Readable, to: Writable, limit: number): Promise<void> {
  return new Promise((resolve) => {
    let passed = 0
    const onData = (chunk: Buffer) => {
      const part = chunk.subarray(0, limit - passed)
      passed += part.length
      if (part.length > 0) to.write(part)
      if (passed < limit) return
      from.off('data', onData)
      from.pause()
      resolve()
    }
    from.on('data', onData)
    from.once('end', () => resolve())
  })
}

export async function startProxy(opts: StartProxyOptions): Promise<RunningProxy> {
  const target = new URL(typeof opts.target === 'string' ? opts.target : opts.target.url)
  const targetOrigin = target.origin
  const isHttps = target.protocol === 'https:'
  const ca =
    typeof opts.target !== 'string' && opts.target.caFile
      ? readFileSync(opts.target.caFile, 'utf8')
      : undefined
  const agent = isHttps
    ? new HttpsAgent({ keepAlive: true, ca })
    : new HttpAgent({ keepAlive: true })
  const sendUpstream = isHttps ? httpsRequest : httpRequest

  const requests: RecordedRequest[] = []
  const faults: Fault[] = [...(opts.faults ?? [])]
  const used = new WeakMap<Fault, number>()
  let proxyOrigin = ''

  /** The first matching fault of one of `kinds` with uses left; counts the use. */
  function takeFault(kinds: readonly Fault['kind'][], req: Parameters<RequestMatcher>[0]) {
    for (const fault of faults) {
      if (!kinds.includes(fault.kind)) continue
      const limit = fault.times ?? (fault.kind === 'rewrite-location' ? Infinity : 1)
      const count = used.get(fault) ?? 0
      if (count >= limit || !fault.match(req)) continue
      used.set(fault, count + 1)
      return fault
    }
    return undefined
  }

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    fault?: Fault,
  ) {
    const headers = { ...withoutHopByHop(req.headers), 'x-forwarded-proto': 'http' }
    const upstream = sendUpstream({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
      // node would take the TLS server name from our Host header (the proxy's): check the
      // certificate against the target instead. No SNI for IP addresses.
      servername: isIP(target.hostname) ? '' : target.hostname,
    })
    const onRequest = fault && actsOnRequestBody(fault) ? fault : undefined
    const onResponse = fault && !onRequest ? fault : undefined
    upstream.on('response', (upstreamRes) => {
      if (onResponse?.kind === 'drop-response') {
        record.registryStatus = upstreamRes.statusCode ?? 0
        upstreamRes.resume()
        void sleep(onResponse.afterMs ?? 0).then(() => res.socket?.destroy())
        return
      }
      const outHeaders = withoutHopByHop(upstreamRes.headers)
      if (typeof outHeaders.location === 'string') {
        const rewrite = takeFault(['rewrite-location'], record)
        outHeaders.location = rewriteLocation(
          outHeaders.location,
          targetOrigin,
          proxyOrigin,
          rewrite,
        )
      }
      record.status = upstreamRes.statusCode ?? 502
      res.writeHead(record.status, outHeaders)
      const failed = () => res.destroy()
      if (onResponse?.kind === 'reset') {
        forwardTruncated(upstreamRes, res, onResponse.afterBytes ?? 0).catch(failed)
      } else if (onResponse?.kind === 'drip') {
        res.flushHeaders()
        drip(upstreamRes, res, onResponse.bytes, onResponse.everyMs).catch(failed)
      } else if (onResponse?.kind === 'stall') {
        res.flushHeaders()
        // The connection stays open, silent, until the client gives up (or the proxy stops).
        void passFirst(upstreamRes, res, onResponse.afterBytes)
      } else {
        upstreamRes.pipe(res)
        upstreamRes.on('error', failed)
      }
    })
    upstream.on('error', (err) => {
      if (res.headersSent || res.destroyed || req.socket.destroyed) {
        res.destroy()
        return
      }
      record.status = 502
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`proxy: ${err.message}`)
    })
    // A client that goes away mid-transfer must not leave the upstream request hanging.
    res.on('close', () => {
      if (res.writableFinished) return
      // The proxy cut it (drop-response), the client did not give up.
      if (record.registryStatus === undefined) record.aborted = true
      upstream.destroy()
    })
    req.on('error', () => upstream.destroy())
    if (onRequest?.kind === 'drip') {
      drip(req, upstream, onRequest.bytes, onRequest.everyMs).catch(() => upstream.destroy())
    } else if (onRequest?.kind === 'stall') {
      // The registry waits for the rest of the body, the client for an answer: neither comes.
      void passFirst(req, upstream, onRequest.afterBytes)
    } else if (onRequest?.kind === 'reset') {
      void passFirst(req, upstream, onRequest.afterRequestBytes ?? 0).then(() => {
        req.socket.destroy()
        upstream.destroy()
      })
    } else {
      req.pipe(upstream)
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      status: 0,
      headers: { ...req.headers },
    }
    requests.push(record)
    const fault = takeFault(['status', 'reset', 'delay', 'drip', 'stall', 'drop-response'], record)
    if (fault) record.fault = fault.kind

    if (fault?.kind === 'status') {
      // Read the whole body first so the client reliably sees the response, not a broken pipe.
      req.resume()
      await finished(req)
      record.status = fault.status
      const body = fault.body ?? ''
      res.writeHead(fault.status, {
        'content-length': String(Buffer.byteLength(body)),
        ...fault.headers,
      })
      res.end(body)
      return
    }
    if (
      fault?.kind === 'reset' &&
      fault.afterBytes === undefined &&
      fault.afterRequestBytes === undefined
    ) {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'delay') await sleep(fault.ms)
    forward(req, res, record, fault)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  let connections = 0
  server.on('connection', () => connections++)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  // A test that forgets stop() must not keep its process alive because of us.
  server.unref()
  const { port } = server.address() as AddressInfo
  proxyOrigin = `http://127.0.0.1:${port}`

  let stopping: Promise<void> | undefined
  const close = async () => {
    const closed = once(server, 'close')
    server.close()
    server.closeAllConnections()
    agent.destroy()
    await closed
  }

  return {
    host: `127.0.0.1:${port}`,
    url: proxyOrigin,
    requests,
    faults,
    get connections() {
      return connections
    },
    clear: () => {
      requests.length = 0
      connections = 0
    },
    stop: () => (stopping ??= close()),
  }
}
