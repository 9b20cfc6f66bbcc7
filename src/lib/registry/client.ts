import type { Readable } from 'node:stream'
import { request, requestInto, requestSmall, type Dispatcher } from '../http/undici.ts'
import { abortOn } from '../http/abort.ts'
import { uploadBody } from '../http/upload-body.ts'
import { copyKeptBodyChunks } from '../http/reused-reads.ts'
import { cancelledError, throwIfAborted } from '../cancel.ts'
import { TarPushError } from '../errors.ts'
import { silentLogger, type Logger } from '../log.ts'
import { apiHost, isLoopback } from '../reference.ts'
import {
  createDispatcher,
  errorCodeOf,
  isPlainHttpServer,
  isTlsHelloRefused,
  isTlsVerificationError,
  transportError,
} from '../http/transport.ts'
import { Authenticator, readLimited } from './auth.ts'
import {
  DEFAULT_RETRY_POLICY,
  RETRYABLE_STATUSES,
  retryAfterMs,
  withRetries,
  type RetryPolicy,
} from '../http/retry.ts'
import { parseChallenge } from './challenge.ts'
import type { Credentials } from './credentials.ts'

export interface RegistryClientOptions {
  /** The registry as docker names it (docker.io, ghcr.io, 127.0.0.1:5000). */
  registry: string
  credentials?: Credentials | undefined
  /** Plain HTTP allowed and TLS not verified, for this registry only. */
  insecure?: boolean
  /** PEM certificates trusted in addition to the system roots. */
  extraCaPem?: string | undefined
  logger?: Logger
  userAgent?: string
  retryPolicy?: RetryPolicy | undefined
  /** Connect, headers and idle-body timeout in seconds. */
  timeoutSeconds?: number | undefined
  /**
   * undici interceptors wrapped around the connection pool, so they see every request this
   * client makes: ping, token, redirects and retries (the load generator counts them).
   */
  interceptors?: Dispatcher.DispatcherComposeInterceptor[] | undefined
  /** Plain-HTTP reads into reused buffers (http/reused-reads.ts): the load generator's. */
  reuseReadBuffers?: boolean | undefined
  /**
   * Stops the work: every request of this client (token exchanges too) is aborted where it
   * stands, and retries and their backoff end at once, with CANCELLED.
   */
  signal?: AbortSignal | undefined
}

/** A request body that can be produced again (for auth retries and fallbacks). */
export type BodyFactory = () => Promise<Readable | Buffer>

export interface RegistryRequest {
  method: string
  /** Absolute URL, or a path such as /v2/app/blobs/uploads/ under the registry's base. */
  url: string
  scope: string
  headers?: Record<string, string>
  body?: BodyFactory
  /** False for a request that only its caller can repeat safely (an upload body). */
  retry?: boolean
  /**
   * Where a 2xx answer's body goes, chunk by chunk, instead of a stream: the response comes
   * once all of it did, with an empty body (http/undici.ts requestInto).
   */
  onBodyChunk?: (chunk: Buffer) => void
}

export type RegistryResponse = Dispatcher.ResponseData

const MAX_ERROR_BODY = 64 * 1024

/**
 * A DELETE only ever undoes (an upload session dropped after its body broke, the load
 * generator's cleanup): it is the cleanup a stop must let through, so it goes out after the
 * stop too. Then it is sent once, and given this long at most, so that a registry that stopped
 * answering cannot hold a stopped process.
 */
const isCleanup = (registryRequest: RegistryRequest): boolean => registryRequest.method === 'DELETE'
const CLEANUP_AFTER_STOP_MS = 5_000

/**
 * The HTTP side of one registry: base URL (https, or http where allowed), the auth handshake and
 * error reporting. Repository operations live in repository.ts over `send`.
 */
export class RegistryClient {
  readonly registry: string
  readonly #dispatcher: Dispatcher
  /** The same pool without the stop signal, for cleanup requests (see isCleanup). */
  readonly #cleanupDispatcher: Dispatcher
  readonly #auth: Authenticator
  readonly #logger: Logger
  readonly #userAgent: string
  readonly #retryPolicy: RetryPolicy
  readonly #signal: AbortSignal | undefined
  #baseUrl: string

  private constructor(
    options: RegistryClientOptions,
    dispatchers: { stoppable: Dispatcher; cleanup: Dispatcher },
    baseUrl: string,
  ) {
    this.registry = options.registry
    this.#dispatcher = dispatchers.stoppable
    this.#cleanupDispatcher = dispatchers.cleanup
    this.#logger = options.logger ?? silentLogger
    this.#userAgent = options.userAgent ?? 'tar-push'
    this.#retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY
    this.#signal = options.signal
    this.#baseUrl = baseUrl
    this.#auth = new Authenticator({
      registry: options.registry,
      credentials: options.credentials,
      // Token exchanges stop with the work too.
      dispatcher: dispatchers.stoppable,
      logger: this.#logger,
    })
  }

  /** Pings `/v2/` to learn the scheme and the auth challenge, as every client does first. */
  static async connect(options: RegistryClientOptions): Promise<RegistryClient> {
    const pool = createDispatcher({
      extraCaPem: options.extraCaPem,
      skipTlsVerify: options.insecure,
      ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
      ...(options.reuseReadBuffers ? { reuseReadBuffers: true } : {}),
    })
    const observed = options.interceptors?.length ? pool.compose(options.interceptors) : pool
    // Reused reads copy body chunks for the callers that keep them: outermost, it sees each
    // caller's own handler.
    const copying = (dispatcher: Dispatcher) =>
      options.reuseReadBuffers ? dispatcher.compose(copyKeptBodyChunks()) : dispatcher
    const cleanup = copying(observed)
    // The abort interceptor goes outside the others: an aborted request is refused before they
    // (the load generator's counters) see it.
    const dispatcher = copying(
      options.signal ? observed.compose(abortOn(options.signal)) : observed,
    )
    const host = apiHost(options.registry)
    const mayUseHttp = options.insecure === true || isLoopback(options.registry)
    const client = new RegistryClient(
      options,
      { stoppable: dispatcher, cleanup },
      `https://${host}`,
    )
    try {
      await client.withRetries(`GET ${host}/v2/`, () =>
        client.#ping(mayUseHttp, options.insecure === true),
      )
    } catch (error) {
      await dispatcher.close()
      throw error
    }
    return client
  }

  get retries(): number {
    return this.#retryPolicy.retries
  }

  get logger(): Logger {
    return this.#logger
  }

  get baseUrl(): string {
    return this.#baseUrl
  }

  /** The signal that stops this client's work, for the steps built on it to check. */
  get signal(): AbortSignal | undefined {
    return this.#signal
  }

  async close(): Promise<void> {
    await this.#dispatcher.close()
  }

  /**
   * One ping over https, then over http where allowed (loopback, or insecure: as docker and
   * skopeo do for an insecure registry). The fall back is at once, never after retries, when
   * the TLS hello got no TLS answer: garbage or a plain HTTP 400 (what most plain-HTTP servers
   * answer), a reset or a closed connection (what others do); with insecure also a certificate
   * that failed verification. A connection that cannot be opened at all (refused, unknown host,
   * no route) fails at once and is not retried: at the first contact nothing says that the
   * registry is coming back, and the user should hear about a wrong host or port at once.
   */
  async #ping(mayUseHttp: boolean, insecure: boolean): Promise<void> {
    const httpsBase = this.#baseUrl.replace(/^http:/, 'https:')
    const httpBase = httpsBase.replace(/^https:/, 'http:')
    this.#baseUrl = httpsBase
    let overTls: unknown
    try {
      await this.#pingOnce()
      return
    } catch (error) {
      // An HTTP answer over TLS (a 503, a 404): it speaks TLS, the answer stands.
      if (error instanceof TarPushError) throw error
      const tlsRefused = isTlsHelloRefused(error) || (insecure && isTlsVerificationError(error))
      if (!mayUseHttp || !tlsRefused) throw this.#pingError(error, httpsBase, mayUseHttp)
      overTls = error
    }
    this.#logger.debug(
      `${this.registry} gave no TLS answer (${errorCodeOf(overTls) ?? String(overTls)}); trying plain HTTP`,
    )
    this.#baseUrl = httpBase
    try {
      await this.#pingOnce()
    } catch (httpError) {
      const overHttp =
        httpError instanceof TarPushError ? httpError : this.#pingError(httpError, httpBase, true)
      // What it answered was not TLS: whatever plain HTTP got is the news.
      if (isPlainHttpServer(overTls)) throw overHttp
      // A reset or a close, and plain HTTP did not work either: a TLS registry with a passing
      // fault, perhaps; the TLS failure stands (retried if it may be), with what HTTP got.
      this.#baseUrl = httpsBase
      const first = this.#pingError(overTls, httpsBase, true)
      throw new TarPushError(first.code, `${first.message}; over plain HTTP: ${overHttp.message}`, {
        subject: first.subject ?? `${httpsBase}/v2/`,
        ...(first.hint ? { hint: first.hint } : {}),
        cause: overTls,
        retryable: first.retryable,
      })
    }
  }

  /** A failed ping: a connection that cannot be opened is not retried (see #ping). */
  #pingError(error: unknown, base: string, mayUseHttp: boolean): TarPushError {
    const failure = transportError(error, 'GET', `${base}/v2/`, { retryConnectFailures: false })
    const cut = isTlsHelloRefused(error) && !isPlainHttpServer(error)
    if (mayUseHttp || !base.startsWith('https:') || !cut) return failure
    // Cut before TLS answered, where plain HTTP is not allowed: say what would allow it.
    return new TarPushError(failure.code, failure.message, {
      ...(failure.subject ? { subject: failure.subject } : {}),
      hint: 'the connection was cut before TLS answered; if this registry speaks plain HTTP, set insecure (--insecure)',
      cause: error,
      retryable: failure.retryable,
    })
  }

  async #pingOnce(): Promise<void> {
    const url = `${this.#baseUrl}/v2/`
    const response = await request(url, {
      method: 'GET',
      dispatcher: this.#dispatcher,
      headers: { 'user-agent': this.#userAgent },
    })
    await response.body.dump()
    if (response.statusCode === 401) {
      this.#auth.useChallenge(parseChallenge(response.headers['www-authenticate']))
      return
    }
    if (response.statusCode !== 200) {
      const retryable = RETRYABLE_STATUSES.has(response.statusCode)
      throw new TarPushError(
        'REGISTRY_ERROR',
        `GET ${url} answered HTTP ${response.statusCode}${retryable ? '' : '; this is not a registry API'}`,
        {
          subject: url,
          hint: retryable
            ? 'the registry is failing; try again later'
            : 'check the registry host in the image name',
          retryable,
        },
      )
    }
  }

  resolve(url: string): string {
    return new URL(url, `${this.#baseUrl}/`).toString()
  }

  /**
   * Sends a request with authorization; on 401 answers the new challenge and sends it once more
   * (an expired token, or a scope the cached token lacks). 408, 429 and 5xx answers (but 501)
   * become retryable errors, retried here with backoff unless `retry` is false (an upload body
   * is retried by its caller, which restarts the whole upload). Callers must consume the body.
   */
  send(registryRequest: RegistryRequest): Promise<RegistryResponse> {
    const attempt = () => this.#sendAuthorized(registryRequest)
    if (registryRequest.retry === false) return attempt()
    if (isCleanup(registryRequest) && this.#signal?.aborted) return attempt()
    return this.withRetries(`${registryRequest.method} ${registryRequest.url}`, attempt)
  }

  /** Runs a whole exchange (an upload: POST, body, PUT) again on transient failures. */
  withRetries<T>(what: string, attempt: () => Promise<T>): Promise<T> {
    return withRetries(what, this.#retryPolicy, this.#logger, attempt, this.#signal)
  }

  async #sendAuthorized(registryRequest: RegistryRequest): Promise<RegistryResponse> {
    const response = await this.#sendWithAuth(registryRequest)
    if (RETRYABLE_STATUSES.has(response.statusCode)) {
      const retryAfter = retryAfterMs(response.headers['retry-after'], this.#retryPolicy.maxDelayMs)
      const error = await this.unexpected(registryRequest, response)
      throw new TarPushError(error.code, error.message, {
        subject: error.subject ?? registryRequest.url,
        hint: error.hint ?? 'the registry is failing; try again later',
        retryable: true,
        ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
      })
    }
    return response
  }

  async #sendWithAuth(registryRequest: RegistryRequest): Promise<RegistryResponse> {
    const url = this.resolve(registryRequest.url)
    let response = await this.#sendOnce(registryRequest, url, false)
    if (response.statusCode !== 401) return response
    await response.body.dump()
    this.#auth.useChallenge(parseChallenge(response.headers['www-authenticate']))
    response = await this.#sendOnce(registryRequest, url, true)
    if (response.statusCode === 401) {
      const challenge = parseChallenge(response.headers['www-authenticate'])
      const text = await readLimited(response, MAX_ERROR_BODY)
      throw this.#unauthorized(registryRequest, url, challenge?.params['error'], text)
    }
    return response
  }

  async #sendOnce(
    registryRequest: RegistryRequest,
    url: string,
    renewAuth: boolean,
  ): Promise<RegistryResponse> {
    const cleanup = isCleanup(registryRequest)
    // Not an upload body opened (a spool file, a compressor started) for a request never sent.
    if (!cleanup) throwIfAborted(this.#signal)
    const headers: Record<string, string> = {
      'user-agent': this.#userAgent,
      ...registryRequest.headers,
    }
    const authorization = await this.#auth.authorization(registryRequest.scope, {
      renew: renewAuth,
    })
    // The Authorization header belongs to the registry: never send it to another host.
    if (authorization && new URL(url).host === new URL(this.#baseUrl).host)
      headers['authorization'] = authorization
    const body = registryRequest.body ? await registryRequest.body() : undefined
    this.#logger.debug(`> ${registryRequest.method} ${url}`)
    try {
      if (registryRequest.onBodyChunk && body === undefined) {
        const response = await requestInto(
          url,
          {
            method: registryRequest.method as Dispatcher.HttpMethod,
            dispatcher: this.#dispatcher,
            headers,
          },
          registryRequest.onBodyChunk,
        )
        this.#logger.debug(`< ${response.statusCode} ${registryRequest.method} ${url}`)
        return response
      }
      const timedCleanup = cleanup && this.#signal?.aborted
      // A GET's body is the document or blob asked for, read as a stream; the other methods
      // answer with headers and at most an error text (requestSmall). A cleanup after a stop
      // needs request()'s signal.
      const send = registryRequest.method === 'GET' || timedCleanup ? request : requestSmall
      const response = await send(url, {
        method: registryRequest.method as Dispatcher.HttpMethod,
        dispatcher: cleanup ? this.#cleanupDispatcher : this.#dispatcher,
        headers,
        // A stream goes as an iterable that gives its chunks back to their pool once written
        // (undici's documentation lists AsyncIterable bodies; its request type does not).
        body:
          body === undefined
            ? null
            : Buffer.isBuffer(body)
              ? body
              : (uploadBody(body) as AsyncIterable<Buffer> as unknown as Readable),
        ...(timedCleanup ? { signal: AbortSignal.timeout(CLEANUP_AFTER_STOP_MS) } : {}),
        // undici closes the connection after a HEAD, in case a server sends a body with it;
        // registries do not, and a push HEADs every blob: keep the connection (and its TLS).
        ...(registryRequest.method === 'HEAD' ? { reset: false } : {}),
      })
      this.#logger.debug(`< ${response.statusCode} ${registryRequest.method} ${url}`)
      return response
    } catch (error) {
      if (body && typeof (body as Readable).destroy === 'function') (body as Readable).destroy()
      // Stopped: whatever undici or the body stream failed with, the cause is the signal.
      if (!cleanup && this.#signal?.aborted) throw cancelledError(this.#signal)
      throw transportError(error, registryRequest.method, url)
    }
  }

  #unauthorized(
    registryRequest: RegistryRequest,
    url: string,
    challengeError: string | undefined,
    body: string,
  ): TarPushError {
    const what = `${registryRequest.method} ${url}`
    if (!this.#auth.hasCredentials) {
      return new TarPushError(
        'AUTH_FAILED',
        `${this.registry} requires credentials (${what} answered 401)`,
        {
          subject: url,
          hint: 'pass username and password (--username, --password-stdin), or log in with docker login first',
        },
      )
    }
    if (challengeError === 'insufficient_scope' || /DENIED|insufficient/i.test(body)) {
      return this.denied(registryRequest, url, 401)
    }
    return new TarPushError(
      'AUTH_FAILED',
      `${this.registry} refused the credentials of "${this.#auth.username ?? 'token'}" (${what} answered 401)`,
      {
        subject: url,
        hint: 'check username and password (or token) for this registry',
      },
    )
  }

  denied(registryRequest: RegistryRequest, url: string, status: number): TarPushError {
    return new TarPushError(
      'AUTH_DENIED',
      `${this.registry} denied ${registryRequest.method} ${url} (HTTP ${status}): the credentials of "${this.#auth.username ?? 'token'}" lack access "${registryRequest.scope}"`,
      {
        subject: url,
        hint: 'grant this user push (write) permission on the repository, or push to a repository it may write',
      },
    )
  }

  /** An error for an unexpected answer, with the registry's own error codes and messages. */
  async unexpected(
    registryRequest: RegistryRequest,
    response: RegistryResponse,
    url?: string,
  ): Promise<TarPushError> {
    const target = url ?? this.resolve(registryRequest.url)
    if (response.statusCode === 403) {
      await response.body.dump()
      return this.denied(registryRequest, target, 403)
    }
    const text = await readLimited(response, MAX_ERROR_BODY)
    return new TarPushError(
      'REGISTRY_ERROR',
      `${registryRequest.method} ${target} answered HTTP ${response.statusCode}${describeRegistryErrors(text)}`,
      {
        subject: target,
        hint:
          response.statusCode >= 500
            ? 'the registry is failing; try again later'
            : 'see the registry message above',
      },
    )
  }
}

/** Registries answer `{"errors":[{"code","message","detail"}]}` (distribution spec). */
export function describeRegistryErrors(text: string): string {
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: string; message?: string }[] }
    const errors = (parsed.errors ?? []).map((error) =>
      [error.code, error.message].filter(Boolean).join(': '),
    )
    if (errors.length > 0) return `: ${errors.join('; ')}`
  } catch {
    // not JSON: show the start of the text
  }
  const trimmed = text.trim().slice(0, 200)
  return trimmed ? `: ${trimmed}` : ''
}
