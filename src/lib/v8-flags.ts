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
 * For every command, from its start (startup.ts): most of tar-push's garbage is buffers that die
 * within a request or a block. V8 frees them in a scavenge of the young generation, cheaply, if
 * one comes; but it grows the young generation to 16 MB when little else is allocated, so
 * scavenges became rare and the buffers' external memory set off full collections instead,
 * each marking the whole heap. Kept at its first size (measured here):
 * - a load test pulling 1 MiB blobs: 69 Mark-Compacts and 5 scavenges in 5 s, 6.0 ms of CPU an
 *   iteration, became 1 Mark-Compact and 125 scavenges, 3.0 ms (a raw node:http client: 3.5);
 * - peak RSS of a push: gzip 119 → 116 MB, spool 124 → 119, zstd 115 → 110, no slower.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
  // V8's memory reducer takes a process that mostly waits on the network for an idle one and
  // starts full collections to shrink its heap; in a load test it lowered the heap limit until
  // a full collection came every 20 ms, in one run of two (91 Mark-Compacts in 6 s; off: 1).
  setFlagsFromString('--no-memory-reducer')
}
