import { rootCertificates } from 'node:tls'
import { Agent, EnvHttpProxyAgent, type Dispatcher } from './undici.ts'
import { TarPushError } from '../errors.ts'
import { RETRYABLE_NETWORK_CODES } from './retry.ts'
import { SOCKET_HIGH_WATER_MARK } from './upload-body.ts'
import { reusedReadsConnector } from './reused-reads.ts'

export interface TransportOptions {
  /** Connect, response-headers and idle-body timeout, in seconds. */
  timeoutSeconds?: number
  /** PEM certificates trusted in addition to the system roots. */
  extraCaPem?: string
  /** Accept any server certificate (the `insecure` input, for one registry). */
  skipTlsVerify?: boolean
  /** Parallel connections per origin. */
  connections?: number
  /**
   * Plain-HTTP sockets read into reused buffers (reused-reads.ts): for a client whose body
   * consumers are composed with copyKeptBodyChunks, the load generator's.
   */
  reuseReadBuffers?: boolean
}

/**
 * One keep-alive connection pool per registry; the custom CA adds to the roots, never replaces
 * them. HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case) are honoured as curl and docker do.
 */
export function createDispatcher(options: TransportOptions = {}): Dispatcher {
  const ca = options.extraCaPem ? [...rootCertificates, options.extraCaPem] : undefined
  const tls = {
    ...(ca ? { ca } : {}),
    ...(options.skipTlsVerify ? { rejectUnauthorized: false } : {}),
  }
  const agentOptions = {
    connections: options.connections ?? 16,
    keepAliveTimeout: 30_000,
    connectTimeout: Math.min(30, options.timeoutSeconds ?? 30) * 1000,
    headersTimeout: (options.timeoutSeconds ?? 300) * 1000,
    bodyTimeout: (options.timeoutSeconds ?? 300) * 1000,
    // Set, not left to undici's defaults (16 KiB for TLS): upload-body.ts relies on it.
    connect: { ...tls, highWaterMark: SOCKET_HIGH_WATER_MARK },
  }
  const proxied = PROXY_VARIABLES.some((name) => process.env[name])
  // Through a proxy the registry's TLS settings apply inside the tunnel (requestTls); its
  // sockets are the proxy agent's, read as Node reads them.
  if (proxied) return new EnvHttpProxyAgent({ ...agentOptions, requestTls: tls })
  if (!options.reuseReadBuffers) return new Agent(agentOptions)
  const connect = reusedReadsConnector({
    ...agentOptions.connect,
    timeout: agentOptions.connectTimeout,
  })
  return new Agent({ ...agentOptions, connect })
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

const TLS_VERIFY_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
])

/**
 * Node and undici errors nest their causes; the first system code found tells what failed. A
 * connect that tried several addresses (IPv6 and IPv4 of one name) fails with an AggregateError:
 * its first attempt's code stands for all.
 */
export function errorCodeOf(error: unknown): string | undefined {
  return systemErrorOf(error)?.code ?? undiciCodeOf(error)
}

interface SystemError {
  code: string
  /** Where a connect went (the proxy's address when the request went through one). */
  address?: string
  port?: number
}

/** The innermost Node system error (ECONNREFUSED, ENOTFOUND...) under undici's and ours. */
function systemErrorOf(error: unknown): SystemError | undefined {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && !code.startsWith('UND_ERR_')) return current as SystemError
    const errors = (current as { errors?: unknown }).errors
    current =
      (current as { cause?: unknown }).cause ?? (Array.isArray(errors) ? errors[0] : undefined)
  }
  return undefined
}

function undiciCodeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('UND_ERR_')) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * Failures to open a connection at all: nothing listens there, the name is unknown, no route,
 * or no answer within the connect timeout. Each is told as "cannot connect to host:port" and
 * its cause. At the first contact (the ping) none is retried: the user hears of a wrong host or
 * port at once. After it (the registry answered a moment ago: it is restarting, or the network
 * flapped) the retryable ones get the usual retries (RETRYABLE_NETWORK_CODES).
 */
const CONNECT_FAILURES: Record<string, (hostname: string, message: string) => string> = {
  ECONNREFUSED: () => 'connection refused (nothing listens there)',
  ENOTFOUND: (hostname) => `unknown host (the DNS lookup of ${hostname} found no address)`,
  EAI_NONAME: (hostname) => `unknown host (the DNS lookup of ${hostname} found no address)`,
  EAI_FAIL: (hostname) => `the DNS lookup of ${hostname} failed (EAI_FAIL)`,
  EAI_AGAIN: (hostname) =>
    `the DNS lookup of ${hostname} failed (EAI_AGAIN: no DNS server answered, or this machine is offline)`,
  EHOSTUNREACH: () => 'host unreachable (EHOSTUNREACH: no route to that address)',
  ENETUNREACH: () => 'network unreachable (ENETUNREACH: no route to that network)',
  EADDRNOTAVAIL: () => 'address not available (EADDRNOTAVAIL)',
  // Nothing came back at all, not even a refusal: TCP resent its SYN all along, so a second
  // wait as long helps no more than the first did.
  UND_ERR_CONNECT_TIMEOUT: (_hostname, message) =>
    `no answer within ${waited(message)} (UND_ERR_CONNECT_TIMEOUT: a firewall that drops the connection, or a host that is down)`,
}

/** undici's connect timeout says "timeout: 30000ms". */
const waited = (message: string): string => {
  const ms = /timeout: (\d+)ms/.exec(message)?.[1]
  return ms ? `${Number(ms) / 1000} s` : 'the connect timeout'
}

const CONNECT_FAILURE_HINTS: Record<string, string> = {
  ECONNREFUSED:
    'check the port in the image name and that the registry is running and listens there',
  ENOTFOUND: "check the registry host in the image name (a typo?) and this machine's DNS",
  EAI_NONAME: "check the registry host in the image name (a typo?) and this machine's DNS",
  UND_ERR_CONNECT_TIMEOUT:
    'check the registry host and port in the image name and that a firewall lets this machine reach them',
}

export const isTlsVerificationError = (error: unknown): boolean =>
  TLS_VERIFY_CODES.has(errorCodeOf(error) ?? '')

/** The server answered a TLS hello with something else: it speaks plain HTTP. */
export function isPlainHttpServer(error: unknown): boolean {
  const code = errorCodeOf(error) ?? ''
  const message = String(
    (error as { cause?: { message?: string } })?.cause?.message ?? (error as Error)?.message,
  )
  return (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL_') ||
    /wrong version number|packet length too long/i.test(message)
  )
}

/**
 * An https request that got no TLS answer: the hello was answered with something that is not TLS
 * (garbage, a plain HTTP 400), or the connection was reset or closed before any answer. A
 * plain-HTTP server does one of these, depending on what it runs; a TLS registry does not, but
 * for a passing fault. Only the ping asks this, of a request with no body.
 */
export function isTlsHelloRefused(error: unknown): boolean {
  return isPlainHttpServer(error) || CLOSED_CODES.has(errorCodeOf(error) ?? '')
}

const CLOSED_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
])

/** `host:port` of a URL, the port always shown (443 and 80 when the URL leaves it out). */
export function hostPort(url: string): string {
  const parsed = new URL(url)
  return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'http:' ? '80' : '443')}`
}

export interface TransportErrorOptions {
  /**
   * Whether a connection that could not be opened (refused, unreachable, a DNS failure) may be
   * retried: not at the first contact, where it fails fast; yes after it, by the usual policy.
   */
  retryConnectFailures?: boolean
  /**
   * What the URL is, when not the registry: named in "cannot connect to" and its hint (the
   * token service of a Bearer challenge, whose address the registry chose).
   */
  service?: { name: string; hint: string }
}

/** Turns a transport failure into an error that names the URL and says what to do. */
export function transportError(
  error: unknown,
  method: string,
  url: string,
  options: TransportErrorOptions = {},
): TarPushError {
  // A request body that failed its own check (a digest mismatch) reports that, not the network.
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof TarPushError) return current
    current = (current as { cause?: unknown }).cause
  }
  const code = errorCodeOf(error)
  const message = (error as Error)?.message ?? String(error)
  if (isTlsVerificationError(error)) {
    return new TarPushError('TLS_ERROR', `TLS verification failed for ${url}: ${code}`, {
      subject: url,
      hint: 'pass the registry CA with ca-file (--ca-file), or set insecure (--insecure) for a test registry',
      cause: error,
    })
  }
  if (isPlainHttpServer(error)) {
    return new TarPushError('TLS_ERROR', `${url} does not speak TLS (${code ?? message})`, {
      subject: url,
      hint: 'for a plain-HTTP registry set insecure (--insecure)',
      cause: error,
    })
  }
  if (code && Object.hasOwn(CONNECT_FAILURES, code)) return connectError(error, code, url, options)
  const timeout = TIMEOUTS[code ?? '']
  if (timeout) {
    return new TarPushError('NETWORK_ERROR', `${method} ${url} failed: ${timeout} (${code})`, {
      subject: url,
      hint: 'the registry stopped answering or sending; the timeout counts idle time, not the whole transfer, so raise timeout (--timeout) only if the registry needs longer than that to answer',
      cause: error,
      retryable: true,
    })
  }
  return new TarPushError('NETWORK_ERROR', `${method} ${url} failed: ${code ?? message}`, {
    subject: url,
    hint: 'check the registry address and that it is reachable from this runner',
    cause: error,
    retryable: RETRYABLE_NETWORK_CODES.has(code ?? ''),
  })
}

/**
 * "cannot connect to host:port: cause", naming the proxy instead when the connection that
 * failed was the one to the proxy (HTTPS_PROXY): the error's own address and port say where
 * the connect went.
 */
function connectError(
  error: unknown,
  code: string,
  url: string,
  options: TransportErrorOptions,
): TarPushError {
  const target = hostPort(url)
  const { hostname } = new URL(url)
  const system = systemErrorOf(error)
  const reason = CONNECT_FAILURES[code]!(
    hostname.replace(/^\[|\]$/g, ''),
    (error as Error)?.message ?? '',
  )
  const wentTo =
    system?.address !== undefined && system.port !== undefined
      ? `${system.address.includes(':') ? `[${system.address}]` : system.address}:${system.port}`
      : undefined
  const toProxy = wentTo !== undefined && system?.port !== Number(target.split(':').pop())
  const service = options.service
  const named = service ? `${service.name} ${target}` : target
  const message = toProxy
    ? `cannot connect to the proxy ${wentTo} (on the way to ${named}): ${reason}`
    : `cannot connect to ${named}: ${reason}`
  return new TarPushError('NETWORK_ERROR', message, {
    subject: url,
    hint: toProxy
      ? 'check the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) and that the proxy runs'
      : (service?.hint ??
        CONNECT_FAILURE_HINTS[code] ??
        'check the registry host in the image name and that this machine can reach it (network, VPN, firewall)'),
    cause: error,
    retryable: options.retryConnectFailures !== false && RETRYABLE_NETWORK_CODES.has(code),
  })
}

/** The timeouts are idle timeouts: each says how long nothing happened, not how long it took. */
const TIMEOUTS: Record<string, string> = {
  UND_ERR_HEADERS_TIMEOUT: 'no answer within the timeout',
  UND_ERR_BODY_TIMEOUT: 'the response stalled, no bytes within the timeout',
}
