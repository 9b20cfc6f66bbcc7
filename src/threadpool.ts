/**
 * Imported first by the entry points, before anything touches the libuv thread pool (sized on
 * first use): file reads, zlib jobs (zstd, gunzip) and DNS share it, and its default of 4
 * threads makes reads wait behind compression. The user's own setting wins.
 */
process.env['UV_THREADPOOL_SIZE'] ??= '8'
