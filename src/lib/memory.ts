import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * V8 frees the memory of dead Buffers only when it collects garbage, and it lets tens of MB of
 * them pile up first (its external-memory trigger). A transfer makes a few MB of short-lived
 * Buffers per second (reads, decompressed bytes being hashed, compressed output on its way to
 * the socket), so the resident size would float far above what is live. A collection once
 * Buffer memory passes the long-lived pools plus a slack keeps the peak there whatever the
 * layer size (the push's memory target), for 10-20 ms a collection of our small heap.
 */
const CHECK_EVERY = 2 * 1024 * 1024
/**
 * Buffer memory beyond the long-lived pools that starts a collection: above what a transfer has
 * in flight (each upload's compressed output on its way to the socket, about 8 MB at 4 uploads).
 */
const SLACK = 12 * 1024 * 1024
/** Churn between two collections at least: bounds their cost whatever is live. */
const SPACING = 6 * 1024 * 1024

let collectGarbage: (() => void) | undefined
let keptOnPurpose = 0
let sinceLastCheck = 0
let sinceLastCollection = 0

function collector(): () => void {
  if (collectGarbage === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      collectGarbage = runInNewContext('gc') as () => void
    } catch {
      collectGarbage = () => {}
    }
  }
  return collectGarbage
}

/** Declares Buffer memory held for the whole run (a pool), so it does not count as churn. */
export function keepBufferMemory(bytes: number): void {
  keptOnPurpose += bytes
}

/**
 * Counts bytes that went through short-lived Buffers (every stage that hashes a transfer calls
 * it); collects once enough may be dead.
 */
export function noteBufferChurn(bytes: number): void {
  sinceLastCheck += bytes
  sinceLastCollection += bytes
  if (sinceLastCheck < CHECK_EVERY) return
  sinceLastCheck = 0
  if (sinceLastCollection < SPACING) return
  if (process.memoryUsage().arrayBuffers < keptOnPurpose + SLACK) return
  sinceLastCollection = 0
  collector()()
}
