export const id = 503;
export const ids = [503];
export const modules = {

/***/ 2173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Et: () => (/* binding */ ChunkPool),
/* harmony export */   jr: () => (/* binding */ letGoChunk),
/* harmony export */   py: () => (/* binding */ holdChunk)
/* harmony export */ });
/**
 * Reused Buffers for the chunks of a blob on their way to the network. V8 collects a dead
 * Buffer only when about 64 MB of them have piled up (its external-memory trigger), so a push
 * that allocates a Buffer per chunk (each deflated block, each file read) peaks at tens of MB
 * above what it holds alive. Instead a producer takes a buffer from a pool and lends a chunk of
 * it; the chunk goes back to the pool once every reader let go of it: the upload when the socket
 * has written it (http/upload-body.ts), and any reader that keeps it for later (`holdChunk`).
 *
 * A chunk nobody lets go of (a spool file, a disk sink, an error) is simply collected: the pool
 * allocates another. Only the exact chunk lent goes back: a stage that passes on a part of one
 * (a slice) makes it ineligible, never recycled while the other part may still be read.
 */
const lent = new WeakMap();
class ChunkPool {
    #size;
    #keep;
    #free = [];
    /** The pool's buffers out of it: lent, or lost to a consumer that never gives them back. */
    #out = 0;
    /** A lost buffer is counted out of `#out` once collected. */
    #lost = new FinalizationRegistry(() => this.#out--);
    /** Buffers of `size` bytes; at most `keep` of them wait free between uses. */
    constructor(options) {
        this.#size = options.size;
        this.#keep = options.keep;
    }
    get size() {
        return this.#size;
    }
    /**
     * A buffer to fill with at most `length` bytes, then `lend` (or `giveBack` unused). While
     * `keep` buffers are out (their consumers do not give them back: a spool file, a disk sink),
     * it is a plain one of `length` bytes, left to the garbage collector.
     */
    take(length = this.#size) {
        const free = this.#free.pop();
        if (free)
            return free;
        if (this.#out >= this.#keep)
            return Buffer.allocUnsafe(length);
        const whole = Buffer.allocUnsafeSlow(this.#size);
        this.#out++;
        this.#lost.register(whole, undefined, whole);
        pooled.add(whole);
        return whole;
    }
    /** Its first `length` bytes as a chunk, with one hold: the consumer's. */
    lend(whole, length) {
        if (!pooled.has(whole))
            return whole.subarray(0, length);
        lent.set(whole.buffer, { pool: this, whole, length, holds: 1 });
        return whole.subarray(0, length);
    }
    giveBack(whole) {
        lent.delete(whole.buffer);
        if (!pooled.has(whole))
            return;
        if (this.#free.length < this.#keep) {
            this.#free.push(whole);
            return;
        }
        pooled.delete(whole);
        this.#lost.unregister(whole);
        this.#out--;
    }
}
/** Buffers that belong to a pool (not a plain one handed out over `keep`). */
const pooled = new WeakSet();
function recordOf(chunk) {
    const record = lent.get(chunk.buffer);
    return record && chunk.byteOffset === 0 && chunk.length === record.length ? record : undefined;
}
/** One more reader keeps the chunk (it reads it later); it calls `letGoChunk` when done. */
function holdChunk(chunk) {
    const record = recordOf(chunk);
    if (record)
        record.holds++;
}
/** A reader is done with the chunk; the last one gives it back to its pool. */
function letGoChunk(chunk) {
    const record = recordOf(chunk);
    if (record && --record.holds === 0)
        record.pool.giveBack(record.whole);
}


/***/ }),

/***/ 8899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   Hy: () => (/* binding */ algorithmOf),
/* harmony export */   SC: () => (/* binding */ VerifyingStream),
/* harmony export */   V7: () => (/* binding */ assertDigest),
/* harmony export */   Xi: () => (/* binding */ DigestingStream),
/* harmony export */   ZD: () => (/* binding */ hexOf),
/* harmony export */   _j: () => (/* binding */ matchesDigest),
/* harmony export */   mh: () => (/* binding */ LastByteHold),
/* harmony export */   s: () => (/* binding */ digestIn),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);



const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
const SHA512_DIGEST = /^sha512:[a-f0-9]{128}$/;
const isDigest = (value) => SHA256_DIGEST.test(value) || SHA512_DIGEST.test(value);
/** Digests become file names and URL paths: refuse anything but a well-formed one. */
function assertDigest(value, subject) {
    if (typeof value !== 'string' || !isDigest(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$('TARBALL_JSON', `not a valid digest: ${JSON.stringify(value)}`, {
            subject,
            hint: 'digests look like sha256:<64 lowercase hex>; the file was written by a broken tool or altered',
        });
    }
    return value;
}
const sha256 = (data) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
const algorithmOf = (digest) => digest.slice(0, digest.indexOf(':'));
/** The digest of whole bytes (a manifest, a config) in `algorithm` (sha256 or sha512). */
const digestIn = (algorithm, bytes) => `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
/**
 * The check of every document read whole, whatever its source: its bytes hash to the digest
 * that names it, in that digest's algorithm (streamed blobs: VerifyingStream).
 */
const matchesDigest = (bytes, digest) => digestIn(algorithmOf(digest), bytes) === digest;
const hexOf = (digest) => digest.slice(digest.indexOf(':') + 1);
/** A pass-through stream that hashes and counts what flows through it. */
class DigestingStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    #hash;
    #algorithm;
    bytes = 0;
    #digest;
    constructor(algorithm = 'sha256') {
        super();
        this.#algorithm = algorithm;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
    }
    _transform(chunk, _encoding, done) {
        this.#hash.update(chunk);
        this.bytes += chunk.length;
        done(null, chunk);
    }
    _flush(done) {
        this.#digest = `${this.#algorithm}:${this.#hash.digest('hex')}`;
        done();
    }
    /** Available once the stream has ended. */
    get digest() {
        if (this.#digest === undefined)
            throw new Error('digest read before the stream ended');
        return this.#digest;
    }
}
/**
 * Passes `chunk` on, except the stream's last byte, which waits for `release` (after the
 * checks): a consumer never has every byte of a blob that failed them (a registry answering a
 * PUT once it has Content-Length bytes, a file complete on disk), it sees an error instead of a
 * clean end and never commits them. Holds one byte, only at the end (with `size` known).
 */
class LastByteHold {
    #size;
    #seen = 0;
    #held;
    constructor(size) {
        this.#size = size;
    }
    pass(stream, chunk) {
        this.#seen += chunk.length;
        if (this.#size !== undefined && this.#seen < this.#size)
            return chunk;
        if (this.#held)
            stream.push(this.#held);
        // A copy, not a view: the chunk may go back to its pool (chunk-pool.ts) once passed on.
        this.#held = Buffer.from(chunk.subarray(chunk.length - 1));
        return chunk.length > 1 ? chunk.subarray(0, chunk.length - 1) : undefined;
    }
    release() {
        return this.#held;
    }
}
/**
 * Pass-through that fails at the end when the bytes do not match an expected digest and size,
 * its last byte held back until they are checked (LastByteHold).
 */
class VerifyingStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    #hash;
    #expected;
    #onMismatch;
    #hold;
    bytes = 0;
    constructor(options) {
        super();
        this.#hold = new LastByteHold(options.size);
        this.#expected = options;
        this.#onMismatch = options.onMismatch;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithmOf(options.digest));
    }
    _transform(chunk, _encoding, done) {
        this.#hash.update(chunk);
        this.bytes += chunk.length;
        done(null, this.#hold.pass(this, chunk));
    }
    _flush(done) {
        const digest = `${algorithmOf(this.#expected.digest)}:${this.#hash.digest('hex')}`;
        const sizeMatches = this.#expected.size === undefined || this.#expected.size === this.bytes;
        if (digest !== this.#expected.digest || !sizeMatches) {
            done(this.#onMismatch({ digest, size: this.bytes }));
            return;
        }
        done(null, this.#hold.release());
    }
}


/***/ }),

/***/ 6582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ ENCODED_BLOCKS_KEPT),
/* harmony export */   Cp: () => (/* binding */ BLOCKS_IN_FLIGHT),
/* harmony export */   bi: () => (/* binding */ BlockEncodingStream),
/* harmony export */   lx: () => (/* binding */ SlotPool)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Blocks of one stream in flight: its share of the encode jobs, which bounds its memory. 3, not
 * 4: a gzip push peaked 2 MB lower (a spool push 3 MB) at a speed within the noise of 4.
 */
const BLOCKS_IN_FLIGHT = 3;
/**
 * Encoded blocks kept in reused buffers (chunk-pool.ts) between the encoder and the socket, for
 * every stream at once: the engine encodes up to 4 layers at a time, and the benchmark's pushes
 * held 11 or 12 at most. Fewer is worse, not better: the blocks over it are plain Buffers that
 * pile up until V8 collects them (a pool of 8 zstd frames peaked 6 MB higher than one of 16).
 */
const ENCODED_BLOCKS_KEPT = 16;
/** A block encoder as a Transform, for a stream of bytes of any chunking. */
class BlockEncodingStream extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Transform {
    #encoder;
    #buffered = [];
    #bufferedBytes = 0;
    #inFlight = [];
    constructor(encoder) {
        super({ highWaterMark: encoder.blockSize });
        this.#encoder = encoder;
        this.push(encoder.header());
    }
    _transform(chunk, _encoding, done) {
        this.#buffered.push(chunk);
        this.#bufferedBytes += chunk.length;
        this.#drainFullBlocks().then(() => done(), done);
    }
    _flush(done) {
        const finish = async () => {
            if (this.#bufferedBytes > 0)
                await this.#submit(this.#bufferedBytes);
            while (this.#inFlight.length > 0)
                this.#emit(await this.#inFlight.shift());
            this.push(await this.#encoder.trailer());
        };
        finish().then(() => done(), done);
    }
    async #drainFullBlocks() {
        const { blockSize } = this.#encoder;
        while (this.#bufferedBytes >= blockSize) {
            // Bounded work in flight: wait for the oldest block before taking a slot for another.
            if (this.#inFlight.length >= BLOCKS_IN_FLIGHT)
                this.#emit(await this.#inFlight.shift());
            await this.#submit(blockSize);
        }
    }
    /**
     * The first `length` buffered bytes copied into a slot and encoded. A slot is taken only once
     * a block is complete: a stream waiting for input holds none.
     */
    async #submit(length) {
        const slot = await this.#encoder.acquire();
        let filled = 0;
        while (filled < length) {
            const chunk = this.#buffered[0];
            const taken = chunk.copy(slot.input, filled, 0, Math.min(chunk.length, length - filled));
            filled += taken;
            if (taken === chunk.length)
                this.#buffered.shift();
            else
                this.#buffered[0] = chunk.subarray(taken);
        }
        this.#bufferedBytes -= length;
        const block = this.#encoder.encode(slot, length);
        block.catch(() => { }); // awaited in order by _transform/_flush
        this.#inFlight.push(block);
    }
    #emit(parts) {
        for (const part of parts)
            this.push(part);
    }
}
/**
 * Slots of reused Buffers, shared by every stream of one encoder kind: memory stays the same
 * whatever the number of layers in flight.
 */
class SlotPool {
    #free = [];
    #waiting = [];
    #capacity;
    #blockSize;
    #created = 0;
    constructor(capacity, blockSize) {
        this.#capacity = capacity;
        this.#blockSize = blockSize;
    }
    acquire() {
        const free = this.#free.pop();
        if (free)
            return Promise.resolve(free);
        if (this.#created < this.#capacity) {
            this.#created++;
            return Promise.resolve({ input: Buffer.allocUnsafe(this.#blockSize) });
        }
        return new Promise((resolve) => this.#waiting.push(resolve));
    }
    release(slot) {
        const next = this.#waiting.shift();
        if (next)
            next(slot);
        else
            this.#free.push(slot);
    }
}


/***/ }),

/***/ 4876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $C: () => (/* binding */ createDecoder),
/* harmony export */   HF: () => (/* binding */ releaseDecodedChunk),
/* harmony export */   _7: () => (/* binding */ COMPRESSIONS),
/* harmony export */   ol: () => (/* binding */ DEFAULT_LEVELS),
/* harmony export */   wu: () => (/* binding */ levelRange),
/* harmony export */   xZ: () => (/* binding */ encodingName),
/* harmony export */   xv: () => (/* binding */ createEncoder)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _parallel_gzip_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6970);
/* harmony import */ var _parallel_zstd_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4755);
/* harmony import */ var _spent_output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9994);





/**
 * Levels used when none is given: gzip 1 as crane (BestSpeed) — deflate is the slowest step of
 * a push and level 6 saves a few percent more at three times the CPU; zstd's own default.
 */
const DEFAULT_LEVELS = {
    gzip: 1,
    zstd: 3,
    none: undefined,
};
const COMPRESSIONS = ['gzip', 'zstd', 'none'];
function levelRange(compression) {
    if (compression === 'gzip')
        return [0, 9];
    if (compression === 'zstd')
        return [1, 19];
    return undefined;
}
function createEncoder(compression, level) {
    const chosen = level ?? DEFAULT_LEVELS[compression];
    if (compression === 'gzip')
        return new _parallel_gzip_js__WEBPACK_IMPORTED_MODULE_2__/* .ParallelGzip */ .mX({ level: chosen ?? 1 });
    if (compression === 'zstd')
        return new _parallel_zstd_js__WEBPACK_IMPORTED_MODULE_3__/* .ParallelZstd */ .hA({ level: chosen ?? 3 });
    return new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
}
/** The decoders' output buffers: each chunk costs a callback on the main thread, whatever its size. */
const DECODED_CHUNK = 256 * 1024;
/**
 * A decompressor with large output chunks. `highWaterMark` lets a writer run ahead of the
 * decompression.
 */
function createDecoder(compression, highWaterMark) {
    const options = { chunkSize: DECODED_CHUNK, ...(highWaterMark ? { highWaterMark } : {}) };
    if (compression === 'gzip')
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createGunzip)(options);
    if (compression === 'zstd')
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createZstdDecompress)(options);
    return new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
}
/**
 * Frees the memory of a decoder's output chunk that its reader is done with (hashed, copied), at
 * once instead of at V8's next collection: V8 lets about 64 MB of dead Buffers pile up before
 * it collects them, and a diff_id check decodes several times the bytes it reads. A decoder
 * fills one buffer of DECODED_CHUNK bytes at a time and allocates the next once it is full, so
 * the chunk that ends its buffer is the last use of that buffer: that one is released (detached
 * by a zero-length transfer), its earlier chunks must be done with already. Only for a reader
 * that keeps no chunk (and no view of one) once it has returned.
 */
function releaseDecodedChunk(chunk) {
    (0,_spent_output_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseSpentOutput */ .j)(chunk, DECODED_CHUNK);
}
/**
 * Names an encoder's exact output: the same layer encoded under the same name gives the same
 * bytes, so a digest learned once (the digest map) holds for every later run.
 */
function encodingName(compression, level) {
    const chosen = level ?? DEFAULT_LEVELS[compression];
    if (compression === 'gzip')
        return `gzip-${chosen}-${(0,_parallel_gzip_js__WEBPACK_IMPORTED_MODULE_2__/* .parallelGzipVersion */ .oq)()}`;
    if (compression === 'zstd')
        return `zstd-${chosen}-${_parallel_zstd_js__WEBPACK_IMPORTED_MODULE_3__/* .PARALLEL_ZSTD_VERSION */ .NN}`;
    return 'none';
}


/***/ }),

/***/ 6970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aN: () => (/* binding */ GzipBlockEncoder),
  mX: () => (/* binding */ ParallelGzip),
  oq: () => (/* binding */ parallelGzipVersion)
});

// UNUSED EXPORTS: looksIncompressible

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/lib/encode/block-encoder.ts
var block_encoder = __webpack_require__(6582);
;// CONCATENATED MODULE: ./src/lib/encode/crc32-combine.ts
/**
 * The CRC-32 of two byte runs joined, from the CRC of each and the length of the second: the
 * blocks of one gzip member are checksummed in parallel by the deflate workers, and the member's
 * trailer needs the CRC of all of them. Arithmetic on polynomials over GF(2) modulo the gzip
 * polynomial, in its reflected form (the highest bit is the x^0 term).
 */
const POLYNOMIAL = 0xedb88320;
const X_TO_THE_0 = 0x80000000;
/** a(x)·b(x) mod P(x). */
function multiply(a, b) {
    let product = 0;
    for (let term = X_TO_THE_0; term !== 0; term >>>= 1) {
        if (a & term)
            product ^= b;
        b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
    }
    return product >>> 0;
}
/** x^(2^k) mod P(x) for k = 0..31; the powers repeat with period 32 (x^(2^32) = x mod P). */
const X_TO_THE_2_TO_THE = [X_TO_THE_0 >>> 1];
for (let k = 1; k < 32; k++) {
    const previous = X_TO_THE_2_TO_THE[k - 1];
    X_TO_THE_2_TO_THE.push(multiply(previous, previous));
}
/** x^(8·bytes) mod P(x): what appending `bytes` zero bytes multiplies a CRC by. */
function shiftByBytes(bytes) {
    let power = X_TO_THE_0;
    let k = 3; // 8 bits a byte: start at x^(2^3)
    for (let n = bytes; n > 0; n = Math.floor(n / 2), k++) {
        if (n % 2 === 1)
            power = multiply(X_TO_THE_2_TO_THE[k % 32], power);
    }
    return power;
}
/** CRC-32 of A followed by B, from crc32(A), crc32(B) and B's length in bytes. */
function crc32Combine(crcA, crcB, lengthB) {
    return (multiply(shiftByBytes(lengthB), crcA) ^ crcB) >>> 0;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/lib/chunk-pool.ts
var chunk_pool = __webpack_require__(2173);
// EXTERNAL MODULE: ./src/lib/v8-flags.ts + 1 modules
var v8_flags = __webpack_require__(2445);
;// CONCATENATED MODULE: ./src/lib/encode/deflate-worker.ts
/**
 * The body of a deflate worker thread. It is started from its source text (`eval`), so that
 * the ncc bundles need no separate worker file: it must not use anything from outside the
 * function but its arguments (no imports, no closures, no helpers), and only erasable types.
 * The main thread may run it too, over a MessageChannel (`port` and `setup` are then its own).
 *
 * The worker owns one instance of libdeflate.wasm, whose memory is shared: it reserves its
 * slots in it and hands the memory to the main thread, which reads each block's input straight
 * into a slot and takes the output from the same slot, so no block crosses postMessage. The
 * messages only say which slot to deflate, and the answer how many bytes came out.
 */
function runDeflateWorker(port, workerData, zlib) {
    const setup = workerData;
    const wasm = new WebAssembly.Instance(setup.module, {}).exports;
    const compressors = new Map();
    const compressor = (level) => {
        let pointer = compressors.get(level);
        if (pointer === undefined) {
            pointer = wasm.libdeflate_alloc_compressor(level);
            if (pointer === 0)
                throw new Error(`libdeflate has no compression level ${level}`);
            compressors.set(level, pointer);
        }
        return pointer;
    };
    // The bound of the level that stores the most (level 0, stored blocks), plus the sync marker.
    const outputCapacity = wasm.libdeflate_deflate_compress_bound(compressor(0), setup.blockSize) + 5;
    const slots = Array.from({ length: setup.slots }, () => {
        const window = wasm.malloc(setup.window + setup.blockSize);
        const output = wasm.malloc(outputCapacity);
        if (window === 0 || output === 0)
            throw new Error('no memory for the deflate slots');
        return { window, input: window + setup.window, output };
    });
    port.on('message', (job) => {
        try {
            const slot = slots[job.slot];
            const input = new Uint8Array(wasm.memory.buffer, slot.input, job.length);
            const crc = zlib.crc32(input);
            const outputLength = wasm.libdeflate_deflate_compress_chunk(compressor(job.level), slot.input, job.length, job.dictionaryLength, slot.output, outputCapacity);
            if (outputLength === 0)
                throw new Error(`the deflate output of a block did not fit its slot`);
            port.postMessage({ slot: job.slot, outputLength, crc });
        }
        catch (error) {
            port.postMessage({ slot: job.slot, error: String(error) });
        }
    });
    port.postMessage({ memory: wasm.memory, slots, outputCapacity });
}

;// CONCATENATED MODULE: ./src/lib/encode/libdeflate-wasm.ts
// Generated by script/build-deflate-wasm from libdeflate.wasm beside it: do not edit.
const LIBDEFLATE_WASM_BASE64 = 'AGFzbQEAAAABMQdgBH9/f38AYAF/AX9gAABgBX9/f39/AGAGf39/f39/AGACf38Bf2AGf39/f39/AX8DEA8CAQAAAAAAAwQFBAYFBQEEBQFwAQcHBQUBAwWAIAYNAn8BQYCaEAt/AUEACwd5BQZtZW1vcnkCABtsaWJkZWZsYXRlX2FsbG9jX2NvbXByZXNzb3IAASFsaWJkZWZsYXRlX2RlZmxhdGVfY29tcHJlc3NfY2h1bmsACyFsaWJkZWZsYXRlX2RlZmxhdGVfY29tcHJlc3NfYm91bmQADAZtYWxsb2MADggBAAkMAQBBAQsGAgMEBQYODAECCtbwAg9ZAAJAAkACQEHwGUEAQQH+SAIADgIAAQILQYAIQQBB5hH8CAAAQegZQQBBCPwIAQBB8BlBAv4XAgBB8BlBf/4AAgAaDAELQfAZQQFCf/4BAgAaC/wJAPwJAQupHwICfwN7QQAhAQJAIABBDEsNAAJAAkAgAEEJTQ0AQeDypQQhAgwBCwJAIABBAU0NAEHg5CghAgwBC0HgrwxBwC8gAEEBRhshAgtBICACEI2AgIAAIgJFDQAgAkEANgIQIAJBADoADCACIAA2AgQgAkE3IABBAnRrNgIIAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCAADgwAAQIDBAUGBwgJCgsMCyACQQA2AgAgAkF/NgIIDAwLIAJBIDYCGCACQYGAgIAANgIADAsLIAJChoCAgKABNwIUIAJBgoCAgAA2AgAMCgsgAkKMgICA4AE3AhQgAkGCgICAADYCAAwJCyACQpCAgIDgAzcCFCACQYKAgIAANgIADAgLIAJCkICAgOADNwIUIAJBg4CAgAA2AgAMBwsgAkKjgICAkAg3AhQgAkGDgICAADYCAAwGCyACQuSAgICgEDcCFCACQYOAgIAANgIADAULIAJCrIKAgKAgNwIUIAJBhICAgAA2AgAMBAsgAkLYhICAoCA3AhQgAkGEgICAADYCAAwDCyACQQI2AtjypQQgAkKjgICAsAk3AhQgAkGFgICAADYCACACQbHiowRqQoqUqNCgwYKFCjcAACACQaHiowRq/QwICAgICAgICAkJCQkJCQkJ/QsAACACQZniowRqQoaMmLDw4MGDBzcAACACQZHiowRqQoCCiJjAgMGCBTcAACACQbniowRqQoqUqNCgwYKFCjcAACACQcHiowRqQouWrNiw4cKFCzcAACACQcniowRqQouWrNiw4cKFCzcAACACQeniowRqQoyYsODAgYOGDDcAACACQeHiowRqQoyYsODAgYOGDDcAACACQdniowRqQoyYsODAgYOGDDcAACACQdHiowRqQoyYsODAgYOGDDcAACACQfHiowRqQo2atOjQocOGDTcAACACQfniowRqQo2atOjQocOGDTcAACACQYHjowRqQo2atOjQocOGDTcAACACQYnjowRqQo2atOjQocOGDTcAACACQcnjowRqQo6cuPDgwYOHDjcAACACQcHjowRqQo6cuPDgwYOHDjcAACACQbnjowRqQo6cuPDgwYOHDjcAACACQbHjowRqQo6cuPDgwYOHDjcAACACQanjowRqQo6cuPDgwYOHDjcAACACQaHjowRqQo6cuPDgwYOHDjcAACACQZnjowRqQo6cuPDgwYOHDjcAACACQZHjowRqQo6cuPDgwYOHDjcAACACQYnkowRqQo+evPjw4cOHDzcAACACQYHkowRqQo+evPjw4cOHDzcAACACQfnjowRqQo+evPjw4cOHDzcAACACQfHjowRqQo+evPjw4cOHDzcAACACQenjowRqQo+evPjw4cOHDzcAACACQeHjowRqQo+evPjw4cOHDzcAACACQdnjowRqQo+evPjw4cOHDzcAACACQdHjowRqQo+evPjw4cOHDzcAACACQZHkowRqQRBBgAH8CwAgAkGR5aMEakERQYAB/AsAIAJBkeajBGpBEkGAAvwLACACQZHoowRqQRNBgAL8CwAgAkGR6qMEakEUQYAE/AsAIAJBke6jBGpBFUGABPwLACACQZHyowRqQRZBgAj8CwAgAkGR+qMEakEXQYAI/AsAIAJBkYKkBGpBGEGAEPwLACACQZGSpARqQRlBgBD8CwAgAkGRoqQEakEaQYAg/AsAIAJBkcKkBGpBG0GAIPwLACACQZHipARqQRxBgMAA/AsAIAJBkaKlBGpBHUGAwAD8CwAMAgsgAkEDNgLY8qUEIAJCxoCAgOASNwIUIAJBhYCAgAA2AgAgAkGx4qMEakKKlKjQoMGChQo3AAAgAkGh4qMEav0MCAgICAgICAgJCQkJCQkJCf0LAAAgAkGZ4qMEakKGjJiw8ODBgwc3AAAgAkGR4qMEakKAgoiYwIDBggU3AAAgAkG54qMEakKKlKjQoMGChQo3AAAgAkHB4qMEakKLlqzYsOHChQs3AAAgAkHJ4qMEakKLlqzYsOHChQs3AAAgAkHp4qMEakKMmLDgwIGDhgw3AAAgAkHh4qMEakKMmLDgwIGDhgw3AAAgAkHZ4qMEakKMmLDgwIGDhgw3AAAgAkHR4qMEakKMmLDgwIGDhgw3AAAgAkHx4qMEakKNmrTo0KHDhg03AAAgAkH54qMEakKNmrTo0KHDhg03AAAgAkGB46MEakKNmrTo0KHDhg03AAAgAkGJ46MEakKNmrTo0KHDhg03AAAgAkHJ46MEakKOnLjw4MGDhw43AAAgAkHB46MEakKOnLjw4MGDhw43AAAgAkG546MEakKOnLjw4MGDhw43AAAgAkGx46MEakKOnLjw4MGDhw43AAAgAkGp46MEakKOnLjw4MGDhw43AAAgAkGh46MEakKOnLjw4MGDhw43AAAgAkGZ46MEakKOnLjw4MGDhw43AAAgAkGR46MEakKOnLjw4MGDhw43AAAgAkGJ5KMEakKPnrz48OHDhw83AAAgAkGB5KMEakKPnrz48OHDhw83AAAgAkH546MEakKPnrz48OHDhw83AAAgAkHx46MEakKPnrz48OHDhw83AAAgAkHp46MEakKPnrz48OHDhw83AAAgAkHh46MEakKPnrz48OHDhw83AAAgAkHZ46MEakKPnrz48OHDhw83AAAgAkHR46MEakKPnrz48OHDhw83AAAgAkGR5KMEakEQQYAB/AsAIAJBkeWjBGpBEUGAAfwLACACQZHmowRqQRJBgAL8CwAgAkGR6KMEakETQYAC/AsAIAJBkeqjBGpBFEGABPwLACACQZHuowRqQRVBgAT8CwAgAkGR8qMEakEWQYAI/AsAIAJBkfqjBGpBF0GACPwLACACQZGCpARqQRhBgBD8CwAgAkGRkqQEakEZQYAQ/AsAIAJBkaKkBGpBGkGAIPwLACACQZHCpARqQRtBgCD8CwAgAkGR4qQEakEcQYDAAPwLACACQZGipQRqQR1BgMAA/AsADAELIAJBBDYC2PKlBCACQpaBgICgIDcCFCACQYWAgIAANgIAIAJBseKjBGpCipSo0KDBgoUKNwAAIAJBoeKjBGr9DAgICAgICAgICQkJCQkJCQn9CwAAIAJBmeKjBGpChoyYsPDgwYMHNwAAIAJBkeKjBGpCgIKImMCAwYIFNwAAIAJBueKjBGpCipSo0KDBgoUKNwAAIAJBweKjBGpCi5as2LDhwoULNwAAIAJByeKjBGpCi5as2LDhwoULNwAAIAJB6eKjBGpCjJiw4MCBg4YMNwAAIAJB4eKjBGpCjJiw4MCBg4YMNwAAIAJB2eKjBGpCjJiw4MCBg4YMNwAAIAJB0eKjBGpCjJiw4MCBg4YMNwAAIAJB8eKjBGpCjZq06NChw4YNNwAAIAJB+eKjBGpCjZq06NChw4YNNwAAIAJBgeOjBGpCjZq06NChw4YNNwAAIAJBieOjBGpCjZq06NChw4YNNwAAIAJByeOjBGpCjpy48ODBg4cONwAAIAJBweOjBGpCjpy48ODBg4cONwAAIAJBueOjBGpCjpy48ODBg4cONwAAIAJBseOjBGpCjpy48ODBg4cONwAAIAJBqeOjBGpCjpy48ODBg4cONwAAIAJBoeOjBGpCjpy48ODBg4cONwAAIAJBmeOjBGpCjpy48ODBg4cONwAAIAJBkeOjBGpCjpy48ODBg4cONwAAIAJBieSjBGpCj568+PDhw4cPNwAAIAJBgeSjBGpCj568+PDhw4cPNwAAIAJB+eOjBGpCj568+PDhw4cPNwAAIAJB8eOjBGpCj568+PDhw4cPNwAAIAJB6eOjBGpCj568+PDhw4cPNwAAIAJB4eOjBGpCj568+PDhw4cPNwAAIAJB2eOjBGpCj568+PDhw4cPNwAAIAJB0eOjBGpCj568+PDhw4cPNwAAIAJBkeSjBGpBEEGAAfwLACACQZHlowRqQRFBgAH8CwAgAkGR5qMEakESQYAC/AsAIAJBkeijBGpBE0GAAvwLACACQZHqowRqQRRBgAT8CwAgAkGR7qMEakEVQYAE/AsAIAJBkfKjBGpBFkGACPwLACACQZH6owRqQRdBgAj8CwAgAkGRgqQEakEYQYAQ/AsAIAJBkZKkBGpBGUGAEPwLACACQZGipARqQRpBgCD8CwAgAkGRwqQEakEbQYAg/AsAIAJBkeKkBGpBHEGAwAD8CwAgAkGRoqUEakEdQYDAAPwLAAsgAv0MAQAAAAEAAAABAAAAAQAAACID/QsCjAogAiAD/QsC/AkgAiAD/QsC7AkgAiAD/QsC3AkgAiAD/QsCzAkgAiAD/QsCvAkgAiAD/QsCrAkgAiAD/QsCnAkgAv0MAgAAAAIAAAACAAAAAgAAACIE/QsCjAkgAiAE/QsC/AggAv0MBAAAAAQAAAAEAAAABAAAACIF/QsC7AggAiAF/QsC3AggAiAF/QsCzAggAiAF/QsCvAggAiAF/QsCrAggAiAF/QsCnAggAiAD/QsCjAggAiAD/QsC/AcgAiAD/QsC7AcgAiAD/QsC3AcgAiAD/QsCzAcgAiAD/QsCvAcgAiAD/QsCrAcgAiAD/QsCnAcgAiAD/QsCjAcgAiAD/QsC/AYgAiAD/QsC7AYgAiAD/QsC3AYgAiAD/QsCzAYgAiAD/QsCvAYgAiAD/QsCrAYgAiAD/QsCnAYgAiAD/QsCjAYgAiAD/QsC/AUgAiAD/QsC7AUgAiAD/QsC3AUgAiAD/QsCzAUgAiAD/QsCvAUgAiAD/QsCrAUgAiAD/QsCnAUgAiAD/QsCjAUgAiAD/QsC/AQgAiAD/QsC7AQgAiAD/QsC3AQgAiAE/QsCzAQgAiAE/QsCvAQgAiAE/QsCrAQgAiAE/QsCnAQgAiAE/QsCjAQgAiAE/QsC/AMgAiAE/QsC7AMgAiAE/QsC3AMgAiAE/QsCzAMgAiAE/QsCvAMgAiAE/QsCrAMgAiAE/QsCnAMgAiAE/QsCjAMgAiAE/QsC/AIgAiAE/QsC7AIgAiAE/QsC3AIgAiAE/QsCzAIgAiAE/QsCvAIgAiAE/QsCrAIgAiAE/QsCnAIgAiAE/QsCjAIgAiAE/QsC/AEgAiAE/QsC7AEgAiAE/QsC3AEgAiAE/QsCzAEgAiAE/QsCvAEgAiAE/QsCrAEgAiAE/QsCnAEgAiAE/QsCjAEgAiAE/QsCfCACIAT9CwJsIAIgBP0LAlwgAiAE/QsCTCACIAT9CwI8IAIgBP0LAiwgAiAE/QsCHEGgAkEOIAJBHGogAkG0IWogAkG0F2oQh4CAgABBIEEPIAJBnAlqIAJB1CNqIAJBtCBqEIeAgIAAIAIhAQsgAQujFgUEfwF7B38Bewt/IABBwC9qIQQgACgCGCEFQQAhBgNAIAAgBmoiB0GwMGr9DACAAIAAgACAAIAAgACAAIAiCP0LAQAgB0GgMGogCP0LAQAgB0GQMGogCP0LAQAgB0GAMGogCP0LAQAgB0HwL2ogCP0LAQAgB0HgL2ogCP0LAQAgB0HQL2ogCP0LAQAgB0HAL2ogCP0LAQAgBkGAAWoiBkGAgAhHDQALQYICIQkgBUGCAkkhCkEAIQsgASEMAkAgACgCECINRQ0AIAEgDWsiDigAAEG9z9bxAWxBEXYhCwJAIA1BBWogDSACak0NACAOIQwMAQtBACEHIA4hDAJAIA1B//99akH//31LDQBBACEGA0AgACAGaiIHQcAvaiIPIA/9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhD9mAEgCP1Q/QsBACAHQdAvaiIPIA/9AAEAIBD9mAEgCP1Q/QsBACAHQeAvaiIPIA/9AAEAIBD9mAEgCP1Q/QsBACAHQfAvaiIHIAf9AAEAIBD9mAEgCP1Q/QsBACAGQcAAaiIGQYCACEcNAAsgDkGAgAJqIQxBgIB+IQcLAkACQCANQQFxDQAgDiEGIA0hEQwBCyAEIAtBAnRqIgYgBi8BADsBAiAGIAc7AQAgDUF/aiERIAdBAXIhByAOQQFqIQYgDigAAUG9z9bxAWxBEXYhCwsgDUEBRg0AIAZBAmohBgNAIAQgC0ECdGoiDyAPLwEAOwECIA8gBzsBACAEIAZBf2ooAABBvc/W8QFsQQ92Qfz/B3FqIg8gDy8BADsBAiAPIAdBAWo7AQAgB0ECaiEHIAYoAABBvc/W8QFsQRF2IQsgBkECaiEGIBFBfmoiEQ0ACwsgBUGCAiAKGyESIAEgAmohEyAAQZwJaiEUIABBHGohFSAAQcCvCGohFgNAIBVBAEGACvwLACAWQQA2AgAgEyABIhdB//8DaiATIBdrQYenBEkbIRhBwK8IIQ4gFyERAkADQCAAIA5qIQ0CQCATIBFrIgdBgQJLDQACQCAHQQRLDQAgEUEBaiEBAkAgB0EBcUUNACAVIBEtAABBAnRqIgYgBigCAEEBajYCACANIA0oAgBBAWo2AgAgB0F/aiEHIAEhEQtBACEJIBMgAUYNAwNAIBUgES0AAEECdGoiBiAGKAIAQQFqNgIAIA0gDSgCAEEBajYCACAVIBFBAWotAABBAnRqIgYgBigCAEEBajYCACANIA0oAgBBAWo2AgAgEUECaiERIAdBfmoiBw0ACyARIQEMAwsgEiAHIBIgB0kbIRIgByEJCwJAIBEgDGsiB0GAgAJHDQBBACEGA0AgACAGaiIHQcAvaiIPIA/9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhD9mAEgCP1Q/QsBACAHQdAvaiIPIA/9AAEAIBD9mAEgCP1Q/QsBACAHQeAvaiIPIA/9AAEAIBD9mAEgCP1Q/QsBACAHQfAvaiIHIAf9AAEAIBD9mAEgCP1Q/QsBACAGQcAAaiIGQYCACEcNAAsgDEGAgAJqIQxBACEHCyAEIAtBAnRqIgYuAQAhDyARKAAAIQUgESgAASELIAYgBzsBACARQQFqIQEgC0G9z9bxAWxBEXYhCwJAAkAgB8FBgIB+cyIKIA9ODQAgBi4BAiEZIAYgDzsBAgJAAkACQCAMIA9qIgcoAAAgBUcNAAJAAkACQAJAIAlBbGpBb0siGkUNAEEEIQYMAQsCQCAHKAAEIgYgESgABCIPRg0AIA8gBnMhBkEEIQIMAgsCQCAHKAAIIgYgESgACCIPRg0AIA8gBnMhBkEIIQIMAgsCQCAHKAAMIgYgESgADCIPRg0AIA8gBnMhBkEMIQIMAgsCQCAHKAAQIgYgESgAECIPRg0AIA8gBnMhBkEQIQIMAgtBFCEGCwNAAkAgBiICQQRqIgYgCU0NACACIAlPDQMDQCAHIAJqLQAAIBEgAmotAABHDQQgAkEBaiICIAlJDQALIAkhAgwDCyAHIAJqKAAAIg8gESACaigAACIbRg0ACyAbIA9zIQYLIAZoQQN2IAJqIQILIAogGU4NASACIBJPDQEgDCAZaiIGKAAAIAVHDQEgBiACakF9aigAACARIAJqQX1qKAAARw0BAkACQAJAAkAgGkUNAEEEIQUMAQsCQCAGKAAEIg8gESgABCIFRg0AIAUgD3MhBUEEIQ8MAgsCQCAGKAAIIg8gESgACCIFRg0AIAUgD3MhBUEIIQ8MAgsCQCAGKAAMIg8gESgADCIFRg0AIAUgD3MhBUEMIQ8MAgsCQCAGKAAQIg8gESgAECIFRg0AIAUgD3MhBUEQIQ8MAgtBFCEFCwNAAkAgBSIPQQRqIgUgCU0NACAPIAlPDQMDQCAGIA9qLQAAIBEgD2otAABHDQQgD0EBaiIPIAlJDQALIAkhDwwDCyAGIA9qKAAAIgogESAPaigAACIZRg0ACyAZIApzIQULIAVoQQN2IA9qIQ8LIA8gAiAPIAJLIgUbIQIgBiAHIAUbIQcMAQsgCiAZTg0CIAwgGWoiBygAACAFRw0CAkACQAJAIAlBbGpBb00NAEEEIQYMAQsCQCAHKAAEIgYgESgABCIPRg0AIA8gBnMhBkEEIQIMAgsCQCAHKAAIIgYgESgACCIPRg0AIA8gBnMhBkEIIQIMAgsCQCAHKAAMIgYgESgADCIPRg0AIA8gBnMhBkEMIQIMAgsCQCAHKAAQIgYgESgAECIPRg0AIA8gBnMhBkEQIQIMAgtBFCEGCwNAAkAgBiICQQRqIgYgCU0NACACIAlPDQMDQCAHIAJqLQAAIBEgAmotAABHDQQgAkEBaiICIAlJDQALIAkhAgwECyAHIAJqKAAAIg8gESACaigAACIFRg0ACyAFIA9zIQYLIAZoQQN2IAJqIQILIAJFDQELIAJBgIiAgABqLQAAQQJ0IBVqQYQIaiIGIAYoAgBBAWo2AgAgFCARIAdrIgcgB0F/akEHdkGAAmogB0GBAkkbQZCKgIAAai0AACIGQQJ0aiIPIA8oAgBBAWo2AgAgDSAHOwEEIA0gBjsBBiAAIA5BCGoiDmpBADYCACANIA0oAgAgAkEXdHI2AgACQCACQQRqIBMgAWtLDQACQCABIAxrIgcgAkF/aiINakH//31qQf//fUsNAEEAIQ8DQCAAIA9qIgZBwC9qIgUgBf0AAQD9DAAAAAAAAAAAAAAAAAAAAAAiEP2YASAI/VD9CwEAIAZB0C9qIgUgBf0AAQAgEP2YASAI/VD9CwEAIAZB4C9qIgUgBf0AAQAgEP2YASAI/VD9CwEAIAZB8C9qIgYgBv0AAQAgEP2YASAI/VD9CwEAIA9BwABqIg9BgIAIRw0ACyAHQYCAfmohByAMQYCAAmohDAsCQCANQQFxRQ0AIAQgC0ECdGoiBiAGLwEAOwECIAYgBzsBACACQX5qIQ0gB0EBaiEHIBFBAmohASARKAACQb3P1vEBbEERdiELCyACQQJGDQAgAUECaiEGA0AgBCALQQJ0aiIPIA8vAQA7AQIgDyAHOwEAIAQgBkF/aigAAEG9z9bxAWxBD3ZB/P8HcWoiDyAPLwEAOwECIA8gB0EBajsBACAHQQJqIQcgBigAAEG9z9bxAWxBEXYhCyAGQQJqIQYgDUF+aiINDQALCyARIAJqIQEMAQsgFSARLQAAQQJ0aiIHIAcoAgBBAWo2AgAgDSANKAIAQQFqNgIACyABIBhPDQEgASERIA5BwK8MSA0ACwsgACADIBcgASAXayAWIAEgE0YQiICAgAAgASATRw0ACwvgGQUFfwF7Cn8BexB/I4CAgIAAQYACayIEJICAgIAAIABBwC9qIQUgACgCGCEGQQAhBwNAIAAgB2oiCEGwMGr9DACAAIAAgACAAIAAgACAAIAiCf0LAQAgCEGgMGogCf0LAQAgCEGQMGogCf0LAQAgCEGAMGogCf0LAQAgCEHwL2ogCf0LAQAgCEHgL2ogCf0LAQAgCEHQL2ogCf0LAQAgCEHAL2ogCf0LAQAgB0GAAWoiB0GAgAxHDQALQYICIQogBkGCAkkhC0EAIQxBACENIAEhDgJAIAAoAhAiD0UNACABIA9rIg4oAAAiCEG9z9bxAWxBEHYhDCAIQf///wdxQb3P1vEBbEERdiENIA9BBWogDyACaksNACAAQcCvDGohECAAQcCvBGohEUEAIQggDiESA0ACQCAIQYCAAkcNAEEAIQcDQCAAIAdqIghBwC9qIhMgE/0AAQD9DAAAAAAAAAAAAAAAAAAAAAAiFP2YASAJ/VD9CwEAIAhB0C9qIhMgE/0AAQAgFP2YASAJ/VD9CwEAIAhB4C9qIhMgE/0AAQAgFP2YASAJ/VD9CwEAIAhB8C9qIgggCP0AAQAgFP2YASAJ/VD9CwEAIAdBwABqIgdBgIAQRw0ACyAOQYCAAmohDkEAIQgLIAUgDUEBdGogCDsBACAQIAhBAXRqIBEgDEEBdGoiBy8BADsBACAHIAg7AQAgCEEBaiEIIBIoAAEiB0G9z9bxAWxBEHYhDCAHQf///wdxQb3P1vEBbEERdiENIBJBAWohEiAPQX9qIg8NAAsLIAZBggIgCxshFSABIAJqIRYgAEGcCWohFyAAQcCvDGohDyAAQcCvBGohAiAAQRxqIRggAEGcCmohGSAAQcCvEGohGgNAIABBADYCwK8QIBhBAEHYCvwLACAAKAIUIRAgBEEAQYAC/AsAAkAgFiABQeCnEmogFiABa0HozhJJGyIbIAFGDQAgGyABayIIQYAgIAhBgCBJGyIIQQNxIRNBACEHAkAgCEF/akEDSQ0AIAhB/D9xIRJBACEHA0AgBCABIAdqIggtAABqQQE6AAAgBCAIQQFqLQAAakEBOgAAIAQgCEECai0AAGpBAToAACAEIAhBA2otAABqQQE6AAAgEiAHQQRqIgdHDQALCyATRQ0AIAEgB2ohCANAIAQgCC0AAGpBAToAACAIQQFqIQggE0F/aiITDQALC/0MAAAAAAAAAAAAAAAAAAAAACEUQQAhBwNAIBQgBCAHaiII/QAEAP2JAf2pAf2uASAIQQRq/VwCAP2JAf2pAf2uASAIQQhq/V0DAP2JAf2pAf2uASAIQQxq/VwCAP2JAf2pAf2uASEUIAdBEGoiB0GAAkcNAAtBAyEcAkAgFCAUIAn9DQgJCgsMDQ4PAAECAwABAgP9rgEiFCAUIAn9DQQFBgcAAQIDAAECAwABAgP9rgH9GwAiCEHPAEsNACAIQZCTgIAAai0AACEcIBBBD0sNAAJAIBBBBEsNACAcQQQgCEFTakEjSRshHAwBCwJAIBBBCUsNACAcQQUgCEFwakHAAEkbIRwMAQsgHEEHIAhBeGpByABJGyEcCyAcQX9qIR1BwK8QIR4gASERA0ACQCAWIBFrIghBgQJLDQAgFSAIIBUgCEkbIRUgCCEKCyAAKAIUIRMCQCARIA5rIgdBgIACRw0AQQAhBwNAIAAgB2oiCEHAL2oiEiAS/QABAP0MAAAAAAAAAAAAAAAAAAAAACIU/ZgBIAn9UP0LAQAgCEHQL2oiEiAS/QABACAU/ZgBIAn9UP0LAQAgCEHgL2oiEiAS/QABACAU/ZgBIAn9UP0LAQAgCEHwL2oiCCAI/QABACAU/ZgBIAn9UP0LAQAgB0HAAGoiB0GAgBBHDQALIA5BgIACaiEOQQAhBwsCQAJAIApBBUkNACAHQYCAAnPBIRIgBSANQQF0aiINLgEAIRAgAiAMQQF0aiIMLgEAIQggDSAHOwEAIAwgBzsBACAPIAdBAXRqIAg7AQAgESgAASIHQb3P1vEBbEEQdiEMIAdB////B3FBvc/W8QFsQRF2IQ0CQAJAAkAgHUEDSw0AIBAgEkwNA0EDIQYgESgAACEfIBEhBwJAIB1BA0YNACARIA4gEGoiByAHKAAAIB9zQf///wdxIhAbIQcgHUEDIBAbIQYLIAggEkwNBCATQX9qIRACQANAIBAhEyAOIAjBIghqIgsoAAAgH0YNASAPIAhB//8BcUEBdGouAQAiCCASTA0GIBNBf2ohECATDQAMBgsLAkACQAJAAkAgCkFsaiIHQW9NDQBBBCEQDAELAkAgCygABCIQIBEoAAQiBkYNACAGIBBzIRBBBCEGDAILAkAgCygACCIQIBEoAAgiBkYNACAGIBBzIRBBCCEGDAILAkAgCygADCIQIBEoAAwiBkYNACAGIBBzIRBBDCEGDAILAkAgCygAECIQIBEoABAiBkYNACAGIBBzIRBBECEGDAILQRQhEAsgDiAIaiEfA0ACQCAQIgZBBGoiECAKTQ0AIAYgCk8NAwNAIB8gBmotAAAgESAGai0AAEcNBCAGQQFqIgYgCkkNAAsgCiEGDAMLIB8gBmooAAAiICARIAZqKAAAIiFGDQALICEgIHMhEAsgEGhBA3YgBmohBgsgBiAVTw0CIA8gCEH//wFxQQF0ai4BACIIIBJMDQIgEw0BDAILIB0gFU8NAiAIIBJMDQIgCkFsaiEHIBEhCyAdIQYLIBFBfWohHyAHQW9LISADQCATQX9qIQcgHyAGaigAACEQAkADQCAHIRMCQCAOIAjBIghqIgcgBmpBfWooAAAgEEcNACAHKAAAIBEoAABGDQILIA8gCEH//wFxQQF0ai4BACIIIBJMDQMgE0F/aiEHIBMNAAwDCwsCQAJAAkACQCAgRQ0AQQQhIQwBCwJAIAcoAAQiECARKAAEIiFGDQAgISAQcyEhQQQhEAwCCwJAIAcoAAgiECARKAAIIiFGDQAgISAQcyEhQQghEAwCCwJAIAcoAAwiECARKAAMIiFGDQAgISAQcyEhQQwhEAwCCwJAIAcoABAiECARKAAQIiFGDQAgISAQcyEhQRAhEAwCC0EUISELIA4gCGohIgNAAkAgISIQQQRqIiEgCk0NACAQIApPDQMDQCAiIBBqLQAAIBEgEGotAABHDQQgEEEBaiIQIApJDQALIAohEAwDCyAiIBBqKAAAIiMgESAQaigAACIkRg0ACyAkICNzISELICFoQQN2IBBqIRALAkAgECAGTQ0AIAchCyAQIQYgECAVSQ0AIBAhBgwECyAPIAhB//8BcUEBdGouAQAiCCASTA0BIBMNAAsLIAshBwwBCyARIQcgHSEGCyAAIB5qIQgCQAJAIAYgHEkNACARIAdrIQcCQCAGQQNLDQAgB0GAIEsNAQsgBkGAiICAAGotAABBAnQgGGpBhAhqIhMgEygCAEEBajYCACAXIAcgB0F/akEHdkGAAmogB0GBAkkbQZCKgIAAai0AACITQQJ0aiISIBIoAgBBAWo2AgAgGUEkQSAgBkEISxtqIhIgEigCAEEBajYCACAIIAc7AQQgCCATOwEGIAAgACgC7ApBAWoiCzYC7AogACAeQQhqIh5qQQA2AgAgCCAIKAIAIAZBF3RyNgIAAkAgBkEEaiAWIBFBAWoiEmtLDQAgEiAOayEIIAZBf2ohEANAAkAgCEGAgAJHDQBBACEHA0AgACAHaiIIQcAvaiITIBP9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhT9mAEgCf1Q/QsBACAIQdAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQeAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQfAvaiIIIAj9AAEAIBT9mAEgCf1Q/QsBACAHQcAAaiIHQYCAEEcNAAsgDkGAgAJqIQ5BACEICyAFIA1BAXRqIAg7AQAgDyAIQQF0aiACIAxBAXRqIgcvAQA7AQAgByAIOwEAIAhBAWohCCASKAABIgdBvc/W8QFsQRB2IQwgB0H///8HcUG9z9bxAWxBEXYhDSASQQFqIRIgEEF/aiIQDQALCyARIAZqIREMAQsgGCARLQAAIgdBAnRqIhMgEygCAEEBajYCACAZIAdBBXZBBnEgB0EBcXJBAnRqIgcgBygCAEEBajYCACAAIAAoAuwKQQFqIgs2AuwKIAggCCgCAEEBajYCACARQQFqIRELAkACQAJAIBEgG08NACAeQcDkKEgNAQsgESABayEIDAELIAtBgARJDQEgESABayIIQYgnSA0BIBYgEWtBiCdIDQEgGSAIEImAgIAARQ0BCwsgACADIAEgCCAaIBEgFkYQiICAgAAgESEBIBEgFkcNAAsgBEGAAmokgICAgAALuzIHBX8Bewp/AXsKfwF7DH8jgICAgABBgAJrIgQkgICAgAAgAEHAL2ohBSAAKAIYIQZBACEHA0AgACAHaiIIQbAwav0MAIAAgACAAIAAgACAAIAAgCIJ/QsBACAIQaAwaiAJ/QsBACAIQZAwaiAJ/QsBACAIQYAwaiAJ/QsBACAIQfAvaiAJ/QsBACAIQeAvaiAJ/QsBACAIQdAvaiAJ/QsBACAIQcAvaiAJ/QsBACAHQYABaiIHQYCADEcNAAtBggIhCiAGQYICSSELQQAhDEEAIQ0gASEOAkAgACgCECIPRQ0AIAEgD2siDigAACIIQb3P1vEBbEEQdiEMIAhB////B3FBvc/W8QFsQRF2IQ0gD0EFaiAPIAJqSw0AIABBwK8MaiEQIABBwK8EaiERQQAhCCAOIRIDQAJAIAhBgIACRw0AQQAhBwNAIAAgB2oiCEHAL2oiEyAT/QABAP0MAAAAAAAAAAAAAAAAAAAAACIU/ZgBIAn9UP0LAQAgCEHQL2oiEyAT/QABACAU/ZgBIAn9UP0LAQAgCEHgL2oiEyAT/QABACAU/ZgBIAn9UP0LAQAgCEHwL2oiCCAI/QABACAU/ZgBIAn9UP0LAQAgB0HAAGoiB0GAgBBHDQALIA5BgIACaiEOQQAhCAsgBSANQQF0aiAIOwEAIBAgCEEBdGogESAMQQF0aiIHLwEAOwEAIAcgCDsBACAIQQFqIQggEigAASIHQb3P1vEBbEEQdiEMIAdB////B3FBvc/W8QFsQRF2IQ0gEkEBaiESIA9Bf2oiDw0ACwsgBkGCAiALGyEVIAEgAmohFiAAQZwJaiEXIABBwK8MaiESIABBwK8EaiELIABBHGohGCAAQZwKaiEZIABBwK8QaiEaA0AgAEEANgLArxAgGEEAQdgK/AsAIAAoAhQhESAEQQBBgAL8CwAgFiABayIIQZDOACAIQZDOAEgbIRACQCAWIAFB4KcSaiAIQejOEkkbIhsgAUYNACAbIAFrIghBgCAgCEGAIEkbIghBA3EhE0EAIQcCQCAIQX9qQQNJDQAgCEH8P3EhD0EAIQcDQCAEIAEgB2oiCC0AAGpBAToAACAEIAhBAWotAABqQQE6AAAgBCAIQQJqLQAAakEBOgAAIAQgCEEDai0AAGpBAToAACAPIAdBBGoiB0cNAAsLIBNFDQAgASAHaiEIA0AgBCAILQAAakEBOgAAIAhBAWohCCATQX9qIhMNAAsLIAEgEGohHP0MAAAAAAAAAAAAAAAAAAAAACEUQQAhBwNAIBQgBCAHaiII/QAEAP2JAf2pAf2uASAIQQRq/VwCAP2JAf2pAf2uASAIQQhq/V0DAP2JAf2pAf2uASAIQQxq/VwCAP2JAf2pAf2uASEUIAdBEGoiB0GAAkcNAAtBAyEdAkAgFCAUIAn9DQgJCgsMDQ4PAAECAwABAgP9rgEiFCAUIAn9DQQFBgcAAQIDAAECAwABAgP9rgH9GwAiCEHPAEsNACAIQZCTgIAAai0AACEdIBFBD0sNAAJAIBFBBEsNACAdQQQgCEFTakEjSRshHQwBCwJAIBFBCUsNACAdQQUgCEFwakHAAEkbIR0MAQsgHUEHIAhBeGpByABJGyEdC0HArxAhHiABIQ8DQAJAIA8gHEkNACAA/QACjAggAP0AAvwHIAD9AALsByAA/QAC3AcgAP0AAswHIAD9AAK8ByAA/QACrAcgAP0AApwHIAD9AAKMByAA/QAC/AYgAP0AAuwGIAD9AALcBiAA/QACzAYgAP0AArwGIAD9AAKsBiAA/QACnAYgAP0AAowGIAD9AAL8BSAA/QAC7AUgAP0AAtwFIAD9AALMBSAA/QACvAUgAP0AAqwFIAD9AAKcBSAA/QACjAUgAP0AAvwEIAD9AALsBCAA/QAC3AQgAP0AAswEIAD9AAK8BCAA/QACrAQgAP0AApwEIAD9AAKMBCAA/QAC/AMgAP0AAuwDIAD9AALcAyAA/QACzAMgAP0AArwDIAD9AAKsAyAA/QACnAMgAP0AAowDIAD9AAL8AiAA/QAC7AIgAP0AAtwCIAD9AALMAiAA/QACvAIgAP0AAqwCIAD9AAKcAiAA/QACjAIgAP0AAvwBIAD9AALsASAA/QAC3AEgAP0AAswBIAD9AAK8ASAA/QACrAEgAP0AApwBIAD9AAKMASAA/QACfCAA/QACbCAA/QACXCAA/QACTCAA/QACPCAA/QACLCAA/QACHP2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uAf2uASIUIBQgCf0NCAkKCwwNDg8AAQIDAAECA/2uASIUIBQgCf0NBAUGBwABAgMAAQIDAAECA/2uAf0bAEEKdv0RIRQgACgCFCET/QwAAAAAAAAAAAAAAAAAAAAAIR9BACEHA0AgHyAAIAdqIghBHGr9AAIAIBT9PP2xASAIQSxq/QACACAU/Tz9sQEgCEE8av0AAgAgFP08/bEBIAhBzABq/QACACAU/Tz9sQEhHyAHQcAAaiIHQYAIRw0AC0EDIR0CQCAfIB8gCf0NCAkKCwwNDg8AAQIDAAECA/2uASIUIBQgCf0NBAUGBwABAgMAAQIDAAECA/2uAf0bACIIQc8ASw0AIAhBkJOAgABqLQAAIR0gE0EPSw0AAkAgE0EESw0AIB1BBCAIQVNqQSNJGyEdDAELAkAgE0EJSw0AIB1BBSAIQXBqQcAASRshHQwBCyAdQQcgCEF4akHIAEkbIR0LIBwgFiAcayIIIA8gAWsiByAIIAdIG2ohHAsCQCAWIA9rIghBgQJLDQAgFSAIIBUgCEkbIRUgCCEKCyAAKAIUISACQCAPIA5rIghBgIACRw0AQQAhBwNAIAAgB2oiCEHAL2oiEyAT/QABAP0MAAAAAAAAAAAAAAAAAAAAACIU/ZgBIAn9UP0LAQAgCEHQL2oiEyAT/QABACAU/ZgBIAn9UP0LAQAgCEHgL2oiEyAT/QABACAU/ZgBIAn9UP0LAQAgCEHwL2oiCCAI/QABACAU/ZgBIAn9UP0LAQAgB0HAAGoiB0GAgBBHDQALIA5BgIACaiEOQQAhCAsgHUF/aiEQAkACQCAKQQVPDQAgDyETDAELIAhBgIACc8EhESAFIA1BAXRqIhMuAQAhAiALIAxBAXRqIgwuAQAhByATIAg7AQAgDCAIOwEAIBIgCEEBdGogBzsBACAPKAABIghBvc/W8QFsQRB2IQwgCEH///8HcUG9z9bxAWxBEXYhDQJAAkACQCAQQQNLDQACQCACIBFKDQAgDyETDAQLQQMhISAPKAAAIQYgDyETAkAgEEEDRg0AIA8gDiACaiIIIAgoAAAgBnNB////B3EiCBshEyAQQQMgCBshIQsCQCAHIBFKDQAgISEQDAQLICBBf2ohEAJAA0AgECEIIA4gB8EiB2oiAigAACAGRg0BAkAgEiAHQf//AXFBAXRqLgEAIgcgEUoNACAhIRAMBgsgCEF/aiEQIAgNAAsgISEQDAQLAkACQAJAAkAgCkFsaiITQW9NDQBBBCEGDAELAkAgAigABCIQIA8oAAQiBkYNACAGIBBzIQZBBCEQDAILAkAgAigACCIQIA8oAAgiBkYNACAGIBBzIQZBCCEQDAILAkAgAigADCIQIA8oAAwiBkYNACAGIBBzIQZBDCEQDAILAkAgAigAECIQIA8oABAiBkYNACAGIBBzIQZBECEQDAILQRQhBgsgDiAHaiEhA0ACQCAGIhBBBGoiBiAKTQ0AIBAgCk8NAwNAICEgEGotAAAgDyAQai0AAEcNBCAQQQFqIhAgCkkNAAsgCiEQDAMLICEgEGooAAAiIiAPIBBqKAAAIiNGDQALICMgInMhBgsgBmhBA3YgEGohEAsgECAVTw0CIBIgB0H//wFxQQF0ai4BACIHIBFMDQIgCA0BDAILAkAgECAVSQ0AIA8hEwwDCwJAIAcgEUoNACAPIRMMAwsgCkFsaiETIA8hAiAgIQgLIA9BfWohISATQW9LISIDQCAIQX9qIRMgISAQaigAACEGAkADQCATIQgCQCAOIAfBIgdqIhMgEGpBfWooAAAgBkcNACATKAAAIA8oAABGDQILIBIgB0H//wFxQQF0ai4BACIHIBFMDQMgCEF/aiETIAgNAAwDCwsCQAJAAkACQCAiRQ0AQQQhIwwBCwJAIBMoAAQiBiAPKAAEIiNGDQAgIyAGcyEjQQQhBgwCCwJAIBMoAAgiBiAPKAAIIiNGDQAgIyAGcyEjQQghBgwCCwJAIBMoAAwiBiAPKAAMIiNGDQAgIyAGcyEjQQwhBgwCCwJAIBMoABAiBiAPKAAQIiNGDQAgIyAGcyEjQRAhBgwCC0EUISMLIA4gB2ohJANAAkAgIyIGQQRqIiMgCk0NACAGIApPDQMDQCAkIAZqLQAAIA8gBmotAABHDQQgBkEBaiIGIApJDQALIAohBgwDCyAkIAZqKAAAIiUgDyAGaigAACImRg0ACyAmICVzISMLICNoQQN2IAZqIQYLAkAgBiAQTQ0AIBMhAiAGIRAgBiAVSQ0AIAYhEAwDCyASIAdB//8BcUEBdGouAQAiByARTA0BIAgNAAsLIAIhEwsgACAeaiEhAkACQAJAIBAgHUkNACAPIBNrISIgEEEDRw0BICJBgcAASQ0BCyAYIA8tAAAiCEECdGoiByAHKAIAQQFqNgIAIBkgCEEFdkEGcSAIQQFxckECdGoiCCAIKAIAQQFqNgIAIAAgACgC7ApBAWoiETYC7AogISAhKAIAQQFqNgIAIA9BAWohDwwBCyAPQQFqIRECQAJAIBAgFUkNACAiIQcgESEgIBAhEwwBCyAgQQF2IiZBf2ohJwNAAkAgFiARayIIQYECSw0AIBUgCCAVIAhJGyEVIAghCgsCQCARIA5rIghBgIACRw0AQQAhBwNAIAAgB2oiCEHAL2oiEyAT/QABAP0MAAAAAAAAAAAAAAAAAAAAACIU/ZgBIAn9UP0LAQAgCEHQL2oiEyAT/QABACAU/ZgBIAn9UP0LAQAgCEHgL2oiEyAT/QABACAU/ZgBIAn9UP0LAQAgCEHwL2oiCCAI/QABACAU/ZgBIAn9UP0LAQAgB0HAAGoiB0GAgBBHDQALIA5BgIACaiEOQQAhCAsgEEF/aiETIBFBAWohIAJAAkAgCkEFTw0AIBEhDwwBCyAIQYCAAnPBIQYgBSANQQF0aiIPLgEAISMgCyAMQQF0aiIMLgEAIQcgDyAIOwEAIAwgCDsBACASIAhBAXRqIAc7AQAgICgAACIIQb3P1vEBbEEQdiEMIAhB////B3FBvc/W8QFsQRF2IQ0CQAJAAkAgE0EDSw0AAkAgIyAGSg0AIBEhDwwEC0EDISQgESgAACECIBEhDwJAIBNBA0YNACARIA4gI2oiCCAIKAAAIAJzQf///wdxIggbIQ8gE0EDIAgbISQLAkAgByAGSg0AICQhEwwECyAnIRMCQANAIBMhCCAOIAfBIgdqIiMoAAAgAkYNAQJAIBIgB0H//wFxQQF0ai4BACIHIAZKDQAgJCETDAYLIAhBf2ohEyAIDQALICQhEwwECwJAAkACQAJAIApBbGoiD0FvTQ0AQQQhAgwBCwJAICMoAAQiEyARKAAEIgJGDQAgAiATcyECQQQhEwwCCwJAICMoAAgiEyARKAAIIgJGDQAgAiATcyECQQghEwwCCwJAICMoAAwiEyARKAAMIgJGDQAgAiATcyECQQwhEwwCCwJAICMoABAiEyARKAAQIgJGDQAgAiATcyECQRAhEwwCC0EUIQILIA4gB2ohJANAAkAgAiITQQRqIgIgCk0NACATIApPDQMDQCAkIBNqLQAAIBEgE2otAABHDQQgE0EBaiITIApJDQALIAohEwwDCyAkIBNqKAAAIiUgESATaigAACIoRg0ACyAoICVzIQILIAJoQQN2IBNqIRMLIBMgFU8NAiASIAdB//8BcUEBdGouAQAiByAGTA0CIAgNAQwCCwJAIBMgFUkNACARIQ8MAwsCQCAHIAZKDQAgESEPDAMLIApBbGohDyARISMgJiEICyARQX1qISQgD0FvSyElA0AgCEF/aiEPICQgE2ooAAAhAgJAA0AgDyEIAkAgDiAHwSIHaiIPIBNqQX1qKAAAIAJHDQAgDygAACARKAAARg0CCyASIAdB//8BcUEBdGouAQAiByAGTA0DIAhBf2ohDyAIDQAMAwsLAkACQAJAAkAgJUUNAEEEISgMAQsCQCAPKAAEIgIgESgABCIoRg0AICggAnMhKEEEIQIMAgsCQCAPKAAIIgIgESgACCIoRg0AICggAnMhKEEIIQIMAgsCQCAPKAAMIgIgESgADCIoRg0AICggAnMhKEEMIQIMAgsCQCAPKAAQIgIgESgAECIoRg0AICggAnMhKEEQIQIMAgtBFCEoCyAOIAdqISkDQAJAICgiAkEEaiIoIApNDQAgAiAKTw0DA0AgKSACai0AACARIAJqLQAARw0EIAJBAWoiAiAKSQ0ACyAKIQIMAwsgKSACaigAACIqIBEgAmooAAAiK0YNAAsgKyAqcyEoCyAoaEEDdiACaiECCwJAIAIgE00NACAPISMgAiETIAIgFUkNACACIRMMAwsgEiAHQf//AXFBAXRqLgEAIgcgBkwNASAIDQALCyAjIQ8LAkAgEyAQSQ0AIBEgD2siB2cgImdrIBMgEGtBAnRqQQNIDQAgGCARQX9qLQAAIghBAnRqIg8gDygCAEEBajYCACAZIAhBBXZBBnEgCEEBcXJBAnRqIgggCCgCAEEBajYCACAAIAAoAuwKQQFqNgLsCiAhICEoAgBBAWo2AgAgEyEQICAhESAHISIgEyAVTw0CDAELCyAQQYCIgIAAai0AAEECdCAYakGECGoiCCAIKAIAQQFqNgIAIBcgIiAiQX9qQQd2QYACaiAiQYECSRtBkIqAgABqLQAAIghBAnRqIgcgBygCAEEBajYCACAZQSRBICAQQQhLG2oiByAHKAIAQQFqNgIAICEgIjsBBCAhIAg7AQYgACAAKALsCkEBaiIRNgLsCiAAIB5BCGoiHmpBADYCACAhICEoAgAgEEEXdHI2AgAgEEF+aiEGAkAgEEEDaiAWICBrSw0AICAgDmshCCAgIQ8gBiEQA0ACQCAIQYCAAkcNAEEAIQcDQCAAIAdqIghBwC9qIhMgE/0AAQD9DAAAAAAAAAAAAAAAAAAAAAAiFP2YASAJ/VD9CwEAIAhB0C9qIhMgE/0AAQAgFP2YASAJ/VD9CwEAIAhB4C9qIhMgE/0AAQAgFP2YASAJ/VD9CwEAIAhB8C9qIgggCP0AAQAgFP2YASAJ/VD9CwEAIAdBwABqIgdBgIAQRw0ACyAOQYCAAmohDkEAIQgLIAUgDUEBdGogCDsBACASIAhBAXRqIAsgDEEBdGoiBy8BADsBACAHIAg7AQAgCEEBaiEIIA8oAAEiB0G9z9bxAWxBEHYhDCAHQf///wdxQb3P1vEBbEERdiENIA9BAWohDyAQQX9qIhANAAsLICAgBmohDwwBCyATQYCIgIAAai0AAEECdCAYakGECGoiCCAIKAIAQQFqNgIAIBcgByAHQX9qQQd2QYACaiAHQYECSRtBkIqAgABqLQAAIghBAnRqIg8gDygCAEEBajYCACAZQSRBICATQQhLG2oiDyAPKAIAQQFqNgIAICEgBzsBBCAhIAg7AQYgACAAKALsCkEBaiIRNgLsCiAAIB5BCGoiHmpBADYCACAhICEoAgAgE0EXdHI2AgAgE0F/aiEGAkAgE0EEaiAWICBrSw0AICAgDmshCCAgIQ8gBiEQA0ACQCAIQYCAAkcNAEEAIQcDQCAAIAdqIghBwC9qIhMgE/0AAQD9DAAAAAAAAAAAAAAAAAAAAAAiFP2YASAJ/VD9CwEAIAhB0C9qIhMgE/0AAQAgFP2YASAJ/VD9CwEAIAhB4C9qIhMgE/0AAQAgFP2YASAJ/VD9CwEAIAhB8C9qIgggCP0AAQAgFP2YASAJ/VD9CwEAIAdBwABqIgdBgIAQRw0ACyAOQYCAAmohDkEAIQgLIAUgDUEBdGogCDsBACASIAhBAXRqIAsgDEEBdGoiBy8BADsBACAHIAg7AQAgCEEBaiEIIA8oAAEiB0G9z9bxAWxBEHYhDCAHQf///wdxQb3P1vEBbEERdiENIA9BAWohDyAQQX9qIhANAAsLICAgBmohDwsCQAJAAkAgDyAbTw0AIB5BwOQoSA0BCyAPIAFrIQgMAQsgEUGABEkNASAPIAFrIghBiCdIDQEgFiAPa0GIJ0gNASAZIAgQiYCAgABFDQELCyAAIAMgASAIIBogDyAWRhCIgICAACAPIQEgDyAWRw0ACyAEQYACaiSAgICAAAu6PgcFfwF7Cn8Bewt/AXsOfyOAgICAAEGAAmsiBCSAgICAACAAQcAvaiEFIAAoAhghBkEAIQcDQCAAIAdqIghBsDBq/QwAgACAAIAAgACAAIAAgACAIgn9CwEAIAhBoDBqIAn9CwEAIAhBkDBqIAn9CwEAIAhBgDBqIAn9CwEAIAhB8C9qIAn9CwEAIAhB4C9qIAn9CwEAIAhB0C9qIAn9CwEAIAhBwC9qIAn9CwEAIAdBgAFqIgdBgIAMRw0AC0GCAiEKIAZBggJJIQsgASEMQQAhDUEAIQ4CQCAAKAIQIg9FDQAgASAPayIMKAAAIghBvc/W8QFsQRB2IQ0gCEH///8HcUG9z9bxAWxBEXYhDiAPQQVqIA8gAmpLDQAgAEHArwxqIRAgAEHArwRqIRFBACEIIAwhEgNAAkAgCEGAgAJHDQBBACEHA0AgACAHaiIIQcAvaiITIBP9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhT9mAEgCf1Q/QsBACAIQdAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQeAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQfAvaiIIIAj9AAEAIBT9mAEgCf1Q/QsBACAHQcAAaiIHQYCAEEcNAAsgDEGAgAJqIQxBACEICyAFIA5BAXRqIAg7AQAgECAIQQF0aiARIA1BAXRqIgcvAQA7AQAgByAIOwEAIAhBAWohCCASKAABIgdBvc/W8QFsQRB2IQ0gB0H///8HcUG9z9bxAWxBEXYhDiASQQFqIRIgD0F/aiIPDQALCyAGQYICIAsbIRUgASACaiEWIABBnAlqIRcgAEHArwxqIRIgAEHArwRqIRggAEEcaiEZIABBnApqIRogAEHArxBqIRsDQCAAQQA2AsCvECAZQQBB2Ar8CwAgACgCFCERIARBAEGAAvwLACAWIAFrIghBkM4AIAhBkM4ASBshEAJAIBYgAUHgpxJqIAhB6M4SSRsiHCABRg0AIBwgAWsiCEGAICAIQYAgSRsiCEEDcSETQQAhBwJAIAhBf2pBA0kNACAIQfw/cSEPQQAhBwNAIAQgASAHaiIILQAAakEBOgAAIAQgCEEBai0AAGpBAToAACAEIAhBAmotAABqQQE6AAAgBCAIQQNqLQAAakEBOgAAIA8gB0EEaiIHRw0ACwsgE0UNACABIAdqIQgDQCAEIAgtAABqQQE6AAAgCEEBaiEIIBNBf2oiEw0ACwsgASAQaiEd/QwAAAAAAAAAAAAAAAAAAAAAIRRBACEHA0AgFCAEIAdqIgj9AAQA/YkB/akB/a4BIAhBBGr9XAIA/YkB/akB/a4BIAhBCGr9XQMA/YkB/akB/a4BIAhBDGr9XAIA/YkB/akB/a4BIRQgB0EQaiIHQYACRw0AC0EDIR4CQCAUIBQgCf0NCAkKCwwNDg8AAQIDAAECA/2uASIUIBQgCf0NBAUGBwABAgMAAQIDAAECA/2uAf0bACIIQc8ASw0AIAhBkJOAgABqLQAAIR4gEUEPSw0AAkAgEUEESw0AIB5BBCAIQVNqQSNJGyEeDAELAkAgEUEJSw0AIB5BBSAIQXBqQcAASRshHgwBCyAeQQcgCEF4akHIAEkbIR4LQcCvECEfIAEhBgNAAkAgBiAdSQ0AIAD9AAKMCCAA/QAC/AcgAP0AAuwHIAD9AALcByAA/QACzAcgAP0AArwHIAD9AAKsByAA/QACnAcgAP0AAowHIAD9AAL8BiAA/QAC7AYgAP0AAtwGIAD9AALMBiAA/QACvAYgAP0AAqwGIAD9AAKcBiAA/QACjAYgAP0AAvwFIAD9AALsBSAA/QAC3AUgAP0AAswFIAD9AAK8BSAA/QACrAUgAP0AApwFIAD9AAKMBSAA/QAC/AQgAP0AAuwEIAD9AALcBCAA/QACzAQgAP0AArwEIAD9AAKsBCAA/QACnAQgAP0AAowEIAD9AAL8AyAA/QAC7AMgAP0AAtwDIAD9AALMAyAA/QACvAMgAP0AAqwDIAD9AAKcAyAA/QACjAMgAP0AAvwCIAD9AALsAiAA/QAC3AIgAP0AAswCIAD9AAK8AiAA/QACrAIgAP0AApwCIAD9AAKMAiAA/QAC/AEgAP0AAuwBIAD9AALcASAA/QACzAEgAP0AArwBIAD9AAKsASAA/QACnAEgAP0AAowBIAD9AAJ8IAD9AAJsIAD9AAJcIAD9AAJMIAD9AAI8IAD9AAIsIAD9AAIc/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4B/a4BIhQgFCAJ/Q0ICQoLDA0ODwABAgMAAQID/a4BIhQgFCAJ/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAQQp2/REhFCAAKAIUIRP9DAAAAAAAAAAAAAAAAAAAAAAhIEEAIQcDQCAgIAAgB2oiCEEcav0AAgAgFP08/bEBIAhBLGr9AAIAIBT9PP2xASAIQTxq/QACACAU/Tz9sQEgCEHMAGr9AAIAIBT9PP2xASEgIAdBwABqIgdBgAhHDQALQQMhHgJAICAgICAJ/Q0ICQoLDA0ODwABAgMAAQID/a4BIhQgFCAJ/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAIghBzwBLDQAgCEGQk4CAAGotAAAhHiATQQ9LDQACQCATQQRLDQAgHkEEIAhBU2pBI0kbIR4MAQsCQCATQQlLDQAgHkEFIAhBcGpBwABJGyEeDAELIB5BByAIQXhqQcgASRshHgsgHSAWIB1rIgggBiABayIHIAggB0gbaiEdCwJAIBYgBmsiCEGBAksNACAVIAggFSAISRshFSAIIQoLIAAoAhQhCwJAIAYgDGsiCEGAgAJHDQBBACEHA0AgACAHaiIIQcAvaiITIBP9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhT9mAEgCf1Q/QsBACAIQdAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQeAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQfAvaiIIIAj9AAEAIBT9mAEgCf1Q/QsBACAHQcAAaiIHQYCAEEcNAAsgDEGAgAJqIQxBACEICyAeQX9qIQ8CQAJAIApBBU8NACAGIRMMAQsgCEGAgAJzwSEQIAUgDkEBdGoiEy4BACECIBggDUEBdGoiES4BACEHIBMgCDsBACARIAg7AQAgEiAIQQF0aiAHOwEAIAYoAAEiCEG9z9bxAWxBEHYhDSAIQf///wdxQb3P1vEBbEERdiEOAkACQAJAIA9BA0sNAAJAIAIgEEoNACAGIRMMBAtBAyEhIAYoAAAhESAGIRMCQCAPQQNGDQAgBiAMIAJqIgggCCgAACARc0H///8HcSIIGyETIA9BAyAIGyEhCwJAIAcgEEoNACAhIQ8MBAsgC0F/aiEPAkADQCAPIQggDCAHwSIHaiICKAAAIBFGDQECQCASIAdB//8BcUEBdGouAQAiByAQSg0AICEhDwwGCyAIQX9qIQ8gCA0ACyAhIQ8MBAsCQAJAAkACQCAKQWxqIhNBb00NAEEEIREMAQsCQCACKAAEIg8gBigABCIRRg0AIBEgD3MhEUEEIQ8MAgsCQCACKAAIIg8gBigACCIRRg0AIBEgD3MhEUEIIQ8MAgsCQCACKAAMIg8gBigADCIRRg0AIBEgD3MhEUEMIQ8MAgsCQCACKAAQIg8gBigAECIRRg0AIBEgD3MhEUEQIQ8MAgtBFCERCyAMIAdqISEDQAJAIBEiD0EEaiIRIApNDQAgDyAKTw0DA0AgISAPai0AACAGIA9qLQAARw0EIA9BAWoiDyAKSQ0ACyAKIQ8MAwsgISAPaigAACIiIAYgD2ooAAAiI0YNAAsgIyAicyERCyARaEEDdiAPaiEPCyAPIBVPDQIgEiAHQf//AXFBAXRqLgEAIgcgEEwNAiAIDQEMAgsCQCAPIBVJDQAgBiETDAMLAkAgByAQSg0AIAYhEwwDCyAKQWxqIRMgBiECIAshCAsgBkF9aiEhIBNBb0shIgNAIAhBf2ohEyAhIA9qKAAAIRECQANAIBMhCAJAIAwgB8EiB2oiEyAPakF9aigAACARRw0AIBMoAAAgBigAAEYNAgsgEiAHQf//AXFBAXRqLgEAIgcgEEwNAyAIQX9qIRMgCA0ADAMLCwJAAkACQAJAICJFDQBBBCEjDAELAkAgEygABCIRIAYoAAQiI0YNACAjIBFzISNBBCERDAILAkAgEygACCIRIAYoAAgiI0YNACAjIBFzISNBCCERDAILAkAgEygADCIRIAYoAAwiI0YNACAjIBFzISNBDCERDAILAkAgEygAECIRIAYoABAiI0YNACAjIBFzISNBECERDAILQRQhIwsgDCAHaiEkA0ACQCAjIhFBBGoiIyAKTQ0AIBEgCk8NAwNAICQgEWotAAAgBiARai0AAEcNBCARQQFqIhEgCkkNAAsgCiERDAMLICQgEWooAAAiJSAGIBFqKAAAIiZGDQALICYgJXMhIwsgI2hBA3YgEWohEQsCQCARIA9NDQAgEyECIBEhDyARIBVJDQAgESEPDAMLIBIgB0H//wFxQQF0ai4BACIHIBBMDQEgCA0ACwsgAiETCyAAIB9qISICQAJAAkAgDyAeSQ0AIAYgE2shJCAPQQNHDQEgJEGBwABJDQELIBkgBi0AACIIQQJ0aiIHIAcoAgBBAWo2AgAgGiAIQQV2QQZxIAhBAXFyQQJ0aiIIIAgoAgBBAWo2AgAgACAAKALsCkEBaiICNgLsCiAiICIoAgBBAWo2AgAgBkEBaiEGDAELIAZBAWohEQJAIA8gFU8NACALQQJ2IidBf2ohKCALQQF2IilBf2ohKgNAAkACQCAWIBFrIiNBgQJNDQAgCiEjDAELIBUgIyAVICNJGyEVCwJAIBEgDGsiCEGAgAJHDQBBACEHA0AgACAHaiIIQcAvaiITIBP9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhT9mAEgCf1Q/QsBACAIQdAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQeAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQfAvaiIIIAj9AAEAIBT9mAEgCf1Q/QsBACAHQcAAaiIHQYCAEEcNAAsgDEGAgAJqIQxBACEICyAPQX9qIRAgEUEBaiELAkACQCAjQQVJDQAgCEGAgAJzwSEGIAUgDkEBdGoiEy4BACEhIBggDUEBdGoiDS4BACEHIBMgCDsBACANIAg7AQAgEiAIQQF0aiAHOwEAIAsoAAAiCEG9z9bxAWxBEHYhDSAIQf///wdxQb3P1vEBbEERdiEOAkACQAJAIBBBA0sNACAhIAZMDQNBAyECIBEoAAAhJSARIRMCQCAQQQNGDQAgESAMICFqIgggCCgAACAlc0H///8HcSIIGyETIBBBAyAIGyECCyAHIAZMDQQgKiEhAkADQCAhIQggDCAHwSIHaiIKKAAAICVGDQEgEiAHQf//AXFBAXRqLgEAIgcgBkwNBiAIQX9qISEgCA0ADAYLCwJAAkACQAJAICNBbGoiE0FvTQ0AQQQhIQwBCwJAIAooAAQiAiARKAAEIiFGDQAgISACcyEhQQQhAgwCCwJAIAooAAgiAiARKAAIIiFGDQAgISACcyEhQQghAgwCCwJAIAooAAwiAiARKAAMIiFGDQAgISACcyEhQQwhAgwCCwJAIAooABAiAiARKAAQIiFGDQAgISACcyEhQRAhAgwCC0EUISELIAwgB2ohJQNAAkAgISICQQRqIiEgI00NACACICNPDQMDQCAlIAJqLQAAIBEgAmotAABHDQQgAkEBaiICICNJDQALICMhAgwDCyAlIAJqKAAAIiYgESACaigAACIrRg0ACyArICZzISELICFoQQN2IAJqIQILIAIgFU8NAiASIAdB//8BcUEBdGouAQAiByAGTA0CIAgNAQwCCyAQIBVPDQIgByAGTA0CICNBbGohEyARIQogKSEIIBAhAgsgEUF9aiElIBNBb0shJgNAIAhBf2ohEyAlIAJqKAAAISECQANAIBMhCAJAIAwgB8EiB2oiEyACakF9aigAACAhRw0AIBMoAAAgESgAAEYNAgsgEiAHQf//AXFBAXRqLgEAIgcgBkwNAyAIQX9qIRMgCA0ADAMLCwJAAkACQAJAICZFDQBBBCErDAELAkAgEygABCIhIBEoAAQiK0YNACArICFzIStBBCEhDAILAkAgEygACCIhIBEoAAgiK0YNACArICFzIStBCCEhDAILAkAgEygADCIhIBEoAAwiK0YNACArICFzIStBDCEhDAILAkAgEygAECIhIBEoABAiK0YNACArICFzIStBECEhDAILQRQhKwsgDCAHaiEsA0ACQCArIiFBBGoiKyAjTQ0AICEgI08NAwNAICwgIWotAAAgESAhai0AAEcNBCAhQQFqIiEgI0kNAAsgIyEhDAMLICwgIWooAAAiLSARICFqKAAAIi5GDQALIC4gLXMhKwsgK2hBA3YgIWohIQsCQCAhIAJNDQAgEyEKICEhAiAhIBVJDQAgISECDAQLIBIgB0H//wFxQQF0ai4BACIHIAZMDQEgCA0ACwsgCiETDAELIBEhEyAQIQILAkACQCACIA9JDQAgESATayIHZyAkZ2sgAiAPa0ECdGpBA0gNACAZIBFBf2otAAAiCEECdGoiEyATKAIAQQFqNgIAIBogCEEFdkEGcSAIQQFxckECdGoiCCAIKAIAQQFqNgIAIAAoAuwKQQFqIQggIyEKIAchJCALIREgAiEPDAELAkACQCAWIAtrIgpBgQJNDQAgIyEKDAELIBUgCiAVIApJGyEVCwJAIAsgDGsiCEGAgAJHDQBBACEHA0AgACAHaiIIQcAvaiITIBP9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhT9mAEgCf1Q/QsBACAIQdAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQeAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQfAvaiIIIAj9AAEAIBT9mAEgCf1Q/QsBACAHQcAAaiIHQYCAEEcNAAsgDEGAgAJqIQxBACEICyARQQJqIQYCQAJAIApBBU8NACALIRMMAQsgCEGAgAJzwSECIAUgDkEBdGoiEy4BACEjIBggDUEBdGoiDS4BACEHIBMgCDsBACANIAg7AQAgEiAIQQF0aiAHOwEAIAYoAAAiCEG9z9bxAWxBEHYhDSAIQf///wdxQb3P1vEBbEERdiEOAkACQAJAIBBBA0sNAAJAICMgAkoNACALIRMMBAtBAyElIAsoAAAhISALIRMCQCAQQQNGDQAgCyAMICNqIgggCCgAACAhc0H///8HcSIIGyETIBBBAyAIGyElCwJAIAcgAkoNACAlIRAMBAsgKCEQAkADQCAQIQggDCAHwSIHaiIjKAAAICFGDQECQCASIAdB//8BcUEBdGouAQAiByACSg0AICUhEAwGCyAIQX9qIRAgCA0ACyAlIRAMBAsCQAJAAkACQCAKQWxqIhNBb00NAEEEISEMAQsCQCAjKAAEIhAgESgABSIhRg0AICEgEHMhIUEEIRAMAgsCQCAjKAAIIhAgESgACSIhRg0AICEgEHMhIUEIIRAMAgsCQCAjKAAMIhAgESgADSIhRg0AICEgEHMhIUEMIRAMAgsCQCAjKAAQIhAgESgAESIhRg0AICEgEHMhIUEQIRAMAgtBFCEhCyAMIAdqISUDQAJAICEiEEEEaiIhIApNDQAgECAKTw0DA0AgJSAQai0AACALIBBqLQAARw0EIBBBAWoiECAKSQ0ACyAKIRAMAwsgJSAQaigAACImIAsgEGooAAAiK0YNAAsgKyAmcyEhCyAhaEEDdiAQaiEQCyAQIBVPDQIgEiAHQf//AXFBAXRqLgEAIgcgAkwNAiAIDQEMAgsCQCAQIBVJDQAgCyETDAMLAkAgByACSg0AIAshEwwDCyAKQWxqIRMgCyEjICchCAsgEUF+aiElIBNBb0shJgNAIAhBf2ohEyAlIBBqKAAAISECQANAIBMhCAJAIAwgB8EiB2oiEyAQakF9aigAACAhRw0AIBMoAAAgCygAAEYNAgsgEiAHQf//AXFBAXRqLgEAIgcgAkwNAyAIQX9qIRMgCA0ADAMLCwJAAkACQAJAICZFDQBBBCErDAELAkAgEygABCIhIBEoAAUiK0YNACArICFzIStBBCEhDAILAkAgEygACCIhIBEoAAkiK0YNACArICFzIStBCCEhDAILAkAgEygADCIhIBEoAA0iK0YNACArICFzIStBDCEhDAILAkAgEygAECIhIBEoABEiK0YNACArICFzIStBECEhDAILQRQhKwsgDCAHaiEsA0ACQCArIiFBBGoiKyAKTQ0AICEgCk8NAwNAICwgIWotAAAgCyAhai0AAEcNBCAhQQFqIiEgCkkNAAsgCiEhDAMLICwgIWooAAAiLSALICFqKAAAIi5GDQALIC4gLXMhKwsgK2hBA3YgIWohIQsCQCAhIBBNDQAgEyEjICEhECAhIBVJDQAgISEQDAMLIBIgB0H//wFxQQF0ai4BACIHIAJMDQEgCA0ACwsgIyETCwJAIBAgD0kNACALIBNrIgdnICRnayAQIA9rQQJ0akEHSA0AIBkgEUF/ai0AACIIQQJ0aiITIBMoAgBBAWo2AgAgGiAIQQV2QQZxIAhBAXFyQQJ0aiIIIAgoAgBBAWo2AgAgIiAiKAIAQQFqNgIAIBkgES0AACIIQQJ0aiITIBMoAgBBAWo2AgAgGiAIQQV2QQZxIAhBAXFyQQJ0aiIIIAgoAgBBAWo2AgAgACgC7ApBAmohCCAHISQgBiERIBAhDwwBCyAPQYCIgIAAai0AAEECdCAZakGECGoiCCAIKAIAQQFqNgIAIBcgJCAkQX9qQQd2QYACaiAkQYECSRtBkIqAgABqLQAAIghBAnRqIgcgBygCAEEBajYCACAaQSRBICAPQQhLG2oiByAHKAIAQQFqNgIAICIgJDsBBCAiIAg7AQYgACAAKALsCkEBaiICNgLsCiAAIB9BCGoiH2pBADYCACAiICIoAgAgD0EXdHI2AgAgD0EESQ0DIA9BfWohEQJAIA9BAmogFiAGa0sNACAGIAxrIQggBiEPIBEhEANAAkAgCEGAgAJHDQBBACEHA0AgACAHaiIIQcAvaiITIBP9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhT9mAEgCf1Q/QsBACAIQdAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQeAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQfAvaiIIIAj9AAEAIBT9mAEgCf1Q/QsBACAHQcAAaiIHQYCAEEcNAAsgDEGAgAJqIQxBACEICyAFIA5BAXRqIAg7AQAgEiAIQQF0aiAYIA1BAXRqIgcvAQA7AQAgByAIOwEAIAhBAWohCCAPKAABIgdBvc/W8QFsQRB2IQ0gB0H///8HcUG9z9bxAWxBEXYhDiAPQQFqIQ8gEEF/aiIQDQALCyAGIBFqIQYMAwsgACAINgLsCiAiICIoAgBBAWo2AgAgDyAVSQ0ACwsgD0GAiICAAGotAABBAnQgGWpBhAhqIgggCCgCAEEBajYCACAXICQgJEF/akEHdkGAAmogJEGBAkkbQZCKgIAAai0AACIIQQJ0aiIHIAcoAgBBAWo2AgAgGkEkQSAgD0EISxtqIgcgBygCAEEBajYCACAiICQ7AQQgIiAIOwEGIAAgACgC7ApBAWoiAjYC7AogACAfQQhqIh9qQQA2AgAgIiAiKAIAIA9BF3RyNgIAIA9Bf2ohBgJAIA9BBGogFiARa0sNACARIAxrIQggESEPIAYhEANAAkAgCEGAgAJHDQBBACEHA0AgACAHaiIIQcAvaiITIBP9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIhT9mAEgCf1Q/QsBACAIQdAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQeAvaiITIBP9AAEAIBT9mAEgCf1Q/QsBACAIQfAvaiIIIAj9AAEAIBT9mAEgCf1Q/QsBACAHQcAAaiIHQYCAEEcNAAsgDEGAgAJqIQxBACEICyAFIA5BAXRqIAg7AQAgEiAIQQF0aiAYIA1BAXRqIgcvAQA7AQAgByAIOwEAIAhBAWohCCAPKAABIgdBvc/W8QFsQRB2IQ0gB0H///8HcUG9z9bxAWxBEXYhDiAPQQFqIQ8gEEF/aiIQDQALCyARIAZqIQYLAkACQAJAIAYgHE8NACAfQcDkKEgNAQsgBiABayEIDAELIAJBgARJDQEgBiABayIIQYgnSA0BIBYgBmtBiCdIDQEgGiAIEImAgIAARQ0BCwsgACADIAEgCCAbIAYgFkYQiICAgAAgBiEBIAYgFkcNAAsgBEGAAmokgICAgAALjiUHBn8BexR/AXsPfwJ7AX4jgICAgABBgAJrIgQkgICAgAAgAkGAgAIgAkGAgAJJGyEFIABBwC9qIQYgASACaiEHIAAoAhghCEEAIQkDQCAAIAlqIgJBsDBq/QwAgACAAIAAgACAAIAAgACAIgr9CwEAIAJBoDBqIAr9CwEAIAJBkDBqIAr9CwEAIAJBgDBqIAr9CwEAIAJB8C9qIAr9CwEAIAJB4C9qIAr9CwEAIAJB0C9qIAr9CwEAIAJBwC9qIAr9CwEAIAlBgAFqIglBgIAYRw0ACyAAQZwKaiILQQBB2AD8CwAgAEHA4qUEaiIMQQBBmBD8CwBBggIhDSAIQYICIAhBggJJGyEOIABBzOqlBGohDyAAQcCvGGohECAAQcCvEGohESAAQXxqIRIgAEHAryBqIRMgASAFaiEUIABBxApqIhVBIGohFkEAIRdBACEYQcCvICEZIAEhGiABIRsgASEcA0AgACgCFCEdIARBAEGAAvwLAAJAIAcgG0HgpxJqIAcgG2tB6M4SSRsiHiAbRg0AIB4gG2siAkGAICACQYAgSRsiAkEDcSEIQQAhCQJAIAJBf2pBA0kNACACQfw/cSEFQQAhCQNAIAQgGyAJaiICLQAAakEBOgAAIAQgAkEBai0AAGpBAToAACAEIAJBAmotAABqQQE6AAAgBCACQQNqLQAAakEBOgAAIAUgCUEEaiIJRw0ACwsgCEUNACAbIAlqIQIDQCAEIAItAABqQQE6AAAgAkEBaiECIAhBf2oiCA0ACwv9DAAAAAAAAAAAAAAAAAAAAAAhH0EAIQkDQCAfIAQgCWoiAv0ABAD9iQH9qQH9rgEgAkEEav1cAgD9iQH9qQH9rgEgAkEIav1dAwD9iQH9qQH9rgEgAkEMav1cAgD9iQH9qQH9rgEhHyAJQRBqIglBgAJHDQALQQMhIAJAIB8gHyAK/Q0ICQoLDA0ODwABAgMAAQID/a4BIh8gHyAK/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAIgJBzwBLDQAgAkGQk4CAAGotAAAhICAdQQ9LDQACQCAdQQRLDQAgIEEEIAJBU2pBI0kbISAMAQsCQCAdQQlLDQAgIEEFIAJBcGpBwABJGyEgDAELICBBByACQXhqQcgASRshIAtBACEhIBwhBQJAAkADQCAHIAVrISICQCAFIBRHDQBBACEJA0AgACAJaiICQcAvaiIIIAj9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIh/9mAEgCv1Q/QsBACACQdAvaiIIIAj9AAEAIB/9mAEgCv1Q/QsBACACQeAvaiIIIAj9AAEAIB/9mAEgCv1Q/QsBACACQfAvaiICIAL9AAEAIB/9mAEgCv1Q/QsBACAJQcAAaiIJQYCAIEcNAAsgBSAiQYCAAiAiQYCAAkkbaiEUIAUhGgsCQAJAICJBgQJNDQAgDSEiDAELIA4gIiAOICJJGyEOC0EAISMCQAJAICJBBU8NACAZISQMAQsgBiAYQQJ0aiICLgEAIQkgBSgAASEIIAIgBSAaayINOwEAIAIuAQIhHSACIAk7AQIgCEH///8HcSECIAAoAhQhJSAZISQCQCANQYCAfmoiJiAJTg0AAkAgBSgAAEH///8HcSInIBogCWooAABB////B3FGDQAgGSEkICYgHU4NASAdIQkgGSEkICcgGiAdaigAAEH///8HcUcNAQsgACAZaiIdQQM7AQAgHSANIAlrOwECIBlBBGohJAsgCEG9z9bxAWwhGCACQb3P1vEBbCEoIBEgF0EBdGoiAi4BACEIIAIgDTsBACAQIA1BAnRB/P8HcWoiKUECaiEqAkACQAJAICYgCE4NAEEDIStBACEsQQAhLUEAIQIDQAJAIBogCGoiHSACai0AACAFIAJqLQAARw0AAkACQAJAAkAgIiACQQFqIglrQRBPDQAgCSECDAELAkAgHSAJaigAACInIAUgCWooAAAiLkYNACAuICdzIQIMAgsCQCAdIAJBBWoiCWooAAAiJyAFIAlqKAAAIi5GDQAgLiAncyECDAILAkAgHSACQQlqIglqKAAAIicgBSAJaigAACIuRg0AIC4gJ3MhAgwCCwJAIB0gAkENaiIJaigAACInIAUgCWooAAAiLkYNACAuICdzIQIMAgsgAkERaiECCwNAAkAgAiIJQQRqIgIgIk0NACAJICJPDQMDQCAdIAlqLQAAIAUgCWotAABHDQQgCUEBaiIJICJJDQALICIhCQwDCyAdIAlqKAAAIicgBSAJaigAACIuRg0ACyAuICdzIQILIAJoQQN2IAlqIQkLAkAgCSArSw0AIAkhAgwBCyAAICRqIgIgCTsBACACIA0gCGs7AQIgJEEEaiEkIAkgDk8NAyAJIQIgCSErCyAIQQF0Qf7/A3EhJwJAAkAgHSACai0AACAFIAJqLQAATw0AICkgCDsBACAtIQkgECAnQQF0akECaiIIISkgAiEsDAELICogCDsBACAsIQkgECAnQQF0aiIIISogAiEtCwJAICYgCC4BACIITg0AIAkgAiAJIAJJGyECICVBf2oiJQ0BCwsgKUGAgAI7AQAgKkGAgAI7AQAMAgsgKkGAgAI7AQAgKUGAgAI7AQAMAQsgKSAQIAhBAnRB/P8HcWoiAi8BADsBACAqIAJBAmovAQA7AQALIBhBEHYhFyAoQRB2IRggJCAZTA0AIBIgJGovAQAhIwsgACAkaiECAkAgBSAcSQ0AAkAgIyAgSQ0AIAAgACgC7ApBAWo2AuwKIAwgI0ECdGoiCSAJKAIAQQFqNgIAIAtBJEEgICNBCEsbaiIJIAkoAgBBAWo2AgAgBSAjaiEcDAELIAUtAAAhCSAAIAAoAuwKQQFqNgLsCiALIAlBBXZBBnEgCUEBcXJBAnRqIgkgCSgCAEEBajYCACAFQQFqIRwLIAIgJCAZa0ECdjsBACACIAUtAAA7AQIgJEEEaiEZIAVBAWohAgJAAkAgI0EDSQ0AICMgDkkNACAFQQFqIS0gI0F/aiEuICIhDSACIQUDQCAHIAVrIR0CQCAFIBRHDQBBACEJA0AgACAJaiICQcAvaiIIIAj9AAEA/QwAAAAAAAAAAAAAAAAAAAAAIh/9mAEgCv1Q/QsBACACQdAvaiIIIAj9AAEAIB/9mAEgCv1Q/QsBACACQeAvaiIIIAj9AAEAIB/9mAEgCv1Q/QsBACACQfAvaiICIAL9AAEAIB/9mAEgCv1Q/QsBACAJQcAAaiIJQYCAIEcNAAsgBSAdQYCAAiAdQYCAAkkbaiEUIAUhGgsCQCAdQYECSw0AIA4gHSAOIB1JGyEOIB0hDQsCQCANQQVJDQAgBiAYQQJ0aiIJLwEAIQggBSgAASEdIAkgBSAaayICOwEAIAkgCDsBAiARIBdBAXRqIgkuAQAhCCAJIAI7AQAgHUG9z9bxAWxBEHYhFyAdQf///wdxQb3P1vEBbEEQdiEYIBAgAkECdEH8/wdxaiIkQQJqISYCQAJAIAJBgIB+aiIpIAhODQAgACgCFCEiQQAhKkEAISxBACEJA0ACQAJAIBogCGoiHSAJai0AACIlIAUgCWotAAAiJ0YNACAJIQIMAQsCQAJAAkACQCAOIAlBAWoiAmtBEE8NACACISUMAQsCQCAdIAJqKAAAIiUgBSACaigAACInRg0AICcgJXMhCQwCCwJAIB0gCUEFaiICaigAACIlIAUgAmooAAAiJ0YNACAnICVzIQkMAgsCQCAdIAlBCWoiAmooAAAiJSAFIAJqKAAAIidGDQAgJyAlcyEJDAILAkAgHSAJQQ1qIgJqKAAAIiUgBSACaigAACInRg0AICcgJXMhCQwCCyAJQRFqISULIC0gJWohCQNAAkAgJSICQQRqIiUgDk0NACACIA5PDQMDQCAdIAJqLQAAIC0gAmotAABHDQQgAkEBaiICIA5JDQAMCAsLIAkoAAAhJyAJQQRqIQkgJyAdIAJqKAAAIitGDQALICcgK3MhCQsgCWhBA3YgAmohAgsgAiAOTw0DIAUgAmotAAAhJyAdIAJqLQAAISULIAhBAXRB/v8DcSEdAkACQCAlQf8BcSAnQf8BcU8NACAkIAg7AQAgLCEJIBAgHUEBdGpBAmoiCCEkIAIhKgwBCyAmIAg7AQAgKiEJIBAgHUEBdGoiCCEmIAIhLAsCQCApIAguAQAiCE4NACAJIAIgCSACSRshCSAiQX9qIiINAQsLICRBgIACOwEAICZBgIACOwEADAILICZBgIACOwEAICRBgIACOwEADAELICQgECAIQQJ0Qfz/B3FqIgIvAQA7AQAgJiACQQJqLwEAOwEACyAAIBlqIgJBADsBACACIAUtAAA7AQIgLUEBaiEtIBlBBGohGSAFQQFqIQUgLkF/aiIuDQAMAgsLICIhDSACIQULAkACQCAFIB5PDQAgGUHAyo4DSA0BCyAAIBlqIR0MAgsgACgC7ApBgARJDQAgBSAbayICQYgnSA0AIAcgBWtBiCdIDQACQCALIAIQiYCAgAANACAA/QACnAohLyAA/QwAAAAAAAAAAAAAAAAAAAAAIh/9CwKcCiAA/QACrAohMCAAIB/9CwKsCiAAKALACiECIAAoArwKIQkgAEIANwK8CiAAIC8gAP0AAsQK/a4B/QsCxAogACAwIAD9AALUCv2uAf0LAtQKIAAgCSAAKALkCmo2AuQKIAAgAiAAKALoCmo2AugKIAAgACgC8AogACgC7ApqNgLwCkEAIQkgAEEANgLsCgNAIAAgCWoiAkHA4qUEaiII/QACACEvIAggH/0LAgAgAkHQ4qUEaiII/QACACEwIAggH/0LAgAgAkHM6qUEaiIIIC8gCP0AAgD9rgH9CwIAIAJB3OqlBGoiAiAwIAL9AAIA/a4B/QsCACAJQSBqIglBgAhHDQALIAAoAsDqpQQhAiAAQQA2AsDqpQQgACgCyOqlBCEJIAAoAsTqpQQhCCAAQgA3AsTqpQQgACACIAAoAszypQRqNgLM8qUEIAAgCCAAKALQ8qUEajYC0PKlBCAAIAkgACgC1PKlBGo2AtTypQQgBSEhDAELCyAAIBlqIR0gIUUNAAJAAkAgBSAhayIJQQNxIggNACAdIQIMAQsgHSECA0AgAkF8aiICIAIvAQBBAnRrIQIgCUF/aiEJIAhBf2oiCA0ACwsCQCAhIAVrQXxLDQADQCACQXxqIgIgAi8BAEECdGtBfGoiAiACLwEAQQJ0a0F8aiICIAIvAQBBAnRrQXxqIgIgAi8BAEECdGshAiAJQXxqIgkNAAsLIAAgGyAhIBtrIgkgAiAbIAFGQQAQioCAgAAgACADIBsgCUEAQQAQiICAgAAgEyACIB0gAmsiCfwKAAAgACAA/QACxAr9CwKU4qUEIAApAuQKITEgAP0AAtQKIR8gFkIANwIAIBVBEGr9DAAAAAAAAAAAAAAAAAAAAAAiL/0LAgAgACAf/QsCpOKlBCAAIDE3ArTipQQgACgC8AohAiAAQQA2AvAKIAAgAjYCvOKlBCAVIC/9CwIAIA9BAEGMCPwLACAJQcCvIGohGSAhIRsMAQsgAP0AApwKIS8gAP0MAAAAAAAAAAAAAAAAAAAAACIf/QsCnAogAP0AAqwKITAgACAf/QsCrAogACgCwAohAiAAKAK8CiEJIABCADcCvAogACAvIAD9AALECv2uAf0LAsQKIAAgMCAA/QAC1Ar9rgH9CwLUCiAAIAkgACgC5ApqNgLkCiAAIAIgACgC6ApqNgLoCiAAIAAoAvAKIAAoAuwKajYC8ApBACEJIABBADYC7AoDQCAAIAlqIgJBwOKlBGoiCP0AAgAhLyAIIB/9CwIAIAJB0OKlBGoiCP0AAgAhMCAIIB/9CwIAIAJBzOqlBGoiCCAvIAj9AAIA/a4B/QsCACACQdzqpQRqIgIgMCAC/QACAP2uAf0LAgAgCUEgaiIJQYAIRw0ACyAAKALA6qUEIQIgAEEANgLA6qUEIAAoAsjqpQQhCSAAKALE6qUEIQggAEIANwLE6qUEIAAgAiAAKALM8qUEajYCzPKlBCAAIAggACgC0PKlBGo2AtDypQQgACAJIAAoAtTypQRqNgLU8qUEIAAgGyAFIBtrIgIgHSAbIAFGIAUgB0YiCRCKgICAACAAIAMgGyACQQAgCRCIgICAACAAIAD9AALECv0LApTipQQgACAA/QAC1Ar9CwKk4qUEIAAgACkC5Ao3ArTipQQgACAAKALwCjYCvOKlBCALQQBB2AD8CwAgDEEAQZgQ/AsAQcCvICEZIAUhGwsgBSEcIAUgB0cNAAsgBEGAAmokgICAgAALlhMBDn8jgICAgABBwAlrIgUkgICAgABBACEGIAVBwABqQQAgAEECdCIH/AsAAkACQCAADQBBfyEIDAELIABBAXEhCQJAAkAgAEF/aiIIDQBBACEKDAELIABBfnEhC0EAIQogAiEMA0AgBUHAAGogDCgCACINIAggDSAISRtBAnRqIg0gDSgCAEEBajYCACAFQcAAaiAMQQRqKAIAIg0gCCANIAhJG0ECdGoiDSANKAIAQQFqNgIAIAxBCGohDCALIApBAmoiCkcNAAsLAkAgCUUNACAFQcAAaiACIApBAnRqKAIAIgwgCCAMIAhJG0ECdGoiDCAMKAIAQQFqNgIAC0EBIQxBACEGAkAgAEEBRg0AIAhBA3EhCgJAAkAgAEF+akEDTw0AQQAhBgwBCyAIQXxxIQ4gBUHAAGpBEGohDEEAIQZBACENA0AgDEF0aiILKAIAIQkgCyAGNgIAIAxBeGoiCygCACEPIAsgCSAGaiIJNgIAIAxBfGoiCygCACEGIAsgDyAJaiIJNgIAIAwoAgAhCyAMIAYgCWoiCTYCACALIAlqIQYgDEEQaiEMIA4gDUEEaiINRw0ACyANQQFqIQwLIApFDQAgBUHAAGogDEECdGohDANAIAwoAgAhDSAMIAY2AgAgDEEEaiEMIA0gBmohBiAKQX9qIgoNAAsLQQAhDANAAkACQCACKAIAIgpFDQAgBUHAAGogCiAIIAogCEkbQQJ0aiINIA0oAgAiDUEBajYCACAEIA1BAnRqIApBCnQgDHI2AgAMAQsgAyAMakEAOgAACyACQQRqIQIgACAMQQFqIgxHDQALCwJAIAVBwABqIAhBAnRqKAIAIAcgBUHAAGpqQXhqKAIAIghrIgJBAkkNACAEIAhBAnRqIglBfGohCCACQQF2IQ8DQCAIIA9BAnRqKAIAIQsgDyEMAkAgD0EBdCIKIAJLDQAgDyENA0ACQAJAIAogAkkNACAKIQwMAQsgCiAJIApBAnQiDGooAgAgCCAMaigCAEtyIQwLAkAgCyAIIAxBAnRqKAIAIgpJDQAgDSEMDAILIAggDUECdGogCjYCACAMIQ0gDEEBdCIKIAJNDQALCyAIIAxBAnRqIAs2AgAgD0F/aiIPDQALIAggAkECdGoiDCgCACELIAwgCSgCADYCACAJIAs2AgACQCACQQJGDQADQCACQX9qIQJBAiEKQQEhDQNAAkACQCAKIAJJDQAgCiEMDAELIAogCSAKQQJ0IgxqKAIAIAggDGooAgBLciEMCwJAAkAgCyAIIAxBAnRqKAIAIgpJDQAgDSEMDAELIAggDUECdGogCjYCACAMIQ0gDEEBdCIKIAJNDQELCyAIIAxBAnRqIAs2AgAgCCACQQJ0aiIMKAIAIQsgDCAJKAIANgIAIAkgCzYCACACQQJHDQALCyAJIAs2AgALAkACQAJAIAYOAgIAAQsgBCgCACEIIARBADYCACADQQE6AAAgBCAIQf8HcSIIQQEgCEEBSxsiCEECdGpBATYCACADIAhqQQE6AAAMAQsgBEEEaiEQIAZBf2ohC0EAIQ0gBCEIQQAhAkEAIQpBACEMA0ACQAJAIAJBAWoiDyALSw0AIAQgD0ECdGooAgBBgHhxIQkCQCAMIApGDQAgCSAEIApBAnRqKAIAQYB4cUsNAQsgBCACQQJ0aigCAEGAeHEgCWohCSACQQJqIQIMAQsCQAJAIApBAmoiDiAMTQ0AIAQgAkECdGooAgBBgHhxIQkMAQsgECAKQQJ0IhFqKAIAIhJBgHhxIQcCQCACIAtLDQAgByAEIAJBAnRqKAIAQYB4cSIJTw0BCyAEIBFqIgpBBGogDSASQf8HcWo2AgAgCiANIAooAgAiCUH/B3FqNgIAIAlBgHhxIAdqIQkgDiEKDAELIAQgCkECdGoiAiANIAIoAgAiAkH/B3FqNgIAIApBAWohCiACQYB4cSAJaiEJIA8hAgsgCCAIKAIAQf8HcSAJcjYCACAIQQRqIQggDUGACGohDSALIAxBAWoiDEcNAAsgBUEAIAFBAnQiAkEEavwLACAEIAZBAnRqQXhqIgggCCgCAEH/B3E2AgAgBUECNgIEAkAgBkF9aiIKQQBIDQAgAiAFakF8aiELA0AgBCAKQQJ0aiIIIAQgCCgCACIIQQh2Qfz//wdxaigCAEEKdkEBaiINQQp0IAhB/wdxcjYCACALIQggASECAkACQCANIAFPDQAgBSANQQJ0aigCACEMIA0hAgwBCwNAIAJBf2ohAiAIKAIAIQwgCEF8aiEIIAxFDQALCyAFIAJBAnRqIgggDEF/ajYCACAIQQRqIgggCCgCAEECajYCACAKQQBKIQggCkF/aiEKIAgNAAsLAkACQAJAAkAgAUUNAEEAIQogASECA0ACQCAFIAJBAnRqKAIAIgtFDQACQAJAIAtBA3EiDA0AIAshDQwBCyALQXxxIQ0gCiAMaiEJIAQgCkECdGohCANAIAMgCCgCAEH/B3FqIAI6AAAgCEEEaiEIIAxBf2oiDA0ACyAJIQoLIAtBBEkNACAEIApBAnRqIQgDQCADIAgoAgBB/wdxaiACOgAAIAMgCEEEaigCAEH/B3FqIAI6AAAgAyAIQQhqKAIAQf8HcWogAjoAACADIAhBDGooAgBB/wdxaiACOgAAIAhBEGohCCAKQQRqIQogDUF8aiINDQALCyACQX9qIgINAAsgBUIANwNAIAFBAUYNAyABQX9qIghBA3EhDQJAIAFBfmpBA08NAEECIQJBACEIDAMLIAhBfHEhCUEAIQJBACEIQQAhCwNAIAVBwABqIAJqIgxBCGogBSACaiIKQQRqKAIAIAhqQQF0Igg2AgAgDEEMaiAKQQhqKAIAIAhqQQF0Igg2AgAgDEEQaiAKQQxqKAIAIAhqQQF0Igg2AgAgDEEUaiAKQRBqKAIAIAhqQQF0Igg2AgAgAkEQaiECIAkgC0EEaiILRw0ADAILCyAFQgA3A0AMAgsgC0ECaiECCyANRQ0AIAJBAnQiDCAFakF8aiECIAVBwABqIAxqIQwDQCAMIAIoAgAgCGpBAXQiCDYCACACQQRqIQIgDEEEaiEMIA1Bf2oiDQ0ACwsgAEUNAANAIAVBwABqIAMtAAAiAkECdGoiCCAIKAIAIghBAWo2AgAgBCAIQf8BcUGQkICAAGotAABBCHQgCEEIdkGQkICAAGotAAByQRAgAmt2NgIAIANBAWohAyAEQQRqIQQgAEF/aiIADQALCyAFQcAJaiSAgICAAAvuMgIUfxZ7IAAtAAwhBiABKAIMIQcgASgCCCEIIAEoAgQhCSABKAIAIQoCQCAERQ0AIAAgACgCnAhBAWo2ApwIQaACQQ4gAEEcaiAAQfQUaiAAQfQKahCHgICAAEEgQQ8gAEGcCWogAEGUF2ogAEH0E2oQh4CAgAALQaACIQsgAEGgAjYCoC8CQCAALQCTFyIMDQBBnwIhCyAAQZ8CNgKgLyAALQCSFw0AQZ4CIQsgAEGeAjYCoC8gAC0AkRcNAEGdAiELIABBnQI2AqAvIAAtAJAXDQBBnAIhCyAAQZwCNgKgLyAALQCPFw0AQZsCIQsgAEGbAjYCoC8gAC0AjhcNAEGaAiELIABBmgI2AqAvIAAtAI0XDQBBmQIhCyAAQZkCNgKgLyAALQCMFw0AQZgCIQsgAEGYAjYCoC8gAC0AixcNAEGXAiELIABBlwI2AqAvIAAtAIoXDQBBlgIhCyAAQZYCNgKgLyAALQCJFw0AQZUCIQsgAEGVAjYCoC8gAC0AiBcNAEGUAiELIABBlAI2AqAvIAAtAIcXDQBBkwIhCyAAQZMCNgKgLyAALQCGFw0AQZICIQsgAEGSAjYCoC8gAC0AhRcNAEGRAiELIABBkQI2AqAvIAAtAIQXDQBBkAIhCyAAQZACNgKgLyAALQCDFw0AQY8CIQsgAEGPAjYCoC8gAC0AghcNAEGOAiELIABBjgI2AqAvIAAtAIEXDQBBjQIhCyAAQY0CNgKgLyAALQCAFw0AQYwCIQsgAEGMAjYCoC8gAC0A/xYNAEGLAiELIABBiwI2AqAvIAAtAP4WDQBBigIhCyAAQYoCNgKgLyAALQD9Fg0AQYkCIQsgAEGJAjYCoC8gAC0A/BYNAEGIAiELIABBiAI2AqAvIAAtAPsWDQBBhwIhCyAAQYcCNgKgLyAALQD6Fg0AQYYCIQsgAEGGAjYCoC8gAC0A+RYNAEGFAiELIABBhQI2AqAvIAAtAPgWDQBBhAIhCyAAQYQCNgKgLyAALQD3Fg0AQYMCIQsgAEGDAjYCoC8gAC0A9hYNACAAQYICQYECIAAtAPUWGyILNgKgLwtBICENIABBIDYCpC8CQCAALQCzFw0AQR8hDSAAQR82AqQvIAAtALIXDQBBHiENIABBHjYCpC8gAC0AsRcNAEEdIQ0gAEEdNgKkLyAALQCwFw0AQRwhDSAAQRw2AqQvIAAtAK8XDQBBGyENIABBGzYCpC8gAC0ArhcNAEEaIQ0gAEEaNgKkLyAALQCtFw0AQRkhDSAAQRk2AqQvIAAtAKwXDQBBGCENIABBGDYCpC8gAC0AqxcNAEEXIQ0gAEEXNgKkLyAALQCqFw0AQRYhDSAAQRY2AqQvIAAtAKkXDQBBFSENIABBFTYCpC8gAC0AqBcNAEEUIQ0gAEEUNgKkLyAALQCnFw0AQRMhDSAAQRM2AqQvIAAtAKYXDQBBEiENIABBEjYCpC8gAC0ApRcNAEERIQ0gAEERNgKkLyAALQCkFw0AQRAhDSAAQRA2AqQvIAAtAKMXDQBBDyENIABBDzYCpC8gAC0AohcNAEEOIQ0gAEEONgKkLyAALQChFw0AQQ0hDSAAQQ02AqQvIAAtAKAXDQBBDCENIABBDDYCpC8gAC0AnxcNAEELIQ0gAEELNgKkLyAALQCeFw0AQQohDSAAQQo2AqQvIAAtAJ0XDQBBCSENIABBCTYCpC8gAC0AnBcNAEEIIQ0gAEEINgKkLyAALQCbFw0AQQchDSAAQQc2AqQvIAAtAJoXDQBBBiENIABBBjYCpC8gAC0AmRcNAEEFIQ0gAEEFNgKkLyAALQCYFw0AQQQhDSAAQQQ2AqQvIAAtAJcXDQBBAyENIABBAzYCpC8gAC0AlhcNACAAQQJBASAALQCVFxsiDTYCpC8LIAZBf3MhBiAAQfQUaiEOIABB9CNqIQ8gAEGUF2ohEAJAIAwNACAOIAtqIBAgDfwKAAAgACgCpC8hDSAAKAKgLyELCyACIANqIREgBiAFcSESQQAhBiAPQQBBzAD8CwAgAEH1FGohEyALIA1qIhRBf2ohFSAAQaAlaiIWIQsDQCAOIAZqLQAAIQUgBiENAkADQAJAIBUgDUcNACAVIRcgFCEMDAILIBMgDWohFyANQQFqIgwhDSAFIBctAABGDQALIAxBf2ohFwsgDCAGayENAkACQAJAIAUNAAJAIA1BC0kNAANAIAAgACgCvCRBAWo2ArwkIAsgDUF1aiINQf8AIA1BgAFJGyINQQV0QRJyNgIAIAtBBGohCyAMIAYgDWpBC2oiBmsiDUEKSw0ACwsgDUEDSQ0BIAAgACgCuCRBAWo2ArgkIAsgDUEFdEGxf2o2AgAgC0EEaiELIAwhBgwCCyANQQRJDQAgDyAFQQJ0aiINIA0oAgBBAWo2AgAgCyAFNgIAIAZBAWohBiALQQRqIQsDQCAAIAAoArQkQQFqNgK0JCALIAwgBmtBfWoiDUEDIA1BBEkbIg1BBXRBEHI2AgAgC0EEaiELIAwgBiANakEDaiIGa0ECSw0ACwsCQCAGIAxHDQAgDCEGDAELIA8gBUECdGohDQJAIBcgBmsiGEEBakEDcSIZRQ0AIBkhDANAIA0gDSgCAEEBajYCACALIAU2AgAgC0EEaiELIAxBf2oiDA0ACwsCQCAYQQNJDQAgF0F/cyAGIBlqaiEGA0AgDSANKAIAQQFqNgIAIAsgBTYCACANIA0oAgBBAWo2AgAgCyAFNgIEIA0gDSgCAEEBajYCACALIAU2AgggDSANKAIAQQFqNgIAIAtBDGogBTYCACALQRBqIQsgBkEEaiIGDQALCyAXQQFqIQYLIAYgFEcNAAsgACALIBZrQQJ1NgKsL0ETIQZBE0EHIA8gAEGMJWoiDCAAQcAkaiIUEIeAgIAAAkAgAC0AmyUNAAJAIAAtAI0lRQ0AQRIhBgwBCwJAIAAtAJolRQ0AQREhBgwBCwJAIAAtAI4lRQ0AQRAhBgwBCwJAIAAtAJklRQ0AQQ8hBgwBCwJAIAAtAI8lRQ0AQQ4hBgwBCwJAIAAtAJglRQ0AQQ0hBgwBCwJAIAAtAJAlRQ0AQQwhBgwBCwJAIAAtAJclRQ0AQQshBgwBCwJAIAAtAJElRQ0AQQohBgwBCwJAIAAtAJYlRQ0AQQkhBgwBCwJAIAAtAJIlRQ0AQQghBgwBCwJAIAAtAJUlRQ0AQQchBgwBCwJAIAAtAJMlRQ0AQQYhBgwBC0EFQQQgAC0AlCUbIQYLIAAgBjYCqC8CQCAAKAKgLyILQaACRg0AIBAgDiALaiAAKAKkL/wKAAAgACgCqC8hBgv9DAAAAAAAAAAAAAAAAAAAAAAiGiAALQCeJUEHaiAAKAK8JGwgAP0AAvQjIAD9AACMJSIb/YkB/akB/bUBIAD9AAKUJCAbIBr9DQgJCgsAAAAAAAAAAAAAAAD9iQH9qQH9tQH9rgEgAP0AAoQkIBsgGv0NBAUGBwAAAAAAAAAAAAAAAP2JAf2pAf21ASAA/QACpCQgGyAa/Q0MDQ4PAAAAAAAAAAAAAAAA/YkB/akB/bUB/a4B/a4BIhsgGyAa/Q0ICQoLDA0ODwABAgMAAQID/a4BIhsgGyAa/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAIAZBA2xqIAAtAJwlQQJqIAAoArQkbCAALQCdJUEDaiAAKAK4JGxqampBDmr9HAAhGyAAQSxqIQtBACENA0AgC/0AAgAiHCAAIA1qIgVB+BRq/VwAAP2JAf2pAf21ASALQXBq/QACACIdIAVB9BRq/VwAAP2JAf2pAf21ASAb/a4B/a4BIRsgC0EgaiELIB0gHP2uAUED/asBIBr9rgEhGiANQQhqIg1BkAFHDQALIBogGiAa/Q0ICQoLDA0ODwABAgMAAQID/a4BIhogGiAa/Q0EBQYHAAECAwABAgMAAQID/a4B/QwAAAAAAAAAAAAAAAAAAAAAIh79DQABAgMUFRYXGBkaGxwdHh8hGiAbIBsgGv0NCAkKCwwNDg8AAQIDAAECA/2uASIbIBsgGv0NBAUGBwABAgMAAQIDAAECA/2uASAe/Q0AAQIDFBUWFxgZGhscHR4fIRsgAEGIFmohC0EAIQ0DQCAAIA1qIgVB7ARq/QACACIc/QwJAAAACQAAAAkAAAAJAAAAIh39tQEgBUHcBGr9AAIAIh8gHf21ASAa/a4B/a4BIRogHCAL/VwAAP2JAf2pAf21ASAfIAtBfGr9XAAA/YkB/akB/bUBIBv9rgH9rgEhGyALQQhqIQsgDUEgaiINQcADRw0ACwJAAkACQAJAIAAtALEXQQ1qIAAoApAKIgtsIAAtALAXQQ1qIAAoAowKIg1sIAD9XACsF/2JAf2pAf0MCwAAAAsAAAAMAAAADAAAAP2uASAA/QAC/AkiHf21ASAA/VwAqBf9iQH9qQH9DAkAAAAJAAAACgAAAAoAAAD9rgEgAP0AAuwJIh/9tQEgAP1cAKQX/YkB/akB/QwHAAAABwAAAAgAAAAIAAAA/a4BIAD9AALcCSIg/bUBIAD9XACgF/2JAf2pAf0MBQAAAAUAAAAGAAAABgAAAP2uASAA/QACzAkiIf21ASAA/VwAnBf9iQH9qQH9DAMAAAADAAAABAAAAAQAAAD9rgEgAP0AArwJIiL9tQEgAP1cAJgX/YkB/akB/QwBAAAAAQAAAAIAAAACAAAA/a4BIAD9AAKsCSIj/bUBIAD9AAKcCSIkIAD9XACUF/2JAf2pAf21ASAeIAAoApAJIgUgAC0AkRdsIAD9XACNF/2JAf2pAf0MBQAAAAUAAAAFAAAABQAAACIc/a4BIAD9AAKACSIl/bUBIAD9XACJF/2JAf2pAf0MBAAAAAQAAAAEAAAABAAAACIm/a4BIAD9AALwCCIn/bUBIAD9XACFF/2JAf2pAf0MAwAAAAMAAAADAAAAAwAAACIo/a4BIAD9AALgCCIp/bUBIAD9XACBF/2JAf2pAf0MAgAAAAIAAAACAAAAAgAAACIq/a4BIAD9AALQCCIr/bUBIAD9XAD9Fv2JAf2pAf0MAQAAAAEAAAABAAAAAQAAACIs/a4BIAD9AALACCIt/bUBIAD9AAKwCCIuIAD9XAD5Fv2JAf2pAf21ASAA/QACoAgiLyAA/VwA9Rb9iQH9qQH9tQEgHiAbIBsgGv0NCAkKCwwNDg8AAQIDAAECA/2uASIbIBsgGv0NBAUGBwABAgMAAQIDAAECA/2uAf0bACAALQD0Fmr9HAD9rgH9rgH9rgH9rgH9rgH9rgH9rgEiGyAbIBr9DQgJCgsMDQ4PAAECAwABAgP9rgEiGyAbIBr9DQQFBgcAAQIDAAECAwABAgP9rgH9GwBq/RwA/a4B/a4B/a4B/a4B/a4B/a4B/a4BIhsgGyAa/Q0ICQoLDA0ODwABAgMAAQID/a4BIhsgGyAa/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAamogC0ESbCANQRJsIB39DBAAAAAQAAAAEQAAABEAAAD9tQEgH/0MDgAAAA4AAAAPAAAADwAAAP21ASAg/QwMAAAADAAAAA0AAAANAAAA/bUBICH9DAoAAAAKAAAACwAAAAsAAAD9tQEgIv0MCAAAAAgAAAAJAAAACQAAAP21ASAj/QwGAAAABgAAAAcAAAAHAAAA/bUBICQgHP21ASAeIAUgAC0A0SNsIAD9XADNI/2JAf2pASAc/a4BICX9tQEgAP1cAMkj/YkB/akBICb9rgEgJ/21ASAA/VwAxSP9iQH9qQEgKP2uASAp/bUBIAD9XADBI/2JAf2pASAq/a4BICv9tQEgAP1cAL0j/YkB/akBICz9rgEgLf21ASAuIAD9XAC5I/2JAf2pAf21ASAvIAD9XAC1I/2JAf2pAf21ASAeIBogGiAa/Q0ICQoLDA0ODwABAgMAAQID/a4BIhogGiAa/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAQQdq/RwA/a4B/a4B/a4B/a4B/a4B/a4B/a4BIhogGiAa/Q0ICQoLDA0ODwABAgMAAQID/a4BIhogGiAa/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAav0cAP2uAf2uAf2uAf2uAf2uAf2uAf2uASIaIBogGv0NCAkKCwwNDg8AAQIDAAECA/2uASIaIBogGv0NBAUGBwABAgMAAQIDAAECA/2uAf0bAGpqIgsgA0EDdCADQf7/A2pB//8DbkEobGpBBSAJa0EHcXJBeGoiDSALIA1JIgsbTw0AIABB9ApqIRcgACgCrC8hGSAIQQIgCUEBanQgEiAJdHIgBkF8aiAJQQ1qdHIgACgCoC9B/31qIAlBA2p0ciAAKAKkL0F/aiAJQQhqdHIgCnIiCzYAACALIAlBEWoiDUF4cXYhBSAIIAcgCGsiCyANQQN2IhUgCyAVSRtqIQsgBkEBIAZBAUsbIQ4gDUEHcSENQQAhBgNAIAsgDCAGQfCOgIAAai0AAGotAAAgDXQgBXIiBTYAACALIAcgC2siFSANQQNqIg1BA3YiEyAVIBNJG2ohCyAFIA1BCHF2IQUgDUEHcSENIA4gBkEBaiIGRw0ACyAZQQEgGUEBSxshFQNAIAsgFCAWKAIAIhNBH3EiBkECdGooAgAgDXQgBXIgE0EFdiANIAwgBmotAABqIg10ciIFNgAAIAUgDSAGQZCOgIAAai0AAGoiDUH4B3F2IQUgCyAHIAtrIgYgDUEDdiITIAYgE0kbaiELIA1BB3EhDSAWQQRqIRYgFUF/aiIVDQAMAgsLAkAgCw0AIAcgCGsgCUEKakEDdiADQf//AyADQYCABEgiDRsiC2pBBGpJDQMgCCANIBJxIAl0IApyOgAAAkACQCAJQQZPDQAgCEEBaiENDAELIAhBADoAASAIQQJqIQ0LIA0gCzsAACANIAtBf3M7AAIgDUEEaiINIAIgC/wKAAAgDSALaiELQQAhCSADQYCABEgNAiACQf//A2ohBQNAAkAgByALayARIAVrIg1B//8DIA1BgIAESCIGGyINQQVqTw0AQQAhCgwFCyALIA07AAEgCyANQX9zOwADIAsgBiAScToAACALQQVqIgsgBSAN/AoAACALIA1qIQsgBSANaiIFIBFGDQMMAAsLIAhBASAJQQFqdCASIAl0ciAKciIFNgAAIAggByAIayILIAlBA2oiDUEDdiIGIAsgBkkbaiELIAUgDUF4cXYhBSAAQbQXaiEXIA1BB3EhDQsgAEGALGohDiAXQYAKaiEVQYAkIQxBgywhBgNAIAAgDGogBiAGQYDc//9/ai0AACITQQJ0QZCSgIAAaigCAGtBgFRqIBUgE0GBAmoiFmoiFC0AAHQgFyAWQQJ0aigCAHI2AgAgACAGaiATQbCOgIAAai0AACAULQAAajoAACAGQQFqIQYgDEEEaiIMQYAsRw0ACwJAAkAgBEUNACAXQaAMaiEZIBdBgAlqIRgDQAJAIAQoAgAiE0H///8DcSIGRQ0AA0AgFSACLQAAIgxqLQAAIQAgCyAXIAxBAnRqKAIAIA10IAVyIgU2AAAgBSANIABqIg1BeHF2IQUgCyAHIAtrIgwgDUEDdiIAIAwgAEkbaiELIAJBAWohAiANQQdxIQ0gBkF/aiIGDQALCyATQYCAgARJDQIgDiATQRd2IgxqLQAAIQAgBC8BBCETIAQvAQYhBiALIA8gDEECdGooAgAgDXQgBXIiBTYAACAZIAZqLQAAIRYgCyAHIAtrIhQgDSAAaiINQQN2IgAgFCAASRtqIgsgBSANQXhxdiAYIAZBAnQiBWooAgAgDUEHcSINdHIiADYAACALIAcgC2siFCANIBZqIg1BA3YiFiAUIBZJG2oiCyAAIA1B+ANxdiATIAVBkI+AgABqKAIAayANQQdxIg10ciIFNgAAIAsgByALayIAIA0gBkHQjoCAAGotAABqIg1BA3YiBiAAIAZJG2ohCyAFIA1B+ANxdiEFIA1BB3EhDSAEQQhqIQQgAiAMaiECDAALCyAAQcTajgNqIgYgA0EDdGohEyAXQaAMaiEZIBdBgAlqIRggAEGQ4qMEaiEJA0AgBigCBCIAQQl2IQwCQAJAIABB/wNxIgBBAUcNACAVIAxqLQAAIQIgCyAXIAxBAnRqKAIAIA10IAVyIgU2AAAgBSANIAJqIg1BeHF2IQUMAQsgCSAMai0AACECIA4gAGotAAAhBCALIA8gAEECdGooAgAgDXQgBXIiBTYAACAZIAJqLQAAIRYgCyAHIAtrIhQgDSAEaiINQQN2IgQgFCAESRtqIgsgBSANQXhxdiAYIAJBAnQiBWooAgAgDUEHcSINdHIiBDYAACALIAcgC2siFCANIBZqIg1BA3YiFiAUIBZJG2oiCyAEIA1B+ANxdiAMIAVBkI+AgABqKAIAayANQQdxIg10ciIFNgAAIAUgDSACQdCOgIAAai0AAGoiDUH4A3F2IQULIAsgByALayIMIA1BA3YiAiAMIAJJG2ohCyANQQdxIQ0gBiAAQQN0aiIGIBNHDQALCyAXLQCADCEGIAsgFygCgAggDXQgBXIiBTYAACAFIA0gBmoiDUF4cXYhCiALIAcgC2siBSANQQN2IgYgBSAGSRtqIQcgDUEHcSEJDAELIAshB0EAIQoLIAEgBzYCCCABIAk2AgQgASAKNgIAC/4EBAJ/BHsDfwF7AkACQAJAIAAoAlQiAg0AIAAoAlAhAyAA/QACQCEEIAD9AAIYIQUgAP0AAjAhBiAA/QACCCEHDAELIAD9AAIYIgX9GwMgAmwiAyAAKAJQIgggAP0AAkAiBP0bA2wiCWsgCSADayADIAlLGyAF/RsCIAJsIgMgCCAE/RsCbCIJayAJIANrIAMgCUsbIAX9GwEgAmwiAyAIIAT9GwFsIglrIAkgA2sgAyAJSxsgBf0bACACbCIDIAggBP0bAGwiCWsgCSADayADIAlLGyAA/QACCCIH/RsDIAJsIgMgCCAA/QACMCIG/RsDbCIJayAJIANrIAMgCUsbIAf9GwIgAmwiAyAIIAb9GwJsIglrIAkgA2sgAyAJSxsgB/0bASACbCIDIAggBv0bAWwiCWsgCSADayADIAlLGyAH/RsAIAJsIgMgCCAG/RsAbCIJayAJIANrIAMgCUsbIAAoAgQgAmwiAyAIIAAoAixsIglrIAkgA2sgAyAJSxsgACgCACACbCIDIAggACgCKGwiCWsgCSADayADIAlLG2pqampqampqaiEKIAggAmohAyAIQcgBbEEJdiACbCEJAkAgAUGPzgBLDQAgA0H/P0sNACAJIAmtQYDAACADa61+Qg2Ip2ohCQtBASEIIAogAiABQQx2bGogCU8NAQsgAP0MAAAAAAAAAAAAAAAAAAAAACIL/QsCECAAIAM2AlQgAEIANwIgQQAhCCAAQQA2AlAgACgCBCECIAAoAgAhAyAAIAv9CwIAIAAgBiAH/a4B/QsCMCAAIAQgBf2uAf0LAkAgACADIAAoAihqNgIoIAAgAiAAKAIsajYCLAsgCAu3OgQIfwR7BH4nfyAAKALY8qUEIQYCQAJAAkAgAkGBAmoiB0HnzhIgB0HozhJJGyIIIAJPDQAgAEEcaiIJQQBBgAj8CwAMAQsgAiEKAkAgCCACayILQQFqQQdxIgxFDQAgAiAMaiEKIAJBA3QgAGpBxNqOA2ohBwNAIAdBgICAgHg2AgAgB0EIaiEHIAxBf2oiDA0ACwsCQCALQQdJDQAgACAKQQN0aiEHIAggCmtBAWohDANAIAdB/NqOA2pBgICAgHg2AgAgB0H02o4DakGAgICAeDYCACAHQezajgNqQYCAgIB4NgIAIAdB5NqOA2pBgICAgHg2AgAgB0Hc2o4DakGAgICAeDYCACAHQdTajgNqQYCAgIB4NgIAIAdBzNqOA2pBgICAgHg2AgAgB0HE2o4DakGAgICAeDYCACAHQcAAaiEHIAxBeGoiDA0ACwtBACELIABBHGoiCUEAQYAI/AsAIAJFDQELIAJBA3EhCkEAIQgCQCACQX9qQQNJDQAgAEEcaiEHIAJBfHEhDUEAIQgDQCAHIAEgCGoiDC0AAEECdGoiCyALKAIAQQFqNgIAIAcgDEEBai0AAEECdGoiCyALKAIAQQFqNgIAIAcgDEECai0AAEECdGoiCyALKAIAQQFqNgIAIAcgDEEDai0AAEECdGoiDCAMKAIAQQFqNgIAIA0gCEEEaiIIRw0ACwsgAkELdiELIApFDQAgASAIaiEHIABBHGohCANAIAggBy0AAEECdGoiDCAMKAIAQQFqNgIAIAdBAWohByAKQX9qIgoNAAsLIAv9ESEO/QwAAAAAAAAAAAAAAAAAAAAAIQ9BACEMA0AgDyAJIAxqIgf9AAIAIA79PP2xASAHQRBq/QACACAO/Tz9sQEgB0Egav0AAgAgDv08/bEBIAdBMGr9AAIAIA79PP2xASEPIAxBwABqIgxBgAhHDQALIA8gDyAO/Q0ICQoLDA0ODwABAgMAAQID/a4BIg4gDiAO/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAIgdBASAHQQFLGyEBQQMhDAJAIAdBzwBLDQAgAUGQk4CAAGotAAAhDCAAKAIUIgdBD0sNAAJAIAdBBEsNACAMQQQgAUFTakEjSRshDAwBCwJAIAdBCUsNACAMQQUgAUFwakHAAEkbIQwMAQsgDEEHIAFBeGpByABJGyEMC0EAIQgCQAJAAkBBgwIgDGsiC0EETw0AIAwhByACIQoMAQv9DAAAAAAAAAAAAAAAAAAAAAAiDyAC/RwAIRAgDP0R/QwAAAAAAQAAAAIAAAADAAAA/a4BIQ4gDCALQfwDcSINaiEHIAxBAnQgAGpBzOqlBGohDCANIQgDQCAM/QACACIRIA/9rgEhDyAQIBEgDv21Af2xASEQIAxBEGohDCAO/QwEAAAABAAAAAQAAAAEAAAA/a4BIQ4gCEF8aiIIDQALIBAgECAO/Q0ICQoLDA0ODwABAgMAAQID/a4BIg4gDiAO/Q0EBQYHAAECAwABAgMAAQID/a4B/RsAIQogDyAPIA79DQgJCgsMDQ4PAAECAwABAgP9rgEiDiAOIA79DQQFBgcAAQIDAAECAwABAgP9rgH9GwAhCCALIA1GDQELIAdBAnQgAGpBzOqlBGohDANAIAwoAgAiCyAIaiEIIAogCyAHbGshCiAMQQRqIQwgB0EBaiIHQYMCRw0ACwtBAiAIQQJ0IApBACAKQQBKGyIHSyAIIAdLG0GCAmwiB0HhlYCAAGotAAAhCiAHIAFqQeCTgIAAai0AACEHAkACQCAERQ0AIAAgB/0RIg79CwL02KMEIAAgDv0LAuTYowQgACAO/QsC1NijBCAAIA79CwLE2KMEIAAgDv0LArTYowQgACAO/QsCpNijBCAAIA79CwKU2KMEIAAgDv0LAoTYowQgACAO/QsC9NejBCAAIA79CwLk16MEIAAgDv0LAtTXowQgACAO/QsCxNejBCAAIA79CwK016MEIAAgDv0LAqTXowQgACAO/QsClNejBCAAIA79CwKE16MEIAAgDv0LAvTWowQgACAO/QsC5NajBCAAIA79CwLU1qMEIAAgDv0LAsTWowQgACAO/QsCtNajBCAAIA79CwKk1qMEIAAgDv0LApTWowQgACAO/QsChNajBCAAIA79CwL01aMEIAAgDv0LAuTVowQgACAO/QsC1NWjBCAAIA79CwLE1aMEIAAgDv0LArTVowQgACAO/QsCpNWjBCAAIA79CwKU1aMEIAAgDv0LAoTVowQgACAO/QsC9NSjBCAAIA79CwLk1KMEIAAgDv0LAtTUowQgACAO/QsCxNSjBCAAIA79CwK01KMEIAAgDv0LAqTUowQgACAO/QsClNSjBCAAIA79CwKE1KMEIAAgDv0LAvTTowQgACAO/QsC5NOjBCAAIA79CwLU06MEIAAgDv0LAsTTowQgACAO/QsCtNOjBCAAIA79CwKk06MEIAAgDv0LApTTowQgACAO/QsChNOjBCAAIA79CwL00qMEIAAgDv0LAuTSowQgACAO/QsC1NKjBCAAIA79CwLE0qMEIAAgDv0LArTSowQgACAO/QsCpNKjBCAAIA79CwKU0qMEIAAgDv0LAoTSowQgACAO/QsC9NGjBCAAIA79CwLk0aMEIAAgDv0LAtTRowQgACAO/QsCxNGjBCAAIA79CwK00aMEIAAgDv0LAqTRowQgACAO/QsClNGjBCAAIA79CwKE0aMEIABBkNmjBGohByAK/REhD0EDIQwDQCAHIAxBgIiAgABq/VwAAP2JAf2pASIO/RsDQbCOgIAAaiAO/RsCQbCOgIAAaiAO/RsBQbCOgIAAaiAO/RsAQbCOgIAAav0HAAD9VAAAAf1UAAAC/VQAAAP9iQH9qQFBBP2rASAP/a4B/QsCACAHQRBqIQcgDEEEaiIMQYMCRw0ACyAAQp6CgIDgIzcCgOKjBCAA/Qz+AAAA/gAAAA4BAAAOAQAA/QsC8OGjBCAA/QzeAAAA3gAAAO4AAADuAAAA/QsC4OGjBCAA/Qy+AAAAvgAAAM4AAADOAAAA/QsC0OGjBCAA/QyeAAAAngAAAK4AAACuAAAA/QsCwOGjBCAA/Qx+AAAAfgAAAI4AAACOAAAA/QsCsOGjBCAA/QxeAAAAXgAAAG4AAABuAAAA/QsCoOGjBCAA/QxOAAAATgAAAE4AAABOAAAA/QsCkOGjBAwBCwJAIAA1ApjipQQgADUC8AoiEn4iEyAANQLICiAANQK84qUEIhR+IhV9IBUgE30gEyAVVhsgADUClOKlBCASfiITIAA1AsQKIBR+IhV9IBUgE30gEyAVVht8IAA1ApzipQQgEn4iEyAANQLMCiAUfiIVfSAVIBN9IBMgFVYbfCAANQKg4qUEIBJ+IhMgADUC0AogFH4iFX0gFSATfSATIBVWG3wgADUCpOKlBCASfiITIAA1AtQKIBR+IhV9IBUgE30gEyAVVht8IAA1AqjipQQgEn4iEyAANQLYCiAUfiIVfSAVIBN9IBMgFVYbfCAANQKs4qUEIBJ+IhMgADUC3AogFH4iFX0gFSATfSATIBVWG3wgADUCsOKlBCASfiITIAA1AuAKIBR+IhV9IBUgE30gEyAVVht8IAA1ArTipQQgEn4iEyAANQLkCiAUfiIVfSAVIBN9IBMgFVYbfCAANQK44qUEIBJ+IhMgADUC6AogFH4iFX0gFSATfSATIBVWG3wiE0IChiASIBR+QsgBfkIJiCISQgl+WA0AIAdBA2z9ESEOQQAhDANAIAAgDGoiB0GE0aMEaiIIIAj9AAIAIA79rgFBAv2tAf0LAgAgB0GU0aMEaiIIIAj9AAIAIA79rgFBAv2tAf0LAgAgB0Gk0aMEaiIIIAj9AAIAIA79rgFBAv2tAf0LAgAgB0G00aMEaiIHIAf9AAIAIA79rgFBAv2tAf0LAgAgDEHAAGoiDEGACEcNAAsgAEGQ2aMEaiEHIAr9ESEPQQMhDANAIAcgDEGAiICAAGr9XAAA/YkB/akBIg79GwNBsI6AgABqIA79GwJBsI6AgABqIA79GwFBsI6AgABqIA79GwBBsI6AgABq/QcAAP1UAAAB/VQAAAL9VAAAA/2JAf2pAUEE/asBIA/9rgH9DAMAAAADAAAAAwAAAAMAAAD9tQEgB/0AAgD9rgFBAv2tAf0LAgAgB0EQaiEHIAxBBGoiDEGDAkcNAAsgACAA/QACkOGjBP0M6gAAAOoAAADqAAAA6gAAAP2uAUEC/a0B/QsCkOGjBCAAIAD9AAKg4aME/QwaAQAAGgEAAEoBAABKAQAA/a4BQQL9rQH9CwKg4aMEIAAgAP0AArDhowT9DHoBAAB6AQAAqgEAAKoBAAD9rgFBAv2tAf0LArDhowQgACAA/QACwOGjBP0M2gEAANoBAAAKAgAACgIAAP2uAUEC/a0B/QsCwOGjBCAAIAD9AALQ4aME/Qw6AgAAOgIAAGoCAABqAgAA/a4BQQL9rQH9CwLQ4aMEIAAgAP0AAuDhowT9DJoCAACaAgAAygIAAMoCAAD9rgFBAv2tAf0LAuDhowQgACAA/QAC8OGjBP0M+gIAAPoCAAAqAwAAKgMAAP2uAUEC/a0B/QsC8OGjBCAAIAAoAoDiowRB2gZqQQJ2NgKA4qMEIAAgACgChOKjBEHaBmpBAnY2AoTiowQMAQsCQCATQgGGIhQgEkIDflgNACAHQQVs/REhD0EAIQwDQCAAIAxqIgdBhNGjBGoiCCAI/QACAP0MAwAAAAMAAAADAAAAAwAAACIO/bUBIA/9rgFBA/2tAf0LAgAgB0GU0aMEaiIIIAj9AAIAIA79tQEgD/2uAUED/a0B/QsCACAHQaTRowRqIgggCP0AAgAgDv21ASAP/a4BQQP9rQH9CwIAIAdBtNGjBGoiByAH/QACACAO/bUBIA/9rgFBA/2tAf0LAgAgDEHAAGoiDEGACEcNAAsgAEGQ2aMEaiEHIAr9ESEQQQMhDANAIAcgDEGAiICAAGr9XAAA/YkB/akBIg/9GwNBsI6AgABqIA/9GwJBsI6AgABqIA/9GwFBsI6AgABqIA/9GwBBsI6AgABq/QcAAP1UAAAB/VQAAAL9VAAAA/2JAf2pAUEE/asBIBD9rgH9DAUAAAAFAAAABQAAAAUAAAD9tQEgB/0AAgAgDv21Af2uAUED/a0B/QsCACAHQRBqIQcgDEEEaiIMQYMCRw0ACyAAIAD9AAKQ4aMEIA79tQH9DIYBAACGAQAAhgEAAIYBAAD9rgFBA/2tAf0LApDhowQgACAA/QACoOGjBCAO/bUB/QzWAQAA1gEAACYCAAAmAgAA/a4BQQP9rQH9CwKg4aMEIAAgAP0AArDhowQgDv21Af0MdgIAAHYCAADGAgAAxgIAAP2uAUED/a0B/QsCsOGjBCAAIAD9AALA4aMEIA79tQH9DBYDAAAWAwAAZgMAAGYDAAD9rgFBA/2tAf0LAsDhowQgACAA/QAC0OGjBCAO/bUB/Qy2AwAAtgMAAAYEAAAGBAAA/a4BQQP9rQH9CwLQ4aMEIAAgAP0AAuDhowQgDv21Af0MVgQAAFYEAACmBAAApgQAAP2uAUED/a0B/QsC4OGjBCAAIAD9AALw4aMEIA79tQH9DPYEAAD2BAAARgUAAEYFAAD9rgFBA/2tAf0LAvDhowQgACAAKAKA4qMEQQNsQZYLakEDdjYCgOKjBCAAIAAoAoTiowRBA2xBlgtqQQN2NgKE4qMEDAELIAf9ESEOAkAgFCASVg0AQQAhDANAIAAgDGoiB0GE0aMEaiIIIAj9AAIA/QwDAAAAAwAAAAMAAAADAAAAIg/9tQEgDv2uAUEC/a0B/QsCACAHQZTRowRqIgggCP0AAgAgD/21ASAO/a4BQQL9rQH9CwIAIAdBpNGjBGoiCCAI/QACACAP/bUBIA79rgFBAv2tAf0LAgAgB0G00aMEaiIHIAf9AAIAIA/9tQEgDv2uAUEC/a0B/QsCACAMQcAAaiIMQYAIRw0ACyAAQZDZowRqIQcgCv0RIRBBAyEMA0AgByAMQYCIgIAAav1cAAD9iQH9qQEiDv0bA0GwjoCAAGogDv0bAkGwjoCAAGogDv0bAUGwjoCAAGogDv0bAEGwjoCAAGr9BwAA/VQAAAH9VAAAAv1UAAAD/YkB/akBQQT9qwEgEP2uASAH/QACACAP/bUB/a4BQQL9rQH9CwIAIAdBEGohByAMQQRqIgxBgwJHDQALIAAgAP0AApDhowQgD/21Af0MTgAAAE4AAABOAAAATgAAAP2uAUEC/a0B/QsCkOGjBCAAIAD9AAKg4aMEIA/9tQH9DF4AAABeAAAAbgAAAG4AAAD9rgFBAv2tAf0LAqDhowQgACAA/QACsOGjBCAP/bUB/Qx+AAAAfgAAAI4AAACOAAAA/a4BQQL9rQH9CwKw4aMEIAAgAP0AAsDhowQgD/21Af0MngAAAJ4AAACuAAAArgAAAP2uAUEC/a0B/QsCwOGjBCAAIAD9AALQ4aMEIA/9tQH9DL4AAAC+AAAAzgAAAM4AAAD9rgFBAv2tAf0LAtDhowQgACAA/QAC4OGjBCAP/bUB/QzeAAAA3gAAAO4AAADuAAAA/a4BQQL9rQH9CwLg4aMEIAAgAP0AAvDhowQgD/21Af0M/gAAAP4AAAAOAQAADgEAAP2uAUEC/a0B/QsC8OGjBCAAIAAoAoDiowRBA2xBngJqQQJ2NgKA4qMEIAAgACgChOKjBEEDbEGeAmpBAnY2AoTiowQMAQtBACEMA0AgACAMaiIHQYTRowRqIgggCP0AAgAgDv2uAUEB/a0B/QsCACAHQZTRowRqIgggCP0AAgAgDv2uAUEB/a0B/QsCACAHQaTRowRqIgggCP0AAgAgDv2uAUEB/a0B/QsCACAHQbTRowRqIgcgB/0AAgAgDv2uAUEB/a0B/QsCACAMQcAAaiIMQYAIRw0ACyAAQZDZowRqIQcgCv0RIQ9BAyEMA0AgByAH/QACACAP/a4BIAxBgIiAgABq/VwAAP2JAf2pASIO/RsDQbCOgIAAaiAO/RsCQbCOgIAAaiAO/RsBQbCOgIAAaiAO/RsAQbCOgIAAav0HAAD9VAAAAf1UAAAC/VQAAAP9iQH9qQFBBP2rAf2uAUEB/a0B/QsCACAHQRBqIQcgDEEEaiIMQYMCRw0ACyAAIAD9AAKQ4aME/QxOAAAATgAAAE4AAABOAAAA/a4BQQH9rQH9CwKQ4aMEIAAgAP0AAqDhowT9DF4AAABeAAAAbgAAAG4AAAD9rgFBAf2tAf0LAqDhowQgACAA/QACsOGjBP0MfgAAAH4AAACOAAAAjgAAAP2uAUEB/a0B/QsCsOGjBCAAIAD9AALA4aME/QyeAAAAngAAAK4AAACuAAAA/a4BQQH9rQH9CwLA4aMEIAAgAP0AAtDhowT9DL4AAAC+AAAAzgAAAM4AAAD9rgFBAf2tAf0LAtDhowQgACAA/QAC4OGjBP0M3gAAAN4AAADuAAAA7gAAAP2uAUEB/a0B/QsC4OGjBCAAIAD9AALw4aME/Qz+AAAA/gAAAA4BAAAOAQAA/a4BQQH9rQH9CwLw4aMEIAAgACgCgOKjBEGeAmpBAXY2AoDiowQgACAAKAKE4qMEQZ4CakEBdjYChOKjBAsgAEGQ4aMEaiIWIABBshdqSSAAQZQXaiIXIABBiOKjBGpJcSEYIABBhNGjBGoiGSAAQfQWakkgAEH0FGoiGiAAQYTZowRqIhtJcSEcIABBxNqOA2oiHSACQQN0IgdqIR4gAEGU4aMEaiEfIABBkNmjBGohICAAQfUUaiEhIABB+BRqISIgAEH0E2ohIyAAQfQKaiEkIABBnAlqISUgAEF8aiEmIABBkOKjBGohJyAHIABqQbzajgNqISggACAHQcTajgNqIilqISogAEGYF2ohKyAAQaDhowRqISwgAEGcF2ohLSAAQbDhowRqIS4gAEGgF2ohLyAAQcDhowRqITAgAEGkF2ohMSAAQdDhowRqITIgAEGoF2ohMyAAQeDhowRqITQgAEGsF2ohNSAAQfDhowRqITYDQCAqQQA2AgAgKCE3QQAhCiApITggAyE5A0AgGSA5QX5qLwEAIgdBAnRqKAIAIQwgJiA4aiIEIAdBCXRBAXI2AgAgACA4QXhqIjhqITogDCAKaiEKAkACQCA5QXxqIgwvAQAiBw0AIAwhOQwBC0EDIQggB0F/c0ECdCI7ITwDQCAbIAhBAnRqIQcgNyAIQQN0aiEMIDkgPGoiCy8BAiINQQl0IQIgCy8BACEBIBYgJyANai0AAEECdGooAgAhDQNAAkAgBygCACANaiAMKAIAaiILIApPDQAgBCAIIAJyNgIAIAshCgsgB0EEaiEHIAxBCGohDCAIQQFqIgggAU0NAAsgPEEEaiI8QXxHDQALIDkgO2ohOQsgOiAKNgIAIDdBeGohNyA4QcTajgNHDQALIAlBAEGACvwLACAdIQcDQCAHKAIEIgxBCXYhCgJAAkAgDEH/A3EiCEEBRw0AIAkgCkECdGohDAwBCyAIQYCIgIAAai0AAEECdCAJakGECGoiDCAMKAIAQQFqNgIAICUgJyAKai0AAEECdGohDAsgDCAMKAIAQQFqNgIAIAcgCEEDdGoiByAeRw0ACyAAIAAoApwIQQFqNgKcCEGgAkEOIAkgGiAkEIeAgIAAQSBBDyAlIBcgIxCHgICAAAJAAkAgBkF/aiIGDQAgBQ0BCwJAAkAgHA0AQQAhDCAiIQcDQCAAIAxqIghBlNGjBGr9DA0NDQ0NDQ0NDQ0NDQ0NDQ0iDiAH/VwAACIPIA/9DAAAAAAAAAAAAAAAAAAAAAAiEP0j/VL9iQH9qQFBBP2rAf0LAgAgCEGE0aMEaiAOIAdBfGr9XAAAIg8gDyAQ/SP9Uv2JAf2pAUEE/asB/QsCACAHQQhqIQcgDEEgaiIMQYAIRw0ADAILC0EAIQwgISEHA0AgACAMaiIIQYTRowRqIAdBf2otAAAiCkENIAobQQR0NgIAIAhBiNGjBGogBy0AACIIQQ0gCBtBBHQ2AgAgB0ECaiEHIAxBCGoiDEGACEcNAAsLQQMhByAgIQwDQCAMIAdBgIiAgABqLQAAIgggGmpBgQJqLQAAIgpBDSAKGyAIQbCOgIAAai0AAGpBBHQ2AgAgDEEEaiEMIAdBAWoiB0GDAkcNAAtBACEIQQAhDAJAIBgNACAW/QwKCgoKCgoKCgoKCgoKCgoKIg4gF/1cAAAiECAQ/QwAAAAAAAAAAAAAAAAAAAAAIg/9I/1S/YkB/akBQQT9qwH9CwIAICwgDiAr/VwAACIQIBAgD/0j/VL9iQH9qQFBBP2rAf0MEAAAABAAAAAgAAAAIAAAAP2uAf0LAgAgLiAOIC39XAAAIhAgECAP/SP9Uv2JAf2pAUEE/asB/QwwAAAAMAAAAEAAAABAAAAA/a4B/QsCACAwIA4gL/1cAAAiECAQIA/9I/1S/YkB/akBQQT9qwH9DFAAAABQAAAAYAAAAGAAAAD9rgH9CwIAIDIgDiAx/VwAACIQIBAgD/0j/VL9iQH9qQFBBP2rAf0McAAAAHAAAACAAAAAgAAAAP2uAf0LAgAgNCAOIDP9XAAAIhAgECAP/SP9Uv2JAf2pAUEE/asB/QyQAAAAkAAAAKAAAACgAAAA/a4B/QsCACA2IA4gNf1cAAAiECAQIA/9I/1S/YkB/akBQQT9qwH9DLAAAACwAAAAwAAAAMAAAAD9rgH9CwIAQRwhDAsgHyAMQQJ0aiEHIAAhCgNAIAdBfGogCiAMaiILQZQXai0AACIBQQogARsgDCAIaiIBQdCOgIAAai0AAGpBBHQ2AgAgByALQZUXai0AACILQQogCxsgAUHRjoCAAGotAABqQQR0NgIAIAdBCGohByAKQQJqIQogDCAIQQJqIghqQR5HDQALIAYNAQsLC6cDAQJ/I4CAgIAAQRBrIgYkgICAgAAgBCAFaiEHAkACQAJAIAAoAgggAkkNAAJAAkAgAg0AIAQhAAwBCyABIAJqIQVBACEDIAQhAANAIAcgAGsgBSABayICQf//AyACQf//A0gbIgJBCmpJDQQgACACOwABIABBADoAACAAIAJBf3M7AAMgAEEFaiABIAL8CgAAIABBAWogAmpBBGohACABIAJqIgEgBUcNAAsLIAcgAGtBBU4NAUEAIQMMAgsCQCAFQQlPDQBBACEDDAILIABBAToADCAAIANBgIACIANBgIACSRs2AhAgBiAENgIIIAZCADcCACAGIAdBeGo2AgwgACABIAIgBiAAKAIAEYCAgIAAgICAgABBACEDIABBADYCECAAQQA6AAwgBigCCCIAIAYoAgxPDQEgACAGKAIAOgAAAkACQCAGKAIEQQZPDQAgAEEBaiEADAELIABBADoAASAAQQJqIQALIABBgIB8NgAAIAAgBGtBBGohAwwBCyAAQYCAfDYAASAAQQA6AAAgACAEa0EFaiEDCyAGQRBqJICAgIAAIAMLLAECf0EFIQICQCABQYcnaiIDQYgnSQ0AIANBiCduQQVsIQILIAEgAmpBCWoLRQECf0EAIQICQCAAQQNqIgMgAWpBACgC6JmAgAARgYCAgACAgICAACIBRQ0AIAMgAWpBACAAa3EiAkF8aiABNgIACyACC2IBA39BACEBQQAoAuyZgIAAIQI/ACEDAkAgAkE/akFAcSICIABqIgAgAkkNAAJAIAAgA0EQdCIDTQ0AIAAgA2tB//8DakEQdkAAQX9GDQELQQAgADYC7JmAgAAgAiEBCyABCwv0EQIB5hEAAAAAAQIDBAUGBwgICQkKCgsLDAwMDA0NDQ0ODg4ODw8PDxAQEBAQEBAQERERERERERESEhISEhISEhMTExMTExMTFBQUFBQUFBQUFBQUFBQUFBUVFRUVFRUVFRUVFRUVFRUWFhYWFhYWFhYWFhYWFhYWFxcXFxcXFxcXFxcXFxcXFxgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxscAAAAAAAAAAAAAAAAAAAAAQIDBAQFBQYGBgYHBwcHCAgICAgICAgJCQkJCQkJCQoKCgoKCgoKCgoKCgoKCgoLCwsLCwsLCwsLCwsLCwsLDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PABAREhITExQUFBQVFRUVFhYWFhYWFhYXFxcXFxcXFxgYGBgYGBgYGBgYGBgYGBgZGRkZGRkZGRkZGRkZGRkZGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhobGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwdHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dAAAAAAAAAAAAAAAAAAAAAAIDBwAAAAAAAAAAAAAAAAAAAAAAAAAAAAEBAQECAgICAwMDAwQEBAQFBQUFAAAAAAAAAAABAQICAwMEBAUFBgYHBwgICQkKCgsLDAwNDQAAEBESAAgHCQYKBQsEDAMNAg4BDwAAAAAAAAAAAAAAAAABAAAAAgAAAAMAAAAEAAAABQAAAAcAAAAJAAAADQAAABEAAAAZAAAAIQAAADEAAABBAAAAYQAAAIEAAADBAAAAAQEAAIEBAAABAgAAAQMAAAEEAAABBgAAAQgAAAEMAAABEAAAARgAAAEgAAABMAAAAUAAAAFgAAAAAAAAAAAAAACAQMAgoGDgEJBQ0DCwcPAIiEjIKKho6BiYWNg4uHj4BIRExCSkZOQUlFTUNLR09AyMTMwsrGzsHJxc3Dy8fPwCgkLCIqJi4hKSUtIysnLyCopKyiqqauoamlraOrp6+gaGRsYmpmbmFpZW1ja2dvYOjk7OLq5u7h6eXt4+vn7+AYFBwSGhYeERkVHRMbFx8QmJSckpqWnpGZlZ2Tm5efkFhUXFJaVl5RWVVdU1tXX1DY1NzS2tbe0dnV3dPb19/QODQ8Mjo2PjE5NT0zOzc/MLi0vLK6tr6xubW9s7u3v7B4dHxyenZ+cXl1fXN7d39w+PT88vr2/vH59f3z+/f/8DAAAABAAAAAUAAAAGAAAABwAAAAgAAAAJAAAACgAAAAsAAAANAAAADwAAABEAAAATAAAAFwAAABsAAAAfAAAAIwAAACsAAAAzAAAAOwAAAEMAAABTAAAAYwAAAHMAAACDAAAAowAAAMMAAADjAAAAAgEAAAAAAAAAAAAAAAAAAAkJCQkJCQgIBwcGBgYGBgYFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBgYWICYrMDM2OTs9QEFDRUZISUpLTE1PUFBRUlNUVVVWV1hYWVlaW1tcXF1dXl9fYGBgYWFiYmNjY2RkZWVlZmZmZ2doaGhpaWlpampqa2trbGxsbG1tbW1ubm5vb29vcHBwcHBxcXFxcnJycnJzc3Nzc3R0dHR0dXV1dXV2dnZ2dnZ3d3d3d3h4eHh4eHl5eXl5eXl6enp6enp7e3t7e3t7fHx8fHx8fH19fX19fX19fn5+fn5+fn9/f39/f39/gICAgICAgICAgYGBgYGBgYGBgoKCgoKCgoKCg4ODg4ODg4ODg4SEhISEhISEhISFhYWFhYWFhYWFhoaGhoaGhoZtEBAgKTA1OTxAQkVHSUtMTlBRUlNVVldYWVpbXFxdXl9gYGFiYmNjZGVlZmZnZ2hoaWlqamtrbGxsbW1ubm5vb3BwcHFxcXJycnNzc3N0dHR1dXV2dnZ2d3d3d3h4eHh5eXl5enp6enp7e3t7fHx8fHx9fX19fX5+fn5+f39/f3+AgICAgICBgYGBgYGCgoKCgoKDg4ODg4ODhISEhISEhYWFhYWFhYaGhoaGhoaGh4eHh4eHh4eIiIiIiIiIiImJiYmJiYmJioqKioqKioqKi4uLi4uLi4uLjIyMjIyMjIyMjY2NjY2NjY2NjY6Ojo6Ojo6Ojo6Oj4+Pj4+Pj4+Pj5BdICAwOUBFSUxQUlVXWVtcXmBhYmNlZmdoaWprbGxtbm9wcHFycnNzdHV1dnZ3d3h4eXl6ent7fHx8fX1+fn5/f4CAgIGBgYKCgoODg4OEhISFhYWGhoaGh4eHh4iIiIiJiYmJioqKioqLi4uLjIyMjIyNjY2NjY6Ojo6Oj4+Pj4+QkJCQkJCRkZGRkZGSkpKSkpKTk5OTk5OTlJSUlJSUlZWVlZWVlZaWlpaWlpaWl5eXl5eXl5eYmJiYmJiYmJmZmZmZmZmZmpqampqampqam5ubm5ubm5ubnJycnJycnJycnZ2dnZ2dnZ2dnZ6enp6enp6enp6en5+fn5+fn5+fn6BUAQgGAAAAAA0EAA==';

;// CONCATENATED MODULE: ./src/lib/encode/deflate-pool.ts








/**
 * Deflaters, each an instance of libdeflate.wasm with a few slots in its memory: a slot holds one
 * block of input (and the 32 KiB before it, the dictionary) and its deflated output. The number
 * of slots bounds the memory of every gzip stream at once, whatever the layer sizes.
 *
 * One deflater runs on the main thread, the others in worker threads: a worker costs about
 * 12 MB of resident memory (a Node environment of its own), more than anything else a push
 * holds, while the main thread mostly waits on the network and the disk.
 */
/**
 * Primed blocks of 256 KiB, 512 KiB and 1 MiB measured the same size of output and the same
 * speed within the noise: 512 KiB holds half the memory of 1 MiB in fewer messages than 256 KiB.
 */
const DEFLATE_BLOCK_SIZE = 512 * 1024;
/**
 * Each block is primed with the previous 32 KiB (deflate's whole window): unprimed output of
 * binaries measured 0.05 % (1 MiB blocks) to 0.2 % (256 KiB) bigger, for no speed measurable.
 */
const DEFLATE_WINDOW = 32 * 1024;
/** One slot being deflated while the next is filled, per deflater. */
const SLOTS_PER_DEFLATER = 2;
class DeflatePool {
    #deflaters;
    #waiting = [];
    #started = [];
    #failure;
    #busy = 0;
    #outputs = new chunk_pool/* ChunkPool */.Et({ size: 0, keep: 0 });
    constructor(options) {
        (0,v8_flags/* optimizeWasmWithoutLoopUnrolling */.Yv)();
        const module = new WebAssembly.Module(Buffer.from(LIBDEFLATE_WASM_BASE64, 'base64'));
        const setup = {
            module,
            slots: SLOTS_PER_DEFLATER,
            blockSize: DEFLATE_BLOCK_SIZE,
            window: DEFLATE_WINDOW,
        };
        const ports = Array.from({ length: options.workers }, () => startWorker(setup));
        if (options.mainThread || ports.length === 0)
            ports.push(startOnMainThread(setup));
        this.#deflaters = Promise.all(ports.map((port) => this.#ready(port)));
        // A failed start is reported by the first acquire, not as an unhandled rejection.
        this.#deflaters.catch(() => { });
    }
    /** A free slot, of the deflater with the most free slots: waits while every slot is lent. */
    async acquire() {
        const deflaters = await this.#deflaters;
        if (this.#failure)
            throw this.#failure;
        let best;
        for (const deflater of deflaters) {
            if (deflater.free.length > (best?.free.length ?? 0))
                best = deflater;
        }
        const slot = best?.free.shift();
        if (slot)
            return slot;
        return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
    }
    /** Gives back a slot that will not be deflated (the input ended, or the stream failed). */
    release(slot) {
        const owned = slot;
        const next = this.#waiting.shift();
        if (next)
            next.resolve(owned);
        else
            owned.deflater.free.push(owned);
    }
    /**
     * Deflates the first `length` bytes of the slot's input at `level` (0 stores them), primed
     * with the last `dictionaryLength` bytes of its window; the slot is free again after.
     */
    deflate(slot, job) {
        const owned = slot;
        if (this.#failure) {
            this.release(slot);
            return Promise.reject(this.#failure);
        }
        return new Promise((resolve, reject) => {
            owned.deflater.jobs.set(owned.index, { slot: owned, resolve, reject });
            // Idle deflaters do not keep the process alive; while a job runs they must, or the
            // process could end with the job's promise pending.
            if (this.#busy++ === 0)
                for (const { port } of this.#started)
                    port.ref();
            owned.deflater.port.postMessage({ slot: owned.index, ...job });
        }).finally(() => {
            if (--this.#busy === 0)
                for (const { port } of this.#started)
                    port.unref();
            this.release(slot);
        });
    }
    async #ready(port) {
        const ready = await new Promise((resolve, reject) => {
            port.once('message', resolve);
            if (port instanceof external_node_worker_threads_.Worker)
                port.once('error', reject);
        });
        const deflater = { port, memory: ready.memory, free: [], jobs: new Map() };
        if (this.#outputs.size < ready.outputCapacity)
            this.#outputs = new chunk_pool/* ChunkPool */.Et({ size: ready.outputCapacity, keep: block_encoder/* ENCODED_BLOCKS_KEPT */.BY });
        const bytes = ready.memory.buffer;
        ready.slots.forEach((offsets, index) => {
            deflater.free.push({
                deflater,
                index,
                window: Buffer.from(bytes, offsets.window, DEFLATE_WINDOW),
                input: Buffer.from(bytes, offsets.input, DEFLATE_BLOCK_SIZE),
                outputOffset: offsets.output,
            });
        });
        port.on('message', (done) => this.#finished(deflater, done));
        if (port instanceof external_node_worker_threads_.Worker) {
            port.on('error', (error) => this.#fail(deflater, error));
            port.on('exit', (code) => this.#fail(deflater, new Error(`it exited with code ${code}`)));
        }
        // After the listeners, which ref a MessagePort: an idle pool must not keep the process up.
        port.unref();
        this.#started.push(deflater);
        return deflater;
    }
    #finished(deflater, done) {
        const job = deflater.jobs.get(done.slot);
        if (!job)
            return;
        deflater.jobs.delete(done.slot);
        if ('error' in done) {
            job.reject(new Error(`deflate failed: ${done.error}`));
            return;
        }
        // Copied out: the slot is reused at once, the output lives as long as its consumer wants,
        // in a buffer of the pool that the upload gives back once it is written.
        const whole = this.#outputs.take(done.outputLength);
        whole.set(new Uint8Array(deflater.memory.buffer, job.slot.outputOffset, done.outputLength));
        job.resolve({ deflated: this.#outputs.lend(whole, done.outputLength), crc: done.crc });
    }
    #fail(deflater, error) {
        this.#failure ??= new Error(`a deflate worker failed: ${error.message}`, { cause: error });
        for (const job of deflater.jobs.values())
            job.reject(this.#failure);
        deflater.jobs.clear();
        for (const waiter of this.#waiting.splice(0))
            waiter.reject(this.#failure);
    }
}
function startWorker(setup) {
    return new external_node_worker_threads_.Worker(`(${runDeflateWorker.toString()})(require('node:worker_threads').parentPort, require('node:worker_threads').workerData, require('node:zlib'))`, {
        eval: true,
        // The worker's JavaScript allocates next to nothing: a small young generation saves
        // about 2 MB of resident memory per worker.
        resourceLimits: { maxYoungGenerationSizeMb: 1 },
        workerData: setup,
    });
}
/** The same deflater on this thread: its jobs run as messages arrive, between other work. */
function startOnMainThread(setup) {
    const channel = new external_node_worker_threads_.MessageChannel();
    runDeflateWorker(channel.port1, setup, external_node_zlib_);
    channel.port1.unref();
    return channel.port2;
}
/**
 * Worker threads beyond the main thread's deflater: on 2 cores one, so that both cores deflate;
 * at most two, so that a big machine does not pay for many (a runner's upload rarely keeps up
 * with more than three).
 */
const MAX_WORKERS = 2;
let shared;
/** The process's deflaters, started on first use. */
function deflatePool() {
    shared ??= new DeflatePool({
        workers: Math.min(MAX_WORKERS, (0,external_node_os_.availableParallelism)() - 1),
        mainThread: true,
    });
    return shared;
}

;// CONCATENATED MODULE: ./src/lib/encode/parallel-gzip.ts





/**
 * gzip compression spread over every core, as pigz does: the input is cut into fixed blocks,
 * each deflated on its own by libdeflate (WebAssembly, in the deflate workers), primed with the
 * previous 32 KiB as dictionary and ended with a sync flush, so the blocks join into one deflate
 * stream; they are written in order. The output is a single standard gzip member that every
 * client reads (some stop after a first member without an error), and is the same bytes for a
 * given input and level (the digest map relies on that): the blocks do not depend on how the
 * input arrives.
 *
 * Blocks that look incompressible (byte entropy of a sample near 8 bits) are stored, not
 * deflated: on random bytes libdeflate's level 1 ran at 106 MB/s to store them in the end (the
 * same output, to the byte count), level 0 at 4.5 GB/s.
 */
/** Changes with anything that changes the output: the module, the block size, the rules here. */
function parallelGzipVersion() {
    // Hashed once, when first asked: every layer's plan asks, and start-up need not pay for it.
    gzipVersion ??= `pgz2-libdeflate1.14-${(0,external_node_crypto_.createHash)('sha256').update(LIBDEFLATE_WASM_BASE64).digest('hex').slice(0, 12)}-b${DEFLATE_BLOCK_SIZE / 1024}k-w${DEFLATE_WINDOW / 1024}k`;
    return gzipVersion;
}
let gzipVersion;
/** A deflate block that is final, fixed-Huffman and empty: ends the stream after sync flushes. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
/** magic, deflate, no flags, mtime 0, no extra flags, OS unknown: the same bytes every run. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const SAMPLE_SLICES = 4;
const SAMPLE_SLICE_BYTES = 4096;
/** Random data measures about 7.99 bits/byte on a 16 KiB sample; code and text 4-6.5. */
const INCOMPRESSIBLE_ENTROPY = 7.9;
const STORED = 0;
/** The gzip member block by block (see BlockEncoder), its slots in the deflaters' memory. */
class GzipBlockEncoder {
    #level;
    #pool;
    /** The end of the previous block: the next one's dictionary. */
    #previousTail = Buffer.allocUnsafe(DEFLATE_WINDOW);
    #previousTailLength = 0;
    #crc = Promise.resolve(0);
    #totalBytes = 0;
    constructor(level, pool = deflatePool()) {
        this.#level = level;
        this.#pool = pool;
    }
    static blockSize = DEFLATE_BLOCK_SIZE;
    blockSize = DEFLATE_BLOCK_SIZE;
    header() {
        return GZIP_HEADER;
    }
    acquire() {
        return this.#pool.acquire();
    }
    release(slot) {
        this.#pool.release(slot);
    }
    /** Deflates the first `length` bytes of the slot's input; the slot is the pool's again. */
    encode(slot, length) {
        const input = slot.input.subarray(0, length);
        const dictionaryLength = this.#previousTailLength;
        this.#previousTail.copy(slot.window, DEFLATE_WINDOW - dictionaryLength, 0, dictionaryLength);
        this.#previousTailLength = Math.min(DEFLATE_WINDOW, length);
        input.copy(this.#previousTail, 0, length - this.#previousTailLength);
        this.#totalBytes += length;
        const level = looksIncompressible(input) ? STORED : this.#level;
        const block = this.#pool.deflate(slot, { length, dictionaryLength, level });
        // Combined in block order whatever order the workers finish in; a failure is the block's
        // to report (the caller awaits it), not an unhandled rejection here.
        const crc = Promise.all([this.#crc, block]).then(([crc, done]) => crc32Combine(crc, done.crc, length));
        crc.catch(() => { });
        this.#crc = crc;
        return block.then((done) => [done.deflated]);
    }
    async trailer() {
        const trailer = Buffer.alloc(10);
        FINAL_EMPTY_BLOCK.copy(trailer, 0);
        trailer.writeUInt32LE(await this.#crc, 2);
        trailer.writeUInt32LE(this.#totalBytes % 2 ** 32, 6);
        return trailer;
    }
}
/** The block encoder as a Transform, for any stream of bytes. */
class ParallelGzip extends block_encoder/* BlockEncodingStream */.bi {
    constructor(options) {
        super(new GzipBlockEncoder(options.level));
    }
}
/** Shannon entropy of a few slices of the block, in bits per byte. */
function looksIncompressible(block) {
    if (block.length < SAMPLE_SLICES * SAMPLE_SLICE_BYTES)
        return false;
    const counts = new Uint32Array(256);
    const step = Math.floor((block.length - SAMPLE_SLICE_BYTES) / (SAMPLE_SLICES - 1));
    for (let slice = 0; slice < SAMPLE_SLICES; slice++) {
        const start = slice * step;
        for (let i = start; i < start + SAMPLE_SLICE_BYTES; i++)
            counts[block[i]]++;
    }
    const total = SAMPLE_SLICES * SAMPLE_SLICE_BYTES;
    let entropy = 0;
    for (const count of counts) {
        if (count === 0)
            continue;
        const p = count / total;
        entropy -= p * Math.log2(p);
    }
    return entropy > INCOMPRESSIBLE_ENTROPY;
}


/***/ }),

/***/ 4755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NN: () => (/* binding */ PARALLEL_ZSTD_VERSION),
/* harmony export */   Nc: () => (/* binding */ ZstdFrameEncoder),
/* harmony export */   hA: () => (/* binding */ ParallelZstd)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _chunk_pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2173);
/* harmony import */ var _limit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7280);
/* harmony import */ var _block_encoder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6582);
/* harmony import */ var _spent_output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9994);






/**
 * zstd compression spread over the libuv thread pool: the input is cut into fixed blocks, each
 * compressed into an independent zstd frame, and the frames are written in order. A zstd stream
 * is any sequence of frames (RFC 8878, section 3), so every decoder reads the result as one
 * stream, and one big layer uses every core, which a single zstd stream cannot. The output is
 * the same for a given input, level, block size and zstd build (the digest map relies on that).
 */
const BLOCK_SIZE = 1024 * 1024;
const PARALLEL_ZSTD_VERSION = `pzstd1-${BLOCK_SIZE / 1024}k-zstd${process.versions.zstd ?? ''}`;
/**
 * zstd's output buffers. A frame of a 1 MiB block is a few hundred KB: bigger buffers would be
 * mostly empty (and still count as memory until collected), smaller ones cost more callbacks.
 */
const OUTPUT_CHUNK = 128 * 1024;
/**
 * Frames compressed at once across every stream: one per core and one spare. More would only
 * queue in the libuv pool, where file reads wait behind them and stall every pipeline.
 */
const FRAME_JOBS = (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)() + 1;
/**
 * A frame never needs a window beyond its block. zstd's default for level 3 is 2 MiB, and each
 * compressor's memory grows with its window.
 */
const WINDOW_LOG = Math.log2(BLOCK_SIZE);
/**
 * One long-lived zstd stream that compresses one block at a time, each ended as a frame of its
 * own (ZSTD_e_end: the next write starts a new, independent frame with the same parameters). A
 * stream per block would allocate a compressor's few MB per block on whichever pool thread runs
 * it, and the C heap keeps what each thread once held: the process grew by about 30 MB.
 */
class FrameCompressor {
    #stream;
    #parts = [];
    #failed;
    constructor(level) {
        this.#stream = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createZstdCompress)({
            params: {
                [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_compressionLevel]: level,
                [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_windowLog]: WINDOW_LOG,
            },
            chunkSize: OUTPUT_CHUNK,
        });
        this.#stream.on('data', (part) => this.#parts.push(part));
        this.#stream.on('error', (error) => (this.#failed = error));
    }
    get usable() {
        return this.#failed === undefined;
    }
    compress(block) {
        return new Promise((resolve, reject) => {
            const failed = (error) => reject(error);
            this.#stream.once('error', failed);
            this.#stream.write(block);
            this.#stream.flush(node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_e_end, () => {
                this.#stream.off('error', failed);
                if (this.#failed)
                    return reject(this.#failed);
                // Everything of this frame is pushed before the callback; what the stream still
                // buffers is emitted before any byte of the next frame, which starts after this.
                const collect = () => {
                    if (this.#stream.readableLength > 0)
                        return;
                    this.#stream.off('data', collect);
                    const parts = this.#parts;
                    this.#parts = [];
                    resolve([joinFrame(parts)]);
                };
                this.#stream.on('data', collect);
                collect();
            });
        });
    }
}
/** A frame's output at most: ZSTD_COMPRESSBOUND of a block, rounded up. */
const FRAME_BOUND = BLOCK_SIZE + BLOCK_SIZE / 128 + 4096;
/** Frames on their way to the upload, in reused buffers. */
const frameOutputs = new _chunk_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .ChunkPool */ .Et({ size: FRAME_BOUND, keep: _block_encoder_js__WEBPACK_IMPORTED_MODULE_3__/* .ENCODED_BLOCKS_KEPT */ .BY });
/**
 * A frame's parts copied into one buffer of the pool. zlib writes its output into buffers of
 * OUTPUT_CHUNK bytes, a new one once one is full: a part that ends its buffer is that buffer's
 * last, every earlier part of it is copied already, and it is freed at once rather than left for
 * V8 to collect (releaseSpentOutput).
 */
function joinFrame(parts) {
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    if (length > FRAME_BOUND)
        return Buffer.concat(parts, length);
    const whole = frameOutputs.take(length);
    let offset = 0;
    for (const part of parts) {
        offset += part.copy(whole, offset);
        (0,_spent_output_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseSpentOutput */ .j)(part, OUTPUT_CHUNK);
    }
    return frameOutputs.lend(whole, length);
}
/** The compressors of one level, shared by every stream: at most FRAME_JOBS at work. */
class CompressorPool {
    #free = [];
    #slot = (0,_limit_js__WEBPACK_IMPORTED_MODULE_5__/* .createLimiter */ .z)(FRAME_JOBS);
    #level;
    constructor(level) {
        this.#level = level;
    }
    compress(block) {
        return this.#slot(async () => {
            const compressor = this.#free.pop() ?? new FrameCompressor(this.#level);
            try {
                return await compressor.compress(block);
            }
            finally {
                if (compressor.usable)
                    this.#free.push(compressor);
            }
        });
    }
}
const compressorsByLevel = new Map();
function compressorsFor(level) {
    let pool = compressorsByLevel.get(level);
    if (!pool) {
        pool = new CompressorPool(level);
        compressorsByLevel.set(level, pool);
    }
    return pool;
}
/** Input slots shared by every layer being compressed: one per job and one being filled. */
const zstdSlots = new _block_encoder_js__WEBPACK_IMPORTED_MODULE_3__/* .SlotPool */ .lx(FRAME_JOBS + 1, BLOCK_SIZE);
/** The frames of one stream block by block (see BlockEncoder); no header, no trailer but for empty input. */
class ZstdFrameEncoder {
    #level;
    #frames = 0;
    constructor(level) {
        this.#level = level;
    }
    static blockSize = BLOCK_SIZE;
    blockSize = BLOCK_SIZE;
    header() {
        return Buffer.alloc(0);
    }
    acquire() {
        return zstdSlots.acquire();
    }
    release(slot) {
        zstdSlots.release(slot);
    }
    encode(slot, length) {
        this.#frames++;
        const frame = compressorsFor(this.#level).compress(slot.input.subarray(0, length));
        const release = () => zstdSlots.release(slot);
        frame.then(release, release);
        return frame;
    }
    /** Empty input still makes one (empty) frame: decoders refuse a stream of no frame. */
    trailer() {
        return Promise.resolve(this.#frames > 0 ? Buffer.alloc(0) : (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.zstdCompressSync)(Buffer.alloc(0)));
    }
}
/** The frame encoder as a Transform, for any stream of bytes. */
class ParallelZstd extends _block_encoder_js__WEBPACK_IMPORTED_MODULE_3__/* .BlockEncodingStream */ .bi {
    constructor(options) {
        super(new ZstdFrameEncoder(options.level));
    }
}


/***/ }),

/***/ 9994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ releaseSpentOutput)
/* harmony export */ });
/**
 * Frees the buffer of a zlib stream's output chunk (its buffers are of `chunkSize` bytes) once
 * the chunk that ends it is done with, at once instead of at V8's next collection: zlib fills
 * one buffer at a time and allocates the next once it is full, so that chunk is the last use of
 * its buffer (compress.ts releaseDecodedChunk tells more). Only for a reader that keeps no chunk
 * of that buffer, nor a view of one.
 */
function releaseSpentOutput(chunk, chunkSize) {
    const buffer = chunk.buffer;
    if (buffer instanceof ArrayBuffer &&
        buffer.byteLength === chunkSize &&
        chunk.byteOffset + chunk.length === chunkSize)
        // ES2024 (Node 21+); the type library here is ES2023.
        buffer.transfer(0);
}


/***/ }),

/***/ 5489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   H: () => (/* binding */ isSchema1MediaType),
/* harmony export */   HQ: () => (/* binding */ isTarLayerMediaType),
/* harmony export */   Pi: () => (/* binding */ IMAGE_MANIFEST_ACCEPT),
/* harmony export */   _e: () => (/* binding */ hasDockerLayerType),
/* harmony export */   d6: () => (/* binding */ isImageManifestMediaType),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   gp: () => (/* binding */ manifestMediaType),
/* harmony export */   i8: () => (/* binding */ isImageConfigMediaType),
/* harmony export */   j7: () => (/* binding */ flavorOfManifest),
/* harmony export */   p2: () => (/* binding */ configMediaType),
/* harmony export */   sG: () => (/* binding */ layerMediaType),
/* harmony export */   um: () => (/* binding */ compressionOfMediaType),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
/** Every media type tar-push reads or writes, in the registry's own words; written only here. */
const MediaType = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayer: 'application/vnd.oci.image.layer.v1.tar',
    ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
    ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
    dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
    dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
    dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
};
/**
 * The Accept list of a manifest GET: every manifest type we read, indexes first (a client that
 * can pick a platform asks for the index). Schema 1 is listed so that it is recognised and refused
 * with a clear message instead of arriving as a registry's conversion.
 */
const MANIFEST_ACCEPT = [
    MediaType.ociIndex,
    MediaType.dockerManifestList,
    MediaType.ociManifest,
    MediaType.dockerManifest,
    MediaType.dockerSchema1Signed,
    MediaType.dockerSchema1,
];
/** What a client asks for when it wants one image manifest, never an index (a re-push's hints). */
const IMAGE_MANIFEST_ACCEPT = [
    MediaType.ociManifest,
    MediaType.dockerManifest,
];
const isIndexMediaType = (mediaType) => mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
const isImageManifestMediaType = (mediaType) => mediaType === MediaType.ociManifest || mediaType === MediaType.dockerManifest;
const isSchema1MediaType = (mediaType) => mediaType === MediaType.dockerSchema1 || mediaType === MediaType.dockerSchema1Signed;
/** Configs of container images (as opposed to other OCI artifacts' configs). */
const isImageConfigMediaType = (mediaType) => mediaType === MediaType.ociConfig || mediaType === MediaType.dockerConfig;
const isTarLayerMediaType = (mediaType) => /^application\/vnd\.(oci\.image\.layer(\.nondistributable)?\.v1\.tar|docker\.image\.rootfs\.(foreign\.)?diff\.tar)(\+|\.|$)/.test(mediaType);
function compressionOfMediaType(mediaType) {
    if (mediaType.endsWith('+gzip') || mediaType.endsWith('.tar.gzip'))
        return 'gzip';
    if (mediaType.endsWith('+zstd'))
        return 'zstd';
    return 'none';
}
/** Docker's manifest has layer types for uncompressed and gzip layers only (none for zstd). */
const hasDockerLayerType = (compression) => compression !== 'zstd';
/** Layer media type for a manifest flavor and compression. */
function layerMediaType(flavor, compression) {
    if (flavor === 'docker') {
        return compression === 'gzip' ? MediaType.dockerLayerGzip : MediaType.dockerLayer;
    }
    if (compression === 'gzip')
        return MediaType.ociLayerGzip;
    if (compression === 'zstd')
        return MediaType.ociLayerZstd;
    return MediaType.ociLayer;
}
/** The flavor of an image manifest type: Docker schema 2, or OCI. */
const flavorOfManifest = (mediaType) => mediaType === MediaType.dockerManifest ? 'docker' : 'oci';
const manifestMediaType = (flavor) => flavor === 'docker' ? MediaType.dockerManifest : MediaType.ociManifest;
const configMediaType = (flavor) => flavor === 'docker' ? MediaType.dockerConfig : MediaType.ociConfig;


/***/ }),

/***/ 7280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ allOrFirstError),
/* harmony export */   z: () => (/* binding */ createLimiter)
/* harmony export */ });
/** Runs at most `concurrency` tasks at a time; the one limiter used for parallel work. */
function createLimiter(concurrency) {
    let running = 0;
    const waiting = [];
    const release = () => {
        running--;
        waiting.shift()?.();
    };
    return async (task) => {
        if (running >= concurrency)
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await task();
        }
        finally {
            release();
        }
    };
}
/** Settles every task, then throws the first failure: no task is left running behind an error. */
async function allOrFirstError(tasks) {
    const results = await Promise.allSettled(tasks);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure)
        throw failure.reason;
    return results.map((result) => result.value);
}


/***/ }),

/***/ 1025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ secretForms),
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
const silentLogger = {
    info: () => { },
    warn: () => { },
    debug: () => { },
    group: (_title, run) => run(),
    secret: () => { },
};
/** The forms of a credential that could leak into output: itself and its base64 encodings. */
function secretForms(secret, username) {
    const forms = [secret, Buffer.from(secret).toString('base64')];
    if (username !== undefined)
        forms.push(Buffer.from(`${username}:${secret}`).toString('base64'));
    return forms.filter((form) => form.length >= 4);
}


/***/ }),

/***/ 9927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ temporaryDirectory),
/* harmony export */   p: () => (/* binding */ expandPaths)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);



/**
 * Paths as given, globs expanded: a name that exists is taken as it is even if it holds glob
 * characters; a pattern matching nothing is an error (`code`, naming `what` was looked for).
 * Matches are sorted so that the order, and what is built from it, is stable run to run.
 */
async function expandPaths(patterns, what, code) {
    const paths = [];
    for (const pattern of patterns) {
        const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(pattern).then(() => true, () => false);
        if (exists || !/[*?[]/.test(pattern)) {
            paths.push(pattern);
            continue;
        }
        const matches = [];
        for await (const match of (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.glob)(pattern))
            matches.push(match);
        if (matches.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$(code, `no ${what} matches "${pattern}"`, {
                subject: pattern,
                hint: 'check the pattern (relative paths start at the working directory)',
            });
        }
        paths.push(...matches.sort());
    }
    return [...new Set(paths)];
}
/**
 * Where temporary files go: RUNNER_TEMP on GitHub runners (emptied after each job; Windows'
 * TEMP can be on a small system drive), else the system's temporary directory.
 */
function temporaryDirectory() {
    return process.env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
}


/***/ }),

/***/ 9059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ openRangeStream),
/* harmony export */   K: () => (/* binding */ writeFully)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _chunk_pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2173);



/**
 * Writes all of `data` at `position` of the file (null: its current position): a write may take
 * fewer bytes than it was given, so the rest is written again until none is left.
 */
async function writeFully(file, data, position) {
    for (let offset = 0; offset < data.length;) {
        const at = position === null ? null : position + offset;
        const { bytesWritten } = await file.write(data, offset, data.length - offset, at);
        offset += bytesWritten;
    }
}
/**
 * File reads for streams, in reused buffers (chunk-pool.ts): a stream read of a blob allocates
 * no Buffer per read once the pool holds what the pipeline keeps in flight (the read-ahead of
 * its stages, the diff_id check's lag).
 */
// Reads of 256 KiB, not 1 MiB: every stage of a pipeline (and the upload) holds a chunk or two,
// so the chunk size multiplies; an OCI push peaked 11 MB lower at the same speed.
const fileChunks = new _chunk_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .ChunkPool */ .Et({ size: 256 * 1024, keep: 32 });
/**
 * The bytes [start, start + size) of a file as a stream, read into the pool's buffers; without
 * `size`, to the end of the file, whatever its length (a reader that checks it says what came).
 */
function openRangeStream(path, start, size) {
    let handle;
    let position = start;
    const end = size === undefined ? Infinity : start + size;
    return new node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable({
        highWaterMark: fileChunks.size,
        construct(done) {
            (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r').then((opened) => {
                handle = opened;
                done();
            }, (error) => done(error));
        },
        read() {
            if (position >= end) {
                this.push(null);
                return;
            }
            const whole = fileChunks.take();
            const wanted = Math.min(whole.length, end - position);
            handle.read(whole, 0, wanted, position).then(({ bytesRead }) => {
                if (bytesRead === 0 && end === Infinity) {
                    fileChunks.giveBack(whole);
                    this.push(null);
                    return;
                }
                if (bytesRead === 0) {
                    fileChunks.giveBack(whole);
                    this.destroy(new Error(`${path} ended at byte ${position}, before ${end}`));
                    return;
                }
                position += bytesRead;
                this.push(fileChunks.lend(whole, bytesRead));
            }, (error) => {
                fileChunks.giveBack(whole);
                this.destroy(error);
            });
        },
        destroy(error, done) {
            const closing = handle?.close() ?? Promise.resolve();
            handle = undefined;
            closing.then(() => done(error), () => done(error));
        },
    });
}


/***/ }),

/***/ 2470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   Yu: () => (/* binding */ familiarRepository),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony export DOCKER_HUB_API_HOST */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8899);


/** The registry name docker uses for Docker Hub, and the host that actually serves its API. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d+)?$/;
const invalid = (value, why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TarPushError */ .q$('INVALID_REFERENCE', `invalid image reference "${value}": ${why}`, {
    subject: value,
    hint: 'use a reference such as ghcr.io/org/app, 127.0.0.1:5000/app or app:1.0',
});
/** The first component names a registry when it looks like a host, as docker decides it. */
const looksLikeRegistry = (component) => component.includes('.') ||
    component.includes(':') ||
    component === 'localhost' ||
    component.startsWith('[');
/** Parses `[registry/]path[:tag][@digest]` with docker's normalisation (app → docker.io/library/app). */
function parseReference(value) {
    const input = value.trim();
    if (input === '')
        throw invalid(value, 'it is empty');
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(digest))
            throw invalid(value, `"${digest}" is not a digest`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > lastSlash) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag))
            throw invalid(value, `"${tag}" is not a valid tag`);
    }
    const { registry, path } = splitRepository(rest, value);
    return { registry, path, tag, digest };
}
/** Parses a repository name without tag or digest. */
function parseRepository(value) {
    const reference = parseReference(value);
    if (reference.tag !== undefined || reference.digest !== undefined) {
        throw invalid(value, 'a repository takes no tag or digest here (pass tags separately)');
    }
    return { registry: reference.registry, path: reference.path };
}
function splitRepository(name, original) {
    const components = name.split('/');
    let registry = DOCKER_HUB;
    if (components.length > 1 && looksLikeRegistry(components[0])) {
        registry = components.shift();
        if (!HOST.test(registry))
            throw invalid(original, `"${registry}" is not a registry host`);
    }
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST)
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && components.length === 1)
        components.unshift('library');
    for (const component of components) {
        if (!PATH_COMPONENT.test(component)) {
            throw invalid(original, `"${component}" is not a valid path component (lowercase letters, digits, separators)`);
        }
    }
    const path = components.join('/');
    if (path.length + registry.length > 255)
        throw invalid(original, 'it is longer than 255 characters');
    return { registry, path };
}
const isValidTag = (tag) => TAG.test(tag);
const repositoryName = (repository) => `${repository.registry}/${repository.path}`;
/** The host that serves the registry API (Docker Hub's differs from its name). */
const apiHost = (registry) => registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
/** The name as docker shows it: Docker Hub without docker.io/ and library/ (alpine, org/app). */
function familiarRepository(repository) {
    if (repository.registry !== DOCKER_HUB)
        return repositoryName(repository);
    return repository.path.startsWith('library/') ? repository.path.slice(8) : repository.path;
}
function formatReference(reference) {
    let text = repositoryName(reference);
    if (reference.tag !== undefined)
        text += `:${reference.tag}`;
    if (reference.digest !== undefined)
        text += `@${reference.digest}`;
    return text;
}
/** Loopback registries speak plain HTTP without asking, as docker and crane allow. */
function isLoopback(registry) {
    const host = registry.startsWith('[')
        ? registry.slice(1, registry.indexOf(']'))
        : registry.replace(/:\d+$/, '');
    return (host === 'localhost' ||
        host.endsWith('.localhost') ||
        /^127\.\d+\.\d+\.\d+$/.test(host) ||
        host === '::1');
}


/***/ })

};
