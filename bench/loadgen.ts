/**
 * The load generator's client cost (issue 22): `tar-push bench` against a minimal raw HTTP client
 * (bench/raw-client.ts) doing the same requests to the same local registry, each one process whose
 * whole user + system CPU (GNU time) is divided by the iterations it did.
 *
 *   node bench/loadgen.ts [--duration S] [--vus 1,16] [--out FILE]
 *
 * See the "Load generator cost" section of bench/README.md.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { busySecondsBetween, readCpuTimes } from './machine.ts'
import { cleanUpOnExit, describeFailure, GNU_TIME, removeAtExit, runMeasured } from './process.ts'
import { startRegistry } from './registry.ts'
import type { Registry } from './registry.ts'
import { OUR_DIST_CLI, snapshotOurCli } from './tools.ts'
import type { OurCli } from './tools.ts'

const USAGE = `Usage: node bench/loadgen.ts [options]

  --duration S   seconds each run lasts (default 20)
  --vus LIST     user counts, comma-separated (default 1,16)
  --out FILE     also write every sample as JSON
  -h, --help     show this help`

const RAW_CLIENT = new URL('./raw-client.ts', import.meta.url).pathname
const SEED_IMAGE = 'raw/seed:1'
const LAYER_SIZE = 1 << 20
const PULL_LAYERS = 3
const TARGET = 1.2

type Scenario = 'pull' | 'pull --no-verify' | 'push'

export interface Sample {
  scenario: Scenario
  vus: number
  tool: 'tar-push' | 'raw'
  iterations: number
  failed: number
  seconds: number
  cpuSeconds: number
  registryCpuSeconds?: number
  machineBusySeconds?: number
  cpuMsPerIteration: number
  /** CPU of the measured run alone (no start-up, no seeding), as each tool reports it. */
  runCpuSeconds: number
  runCpuMsPerIteration: number
}

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '20' },
      vus: { type: 'string', default: '1,16' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const duration = Number(values.duration)
  const userCounts = values.vus.split(',').map(Number)
  if (!(duration > 0) || !userCounts.every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('--duration must be positive and --vus a list of positive integers')
  }
  cleanUpOnExit()
  const { samples, table } = await compareWithRawClient({ duration, userCounts })
  process.stdout.write(`\n${table}\n`)
  if (values.out) await writeFile(values.out, `${JSON.stringify({ duration, samples }, null, 2)}\n`)
  return samples.some((sample) => sample.failed > 0 || sample.iterations === 0) ? 1 : 0
}

export interface LoadgenComparison {
  samples: Sample[]
  /** The Markdown table of CPU per iteration, tar-push against the raw client, and the ratios. */
  table: string
}

/**
 * Every scenario at every user count, tar-push bench and the raw client in turn, against one
 * fresh registry (also run by `npm run bench`, after the push cases).
 */
export async function compareWithRawClient(options: {
  duration: number
  userCounts: readonly number[]
}): Promise<LoadgenComparison> {
  const { duration, userCounts } = options
  for (const needed of [GNU_TIME, join(OUR_DIST_CLI, 'index.js')]) {
    if (!existsSync(needed))
      throw new Error(`missing ${needed} (apt-get install time; npm run build)`)
  }
  const runDir = await mkdtemp(join(tmpdir(), 'tar-push-loadgen-'))
  const cleanup = removeAtExit(runDir)
  const samples: Sample[] = []
  let registry: Registry | undefined
  try {
    const cli = await snapshotOurCli(join(runDir, 'tar-push-cli'))
    log(`tar-push: dist/cli snapshot ${cli.sha256.slice(0, 12)}`)
    registry = await startRegistry(join(runDir, 'registry'))
    await seed(registry.host)
    log(`registry ${registry.host}, seeded ${SEED_IMAGE}; ${duration} s per run`)
    let order = 0
    for (const vus of userCounts) {
      for (const scenario of ['pull --no-verify', 'pull', 'push'] as const) {
        // Interleaved: who goes first alternates, so neither always runs on a warmer machine.
        const tools =
          order++ % 2 === 0 ? (['tar-push', 'raw'] as const) : (['raw', 'tar-push'] as const)
        for (const tool of tools) {
          const sample = await measure({ cli, registry, runDir, scenario, vus, tool, duration })
          samples.push(sample)
          log(
            `${scenario} vus=${vus} ${tool}: ${sample.iterations} iterations` +
              `${sample.failed ? ` (${sample.failed} failed)` : ''}, ` +
              `${sample.cpuSeconds.toFixed(2)} s CPU, ${sample.cpuMsPerIteration.toFixed(2)} ms/iteration`,
          )
        }
      }
    }
  } finally {
    await registry?.stop()
    await rm(runDir, { recursive: true, force: true })
    cleanup.forget()
  }
  return { samples, table: formatTable(samples) }
}

/** Manifest + config + 3 × 1 MiB random layers under raw/seed:1, for the raw client's pulls. */
async function seed(host: string): Promise<void> {
  const [repository, tag] = SEED_IMAGE.split(':')
  const upload = async (blob: Buffer) => {
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`
    const post = await fetch(`http://${host}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
    if (post.status !== 202) throw new Error(`seed: upload POST ${post.status}`)
    const location = new URL(post.headers.get('location')!, `http://${host}`)
    location.searchParams.set('digest', digest)
    const put = await fetch(location, { method: 'PUT', body: new Uint8Array(blob) })
    if (put.status !== 201) throw new Error(`seed: upload PUT ${put.status}`)
    return { digest, size: blob.length }
  }
  const layers = []
  for (let i = 0; i < PULL_LAYERS; i++) layers.push(await upload(randomBytes(LAYER_SIZE)))
  const config = await upload(
    Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } })),
  )
  const manifestType = 'application/vnd.oci.image.manifest.v1+json'
  const manifest = {
    schemaVersion: 2,
    mediaType: manifestType,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: layers.map((layer) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      ...layer,
    })),
  }
  const put = await fetch(`http://${host}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'content-type': manifestType },
    body: JSON.stringify(manifest),
  })
  if (put.status !== 201) throw new Error(`seed: manifest PUT ${put.status}`)
}

interface Case {
  cli: OurCli
  registry: Registry
  runDir: string
  scenario: Scenario
  vus: number
  tool: 'tar-push' | 'raw'
  duration: number
}

/** One run under GNU time; iterations from tar-push's --out JSON or the raw client's stdout. */
async function measure(c: Case): Promise<Sample> {
  const noVerify = c.scenario === 'pull --no-verify'
  const scenario = c.scenario === 'push' ? 'push' : 'pull'
  const outFile = join(c.runDir, `result-${c.tool}.json`)
  const args =
    c.tool === 'tar-push'
      ? [
          c.cli.path,
          'bench',
          '--registry',
          c.registry.host,
          '--insecure',
          '--scenario',
          scenario,
          '--vus',
          String(c.vus),
          '--duration',
          `${c.duration}s`,
          '--layers',
          scenario === 'push' ? '1' : String(PULL_LAYERS),
          '--layer-size',
          '1MiB',
          '--images',
          '1',
          ...(scenario === 'push' ? ['--upload', 'monolithic'] : []),
          ...(noVerify ? ['--no-verify'] : []),
          '--out',
          outFile,
        ]
      : [
          RAW_CLIENT,
          '--registry',
          c.registry.host,
          '--scenario',
          scenario,
          '--image',
          SEED_IMAGE,
          '--vus',
          String(c.vus),
          '--duration',
          String(c.duration),
          '--layer-size',
          String(LAYER_SIZE),
          ...(noVerify ? ['--no-verify'] : []),
        ]
  await mkdir(c.runDir, { recursive: true })
  const before = { machine: await readCpuTimes(), registry: await c.registry.cpuSeconds() }
  const { completed, usage } = await runMeasured(process.execPath, args, {
    timeoutMs: (c.duration + 120) * 1000,
    usageFile: join(c.runDir, 'usage.txt'),
  })
  const after = { machine: await readCpuTimes(), registry: await c.registry.cpuSeconds() }
  if (completed.code !== 0 || !usage) {
    throw new Error(describeFailure(process.execPath, args, completed))
  }
  let iterations: number
  let failed: number
  let runCpuSeconds: number
  if (c.tool === 'tar-push') {
    const result = JSON.parse(await readFile(outFile, 'utf8')) as {
      iterations: { total: { count: number; ok: number; failed: number } }
      cpu: { generator: { seconds: number } }
    }
    iterations = result.iterations.total.ok
    failed = result.iterations.total.failed
    runCpuSeconds = result.cpu.generator.seconds
    await rm(outFile, { force: true })
  } else {
    const result = JSON.parse(completed.stdout.trim().split('\n').at(-1) ?? '{}') as {
      iterations: number
      failed: number
      runCpuSeconds: number
    }
    iterations = result.iterations
    failed = result.failed
    runCpuSeconds = result.runCpuSeconds
  }
  const cpuSeconds = usage.userSeconds + usage.systemSeconds
  const registryCpu =
    before.registry !== undefined && after.registry !== undefined
      ? Number((after.registry - before.registry).toFixed(2))
      : undefined
  return {
    scenario: c.scenario,
    vus: c.vus,
    tool: c.tool,
    iterations,
    failed,
    seconds: Number(completed.seconds.toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    registryCpuSeconds: registryCpu,
    machineBusySeconds: busySecondsBetween(before.machine, after.machine),
    cpuMsPerIteration: iterations > 0 ? (cpuSeconds * 1000) / iterations : Infinity,
    runCpuSeconds,
    runCpuMsPerIteration: iterations > 0 ? (runCpuSeconds * 1000) / iterations : Infinity,
  }
}

function formatTable(samples: Sample[]): string {
  const header = [
    '| scenario | users | CPU ms / iteration (tar-push / raw) | iterations (tar-push / raw) | ratio | target | result | measured run only: ms / iteration, ratio |',
    '|---|---|---|---|---|---|---|---|',
  ]
  const rows: string[] = []
  for (const sample of samples) {
    if (sample.tool !== 'tar-push') continue
    const raw = samples.find(
      (other) =>
        other.tool === 'raw' && other.scenario === sample.scenario && other.vus === sample.vus,
    )
    if (!raw) continue
    const ratio = sample.cpuMsPerIteration / raw.cpuMsPerIteration
    const label =
      sample.scenario === 'push'
        ? 'push: 1 × 1 MiB fresh layer + config + manifest, monolithic'
        : `pull: manifest + config + 3 × 1 MiB${sample.scenario === 'pull' ? ', verified' : ', --no-verify'}`
    rows.push(
      `| ${label} | ${sample.vus} | ${sample.cpuMsPerIteration.toFixed(2)} / ${raw.cpuMsPerIteration.toFixed(2)} ` +
        `| ${sample.iterations} / ${raw.iterations} | ${ratio.toFixed(2)}× | ≤ ${TARGET.toFixed(2)}× ` +
        `| ${ratio <= TARGET ? 'ok' : 'MISSED'} ` +
        `| ${sample.runCpuMsPerIteration.toFixed(2)} / ${raw.runCpuMsPerIteration.toFixed(2)}, ` +
        `${(sample.runCpuMsPerIteration / raw.runCpuMsPerIteration).toFixed(2)}× |`,
    )
  }
  return [...header, ...rows].join('\n')
}

if (import.meta.main) {
  process.exitCode = await main().catch((error: unknown) => {
    log(`loadgen: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  })
}
