import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream'

/** How a blob's transfer ended. */
export type BlobTransferStatus = 'uploaded' | 'downloaded' | 'failed'

/**
 * Byte-level events of blob transfers, for a front end that draws progress (the CLI on a
 * terminal). Optional everywhere: without a listener nothing is counted and no stream is wrapped.
 */
export interface ProgressListener {
  /**
   * A transfer of blob `id` begins, or begins again from its start (a retry reopens the body):
   * the count of `id` starts over at 0. `totalBytes` is undefined when the size is not known in
   * advance (a layer compressed while it is sent).
   */
  blobStarted(id: string, label: string, totalBytes: number | undefined): void
  /** `bytes` more of blob `id` were read for upload or written after download. */
  blobBytes(id: string, bytes: number): void
  /** The transfer of blob `id` ended; no more events for it unless it starts again. */
  blobDone(id: string, status: BlobTransferStatus): void
}

export interface TransferProgress {
  listener: ProgressListener
  /** Unique among transfers running at once (a digest, or a diff_id for a layer being encoded). */
  id: string
  /** What the user sees next to the bar: a short digest. */
  label: string
  totalBytes: number | undefined
}

/**
 * Wraps a blob's `open()` so that every body it yields reports its bytes as they are read; each
 * call (a retry, a resumed chunked upload) starts the count over. Without progress, `open` itself.
 */
export function countingOpen(
  open: () => Promise<Readable>,
  progress: TransferProgress | undefined,
): () => Promise<Readable> {
  if (!progress) return open
  return async () => {
    const source = await open()
    const { listener, id, label, totalBytes } = progress
    listener.blobStarted(id, label, totalBytes)
    const counter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        listener.blobBytes(id, chunk.length)
        done(null, chunk)
      },
    })
    // The callback form returns the counter and destroys both streams when either fails, so
    // the consumer sees the source's error and an aborted request stops the source.
    return pipeline(source, counter, () => {})
  }
}

/** Runs one transfer and reports its end (uploaded or downloaded, or failed) to the listener. */
export async function reportTransfer<T>(
  progress: TransferProgress | undefined,
  status: Exclude<BlobTransferStatus, 'failed'>,
  run: () => Promise<T>,
): Promise<T> {
  if (!progress) return run()
  try {
    const result = await run()
    progress.listener.blobDone(progress.id, status)
    return result
  } catch (error) {
    progress.listener.blobDone(progress.id, 'failed')
    throw error
  }
}

/** The progress of one transfer, when there is a listener. */
export const transferProgress = (
  listener: ProgressListener | undefined,
  id: string,
  label: string,
  totalBytes: number | undefined,
): TransferProgress | undefined => (listener ? { listener, id, label, totalBytes } : undefined)
