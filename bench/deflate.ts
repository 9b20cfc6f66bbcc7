/**
 * Deflate throughput on this machine: node:zlib's gzip (one stream, one thread) against the
 * gzip encoder of tar-push (libdeflate in WebAssembly: 1 worker, 2 workers, the main thread and
 * 1 worker), at levels 1 and 6, on the bytes of FILE (a layer tar, say), interleaved, median of
 * --reps runs.
 *
 *   node bench/deflate.ts FILE [--reps N] [--mb N]
 *
 * MB/s are of input (MB of 10^6 bytes) per wall-clock second, and per CPU-second of the whole
 * process (every thread): on a machine shared with other work the second tells the cost better.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { gzip } from 'node:zlib'
import { promisify } from 'node:util'
import { DeflatePool } from '../src/lib/encode/deflate-pool.ts'
import { GzipBlockEncoder } from '../src/lib/encode/parallel-gzip.ts'
import { busyFraction } from './machine.ts'

const gzipAsync = promisify(gzip)

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { reps: { type: 'string', default: '3' }, mb: { type: 'string', default: '96' } },
})
const file = positionals[0]
if (!file) {
  console.error('usage: node bench/deflate.ts FILE [--reps N] [--mb N]')
  process.exit(2)
}
const input = (await readFile(file)).subarray(0, Number(values.mb) * 1e6)
const reps = Number(values.reps)

/** The encoder's whole output for `input`, as a push drives it: a few blocks in flight. */
async function wasmGzip(pool: DeflatePool, level: number): Promise<number> {
  const encoder = new GzipBlockEncoder(level, pool)
  const inFlight: Promise<Buffer[]>[] = []
  const size = (parts: Buffer[]) => parts.reduce((sum, part) => sum + part.length, 0)
  let bytes = encoder.header().length
  for (let offset = 0; offset < input.length; offset += GzipBlockEncoder.blockSize) {
    if (inFlight.length >= 4) bytes += size(await inFlight.shift()!)
    const slot = await encoder.acquire()
    const length = input.copy(slot.input, 0, offset, offset + GzipBlockEncoder.blockSize)
    inFlight.push(encoder.encode(slot, length))
  }
  for (const block of inFlight) bytes += size(await block)
  return bytes + (await encoder.trailer()).length
}

const pools = {
  worker: new DeflatePool({ workers: 1, mainThread: false }),
  workers: new DeflatePool({ workers: 2, mainThread: false }),
  mainAndWorker: new DeflatePool({ workers: 1, mainThread: true }),
}
const encoders: [string, (level: number) => Promise<number>][] = [
  ['node:zlib gzip, 1 thread', async (level) => (await gzipAsync(input, { level })).length],
  ['wasm, 1 worker', (level) => wasmGzip(pools.worker, level)],
  ['wasm, 2 workers', (level) => wasmGzip(pools.workers, level)],
  ['wasm, main thread + 1 worker', (level) => wasmGzip(pools.mainAndWorker, level)],
]

const busy = await busyFraction(500)
console.log(
  `${(input.length / 1e6).toFixed(0)} MB of ${file}; machine ${busy === undefined ? '?' : (busy * 100).toFixed(0)}% busy before the run; median of ${reps}`,
)
for (const level of [1, 6]) {
  const runs = new Map<string, { seconds: number[]; cpuSeconds: number[]; bytes: number }>()
  for (let rep = 0; rep < reps; rep++) {
    for (const [name, encode] of encoders) {
      const started = performance.now()
      const cpuBefore = process.cpuUsage()
      const bytes = await encode(level)
      const seconds = (performance.now() - started) / 1000
      const cpu = process.cpuUsage(cpuBefore)
      const run = runs.get(name) ?? { seconds: [], cpuSeconds: [], bytes }
      run.seconds.push(seconds)
      run.cpuSeconds.push((cpu.user + cpu.system) / 1e6)
      runs.set(name, run)
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!
  const rate = (seconds: number) => (input.length / 1e6 / seconds).toFixed(0).padStart(4)
  for (const [name, run] of runs) {
    console.log(
      `level ${level}  ${name.padEnd(28)} ${rate(median(run.seconds))} MB/s, ` +
        `${rate(median(run.cpuSeconds))} MB per CPU-s, ` +
        `output ${((run.bytes / input.length) * 100).toFixed(2)}% of input`,
    )
  }
}
