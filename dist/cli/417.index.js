export const id = 417;
export const ids = [417];
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

/***/ 8043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _7: () => (/* binding */ COMPRESSIONS),
/* harmony export */   ol: () => (/* binding */ DEFAULT_LEVELS),
/* harmony export */   wu: () => (/* binding */ levelRange)
/* harmony export */ });
// Apart from the encoders, so that checking a flag or an input does not load them.
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


/***/ }),

/***/ 4536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lx: () => (/* binding */ startEvalWorker),
/* harmony export */   oN: () => (/* binding */ prestartWorker),
/* harmony export */   wD: () => (/* binding */ dismissSpareWorker)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);

// The thread waits for its body, the first message, and runs it: started before it is known
// what it will do.
const BOOTSTRAP = `const { parentPort } = require('node:worker_threads')
parentPort.once('message', ({ body, workerData }) => {
  new Function('return (' + body + ')')()(parentPort, workerData, require)
})`;
let spare;
/** Starts a worker with no body yet, unless one waits already. */
function prestartWorker() {
    spare ??= spawn();
}
/** A thread running `body`: the prestarted one when there is one, else a new one. */
function startEvalWorker(body, workerData) {
    const thread = spare ?? spawn();
    spare = undefined;
    thread.postMessage({ body, workerData });
    return thread;
}
/** Ends a prestarted worker that nothing asked for. */
function dismissSpareWorker() {
    const thread = spare;
    spare = undefined;
    void thread?.terminate();
}
function spawn() {
    // The bodies' JavaScript allocates next to nothing: a small young generation saves about
    // 2 MB of resident memory per worker.
    const thread = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(BOOTSTRAP, {
        eval: true,
        resourceLimits: { maxYoungGenerationSizeMb: 1 },
    });
    // Until a body takes it, it keeps nothing alive, and a failure of its own start only means
    // that the next body starts another one.
    thread.unref();
    const forget = () => {
        if (spare === thread)
            spare = undefined;
    };
    thread.once('error', forget);
    thread.once('exit', forget);
    return thread;
}


/***/ }),

/***/ 6820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IP: () => (/* binding */ hashQueued),
/* harmony export */   dv: () => (/* binding */ announceEncoding),
/* harmony export */   ey: () => (/* binding */ WORKER_WORTH_BYTES),
/* harmony export */   yC: () => (/* binding */ hashRangeHere)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _eval_worker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4536);



/** Bytes waiting, beyond what this thread is hashing, for which a worker is worth its start. */
const WORKER_WORTH_BYTES = 32 * 1024 * 1024;
/** Copies that encode layers while others are hashed (see announceEncoding). */
let encodings = 0;
/**
 * A copy that will encode layers (a push of a tarball with one layer changed: the others are
 * only hashed) announces it, and hashing then stays on this thread. The encoding takes the
 * worker thread, for deflate; a hash worker beside it kept 11 MB more resident (a peak of 124 MB
 * against 112) for no time saved (0.51–0.56 s against 0.53–0.59 s): this thread hashes while the
 * deflaters work. Returns the end of the announcement.
 */
function announceEncoding() {
    encodings++;
    let ended = false;
    return () => {
        if (ended)
            return;
        ended = true;
        encodings--;
    };
}
const queue = [];
let hereBusy = false;
let worker;
/** The job's digest, from whichever thread is free first. */
function hashQueued(job, signal) {
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
        const queued = { job, signal, resolve, reject };
        const onAbort = () => {
            const index = queue.indexOf(queued);
            if (index >= 0) {
                queue.splice(index, 1);
                reject(signal.reason);
            }
            else if (worker?.running === queued) {
                stopWorker();
                reject(signal.reason);
            }
            // On this thread the job sees the signal itself.
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const settle = (then) => (value) => {
            signal?.removeEventListener('abort', onAbort);
            then(value);
        };
        queued.resolve = settle(resolve);
        queued.reject = settle(reject);
        queue.push(queued);
        pump();
    });
}
function pump() {
    if (!hereBusy && queue.length > 0) {
        const next = takeLargest(() => true);
        hereBusy = true;
        next.job
            .hashHere(next.signal)
            .then(next.resolve, next.reject)
            .finally(() => {
            hereBusy = false;
            pump();
        });
    }
    if (worker?.ready && !worker.running) {
        const next = takeLargest((queued) => queued.job.range !== undefined);
        if (next) {
            worker.running = next;
            worker.thread.ref();
            worker.thread.postMessage({ range: next.job.range, algorithm: next.job.algorithm });
        }
    }
    else if (!worker && encodings === 0) {
        const waiting = queue.reduce((sum, { job }) => sum + (job.range ? job.size : 0), 0);
        if (waiting >= WORKER_WORTH_BYTES)
            worker = startWorker();
    }
}
function takeLargest(eligible) {
    let best = -1;
    queue.forEach((queued, index) => {
        if (eligible(queued) && (best < 0 || queued.job.size > queue[best].job.size))
            best = index;
    });
    return best < 0 ? undefined : queue.splice(best, 1)[0];
}
function startWorker() {
    const thread = (0,_eval_worker_js__WEBPACK_IMPORTED_MODULE_2__/* .startEvalWorker */ .lx)(`(port, _data, require) => (${runHashThread.toString()})(port, require('node:fs'), require('node:crypto'), ${hashStretch.toString()}, ${BLOCK})`);
    const started = { thread, ready: false, running: undefined };
    // A worker ended by a stop may still answer or exit later: only the current one counts.
    thread.on('message', (answer) => {
        if (worker !== started)
            return;
        if (answer === 'ready')
            started.ready = true;
        else {
            const job = started.running;
            started.running = undefined;
            thread.unref();
            if ('error' in answer)
                job?.reject(new Error(answer.error));
            else
                job?.resolve(answer);
        }
        pump();
    });
    const fail = (error) => {
        if (worker !== started)
            return;
        worker = undefined;
        started.running?.reject(new Error(`the hash thread failed: ${error.message}`, { cause: error }));
        pump();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
    thread.unref();
    return started;
}
function stopWorker() {
    const thread = worker?.thread;
    worker = undefined;
    void thread?.terminate();
}
/**
 * Hashes [from, until) of a range into `hash` with synchronous reads into `block`: from the page
 * cache they run at sha256's speed, where a read handed to libuv's pool costs a wait each time.
 * Returns the offset reached (less than `until` when the file ended early). Used on both threads;
 * the worker gets it as source text, so it may use only its arguments.
 */
function hashStretch(files, descriptor, range, hash, block, from, until) {
    let offset = from;
    while (offset < until) {
        const wanted = Math.min(block.length, until - offset);
        const length = files.readSync(descriptor, block, 0, wanted, range.start + offset);
        if (length === 0)
            break;
        hash.update(block.subarray(0, length));
        offset += length;
    }
    return offset;
}
/** Bytes hashed on this thread between two turns of the event loop (a stop, the other lane). */
const STRETCH_HERE = 8 * 1024 * 1024;
/** A range hashed on this thread, in stretches, so that the event loop still runs. */
async function hashRangeHere(range, algorithm, signal) {
    const descriptor = node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync(range.path, 'r');
    try {
        const hash = node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash(algorithm);
        const block = Buffer.allocUnsafe(BLOCK);
        let size = 0;
        while (size < range.size) {
            const until = Math.min(range.size, size + STRETCH_HERE);
            const reached = hashStretch(node_fs__WEBPACK_IMPORTED_MODULE_1__, descriptor, range, hash, block, size, until);
            size = reached;
            if (reached < until)
                break;
            await new Promise((resolve) => setImmediate(resolve));
            signal?.throwIfAborted();
        }
        return { digest: `${algorithm}:${hash.digest('hex')}`, size };
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync(descriptor);
    }
}
const BLOCK = 1024 * 1024;
/**
 * The worker's body, run from its source text (eval-worker.ts): it may use only its arguments.
 * It does nothing else, so it hashes a whole range in one stretch.
 */
function runHashThread(port, files, hashes, stretch, blockSize) {
    const block = Buffer.allocUnsafe(blockSize);
    port.on('message', ({ range, algorithm }) => {
        let descriptor;
        try {
            descriptor = files.openSync(range.path, 'r');
            const hash = hashes.createHash(algorithm);
            const size = stretch(files, descriptor, range, hash, block, 0, range.size);
            port.postMessage({ digest: `${algorithm}:${hash.digest('hex')}`, size });
        }
        catch (error) {
            port.postMessage({ error: error instanceof Error ? error.message : String(error) });
        }
        finally {
            if (descriptor !== undefined)
                files.closeSync(descriptor);
        }
    });
    port.postMessage('ready');
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
