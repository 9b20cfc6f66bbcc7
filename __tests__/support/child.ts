/**
 * A Node script started as a child process that the test can signal while it works (the CLI or
 * an action bundle), with its output collected and its end awaited.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Ended {
  /** The exit code; null when a signal killed the process instead. */
  code: number | null
  /** The signal that killed the process, if one did (an unhandled SIGINT, say). */
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunningChild {
  readonly child: ChildProcess
  readonly stdout: string
  readonly stderr: string
  /** Resolves when the process has exited and its output is closed. */
  readonly ended: Promise<Ended>
  /** Whether it is still running. */
  readonly running: boolean
  kill(signal: NodeJS.Signals): void
}

export function startNode(
  script: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): RunningChild {
  return startProcess(process.execPath, [script, ...args], options)
}

/**
 * Any command as a child process: standard input closed unless `stdio` says otherwise (then
 * `input`, if given, is written to it and closed), output collected, its end awaited.
 */
export function startProcess(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; stdio?: StdioOptions; input?: string },
): RunningChild {
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    stdio: options.stdio ?? [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let running = true
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ended = new Promise<Ended>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      running = false
      resolve({ code, signal, stdout, stderr })
    })
  })
  if (options.input !== undefined) child.stdin?.end(options.input)
  return {
    child,
    get stdout() {
      return stdout
    },
    get stderr() {
      return stderr
    },
    get running() {
      return running
    },
    ended,
    kill: (signal) => {
      child.kill(signal)
    },
  }
}

/**
 * Polls `condition` until it holds; fails with `what` and the child's output when the child
 * ends first or the time is up (so a test never signals a process that is not at work yet).
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  child: RunningChild,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await condition()) return
    if (!child.running || Date.now() > deadline) {
      const why = child.running ? `not within ${timeoutMs} ms` : 'the process ended first'
      throw new Error(
        `waiting for ${what}: ${why}\nstdout:\n${child.stdout}\nstderr:\n${child.stderr}`,
      )
    }
    await sleep(20)
  }
}
