/**
 * `tar-push bench --workers 2`: two threads of one process share the users, and the report is
 * their exact sum. The CLI runs as a user starts it, against the real registry behind a proxy
 * that counts every request it forwards.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { decodeHistogram } from '../src/lib/loadtest/histogram.ts'
import { requestKind } from '../src/lib/loadtest/requests.ts'
import { allRequests, type BenchResult } from '../src/lib/loadtest/result.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'
import { startRegistry, httpRequest, type RunningRegistry } from './support/registry.ts'
import { runAction } from './support/run-action.ts'
import { runNode } from './support/run-node.ts'

const CLI = join(import.meta.dirname, '..', 'src', 'cli.ts')

let registry: RunningRegistry
let proxy: RunningProxy
before(async () => {
  registry = await startRegistry()
  proxy = await startProxy({ target: registry, faults: [] })
})
after(async () => {
  await proxy.stop()
  await registry.stop()
})

async function bench(args: string[]): Promise<{ result: BenchResult; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-workers-'))
  const out = join(dir, 'result.json')
  const run = await runNode(CLI, [
    'bench',
    '--registry',
    proxy.host,
    '--layers',
    '2',
    '--layer-size',
    '32KiB',
    '--out',
    out,
    '--jtl',
    join(dir, 'run.jtl'),
    ...args,
  ])
  assert.equal(run.code, 0, run.stderr)
  return { result: JSON.parse(await readFile(out, 'utf8')) as BenchResult, dir }
}

describe('bench --workers', () => {
  it('two threads push: the report is the sum, kind by kind, as the proxy counted', async () => {
    const before = proxy.requests.length
    const { result, dir } = await bench([
      '--scenario',
      'push',
      '--vus',
      '4',
      '--iterations',
      '10',
      '--workers',
      '2',
      '--repo-prefix',
      'workers/',
    ])
    assert.equal(result.workers, 2)
    assert.equal(result.scenario.vus, 4)
    assert.equal(result.iterations.total.ok, 10)
    assert.equal(result.stopReason, 'iterations')
    const seen = proxy.requests.slice(before)
    assert.equal(seen.length, allRequests(result))
    const byKind: Record<string, number> = {}
    for (const request of seen) {
      const kind = requestKind(request.method, request.path)
      byKind[kind] = (byKind[kind] ?? 0) + 1
    }
    const counted: Record<string, number> = {}
    const add = (kind: string, count: number) => (counted[kind] = (counted[kind] ?? 0) + count)
    for (const [kind, stats] of Object.entries(result.kinds)) add(kind, stats.count)
    for (const phase of [result.untimed.setup, result.untimed.cleanup])
      for (const [kind, count] of Object.entries(phase.kinds)) add(kind, count)
    assert.deepEqual(counted, byKind)
    for (const [kind, stats] of Object.entries(result.kinds)) {
      // Histograms were added, not averaged: they hold every request.
      assert.equal(decodeHistogram(stats.histograms.latency).totalCount, stats.count, kind)
    }
    assert.equal(result.kinds['manifest PUT']?.count, 10)
    assert.equal(result.kinds['ping']?.count, 4, 'one ping per user, across both threads')
    assert.equal(decodeHistogram(result.iterations.total.histogram).totalCount, 10)
    // Users are numbered across the threads: each pushed to a repository of its own.
    const tags = await Promise.all(
      [1, 2, 3, 4].map(async (vu) => {
        const response = await httpRequest(`${registry.url}/v2/workers/vu-${vu}/tags/list`)
        return response.status === 200 ? (JSON.parse(response.body) as { tags: string[] }).tags : []
      }),
    )
    assert.equal(tags.flat().length, 10)
    assert.ok(tags.every((list) => list.length > 0))
    // One JTL, one header, a row per measured request; the threads' parts are gone.
    const jtl = (await readFile(join(dir, 'run.jtl'), 'utf8')).trim().split('\n')
    assert.equal(jtl.filter((line) => line.startsWith('timeStamp')).length, 1)
    assert.equal(jtl.length - 1, result.totals.requests)
    assert.deepEqual(await readdir(dirname(join(dir, 'run.jtl'))), ['result.json', 'run.jtl'])
  })

  it('two threads pull on an open schedule: the rate is shared out and added up', async () => {
    const { result } = await bench([
      '--scenario',
      'pull',
      '--vus',
      '4',
      '--workers',
      '2',
      '--rate',
      '20/s',
      '--duration',
      '2s',
      '--images',
      '1',
    ])
    assert.equal(result.workers, 2)
    assert.equal(result.arrivals?.asked, 40)
    assert.equal(result.arrivals.started + result.arrivals.dropped, 40)
    assert.equal(result.iterations.total.ok, result.arrivals.started)
    assert.equal(result.kinds['manifest GET']?.count, result.arrivals.started)
    assert.deepEqual(result.scenario.rate, [{ perSecond: 20, seconds: 2 }])
  })

  it('the bench action takes workers and rate: its threads share them, its outputs are the sum', async () => {
    const run = await runAction(resolve(import.meta.dirname, '../dist/bench/index.js'), {
      registry: proxy.host,
      scenario: 'pull',
      vus: '2',
      workers: '2',
      rate: '10/s',
      duration: '2s',
      layers: '1',
      'layer-size': '16KiB',
      images: '1',
      jtl: 'true',
    })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    const result = JSON.parse(await readFile(run.outputs['result']!, 'utf8')) as BenchResult
    assert.equal(result.workers, 2)
    assert.equal(result.arrivals?.asked, 20)
    assert.equal(run.outputs['requests'], String(result.totals.requests))
    const jtl = (await readFile(run.outputs['jtl']!, 'utf8')).trim().split('\n')
    assert.equal(jtl.length - 1, result.totals.requests)
  })
})
