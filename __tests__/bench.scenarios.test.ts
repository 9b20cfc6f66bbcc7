/**
 * tar-push bench scenarios end to end against the real registry: what push wrote can be read
 * back, pull checks what it reads, head and mixed do what they say, and the run is bounded by
 * its duration, its iterations and a stop signal; --cleanup removes what was pushed.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { runBench, type BenchOptions } from '../src/lib/loadtest/run.ts'
import { httpRequest, startRegistry, type RunningRegistry } from './support/registry.ts'
import { copyToDir } from './support/skopeo.ts'

let registry: RunningRegistry
before(async () => {
  registry = await startRegistry()
})
after(() => registry.stop())

const SMALL: Partial<BenchOptions> = { layers: 2, layerSize: 32 * 1024 }
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

async function tagsOf(repository: string): Promise<string[]> {
  const response = await httpRequest(`${registry.url}/v2/${repository}/tags/list`)
  if (response.status === 404) return []
  return ((JSON.parse(response.body) as { tags: string[] | null }).tags ?? []).sort()
}

describe('bench scenarios against the real registry', () => {
  it('push: every pushed image can be read back, blob by blob', async () => {
    const result = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'push',
      vus: 2,
      iterations: 4,
      repoPrefix: 'readback/',
    })
    assert.equal(result.iterations.scenarios.push?.ok, 4)
    const tags = [...(await tagsOf('readback/vu-1')), ...(await tagsOf('readback/vu-2'))]
    assert.equal(tags.length, 4)
    const [tag] = await tagsOf('readback/vu-1')
    const manifest = await httpRequest(`${registry.url}/v2/readback/vu-1/manifests/${tag}`, {
      headers: { accept: OCI_MANIFEST },
    })
    assert.equal(manifest.status, 200)
    const parsed = JSON.parse(manifest.body) as {
      config: { digest: string }
      layers: { digest: string; size: number }[]
    }
    assert.equal(parsed.layers.length, 2)
    const config = await httpRequest(
      `${registry.url}/v2/readback/vu-1/blobs/${parsed.config.digest}`,
    )
    assert.equal(
      `sha256:${createHash('sha256').update(config.body).digest('hex')}`,
      parsed.config.digest,
    )
    // skopeo copies it out, checking every blob's digest.
    await copyToDir(`${registry.host}/readback/vu-1:${tag}`, { registry })
  })

  it('pull: seeds images untimed, then manifest GET and verified blob GETs', async () => {
    const result = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'pull',
      vus: 2,
      iterations: 6,
      images: 2,
    })
    const pull = result.iterations.scenarios.pull!
    assert.equal(pull.ok, 6)
    assert.equal(result.kinds['manifest GET']?.count, 6)
    assert.equal(result.kinds['blob GET']?.count, 6 * 3)
    assert.equal(result.kinds['blob PATCH'], undefined, 'seeding is not measured')
    assert.ok(result.untimed.setup.kinds['blob PATCH']! >= 2 * 3)
    // Every blob byte came in: 6 pulls of 2 layers of 32 KiB (plus tar framing) and a config.
    const received = result.kinds['blob GET']!.bytesReceived
    assert.ok(received > 6 * 2 * 32 * 1024 && received < 6 * 2 * 40 * 1024, String(received))
    assert.equal(result.scenario.verify, true)
    // An iteration's bytes are its own requests' (the users' pings come before their first).
    assert.equal(pull.bytes, received + result.kinds['manifest GET']!.bytesReceived)
  })

  it('pull with verify off still checks sizes and succeeds', async () => {
    const result = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'pull',
      vus: 1,
      iterations: 2,
      images: 1,
      verify: false,
    })
    assert.equal(result.iterations.scenarios.pull?.ok, 2)
    assert.equal(result.scenario.verify, false)
  })

  it('head: HEAD storms on manifests and blobs, nothing downloaded', async () => {
    const result = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'head',
      vus: 3,
      iterations: 9,
      images: 3,
    })
    assert.equal(result.iterations.scenarios.head?.ok, 9)
    assert.equal(result.kinds['manifest HEAD']?.count, 9)
    assert.equal(result.kinds['blob HEAD']?.count, 27)
    assert.equal(result.kinds['blob GET'], undefined)
  })

  it('mixed: the weights hold exactly over the iterations', async () => {
    const result = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'mixed',
      mix: { push: 1, pull: 2, head: 1 },
      vus: 2,
      iterations: 8,
      images: 1,
    })
    const { scenarios } = result.iterations
    assert.deepEqual([scenarios.push?.ok, scenarios.pull?.ok, scenarios.head?.ok], [2, 4, 2])
    assert.deepEqual(result.scenario.mix, { push: 1, pull: 2, head: 1 })
  })

  it('--duration with --ramp-up: a per-second series on absolute time, users ramped', async () => {
    const before = Math.floor(Date.now() / 1000)
    const result = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'push',
      vus: 2,
      durationMs: 3000,
      rampUpMs: 2000,
    })
    assert.equal(result.stopReason, 'duration')
    assert.ok(result.seconds >= 3 && result.seconds < 7, String(result.seconds))
    const { series } = result
    assert.ok(series.length >= 3)
    assert.ok(series[0]!.t >= before)
    series.forEach((second, index) => assert.equal(second.t, series[0]!.t + index))
    assert.equal(
      series.reduce((sum, second) => sum + second.requests, 0),
      result.totals.requests,
    )
    assert.equal(
      series.reduce((sum, second) => sum + second.iterations, 0),
      result.iterations.total.count,
    )
    assert.equal(Math.max(...series.map((second) => second.activeVus)), 2)
    assert.equal(series[0]!.activeVus, 1, 'the second user starts a second later')
    assert.ok(result.iterations.total.ok > 2)
    assert.ok(result.cpu.generator.seconds > 0)
  })

  it('upload variants: monolithic (POST, PUT), PATCH chunks, a fresh client per iteration', async () => {
    const monolithic = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'push',
      vus: 1,
      iterations: 2,
      upload: 'monolithic',
    })
    assert.equal(monolithic.iterations.total.ok, 2)
    assert.equal(monolithic.kinds['blob PATCH'], undefined)
    assert.equal(monolithic.kinds['blob PUT']?.count, 6)
    assert.ok(monolithic.kinds['blob PUT']!.bytesSent > 2 * 2 * 32 * 1024)

    const chunked = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'push',
      vus: 1,
      iterations: 2,
      chunkSize: 16 * 1024,
      reconnect: true,
    })
    assert.equal(chunked.iterations.total.ok, 2)
    // Each 32 KiB layer (plus its tar framing) takes 3 chunks of 16 KiB; the config one.
    assert.equal(chunked.kinds['blob PATCH']?.count, 2 * (2 * 3 + 1))
    assert.equal(chunked.kinds['ping']?.count, 2, 'one ping per iteration with reconnect')
  })

  it('a stop signal (Ctrl-C) ends the run at once, with a report', async () => {
    const stop = new AbortController()
    setTimeout(() => stop.abort(), 800)
    const started = Date.now()
    const result = await runBench({
      registry: registry.host,
      scenario: 'push',
      vus: 2,
      durationMs: 60_000,
      layers: 1,
      layerSize: 8 * 1024 * 1024,
      signal: stop.signal,
    })
    assert.ok(Date.now() - started < 10_000)
    assert.equal(result.stopReason, 'interrupted')
    assert.ok(result.totals.requests > 0)
    assert.equal(result.totals.errors, 0, 'requests cut by the stop are not errors')
  })

  it('--cleanup deletes the pushed manifests (and the seeded ones)', async () => {
    const result = await runBench({
      ...SMALL,
      registry: registry.host,
      scenario: 'mixed',
      mix: { push: 1, pull: 1 },
      vus: 1,
      iterations: 4,
      images: 1,
      repoPrefix: 'cleanme/',
      cleanup: true,
    })
    assert.deepEqual(result.cleanup, { manifests: 3, deleted: 3, failed: 0 })
    assert.deepEqual(await tagsOf('cleanme/vu-1'), [])
    assert.deepEqual(await tagsOf('cleanme/seed'), [])
    assert.equal(result.untimed.cleanup.kinds['manifest DELETE'], 3)
  })
})
