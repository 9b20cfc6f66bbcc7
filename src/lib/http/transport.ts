import { rootCertificates } from 'node:tls'
import { Agent, EnvHttpProxyAgent, type Dispatcher } from './undici.ts'
import { TarPushError } from '../errors.ts'
import { RETRYABLE_NETWORK_CODES } from './retry.ts'

export interface TransportOptions {
  /** Connect, response-headers and idle-body timeout, in seconds. */
  timeoutSeconds?: number
  /** PEM certificates trusted in addition to the system roots. */
  extraCaPem?: string
  /** Accept any server certificate (the `insecure` input, for one registry). */
  skipTlsVerify?: boolean
  /** Parallel connections per origin. */
  connections?: number
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
    connect: tls,
  }
  const proxied = PROXY_VARIABLES.some((name) => process.env[name])
  // Through a proxy the registry's TLS settings apply inside the tunnel (requestTls).
  return proxied
    ? new EnvHttpProxyAgent({ ...agentOptions, requestTls: tls })
    : new Agent(agentOptions)
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

/** Node and undici errors nest their causes; the first system code found tells what failed. */
export function errorCodeOf(error: unknown): string | undefined {
  let undiciCode: string | undefined
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') {
      if (!code.startsWith('UND_ERR_')) return code
      undiciCode ??= code
    }
    current = (current as { cause?: unknown }).cause
  }
  return undiciCode
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

/** Turns a transport failure into an error that names the URL and says what to do. */
export function transportError(error: unknown, method: string, url: string): TarPushError {
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

/** The timeouts are idle timeouts: each says how long nothing happened, not how long it took. */
const TIMEOUTS: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'no connection within the timeout',
  UND_ERR_HEADERS_TIMEOUT: 'no answer within the timeout',
  UND_ERR_BODY_TIMEOUT: 'the response stalled, no bytes within the timeout',
}
