import type { Descriptor } from '../model.ts'
import type { BlobWriter } from '../pull/download.ts'

/**
 * Where a pulled image is written. The layers are downloaded into it in parallel; the small
 * documents (manifest, config, index) are written by `finish`, which makes the result visible
 * at the output path only once everything was verified.
 */
export interface ImageSink {
  /** A writer for one layer blob, or undefined when the sink holds it already. */
  blob(descriptor: Descriptor): Promise<BlobWriter | undefined>
  finish(): Promise<void>
  /** Removes what this pull wrote; whatever was at the output before is left as it was. */
  abort(): Promise<void>
}
