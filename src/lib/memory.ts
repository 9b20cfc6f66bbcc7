/**
 * Memory stays bounded by design (reused blocks, bounded queues, small high-water marks), not by
 * forcing garbage collections. This is kept only for the gzip encoder, which declares its
 * long-lived block pool here; it has no effect and goes with the encoder's next revision.
 */
export function keepBufferMemory(_bytes: number): void {}
