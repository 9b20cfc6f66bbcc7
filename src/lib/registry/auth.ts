import { request, type Dispatcher } from '../http/undici.ts'
import { TarPushError } from '../errors.ts'
import { secretForms, type Logger } from '../log.ts'
import { transportError } from '../http/transport.ts'
import type { Challenge } from './challenge.ts'
import type { Credentials } from './credentials.ts'

interface CachedToken {
  value: string
  expiresAt: number
}

/** Token lifetime when the token server does not say (the distribution spec's default). */
const DEFAULT_TOKEN_SECONDS = 60
const MAX_TOKEN_RESPONSE = 1024 * 1024

/**
 * Answers a registry's challenge: Basic sends the credentials, Bearer exchanges them at the
 * token realm for a token per repository scope, cached until shortly before it expires.
 */
export class Authenticator {
  readonly #registry: string
  readonly #credentials: Credentials | undefined
  readonly #dispatcher: Dispatcher
  readonly #logger: Logger
  #challenge: Challenge | undefined
  readonly #tokens = new Map<string, CachedToken>()
  /** Token requests in flight, so parallel layer uploads share one exchange per scope. */
  readonly #fetching = new Map<string, Promise<string>>()
  /**
   * Token services (origins) that have answered once. Until one has, a connection it refuses is
   * not retried: a first contact that fails fast, as the registry's ping does (client.ts).
   */
  readonly #answered = new Set<string>()

  constructor(options: {
    registry: string
    credentials: Credentials | undefined
    dispatcher: Dispatcher
    logger: Logger
  }) {
    this.#registry = options.registry
    this.#credentials = options.credentials
    this.#dispatcher = options.dispatcher
    this.#logger = options.logger
    const credentials = options.credentials
    if (credentials?.kind === 'password')
      secretForms(credentials.password, credentials.username).forEach((form) =>
        this.#logger.secret(form),
      )
    if (credentials?.kind === 'identity-token')
      secretForms(credentials.token).forEach((form) => this.#logger.secret(form))
  }

  get hasCredentials(): boolean {
    return this.#credentials !== undefined
  }

  get username(): string | undefined {
    return this.#credentials?.kind === 'password' ? this.#credentials.username : undefined
  }

  useChallenge(challenge: Challenge | undefined): void {
    if (challenge) this.#challenge = challenge
  }

  /** The Authorization header for a request in `scope`, or undefined when none is needed. */
  async authorization(
    scope: string,
    options: { renew?: boolean } = {},
  ): Promise<string | undefined> {
    const challenge = this.#challenge
    if (!challenge) return undefined
    if (challenge.scheme === 'basic') {
      const credentials = this.#credentials
      if (credentials?.kind !== 'password') return undefined
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
    }
    const cached = this.#tokens.get(scope)
    if (cached && !options.renew && cached.expiresAt > Date.now()) return `Bearer ${cached.value}`
    let fetching = this.#fetching.get(scope)
    if (!fetching) {
      fetching = this.#fetchToken(challenge, scope).finally(() => this.#fetching.delete(scope))
      this.#fetching.set(scope, fetching)
    }
    return `Bearer ${await fetching}`
  }

  async #fetchToken(challenge: Challenge, scope: string): Promise<string> {
    const realm = challenge.params['realm']
    if (!realm) {
      throw new TarPushError(
        'REGISTRY_ERROR',
        `${this.#registry} asked for a Bearer token but named no realm`,
        {
          subject: this.#registry,
        },
      )
    }
    const url = new URL(realm)
    const service = challenge.params['service']
    const credentials = this.#credentials
    let response: Dispatcher.ResponseData
    try {
      if (credentials?.kind === 'identity-token') {
        // OAuth2 refresh-token grant, as docker does with an identity token.
        const form = new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: credentials.token,
          client_id: 'tar-push',
          scope,
        })
        if (service) form.set('service', service)
        response = await request(url, {
          method: 'POST',
          dispatcher: this.#dispatcher,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        })
      } else {
        if (service) url.searchParams.set('service', service)
        // Several scopes (a cross-repository mount) go as repeated parameters, as docker sends them.
        for (const part of scope.split(' ')) url.searchParams.append('scope', part)
        const headers: Record<string, string> = {}
        if (credentials?.kind === 'password') {
          url.searchParams.set('account', credentials.username)
          headers['authorization'] =
            `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
        }
        response = await request(url, { method: 'GET', dispatcher: this.#dispatcher, headers })
      }
    } catch (error) {
      throw transportError(error, 'GET', `${url.origin}${url.pathname}`, {
        retryConnectFailures: this.#answered.has(url.origin),
        service: {
          name: 'the token service',
          hint: `${this.#registry} sends clients to this token service for credentials (the realm of its Bearer challenge); it is down or not reachable from this machine`,
        },
      })
    }
    this.#answered.add(url.origin)
    const text = await readLimited(response, MAX_TOKEN_RESPONSE)
    if (response.statusCode === 401 || response.statusCode === 403) {
      throw new TarPushError(
        'AUTH_FAILED',
        `the token service ${url.origin}${url.pathname} refused ${this.#describeCredentials()} (HTTP ${response.statusCode})`,
        {
          subject: this.#registry,
          hint: 'check username and password (or token) and that they are valid for this registry',
        },
      )
    }
    if (response.statusCode !== 200) {
      // A failing token service is the registry failing, not the credentials.
      throw new TarPushError(
        'REGISTRY_ERROR',
        `the token service ${url.origin}${url.pathname} answered HTTP ${response.statusCode}`,
        {
          subject: this.#registry,
          hint: 'the registry or its token service is failing; try again later',
        },
      )
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown }
    try {
      body = JSON.parse(text) as typeof body
    } catch {
      throw new TarPushError(
        'REGISTRY_ERROR',
        `the token service ${url.origin}${url.pathname} answered something that is not JSON`,
        {
          subject: this.#registry,
        },
      )
    }
    const token = typeof body.token === 'string' && body.token ? body.token : body.access_token
    if (typeof token !== 'string' || !token) {
      throw new TarPushError(
        'REGISTRY_ERROR',
        `the token service ${url.origin}${url.pathname} returned no token`,
        {
          subject: this.#registry,
        },
      )
    }
    this.#logger.secret(token)
    const seconds =
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in
        : DEFAULT_TOKEN_SECONDS
    // Renew a little early so a token never expires in the middle of a request.
    this.#tokens.set(scope, {
      value: token,
      expiresAt: Date.now() + Math.max(1, seconds - 10) * 1000,
    })
    this.#logger.debug(`token for ${scope} from ${url.origin}${url.pathname}, ${seconds}s`)
    return token
  }

  #describeCredentials(): string {
    const credentials = this.#credentials
    if (!credentials) return 'anonymous access'
    return credentials.kind === 'password'
      ? `the credentials of "${credentials.username}"`
      : 'the identity token'
  }
}

export async function readLimited(
  response: Dispatcher.ResponseData,
  limit: number,
): Promise<string> {
  return (await readBytesLimited(response, limit)).toString('utf8')
}

/**
 * Reads at most `limit` bytes of a response body. Error bodies are cut there; with `refuseOver`
 * (manifests, configs) a bigger body is an error naming what it was, never a truncated document.
 */
export async function readBytesLimited(
  response: Dispatcher.ResponseData,
  limit: number,
  refuseOver?: string,
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    length += chunk.length
    if (length > limit) {
      response.body.destroy()
      if (refuseOver) {
        throw new TarPushError('REGISTRY_ERROR', `${refuseOver} is larger than ${limit} bytes`, {
          subject: refuseOver,
          hint: 'the registry sent something that is not an image manifest or config',
        })
      }
      break
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
