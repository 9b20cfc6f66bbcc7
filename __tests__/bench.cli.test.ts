/**
 * `tar-push bench` as a user runs it: the bundled CLI (dist/cli/index.js, `npm run build`)
 * against real registries, with its files (--out, --jtl, --summary), --compare and credentials.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { decodeHistogram } from '../src/lib/loadtest/histogram.ts'
import { JTL_COLUMNS } from '../src/lib/loadtest/jtl.ts'
import { RESULT_FORMAT, type BenchResult } from '../src/lib/loadtest/result.ts'
import { VERSION } from '../src/version.ts'
import { ALICE, startRegistry, type RunningRegistry } from './support/registry.ts'
import { runNode } from './support/run-node.ts'

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js')
let registry: RunningRegistry
let basic: RunningRegistry
let work: string

before(async () => {
  ;[registry, basic, work] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'basic' }),
    mkdtemp(join(tmpdir(), 'bench-cli-')),
  ])
})
after(async () => {
  await registry.stop()
  await basic.stop()
})

const env = (): NodeJS.ProcessEnv => ({
  PATH: process.env['PATH'],
  HOME: work,
  DOCKER_CONFIG: work,
})

const SMALL = ['--layers', '1', '--layer-size', '16KiB']

describe('tar-push bench (dist/cli/index.js)', () => {
  it('--help shows every option with examples', async () => {
    const { code, stdout } = await runNode(CLI, ['bench', '--help'])
    assert.equal(code, 0)
    for (const flag of [
      '--registry HOST',
      '--scenario S',
      '--vus N',
      '--duration D',
      '--ramp-up D',
      '--iterations N',
      '--repo-prefix P',
      '--layers N',
      '--layer-size SIZE',
      '--mix W',
      '--out FILE',
      '--jtl FILE',
      '--summary FILE',
      '--cleanup',
      '--compare TOOL',
      '--registry-pid PID',
      '--password-stdin',
      '--retries N',
    ])
      assert.ok(stdout.includes(flag), flag)
    assert.match(stdout, /Examples:\n {2}# /)
  })

  it('bad options are usage errors (exit 2) that say what to write', async () => {
    for (const [args, message] of [
      [['bench'], /bench needs --registry HOST/],
      [['bench', '--registry', registry.host, '--scenario', 'copy'], /--scenario must be push/],
      [['bench', '--registry', registry.host, '--duration', 'soon'], /not a duration/],
      [['bench', '--registry', registry.host, '--layer-size', 'big'], /not a size/],
      [
        ['bench', '--registry', registry.host, '--mix', 'push=1'],
        /--mix goes with --scenario mixed/,
      ],
      [
        ['bench', '--registry', registry.host, '--compare', 'crane'],
        /--compare takes skopeo or docker/,
      ],
    ] as const) {
      const { code, stderr } = await runNode(CLI, [...args], { env: env() })
      assert.equal(code, 2, stderr)
      assert.match(stderr, message)
    }
  })

  it('a timed run writes the JSON result, the JTL and a Markdown summary with charts', async () => {
    const out = join(work, 'result.json')
    const jtl = join(work, 'result.jtl')
    const summary = join(work, 'summary.md')
    const { code, stderr, stdout } = await runNode(
      CLI,
      [
        'bench',
        '--registry',
        registry.host,
        '--vus',
        '2',
        '--duration',
        '2500ms',
        ...SMALL,
        '--out',
        out,
        '--jtl',
        jtl,
        '--summary',
        summary,
        '--registry-pid',
        String(process.pid),
      ],
      { env: env() },
    )
    assert.equal(code, 0, stderr)
    assert.equal(stdout, '')
    assert.match(stderr, /request +count +errors +p50 +p90 +p95 +p99 +max/)
    assert.match(stderr, /^push +\d+ +\d+ +0 /m)
    assert.match(stderr, /cpu: generator [\d.]+ cores .*registry pid \d+/)

    const result = JSON.parse(await readFile(out, 'utf8')) as BenchResult
    assert.equal(result.format, RESULT_FORMAT)
    assert.deepEqual(result.tool, { name: 'tar-push', version: VERSION })
    assert.equal(result.scenario.name, 'push')
    assert.equal(result.scenario.vus, 2)
    assert.equal(result.stopReason, 'duration')
    const patch = result.kinds['blob PATCH']!
    assert.equal(decodeHistogram(patch.histograms.latency).totalCount, patch.count)
    assert.ok(result.series.length >= 2)
    assert.equal(
      result.series.reduce((sum, second) => sum + decodeHistogram(second.latency).totalCount, 0),
      result.totals.requests - result.totals.interrupted,
    )
    assert.ok(result.cpu.registry !== null)
    assert.ok(result.totals.connections >= 2, 'at least one connection per user')

    const lines = (await readFile(jtl, 'utf8')).trimEnd().split('\n')
    assert.equal(lines[0], JTL_COLUMNS.join(','))
    assert.equal(lines.length - 1, result.totals.requests)

    const markdown = await readFile(summary, 'utf8')
    assert.match(markdown, /^### tar-push bench: push against/)
    assert.match(markdown, /\| request \| count \| errors \| p50 \|/)
    assert.match(markdown, /```mermaid\nxychart-beta\n {2}title "Throughput \(requests\/s\)"/)
    assert.match(markdown, /title "p95 latency \(ms\)"/)
  })

  it('credentials from stdin, --compare skopeo side by side, docker said unavailable, --cleanup, --json', async () => {
    const { code, stderr, stdout } = await runNode(
      CLI,
      [
        'bench',
        '--registry',
        basic.host,
        '--scenario',
        'mixed',
        '--mix',
        'push=1,pull=1',
        '--vus',
        '2',
        '--iterations',
        '4',
        ...SMALL,
        '--username',
        ALICE.username,
        '--password-stdin',
        '--compare',
        'skopeo,docker',
        '--cleanup',
        '--json',
      ],
      { env: env(), stdin: `${ALICE.password}\n` },
    )
    assert.equal(code, 0, stderr)
    assert.ok(!stderr.includes(ALICE.password), 'the password never shows')
    const result = JSON.parse(stdout) as BenchResult
    assert.equal(result.iterations.total.ok, 4)
    const skopeo = result.compare.find((compare) => compare.tool === 'skopeo')!
    assert.equal(skopeo.available, true)
    assert.equal(skopeo.iterations?.ok, 4, (skopeo.errorSamples ?? []).join('\n'))
    assert.equal(skopeo.scenarios?.push?.ok, 2)
    assert.equal(skopeo.scenarios?.pull?.ok, 2)
    assert.match(stderr, /compare: tar-push bench \(raw HTTP\) vs skopeo/)
    assert.match(stderr, /^pull +skopeo +2 +0 .* [\d.]+x$/m)
    const docker = result.compare.find((compare) => compare.tool === 'docker')!
    if (!docker.available) assert.match(stderr, /compare docker: not available: /)
    // Seeded (min(vus, 4) = 2 images), pushed by the bench (2) and by skopeo (2).
    assert.deepEqual(result.cleanup, { manifests: 6, deleted: 6, failed: 0 })
  })
})
