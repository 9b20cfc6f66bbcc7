import { clearScreenDown } from 'node:readline'
import cliProgress, { type GenericFormatter, type MultiBar, type SingleBar } from 'cli-progress'
import type { Colors } from 'picocolors/types'
import { formatBytes } from '../lib/format.ts'
import type { BlobTransferStatus, ProgressListener } from '../lib/progress.ts'

/** The stream the bars are drawn on: a terminal (stderr), or a stand-in with its properties. */
export interface TerminalStream extends NodeJS.WritableStream {
  isTTY?: boolean
  columns?: number
}

interface BarPayload {
  label: string
  /** False while a layer is compressed as it is sent: bytes so far, no total. */
  sized: boolean
  /** A status line shown as it is, instead of a bar. */
  status?: string
}

/** The id of the status line among the transfers. */
const STATUS_LINE = '\0status'

interface Transfer {
  bar: SingleBar
  bytes: number
}

/** Widest bar drawn; the pre-rendered bar strings of cli-progress are this long. */
const MAX_BAR = 30
const LABEL_WIDTH = 19

/**
 * Live progress of blob transfers on a terminal, drawn by cli-progress: one bar per blob in
 * flight, below the log lines, which are written above the bars while they are drawn. The bars
 * go away as their blobs finish, so what stays on the screen are the plain log lines.
 * Every line drawn passes through `mask`, as every logged line does.
 */
export class TerminalProgress implements ProgressListener {
  readonly #stream: TerminalStream
  readonly #colors: Colors
  readonly #mask: (text: string) => string
  readonly #transfers = new Map<string, Transfer>()
  #bars: MultiBar | undefined
  #logged = false

  constructor(options: { stream: TerminalStream; colors: Colors; mask: (text: string) => string }) {
    this.#stream = options.stream
    this.#colors = options.colors
    this.#mask = options.mask
  }

  /** Bars are on the screen. */
  get active(): boolean {
    return this.#bars !== undefined
  }

  blobStarted(id: string, label: string, totalBytes: number | undefined): void {
    const payload: BarPayload = { label, sized: totalBytes !== undefined }
    const known = this.#transfers.get(id)
    if (known) {
      // Started again (a retry reopened the body): count from 0.
      known.bytes = 0
      known.bar.setTotal(totalBytes ?? 0)
      known.bar.update(0, payload)
      return
    }
    const bars = (this.#bars ??= this.#createBars())
    this.#transfers.set(id, { bar: bars.create(totalBytes ?? 0, 0, payload), bytes: 0 })
    bars.update()
  }

  blobBytes(id: string, bytes: number): void {
    const transfer = this.#transfers.get(id)
    if (!transfer) return
    transfer.bytes += bytes
    transfer.bar.update(transfer.bytes)
  }

  blobDone(id: string, _status: BlobTransferStatus): void {
    const transfer = this.#transfers.get(id)
    if (!transfer) return
    this.#transfers.delete(id)
    // The log line that follows says how it ended; the bar just goes.
    if (this.#transfers.size === 0) this.stop()
    else this.#bars?.remove(transfer.bar)
  }

  /** Shows `line` below the log in place of the previous status line; undefined removes it. */
  status(line: string | undefined): void {
    const known = this.#transfers.get(STATUS_LINE)
    if (line === undefined) {
      if (known) this.blobDone(STATUS_LINE, 'uploaded')
      return
    }
    const payload: BarPayload = { label: '', sized: false, status: line }
    if (known) {
      known.bar.update(0, payload)
      return
    }
    const bars = (this.#bars ??= this.#createBars())
    this.#transfers.set(STATUS_LINE, { bar: bars.create(0, 0, payload), bytes: 0 })
    bars.update()
  }

  /** Writes a finished line: above the bars while they are drawn, else straight out. */
  log(line: string): void {
    if (this.#bars) {
      this.#bars.log(`${line}\n`)
      this.#logged = true
    } else {
      this.#stream.write(`${line}\n`)
    }
  }

  /** Removes the bars; lines logged meanwhile are written first. */
  stop(): void {
    const bars = this.#bars
    if (!bars) return
    this.#bars = undefined
    this.#transfers.clear()
    bars.update()
    bars.stop()
  }

  #createBars(): MultiBar {
    const bars = new cliProgress.MultiBar({
      stream: this.#stream,
      format: this.#format,
      barsize: MAX_BAR,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      clearOnComplete: true,
      // No terminal state to restore: the cursor stays visible and line wrapping on (each
      // line is cut to the width here), so an interrupted run leaves the terminal as it was.
      hideCursor: false,
      linewrap: true,
      gracefulExit: false,
      // Redraw every bar on every frame: after a bar is removed or lines are logged above
      // them, the others move up or down a line.
      forceRedraw: true,
    })
    // cli-progress writes logged lines over the bars without clearing them to the end of the
    // line; clear the bars first when there are lines to write.
    bars.on('redraw-pre', () => {
      if (!this.#logged) return
      this.#logged = false
      clearScreenDown(this.#stream)
    })
    return bars
  }

  /** One bar's line: label, bar, percentage, bytes, rate; never wider than the terminal. */
  readonly #format: GenericFormatter = (options, params, payload: BarPayload) => {
    const c = this.#colors
    const width = Math.max(20, params.maxWidth - 1)
    if (payload.status !== undefined) return this.#fit(width, [[payload.status, String]])
    const label = this.#mask(payload.label).slice(0, LABEL_WIDTH).padEnd(LABEL_WIDTH)
    const seconds = (Date.now() - params.startTime) / 1000
    const rate = seconds >= 0.5 ? `${formatBytes(params.value / seconds)}/s` : ''
    const done = formatBytes(params.value)
    if (!payload.sized) {
      return this.#fit(width, [
        [label, c.bold],
        [`${done} sent, compressing`, String],
        [rate, c.dim],
      ])
    }
    const percent = `${Math.floor(params.progress * 100)}%`.padStart(4)
    const amounts = `${done} / ${formatBytes(params.total)}`
    const parts = [
      [label, c.bold],
      [percent, String],
      [amounts, String],
      [rate, c.dim],
    ] as const
    // What is left of the line for the bar, after the other parts, their colours and a gap.
    const others = parts.filter(([text]) => text !== '').map(([text, colour]) => colour(text))
    const size = Math.min(MAX_BAR, width - others.join('  ').length - 2 - c.cyan('').length)
    if (size < 5) return this.#fit(width, [...parts])
    const bar = cliProgress.Format.BarFormat(params.progress, { ...options, barsize: size })
    return this.#fit(width, [parts[0], [bar, c.cyan], ...parts.slice(1)])
  }

  /**
   * Joins the parts with two spaces, coloured when that fits: cli-progress cuts a line at the
   * terminal width counting escape codes too, and a cut colour code would leak into the log.
   */
  #fit(width: number, parts: ReadonlyArray<readonly [string, (text: string) => string]>): string {
    const shown = parts.filter(([text]) => text !== '')
    const coloured = shown.map(([text, colour]) => colour(text)).join('  ')
    if (coloured.length <= width) return this.#mask(coloured)
    return this.#mask(
      shown
        .map(([text]) => text)
        .join('  ')
        .slice(0, width),
    )
  }
}
