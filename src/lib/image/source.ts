import type { SourceEntry } from './model.ts'

/**
 * Where images are read from: a tarball or layout (archive/), a registry (registry/source.ts),
 * generated images (loadtest/). Its entries list the images and platforms it holds, each with
 * its manifest and config bytes and its layers' declared descriptors; a layer's bytes are read
 * as a stream (`Layer.content`). A source checks the structure of what it reads; the engine
 * checks every byte against its digest.
 */
export interface ImageSource {
  /** Human-readable name of the source, for messages ("image.tar", "ghcr.io/org/app:1"). */
  readonly name: string
  readonly entries: readonly SourceEntry[]
  close(): Promise<void>
}
