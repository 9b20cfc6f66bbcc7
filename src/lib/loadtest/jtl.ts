import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { TarPushError } from '../errors.ts'
import type { SampleWriter } from './metrics.ts'
import type { RequestSample } from './requests.ts'

/**
 * JMeter's CSV result format (a .jtl file with its default columns), so JMeter's own listeners,
 * BlazeMeter and other JTL readers load a bench run as if JMeter had made it. One row per
 * measured request, in completion order; times in ms, timeStamp in epoch ms at dispatch.
 */
export const JTL_COLUMNS = [
  'timeStamp',
  'elapsed',
  'label',
  'responseCode',
  'responseMessage',
  'threadName',
  'dataType',
  'success',
  'failureMessage',
  'bytes',
  'sentBytes',
  'grpThreads',
  'allThreads',
  'URL',
  'Latency',
  'IdleTime',
  'Connect',
] as const

/** RFC 4180 quoting, as JMeter writes fields holding the delimiter, quotes or newlines. */
export function csvField(value: string | number | boolean): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function jtlRow(sample: RequestSample, activeVus: number): string {
  const responded = sample.status > 0
  // JMeter's own wording for a sampler that got no HTTP response.
  const responseCode = responded
    ? String(sample.status)
    : `Non HTTP response code: ${sample.errorCode ?? 'no response'}`
  const responseMessage = responded
    ? sample.statusText
    : `Non HTTP response message: ${sample.message ?? ''}`
  const dataType = sample.kind === 'blob GET' ? 'bin' : 'text'
  const fields: (string | number | boolean)[] = [
    Math.round(sample.startedAt),
    Math.round(sample.elapsedMs),
    sample.kind,
    responseCode,
    responseMessage,
    sample.vu === 0 ? 'bench 0-0' : `bench 1-${sample.vu}`,
    dataType,
    sample.outcome === 'ok',
    sample.outcome === 'ok' ? '' : (sample.message ?? ''),
    sample.bytesReceived,
    sample.bytesSent,
    activeVus,
    activeVus,
    sample.url,
    Math.round(sample.ttfbMs ?? sample.elapsedMs),
    0,
    Math.round(sample.connectMs),
  ]
  return fields.map(csvField).join(',')
}

/** Writes a .jtl file as requests complete; `close` flushes it. */
export class JtlWriter implements SampleWriter {
  readonly #stream: WriteStream
  readonly #path: string
  #failure: Error | undefined

  private constructor(path: string, stream: WriteStream) {
    this.#path = path
    this.#stream = stream
    stream.on('error', (error) => (this.#failure = error))
  }

  static async open(path: string): Promise<JtlWriter> {
    const stream = createWriteStream(path)
    try {
      await once(stream, 'open')
    } catch (error) {
      throw new TarPushError(
        'OUTPUT_ERROR',
        `cannot write the JTL file "${path}": ${(error as NodeJS.ErrnoException).code ?? error}`,
        { subject: path, hint: 'choose a path in a directory that exists and is writable' },
      )
    }
    const writer = new JtlWriter(path, stream)
    stream.write(`${JTL_COLUMNS.join(',')}\n`)
    return writer
  }

  write(sample: RequestSample, activeVus: number): void {
    if (!this.#failure) this.#stream.write(`${jtlRow(sample, activeVus)}\n`)
  }

  async close(): Promise<void> {
    this.#stream.end()
    if (!this.#stream.closed) await once(this.#stream, 'close').catch(() => undefined)
    if (this.#failure) {
      throw new TarPushError('OUTPUT_ERROR', `writing "${this.#path}" failed: ${this.#failure}`, {
        subject: this.#path,
      })
    }
  }
}
