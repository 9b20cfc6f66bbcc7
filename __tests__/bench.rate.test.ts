/**
 * The open model (--rate) against the real registry: iterations start on the schedule whatever
 * the registry answers; when it is slow (a fault proxy delays every manifest GET), iterations
 * that found every user busy wait and count their wait as latency, or are dropped and counted.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseRates, rateStages } from '../src/lib/loadtest/arrival.ts'
import { mergeResults } from '../src/lib/loadtest/merge.ts'
import { runBench } from '../src/lib/loadtest/run.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'

let registry: RunningRegistry
let slow: RunningProxy
const DELAY_MS = 300
before(async () => {
  registry = await startRegistry()
  slow = await startProxy({
    target: registry,
    faults: [
      {
        kind: 'delay',
        ms: DELAY_MS,
        times: 100_000,
        match: ({ method, path }) => method === 'GET' && path.includes('/manifests/'),
      },
    ],
  })
})
after(async () => {
  await slow.stop()
  await registry.stop()
})

const PULL = { scenario: 'pull' as const, layers: 1, layerSize: 16 * 1024, images: 1 }

describe('bench --rate (open model)', () => {
  it('reads rates and steps', () => {
    assert.deepEqual(parseRates('10/s, 120/m,2.5/s'), [10, 2, 2.5])
    assert.throws(() => parseRates('10'), /not a rate/)
    assert.throws(() => parseRates('0/s'), /not a rate/)
    assert.deepEqual(rateStages({ rates: [10, 20], durationMs: 4000 }), [
      { perSecond: 10, seconds: 2 },
      { perSecond: 20, seconds: 2 },
    ])
    assert.throws(() => rateStages({ rates: [10] }), /--duration or --step-duration/)
  })

  it('starts iterations at the asked rate, step by step, when users are free', async () => {
    const result = await runBench({
      ...PULL,
      registry: registry.host,
      vus: 4,
      rates: [10, 20],
      stepMs: 1500,
    })
    const arrivals = result.arrivals!
    assert.deepEqual(
      arrivals.stages.map(({ asked, started, dropped }) => ({ asked, started, dropped })),
      [
        { asked: 15, started: 15, dropped: 0 },
        { asked: 30, started: 30, dropped: 0 },
      ],
    )
    assert.equal(result.iterations.total.ok, 45)
    assert.equal(result.kinds['manifest GET']?.count, 45)
    assert.equal(result.stopReason, 'duration')
    assert.deepEqual(result.scenario.rate, [
      { perSecond: 10, seconds: 1.5 },
      { perSecond: 20, seconds: 1.5 },
    ])
  })

  it('keeps the schedule when the registry is slow: waits count as latency, the rest are dropped', async () => {
    // 2 users and 300 ms a pull: about 6.7 pulls a second can run, 20 are asked.
    const result = await runBench({
      ...PULL,
      registry: slow.host,
      vus: 2,
      rates: [20],
      durationMs: 2000,
      repoPrefix: 'slow/',
    })
    const arrivals = result.arrivals!
    assert.equal(arrivals.asked, 40, 'the schedule does not slow down with the registry')
    assert.ok(arrivals.dropped > 10, `dropped ${arrivals.dropped}`)
    assert.equal(arrivals.started + arrivals.dropped, arrivals.asked)
    const pull = result.iterations.scenarios.pull!
    assert.equal(pull.ok + pull.failed + pull.interrupted, arrivals.started)
    // A manifest GET takes the delay; an iteration that waited for a user took its wait too.
    const manifest = result.kinds['manifest GET']!.latency
    assert.ok(manifest.p50 >= DELAY_MS, `manifest GET p50 ${manifest.p50}`)
    assert.ok(
      pull.duration.max > manifest.max + DELAY_MS / 2,
      `iteration max ${pull.duration.max} ms vs request max ${manifest.max} ms`,
    )
  })

  it('merges schedules: rates, due, started and dropped add up step by step', async () => {
    const run = () =>
      runBench({ ...PULL, registry: registry.host, vus: 2, rates: [10], durationMs: 1000 })
    const [a, b] = [await run(), await run()]
    const merged = mergeResults([
      { file: 'a.json', result: a },
      { file: 'b.json', result: b },
    ])
    assert.equal(merged.arrivals!.asked, a.arrivals!.asked + b.arrivals!.asked)
    assert.equal(merged.arrivals!.started, a.arrivals!.started + b.arrivals!.started)
    assert.equal(merged.scenario.rate![0]!.perSecond, 20)
  })
})
