/**
 * Failing fast and clearly (issue 19, items 6, 7 and 12), against real processes: the CLI
 * (node src/cli.ts) as a user runs it, the test registry, the fault proxy, and small TCP servers
 * that play what the network does: a port where nothing listens, a plain-HTTP registry that
 * answers a TLS hello with a reset, garbage or an HTTP 400, a registry that restarts in the middle
 * of a push, a commit whose answer is lost.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp } from 'node:fs/promises'
import { createServer as createHttpServer, request as httpRequest } from 'node:http'
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { push, type PushOptions } from '../src/lib/push.ts'
import type { Logger } from '../src/lib/log.ts'
import { fixtureByName, sha256 } from './support/fixtures.ts'
import { registryHarness } from './support/harness.ts'
import type { RequestMatcher, RunningProxy } from './support/proxy.ts'
import { runNode, type Completed } from './support/run-node.ts'
import { inspectRaw } from './support/skopeo.ts'

const harness = registryHarness()
const CLI = resolve(import.meta.dirname, '../src/cli.ts')
/** "Within about 2 s", with room for a loaded machine; the runs take a few hundred ms here. */
const FAST_MS = 2500

/** The environment of a CLI run: no proxy variables of the machine, no docker credentials. */
function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY'])
    if (!(name in extra)) delete env[name]
  if (!('no_proxy' in extra)) delete env['no_proxy']
  env['DOCKER_CONFIG'] = join(tmpdir(), 'fail-fast-no-docker-config')
  return env
}

async function timedCli(
  args: string[],
  env: NodeJS.ProcessEnv = cliEnv(),
): Promise<Completed & { ms: number }> {
  const started = performance.now()
  const run = await runNode(CLI, args, { env })
  return { ...run, ms: performance.now() - started }
}

const retryLines = (stderr: string) =>
  stderr.split('\n').filter((line) => /retry \d+ of/.test(line))
const tarballPath = (name = 'oci-archive-gzip') => fixtureByName(harness.corpus, name).path

/** A port of 127.0.0.1 where nothing listens (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

function recordingLogger(): Logger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = []
  const infos: string[] = []
  return {
    info: (message) => infos.push(message),
    debug() {},
    warn: (message) => warnings.push(message),
    group: (_title, run) => run(),
    secret() {},
    warnings,
    infos,
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return (server.address() as AddressInfo).port
}

/** Both ways between two sockets; either end closing or failing ends both. */
function splice(a: Socket, b: Socket): void {
  a.pipe(b)
  b.pipe(a)
  a.on('error', () => b.destroy())
  b.on('error', () => a.destroy())
  a.on('close', () => b.destroy())
  b.on('close', () => a.destroy())
}

type HelloAnswer = 'reset' | 'close' | 'garbage' | 'http400'

/**
 * A plain-HTTP registry as servers in front of one answer a TLS hello: the first byte of a
 * connection tells (0x16 opens a TLS handshake); a TLS hello gets `answer`, plain HTTP goes on
 * to the test registry.
 */
async function plainHttpRegistry(answer: HelloAnswer) {
  let hellos = 0
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => {})
    client.once('data', (first: Buffer) => {
      if (first[0] !== 0x16) {
        const upstream = connect(Number(new URL(harness.registry.url).port), '127.0.0.1')
        upstream.write(first)
        splice(client, upstream)
        return
      }
      hellos++
      if (answer === 'reset') client.resetAndDestroy()
      else if (answer === 'close') client.end()
      else if (answer === 'garbage') client.end(Buffer.from('\u0000\u0007not tls, not http\r\n'))
      else client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
    })
  })
  const port = await listen(server)
  return {
    port,
    get hellos() {
      return hellos
    },
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

/**
 * An HTTPS_PROXY / HTTP_PROXY that takes every request to one place, whatever host it names:
 * so a registry name that does not look like loopback (and that no DNS knows) reaches a server
 * on 127.0.0.1. CONNECT tunnels for https://, absolute-form requests for http://.
 */
async function routingProxy(toPort: number) {
  const requested: string[] = []
  const server = createHttpServer((incoming, outgoing) => {
    requested.push(`${incoming.method} ${incoming.url}`)
    const target = new URL(incoming.url ?? '')
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: toPort,
        method: incoming.method,
        path: `${target.pathname}${target.search}`,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(outgoing)
      },
    )
    upstream.on('error', () => outgoing.destroy())
    incoming.pipe(upstream)
  })
  server.on('connect', (incoming, client: Socket, head: Buffer) => {
    requested.push(`CONNECT ${incoming.url}`)
    const upstream = connect(toPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      splice(client, upstream)
    })
    upstream.on('error', () => client.destroy())
  })
  const port = await listen(server)
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/**
 * A TCP relay to `target` on a port of its own that can go down for a while as a restarting
 * registry does: its connections cut, the port refusing connections, then listening again on
 * the same port.
 */
async function restartableRelay(target: string) {
  const { hostname, port: targetPort } = new URL(`http://${target}`)
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = connect(Number(targetPort), hostname)
    sockets.add(client).add(upstream)
    client.on('close', () => sockets.delete(client))
    upstream.on('close', () => sockets.delete(upstream))
    splice(client, upstream)
  })
  const port = await listen(server)
  let restarts = 0
  return {
    host: `127.0.0.1:${port}`,
    get restarts() {
      return restarts
    },
    /** Down for `ms`, then up again on the same port. */
    async restart(ms: number) {
      restarts++
      await new Promise<void>((done) => {
        server.close(() => done())
        for (const socket of sockets) socket.destroy()
      })
      await sleep(ms)
      await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
    },
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => done())
      }),
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await sleep(5)
  }
}

async function assertPushed(repository: string, tag: string, digest: string): Promise<void> {
  const raw = await inspectRaw(`${harness.registry.host}/${repository}:${tag}`, {
    registry: harness.registry,
  })
  assert.equal(sha256(raw), digest, 'skopeo reads what tar-push reported')
}

/** The digest in the CLI's `image@sha256:...` line. */
const digestOf = (stdout: string) => /@(sha256:[a-f0-9]{64})/.exec(stdout)?.[1]

describe('nothing to connect to: the first contact fails at once, naming host:port and the cause', () => {
  it('nothing listens on the port: push fails within 2 s, exit 3, one error and no retry', async () => {
    const port = await closedPort()
    const run = await timedCli([
      'push',
      tarballPath(),
      '--image',
      `127.0.0.1:${port}/app`,
      '--tag',
      '1',
    ])
    assert.equal(run.code, 3, run.stderr)
    assert.ok(run.ms <= FAST_MS, `took ${Math.round(run.ms)} ms`)
    assert.match(
      run.stderr,
      new RegExp(
        `error: NETWORK_ERROR: cannot connect to 127\\.0\\.0\\.1:${port}: connection refused \\(nothing listens there\\)`,
      ),
    )
    assert.match(
      run.stderr,
      /hint: check the port in the image name and that the registry is running/,
    )
    assert.deepEqual(retryLines(run.stderr), [])
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
  })

  it('the same for pull, and with --insecure (plain HTTP would find nothing there either)', async () => {
    const port = await closedPort()
    const output = join(await mkdtemp(join(tmpdir(), 'fail-fast-pull-')), 'app.tar')
    for (const args of [
      ['pull', `127.0.0.1:${port}/app:1`, '--output', output],
      ['push', tarballPath(), '--image', `127.0.0.1:${port}/app`, '--tag', '1', '--insecure'],
    ]) {
      const run = await timedCli(args)
      assert.equal(run.code, 3, run.stderr)
      assert.ok(run.ms <= FAST_MS, `${args[0]} took ${Math.round(run.ms)} ms`)
      assert.match(
        run.stderr,
        new RegExp(`cannot connect to 127\\.0\\.0\\.1:${port}: connection refused`),
      )
      assert.deepEqual(retryLines(run.stderr), [])
    }
  })

  it('an unknown host (.invalid, RFC 2606: no DNS knows it) fails within 2 s, exit 3', async () => {
    const run = await timedCli([
      'push',
      tarballPath(),
      '--image',
      'registry.tar-push.invalid:5000/app',
      '--tag',
      '1',
    ])
    assert.equal(run.code, 3, run.stderr)
    assert.ok(run.ms <= FAST_MS, `took ${Math.round(run.ms)} ms`)
    // A resolver that answers says "no such name"; one that cannot be reached (offline), EAI_AGAIN.
    assert.match(
      run.stderr,
      /error: NETWORK_ERROR: cannot connect to registry\.tar-push\.invalid:5000: (unknown host \(the DNS lookup of registry\.tar-push\.invalid found no address\)|the DNS lookup of registry\.tar-push\.invalid failed)/,
    )
    assert.deepEqual(retryLines(run.stderr), [])
  })

  it('a host that never answers (a firewall that drops): one connect timeout, not five', async () => {
    // A listener that accepts nothing: its process is busy, its accept queue full, so the
    // kernel drops new connections as a firewall would, and the connect waits for its timeout.
    const silent = spawn(
      process.execPath,
      [
        '-e',
        `const server = require('node:net').createServer()
         server.listen({ port: 0, host: '127.0.0.1', backlog: 0 }, () => {
           process.stdout.write(server.address().port + '\\n')
           Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
         })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const fillers: Socket[] = []
    try {
      const [line] = (await once(silent.stdout, 'data')) as [Buffer]
      const port = Number(line.toString().trim())
      for (let i = 0; i < 4; i++) fillers.push(connect(port, '127.0.0.1').on('error', () => {}))
      await sleep(200)
      const run = await timedCli([
        'push',
        tarballPath(),
        '--image',
        `127.0.0.1:${port}/app`,
        '--tag',
        '1',
        '--timeout',
        '1',
      ])
      assert.equal(run.code, 3, run.stderr)
      // The 1 s of --timeout (undici's timers tick coarsely) and no retry: five would be 5 s+.
      assert.ok(run.ms <= 1000 + FAST_MS, `took ${Math.round(run.ms)} ms`)
      assert.match(
        run.stderr,
        new RegExp(
          `error: NETWORK_ERROR: cannot connect to 127\\.0\\.0\\.1:${port}: no answer within 1 s \\(UND_ERR_CONNECT_TIMEOUT`,
        ),
      )
      assert.deepEqual(retryLines(run.stderr), [])
    } finally {
      for (const socket of fillers) socket.destroy()
      silent.kill('SIGKILL')
    }
  })

  it('a token service where nothing listens fails within 2 s, named as the token service', async () => {
    const port = await closedPort()
    // The registry's Bearer challenge sends clients to a realm that is down.
    const proxy = await harness.proxyWith([
      {
        kind: 'status',
        status: 401,
        headers: {
          'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="test"`,
        },
        match: () => true,
        times: 1000,
      },
    ])
    const run = await timedCli([
      'push',
      tarballPath(),
      '--image',
      `${proxy.host}/app`,
      '--tag',
      '1',
    ])
    assert.equal(run.code, 3, run.stderr)
    assert.ok(run.ms <= FAST_MS, `took ${Math.round(run.ms)} ms`)
    assert.match(
      run.stderr,
      new RegExp(
        `error: NETWORK_ERROR: cannot connect to the token service 127\\.0\\.0\\.1:${port}: connection refused \\(nothing listens there\\)[\\s\\S]*hint: ${proxy.host.replace(/\./g, '\\.')} sends clients to this token service`,
      ),
    )
    assert.deepEqual(retryLines(run.stderr), [])
  })

  it('a proxy that refuses is named as the proxy, not as the registry', async () => {
    const port = await closedPort()
    const run = await timedCli(
      ['push', tarballPath(), '--image', 'registry.tar-push.invalid/app', '--tag', '1'],
      cliEnv({ HTTPS_PROXY: `http://127.0.0.1:${port}` }),
    )
    assert.equal(run.code, 3, run.stderr)
    assert.ok(run.ms <= FAST_MS, `took ${Math.round(run.ms)} ms`)
    assert.match(
      run.stderr,
      new RegExp(
        `cannot connect to the proxy 127\\.0\\.0\\.1:${port} \\(on the way to registry\\.tar-push\\.invalid:443\\): connection refused[\\s\\S]*hint: check the proxy variables`,
      ),
    )
  })
})

describe('retries: what a retry can fix, each failure told once', () => {
  it('a ping answered 503 every time: one retry line, and the error counts the attempts', async () => {
    const proxy = await harness.proxyWith([
      {
        kind: 'status',
        status: 503,
        match: (request) => request.method === 'GET' && request.path === '/v2/',
        times: 1000,
      },
    ])
    const run = await timedCli([
      'push',
      tarballPath(),
      '--image',
      `${proxy.host}/retry/down`,
      '--tag',
      '1',
      '--retries',
      '3',
    ])
    assert.equal(run.code, 3, run.stderr)
    const pings = proxy.requests.filter((request) => request.path === '/v2/')
    assert.equal(pings.length, 4, 'the first try and 3 retries')
    const lines = retryLines(run.stderr)
    assert.equal(lines.length, 1, `one line for one failure:\n${run.stderr}`)
    assert.match(lines[0]!, /answered HTTP 503.*retry 1 of 3 in \d+\.\d s/)
    assert.match(
      run.stderr,
      /error: REGISTRY_ERROR: GET http:\/\/127\.0\.0\.1:\d+\/v2\/ answered HTTP 503; gave up after 4 attempts/,
    )
  })

  it('a registry restarting in the middle of a push: refused connections are retried, and the push succeeds', async () => {
    // Decided: a refused connection after the first contact is a registry coming back (a
    // restart, a rolling update), so it gets the usual retries; at the first contact it fails
    // at once (above).
    const proxy = await harness.proxyWith([
      {
        kind: 'delay',
        ms: 400,
        match: (request) => request.method === 'POST' && request.path.includes('/blobs/uploads/'),
        times: 1,
      },
    ])
    const relay = await restartableRelay(proxy.host)
    try {
      const logger = recordingLogger()
      const pushing = push({
        retryBaseDelayMs: 300,
        tarball: tarballPath(),
        image: `${relay.host}/retry/restart`,
        tags: ['1'],
        concurrency: 1,
        logger,
      } satisfies PushOptions)
      // Down while the first upload is under way: that request is cut, new ones are refused.
      await waitFor(() => proxy.requests.some((request) => request.method === 'POST'))
      await relay.restart(800)
      const result = await pushing
      assert.equal(relay.restarts, 1)
      const refused = logger.warnings.filter((line) =>
        line.includes(`cannot connect to ${relay.host}: connection refused`),
      )
      assert.ok(
        refused.length >= 1,
        `refused connections were retried:\n${logger.warnings.join('\n')}`,
      )
      // One line per operation and failure: the same failure of one operation is not told again
      // (an upload's retry has a new session URL: URLs are compared by their origin).
      const operations = logger.warnings.map((line) =>
        line.replace(/; retry \d+ of .*$/, '').replace(/\b(https?:\/\/[^/\s]+)\S*/g, '$1'),
      )
      assert.equal(
        new Set(operations).size,
        operations.length,
        `no failure told twice for one operation:\n${logger.warnings.join('\n')}`,
      )
      await assertPushed('retry/restart', '1', result.images[0]!.digest)
    } finally {
      await relay.stop()
    }
  })
})

describe('--insecure against a registry that speaks plain HTTP: plain HTTP at once', () => {
  for (const answer of ['reset', 'close', 'garbage', 'http400'] as const) {
    it(`a TLS hello answered with ${answer === 'http400' ? 'an HTTP 400' : `a ${answer}`}: one TLS try, then the push over http://`, async () => {
      const registry = await plainHttpRegistry(answer)
      try {
        const repository = `insecure/${answer}`
        const run = await timedCli([
          'push',
          tarballPath(),
          '--image',
          `127.0.0.1:${registry.port}/${repository}`,
          '--tag',
          '1',
          '--insecure',
        ])
        assert.equal(run.code, 0, run.stderr)
        assert.equal(registry.hellos, 1, 'TLS was tried once, not retried')
        assert.deepEqual(retryLines(run.stderr), [])
        await assertPushed(repository, '1', digestOf(run.stdout)!)
      } finally {
        await registry.stop()
      }
    })
  }

  it('a name that does not look like loopback (reached through a proxy): --insecure falls back, without it the hint says so', async () => {
    const registry = await plainHttpRegistry('reset')
    const proxy = await routingProxy(registry.port)
    const env = cliEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url })
    const image = ['--image', 'plain.registry.invalid:5000/insecure/remote', '--tag', '1']
    try {
      const insecure = await timedCli(['push', tarballPath(), ...image, '--insecure'], env)
      assert.equal(insecure.code, 0, insecure.stderr)
      assert.equal(registry.hellos, 1, 'TLS was tried once')
      assert.deepEqual(retryLines(insecure.stderr), [])
      assert.ok(proxy.requested.includes('CONNECT plain.registry.invalid:5000'))
      assert.ok(proxy.requested.includes('GET http://plain.registry.invalid:5000/v2/'))
      await assertPushed('insecure/remote', '1', digestOf(insecure.stdout)!)

      // Without --insecure plain HTTP is not allowed: a reset is a reset (retried as asked),
      // and the hint says what would allow plain HTTP.
      const strict = await timedCli(['push', tarballPath(), ...image, '--retries', '1'], env)
      assert.equal(strict.code, 3, strict.stderr)
      assert.equal(retryLines(strict.stderr).length, 1)
      assert.match(
        strict.stderr,
        /error: NETWORK_ERROR: GET https:\/\/plain\.registry\.invalid:5000\/v2\/ failed: ECONNRESET; gave up after 2 attempts\n\s+hint: the connection was cut before TLS answered; if this registry speaks plain HTTP, set insecure \(--insecure\)/,
      )
    } finally {
      await proxy.stop()
      await registry.stop()
    }
  })

  it('without --insecure a non-TLS answer fails at once and says to set it', async () => {
    const registry = await plainHttpRegistry('garbage')
    const proxy = await routingProxy(registry.port)
    try {
      const run = await timedCli(
        [
          'push',
          tarballPath(),
          '--image',
          'plain.registry.invalid:5000/insecure/strict',
          '--tag',
          '1',
        ],
        cliEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }),
      )
      assert.equal(run.code, 3, run.stderr)
      assert.ok(run.ms <= FAST_MS, `took ${Math.round(run.ms)} ms`)
      assert.match(
        run.stderr,
        /error: TLS_ERROR: https:\/\/plain\.registry\.invalid:5000\/v2\/ does not speak TLS[\s\S]*hint: for a plain-HTTP registry set insecure \(--insecure\)/,
      )
      assert.equal(registry.hellos, 1)
    } finally {
      await proxy.stop()
      await registry.stop()
    }
  })
})

describe('a commit whose answer is lost is not uploaded again', () => {
  const isCommit = (request: { method: string; path: string }) =>
    request.method === 'PUT' && /[?&]digest=/.test(request.path)
  const digestOfRequest = (request: { path: string }) =>
    decodeURIComponent(/[?&]digest=([^&]+)/.exec(request.path)?.[1] ?? '')
  const sessions = (proxy: RunningProxy) =>
    proxy.requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith('/blobs/uploads/'),
    )
  /** Requests that carried blob bytes (a PUT or PATCH with a body). */
  const bodies = (proxy: RunningProxy) =>
    proxy.requests.filter(
      (request) =>
        (request.method === 'PUT' || request.method === 'PATCH') &&
        request.path.includes('/blobs/uploads/') &&
        request.headers['content-length'] !== '0',
    )

  async function pushWithLostCommit(
    name: string,
    repository: string,
    extra: Partial<PushOptions>,
    match: RequestMatcher,
  ) {
    const proxy = await harness.proxyWith([{ kind: 'drop-response', match, times: 1 }])
    const logger = recordingLogger()
    const result = await push({
      retryBaseDelayMs: 20,
      tarball: tarballPath(name),
      image: `${proxy.host}/${repository}`,
      tags: ['1'],
      logger,
      ...extra,
    })
    const dropped = proxy.requests.find((request) => request.fault === 'drop-response')
    assert.ok(dropped, 'the answer to one commit was dropped')
    assert.deepEqual([dropped.status, dropped.registryStatus], [0, 201], 'committed, answer lost')
    const digest = digestOfRequest(dropped)
    const after = proxy.requests.slice(proxy.requests.indexOf(dropped) + 1)
    const head = after.find(
      (request) => request.method === 'HEAD' && request.path.endsWith(`/blobs/${digest}`),
    )
    assert.equal(head?.status, 200, 'the blob was looked for after the lost answer, and found')
    assert.equal(
      proxy.requests.filter((request) => isCommit(request) && digestOfRequest(request) === digest)
        .length,
      1,
      'no second commit of that blob',
    )
    assert.equal(
      sessions(proxy).length,
      new Set(proxy.requests.filter(isCommit).map(digestOfRequest)).size,
      'one upload session per blob: none opened again',
    )
    assert.match(logger.infos.join('\n'), new RegExp(`${digest}: the registry committed it`))
    await assertPushed(repository, '1', result.images[0]!.digest)
    return { proxy, digest }
  }

  it('a monolithic PUT ?digest= that the registry committed: HEAD, and no second upload', async () => {
    const { proxy } = await pushWithLostCommit(
      'oci-archive-gzip',
      'lost/monolithic',
      {},
      (request) => isCommit(request) && request.headers?.['content-length'] !== '0',
    )
    assert.equal(bodies(proxy).length, sessions(proxy).length, 'every blob sent once')
  })

  it('the closing PUT of a chunked upload: the chunks are not sent again', async () => {
    const { proxy } = await pushWithLostCommit(
      'oci-archive-gzip',
      'lost/chunked',
      { chunkSize: 65536 },
      (request) => isCommit(request) && request.headers?.['content-length'] === '0',
    )
    const ranges = bodies(proxy).map(
      (request) => `${request.path.split('?')[0]} ${String(request.headers['content-range'])}`,
    )
    assert.equal(new Set(ranges).size, ranges.length, 'no chunk sent twice')
  })

  it('the closing PUT of a streamed (compressed on the way) upload: the layer is not streamed again', async () => {
    const { proxy } = await pushWithLostCommit(
      'docker-archive-skopeo',
      'lost/streamed',
      {},
      (request) => isCommit(request) && request.headers?.['content-length'] === '0',
    )
    assert.equal(bodies(proxy).length, sessions(proxy).length, 'every blob sent once')
  })
})
