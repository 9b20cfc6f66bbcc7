/**
 * What particular registries need beyond the distribution spec, in one place. Each entry names
 * the registry and why; everything else is handled by reacting to answers (a 405/416/501 on a
 * monolithic PUT moves to PATCH; a 413 or 416 on a body moves to chunks).
 */
export interface RegistryQuirks {
  /** Never send a body with Transfer-Encoding: chunked (compress to a spool file first). */
  contentLengthRequired: boolean
  /** Smallest chunk the registry takes, when chunking (the last chunk may be shorter). */
  minChunkSize: number
}

const MiB = 1024 * 1024

/** Chunk size when a registry refuses a body as too large and says nothing of its limit. */
export const FALLBACK_CHUNK_SIZE = 16 * MiB

export function quirksFor(registry: string): RegistryQuirks {
  const host = registry.replace(/:\d+$/, '')
  return {
    // Azure Container Registry refuses Transfer-Encoding: chunked uploads.
    contentLengthRequired: host.endsWith('.azurecr.io'),
    // Amazon ECR takes layer parts of at least 5 MiB (but the last).
    minChunkSize: /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host) ? 5 * MiB : 0,
  }
}
