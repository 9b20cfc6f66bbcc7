import { Worker } from 'node:worker_threads'

/**
 * Worker threads that run a function handed over as source text, so that the bundles need no
 * worker file: the hash thread, the deflate threads and the gzip thread. A Node worker takes
 * 60–110 ms to start on 2 cores, longer than a re-push waits for the registry's answers. A push
 * that will need one whatever the registry holds (to deflate what is missing, to hash what is
 * there, to decode gzip layers for their diff_id check) starts it as soon as it has read the
 * tarball (`prestartWorker`); the first body to ask gets it.
 */

/**
 * Source of `(port, workerData, require) => void`. It runs alone in the new thread: it may use
 * only its arguments (no imports, no closures), and only erasable types.
 */
export type WorkerBody = string

// The thread waits for its body, the first message, and runs it: started before it is known
// what it will do.
const BOOTSTRAP = `const { parentPort } = require('node:worker_threads')
parentPort.once('message', ({ body, workerData }) => {
  new Function('return (' + body + ')')()(parentPort, workerData, require)
})`

let spare: Worker | undefined

/** Starts a worker with no body yet, unless one waits already. */
export function prestartWorker(): void {
  spare ??= spawn()
}

/** A thread running `body`: the prestarted one when there is one, else a new one. */
export function startEvalWorker(body: WorkerBody, workerData?: unknown): Worker {
  const thread = spare ?? spawn()
  spare = undefined
  thread.postMessage({ body, workerData })
  return thread
}

/** Ends a prestarted worker that nothing asked for. */
export function dismissSpareWorker(): void {
  const thread = spare
  spare = undefined
  void thread?.terminate()
}

function spawn(): Worker {
  // The bodies' JavaScript allocates next to nothing: a small young generation saves about
  // 2 MB of resident memory per worker.
  const thread = new Worker(BOOTSTRAP, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 1 },
  })
  // Until a body takes it, it keeps nothing alive, and a failure of its own start only means
  // that the next body starts another one.
  thread.unref()
  const forget = () => {
    if (spare === thread) spare = undefined
  }
  thread.once('error', forget)
  thread.once('exit', forget)
  return thread
}
