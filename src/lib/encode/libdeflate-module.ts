import { optimizeWasmWithoutLoopUnrolling } from '../v8-flags.ts'
import { LIBDEFLATE_WASM_BASE64 } from './libdeflate-wasm.ts'

let compiled: WebAssembly.Module | undefined

/** libdeflate.wasm, compiled once for the process: the deflaters and the gzip thread. */
export function libdeflateModule(): WebAssembly.Module {
  optimizeWasmWithoutLoopUnrolling()
  compiled ??= new WebAssembly.Module(Buffer.from(LIBDEFLATE_WASM_BASE64, 'base64'))
  return compiled
}
