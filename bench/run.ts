/**
 * `npm run bench`: tar-push against `skopeo copy` on the same tarballs, the same machine and
 * fresh local registries, in one run. See bench/README.md for what each case means.
 *
 *   node bench/run.ts [--reps N] [--quick] [--work DIR] [--concurrency N]
 */
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { cpus, release, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { prepareImages, PROFILES } from './image.ts'
import { compareWithRawClient } from './loadgen.ts'
import type { Sample as LoadgenSample } from './loadgen.ts'
import { busyFraction, busySecondsBetween, readCpuTimes } from './machine.ts'
import type { Archive, BenchImages, ImageProfile } from './image.ts'
import { cleanUpOnExit, GNU_TIME, removeAtExit, run, runChecked } from './process.ts'
import { startRegistry } from './registry.ts'
import type { Registry } from './registry.ts'
import {
  computeMedians,
  evaluate,
  formatSummary,
  formatTable,
  NOISY_SHARE,
  tableRows,
} from './report.ts'
import type { CaseId, CheckResult, Medians, Sample } from './report.ts'
import {
  createOurPuller,
  createOurPusher,
  createSkopeoPuller,
  createSkopeoPusher,
  OUR_DIST_CLI,
  skopeoBlobInfoCache,
  snapshotOurCli,
  verifyPull,
  verifyPush,
} from './tools.ts'
import type { Compression, OurCli, Puller, Pusher, PushOutcome } from './tools.ts'

const USAGE = `Usage: node bench/run.ts [options]   (npm run bench -- [options])

  --reps N          repetitions per case; the table shows medians (default 3, 1 with --quick)
  --quick           smoke test: ~60 MB image, 256 MiB big layer, 1 rep
  --work DIR        where test images are cached and runs happen (default: $TMPDIR/tar-push-bench)
  --concurrency N   passed to tar-push as --concurrency N, if this build of it has the flag
  --no-loadgen      skip the load generator's CPU against a raw HTTP client (bench/loadgen.ts)
  -h, --help        show this help`

interface Options {
  reps: number
  /** Seconds of each load generator run; undefined: not measured. */
  loadgenSeconds?: number
  profile: ImageProfile
  workDir: string
  concurrency?: number
}

interface Context {
  images: BenchImages
  ours: Pusher
  skopeo: Pusher
  pullers: { ours: Puller; skopeo: Puller }
  /** Registries, scratch dirs: removed when the run ends. */
  runDir: string
  reps: number
  samples: Sample[]
}

const REPOSITORY = 'bench/app'
const BIG_REPOSITORY = 'bench/big'
const TAG = '1'
const RESULTS_DIR = new URL('./results/', import.meta.url).pathname

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  if (!options) return 0
  cleanUpOnExit()
  const startedAt = new Date()
  await checkPrerequisites()
  await mkdir(options.workDir, { recursive: true })
  const measured = await measureEverything(options)

  const bigLabel = `(${formatSize(measured.images.big.bytes)} layer)`
  const medians = computeMedians(measured.samples)
  const checks = evaluate(tableRows(bigLabel), medians, measured.samples)
  const seconds = (Date.now() - startedAt.getTime()) / 1000
  process.stdout.write(
    `\n${formatTable(checks)}\n\n${formatSummary(checks, measured.samples)}\n` +
      `medians of ${options.reps} rep(s); ${options.profile.name} images; ` +
      `ran ${seconds.toFixed(0)} s\n`,
  )
  // Issue 22's ratios: the load generator's client CPU against a raw HTTP client, same run.
  const loadgen =
    options.loadgenSeconds === undefined
      ? undefined
      : await compareWithRawClient({ duration: options.loadgenSeconds, userCounts: [1, 16] })
  if (loadgen) process.stdout.write(`\nload generator, CPU per iteration:\n${loadgen.table}\n`)
  const results = await collectResults(options, startedAt, measured, {
    checks,
    medians,
    loadgen: loadgen?.samples ?? null,
  })
  const file = await writeResults(results, options.profile.name === 'quick' ? '-quick' : '')
  log(`results: ${file}`)
  const failures = measured.samples.filter((sample) => !sample.ok)
  if (failures.length > 0) {
    log(`${failures.length} push(es) failed or did not read back: see "error" in ${file}`)
    return 1
  }
  return 0
}

interface Measured {
  ourCli: OurCli
  images: BenchImages
  samples: Sample[]
}

/** Snapshots our CLI, prepares the images, runs every repetition; always removes its run dir. */
async function measureEverything(options: Options): Promise<Measured> {
  const runDir = await mkdtemp(join(options.workDir, 'run-'))
  const cleanup = removeAtExit(runDir)
  try {
    const ourCli = await snapshotOurCli(join(runDir, 'tar-push-cli'))
    log(
      `tar-push: dist/cli snapshot ${ourCli.sha256.slice(0, 12)}; ${describeCli(ourCli, options)}`,
    )
    const images = await prepareImages(options.workDir, options.profile, log)
    log(
      `images: ${describe(images.main)} (${images.layers} layers), ${describe(images.big)}; ` +
        `${images.reused ? 'reused from cache' : 'freshly built'}`,
    )
    await warmPageCache(images)
    await warnIfBusy()
    const context: Context = {
      images,
      ours: createOurPusher(ourCli, options.concurrency),
      skopeo: createSkopeoPusher(),
      pullers: { ours: createOurPuller(ourCli), skopeo: createSkopeoPuller() },
      runDir,
      reps: options.reps,
      samples: [],
    }
    for (let rep = 1; rep <= options.reps; rep++) await runRepetition(context, rep)
    return { ourCli, images, samples: context.samples }
  } finally {
    await rm(runDir, { recursive: true, force: true })
    cleanup.forget()
  }
}

/** Everything needed to read the numbers later: raw samples, medians, machine, builds. */
async function collectResults(
  options: Options,
  startedAt: Date,
  { ourCli, images, samples }: Measured,
  summary: { checks: CheckResult[]; medians: Medians; loadgen: LoadgenSample[] | null },
) {
  const finishedAt = new Date()
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    command: process.argv.slice(1),
    options: {
      reps: options.reps,
      profile: options.profile,
      workDir: options.workDir,
      concurrency: options.concurrency ?? null,
    },
    machine: await machineInfo(),
    ours: { ...(await ourBuildInfo()), bundleSha256: ourCli.sha256, features: ourCli.features },
    skopeo: { blobInfoCache: skopeoBlobInfoCache() },
    images: {
      stamp: images.stamp,
      layers: images.layers,
      archives: [images.main, images.oci, images.changed, images.big],
    },
    ...summary,
    samples,
  }
}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      reps: { type: 'string' },
      quick: { type: 'boolean' },
      work: { type: 'string' },
      concurrency: { type: 'string' },
      'no-loadgen': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return undefined
  }
  const quick = values.quick === true
  const reps = positiveInteger(values.reps, '--reps') ?? (quick ? 1 : 3)
  return {
    reps,
    profile: quick ? PROFILES.quick : PROFILES.full,
    workDir: resolve(values.work ?? join(tmpdir(), 'tar-push-bench')),
    concurrency: positiveInteger(values.concurrency, '--concurrency'),
    loadgenSeconds: values['no-loadgen'] ? undefined : quick ? 5 : 20,
  }
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} must be a positive integer`)
  return number
}

async function checkPrerequisites(): Promise<void> {
  const missing: string[] = []
  for (const tool of ['docker-registry', 'skopeo', 'umoci']) {
    const found = await run('sh', ['-c', `command -v ${tool}`], { timeoutMs: 10_000 })
    if (found.code !== 0) missing.push(`${tool} (script/bootstrap installs it)`)
  }
  if (!existsSync(GNU_TIME)) missing.push(`${GNU_TIME} (apt-get install time)`)
  const cli = join(OUR_DIST_CLI, 'index.js')
  if (!existsSync(cli)) missing.push(`${cli} (npm run build)`)
  if (missing.length > 0) throw new Error(`missing: ${missing.join(', ')}`)
}

function describeCli({ features }: OurCli, options: Options): string {
  const cacheDir = features.cacheDir ? 'fresh --cache-dir per run' : 'no --cache-dir flag yet'
  const parallel = !features.concurrency
    ? 'no --concurrency flag yet'
    : options.concurrency
      ? `--concurrency ${options.concurrency}`
      : 'its default concurrency'
  return `${cacheDir}, ${parallel}`
}

/** Other work on this 2-core machine skews every number: say so rather than hide it. */
async function warnIfBusy(): Promise<void> {
  const busy = await busyFraction(2_000)
  if (busy !== undefined && busy > 0.2) {
    log(
      `warning: the CPUs are ${(busy * 100).toFixed(0)}% busy before measuring: numbers may be noisy`,
    )
  }
}

/** Every tool then reads the tarballs from memory, so the first measured run is not penalized. */
async function warmPageCache(images: BenchImages): Promise<void> {
  for (const archive of [images.main, images.oci, images.changed, images.big]) {
    for await (const chunk of createReadStream(archive.path, { highWaterMark: 1 << 20 })) {
      void chunk
    }
  }
}

/**
 * One repetition of every case. The tool order alternates between repetitions so that neither
 * tool always runs first after the other has warmed (or filled) the machine.
 */
async function runRepetition(context: Context, rep: number): Promise<void> {
  const { images, ours, skopeo } = context
  const pushers = rep % 2 === 1 ? [ours, skopeo] : [skopeo, ours]
  log(`\n== repetition ${rep} of ${context.reps}`)
  for (const pusher of pushers) await runPushSequence(context, pusher, rep)
  for (const pusher of pushers) {
    await runColdPush(context, pusher, rep, 'cold-big', images.big, BIG_REPOSITORY)
  }
  for (const pusher of pushers) {
    await runColdPush(context, pusher, rep, 'cold-oci', images.oci, REPOSITORY)
  }
  await runPulls(context, rep)
  for (const pusher of pushers) {
    await runColdPush(context, pusher, rep, 'cold-zstd', images.main, REPOSITORY, 'zstd')
  }
  await runColdPush(context, ours, rep, 'cold-none', images.main, REPOSITORY, 'none')
  await runColdPush(context, ours, rep, 'cold-spool', images.main, REPOSITORY, 'gzip', 'spool')
}

/**
 * Cold push to an empty registry, then on the same registry (which now has every blob) a re-push
 * of the same tarball and a push of the one-layer-changed tarball, each as a fresh runner.
 */
async function runPushSequence(context: Context, pusher: Pusher, rep: number): Promise<void> {
  await withRegistry(context, async (registry) => {
    const push = (caseId: CaseId, archive: Archive) =>
      measurePush(context, { pusher, rep, caseId, archive, registry, repository: REPOSITORY })
    const cold = await push('cold', context.images.main)
    if (!cold.ok) return // the next two cases need the cold push's blobs in the registry
    await push('repush', context.images.main)
    await push('changed', context.images.changed)
  })
}

async function runColdPush(
  context: Context,
  pusher: Pusher,
  rep: number,
  caseId: CaseId,
  archive: Archive,
  repository: string,
  compression?: Compression,
  uploadMode?: 'stream' | 'spool',
): Promise<void> {
  await withRegistry(context, (registry) =>
    measurePush(context, {
      pusher,
      rep,
      caseId,
      archive,
      registry,
      repository,
      compression,
      uploadMode,
    }),
  )
}

/** Both tools pull the same image (pushed by skopeo, untimed) from one registry to a docker-archive. */
async function runPulls(context: Context, rep: number): Promise<void> {
  const { ours, skopeo } = context.pullers
  await withRegistry(context, async (registry) => {
    const seedDir = join(context.runDir, `pull-seed-${rep}`)
    await mkdir(seedDir, { recursive: true })
    const seeded = await context.skopeo.push({
      archive: context.images.main,
      host: registry.host,
      repository: REPOSITORY,
      tag: TAG,
      scratchDir: seedDir,
    })
    await rm(seedDir, { recursive: true, force: true })
    if (seeded.error) throw new Error(`could not seed the pull registry: ${seeded.error}`)
    for (const puller of rep % 2 === 1 ? [ours, skopeo] : [skopeo, ours]) {
      await measurePull(context, puller, registry, rep, seeded.digest)
    }
  })
}

async function measurePull(
  context: Context,
  puller: Puller,
  registry: Registry,
  rep: number,
  digest: string | undefined,
): Promise<void> {
  const scratchDir = join(context.runDir, `pull-${puller.name}-${rep}`)
  await mkdir(scratchDir, { recursive: true })
  try {
    const before = { machine: await readCpuTimes(), registry: await registry.cpuSeconds() }
    const request = { host: registry.host, repository: REPOSITORY, tag: TAG, scratchDir }
    const outcome = await puller.pull(request)
    const after = { machine: await readCpuTimes(), registry: await registry.cpuSeconds() }
    const check = outcome.error ?? (await verifyPull(outcome.output, scratchDir))
    const sample = toSample(
      { caseId: 'pull', tool: puller.name, rep },
      { ...outcome, digest: outcome.digest ?? digest },
      check,
      {
        machine: busySecondsBetween(before.machine, after.machine),
        registry: difference(before.registry, after.registry),
      },
    )
    context.samples.push(sample)
    log(formatSample(sample))
  } finally {
    await rm(scratchDir, { recursive: true, force: true })
  }
}

let registryCount = 0

async function withRegistry<T>(context: Context, use: (registry: Registry) => Promise<T>) {
  const registry = await startRegistry(join(context.runDir, `registry-${++registryCount}`))
  try {
    return await use(registry)
  } finally {
    await registry.stop()
  }
}

interface MeasuredPush {
  pusher: Pusher
  rep: number
  caseId: CaseId
  archive: Archive
  registry: Registry
  repository: string
  compression?: Compression
  uploadMode?: 'stream' | 'spool'
}

/** One measured push, then an independent read-back; records and prints the sample. */
async function measurePush(context: Context, push: MeasuredPush): Promise<Sample> {
  const { pusher, registry, repository } = push
  const scratchDir = join(context.runDir, `${push.caseId}-${pusher.name}-${push.rep}`)
  await mkdir(scratchDir, { recursive: true })
  try {
    const before = { machine: await readCpuTimes(), registry: await registry.cpuSeconds() }
    const outcome = await pusher.push({
      archive: push.archive,
      host: registry.host,
      repository,
      tag: TAG,
      scratchDir,
      compression: push.compression,
      ...(push.uploadMode ? { uploadMode: push.uploadMode } : {}),
    })
    const after = { machine: await readCpuTimes(), registry: await registry.cpuSeconds() }
    const readBack = outcome.digest
      ? await verifyPush(registry.host, repository, TAG, outcome.digest)
      : { error: 'no digest' }
    const sample = toSample(
      { caseId: push.caseId, tool: pusher.name, rep: push.rep },
      outcome,
      outcome.error ?? readBack.error,
      {
        machine: busySecondsBetween(before.machine, after.machine),
        registry: difference(before.registry, after.registry),
      },
    )
    // Bytes an empty registry received: the re-push cases send (almost) none of them.
    if (push.caseId.startsWith('cold')) sample.pushedMB = megabytes(readBack.pushedBytes)
    context.samples.push(sample)
    log(formatSample(sample))
    return sample
  } finally {
    await rm(scratchDir, { recursive: true, force: true })
  }
}

function toSample(
  push: { caseId: CaseId; tool: Sample['tool']; rep: number },
  outcome: PushOutcome,
  error: string | undefined,
  cpu: { machine?: number; registry?: number },
): Sample {
  const usage = outcome.usage
  const cpuSeconds = usage ? usage.userSeconds + usage.systemSeconds : undefined
  const other =
    cpu.machine !== undefined && cpu.registry !== undefined && cpuSeconds !== undefined
      ? round(Math.max(0, cpu.machine - cpu.registry - cpuSeconds)) // tick rounding can go below 0
      : undefined
  const capacity = usage ? usage.seconds * cpus().length : 0
  return {
    case: push.caseId,
    tool: push.tool,
    rep: push.rep,
    ok: error === undefined && usage !== undefined,
    seconds: usage ? Math.round(usage.seconds * 1000) / 1000 : undefined,
    cpuSeconds: cpuSeconds === undefined ? undefined : round(cpuSeconds),
    userSeconds: usage?.userSeconds,
    systemSeconds: usage?.systemSeconds,
    maxRssMB: usage ? Math.round((usage.maxRssKiB * 1024) / 1e5) / 10 : undefined,
    registryCpuSeconds: cpu.registry,
    otherCpuSeconds: other,
    noisy: other !== undefined && other > NOISY_SHARE * capacity,
    digest: outcome.digest,
    note: outcome.note,
    error: error ?? (usage ? undefined : 'GNU time reported no usage'),
  }
}

function difference(before?: number, after?: number): number | undefined {
  return before === undefined || after === undefined ? undefined : round(after - before)
}

function megabytes(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : Math.round(bytes / 1e4) / 100
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function formatSample(sample: Sample): string {
  const head = `  ${sample.case.padEnd(9)} ${sample.tool.padEnd(6)}`
  if (!sample.ok) return `${head} FAILED: ${sample.error}`
  const numbers = [
    `${sample.seconds?.toFixed(2)} s`.padStart(8),
    `cpu ${sample.cpuSeconds?.toFixed(2)} s`.padStart(12),
    `rss ${sample.maxRssMB?.toFixed(0)} MB`.padStart(11),
    `registry cpu ${sample.registryCpuSeconds?.toFixed(1) ?? '?'} s`.padStart(18),
    `other cpu ${sample.otherCpuSeconds?.toFixed(1) ?? '?'} s`.padStart(15),
    ...(sample.pushedMB === undefined ? [] : [`pushed ${sample.pushedMB.toFixed(1)} MB`]),
  ].join('  ')
  return `${head} ${numbers}${sample.noisy ? ' NOISY' : ''}  ${sample.note}`
}

function describe(archive: Archive): string {
  return `${archive.path.split('/').at(-1)} ${formatSize(archive.bytes)}`
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GiB`
    : `${(bytes / 1024 ** 2).toFixed(0)} MiB`
}

async function machineInfo() {
  const version = async (command: string, args: string[]) =>
    (await run(command, args, { timeoutMs: 30_000 })).stdout.trim()
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    kernel: release(),
    node: process.version,
    skopeo: await version('skopeo', ['--version']),
    registry: await version('docker-registry', ['--version']),
    umoci: await version('umoci', ['--version']),
  }
}

/** Which tar-push was measured: the commit, and whether src/ or dist/ had local changes. */
async function ourBuildInfo() {
  const repo = new URL('..', import.meta.url).pathname
  const git = (args: string[]) => runChecked('git', ['-C', repo, ...args], { timeoutMs: 30_000 })
  try {
    const commit = (await git(['rev-parse', 'HEAD'])).stdout.trim()
    const changes = (await git(['status', '--porcelain', '--', 'src', 'dist'])).stdout.trim()
    return { commit, uncommittedChanges: changes.length > 0 }
  } catch {
    return { commit: 'unknown', uncommittedChanges: false }
  }
}

/**
 * bench/results/<YYYY-MM-DD>[-quick].json, written whole (via a .tmp file git ignores); a later
 * run of the same day gets -b, -c, … rather than replacing an earlier run's figures.
 */
async function writeResults(results: object, suffix: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true })
  const day = new Date().toISOString().slice(0, 10)
  let file = join(RESULTS_DIR, `${day}${suffix}.json`)
  for (let run = 1; existsSync(file); run++)
    file = join(RESULTS_DIR, `${day}${suffix}-${String.fromCharCode(97 + run)}.json`)
  await writeFile(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`)
  await rename(`${file}.tmp`, file)
  return file
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    log(`bench: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  },
)
