import { setFlagsFromString } from 'node:v8'

/**
 * The two V8 settings tar-push changes at run time. Both change how V8 sizes its own work;
 * neither asks it to collect (memory stays bounded by the code's design).
 */

/**
 * For the deflate encoder: V8 compiles the hot deflate loop again, optimized, a moment into a
 * push; unrolling its loops took a 13 MB compiler zone at once, on top of a busy push (a spool
 * push peaked at 134 MB instead of 124, a streamed one at 122 instead of 118), for no speed we
 * could measure (1.70 against 1.75 s, within the noise).
 */
export function optimizeWasmWithoutLoopUnrolling(): void {
  setFlagsFromString('--no-wasm-loop-unrolling')
}

/**
 * For the commands that move images (push, pull, copy), as they start: most of their garbage is
 * buffers that die within a block or a request. V8 frees those in a scavenge of the young
 * generation, cheaply, if one comes; but it grows the young generation to 16 MB when little else
 * is allocated, so scavenges become rare and the buffers pile up until a full collection.
 * Kept at its first size, peak RSS of a push dropped (gzip 119 → 116 MB, spool 124 → 120,
 * zstd 115 → 110), no slower. Not for the load generator: with 16 users in flight, a small
 * young generation copies their live objects at every scavenge (0.3 ms of CPU an iteration).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
}

/**
 * For every command (startup.ts): V8's memory reducer takes a process that mostly waits on the
 * network for an idle one and starts full collections to shrink its heap. In a load test it
 * lowered the heap limit until a full collection came every 20 ms, in one run of two
 * (91 Mark-Compacts in 6 s; off: 1).
 */
export function skipMemoryReducer(): void {
  setFlagsFromString('--no-memory-reducer')
}
