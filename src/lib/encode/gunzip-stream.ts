import type * as Crypto from 'node:crypto'
import type * as Zlib from 'node:zlib'

/**
 * gzip decoding on libdeflate.wasm's resumable inflater (script/deflate-wasm/inflate_stream.c),
 * for the diff_id check: each stream's input comes in pieces, its output is CRC-checked and
 * hashed as it is decoded, and only its digest leaves. It is 1.7–2.2 times node:zlib's speed
 * here, and it runs where it is put (a worker thread) instead of calling back the main thread
 * for every decoded chunk.
 *
 * What it accepts is what node:zlib's gunzip accepts: one or more members; after a member,
 * bytes that start with 0x00 are ignored (padding); anything else must be another member.
 *
 * Started from its source text in a worker: it must not use anything from outside the
 * function but its arguments, and only erasable types.
 */
export function gunzipStreams(
  wasm: GunzipExports,
  zlib: typeof Zlib,
  crypto: typeof Crypto,
): GunzipStreams {
  const HISTORY = 32 * 1024
  const OUTPUT = 512 * 1024
  // Input bytes a stream keeps between pieces: the inflater stops for input with less than its
  // header margin (1 KiB) unread, whatever the size of the pieces.
  const PENDING = 4 * 1024
  const NEED_INPUT = 1
  const OUTPUT_FULL = 2
  const DONE = 0
  const TRUNCATED = 4
  const FLAG_HCRC = 2
  const FLAG_EXTRA = 4
  const FLAG_NAME = 8
  const FLAG_COMMENT = 16

  interface Regions {
    state: number
    output: number
    pending: number
  }
  const spare: Regions[] = []
  const bytes = () => new Uint8Array(wasm.memory.buffer)

  function regions(): Regions {
    const reused = spare.pop()
    if (reused) return reused
    const state = wasm.inflate_stream_alloc()
    const output = wasm.malloc(HISTORY + OUTPUT)
    const pending = wasm.malloc(PENDING)
    if (!state || !output || !pending) throw new Error('no memory for a gzip stream')
    return { state, output: output + HISTORY, pending }
  }

  const fail = (message: string): never => {
    throw new Error(message)
  }

  function open(algorithm: string): GunzipStream {
    const at = regions()
    const hash = crypto.createHash(algorithm)
    let released = false
    let size = 0
    // Where in the member the bytes are: its header, a field at a time, its deflate data,
    // its trailer; then another member, or padding (0x00 and whatever follows).
    let phase: 'header' | 'deflate' | 'trailer' | 'between' | 'padding' = 'header'
    let step: 'fixed' | 'extra-length' | 'extra' | 'name' | 'comment' | 'hcrc' = 'fixed'
    let field: number[] = []
    let flags = 0
    let extraLeft = 0
    let headerCrc = 0
    let crc = 0
    let memberSize = 0
    let history = 0
    // Input bytes not consumed yet, kept in `at.pending` between pieces.
    let pending = 0

    const startMember = () => {
      phase = 'header'
      step = 'fixed'
      field = []
      headerCrc = 0
      crc = 0
      memberSize = 0
      history = 0
      wasm.inflate_stream_reset(at.state)
    }
    startMember()

    // Gathers the next `count` bytes of a field from [next, until); returns where it stopped.
    const gather = (memory: Uint8Array, next: number, until: number, count: number): number => {
      while (next < until && field.length < count) field.push(memory[next++]!)
      return next
    }

    // Reads the header's fields from [from, until); returns where it stopped.
    function readHeader(memory: Uint8Array, from: number, until: number): number {
      let next = from
      while (next < until && phase === 'header') {
        const start = next
        if (step === 'fixed') {
          next = gather(memory, next, until, 10)
          // Checked as soon as they are there, so that bytes that are no gzip say so.
          if (field.length >= 2 && (field[0] !== 0x1f || field[1] !== 0x8b))
            fail('incorrect header check')
          if (field.length >= 3 && field[2] !== 8) fail('unknown compression method')
          if (field.length >= 4 && field[3]! & 0xe0) fail('unknown header flags set')
          if (field.length === 10) {
            flags = field[3]!
            field = []
            step = flags & FLAG_EXTRA ? 'extra-length' : 'name'
          }
        } else if (step === 'extra-length') {
          next = gather(memory, next, until, 2)
          if (field.length === 2) {
            extraLeft = field[0]! | (field[1]! << 8)
            field = []
            step = 'extra'
          }
        } else if (step === 'extra') {
          const take = Math.min(extraLeft, until - next)
          next += take
          extraLeft -= take
          if (extraLeft === 0) step = 'name'
        } else if (step === 'name' || step === 'comment') {
          if (flags & (step === 'name' ? FLAG_NAME : FLAG_COMMENT)) {
            const zero = memory.subarray(next, until).indexOf(0)
            next = zero < 0 ? until : next + zero + 1
            if (zero < 0) {
              headerCrc = zlib.crc32(memory.subarray(start, next), headerCrc)
              continue
            }
          }
          step = step === 'name' ? 'comment' : 'hcrc'
        } else {
          if (flags & FLAG_HCRC) {
            next = gather(memory, next, until, 2)
            if (field.length < 2) continue
            if ((field[0]! | (field[1]! << 8)) !== (headerCrc & 0xffff)) fail('header crc mismatch')
            field = []
          }
          phase = 'deflate'
          continue
        }
        headerCrc = zlib.crc32(memory.subarray(start, next), headerCrc)
      }
      return next
    }

    // Reads framing bytes (header, trailer, what follows a member) from [from, until).
    function frame(from: number, until: number): number {
      const memory = bytes()
      let next = from
      while (next < until && phase !== 'deflate') {
        if (phase === 'padding') return until
        if (phase === 'between') {
          if (memory[next] === 0) phase = 'padding'
          else startMember()
        } else if (phase === 'trailer') {
          next = gather(memory, next, until, 8)
          if (field.length < 8) return next
          const word = (i: number) =>
            (field[i]! | (field[i + 1]! << 8) | (field[i + 2]! << 16) | (field[i + 3]! << 24)) >>> 0
          if (word(0) !== crc >>> 0) fail('incorrect data check')
          if (word(4) !== memberSize % 2 ** 32) fail('incorrect length check')
          field = []
          phase = 'between'
        } else next = readHeader(memory, next, until)
      }
      return next
    }

    /**
     * Decodes deflate data from [from, until); returns where it ended, or -1 when it needs
     * more input (what it did not consume is kept in the pending area).
     */
    function inflate(from: number, until: number, final: boolean): number {
      let input = from
      for (;;) {
        const status = wasm.inflate_stream_run(
          at.state,
          input,
          until - input,
          final ? 1 : 0,
          at.output,
          history,
          OUTPUT,
        )
        input += wasm.inflate_stream_in_used(at.state)
        const written = wasm.inflate_stream_out_written(at.state)
        if (written > 0) {
          const memory = bytes()
          const out = memory.subarray(at.output, at.output + written)
          crc = zlib.crc32(out, crc)
          hash.update(out)
          size += written
          memberSize += written
          // The window for the next call: the last HISTORY bytes, just before the output.
          const kept = Math.min(HISTORY, history + written)
          memory.copyWithin(at.output - kept, at.output + written - kept, at.output + written)
          history = kept
        }
        if (status === OUTPUT_FULL) continue
        if (status === DONE) {
          phase = 'trailer'
          return input
        }
        if (status === TRUNCATED) fail('unexpected end of file')
        if (status !== NEED_INPUT) fail('invalid deflate data')
        pending = until - input
        if (pending > PENDING) fail(`the inflater stopped with ${pending} bytes unread`)
        bytes().copyWithin(at.pending, input, until)
        return -1
      }
    }

    // Reads [from, until) to its end, or until the inflater needs more.
    function run(from: number, until: number, final: boolean): void {
      let next = from
      while (next < until || (final && phase === 'deflate')) {
        if (phase !== 'deflate') next = frame(next, until)
        else {
          next = inflate(next, until, final)
          if (next < 0) return
        }
      }
    }

    return {
      push(from: number, length: number): void {
        if (released || length === 0) return
        let start = from
        if (pending > 0) {
          // The carried bytes go just before the piece (it has PENDING bytes of room there).
          bytes().copyWithin(from - pending, at.pending, at.pending + pending)
          start = from - pending
          pending = 0
        }
        run(start, from + length, false)
      },
      end(): { digest: string; size: number } {
        const carried = pending
        pending = 0
        run(at.pending, at.pending + carried, true)
        if (phase !== 'between' && phase !== 'padding') fail('unexpected end of file')
        return { digest: `${algorithm}:${hash.digest('hex')}`, size }
      },
      release(): void {
        if (released) return
        released = true
        spare.push(at)
      },
    }
  }

  return { open, inputRoom: PENDING }
}

export interface GunzipExports {
  memory: WebAssembly.Memory
  malloc(size: number): number
  inflate_stream_alloc(): number
  inflate_stream_reset(state: number): void
  inflate_stream_run(
    state: number,
    input: number,
    length: number,
    final: number,
    output: number,
    history: number,
    outputLength: number,
  ): number
  inflate_stream_in_used(state: number): number
  inflate_stream_out_written(state: number): number
}

export interface GunzipStream {
  /** Input bytes at [from, from + length) of the memory, with `inputRoom` free bytes before. */
  push(from: number, length: number): void
  /** The digest of everything decoded; throws when the input ended early. */
  end(): { digest: string; size: number }
  /** Gives the stream's memory back (after end, or when given up). */
  release(): void
}

export interface GunzipStreams {
  open(algorithm: string): GunzipStream
  /** Bytes before each pushed input that a stream may write to (its carried bytes). */
  inputRoom: number
}
