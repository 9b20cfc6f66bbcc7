import type * as Zlib from 'node:zlib'

/** What the body needs of its port: a worker's MessagePort, or the main thread's LocalPort. */
export interface DeflatePort {
  on(event: 'message', listener: (message: unknown) => void): unknown
  postMessage(message: unknown): void
}

/**
 * The body of a deflate worker thread. It is started from its source text (`eval`), so that
 * the ncc bundles need no separate worker file: it must not use anything from outside the
 * function but its arguments (no imports, no closures, no helpers), and only erasable types.
 * The main thread may run it too, over a channel of its own (deflate-pool.ts).
 *
 * The worker owns one instance of libdeflate.wasm, whose memory is shared: it reserves its
 * slots in it and hands the memory to the main thread, which reads each block's input straight
 * into a slot and takes the output from the same slot, so no block crosses postMessage. The
 * messages only say which slot to deflate, and the answer how many bytes came out.
 */
export function runDeflateWorker(port: DeflatePort, workerData: unknown, zlib: typeof Zlib): void {
  interface Setup {
    module: WebAssembly.Module
    slots: number
    blockSize: number
    window: number
  }
  interface Job {
    slot: number
    length: number
    dictionaryLength: number
    level: number
  }
  interface Exports {
    memory: WebAssembly.Memory
    malloc(size: number): number
    libdeflate_alloc_compressor(level: number): number
    libdeflate_deflate_compress_bound(compressor: number, length: number): number
    libdeflate_deflate_compress_chunk(
      compressor: number,
      input: number,
      length: number,
      dictionaryLength: number,
      output: number,
      outputCapacity: number,
    ): number
  }

  const setup = workerData as Setup
  const wasm = new WebAssembly.Instance(setup.module, {}).exports as unknown as Exports
  const compressors = new Map<number, number>()
  const compressor = (level: number): number => {
    let pointer = compressors.get(level)
    if (pointer === undefined) {
      pointer = wasm.libdeflate_alloc_compressor(level)
      if (pointer === 0) throw new Error(`libdeflate has no compression level ${level}`)
      compressors.set(level, pointer)
    }
    return pointer
  }
  // The bound of the level that stores the most (level 0, stored blocks), plus the sync marker.
  const outputCapacity = wasm.libdeflate_deflate_compress_bound(compressor(0), setup.blockSize) + 5
  const slots = Array.from({ length: setup.slots }, () => {
    const window = wasm.malloc(setup.window + setup.blockSize)
    const output = wasm.malloc(outputCapacity)
    if (window === 0 || output === 0) throw new Error('no memory for the deflate slots')
    return { window, input: window + setup.window, output }
  })

  port.on('message', (message) => {
    const job = message as Job
    try {
      const slot = slots[job.slot]!
      const input = new Uint8Array(wasm.memory.buffer, slot.input, job.length)
      const crc = zlib.crc32(input)
      const outputLength = wasm.libdeflate_deflate_compress_chunk(
        compressor(job.level),
        slot.input,
        job.length,
        job.dictionaryLength,
        slot.output,
        outputCapacity,
      )
      if (outputLength === 0) throw new Error(`the deflate output of a block did not fit its slot`)
      port.postMessage({ slot: job.slot, outputLength, crc })
    } catch (error) {
      port.postMessage({ slot: job.slot, error: String(error) })
    }
  })
  port.postMessage({ memory: wasm.memory, slots, outputCapacity })
}
