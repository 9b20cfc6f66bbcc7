/**
 * A minimal Docker registry token server (https://distribution.github.io/distribution/spec/auth/token/)
 * for the bearer-mode test registry, built on node:http only.
 *
 * - `GET /token?service=…&scope=…&scope=…` with optional Basic credentials, and the OAuth2 form
 *   `POST /token` with `grant_type=password` (what some clients use instead).
 * - Anonymous requests get a token with NO access (like a private repository on a public
 *   registry): the registry will answer 401 insufficient_scope to it.
 * - Wrong credentials get 401.
 * - Each account grants the requested actions it allows (`'*'` = any action); others are dropped,
 *   a scope left with no action is omitted from the token.
 * - Tokens are RS256 JWTs whose header carries the signing certificate in `x5c`; distribution 2.8
 *   checks that chain against its `rootcertbundle` (the same self-signed certificate).
 */
import { createHash, createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CertAndKey } from './certs.ts'

export interface TokenAccount {
  username: string
  password: string
  /** Actions this account may be granted on any resource; `['*']` grants whatever is asked. */
  allowedActions: readonly string[]
}

export interface ResourceAccess {
  type: string
  name: string
  actions: string[]
}

/** One token handed out, for tests that want to see what a client asked for. */
export interface TokenGrant {
  account: string | undefined
  requested: ResourceAccess[]
  granted: ResourceAccess[]
}

export interface TokenServerOptions {
  accounts: readonly TokenAccount[]
  /** Must equal the registry's `auth.token.service` (the JWT audience). */
  service: string
  /** Must equal the registry's `auth.token.issuer`. */
  issuer: string
  signer: CertAndKey
  ttlSeconds: number
  /**
   * distribution 2.8 accepts a token until 60 s after its `exp`. With this set, `exp` is moved
   * back by that leeway so the registry itself rejects the token `ttlSeconds` after issue; the
   * price is a JWT whose `exp` may lie before its `iat` (`expires_in` stays `ttlSeconds`).
   */
  compensateRegistryLeeway?: boolean
}

export interface RunningTokenServer {
  /** The realm, e.g. http://127.0.0.1:PORT/token */
  url: string
  /** Tokens handed out so far. */
  readonly issued: number
  grants: TokenGrant[]
  stop(): Promise<void>
}

/** distribution 2.8's `token.Leeway`. */
export const REGISTRY_CLOCK_LEEWAY_SECONDS = 60

export interface SignOptions {
  signer: CertAndKey
  /** How the registry finds the verification key: certificate chain (default) or libtrust key id. */
  keyReference?: 'x5c' | 'kid'
}

export interface TokenClaims {
  iss: string
  sub: string
  aud: string
  exp: number
  nbf: number
  iat: number
  jti: string
  access: ResourceAccess[]
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

/**
 * libtrust's key id: SHA-256 of the DER SubjectPublicKeyInfo, first 240 bits, base32 (no
 * padding), in 12 colon-separated groups of 4. distribution 2.8 also accepts a `kid` header
 * naming a key of its rootcertbundle this way.
 */
export function libtrustKeyId(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' })
  const digest = createHash('sha256').update(spki).digest().subarray(0, 30)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const byte of digest) bits += byte.toString(2).padStart(8, '0')
  let base32 = ''
  for (let i = 0; i < bits.length; i += 5) base32 += alphabet[parseInt(bits.slice(i, i + 5), 2)]
  return base32.match(/.{4}/g)!.join(':')
}

/** An RS256 JWT as the registry expects it. Exported so tests can forge odd tokens. */
export function signToken(claims: TokenClaims, opts: SignOptions): string {
  const cert = new X509Certificate(opts.signer.certPem)
  const keyRef =
    opts.keyReference === 'kid'
      ? { kid: libtrustKeyId(opts.signer.certPem) }
      : { x5c: [cert.raw.toString('base64')] }
  const header = { typ: 'JWT', alg: 'RS256', ...keyRef }
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = sign('sha256', Buffer.from(signingInput), createPrivateKey(opts.signer.keyPem))
  return `${signingInput}.${base64url(signature)}`
}

/**
 * `repository:library/ubuntu:pull,push` → {type, name, actions}. The name may itself contain
 * colons (a host:port prefix), so split at the first and the last colon only.
 */
export function parseScope(scope: string): ResourceAccess | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first <= 0 || last === first) return undefined
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  }
}

function grant(account: TokenAccount | undefined, requested: ResourceAccess[]): ResourceAccess[] {
  if (!account) return []
  const allows = (action: string) =>
    account.allowedActions.includes('*') || account.allowedActions.includes(action)
  return requested
    .map((r) => ({ ...r, actions: r.actions.filter(allows) }))
    .filter((r) => r.actions.length > 0)
}

function basicCredentials(
  req: IncomingMessage,
): { username: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':') // the password may contain colons, the username may not
  if (colon < 0) return undefined
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Credentials and scopes from either the GET form or the OAuth2 password-grant POST form. */
async function parseTokenRequest(req: IncomingMessage) {
  const url = new URL(req.url ?? '/', 'http://token-server')
  if (req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req))
    const username = form.get('username')
    const credentials =
      form.get('grant_type') === 'password' && username !== null
        ? { username, password: form.get('password') ?? '' }
        : undefined
    return { credentials, scopes: form.getAll('scope'), form: true }
  }
  return {
    credentials: basicCredentials(req),
    scopes: url.searchParams.getAll('scope'),
    form: false,
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export async function startTokenServer(opts: TokenServerOptions): Promise<RunningTokenServer> {
  const grants: TokenGrant[] = []

  function authenticate(credentials: { username: string; password: string } | undefined) {
    if (!credentials) return { ok: true, account: undefined }
    const account = opts.accounts.find(
      (a) => a.username === credentials.username && a.password === credentials.password,
    )
    return { ok: account !== undefined, account }
  }

  function issue(account: TokenAccount | undefined, scopes: string[]) {
    // A single scope parameter may also hold several space-separated scopes.
    const requested = scopes
      .flatMap((s) => s.split(' '))
      .map(parseScope)
      .filter((s) => s !== undefined)
    const granted = grant(account, requested)
    grants.push({ account: account?.username, requested, granted })
    const now = Math.floor(Date.now() / 1000)
    const leeway = opts.compensateRegistryLeeway ? REGISTRY_CLOCK_LEEWAY_SECONDS : 0
    const claims: TokenClaims = {
      iss: opts.issuer,
      sub: account?.username ?? '',
      aud: opts.service,
      exp: now + opts.ttlSeconds - leeway,
      nbf: now - 1,
      iat: now,
      jti: randomUUID(),
      access: granted,
    }
    return signToken(claims, { signer: opts.signer })
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://token-server').pathname
    if (path !== '/token' || (req.method !== 'GET' && req.method !== 'POST')) {
      sendJson(res, 404, { errors: [{ code: 'NOT_FOUND', message: 'only GET/POST /token' }] })
      return
    }
    const { credentials, scopes, form } = await parseTokenRequest(req)
    const { ok, account } = authenticate(credentials)
    if (!ok) {
      const challenge = { 'www-authenticate': 'Basic realm="tar-push test token server"' }
      sendJson(
        res,
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] },
        challenge,
      )
      return
    }
    const token = issue(account, scopes)
    const body = {
      token,
      access_token: token,
      expires_in: opts.ttlSeconds,
      issued_at: new Date().toISOString(),
      ...(form ? { scope: scopes.join(' ') } : {}),
    }
    sendJson(res, 200, body)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ code: 'UNKNOWN', message: String(err) }] })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // A test that forgets stop() must not keep its process alive because of us.
  server.unref()
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/token`,
    get issued() {
      return grants.length
    },
    grants,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
