import { algorithmOf, hexOf } from '../digest.ts'
import { MediaType } from './media-types.ts'
import type { Descriptor } from './model.ts'

/** The OCI image layout (image-spec layout.md): written by our disk sinks, read by archive/. */

/** Path of a blob inside an OCI image layout (and a Docker 25+ save, which is one). */
export const blobPath = (digest: string): string => `blobs/${algorithmOf(digest)}/${hexOf(digest)}`

export const OCI_LAYOUT_FILE = `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`

/** A layout's index.json listing `manifests`. */
export const layoutIndexJson = (manifests: readonly Descriptor[]): string =>
  `${JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests })}\n`

/** The annotation naming a layout's image by its tag alone (skopeo, umoci) or a full reference. */
export const ANNOTATION_REF_NAME = 'org.opencontainers.image.ref.name'
/** The full reference containerd and docker load 25+ read. */
export const ANNOTATION_CONTAINERD_NAME = 'io.containerd.image.name'
