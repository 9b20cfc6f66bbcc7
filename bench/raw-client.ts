/**
 * A minimal raw registry client: the yardstick for `tar-push bench`'s own CPU cost (issue 22).
 * Zero dependencies, node:http with one keep-alive agent, N users each doing one request at a
 * time, no retries, and no metrics beyond a list of request latencies. It prints one JSON line;
 * its CPU is measured from outside (the process's user + system time).
 *
 *   node bench/raw-client.ts --registry 127.0.0.1:5000 --scenario pull --image raw/seed:1
 *       [--vus N] [--duration S] [--no-verify]
 *   node bench/raw-client.ts --registry 127.0.0.1:5000 --scenario push [--vus N] [--duration S]
 *       [--layer-size BYTES] [--repo-prefix P]
 *
 * pull: GET the manifest, then the config and every layer blob, each hashed with SHA-256 and
 * compared with its digest (--no-verify: only its byte count is compared with its size).
 * push: one fresh layer (a pre-made random buffer with a few bytes changed per iteration, so
 * every blob is new) and a config, each HEAD, POST, PUT ?digest= (monolithic), then PUT the
 * manifest.
 */
import { createHash, randomBytes } from 'node:crypto'
import { Agent, request } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    registry: { type: 'string' },
    scenario: { type: 'string', default: 'pull' },
    image: { type: 'string', default: 'raw/seed:1' },
    vus: { type: 'string', default: '1' },
    duration: { type: 'string', default: '20' },
    'no-verify': { type: 'boolean', default: false },
    'layer-size': { type: 'string', default: String(1 << 20) },
    'repo-prefix': { type: 'string', default: 'raw/vu-' },
  },
})
if (!values.registry) {
  process.stderr.write(
    'usage: node bench/raw-client.ts --registry HOST:PORT --scenario pull|push …\n',
  )
  process.exit(2)
}
const [hostname, port] = values.registry.split(':')
const vus = Number(values.vus)
const durationMs = Number(values.duration) * 1000
const verify = !values['no-verify']
const layerSize = Number(values['layer-size'])

const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json'
const ACCEPT = `${MANIFEST_TYPE}, application/vnd.docker.distribution.manifest.v2+json`
const agent = new Agent({ keepAlive: true, maxSockets: vus })
const latencies: number[] = []
let iterations = 0
let failed = 0

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer | undefined
  bytes: number
  sha256: string | undefined
}

/**
 * One request; `sink` says what to do with the response body: keep it, hash it, or count it.
 * The latency (request start to the body's end) goes into the list.
 */
function send(
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body: Buffer | undefined,
  sink: 'keep' | 'hash' | 'count',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(
      { agent, hostname, port, method, path, headers },
      (res: IncomingMessage) => {
        const hash = sink === 'hash' ? createHash('sha256') : undefined
        const chunks: Buffer[] = []
        let bytes = 0
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          if (hash) hash.update(chunk)
          else if (sink === 'keep') chunks.push(chunk)
        })
        res.on('end', () => {
          latencies.push(performance.now() - started)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: sink === 'keep' ? Buffer.concat(chunks) : undefined,
            bytes,
            sha256: hash ? `sha256:${hash.digest('hex')}` : undefined,
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

function expect(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) throw new Error(`${what}: HTTP ${reply.status}, expected ${status}`)
}

interface Descriptor {
  digest: string
  size: number
}

async function pullOnce(repository: string, reference: string): Promise<void> {
  const manifestReply = await send(
    'GET',
    `/v2/${repository}/manifests/${reference}`,
    { accept: ACCEPT },
    undefined,
    'keep',
  )
  expect(manifestReply, 200, 'manifest GET')
  const manifest = JSON.parse(manifestReply.body!.toString()) as {
    config: Descriptor
    layers: Descriptor[]
  }
  for (const blob of [manifest.config, ...manifest.layers]) {
    const reply = await send(
      'GET',
      `/v2/${repository}/blobs/${blob.digest}`,
      {},
      undefined,
      verify ? 'hash' : 'count',
    )
    expect(reply, 200, 'blob GET')
    if (reply.bytes !== blob.size) throw new Error(`blob ${blob.digest}: ${reply.bytes} bytes`)
    if (verify && reply.sha256 !== blob.digest) throw new Error(`blob ${blob.digest}: bad digest`)
  }
}

async function uploadBlob(repository: string, blob: Buffer, digest: string): Promise<void> {
  const head = await send('HEAD', `/v2/${repository}/blobs/${digest}`, {}, undefined, 'count')
  if (head.status === 200) return
  expect(head, 404, 'blob HEAD')
  const post = await send(
    'POST',
    `/v2/${repository}/blobs/uploads/`,
    { 'content-length': 0 },
    undefined,
    'count',
  )
  expect(post, 202, 'upload POST')
  const location = new URL(String(post.headers.location), `http://${values.registry}`)
  location.searchParams.set('digest', digest)
  const put = await send(
    'PUT',
    location.pathname + location.search,
    { 'content-type': 'application/octet-stream', 'content-length': blob.length },
    blob,
    'count',
  )
  expect(put, 201, 'upload PUT')
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

async function pushOnce(repository: string, layer: Buffer, sequence: number): Promise<void> {
  layer.writeUInt32BE(sequence, 0) // with the user's own pool: a new blob every iteration
  const layerDigest = sha256(layer)
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layerDigest] },
    }),
  )
  const configDigest = sha256(config)
  await uploadBlob(repository, layer, layerDigest)
  await uploadBlob(repository, config, configDigest)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_TYPE,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar',
          digest: layerDigest,
          size: layer.length,
        },
      ],
    }),
  )
  const put = await send(
    'PUT',
    `/v2/${repository}/manifests/latest`,
    { 'content-type': MANIFEST_TYPE, 'content-length': manifest.length },
    manifest,
    'count',
  )
  expect(put, 201, 'manifest PUT')
}

async function user(vu: number, deadline: number): Promise<void> {
  const [repository, reference] = values.image.split(':')
  // Each user's own random pool; bytes 4-7 say which user, bytes 0-3 which iteration.
  const layer = values.scenario === 'push' ? randomBytes(layerSize) : Buffer.alloc(0)
  if (values.scenario === 'push') layer.writeUInt32BE(vu, 4)
  let sequence = 0
  while (performance.now() < deadline) {
    try {
      if (values.scenario === 'push')
        await pushOnce(`${values['repo-prefix']}${vu}`, layer, ++sequence)
      else await pullOnce(repository, reference ?? 'latest')
      iterations++
    } catch (error) {
      failed++
      if (failed === 1) process.stderr.write(`raw-client: ${(error as Error).message}\n`)
    }
  }
}

const started = performance.now()
const cpuAtStart = process.cpuUsage()
const deadline = started + durationMs
await Promise.all(Array.from({ length: vus }, (_, index) => user(index + 1, deadline)))
const elapsedSeconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuAtStart)
agent.destroy()
latencies.sort((a, b) => a - b)
const p50 = latencies[Math.floor(latencies.length / 2)] ?? 0
process.stdout.write(
  `${JSON.stringify({
    scenario: values.scenario,
    vus,
    verify,
    iterations,
    failed,
    elapsedSeconds: Number(elapsedSeconds.toFixed(3)),
    // User + system CPU of the loop alone, as tar-push bench reports its measured run's.
    runCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    requests: latencies.length,
    p50Ms: Number(p50.toFixed(3)),
  })}\n`,
)
