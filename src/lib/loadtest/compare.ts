import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import type { Logger } from '../log.ts'
import type { ConnectOptions } from '../registry/connect.ts'
import { childrenCpuSeconds } from './cpu.ts'
import type { CompareTool } from './options.ts'
import { randomImage, writeOciLayout } from './image.ts'
import { IterationStats, round } from './metrics.ts'
import type { CompareResult, ScenarioName, ScenarioSpec } from './result.ts'
import type { SeededImage } from './scenarios.ts'
import { IterationSchedule, mixCycle } from './schedule.ts'

export { COMPARE_TOOLS, type CompareTool } from './options.ts'

/** A tag another tool pushed, for --cleanup. */
export interface TagToClean {
  repository: string
  tag: string
}

const run = promisify(execFile)
const STDERR_TAIL = 2000

/** The tool's version, or why it cannot be used here. */
async function availability(tool: CompareTool): Promise<{ version?: string; missing?: string }> {
  try {
    if (tool === 'skopeo') {
      const { stdout } = await run('skopeo', ['--version'], { timeout: 10_000 })
      return { version: stdout.trim().replace(/^skopeo version /, '') }
    }
    // The docker CLI alone is not enough: pushes and pulls go through the daemon.
    const { stdout } = await run('docker', ['version', '--format', '{{.Server.Version}}'], {
      timeout: 10_000,
    })
    return { version: stdout.trim() }
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string }
    if (failure.code === 'ENOENT') return { missing: `${tool} is not installed` }
    const detail = (failure.stderr ?? failure.message ?? '').trim().split('\n').at(-1)
    return {
      missing:
        tool === 'docker'
          ? `no docker daemon answers here (${detail}); docker push/pull need one`
          : `skopeo --version failed: ${detail}`,
    }
  }
}

interface ToolAccess {
  /** Flags for one side of skopeo (--src-…, --dest-…, or plain for inspect). */
  skopeo(side: 'src' | 'dest' | ''): string[]
  env: NodeJS.ProcessEnv
  cleanup(): Promise<void>
}

/**
 * TLS and credentials for the tool's processes. Credentials go in a temporary auth file (mode
 * 600), never on a command line where `ps` would show them; without credentials the tools read
 * the docker config themselves, as the bench did.
 */
async function toolAccess(
  registry: string,
  connect: Omit<ConnectOptions, 'interceptors'>,
  plainHttp: boolean,
): Promise<ToolAccess> {
  const dir = await mkdtemp(join(tmpdir(), 'tar-push-bench-tool-'))
  const flags: string[] = []
  const env: NodeJS.ProcessEnv = { ...process.env }
  if (plainHttp || connect.insecure) flags.push('tls-verify=false')
  else if (connect.caFile) {
    const certDir = join(dir, 'certs')
    await mkdir(certDir)
    await copyFile(connect.caFile, join(certDir, 'ca.crt'))
    flags.push(`cert-dir=${certDir}`)
  }
  let authFile: string | undefined
  if (connect.username && connect.password) {
    authFile = join(dir, 'auth.json')
    const auth = Buffer.from(`${connect.username}:${connect.password}`).toString('base64')
    await writeFile(authFile, JSON.stringify({ auths: { [registry]: { auth } } }), { mode: 0o600 })
    env['REGISTRY_AUTH_FILE'] = authFile
  }
  return {
    skopeo: (side) => [
      ...flags.map((flag) => `--${side ? `${side}-` : ''}${flag}`),
      ...(authFile ? [side ? `--${side}-authfile=${authFile}` : `--authfile=${authFile}`] : []),
    ],
    env,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}

/** Runs one process to its end; a non-zero exit is an error carrying its stderr's tail. */
function runProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  children: Set<ChildProcess>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    children.add(child)
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL)
    })
    child.on('error', (error) => {
      children.delete(child)
      reject(error)
    })
    child.on('close', (code, signal) => {
      children.delete(child)
      if (code === 0) resolve()
      else
        reject(
          new Error(
            `${command} ${args[0]} exited with ${signal ?? code}: ${stderr.trim().split('\n').at(-1) ?? ''}`,
          ),
        )
    })
  })
}

/**
 * The same scenario driven through the tool's processes, one at a time per virtual user, for as
 * long (or as many iterations) as the raw-HTTP run: `skopeo copy oci:… docker://…` per push
 * (layers sent as they are, --dest-decompress, so the bytes on the wire equal the bench's),
 * `skopeo copy docker://… dir:…` per pull, `skopeo inspect --raw` per head; with docker,
 * `docker push`, `docker pull` and `docker manifest inspect`. Making the local image before a
 * push and removing what a pull wrote are not timed.
 */
export async function runCompare(options: {
  tool: CompareTool
  registry: string
  plainHttp: boolean
  spec: ScenarioSpec
  seeded: readonly SeededImage[]
  runId: string
  connect: Omit<ConnectOptions, 'interceptors'>
  signal: AbortSignal
  logger: Logger
}): Promise<{ result: CompareResult; pushed: TagToClean[] }> {
  const { tool, spec, registry, logger } = options
  const found = await availability(tool)
  if (found.missing) {
    logger.warn(`--compare ${tool}: not available: ${found.missing}`)
    return { result: { tool, available: false, note: found.missing }, pushed: [] }
  }
  logger.info(`bench: the same scenario through ${tool} ${found.version} processes`)
  const access = await toolAccess(registry, options.connect, options.plainHttp)
  const work = await mkdtemp(join(tmpdir(), `tar-push-bench-${tool}-`))
  const children = new Set<ChildProcess>()
  const schedule = new IterationSchedule(spec.iterations ?? undefined)
  const cycle = mixCycle(spec.mix)
  const all = new IterationStats()
  const scenarios = new Map<ScenarioName, IterationStats>()
  const pushed: TagToClean[] = []
  const errorSamples: string[] = []
  const stopNow = () => {
    schedule.stop('interrupted')
    for (const child of children) child.kill('SIGTERM')
  }
  options.signal.addEventListener('abort', stopNow)
  const cpuBefore = childrenCpuSeconds()
  const startedAt = Date.now()
  const deadline =
    spec.durationSeconds === null
      ? undefined
      : setTimeout(() => schedule.stop('duration'), spec.durationSeconds * 1000)
  const reference = (repository: string, tag: string) => `${registry}/${repository}:${tag}`

  const iterate = async (vu: number, number: number, scenario: ScenarioName) => {
    const target = options.seeded[number % Math.max(1, options.seeded.length)]!
    const scratch = join(work, `vu-${vu}-${number}`)
    try {
      if (scenario === 'push') {
        const repository = `${spec.repoPrefix}${tool}-vu-${vu}`
        const tag = `${options.runId}-${number}`
        const image = await randomImage({ ...spec, label: `${options.runId}-${tool}-${number}` })
        await writeOciLayout(image, scratch, 'latest')
        const destination = reference(repository, tag)
        if (tool === 'docker')
          await runProcess(
            'skopeo',
            ['copy', '--quiet', `oci:${scratch}:latest`, `docker-daemon:${destination}`],
            access.env,
            children,
          )
        const started = performance.now()
        const command =
          tool === 'skopeo'
            ? [
                'copy',
                '--quiet',
                '--dest-decompress',
                ...access.skopeo('dest'),
                `oci:${scratch}:latest`,
                `docker://${destination}`,
              ]
            : ['push', '--quiet', destination]
        await runProcess(tool, command, access.env, children)
        pushed.push({ repository, tag })
        return { ms: performance.now() - started, bytes: image.blobBytes }
      }
      const source = reference(target.repository, target.tag)
      const bytes = scenario === 'pull' ? target.blobs.reduce((sum, blob) => sum + blob.size, 0) : 0
      const command =
        tool === 'skopeo'
          ? scenario === 'pull'
            ? ['copy', '--quiet', ...access.skopeo('src'), `docker://${source}`, `dir:${scratch}`]
            : ['inspect', '--raw', ...access.skopeo(''), `docker://${source}`]
          : scenario === 'pull'
            ? ['pull', '--quiet', source]
            : ['manifest', 'inspect', '--insecure', source]
      const started = performance.now()
      await runProcess(tool, command, access.env, children)
      return { ms: performance.now() - started, bytes }
    } finally {
      await rm(scratch, { recursive: true, force: true })
      if (tool === 'docker' && scenario !== 'head')
        await run('docker', ['rmi', '--force', reference(target.repository, target.tag)]).catch(
          () => undefined,
        )
    }
  }

  const runVu = async (vu: number) => {
    const startDelay = (spec.rampUpSeconds * 1000 * (vu - 1)) / spec.vus
    if (startDelay > 0)
      await sleep(startDelay, undefined, { signal: schedule.over }).catch(() => {})
    for (let number = schedule.claim(); number !== undefined; number = schedule.claim()) {
      const scenario = cycle[number % cycle.length]!
      let stats = scenarios.get(scenario)
      if (!stats) scenarios.set(scenario, (stats = new IterationStats()))
      try {
        const { ms, bytes } = await iterate(vu, number, scenario)
        for (const target of [stats, all]) target.record({ scenario, ms, outcome: 'ok', bytes })
      } catch (error) {
        const outcome = options.signal.aborted ? 'interrupted' : 'failed'
        for (const target of [stats, all])
          target.record({ scenario, ms: 0, outcome, errorCode: 'PROCESS_FAILED', bytes: 0 })
        const message = (error as Error).message
        if (outcome === 'failed' && errorSamples.length < 5 && !errorSamples.includes(message))
          errorSamples.push(message)
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: spec.vus }, (_, index) => runVu(index + 1)))
  } finally {
    clearTimeout(deadline)
    options.signal.removeEventListener('abort', stopNow)
    await rm(work, { recursive: true, force: true })
    await access.cleanup()
  }
  const seconds = (Date.now() - startedAt) / 1000
  return {
    result: {
      tool,
      available: true,
      note:
        tool === 'skopeo'
          ? 'skopeo copy oci:DIR docker://… (--dest-decompress: the same bytes as the bench) per push, skopeo copy docker://… dir:… per pull, skopeo inspect --raw per head; one process at a time per virtual user'
          : 'docker push / docker pull / docker manifest inspect per iteration; one process at a time per virtual user',
      ...(found.version ? { version: found.version } : {}),
      iterations: all.result(seconds),
      scenarios: Object.fromEntries(
        [...scenarios.entries()].map(([name, stats]) => [name, stats.result(seconds)]),
      ),
      toolCpuSeconds: round(childrenCpuSeconds() - cpuBefore, 3),
      seconds: round(seconds, 3),
      ...(errorSamples.length > 0 ? { errorSamples } : {}),
    },
    pushed,
  }
}
