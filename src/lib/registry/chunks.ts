import { Readable } from 'node:stream'

/**
 * Cuts one stream into consecutive parts of exact lengths, each a Readable of its own, without
 * buffering more than one source chunk: the bodies of a chunked upload, read from the blob once.
 */
export class ChunkCutter {
  readonly #stream: Readable
  readonly #source: AsyncIterator<Buffer>
  #leftover: Buffer | undefined

  constructor(source: Readable) {
    this.#stream = source
    this.#source = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  }

  /** Lets go of the source before its end (an upload that starts over). */
  close(): void {
    this.#stream.destroy()
  }

  /** The next `length` bytes; the stream fails if the source ends first. */
  part(length: number): Readable {
    return Readable.from(this.#take(length), { objectMode: false })
  }

  async *#take(length: number): AsyncGenerator<Buffer> {
    let remaining = length
    while (remaining > 0) {
      let chunk = this.#leftover
      this.#leftover = undefined
      if (!chunk) {
        const next = await this.#source.next()
        if (next.done) throw new Error(`the blob ended ${remaining} bytes before its size`)
        chunk = next.value
      }
      if (chunk.length > remaining) {
        this.#leftover = chunk.subarray(remaining)
        chunk = chunk.subarray(0, remaining)
      }
      remaining -= chunk.length
      yield chunk
    }
  }

  /** Reads and drops `length` bytes (resuming an upload: the source's checks still see them). */
  async skip(length: number): Promise<void> {
    for await (const chunk of this.#take(length)) void chunk
  }

  /** Reads the source to its end (running its checks); more bytes than the size are an error. */
  async finish(): Promise<void> {
    if (this.#leftover?.length) throw new Error('the blob is longer than its size')
    for (let next = await this.#source.next(); !next.done; next = await this.#source.next()) {
      if (next.value.length > 0) throw new Error('the blob is longer than its size')
    }
  }
}
