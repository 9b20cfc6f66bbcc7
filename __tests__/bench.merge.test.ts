/**
 * A matrix of runners simulated on this machine: three `tar-push bench` processes
 * (dist/cli/index.js) started together by --start-at against the local registry through the
 * counting fault proxy, then `tar-push bench merge`; and the bench and merge actions as a runner
 * runs them (dist/bench/index.js, dist/bench-merge/index.js).
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { allRequests, RESULT_FORMAT, type BenchResult } from '../src/lib/loadtest/result.ts'
import { startRegistry, type RunningRegistry } from './support/registry.ts'
import { startProxy, type RunningProxy } from './support/proxy.ts'
import { runNode } from './support/run-node.ts'
import { runAction } from './support/run-action.ts'

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js')
const BENCH_ACTION = resolve(import.meta.dirname, '../dist/bench/index.js')
const MERGE_ACTION = resolve(import.meta.dirname, '../dist/bench-merge/index.js')
let registry: RunningRegistry
let proxy: RunningProxy
let work: string

before(async () => {
  ;[registry, work] = await Promise.all([startRegistry(), mkdtemp(join(tmpdir(), 'bench-merge-'))])
  proxy = await startProxy({ target: registry })
})
after(async () => {
  await proxy.stop()
  await registry.stop()
})

const env = (): NodeJS.ProcessEnv => ({
  PATH: process.env['PATH'],
  HOME: work,
  DOCKER_CONFIG: work,
})
const SMALL = ['--layers', '1', '--layer-size', '16KiB']
const readResult = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as BenchResult

/** Request durations of JTL files (ms, as JMeter writes them: whole milliseconds). */
async function jtlElapsed(paths: readonly string[]): Promise<number[]> {
  const values: number[] = []
  for (const path of paths) {
    const [, ...rows] = (await readFile(path, 'utf8')).trimEnd().split('\n')
    // timeStamp and elapsed lead every row and are never quoted.
    for (const row of rows) values.push(Number(row.split(',')[1]))
  }
  return values
}

/** HdrHistogram's percentile of raw values: the smallest with at least p% at or below it. */
function rawPercentile(values: readonly number[], percentile: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil((percentile / 100) * sorted.length)) - 1]!
}

describe('three bench processes started together, merged (tar-push bench merge)', () => {
  const dir = () => join(work, 'results')
  const jobs = [1, 2, 3]

  it('total requests equal the proxy count; merged p99 is the p99 of all samples', async () => {
    await mkdir(dir())
    const startAt = (Date.now() + 3000) / 1000
    const runs = await Promise.all(
      jobs.map((job) =>
        runNode(
          CLI,
          [
            'bench',
            '--registry',
            proxy.host,
            '--vus',
            '2',
            '--duration',
            '3s',
            ...SMALL,
            '--repo-prefix',
            `bench/job${job}/`,
            '--start-at',
            startAt.toFixed(3),
            '--out',
            join(dir(), `job-${job}.json`),
            '--jtl',
            join(dir(), `job-${job}.jtl`),
          ],
          { env: env() },
        ),
      ),
    )
    for (const run of runs) {
      assert.equal(run.code, 0, run.stderr)
      assert.match(run.stderr, /waiting \d+\.\d s for --start-at/)
    }
    const merge = await runNode(
      CLI,
      [
        'bench',
        'merge',
        join(dir(), '*.json'),
        '--out',
        join(work, 'total.json'),
        '--summary',
        join(work, 'total.md'),
      ],
      { env: env() },
    )
    assert.equal(merge.code, 0, merge.stderr)
    const merged = await readResult(join(work, 'total.json'))
    const results = await Promise.all(jobs.map((job) => readResult(join(dir(), `job-${job}.json`))))

    assert.equal(merged.format, RESULT_FORMAT)
    assert.equal(allRequests(merged), proxy.requests.length, 'every request the proxy saw')
    assert.equal(
      merged.totals.requests,
      results.reduce((sum, result) => sum + result.totals.requests, 0),
    )
    assert.equal(merged.scenario.vus, 6)
    assert.equal(
      merged.series.reduce((sum, second) => sum + second.requests, 0),
      merged.totals.requests,
    )

    // JTL durations are whole milliseconds: the raw p99 is known within 0.5 ms, the histogram's
    // within 0.1% (3 significant digits).
    const elapsed = await jtlElapsed(jobs.map((job) => join(dir(), `job-${job}.jtl`)))
    assert.equal(elapsed.length, merged.totals.requests)
    for (const percentile of [50, 99] as const) {
      const raw = rawPercentile(elapsed, percentile)
      const ours = merged.totals.latency[`p${percentile}`]
      assert.ok(
        Math.abs(ours - raw) <= 0.5 + raw * 1e-3 + 0.001,
        `p${percentile}: merged ${ours} ms, raw samples ${raw} ms`,
      )
    }

    const info = merged.merged!
    assert.equal(info.jobs.length, 3)
    assert.ok(info.startSpreadMs < 1500, `jobs started ${info.startSpreadMs} ms apart`)
    for (const job of info.jobs) {
      assert.equal(job.startAtMs, Math.round(startAt * 1000))
      assert.ok(job.lateMs! >= 0 && job.lateMs! < 1500, `late by ${job.lateMs} ms`)
    }
    assert.match(merge.stderr, /6 virtual users in 3 jobs/)
    assert.match(merge.stderr, /3 jobs, starts spread over/)
    const markdown = await readFile(join(work, 'total.md'), 'utf8')
    assert.match(markdown, /\| job \| host \| start \| late \|/)
    assert.match(markdown, /```mermaid\nxychart-beta/)
  })

  it('the merged file merges again to the same numbers; a job already in it is refused', async () => {
    const again = await runNode(CLI, ['bench', 'merge', join(work, 'total.json'), '--json'], {
      env: env(),
    })
    assert.equal(again.code, 0, again.stderr)
    const merged = await readResult(join(work, 'total.json'))
    const remerged = JSON.parse(again.stdout) as BenchResult
    assert.deepEqual(remerged.totals, merged.totals)
    assert.deepEqual(remerged.kinds, merged.kinds)
    assert.deepEqual(remerged.series, merged.series)
    assert.equal(remerged.merged!.jobs.length, 3)

    const twice = await runNode(
      CLI,
      ['bench', 'merge', join(work, 'total.json'), join(dir(), 'job-1.json')],
      { env: env() },
    )
    assert.equal(twice.code, 2)
    assert.match(twice.stderr, /total\.json > .*job-1\.json and .*job-1\.json hold the same run/)
  })

  it('refuses a merge of different scenarios or tar-push versions, naming the files', async () => {
    const head = join(work, 'head.json')
    const other = await runNode(
      CLI,
      [
        'bench',
        '--registry',
        proxy.host,
        '--scenario',
        'head',
        '--vus',
        '1',
        '--duration',
        '1s',
        ...SMALL,
        '--out',
        head,
      ],
      { env: env() },
    )
    assert.equal(other.code, 0, other.stderr)
    const scenarios = await runNode(CLI, ['bench', 'merge', join(dir(), 'job-1.json'), head], {
      env: env(),
    })
    assert.equal(scenarios.code, 2)
    assert.match(
      scenarios.stderr,
      /USAGE: cannot merge results of different scenarios \(scenario\.name\): "push" in .*job-1\.json; "head" in .*head\.json/,
    )

    const newer = await readResult(join(dir(), 'job-2.json'))
    newer.tool.version = '9.9.9'
    await writeFile(join(work, 'newer.json'), JSON.stringify(newer))
    const versions = await runNode(
      CLI,
      ['bench', 'merge', join(dir(), 'job-1.json'), join(work, 'newer.json')],
      { env: env() },
    )
    assert.equal(versions.code, 2)
    assert.match(
      versions.stderr,
      /different tar-push versions: "0\.1\.0" in .*job-1\.json; "9\.9\.9" in .*newer\.json/,
    )
    const mode = await runNode(CLI, ['bench', 'merge', head, '--vus', '3'], { env: env() })
    assert.match(mode.stderr, /--vus: not an option of bench merge/)
    const none = await runNode(CLI, ['bench', 'merge', join(work, 'nothing-*.json')], {
      env: env(),
    })
    assert.match(none.stderr, /no result file matches/)
  })

  it('--start-at an hour and more ahead, or long past, is a usage error', async () => {
    for (const [at, message] of [
      [String(Math.round(Date.now() / 1000) + 7200), /is 120 min away; at most 1 h ahead/],
      ['2020-01-01T00:00:00Z', /--start-at 2020-01-01T00:00:00\.000Z was \d+ min ago/],
      ['2030-01-01T00:00', /has no time zone/],
    ] as const) {
      const run = await runNode(
        CLI,
        ['bench', '--registry', proxy.host, '--start-at', at, '--duration', '1s'],
        { env: env() },
      )
      assert.equal(run.code, 2)
      assert.match(run.stderr, message)
    }
  })
})

describe('the bench and bench merge actions (bench/action.yml, bench/merge/action.yml)', () => {
  it('two bench jobs write their results and summaries; the merge action adds them up', async () => {
    const startAt = new Date(Date.now() + 2500).toISOString()
    const inputs = (job: string) => ({
      registry: registry.host,
      vus: '2',
      duration: '2s',
      layers: '1',
      'layer-size': '16KiB',
      'start-at': startAt,
      'repo-prefix': `bench/action-${job}/`,
      jtl: 'true',
      timeout: '300',
    })
    const runs = await Promise.all(
      ['a', 'b'].map((job) => runAction(BENCH_ACTION, inputs(job), { GITHUB_JOB: `load-${job}` })),
    )
    const artifacts = join(work, 'artifacts')
    await mkdir(artifacts)
    for (const run of runs) {
      assert.equal(run.code, 0, run.stdout + run.stderr)
      const path = run.outputs['result']!
      assert.match(path, /tar-push-bench\/load-[ab]-[\w-]+\.json$/)
      const result = await readResult(path)
      assert.equal(run.outputs['requests'], String(result.totals.requests))
      assert.equal(run.outputs['errors'], '0')
      assert.equal(Number(run.outputs['p95-ms']), result.totals.latency.p95)
      assert.equal(result.startAtMs, Date.parse(startAt))
      assert.match(run.outputs['jtl']!, /\.jtl$/)
      assert.match(await readFile(run.outputs['jtl']!, 'utf8'), /^timeStamp,elapsed,label/)
      assert.match(run.summary, /### tar-push bench: push against/)
      assert.match(run.summary, /```mermaid/)
      // As download-artifact with merge-multiple puts them: one directory.
      await writeFile(join(artifacts, path.split('/').pop()!), await readFile(path))
    }
    const merged = await runAction(MERGE_ACTION, { results: `${artifacts}/*.json` })
    assert.equal(merged.code, 0, merged.stdout + merged.stderr)
    const total = await readResult(merged.outputs['result']!)
    const parts = await Promise.all(runs.map((run) => readResult(run.outputs['result']!)))
    assert.equal(
      total.totals.requests,
      parts.reduce((sum, part) => sum + part.totals.requests, 0),
    )
    assert.equal(merged.outputs['requests'], String(total.totals.requests))
    assert.equal(total.merged!.jobs.length, 2)
    assert.match(merged.summary, /4 virtual users in 2 jobs/)
    assert.match(merged.summary, /\| job \| host \| start \| late \|/)

    const bad = await runAction(MERGE_ACTION, { results: join(artifacts, 'none-*.json') })
    assert.notEqual(bad.code, 0)
    assert.match(bad.stdout, /::error::USAGE: no result file matches/)
    const badInput = await runAction(BENCH_ACTION, { registry: registry.host, scenario: 'copy' })
    assert.match(
      badInput.stdout,
      /::error::USAGE: input scenario must be one of push, pull, head, mixed/,
    )
  })
})
