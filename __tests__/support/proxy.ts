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
  /** Set when a fault handled this request. */
  fault?: Fault['kind']
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
   * Destroy the client connection. Without `afterBytes`: at once, the registry never sees the
   * request. With it: forward, send the response head and `afterBytes` body bytes, then destroy.
   */
  | { kind: 'reset'; match: RequestMatcher; times?: number; afterBytes?: number }
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
  /** Forget recorded requests (faults stay). */
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

/** Send the response head and at most `limit` body bytes, then cut the connection. */
async function forwardTruncated(upstream: IncomingMessage, res: ServerResponse, limit: number) {
  res.flushHeaders()
  let sent = 0
  for await (const chunk of upstream as AsyncIterable<Buffer>) {
    const part = chunk.subarray(0, limit - sent)
    sent += part.length
    if (part.length > 0) await new Promise((resolve) => res.write(part, resolve))
    if (sent >= limit) break
  }
  res.socket?.destroy()
  upstream.destroy()
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
    resetAfter?: number,
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
    upstream.on('response', (upstreamRes) => {
      const outHeaders = withoutHopByHop(upstreamRes.headers)
      if (typeof outHeaders.location === 'string') {
        const fault = takeFault(['rewrite-location'], record)
        outHeaders.location = rewriteLocation(outHeaders.location, targetOrigin, proxyOrigin, fault)
      }
      record.status = upstreamRes.statusCode ?? 502
      res.writeHead(record.status, outHeaders)
      if (resetAfter !== undefined) {
        forwardTruncated(upstreamRes, res, resetAfter).catch(() => res.destroy())
      } else {
        upstreamRes.pipe(res)
        upstreamRes.on('error', () => res.destroy())
      }
    })
    upstream.on('error', (err) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      record.status = 502
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`proxy: ${err.message}`)
    })
    // A client that goes away mid-transfer must not leave the upstream request hanging.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    req.on('error', () => upstream.destroy())
    req.pipe(upstream)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      status: 0,
      headers: { ...req.headers },
    }
    requests.push(record)
    const fault = takeFault(['status', 'reset', 'delay'], record)
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
    if (fault?.kind === 'reset' && fault.afterBytes === undefined) {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'delay') await sleep(fault.ms)
    forward(req, res, record, fault?.kind === 'reset' ? fault.afterBytes : undefined)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
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
    clear: () => {
      requests.length = 0
    },
    stop: () => (stopping ??= close()),
  }
}
