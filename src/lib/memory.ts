import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * V8 frees the memory of dead Buffers only when it collects garbage, and it waits for tens of
 * MB of them first; compressing a layer makes a few MB of short-lived Buffers per second, so
 * the resident size would float ~80 MB above what is live. A major collection of our small
 * heap costs 10-30 ms: doing one when Buffer memory passes a budget keeps the peak RSS bounded
 * whatever the layer size (the memory target of the push), at a few collections a second.
 */
const CHECK_EVERY = 8 * 1024 * 1024
/** Dead Buffers tolerated before a collection: what V8 itself lets pile up is several times it. */
const ARRAY_BUFFER_BUDGET = 32 * 1024 * 1024

let collectGarbage: (() => void) | undefined
let sinceLastCollection = 0

function collector(): (() => void) | undefined {
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

/** Counts bytes that went through short-lived Buffers; collects once enough have. */
export function noteBufferChurn(bytes: number): void {
  sinceLastCollection += bytes
  if (sinceLastCollection < CHECK_EVERY) return
  sinceLastCollection = 0
  if (process.memoryUsage().arrayBuffers > ARRAY_BUFFER_BUDGET) collector()?.()
}
