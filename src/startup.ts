/**
 * Imported first by the entry points: process-wide settings that must be in place before any
 * work starts (the thread pool is sized on first use).
 */
import { skipMemoryReducer } from './lib/v8-flags.ts'

// File reads, zlib jobs (zstd, gunzip) and DNS share libuv's pool, and its default of 4 threads
// makes reads wait behind compression. The user's own setting wins.
process.env['UV_THREADPOOL_SIZE'] ??= '8'

skipMemoryReducer()
