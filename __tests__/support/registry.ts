/**
 * Real registries for the tests: CNCF distribution 2.8 (`/usr/bin/docker-registry`) on a free
 * 127.0.0.1 port with throw-away storage, optionally behind TLS and basic or bearer (token) auth.
 *
 *   const registry = await startRegistry({ auth: 'bearer', tls: true })
 *   after(() => registry.stop())
 *
 * A registry runs under a small `sh` watchdog that holds a pipe from this process and stops the
 * registry (and removes its temp dir) when the pipe closes: on stop(), and also when a test process
 * that forgot stop() exits or dies in any way, even by SIGKILL. A running registry does not keep
 * the event loop alive, so a forgotten one never makes a test process hang either.
 */
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequestRaw } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { request as httpsRequestRaw } from 'node:https'
import { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { testCertificates } from './certs.ts'
import { startTokenServer } from './token-server.ts'
import type { RunningTokenServer, TokenAccount } from './token-server.ts'

export interface TestUser {
  username: string
  password: string
}

/** Full access everywhere. The password has spaces and colons to catch sloppy credential handling. */
export const ALICE: TestUser = { username: 'alice', password: 's3cret pass:w0rd:' }
/** Bearer mode: may only pull (any repository). Basic mode: an ordinary valid user. */
export const BOB: TestUser = { username: 'bob', password: 'b0b: pull only' }

export type RegistryAuth = 'none' | 'basic' | 'bearer'

export interface StartRegistryOptions {
  auth?: RegistryAuth
  tls?: boolean
  /** Bearer mode: `expires_in` and JWT lifetime of issued tokens. Default 300. */
  tokenTtlSeconds?: number
  /**
   * Bearer mode: make the registry itself reject tokens `tokenTtlSeconds` after issue. Without it
   * distribution 2.8 keeps accepting an expired token for 60 more seconds (clock leeway); with it
   * the JWT `exp` is moved back by those 60 s (see `compensateRegistryLeeway`).
   */
  enforceTokenTtl?: boolean
}

export interface RunningRegistry {
  /** '127.0.0.1:PORT', as it goes in an image reference. */
  host: string
  /** 'http://127.0.0.1:PORT' or 'https://127.0.0.1:PORT'. */
  url: string
  auth: RegistryAuth
  tls: boolean
  /** PEM file of the CA that signed the server certificate (tls mode). */
  caFile?: string
  /** The registry's storage root (`docker/registry/v2/...` lives below it). */
  rootDir: string
  /** Bearer mode; `issued` counts tokens handed out, `grants` says what was asked and granted. */
  tokenServer?: Omit<RunningTokenServer, 'stop'>
  stop(): Promise<void>
}

/** Must match between the registry config and the token server. */
export const TOKEN_SERVICE = 'tar-push-test-registry'
export const TOKEN_ISSUER = 'tar-push-test-token-server'
const BASIC_REALM = 'tar-push-test'

const READY_TIMEOUT_MS = 15_000
const STOP_GRACE_MS = 3_000
const OUTPUT_TAIL_BYTES = 16_384

// $1 = config file, $2 = temp dir. The shell stays the registry's parent (so it gets reaped and
// its exit status reaches us); a background subshell holds our pipe as fd 3 and, at EOF, stops the
// registry and removes the temp dir (if the registry already died, startRegistry cleans up).
const WATCHDOG_SCRIPT = `
exec 3<&0
docker-registry serve "$1" 3<&- &
registry=$!
(
  read -r _ <&3
  if kill "$registry" 2>/dev/null; then
    while kill -0 "$registry" 2>/dev/null; do sleep 0.05; done
    rm -rf "$2"
  fi
) &
exec 3<&-
wait "$registry"
`

// ---------------------------------------------------------------------------------------------
// Small HTTP client (node:http), handy for probing registries without a client library.

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export interface HttpRequestOptions {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Extra CA (PEM) to trust for https URLs. */
  ca?: string
}

export function httpRequest(url: string, opts: HttpRequestOptions = {}): Promise<HttpResponse> {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? httpsRequestRaw : httpRequestRaw
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: opts.method ?? 'GET', headers: opts.headers, ca: opts.ca, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

/** `Authorization` header value for HTTP Basic. */
export function basicAuthorization(user: TestUser): string {
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`
}

// ---------------------------------------------------------------------------------------------
// Registry processes.

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal) // detached: the watchdog leads a process group with the registry
  } catch {
    // already gone
  }
}

/** A child that neither keeps the event loop alive nor blocks on a full output pipe. */
function spawnWatchedRegistry(configFile: string, tempDir: string) {
  const child = spawn('sh', ['-c', WATCHDOG_SCRIPT, 'registry-watchdog', configFile, tempDir], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  let reportPort: (port: number) => void = () => {}
  const port = new Promise<number>((resolve) => (reportPort = resolve))
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES)
    const listening = /listening on 127\.0\.0\.1:(\d+)/.exec(output)
    if (listening) reportPort(Number(listening[1]))
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  child.unref()
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    if (stream instanceof Socket) stream.unref()
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, exited, port, output: () => output }
}

type WatchedRegistry = ReturnType<typeof spawnWatchedRegistry>

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

/** Resolves when the registry has bound its port and answers `GET /v2/`, with the port. */
async function waitUntilServing(registry: WatchedRegistry, scheme: string, ca?: string) {
  const failure = (why: string) =>
    new Error(`docker-registry ${why}; its output:\n${registry.output()}`)
  // The deadline timer also keeps the event loop alive while the (unref'd) registry starts up.
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), READY_TIMEOUT_MS)
  const timedOut = new Promise<never>((_, reject) => {
    deadline.signal.addEventListener('abort', () =>
      reject(failure(`not ready within ${READY_TIMEOUT_MS} ms`)),
    )
  })
  const died = registry.exited.then(() => Promise.reject(failure('exited during startup')))
  try {
    const port = await Promise.race([registry.port, died, timedOut])
    const url = `${scheme}://127.0.0.1:${port}`
    for (;;) {
      const status = await Promise.race([
        httpRequest(`${url}/v2/`, { ca }).then(
          (res) => res.status,
          () => 0, // not accepting yet
        ),
        died,
        timedOut,
      ])
      if (status === 200 || status === 401) return port
      await sleep(25)
    }
  } finally {
    clearTimeout(timer)
  }
}

async function terminate(registry: WatchedRegistry): Promise<void> {
  registry.child.stdin?.end() // the watchdog's cue: SIGTERM the registry (or just exit)
  if (hasExited(registry.child)) return
  const graceOver = new AbortController()
  const timedOut = await Promise.race([
    registry.exited.then(() => false),
    sleep(STOP_GRACE_MS, true, { signal: graceOver.signal }),
  ])
  graceOver.abort() // don't let the pending timer hold the process for STOP_GRACE_MS
  if (timedOut) {
    killGroup(registry.child.pid!, 'SIGKILL')
    await registry.exited
  }
}

// ---------------------------------------------------------------------------------------------
// Configuration.

interface TlsFiles {
  certificate: string
  key: string
}

type AuthConfig =
  | { kind: 'none' }
  | { kind: 'basic'; htpasswdFile: string }
  | { kind: 'bearer'; realm: string; rootCertBundle: string }

// JSON strings are valid YAML double-quoted scalars.
const yamlString = (value: string) => JSON.stringify(value)

function authYaml(auth: AuthConfig): string[] {
  switch (auth.kind) {
    case 'none':
      return []
    case 'basic':
      return [
        'auth:',
        '  htpasswd:',
        `    realm: ${yamlString(BASIC_REALM)}`,
        `    path: ${yamlString(auth.htpasswdFile)}`,
      ]
    case 'bearer':
      return [
        'auth:',
        '  token:',
        `    realm: ${yamlString(auth.realm)}`,
        `    service: ${yamlString(TOKEN_SERVICE)}`,
        `    issuer: ${yamlString(TOKEN_ISSUER)}`,
        `    rootcertbundle: ${yamlString(auth.rootCertBundle)}`,
      ]
  }
}

function registryConfig(storageDir: string, auth: AuthConfig, tls?: TlsFiles): string {
  return [
    'version: 0.1',
    'log:',
    '  level: info', // startup logs "listening on 127.0.0.1:PORT", which is how we learn the port
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${yamlString(storageDir)}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    '  addr: 127.0.0.1:0',
    // A fixed secret avoids the startup warning; only signs upload state between requests.
    `  secret: ${yamlString('tar-push-test-secret')}`,
    ...(tls
      ? [
          '  tls:',
          `    certificate: ${yamlString(tls.certificate)}`,
          `    key: ${yamlString(tls.key)}`,
        ]
      : []),
    ...authYaml(auth),
    '',
  ].join('\n')
}

const runFile = promisify(execFile)
let htpasswdLines: Promise<string> | undefined

/** bcrypt entries for ALICE and BOB (made once: bcrypt is deliberately slow). */
function htpasswdFileContent(): Promise<string> {
  htpasswdLines ??= Promise.all(
    [ALICE, BOB].map(async (user) => {
      const { stdout } = await runFile('htpasswd', ['-Bbn', user.username, user.password])
      return stdout.trim()
    }),
  ).then((lines) => lines.join('\n') + '\n')
  return htpasswdLines
}

const TOKEN_ACCOUNTS: readonly TokenAccount[] = [
  { ...ALICE, allowedActions: ['*'] },
  { ...BOB, allowedActions: ['pull'] },
]

// ---------------------------------------------------------------------------------------------

export async function startRegistry(opts: StartRegistryOptions = {}): Promise<RunningRegistry> {
  const auth = opts.auth ?? 'none'
  const tls = opts.tls ?? false

  const tempDir = await mkdtemp(join(tmpdir(), 'tar-push-registry-'))
  const rootDir = join(tempDir, 'storage')
  const configDir = join(tempDir, 'config')
  await Promise.all([mkdir(rootDir), mkdir(configDir)])
  const file = async (name: string, content: string) => {
    const path = join(configDir, name)
    await writeFile(path, content)
    return path
  }

  let tokenServer: RunningTokenServer | undefined
  let registry: WatchedRegistry | undefined
  const cleanUp = async () => {
    if (registry) await terminate(registry)
    await tokenServer?.stop()
    await rm(tempDir, { recursive: true, force: true })
  }

  try {
    const certs = tls || auth === 'bearer' ? await testCertificates() : undefined
    const tlsFiles =
      tls && certs
        ? {
            certificate: await file('server.crt', certs.server.certPem),
            key: await file('server.key', certs.server.keyPem),
          }
        : undefined
    const caFile = tls && certs ? await file('ca.crt', certs.caPem) : undefined

    let authConfig: AuthConfig = { kind: 'none' }
    if (auth === 'basic') {
      authConfig = {
        kind: 'basic',
        htpasswdFile: await file('htpasswd', await htpasswdFileContent()),
      }
    } else if (auth === 'bearer' && certs) {
      tokenServer = await startTokenServer({
        accounts: TOKEN_ACCOUNTS,
        service: TOKEN_SERVICE,
        issuer: TOKEN_ISSUER,
        signer: certs.tokenSigner,
        ttlSeconds: opts.tokenTtlSeconds ?? 300,
        compensateRegistryLeeway: opts.enforceTokenTtl,
      })
      const rootCertBundle = await file('token-signer.crt', certs.tokenSigner.certPem)
      authConfig = { kind: 'bearer', realm: tokenServer.url, rootCertBundle }
    }

    // Port 0: the registry picks a free port and logs it, so no other process can race us for it.
    const configFile = await file('config.yml', registryConfig(rootDir, authConfig, tlsFiles))
    registry = spawnWatchedRegistry(configFile, tempDir)
    const port = await waitUntilServing(registry, tls ? 'https' : 'http', certs?.caPem)

    let stopping: Promise<void> | undefined
    return {
      host: `127.0.0.1:${port}`,
      url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
      auth,
      tls,
      caFile,
      rootDir,
      tokenServer,
      stop: () => (stopping ??= cleanUp()),
    }
  } catch (err) {
    await cleanUp()
    throw err
  }
}
