/**
 * tar-push bench counts exactly: a fault proxy in front of the real registry records every
 * request it forwards or answers, and its count must equal the bench's, kind by kind, with
 * injected 503/429 showing up as errors by status (and retries, when turned on, counted too).
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBench, type BenchOptions } from '../src/lib/loadtest/run.ts'
import { JTL_COLUMNS } from '../src/lib/loadtest/jtl.ts'
import { requestKind } from '../src/lib/loadtest/requests.ts'
import { allRequests, type BenchResult } from '../src/lib/loadtest/result.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'
import { startProxy, type Fault, type RunningProxy } from './support/proxy.ts'

let registry: RunningRegistry
const proxies: RunningProxy[] = []
before(async () => {
  registry = await startRegistry()
})
after(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()))
  await registry.stop()
})

async function proxyWith(faults: Fault[] = []): Promise<RunningProxy> {
  const proxy = await startProxy({ target: registry, faults })
  proxies.push(proxy)
  return proxy
}

const SMALL: Partial<BenchOptions> = { layers: 2, layerSize: 64 * 1024 }

/** Requests per kind as the proxy saw them. */
function proxyKinds(proxy: RunningProxy): Record<string, number> {
  const kinds: Record<string, number> = {}
  for (const request of proxy.requests) {
    const kind = requestKind(request.method, request.path)
    kinds[kind] = (kinds[kind] ?? 0) + 1
  }
  return kinds
}

/** Requests per kind as the bench counted them, measured or not. */
function benchKinds(result: BenchResult): Record<string, number> {
  const kinds: Record<string, number> = {}
  const add = (kind: string, count: number) => (kinds[kind] = (kinds[kind] ?? 0) + count)
  for (const [kind, stats] of Object.entries(result.kinds)) add(kind, stats.count)
  for (const phase of [result.untimed.setup, result.untimed.cleanup])
    for (const [kind, count] of Object.entries(phase.kinds)) add(kind, count)
  return kinds
}

const sorted = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)))

/** RFC 4180 CSV, as JMeter reads it (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}

describe('bench counts every request exactly (fault proxy in front of the registry)', () => {
  it('the proxy count equals the report, kind by kind; --iterations is exact; the JTL has one row per request', async () => {
    const proxy = await proxyWith()
    const jtl = join(await mkdtemp(join(tmpdir(), 'bench-jtl-')), 'run.jtl')
    const result = await runBench({
      ...SMALL,
      registry: proxy.host,
      scenario: 'push',
      vus: 3,
      iterations: 7,
      jtl,
    })
    assert.equal(result.stopReason, 'iterations')
    assert.equal(result.iterations.total.count, 7)
    assert.equal(result.iterations.total.ok, 7)
    assert.equal(proxy.requests.length, allRequests(result))
    assert.deepEqual(sorted(benchKinds(result)), sorted(proxyKinds(proxy)))
    // 7 pushes of 2 layers + config: HEAD, POST, PATCH, PUT per blob, one manifest PUT each.
    for (const kind of ['blob HEAD', 'blob POST', 'blob PATCH', 'blob PUT'])
      assert.equal(result.kinds[kind]?.count, 21, kind)
    assert.equal(result.kinds['manifest PUT']?.count, 7)
    assert.equal(result.kinds['ping']?.count, 3, 'one ping per virtual user')
    assert.equal(result.totals.errors, 0)
    assert.ok(result.kinds['blob PATCH']!.bytesSent > 14 * 64 * 1024)

    const rows = parseCsv(await readFile(jtl, 'utf8'))
    assert.deepEqual(rows[0], [...JTL_COLUMNS])
    const samples = rows.slice(1)
    assert.equal(samples.length, result.totals.requests)
    for (const row of samples) assert.equal(row.length, JTL_COLUMNS.length, row.join(','))
    const column = (name: (typeof JTL_COLUMNS)[number]) => JTL_COLUMNS.indexOf(name)
    const labels: Record<string, number> = {}
    for (const row of samples)
      labels[row[column('label')]!] = (labels[row[column('label')]!] ?? 0) + 1
    assert.deepEqual(
      sorted(labels),
      sorted(
        Object.fromEntries(
          Object.entries(result.kinds).map(([kind, stats]) => [kind, stats.count]),
        ),
      ),
    )
    assert.ok(samples.every((row) => row[column('success')] === 'true'))
    const patchBytes = samples
      .filter((row) => row[column('label')] === 'blob PATCH')
      .reduce((sum, row) => sum + Number(row[column('sentBytes')]), 0)
    assert.equal(patchBytes, result.kinds['blob PATCH']!.bytesSent)
  })

  it('injected 503 and 429 show as errors by status, their iterations as failed', async () => {
    const proxy = await proxyWith([
      { kind: 'status', status: 503, match: (request) => request.method === 'PATCH', times: 1 },
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '1' },
        match: (request) => request.method === 'PUT' && request.path.includes('/manifests/'),
        times: 1,
      },
    ])
    const result = await runBench({
      ...SMALL,
      registry: proxy.host,
      scenario: 'push',
      vus: 2,
      iterations: 6,
    })
    assert.equal(proxy.requests.length, allRequests(result))
    assert.deepEqual(sorted(benchKinds(result)), sorted(proxyKinds(proxy)))
    assert.deepEqual(result.kinds['blob PATCH']?.errorsByStatus, { '503': 1 })
    assert.deepEqual(result.kinds['manifest PUT']?.errorsByStatus, { '429': 1 })
    assert.deepEqual(sorted(result.totals.errorsByStatus), { '429': 1, '503': 1 })
    assert.equal(result.totals.errors, 2)
    assert.equal(result.iterations.total.count, 6)
    assert.equal(result.iterations.total.failed, 2)
    assert.equal(result.iterations.total.ok, 4)
    assert.deepEqual(result.iterations.total.errorsByCode, { REGISTRY_ERROR: 2 })
    assert.ok(result.errorSamples.some((message) => /429/.test(message)))
  })

  it('with --retries the retried requests are counted too, and the errors stay visible', async () => {
    const proxy = await proxyWith([
      { kind: 'status', status: 503, match: (request) => request.method === 'HEAD', times: 2 },
    ])
    const result = await runBench({
      ...SMALL,
      registry: proxy.host,
      scenario: 'push',
      vus: 1,
      iterations: 2,
      connect: { retries: 3, retryBaseDelayMs: 10 },
    })
    assert.equal(result.iterations.total.ok, 2)
    assert.equal(proxy.requests.length, allRequests(result))
    assert.equal(result.kinds['blob HEAD']?.count, 6 + 2)
    assert.deepEqual(result.kinds['blob HEAD']?.errorsByStatus, { '503': 2 })
  })

  it('a registry that resets connections: errors by network code, nothing lost from the count', async () => {
    const proxy = await proxyWith([
      { kind: 'reset', match: (request) => request.method === 'POST', times: 1 },
    ])
    const result = await runBench({
      ...SMALL,
      registry: proxy.host,
      scenario: 'push',
      vus: 1,
      iterations: 3,
    })
    assert.equal(proxy.requests.length, allRequests(result))
    assert.equal(result.iterations.total.failed, 1)
    const [code] = Object.keys(result.kinds['blob POST']?.errorsByStatus ?? {})
    assert.match(code ?? '', /ECONNRESET|UND_ERR_SOCKET|EPIPE/)
  })
})
