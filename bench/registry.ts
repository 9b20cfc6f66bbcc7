/**
 * A real registry for each measured run: CNCF distribution (`docker-registry`) on a free
 * 127.0.0.1 port with fresh filesystem storage, errors-only logging and no access log, so that
 * logging costs neither tool anything and cold runs always hit an empty registry.
 */
import { closeSync, openSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { processCpuSeconds } from './machine.ts'
import { startChild, stopChild } from './process.ts'

export interface Registry {
  /** '127.0.0.1:PORT', as it goes in an image reference. */
  host: string
  /** CPU seconds the registry process has used so far (undefined without /proc). */
  cpuSeconds(): Promise<number | undefined>
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 15_000
const START_ATTEMPTS = 3

/** Starts a registry storing under `dir` (created empty); `stop()` also removes `dir`. */
export async function startRegistry(dir: string): Promise<Registry> {
  let lastError: unknown
  // A free port can be taken by someone else between our probe and the registry's bind: retry.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    await rm(dir, { recursive: true, force: true })
    await mkdir(join(dir, 'storage'), { recursive: true })
    try {
      return await startOnce(dir, await freePort())
    } catch (error) {
      lastError = error
    }
  }
  await rm(dir, { recursive: true, force: true })
  throw lastError
}

async function startOnce(dir: string, port: number): Promise<Registry> {
  const configFile = join(dir, 'config.yml')
  const logPath = join(dir, 'registry.log')
  await writeFile(configFile, registryConfig(join(dir, 'storage'), port))
  const logFile = openSync(logPath, 'w')
  const child = startChild('docker-registry', ['serve', configFile], { logFile })
  closeSync(logFile)
  const host = `127.0.0.1:${port}`
  const stop = async () => {
    await stopChild(child)
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await waitUntilReady(`http://${host}/v2/`, () => child.exitCode !== null)
  } catch (error) {
    const log = await readFile(logPath, 'utf8').catch(() => '')
    await stopChild(child)
    throw new Error(`${(error as Error).message}\n${log.slice(-2_000)}`, { cause: error })
  }
  return { host, stop, cpuSeconds: () => processCpuSeconds(child.pid) }
}

function registryConfig(storageDir: string, port: number): string {
  return [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${storageDir}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '',
  ].join('\n')
}

async function waitUntilReady(url: string, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`docker-registry exited before serving ${url}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) })
      await response.body?.cancel()
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await sleep(50)
  }
  throw new Error(`docker-registry did not serve ${url} within ${READY_TIMEOUT_MS} ms`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
