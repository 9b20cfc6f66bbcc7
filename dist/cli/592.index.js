export const id = 592;
export const ids = [592];
export const modules = {

/***/ 8587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ copyArtifact)
});

// UNUSED EXPORTS: DEFAULT_CONCURRENCY

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/lib/cancel.ts
var cancel = __webpack_require__(5321);
// EXTERNAL MODULE: ./src/lib/digest.ts
var lib_digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/encode/compress.ts
var compress = __webpack_require__(4876);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/lib/image/media-types.ts
var media_types = __webpack_require__(5489);
;// CONCATENATED MODULE: ./src/lib/image/build.ts


const documentOf = (document, mediaType) => {
    const bytes = Buffer.from(JSON.stringify(document, null, 2));
    return { bytes, digest: (0,lib_digest/* sha256 */.sc)(bytes), mediaType };
};
/**
 * The manifest of an image whose layers were written as `layers` (re-encoded ones have new
 * digests). A source manifest of the same flavor keeps all else it says (annotations,
 * artifactType, subject); otherwise a new one of `flavor` is made.
 */
function buildImageManifest(image, flavor, layers) {
    if (image.manifest && flavor === image.flavor) {
        const document = {
            ...JSON.parse(image.manifest.bytes.toString('utf8')),
            layers,
        };
        const declared = document['mediaType'];
        return documentOf(document, typeof declared === 'string' ? declared : (0,media_types/* manifestMediaType */.gp)(flavor));
    }
    const mediaType = (0,media_types/* manifestMediaType */.gp)(flavor);
    return documentOf({
        schemaVersion: 2,
        mediaType,
        config: {
            mediaType: (0,media_types/* configMediaType */.p2)(flavor),
            digest: image.config.digest,
            size: image.config.bytes.length,
        },
        layers,
    }, mediaType);
}
/**
 * The index of several platforms' images: a Docker manifest list when every member is a Docker
 * manifest (what docker and older clients expect of Docker images), an OCI index otherwise.
 */
function buildIndex(members) {
    const docker = members.every(({ manifest }) => manifest.mediaType === media_types/* MediaType */.zu.dockerManifest);
    const mediaType = docker ? media_types/* MediaType */.zu.dockerManifestList : media_types/* MediaType */.zu.ociIndex;
    return documentOf({
        schemaVersion: 2,
        mediaType,
        manifests: members.map(({ manifest, platform }) => ({
            mediaType: manifest.mediaType,
            digest: manifest.digest,
            size: manifest.bytes.length,
            platform: {
                architecture: platform.architecture,
                os: platform.os,
                ...(platform['os.version'] ? { 'os.version': platform['os.version'] } : {}),
                ...(platform['os.features'] ? { 'os.features': platform['os.features'] } : {}),
                ...(platform.variant ? { variant: platform.variant } : {}),
            },
        })),
    }, mediaType);
}
/** An index whose members were rewritten (re-encoded layers): the same index, new digests. */
function rewriteIndex(index, replaced) {
    const document = JSON.parse(index.bytes.toString('utf8'));
    document.manifests = document.manifests.map((descriptor) => {
        const manifest = replaced.get(descriptor.digest);
        return manifest
            ? {
                ...descriptor,
                mediaType: manifest.mediaType,
                digest: manifest.digest,
                size: manifest.bytes.length,
            }
            : descriptor;
    });
    return documentOf(document, index.mediaType);
}

// EXTERNAL MODULE: ./src/lib/image/sink.ts
var sink = __webpack_require__(7613);
// EXTERNAL MODULE: ./src/lib/limit.ts
var limit = __webpack_require__(7280);
;// CONCATENATED MODULE: ./src/lib/progress.ts

/**
 * Wraps a blob's `open()` so that every body it yields reports its bytes as they are read; each
 * call (a retry, a resumed chunked upload) starts the count over. Without progress, `open` itself.
 */
function countingOpen(open, progress) {
    if (!progress)
        return open;
    return async () => {
        const source = await open();
        const { listener, id, label, totalBytes } = progress;
        listener.blobStarted(id, label, totalBytes);
        const counter = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                listener.blobBytes(id, chunk.length);
                done(null, chunk);
            },
        });
        // The callback form returns the counter and destroys both streams when either fails, so
        // the consumer sees the source's error and an aborted request stops the source.
        return (0,external_node_stream_.pipeline)(source, counter, () => { });
    };
}
/** Runs one transfer and reports its end (uploaded or downloaded, or failed) to the listener. */
async function reportTransfer(progress, status, run) {
    if (!progress)
        return run();
    try {
        const result = await run();
        progress.listener.blobDone(progress.id, status);
        return result;
    }
    catch (error) {
        progress.listener.blobDone(progress.id, 'failed');
        throw error;
    }
}
/** The progress of one transfer, when there is a listener. */
const transferProgress = (listener, id, label, totalBytes) => (listener ? { listener, id, label, totalBytes } : undefined);

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/lib/chunk-pool.ts
var chunk_pool = __webpack_require__(2173);
// EXTERNAL MODULE: ./src/lib/pooled-file.ts
var pooled_file = __webpack_require__(9059);
// EXTERNAL MODULE: ./src/lib/encode/block-encoder.ts
var block_encoder = __webpack_require__(6582);
// EXTERNAL MODULE: ./src/lib/encode/parallel-gzip.ts + 4 modules
var parallel_gzip = __webpack_require__(6970);
// EXTERNAL MODULE: ./src/lib/encode/parallel-zstd.ts
var parallel_zstd = __webpack_require__(4755);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/lib/hash-thread.ts



/** Bytes waiting, beyond what this thread is hashing, for which a worker is worth its start. */
const WORKER_WORTH_BYTES = 32 * 1024 * 1024;
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
    else if (!worker) {
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
    const thread = new external_node_worker_threads_.Worker(`(${runHashThread.toString()})(require('node:worker_threads').parentPort, require('node:fs'), require('node:crypto'), ${hashStretch.toString()}, ${BLOCK})`, 
    // Its JavaScript allocates next to nothing: a small young generation keeps it lean.
    { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 1 } });
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
    const descriptor = external_node_fs_.openSync(range.path, 'r');
    try {
        const hash = external_node_crypto_.createHash(algorithm);
        const block = Buffer.allocUnsafe(BLOCK);
        let size = 0;
        while (size < range.size) {
            const until = Math.min(range.size, size + STRETCH_HERE);
            const reached = hashStretch(external_node_fs_, descriptor, range, hash, block, size, until);
            size = reached;
            if (reached < until)
                break;
            await new Promise((resolve) => setImmediate(resolve));
            signal?.throwIfAborted();
        }
        return { digest: `${algorithm}:${hash.digest('hex')}`, size };
    }
    finally {
        external_node_fs_.closeSync(descriptor);
    }
}
const BLOCK = 1024 * 1024;
/**
 * The worker's body, started from its source text (so the bundles need no worker file): it may
 * use only its arguments. It does nothing else, so it hashes a whole range in one stretch.
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

;// CONCATENATED MODULE: ./src/lib/engine/verify.ts








/**
 * The one verifier: every blob the engine moves, from any source to any sink, is read through
 * these checks, which fail the stream (never end it cleanly) when the bytes do not match:
 * the stored bytes against the descriptor's digest and size, and a layer's uncompressed bytes
 * against the config's diff_id. Sources do not verify; sinks keep nothing that failed here.
 */
const whatToDo = (layer, local, remote) => layer.content.remote ? remote : local;
const diffIdMismatch = (layer, actual) => new errors/* TarPushError */.q$('DIFF_ID_MISMATCH', `layer ${layer.content.origin} has uncompressed sha256 ${actual}, but the config's diff_id is ${layer.diffId}`, {
    subject: layer.content.origin,
    hint: whatToDo(layer, 'the layer or the config was altered after the image was saved; save the image again', 'the image in the registry is corrupt (layer and config disagree); push it again'),
});
const blobMismatch = (layer, expected, actual) => new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `${layer.content.origin} has digest ${actual.digest} (${actual.size} bytes), expected ${expected.digest}${expected.size === undefined ? '' : ` (${expected.size} bytes)`}`, {
    subject: layer.content.origin,
    hint: whatToDo(layer, 'the archive is damaged or was altered after it was written; save the image again', 'the registry (or a proxy in between) serves a corrupt blob; push the image again'),
});
const truncatedLayer = (layer, size) => new errors/* TarPushError */.q$(layer.content.remote ? 'NETWORK_ERROR' : 'TARBALL_UNREADABLE', `layer ${layer.content.origin} ended after ${size} of ${layer.content.size} bytes`, { subject: layer.content.origin });
const undecodable = (layer, error) => new errors/* TarPushError */.q$('DIFF_ID_MISMATCH', `layer ${layer.content.origin} does not decompress as ${layer.compression}: ${error.message}`, {
    subject: layer.content.origin,
    hint: whatToDo(layer, 'the layer is damaged; save the image again', 'the image in the registry is corrupt; push it again'),
});
/**
 * Compressed bytes the diff_id check may lag behind the bytes passed on (the upload). The check
 * (decompression in the libuv pool, then sha256) so runs beside the upload instead of before it;
 * only when it falls this far behind does the upload wait. Bounds what the lag holds in memory.
 */
const DIFF_ID_LAG = 4 * 1024 * 1024;
/**
 * Pass-through that also decompresses what flows by and hashes the result, failing at the end
 * when it is not the layer's diff_id. Each chunk is passed on at once and fed to the decoder,
 * which may fall behind by DIFF_ID_LAG before the stream waits for it. Like VerifyingStream it
 * holds back its last byte until the check passed, so a consumer never completes a blob whose
 * check fails (a registry ends a PUT at its Content-Length). Bytes that do not decompress are
 * still passed on to the end, so that the digest check before it (a corrupt blob) speaks first;
 * then this fails with why they do not decompress.
 */
class DiffIdCheck extends external_node_stream_.Transform {
    #layer;
    #decoder;
    #decoded;
    #undecodable = false;
    #hold;
    constructor(layer) {
        super();
        this.#layer = layer;
        this.#hold = new lib_digest/* LastByteHold */.mh(layer.content.size);
        this.#decoder = (0,compress/* createDecoder */.$C)(layer.compression, DIFF_ID_LAG);
        const hash = (0,external_node_crypto_.createHash)('sha256');
        // Decoded chunks are this check's own; without compression the decoder is a pass-through
        // and its chunks are the very ones passed on to the sink: those are not released.
        const decodes = layer.compression !== 'none';
        this.#decoder.on('data', (chunk) => {
            hash.update(chunk);
            if (decodes)
                (0,compress/* releaseDecodedChunk */.HF)(chunk);
            else
                (0,chunk_pool/* letGoChunk */.jr)(chunk);
        });
        this.#decoded = new Promise((resolve, reject) => {
            this.#decoder.on('end', () => resolve(`sha256:${hash.digest('hex')}`));
            this.#decoder.on('error', (error) => {
                this.#undecodable = true;
                reject(undecodable(layer, error));
            });
        });
        this.#decoded.catch(() => { });
    }
    _transform(chunk, _encoding, done) {
        // The decoder reads the chunk later (it may lag): its hold keeps the chunk out of its
        // pool (chunk-pool.ts) until it is decoded, or hashed when there is nothing to decode.
        // Never let go on an error: the decoder's work may still be under way.
        const decodes = this.#layer.compression !== 'none';
        if (!this.#undecodable)
            (0,chunk_pool/* holdChunk */.py)(chunk);
        const passed = this.#hold.pass(this, chunk);
        if (passed)
            this.push(passed);
        if (this.#undecodable) {
            done();
            return;
        }
        const decoded = (error) => {
            if (!error && decodes)
                (0,chunk_pool/* letGoChunk */.jr)(chunk);
        };
        if (this.#decoder.write(chunk, decoded)) {
            done();
            return;
        }
        const go = () => {
            this.#decoder.off('drain', go);
            this.#decoder.off('close', go);
            done();
        };
        this.#decoder.on('drain', go);
        this.#decoder.on('close', go);
    }
    _flush(done) {
        if (!this.#undecodable)
            this.#decoder.end();
        this.#decoded.then((actual) => actual === this.#layer.diffId
            ? done(null, this.#hold.release())
            : done(diffIdMismatch(this.#layer, actual)), (error) => done(error));
    }
    _destroy(error, callback) {
        this.#decoder.destroy();
        callback(error);
    }
}
/**
 * The layer's stored bytes as they are written to a sink: checked against the blob digest and
 * size, and (for tar layers) against the diff_id, in the same single read.
 */
async function openVerifiedLayer(layer, blobDigest) {
    const source = await layer.content.open();
    const verify = new lib_digest/* VerifyingStream */.SC({
        digest: blobDigest,
        size: layer.content.size,
        onMismatch: (actual) => actual.size < layer.content.size && layer.content.remote
            ? truncatedLayer(layer, actual.size)
            : blobMismatch(layer, { digest: blobDigest, size: layer.content.size }, actual),
    });
    const needsDiffIdCheck = layer.isTar && !(layer.compression === 'none' && blobDigest === layer.diffId);
    // The callback form returns the last stream and destroys every stage when one fails,
    // so the consumer (an upload, a file) sees the error instead of a clean end. The digest is
    // checked first: it ends first, so a corrupt blob is named as such, not as undecodable.
    const noop = () => { };
    return needsDiffIdCheck
        ? (0,external_node_stream_.pipeline)(source, verify, new DiffIdCheck(layer), noop)
        : (0,external_node_stream_.pipeline)(source, verify, noop);
}
/** An uncompressed layer read to be encoded: its bytes must be the diff_id, and all there. */
function uncompressedLayerCheck(layer) {
    return new lib_digest/* VerifyingStream */.SC({
        digest: layer.diffId,
        size: layer.content.size,
        onMismatch: (actual) => actual.size !== layer.content.size
            ? truncatedLayer(layer, actual.size)
            : diffIdMismatch(layer, actual.digest),
    });
}
/**
 * Reads a layer only to check it: what the sink already holds is never sent again, but the
 * source's bytes are still hashed, so a damaged tarball is refused on a warm registry as on a
 * cold one. `blobDigest` is the digest the stored bytes must have, when it is known.
 */
async function verifyLayer(layer, blobDigest, signal) {
    const digest = blobDigest ?? layer.diffId;
    const plainBytes = !layer.isTar || layer.compression === 'none';
    if (plainBytes && (blobDigest === undefined || !layer.isTar || blobDigest === layer.diffId)) {
        if (layer.content.openReader) {
            await hashInPlace(layer, digest, signal);
            return;
        }
    }
    const stream = blobDigest !== undefined
        ? await openVerifiedLayer(layer, blobDigest)
        : (0,external_node_stream_.pipeline)(await layer.content.open(), uncompressedLayerCheck(layer), () => { });
    await (0,external_node_stream_promises_.pipeline)(stream, discard(), { signal });
}
/** The digest of a layer's stored bytes, when its source does not name it: one read. */
async function digestOfLayer(layer, signal) {
    const digesting = new lib_digest/* DigestingStream */.Xi();
    await (0,external_node_stream_promises_.pipeline)(await layer.content.open(), digesting, discard(), { signal });
    return digesting.digest;
}
const discard = () => new external_node_stream_.Writable({ write: (_chunk, _encoding, done) => done() });
/** Bytes hashed per read when only a hash is wanted: one buffer, reused, no garbage. */
const HASH_BLOCK = 1024 * 1024;
/**
 * A check that needs only a hash of the stored bytes (an uncompressed layer, whose digest is
 * its diff_id, or an opaque blob), at the speed of sha256 (1.6 GB/s here) with no stream and no
 * garbage. A re-push reads every layer this way: the layers are queued for two threads.
 */
async function hashInPlace(layer, digest, signal) {
    const algorithm = (0,lib_digest/* algorithmOf */.Hy)(digest);
    const range = layer.content.fileRange?.();
    const actual = await hashQueued({
        size: layer.content.size,
        algorithm,
        range,
        hashHere: range
            ? (signal) => hashRangeHere(range, algorithm, signal)
            : (signal) => hashHere(layer, algorithm, signal),
    }, signal);
    if (actual.size !== layer.content.size)
        throw truncatedLayer(layer, actual.size);
    if (actual.digest === digest)
        return;
    throw layer.isTar && digest === layer.diffId
        ? diffIdMismatch(layer, actual.digest)
        : blobMismatch(layer, { digest, size: layer.content.size }, actual);
}
/** Hashes bytes with no file range on this thread, into one reused buffer. */
async function hashHere(layer, algorithm, signal) {
    const reader = await layer.content.openReader();
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    const block = Buffer.allocUnsafe(HASH_BLOCK);
    let size = 0;
    try {
        for (;;) {
            signal?.throwIfAborted();
            const length = await reader.read(block);
            if (length === 0)
                break;
            hash.update(block.subarray(0, length));
            size += length;
        }
    }
    finally {
        await reader.close();
    }
    return { digest: `${algorithm}:${hash.digest('hex')}`, size };
}

;// CONCATENATED MODULE: ./src/lib/engine/encode.ts













/**
 * Compresses an uncompressed tar layer into a spool file, hashing input (diff_id, verified) and
 * output (the blob digest) on the way: a monolithic upload needs the digest before the body.
 */
async function encodeLayerToFile(options) {
    const { stream, output } = await openEncodedLayer(options);
    await (0,external_node_stream_promises_.pipeline)(stream, spoolWriter(options.path), { signal: options.signal });
    return { digest: output.digest, size: output.bytes };
}
/**
 * A file writer that gives each chunk back to its pool (chunk-pool.ts) once it is written:
 * the encoders lend their output from reused buffers, and a chunk nobody gives back is left
 * to the garbage collector, which lets tens of MB pile up first.
 */
function spoolWriter(path) {
    let handle;
    const closeFile = () => {
        const closing = handle?.close() ?? Promise.resolve();
        handle = undefined;
        return closing;
    };
    return new external_node_stream_.Writable({
        construct(done) {
            (0,promises_.open)(path, 'w').then((opened) => {
                handle = opened;
                done();
            }, done);
        },
        write(chunk, _encoding, done) {
            (0,pooled_file/* writeFully */.K)(handle, chunk, null).then(() => {
                (0,chunk_pool/* letGoChunk */.jr)(chunk);
                done();
            }, done);
        },
        final(done) {
            closeFile().then(() => done(), done);
        },
        destroy(error, done) {
            closeFile().then(() => done(error), () => done(error));
        },
    });
}
/**
 * A spooled blob read back for its upload, checked again against the digest computed while it
 * was written: a spool on a full or failing disk fails the upload instead of committing.
 */
function openSpooledBlob(path, blob) {
    const verify = new lib_digest/* VerifyingStream */.SC({
        digest: blob.digest,
        size: blob.size,
        onMismatch: (actual) => new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `spool file ${path} reads back as ${actual.digest} (${actual.size} bytes), not the ${blob.digest} (${blob.size} bytes) written`, { subject: path, hint: 'check the free space and health of the temporary directory' }),
    });
    return (0,external_node_stream_.pipeline)((0,pooled_file/* openRangeStream */.I)(path, 0), verify, () => { });
}
/** Encoded bytes buffered ahead of the upload: a few of the encoder's output chunks. */
const ENCODED_READ_AHEAD = 256 * 1024;
/**
 * The layer compressed on the fly, for a streamed upload: its input is checked against the
 * diff_id (the stream fails at the end otherwise) and its output hashed; `digest` and `size`
 * are read from `output` once the stream has ended.
 */
async function openEncodedLayer(options) {
    const { layer } = options;
    const output = new lib_digest/* DigestingStream */.Xi();
    const blockEncoder = layer.content.openReader && blockEncoderFor(options.compression, options.level);
    const encoded = blockEncoder
        ? external_node_stream_.Readable.from(encodeIntoSlots(layer, blockEncoder), {
            objectMode: false,
            highWaterMark: ENCODED_READ_AHEAD,
        })
        : (0,external_node_stream_.pipeline)(await layer.content.open(), uncompressedLayerCheck(layer), (0,compress/* createEncoder */.xv)(options.compression, options.level), () => { });
    return { stream: (0,external_node_stream_.pipeline)(encoded, output, () => { }), output };
}
/** The block encoder of a compression, if it has one (none: the bytes go as they are). */
function blockEncoderFor(compression, level) {
    if (compression === 'gzip')
        return new parallel_gzip/* GzipBlockEncoder */.aN(level ?? compress/* DEFAULT_LEVELS */.ol.gzip);
    if (compression === 'zstd')
        return new parallel_zstd/* ZstdFrameEncoder */.Nc(level ?? compress/* DEFAULT_LEVELS */.ol.zstd);
    return undefined;
}
/**
 * A layer read straight into the encoder's slots (for gzip, the deflate workers' shared memory:
 * no read buffers to collect, no copy), encoded block by block, its outputs in order. The
 * diff_id is checked on the same single read.
 */
async function* encodeIntoSlots(layer, encoder) {
    const reader = await layer.content.openReader();
    const inputHash = (0,external_node_crypto_.createHash)('sha256');
    const inFlight = [];
    let total = 0;
    try {
        yield encoder.header();
        for (;;) {
            if (inFlight.length >= block_encoder/* BLOCKS_IN_FLIGHT */.Cp)
                yield* await inFlight.shift();
            const slot = await encoder.acquire();
            let length;
            try {
                length = await reader.read(slot.input);
            }
            catch (error) {
                encoder.release(slot);
                throw error;
            }
            if (length === 0) {
                encoder.release(slot);
                break;
            }
            inputHash.update(slot.input.subarray(0, length));
            total += length;
            const block = encoder.encode(slot, length);
            block.catch(() => { }); // awaited in order below
            inFlight.push(block);
        }
        while (inFlight.length > 0)
            yield* await inFlight.shift();
        if (total !== layer.content.size)
            throw truncatedLayer(layer, total);
        const diffId = `sha256:${inputHash.digest('hex')}`;
        if (diffId !== layer.diffId)
            throw diffIdMismatch(layer, diffId);
        yield await encoder.trailer();
    }
    finally {
        // Settle what is still running: its slot goes back to the pool when it ends.
        await Promise.allSettled(inFlight);
        await reader.close();
    }
}

// EXTERNAL MODULE: ./src/lib/paths.ts
var paths = __webpack_require__(9927);
;// CONCATENATED MODULE: ./src/lib/engine/copy.ts
















const DEFAULT_CONCURRENCY = Math.min(8, Math.max(2, (0,external_node_os_.availableParallelism)()) * 2);
/**
 * Copies an artifact into a sink and commits it, or aborts the sink on any failure: the one
 * copy engine under push (tarball → registry), pull (registry → disk) and copy (registry →
 * registry). Plan each layer's blob, ask the sink what it has, transfer the rest in parallel
 * through the verifier, then the manifests (members before their index, tags last), then commit.
 */
async function copyArtifact(artifact, tags, options) {
    const session = new CopySession(options);
    try {
        const report = await session.copy(artifact, tags);
        (0,cancel/* throwIfAborted */.Te)(options.signal);
        await options.sink.commit();
        return report;
    }
    catch (error) {
        await options.sink.abort();
        // Whatever a stop broke (a request, a stream, a file) reports the stop, not its symptom.
        throw options.signal?.aborted ? (0,cancel/* cancelledError */.YQ)(options.signal) : error;
    }
}
/**
 * One copy into one sink. A blob or layer needed twice is handled once; the manifests go out
 * only after every blob they name is in place and verified.
 */
class CopySession {
    #options;
    #sink;
    #limit;
    #blobs = new Map();
    #presence = new Map();
    #encodedLayers = new Map();
    #verified = new Map();
    #spoolCounter = 0;
    #forceSpool = false;
    #bytesWritten = 0;
    constructor(options) {
        this.#options = options;
        this.#sink = options.sink;
        this.#limit = (0,limit/* createLimiter */.z)(options.concurrency ?? DEFAULT_CONCURRENCY);
    }
    async copy(artifact, tags) {
        const { manifest, images } = artifact.kind === 'image'
            ? await this.#copyImageOnly(artifact)
            : artifact.kind === 'index'
                ? await this.#copyIndex(artifact)
                : await this.#copyPlatforms(artifact);
        (0,cancel/* throwIfAborted */.Te)(this.#options.signal);
        if (tags.length === 0)
            await this.#sink.putManifest(manifest, { tags });
        // One tag at a time: a stop between two tags knows which are set.
        for (const tag of tags) {
            (0,cancel/* throwIfAborted */.Te)(this.#options.signal);
            await this.#sink.putManifest(manifest, { tags: [tag] });
            const reference = `${this.#sink.name}:${tag}`;
            if (this.#sink.place)
                this.#options.logger.info(`tagged ${reference} → ${manifest.digest}`);
            this.#options.onTagged?.(reference);
        }
        return {
            digest: manifest.digest,
            mediaType: manifest.mediaType,
            size: manifest.bytes.length,
            tags: [...tags],
            images,
            bytesUploaded: this.#bytesWritten,
        };
    }
    async #copyImageOnly(image) {
        const { manifest, report } = await this.#copyImageBlobs(image);
        return { manifest, images: [report] };
    }
    async #copyIndex(index) {
        const replaced = new Map();
        const images = [];
        for (const child of index.children) {
            const { manifest, report } = await this.#copyImageBlobs(child);
            await this.#sink.putManifest(manifest, { tags: [], platform: report.platform });
            if (child.manifest && child.manifest.digest !== manifest.digest)
                replaced.set(child.manifest.digest, manifest);
            images.push(report);
        }
        return {
            manifest: replaced.size === 0 ? index.manifest : rewriteIndex(index.manifest, replaced),
            images,
        };
    }
    /** Each platform's image by digest (in parallel: layers share one limiter), then their index. */
    async #copyPlatforms(set) {
        const copied = await (0,limit/* allOrFirstError */.t)(set.children.map(async (child) => {
            const { manifest, report } = await this.#copyImageBlobs(child);
            await this.#sink.putManifest(manifest, { tags: [], platform: report.platform });
            return { manifest, report };
        }));
        return {
            manifest: buildIndex(copied.map(({ manifest, report }) => ({ manifest, platform: report.platform }))),
            images: copied.map(({ report }) => report),
        };
    }
    /**
     * The flavor the image is written in: Docker, unless a layer cannot be a Docker layer (Docker
     * has no zstd layer type) or the sink refuses its Docker type; then OCI.
     */
    #flavorFor(image) {
        if (image.flavor !== 'docker')
            return image.flavor;
        const compressions = image.layers.map((layer) => this.#finalCompression(layer));
        const allowed = this.#sink.acceptsDockerLayers?.(compressions) ?? compressions.every(media_types/* hasDockerLayerType */._e);
        return allowed ? 'docker' : 'oci';
    }
    #finalCompression(layer) {
        return this.#encodes(layer) ? this.#options.compression : layer.compression;
    }
    #encodes(layer) {
        return layer.isTar && layer.compression === 'none' && this.#options.compression !== 'none';
    }
    async #copyImageBlobs(image) {
        const flavor = this.#flavorFor(image);
        const layerReports = await (0,limit/* allOrFirstError */.t)(image.layers.map((layer) => this.#limit(async () => {
            (0,cancel/* throwIfAborted */.Te)(this.#options.signal);
            const encode = this.#encodes(layer);
            const placed = encode
                ? await this.#placeEncodedLayer(layer)
                : await this.#placeStoredLayer(layer);
            const mediaType = !encode && layer.mediaType !== undefined
                ? layer.mediaType
                : (0,media_types/* layerMediaType */.sG)(flavor, this.#finalCompression(layer));
            const report = {
                digest: placed.digest,
                size: placed.size,
                mediaType,
                status: placed.status,
            };
            if (layer.isTar)
                report.diffId = layer.diffId;
            return report;
        })));
        const config = image.config;
        await this.#ensureBlob({
            digest: config.digest,
            size: config.bytes.length,
            mediaType: config.mediaType,
            open: async () => external_node_stream_.Readable.from([config.bytes]),
        }, `config ${config.digest}`);
        const unchanged = image.manifest !== undefined &&
            flavor === image.flavor &&
            image.layers.every((layer, i) => layer.storedDigest === layerReports[i].digest &&
                layer.mediaType === layerReports[i].mediaType);
        const manifest = unchanged
            ? image.manifest
            : buildImageManifest(image, flavor, layerDescriptors(image, layerReports));
        const report = {
            digest: manifest.digest,
            mediaType: manifest.mediaType,
            size: manifest.bytes.length,
            config: { digest: config.digest, size: config.bytes.length },
            layers: layerReports,
            ...(image.platform ? { platform: image.platform } : {}),
        };
        return { manifest, report };
    }
    /** A stored blob goes as it is; its digest is the source's, or learned by one read. */
    async #placeStoredLayer(layer) {
        const digest = layer.storedDigest ?? (await this.#digestOf(layer));
        const blob = {
            digest,
            size: layer.content.size,
            mediaType: layer.mediaType ?? '',
            open: () => openVerifiedLayer(layer, digest),
        };
        const status = await this.#ensureBlob(blob, `layer ${layer.content.origin}`);
        if (status !== 'uploaded')
            await this.#verifyOnce(layer, digest);
        return { digest, size: blob.size, status };
    }
    /** The blob digest of a compressed layer a docker save names by diff_id only: one read. */
    #digestOf(layer) {
        return digestOfLayer(layer, this.#options.signal);
    }
    /**
     * What the sink holds already is not written again, but a local source's bytes are hashed
     * still (remote ones are not fetched only for that): a tarball that does not match its
     * digests or diff_ids is refused on a warm registry as on a cold one.
     */
    #verifyOnce(layer, blobDigest) {
        if (layer.content.remote)
            return Promise.resolve();
        let verified = this.#verified.get(layer.content);
        if (!verified) {
            verified = verifyLayer(layer, blobDigest, this.#options.signal);
            this.#verified.set(layer.content, verified);
        }
        return verified;
    }
    /**
     * A layer to compress. Its digest may be known without compressing — the target tag holds
     * it (a re-push), or an earlier run recorded it — and then a HEAD (or a mount) and a check
     * of the layer's bytes are all it takes. Otherwise it is compressed once and written;
     * identical layers share the work.
     */
    #placeEncodedLayer(layer) {
        let placed = this.#encodedLayers.get(layer.diffId);
        if (!placed) {
            placed = this.#encodeOrReuse(layer);
            this.#encodedLayers.set(layer.diffId, placed);
        }
        return placed;
    }
    async #encodeOrReuse(layer) {
        const { compression, level, digestMap, knownBlob } = this.#options;
        const encoding = (0,compress/* encodingName */.xZ)(compression, level);
        const hints = [
            knownBlob?.(layer.diffId, compression),
            digestMap?.encodedLayer(layer.diffId, encoding),
        ];
        for (const hint of hints) {
            if (!hint)
                continue;
            const status = await this.#presenceOf(hint.digest, hint.size);
            if (status === 'missing')
                continue;
            await this.#verifyOnce(layer, undefined);
            return { digest: hint.digest, size: hint.size, status };
        }
        const placed = this.#mustSpool()
            ? await this.#encodeSpooledAndPut(layer)
            : await this.#encodeStreamedAndPut(layer).catch((error) => {
                if (!(error instanceof sink/* StreamRefused */.t))
                    throw error;
                // From now on spool: the length is known before the body.
                this.#options.logger.info(`${error.message}; compressing to a file first from now on`);
                this.#forceSpool = true;
                return this.#encodeSpooledAndPut(layer);
            });
        digestMap?.rememberEncodedLayer(layer.diffId, encoding, {
            digest: placed.digest,
            size: placed.size,
        });
        return placed;
    }
    #mustSpool() {
        return (this.#options.uploadMode === 'spool' ||
            this.#forceSpool ||
            !this.#sink.takesStreamedBlobs ||
            this.#sink.putStreamedBlob === undefined);
    }
    async #encodeStreamedAndPut(layer) {
        const { compression, level } = this.#options;
        const started = Date.now();
        let output;
        // The compressed size is known only at the end: the display counts bytes without a total.
        const progress = transferProgress(this.#options.progress, `encode:${layer.diffId}`, (0,format/* shortDigest */.V)(layer.diffId), undefined);
        await reportTransfer(progress, 'uploaded', () => this.#sink.putStreamedBlob({
            mediaType: (0,media_types/* layerMediaType */.sG)('oci', compression),
            open: countingOpen(async () => {
                const opened = await openEncodedLayer({ layer, compression, level });
                output = opened.output;
                return this.#abortable(opened.stream);
            }, progress),
            digestAfterBody: () => output.digest,
        }));
        const placed = { digest: output.digest, size: output.bytes, status: 'uploaded' };
        this.#blobs.set(placed.digest, Promise.resolve('uploaded'));
        this.#written(placed, started);
        return placed;
    }
    async #encodeSpooledAndPut(layer) {
        const { compression, level } = this.#options;
        const path = (0,external_node_path_.join)(this.#options.spoolDir ?? (0,paths/* temporaryDirectory */.D)(), `${this.#spoolCounter++}-${(0,lib_digest/* hexOf */.ZD)(layer.diffId).slice(0, 16)}.${compression}`);
        try {
            const encoded = await encodeLayerToFile({
                layer,
                compression,
                level,
                path,
                signal: this.#options.signal,
            });
            const blob = {
                ...encoded,
                mediaType: (0,media_types/* layerMediaType */.sG)('oci', compression),
                open: async () => this.#abortable(openSpooledBlob(path, encoded)),
            };
            return { ...encoded, status: await this.#ensureBlob(blob, `layer ${layer.content.origin}`) };
        }
        finally {
            await (0,promises_.rm)(path, { force: true });
        }
    }
    /** Is the blob there, or can it be mounted from another repository that holds it? */
    #presenceOf(digest, size) {
        let presence = this.#presence.get(digest);
        if (!presence) {
            presence = this.#checkPresence(digest, size);
            this.#presence.set(digest, presence);
        }
        return presence;
    }
    async #checkPresence(digest, size) {
        const { digestMap, logger } = this.#options;
        const sink = this.#sink;
        const place = sink.place;
        if (await sink.hasBlob(digest, size)) {
            logger.info(`${(0,format/* shortDigest */.V)(digest)} ${(0,format/* formatBytes */.z)(size).padStart(10)}  skipped (already in ${sink.name})`);
            if (place)
                digestMap?.rememberBlob(place.registry, digest, place.repository);
            return 'skipped';
        }
        if (!place || !sink.mountBlob)
            return 'missing';
        const candidates = new Set([
            ...[...(digestMap?.repositoriesHolding(place.registry, digest) ?? [])].reverse(),
            ...(this.#options.mountFrom ?? []),
        ]);
        for (const from of candidates) {
            if (from === place.repository)
                continue;
            (0,cancel/* throwIfAborted */.Te)(this.#options.signal);
            if (await sink.mountBlob(digest, from)) {
                logger.info(`${(0,format/* shortDigest */.V)(digest)} ${(0,format/* formatBytes */.z)(size).padStart(10)}  mounted from ${from}`);
                digestMap?.rememberBlob(place.registry, digest, place.repository);
                return 'mounted';
            }
        }
        return 'missing';
    }
    /** Asks the sink for a blob and writes it when missing; one digest is handled once. */
    #ensureBlob(blob, label) {
        let pending = this.#blobs.get(blob.digest);
        if (!pending) {
            pending = this.#transfer(blob, label);
            this.#blobs.set(blob.digest, pending);
        }
        return pending;
    }
    async #transfer(blob, label) {
        const presence = await this.#presenceOf(blob.digest, blob.size);
        if (presence !== 'missing')
            return presence;
        (0,cancel/* throwIfAborted */.Te)(this.#options.signal);
        const started = Date.now();
        const progress = transferProgress(this.#options.progress, blob.digest, (0,format/* shortDigest */.V)(blob.digest), blob.size);
        const open = async () => this.#abortable(await blob.open());
        await reportTransfer(progress, this.#sink.place ? 'uploaded' : 'downloaded', () => this.#sink.putBlob({ ...blob, open: countingOpen(open, progress) }));
        this.#written(blob, started);
        this.#options.logger.debug(`wrote ${label}`);
        return 'uploaded';
    }
    /** A stream the cancel signal destroys: every transfer stops at once on Ctrl-C. */
    #abortable(stream) {
        const signal = this.#options.signal;
        return signal ? (0,external_node_stream_.addAbortSignal)(signal, stream) : stream;
    }
    #written(blob, started) {
        this.#bytesWritten += blob.size;
        const place = this.#sink.place;
        if (place)
            this.#options.digestMap?.rememberBlob(place.registry, blob.digest, place.repository);
        const elapsed = (Date.now() - started) / 1000;
        const rate = elapsed > 0 ? `${(0,format/* formatBytes */.z)(blob.size / elapsed)}/s` : 'instant';
        this.#options.logger.info(`${(0,format/* shortDigest */.V)(blob.digest)} ${(0,format/* formatBytes */.z)(blob.size).padStart(10)}  ${this.#sink.place ? 'uploaded' : 'written'} in ${elapsed.toFixed(2)} s (${rate})`);
    }
}
function layerDescriptors(image, layers) {
    return layers.map((layer, i) => {
        const annotations = image.layers[i].annotations;
        return {
            mediaType: layer.mediaType,
            digest: layer.digest,
            size: layer.size,
            ...(annotations ? { annotations } : {}),
        };
    });
}


/***/ }),

/***/ 1118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FS: () => (/* binding */ RETRYABLE_NETWORK_CODES),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   U3: () => (/* binding */ RETRYABLE_STATUSES),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5321);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);



const DEFAULT_RETRY_POLICY = {
    retries: 4,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
};
/** Statuses that say "try again": timeouts, rate limits and a failing or overloaded server. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/**
 * Network failures that a second attempt can fix: a reset, a timeout; and, once the registry
 * has answered, a connection refused or without a route (it restarts, the network flaps) or a
 * DNS server that did not answer. At the first contact those fail at once instead (the ping
 * passes retryConnectFailures: false): nothing listens there, the host is unknown. An unknown
 * host (ENOTFOUND) is never retried.
 */
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
/** `Retry-After` in seconds or as an HTTP date; capped so a registry cannot stall a release. */
function retryAfterMs(header, maxDelayMs) {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value)
        return undefined;
    const seconds = Number(value);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
    return Number.isFinite(ms) ? Math.min(Math.max(0, ms), maxDelayMs) : undefined;
}
function backoffMs(retry, policy) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
/**
 * What a failure is, for telling a repeat from a new one: its message with each URL cut to its
 * origin (an upload's retry has a new session URL, the same failure all the same).
 */
const failureKind = (error) => `${error.code} ${error.message.replace(/\b(https?:\/\/[^/\s]+)\S*/g, '$1')}`;
/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable, or the policy's
 * retries are spent. Each attempt starts afresh (bodies are reopened from their source by the
 * attempt itself). Each distinct failure is logged once, with its reason and the retry it
 * leads to; the same failure again is not repeated (debug only), and an error that ends the
 * retries says how many attempts were made. Once `signal` is aborted nothing is tried again
 * and no backoff is waited out: whatever the attempt failed with (a cut connection looks
 * retryable), the result is CANCELLED.
 */
async function withRetries(what, policy, logger, attempt, signal) {
    const seen = new Set();
    for (let retry = 0;; retry++) {
        (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .throwIfAborted */ .Te)(signal);
        try {
            return await attempt();
        }
        catch (error) {
            if (signal?.aborted)
                throw (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelledError */ .YQ)(signal);
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$) || !error.retryable)
                throw error;
            if (retry >= policy.retries) {
                // The message is the error's own property: amended in place, the error keeps its class.
                if (retry > 0 && !/; gave up after \d+ attempts$/.test(error.message))
                    error.message += `; gave up after ${retry + 1} attempts`;
                throw error;
            }
            const delay = error.retryAfterMs ?? backoffMs(retry, policy);
            const line = `${what}: ${error.message}; retry ${retry + 1} of ${policy.retries} in ${(delay / 1000).toFixed(1)} s`;
            const kind = failureKind(error);
            if (seen.has(kind))
                logger.debug(`(the same failure again) ${line}`);
            else
                logger.warn(line);
            seen.add(kind);
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(delay, undefined, signal ? { signal } : undefined).catch(() => {
                throw (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelledError */ .YQ)(signal);
            });
        }
    }
}


/***/ }),

/***/ 8838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ reusedReadsConnector),
/* harmony export */   ib: () => (/* binding */ TAKES_CHUNKS_AT_ONCE),
/* harmony export */   kE: () => (/* binding */ copyKeptBodyChunks)
/* harmony export */ });
/* harmony import */ var undici_lib_core_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9136);
/* harmony import */ var undici_lib_core_connect_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_core_connect_js__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Plain-HTTP connections that read into buffers of their own, reused, for the load generator.
 *
 * Node reads every socket into a new ArrayBuffer (64 KiB, for each read), and undici's body
 * chunks are views of it, so a pull test of 1 MiB blobs makes external garbage at the speed of
 * the network; only the garbage collector frees it, and V8 answers with full collections (50 a
 * second at 1 or 16 users, half the client's CPU). node:http does not pay this: its parser reads
 * into one shared buffer. Here each socket reads into a ring of its own buffers and hands undici
 * views of them; a buffer is read into again only after undici has taken its bytes:
 * - a socket stops reading after each read, and reads again only once its buffered bytes have
 *   all been taken (`readableHighWaterMark: 0`; `read()` then calls `_read`, which restarts it),
 *   and undici parses what it takes at once;
 * - undici keeps views of a response's head until the head is complete: a head split over
 *   reads stays intact over RING_SIZE reads, and reads under COPIED_BELOW bytes (a trickle) are
 *   copied, so only a head of over 12 KiB in big reads could outlive the ring, which no
 *   registry sends;
 * - body chunks are views too: a consumer that keeps one past its callback (undici's request(),
 *   whose body is a stream) gets a copy from `copyKeptBodyChunks`; one that declares it is done
 *   with each chunk when its callback returns (`requestInto`) reads the ring in place.
 * TLS sockets read as Node does: their data is already copied out of the TLS records.
 */
const READ_SIZE = 64 * 1024;
const RING_SIZE = 4;
const COPIED_BELOW = 4 * 1024;
/** undici's connector for `options`, with plain-HTTP sockets that read into reused buffers. */
function reusedReadsConnector(options) {
    const shared = undici_lib_core_connect_js__WEBPACK_IMPORTED_MODULE_0___default()(options);
    return (target, callback) => {
        if (target.protocol === 'https:')
            return shared(target, callback);
        const ring = Array.from({ length: RING_SIZE }, () => Buffer.allocUnsafe(READ_SIZE));
        let next = 0;
        let socket;
        const connector = undici_lib_core_connect_js__WEBPACK_IMPORTED_MODULE_0___default()({
            ...options,
            readableHighWaterMark: 0,
            onread: {
                buffer: () => {
                    next = (next + 1) % RING_SIZE;
                    return ring[next];
                },
                callback: (length, buffer) => {
                    const bytes = buffer.subarray(0, length);
                    socket.push(length < COPIED_BELOW ? Buffer.from(bytes) : bytes);
                    return false;
                },
            },
        });
        connector(target, (error, connected) => {
            if (connected)
                socket = connected;
            callback(error, connected);
        });
    };
}
/** Marks a dispatch handler that is done with each body chunk when onResponseData returns. */
const TAKES_CHUNKS_AT_ONCE = Symbol('takes body chunks at once');
/**
 * Copies body chunks for every handler not marked TAKES_CHUNKS_AT_ONCE: the chunks of a
 * reused-reads connection are views of buffers that will be read into again. Composed
 * outermost, so that it sees the caller's own handler.
 */
function copyKeptBodyChunks() {
    return (dispatch) => (options, handler) => {
        if (handler[TAKES_CHUNKS_AT_ONCE] === true)
            return dispatch(options, handler);
        return dispatch(options, {
            ...handler,
            onRequestStart: handler.onRequestStart?.bind(handler),
            onRequestUpgrade: handler.onRequestUpgrade?.bind(handler),
            onResponseStart: handler.onResponseStart?.bind(handler),
            onResponseData: (controller, chunk) => handler.onResponseData?.(controller, Buffer.from(chunk)),
            onResponseEnd: handler.onResponseEnd?.bind(handler),
            onResponseError: handler.onResponseError?.bind(handler),
        });
    };
}


/***/ }),

/***/ 6053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ errorCodeOf),
/* harmony export */   M0: () => (/* binding */ isTlsHelloRefused),
/* harmony export */   SM: () => (/* binding */ createDispatcher),
/* harmony export */   WQ: () => (/* binding */ transportError),
/* harmony export */   Yd: () => (/* binding */ isPlainHttpServer),
/* harmony export */   bF: () => (/* binding */ isTlsVerificationError)
/* harmony export */ });
/* unused harmony export hostPort */
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _undici_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6502);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1118);
/* harmony import */ var _upload_body_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4684);
/* harmony import */ var _reused_reads_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8838);






/**
 * One keep-alive connection pool per registry; the custom CA adds to the roots, never replaces
 * them. HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case) are honoured as curl and docker do.
 */
function createDispatcher(options = {}) {
    const ca = options.extraCaPem ? [...node_tls__WEBPACK_IMPORTED_MODULE_0__.rootCertificates, options.extraCaPem] : undefined;
    const tls = {
        ...(ca ? { ca } : {}),
        ...(options.skipTlsVerify ? { rejectUnauthorized: false } : {}),
    };
    const agentOptions = {
        connections: options.connections ?? 16,
        keepAliveTimeout: 30_000,
        connectTimeout: Math.min(30, options.timeoutSeconds ?? 30) * 1000,
        headersTimeout: (options.timeoutSeconds ?? 300) * 1000,
        bodyTimeout: (options.timeoutSeconds ?? 300) * 1000,
        // Set, not left to undici's defaults (16 KiB for TLS): upload-body.ts relies on it.
        connect: { ...tls, highWaterMark: _upload_body_js__WEBPACK_IMPORTED_MODULE_4__/* .SOCKET_HIGH_WATER_MARK */ .Z },
    };
    const proxied = PROXY_VARIABLES.some((name) => process.env[name]);
    // Through a proxy the registry's TLS settings apply inside the tunnel (requestTls); its
    // sockets are the proxy agent's, read as Node reads them.
    if (proxied)
        return new _undici_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2({ ...agentOptions, requestTls: tls });
    if (!options.reuseReadBuffers)
        return new _undici_js__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6(agentOptions);
    const connect = (0,_reused_reads_js__WEBPACK_IMPORTED_MODULE_5__/* .reusedReadsConnector */ .D$)({
        ...agentOptions.connect,
        timeout: agentOptions.connectTimeout,
    });
    return new _undici_js__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6({ ...agentOptions, connect });
}
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
const TLS_VERIFY_CODES = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_SIGNATURE_FAILURE',
]);
/**
 * Node and undici errors nest their causes; the first system code found tells what failed. A
 * connect that tried several addresses (IPv6 and IPv4 of one name) fails with an AggregateError:
 * its first attempt's code stands for all.
 */
function errorCodeOf(error) {
    return systemErrorOf(error)?.code ?? undiciCodeOf(error);
}
/** The innermost Node system error (ECONNREFUSED, ENOTFOUND...) under undici's and ours. */
function systemErrorOf(error) {
    for (let current = error, depth = 0; current && depth < 6; depth++) {
        const code = current.code;
        if (typeof code === 'string' && !code.startsWith('UND_ERR_'))
            return current;
        const errors = current.errors;
        current =
            current.cause ?? (Array.isArray(errors) ? errors[0] : undefined);
    }
    return undefined;
}
function undiciCodeOf(error) {
    for (let current = error, depth = 0; current && depth < 6; depth++) {
        const code = current.code;
        if (typeof code === 'string' && code.startsWith('UND_ERR_'))
            return code;
        current = current.cause;
    }
    return undefined;
}
/**
 * Failures to open a connection at all: nothing listens there, the name is unknown, no route,
 * or no answer within the connect timeout. Each is told as "cannot connect to host:port" and
 * its cause. At the first contact (the ping) none is retried: the user hears of a wrong host or
 * port at once. After it (the registry answered a moment ago: it is restarting, or the network
 * flapped) the retryable ones get the usual retries (RETRYABLE_NETWORK_CODES).
 */
const CONNECT_FAILURES = {
    ECONNREFUSED: () => 'connection refused (nothing listens there)',
    ENOTFOUND: (hostname) => `unknown host (the DNS lookup of ${hostname} found no address)`,
    EAI_NONAME: (hostname) => `unknown host (the DNS lookup of ${hostname} found no address)`,
    EAI_FAIL: (hostname) => `the DNS lookup of ${hostname} failed (EAI_FAIL)`,
    EAI_AGAIN: (hostname) => `the DNS lookup of ${hostname} failed (EAI_AGAIN: no DNS server answered, or this machine is offline)`,
    EHOSTUNREACH: () => 'host unreachable (EHOSTUNREACH: no route to that address)',
    ENETUNREACH: () => 'network unreachable (ENETUNREACH: no route to that network)',
    EADDRNOTAVAIL: () => 'address not available (EADDRNOTAVAIL)',
    // Nothing came back at all, not even a refusal: TCP resent its SYN all along, so a second
    // wait as long helps no more than the first did.
    UND_ERR_CONNECT_TIMEOUT: (_hostname, message) => `no answer within ${waited(message)} (UND_ERR_CONNECT_TIMEOUT: a firewall that drops the connection, or a host that is down)`,
};
/** undici's connect timeout says "timeout: 30000ms". */
const waited = (message) => {
    const ms = /timeout: (\d+)ms/.exec(message)?.[1];
    return ms ? `${Number(ms) / 1000} s` : 'the connect timeout';
};
const CONNECT_FAILURE_HINTS = {
    ECONNREFUSED: 'check the port in the image name and that the registry is running and listens there',
    ENOTFOUND: "check the registry host in the image name (a typo?) and this machine's DNS",
    EAI_NONAME: "check the registry host in the image name (a typo?) and this machine's DNS",
    UND_ERR_CONNECT_TIMEOUT: 'check the registry host and port in the image name and that a firewall lets this machine reach them',
};
const isTlsVerificationError = (error) => TLS_VERIFY_CODES.has(errorCodeOf(error) ?? '');
/** The server answered a TLS hello with something else: it speaks plain HTTP. */
function isPlainHttpServer(error) {
    const code = errorCodeOf(error) ?? '';
    const message = String(error?.cause?.message ?? error?.message);
    return (code === 'EPROTO' ||
        code.startsWith('ERR_SSL_') ||
        /wrong version number|packet length too long/i.test(message));
}
/**
 * An https request that got no TLS answer: the hello was answered with something that is not TLS
 * (garbage, a plain HTTP 400), or the connection was reset or closed before any answer. A
 * plain-HTTP server does one of these, depending on what it runs; a TLS registry does not, but
 * for a passing fault. Only the ping asks this, of a request with no body.
 */
function isTlsHelloRefused(error) {
    return isPlainHttpServer(error) || CLOSED_CODES.has(errorCodeOf(error) ?? '');
}
const CLOSED_CODES = new Set([
    'ECONNRESET',
    'ECONNABORTED',
    'EPIPE',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
]);
/** `host:port` of a URL, the port always shown (443 and 80 when the URL leaves it out). */
function hostPort(url) {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'http:' ? '80' : '443')}`;
}
/** Turns a transport failure into an error that names the URL and says what to do. */
function transportError(error, method, url, options = {}) {
    // A request body that failed its own check (a digest mismatch) reports that, not the network.
    for (let current = error, depth = 0; current && depth < 5; depth++) {
        if (current instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$)
            return current;
        current = current.cause;
    }
    const code = errorCodeOf(error);
    const message = error?.message ?? String(error);
    if (isTlsVerificationError(error)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$('TLS_ERROR', `TLS verification failed for ${url}: ${code}`, {
            subject: url,
            hint: 'pass the registry CA with ca-file (--ca-file), or set insecure (--insecure) for a test registry',
            cause: error,
        });
    }
    if (isPlainHttpServer(error)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$('TLS_ERROR', `${url} does not speak TLS (${code ?? message})`, {
            subject: url,
            hint: 'for a plain-HTTP registry set insecure (--insecure)',
            cause: error,
        });
    }
    if (code && Object.hasOwn(CONNECT_FAILURES, code))
        return connectError(error, code, url, options);
    const timeout = TIMEOUTS[code ?? ''];
    if (timeout) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$('NETWORK_ERROR', `${method} ${url} failed: ${timeout} (${code})`, {
            subject: url,
            hint: 'the registry stopped answering or sending; the timeout counts idle time, not the whole transfer, so raise timeout (--timeout) only if the registry needs longer than that to answer',
            cause: error,
            retryable: true,
        });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$('NETWORK_ERROR', `${method} ${url} failed: ${code ?? message}`, {
        subject: url,
        hint: 'check the registry address and that it is reachable from this runner',
        cause: error,
        retryable: _retry_js__WEBPACK_IMPORTED_MODULE_3__/* .RETRYABLE_NETWORK_CODES */ .FS.has(code ?? ''),
    });
}
/**
 * "cannot connect to host:port: cause", naming the proxy instead when the connection that
 * failed was the one to the proxy (HTTPS_PROXY): the error's own address and port say where
 * the connect went.
 */
function connectError(error, code, url, options) {
    const target = hostPort(url);
    const { hostname } = new URL(url);
    const system = systemErrorOf(error);
    const reason = CONNECT_FAILURES[code](hostname.replace(/^\[|\]$/g, ''), error?.message ?? '');
    const wentTo = system?.address !== undefined && system.port !== undefined
        ? `${system.address.includes(':') ? `[${system.address}]` : system.address}:${system.port}`
        : undefined;
    const toProxy = wentTo !== undefined && system?.port !== Number(target.split(':').pop());
    const service = options.service;
    const named = service ? `${service.name} ${target}` : target;
    const message = toProxy
        ? `cannot connect to the proxy ${wentTo} (on the way to ${named}): ${reason}`
        : `cannot connect to ${named}: ${reason}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TarPushError */ .q$('NETWORK_ERROR', message, {
        subject: url,
        hint: toProxy
            ? 'check the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) and that the proxy runs'
            : (service?.hint ??
                CONNECT_FAILURE_HINTS[code] ??
                'check the registry host in the image name and that this machine can reach it (network, VPN, firewall)'),
        cause: error,
        retryable: options.retryConnectFailures !== false && _retry_js__WEBPACK_IMPORTED_MODULE_3__/* .RETRYABLE_NETWORK_CODES */ .FS.has(code),
    });
}
/** The timeouts are idle timeouts: each says how long nothing happened, not how long it took. */
const TIMEOUTS = {
    UND_ERR_HEADERS_TIMEOUT: 'no answer within the timeout',
    UND_ERR_BODY_TIMEOUT: 'the response stalled, no bytes within the timeout',
};


/***/ }),

/***/ 6502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   J2: () => (/* binding */ EnvHttpProxyAgent),
/* harmony export */   Ww: () => (/* binding */ requestInto),
/* harmony export */   g6: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _reused_reads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8838);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_5__);
/**
 * The parts of undici we use, loaded on their own. Its index also loads fetch, WebSocket, the
 * HTTP caches, mocks and more: 7 MB resident on every run, for a push whose memory target is
 * 120 MB (issue 4). undici has no exports map; these are its own CommonJS modules, pinned by the
 * bundle and exercised by every test that talks to a registry, through a proxy too.
 */






// What undici's index does on load: dispatchers get request(), connect() (proxy tunnels) etc.
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_3__);
const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_4___default());
const EnvHttpProxyAgent = (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_5___default());
/** undici's `request(url, options)` with an explicit dispatcher: the URL gives origin and path. */
function request(url, options) {
    const target = typeof url === 'string' ? new URL(url) : url;
    const { dispatcher, ...rest } = options;
    return dispatcher.request({
        ...rest,
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
    });
}
/**
 * Like `request`, but a successful body (2xx) is handed to `onChunk` as it arrives, without a
 * stream, and the promise settles once all of it came (its `body` is then empty). `onChunk`
 * must be done with a chunk when it returns (reused-reads.ts). undici's
 * `request` puts every body in a Readable: on the load generator's pulls of 1 MiB blobs that cost
 * 15 % more CPU and a quarter more full collections than handing the chunks on (1200 GETs: 1.60
 * against 1.39 CPU-s, 57 against 45 Mark-Compacts), while a raw node:http client paid 1.37–1.50.
 * Other answers (a 401 challenge, a redirect, an error) keep their body, as `request` would.
 */
function requestInto(url, options, onChunk) {
    const target = typeof url === 'string' ? new URL(url) : url;
    const { dispatcher, ...rest } = options;
    return new Promise((resolve, reject) => {
        let statusCode = 0;
        let headers = {};
        let kept;
        const handler = {
            // undici requires it; a stop aborts through the dispatcher's own interceptor.
            onRequestStart() { },
            onResponseStart(_controller, status, responseHeaders) {
                statusCode = status;
                headers = responseHeaders;
                kept = status >= 200 && status < 300 ? undefined : [];
            },
            onResponseData(_controller, chunk) {
                // Kept past this call: a copy, as the chunk may be a view of a reused read buffer (an
                // error text is read at once today, so this guards what a later reader would get).
                if (kept)
                    kept.push(Buffer.from(chunk));
                else
                    onChunk(chunk);
            },
            onResponseEnd() {
                const body = node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from(kept ?? []);
                body.dump = async () => void body.destroy();
                resolve({ statusCode, headers, body });
            },
            onResponseError(_controller, error) {
                reject(error);
            },
        };
        dispatcher.dispatch({ ...rest, origin: target.origin, path: `${target.pathname}${target.search}` }, Object.assign(handler, { [_reused_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .TAKES_CHUNKS_AT_ONCE */ .ib]: true }));
    });
}


/***/ }),

/***/ 4684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ uploadBody),
/* harmony export */   Z: () => (/* binding */ SOCKET_HIGH_WATER_MARK)
/* harmony export */ });
/* harmony import */ var _chunk_pool_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2173);

/**
 * The socket's write buffer limit, set on every connection (transport.ts), the same for an
 * HTTP/2 stream (Node's default). A chunk at least this big makes `write` return false.
 */
const SOCKET_HIGH_WATER_MARK = 64 * 1024;
/** Chunks sent but not yet known written: bounds what waits here when chunks are small. */
const MAX_UNCONFIRMED = 64;
/**
 * A stream's chunks as an async iterable for undici's request body, giving each chunk back to
 * its pool (chunk-pool.ts) once the socket is done with it. undici (client-h1 and client-h2
 * writeIterable) writes a chunk and, when `write` returns false, waits for 'drain' before it
 * asks for the next; 'drain' comes once every write's callback has run, that is once the kernel
 * (or TLS, which encrypts into buffers of its own) has taken every byte written. A chunk of at
 * least the high-water mark always makes `write` return false, so when the next chunk is asked
 * for after one, it and every chunk before it are written: they go back. Smaller chunks may
 * still be queued in the socket: they wait for the next big one.
 *
 * Chunks are taken one at a time ('data' with pause, never `read()`, which joins buffered
 * chunks into a copy), so what goes back is exactly what was lent.
 */
async function* uploadBody(stream) {
    const queue = [];
    let ended = false;
    let failure;
    let wake;
    const signal = () => {
        const resume = wake;
        wake = undefined;
        resume?.();
    };
    const onData = (chunk) => {
        queue.push(chunk);
        stream.pause();
        signal();
    };
    const onEnd = () => {
        ended = true;
        signal();
    };
    const onError = (error) => {
        failure = error;
        signal();
    };
    const onClose = () => {
        if (!ended && !failure)
            failure = new Error('the upload body closed before its end');
        signal();
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
    const unconfirmed = [];
    try {
        for (;;) {
            if (queue.length === 0 && !ended && !failure) {
                stream.resume();
                await new Promise((resolve) => (wake = resolve));
            }
            const chunk = queue.shift();
            if (chunk) {
                yield chunk;
                // Asked for the next chunk: undici is done writing this one.
                if (chunk.length >= SOCKET_HIGH_WATER_MARK) {
                    for (const written of unconfirmed.splice(0))
                        (0,_chunk_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .letGoChunk */ .jr)(written);
                    (0,_chunk_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .letGoChunk */ .jr)(chunk);
                }
                else {
                    unconfirmed.push(chunk);
                    // Left to the garbage collector rather than held without bound.
                    if (unconfirmed.length > MAX_UNCONFIRMED)
                        unconfirmed.shift();
                }
                continue;
            }
            if (failure)
                throw failure;
            if (ended)
                return;
        }
    }
    finally {
        stream.off('data', onData);
        stream.off('end', onEnd);
        stream.off('error', onError);
        stream.off('close', onClose);
        if (!ended)
            stream.destroy();
    }
}


/***/ }),

/***/ 7613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ StreamRefused)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);

/**
 * A sink refused a streamed body for its form, not its bytes (a registry that needs its length
 * first, or a body too large): the engine compresses to a spool file and puts it with its digest.
 */
class StreamRefused extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TarPushError */ .q$ {
}


/***/ }),

/***/ 4513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kD: () => (/* binding */ Authenticator),
/* harmony export */   mj: () => (/* binding */ readBytesLimited),
/* harmony export */   tk: () => (/* binding */ readLimited)
/* harmony export */ });
/* harmony import */ var _http_undici_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6502);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1025);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6053);




/** Token lifetime when the token server does not say (the distribution spec's default). */
const DEFAULT_TOKEN_SECONDS = 60;
const MAX_TOKEN_RESPONSE = 1024 * 1024;
/**
 * Answers a registry's challenge: Basic sends the credentials, Bearer exchanges them at the
 * token realm for a token per repository scope, cached until shortly before it expires.
 */
class Authenticator {
    #registry;
    #credentials;
    #dispatcher;
    #logger;
    #challenge;
    #tokens = new Map();
    /** Token requests in flight, so parallel layer uploads share one exchange per scope. */
    #fetching = new Map();
    /**
     * Token services (origins) that have answered once. Until one has, a connection it refuses is
     * not retried: a first contact that fails fast, as the registry's ping does (client.ts).
     */
    #answered = new Set();
    constructor(options) {
        this.#registry = options.registry;
        this.#credentials = options.credentials;
        this.#dispatcher = options.dispatcher;
        this.#logger = options.logger;
        const credentials = options.credentials;
        if (credentials?.kind === 'password')
            (0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .secretForms */ .e)(credentials.password, credentials.username).forEach((form) => this.#logger.secret(form));
        if (credentials?.kind === 'identity-token')
            (0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .secretForms */ .e)(credentials.token).forEach((form) => this.#logger.secret(form));
    }
    get hasCredentials() {
        return this.#credentials !== undefined;
    }
    get username() {
        return this.#credentials?.kind === 'password' ? this.#credentials.username : undefined;
    }
    useChallenge(challenge) {
        if (challenge)
            this.#challenge = challenge;
    }
    /** The Authorization header for a request in `scope`, or undefined when none is needed. */
    async authorization(scope, options = {}) {
        const challenge = this.#challenge;
        if (!challenge)
            return undefined;
        if (challenge.scheme === 'basic') {
            const credentials = this.#credentials;
            if (credentials?.kind !== 'password')
                return undefined;
            return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        }
        const cached = this.#tokens.get(scope);
        if (cached && !options.renew && cached.expiresAt > Date.now())
            return `Bearer ${cached.value}`;
        let fetching = this.#fetching.get(scope);
        if (!fetching) {
            fetching = this.#fetchToken(challenge, scope).finally(() => this.#fetching.delete(scope));
            this.#fetching.set(scope, fetching);
        }
        return `Bearer ${await fetching}`;
    }
    async #fetchToken(challenge, scope) {
        const realm = challenge.params['realm'];
        if (!realm) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('REGISTRY_ERROR', `${this.#registry} asked for a Bearer token but named no realm`, {
                subject: this.#registry,
            });
        }
        const url = new URL(realm);
        const service = challenge.params['service'];
        const credentials = this.#credentials;
        let response;
        try {
            if (credentials?.kind === 'identity-token') {
                // OAuth2 refresh-token grant, as docker does with an identity token.
                const form = new URLSearchParams({
                    grant_type: 'refresh_token',
                    refresh_token: credentials.token,
                    client_id: 'tar-push',
                    scope,
                });
                if (service)
                    form.set('service', service);
                response = await (0,_http_undici_js__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
                    method: 'POST',
                    dispatcher: this.#dispatcher,
                    headers: { 'content-type': 'application/x-www-form-urlencoded' },
                    body: form.toString(),
                });
            }
            else {
                if (service)
                    url.searchParams.set('service', service);
                // Several scopes (a cross-repository mount) go as repeated parameters, as docker sends them.
                for (const part of scope.split(' '))
                    url.searchParams.append('scope', part);
                const headers = {};
                if (credentials?.kind === 'password') {
                    url.searchParams.set('account', credentials.username);
                    headers['authorization'] =
                        `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
                }
                response = await (0,_http_undici_js__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, { method: 'GET', dispatcher: this.#dispatcher, headers });
            }
        }
        catch (error) {
            throw (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .transportError */ .WQ)(error, 'GET', `${url.origin}${url.pathname}`, {
                retryConnectFailures: this.#answered.has(url.origin),
                service: {
                    name: 'the token service',
                    hint: `${this.#registry} sends clients to this token service for credentials (the realm of its Bearer challenge); it is down or not reachable from this machine`,
                },
            });
        }
        this.#answered.add(url.origin);
        const text = await readLimited(response, MAX_TOKEN_RESPONSE);
        if (response.statusCode === 401 || response.statusCode === 403) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('AUTH_FAILED', `the token service ${url.origin}${url.pathname} refused ${this.#describeCredentials()} (HTTP ${response.statusCode})`, {
                subject: this.#registry,
                hint: 'check username and password (or token) and that they are valid for this registry',
            });
        }
        if (response.statusCode !== 200) {
            // A failing token service is the registry failing, not the credentials.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('REGISTRY_ERROR', `the token service ${url.origin}${url.pathname} answered HTTP ${response.statusCode}`, {
                subject: this.#registry,
                hint: 'the registry or its token service is failing; try again later',
            });
        }
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('REGISTRY_ERROR', `the token service ${url.origin}${url.pathname} answered something that is not JSON`, {
                subject: this.#registry,
            });
        }
        const token = typeof body.token === 'string' && body.token ? body.token : body.access_token;
        if (typeof token !== 'string' || !token) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('REGISTRY_ERROR', `the token service ${url.origin}${url.pathname} returned no token`, {
                subject: this.#registry,
            });
        }
        this.#logger.secret(token);
        const seconds = typeof body.expires_in === 'number' && body.expires_in > 0
            ? body.expires_in
            : DEFAULT_TOKEN_SECONDS;
        // Renew a little early so a token never expires in the middle of a request.
        this.#tokens.set(scope, {
            value: token,
            expiresAt: Date.now() + Math.max(1, seconds - 10) * 1000,
        });
        this.#logger.debug(`token for ${scope} from ${url.origin}${url.pathname}, ${seconds}s`);
        return token;
    }
    #describeCredentials() {
        const credentials = this.#credentials;
        if (!credentials)
            return 'anonymous access';
        return credentials.kind === 'password'
            ? `the credentials of "${credentials.username}"`
            : 'the identity token';
    }
}
async function readLimited(response, limit) {
    return (await readBytesLimited(response, limit)).toString('utf8');
}
/**
 * Reads at most `limit` bytes of a response body. Error bodies are cut there; with `refuseOver`
 * (manifests, configs) a bigger body is an error naming what it was, never a truncated document.
 */
async function readBytesLimited(response, limit, refuseOver) {
    const chunks = [];
    let length = 0;
    for await (const chunk of response.body) {
        length += chunk.length;
        if (length > limit) {
            response.body.destroy();
            if (refuseOver) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('REGISTRY_ERROR', `${refuseOver} is larger than ${limit} bytes`, {
                    subject: refuseOver,
                    hint: 'the registry sent something that is not an image manifest or config',
                });
            }
            break;
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}


/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ connectRegistry),
  R: () => (/* binding */ readCaFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/lib/cancel.ts
var cancel = __webpack_require__(5321);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/http/retry.ts
var retry = __webpack_require__(1118);
// EXTERNAL MODULE: ./src/lib/http/undici.ts
var undici = __webpack_require__(6502);
;// CONCATENATED MODULE: ./src/lib/http/abort.ts

/** The undici interceptor that aborts each request dispatched through it when `signal` aborts. */
function abortOn(signal) {
    return (dispatch) => (options, handler) => {
        // Not even queued for a connection: the caller's request() rejects at once.
        if (signal.aborted)
            throw (0,cancel/* cancelledError */.YQ)(signal);
        return dispatch(options, new AbortingHandler(signal, handler));
    };
}
/**
 * Passes every event on to the request's own handler, and aborts the request through its
 * controller when the signal fires between its start and its end. undici calls onRequestStart
 * once the request has a connection; aborting then cuts that connection, and the handler gets
 * onResponseError with the reason: the awaited request() rejects, or a response body being
 * read fails with it.
 */
class AbortingHandler {
    #signal;
    #handler;
    #controller;
    constructor(signal, handler) {
        this.#signal = signal;
        this.#handler = handler;
    }
    #onAbort = () => this.#controller?.abort((0,cancel/* cancelledError */.YQ)(this.#signal));
    #release() {
        this.#signal.removeEventListener('abort', this.#onAbort);
        this.#controller = undefined;
    }
    onRequestStart(controller, context) {
        this.#controller = controller;
        this.#signal.addEventListener('abort', this.#onAbort, { once: true });
        this.#handler.onRequestStart?.(controller, context);
        // Aborted while it waited for a connection.
        if (this.#signal.aborted && !controller.aborted)
            this.#onAbort();
    }
    onRequestUpgrade(controller, statusCode, headers, socket) {
        this.#release();
        this.#handler.onRequestUpgrade?.(controller, statusCode, headers, socket);
    }
    onResponseStarted() {
        this.#handler.onResponseStarted?.();
    }
    onResponseStart(controller, statusCode, headers, statusMessage) {
        this.#handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
    }
    onResponseData(controller, chunk) {
        this.#handler.onResponseData?.(controller, chunk);
    }
    onResponseEnd(controller, trailers) {
        this.#release();
        this.#handler.onResponseEnd?.(controller, trailers);
    }
    onResponseError(controller, error) {
        this.#release();
        this.#handler.onResponseError?.(controller, error);
    }
    onBodySent(chunk) {
        this.#handler.onBodySent?.(chunk);
    }
    onRequestSent() {
        this.#handler.onRequestSent?.();
    }
}

// EXTERNAL MODULE: ./src/lib/http/upload-body.ts
var upload_body = __webpack_require__(4684);
// EXTERNAL MODULE: ./src/lib/http/reused-reads.ts
var reused_reads = __webpack_require__(8838);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/lib/http/transport.ts
var transport = __webpack_require__(6053);
// EXTERNAL MODULE: ./src/lib/registry/auth.ts
var auth = __webpack_require__(4513);
;// CONCATENATED MODULE: ./src/lib/registry/challenge.ts
/** Parses the first Basic or Bearer challenge; registries send one. */
function parseChallenge(header) {
    for (const value of Array.isArray(header) ? header : header ? [header] : []) {
        const match = /^\s*(basic|bearer)\b\s*(.*)$/i.exec(value);
        if (!match)
            continue;
        const params = {};
        const pattern = /([a-zA-Z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
        for (let param = pattern.exec(match[2]); param; param = pattern.exec(match[2])) {
            params[param[1].toLowerCase()] =
                param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
        }
        return { scheme: match[1].toLowerCase(), params };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/lib/registry/client.ts












const MAX_ERROR_BODY = 64 * 1024;
/**
 * A DELETE only ever undoes (an upload session dropped after its body broke, the load
 * generator's cleanup): it is the cleanup a stop must let through, so it goes out after the
 * stop too. Then it is sent once, and given this long at most, so that a registry that stopped
 * answering cannot hold a stopped process.
 */
const isCleanup = (registryRequest) => registryRequest.method === 'DELETE';
const CLEANUP_AFTER_STOP_MS = 5_000;
/**
 * The HTTP side of one registry: base URL (https, or http where allowed), the auth handshake and
 * error reporting. Repository operations live in repository.ts over `send`.
 */
class RegistryClient {
    registry;
    #dispatcher;
    /** The same pool without the stop signal, for cleanup requests (see isCleanup). */
    #cleanupDispatcher;
    #auth;
    #logger;
    #userAgent;
    #retryPolicy;
    #signal;
    #baseUrl;
    constructor(options, dispatchers, baseUrl) {
        this.registry = options.registry;
        this.#dispatcher = dispatchers.stoppable;
        this.#cleanupDispatcher = dispatchers.cleanup;
        this.#logger = options.logger ?? log/* silentLogger */.q;
        this.#userAgent = options.userAgent ?? 'tar-push';
        this.#retryPolicy = options.retryPolicy ?? retry/* DEFAULT_RETRY_POLICY */.cO;
        this.#signal = options.signal;
        this.#baseUrl = baseUrl;
        this.#auth = new auth/* Authenticator */.kD({
            registry: options.registry,
            credentials: options.credentials,
            // Token exchanges stop with the work too.
            dispatcher: dispatchers.stoppable,
            logger: this.#logger,
        });
    }
    /** Pings `/v2/` to learn the scheme and the auth challenge, as every client does first. */
    static async connect(options) {
        const pool = (0,transport/* createDispatcher */.SM)({
            extraCaPem: options.extraCaPem,
            skipTlsVerify: options.insecure,
            ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
            ...(options.reuseReadBuffers ? { reuseReadBuffers: true } : {}),
        });
        const observed = options.interceptors?.length ? pool.compose(options.interceptors) : pool;
        // Reused reads copy body chunks for the callers that keep them: outermost, it sees each
        // caller's own handler.
        const copying = (dispatcher) => options.reuseReadBuffers ? dispatcher.compose((0,reused_reads/* copyKeptBodyChunks */.kE)()) : dispatcher;
        const cleanup = copying(observed);
        // The abort interceptor goes outside the others: an aborted request is refused before they
        // (the load generator's counters) see it.
        const dispatcher = copying(options.signal ? observed.compose(abortOn(options.signal)) : observed);
        const host = (0,reference/* apiHost */.nz)(options.registry);
        const mayUseHttp = options.insecure === true || (0,reference/* isLoopback */.U9)(options.registry);
        const client = new RegistryClient(options, { stoppable: dispatcher, cleanup }, `https://${host}`);
        try {
            await client.withRetries(`GET ${host}/v2/`, () => client.#ping(mayUseHttp, options.insecure === true));
        }
        catch (error) {
            await dispatcher.close();
            throw error;
        }
        return client;
    }
    get retries() {
        return this.#retryPolicy.retries;
    }
    get logger() {
        return this.#logger;
    }
    get baseUrl() {
        return this.#baseUrl;
    }
    /** The signal that stops this client's work, for the steps built on it to check. */
    get signal() {
        return this.#signal;
    }
    async close() {
        await this.#dispatcher.close();
    }
    /**
     * One ping over https, then over http where allowed (loopback, or insecure: as docker and
     * skopeo do for an insecure registry). The fall back is at once, never after retries, when
     * the TLS hello got no TLS answer: garbage or a plain HTTP 400 (what most plain-HTTP servers
     * answer), a reset or a closed connection (what others do); with insecure also a certificate
     * that failed verification. A connection that cannot be opened at all (refused, unknown host,
     * no route) fails at once and is not retried: at the first contact nothing says that the
     * registry is coming back, and the user should hear about a wrong host or port at once.
     */
    async #ping(mayUseHttp, insecure) {
        const httpsBase = this.#baseUrl.replace(/^http:/, 'https:');
        const httpBase = httpsBase.replace(/^https:/, 'http:');
        this.#baseUrl = httpsBase;
        let overTls;
        try {
            await this.#pingOnce();
            return;
        }
        catch (error) {
            // An HTTP answer over TLS (a 503, a 404): it speaks TLS, the answer stands.
            if (error instanceof errors/* TarPushError */.q$)
                throw error;
            const tlsRefused = (0,transport/* isTlsHelloRefused */.M0)(error) || (insecure && (0,transport/* isTlsVerificationError */.bF)(error));
            if (!mayUseHttp || !tlsRefused)
                throw this.#pingError(error, httpsBase, mayUseHttp);
            overTls = error;
        }
        this.#logger.debug(`${this.registry} gave no TLS answer (${(0,transport/* errorCodeOf */.D9)(overTls) ?? String(overTls)}); trying plain HTTP`);
        this.#baseUrl = httpBase;
        try {
            await this.#pingOnce();
        }
        catch (httpError) {
            const overHttp = httpError instanceof errors/* TarPushError */.q$ ? httpError : this.#pingError(httpError, httpBase, true);
            // What it answered was not TLS: whatever plain HTTP got is the news.
            if ((0,transport/* isPlainHttpServer */.Yd)(overTls))
                throw overHttp;
            // A reset or a close, and plain HTTP did not work either: a TLS registry with a passing
            // fault, perhaps; the TLS failure stands (retried if it may be), with what HTTP got.
            this.#baseUrl = httpsBase;
            const first = this.#pingError(overTls, httpsBase, true);
            throw new errors/* TarPushError */.q$(first.code, `${first.message}; over plain HTTP: ${overHttp.message}`, {
                subject: first.subject ?? `${httpsBase}/v2/`,
                ...(first.hint ? { hint: first.hint } : {}),
                cause: overTls,
                retryable: first.retryable,
            });
        }
    }
    /** A failed ping: a connection that cannot be opened is not retried (see #ping). */
    #pingError(error, base, mayUseHttp) {
        const failure = (0,transport/* transportError */.WQ)(error, 'GET', `${base}/v2/`, { retryConnectFailures: false });
        const cut = (0,transport/* isTlsHelloRefused */.M0)(error) && !(0,transport/* isPlainHttpServer */.Yd)(error);
        if (mayUseHttp || !base.startsWith('https:') || !cut)
            return failure;
        // Cut before TLS answered, where plain HTTP is not allowed: say what would allow it.
        return new errors/* TarPushError */.q$(failure.code, failure.message, {
            ...(failure.subject ? { subject: failure.subject } : {}),
            hint: 'the connection was cut before TLS answered; if this registry speaks plain HTTP, set insecure (--insecure)',
            cause: error,
            retryable: failure.retryable,
        });
    }
    async #pingOnce() {
        const url = `${this.#baseUrl}/v2/`;
        const response = await (0,undici/* request */.Em)(url, {
            method: 'GET',
            dispatcher: this.#dispatcher,
            headers: { 'user-agent': this.#userAgent },
        });
        await response.body.dump();
        if (response.statusCode === 401) {
            this.#auth.useChallenge(parseChallenge(response.headers['www-authenticate']));
            return;
        }
        if (response.statusCode !== 200) {
            const retryable = retry/* RETRYABLE_STATUSES */.U3.has(response.statusCode);
            throw new errors/* TarPushError */.q$('REGISTRY_ERROR', `GET ${url} answered HTTP ${response.statusCode}${retryable ? '' : '; this is not a registry API'}`, {
                subject: url,
                hint: retryable
                    ? 'the registry is failing; try again later'
                    : 'check the registry host in the image name',
                retryable,
            });
        }
    }
    resolve(url) {
        return new URL(url, `${this.#baseUrl}/`).toString();
    }
    /**
     * Sends a request with authorization; on 401 answers the new challenge and sends it once more
     * (an expired token, or a scope the cached token lacks). 408, 429 and 5xx answers (but 501)
     * become retryable errors, retried here with backoff unless `retry` is false (an upload body
     * is retried by its caller, which restarts the whole upload). Callers must consume the body.
     */
    send(registryRequest) {
        const attempt = () => this.#sendAuthorized(registryRequest);
        if (registryRequest.retry === false)
            return attempt();
        if (isCleanup(registryRequest) && this.#signal?.aborted)
            return attempt();
        return this.withRetries(`${registryRequest.method} ${registryRequest.url}`, attempt);
    }
    /** Runs a whole exchange (an upload: POST, body, PUT) again on transient failures. */
    withRetries(what, attempt) {
        return (0,retry/* withRetries */.LH)(what, this.#retryPolicy, this.#logger, attempt, this.#signal);
    }
    async #sendAuthorized(registryRequest) {
        const response = await this.#sendWithAuth(registryRequest);
        if (retry/* RETRYABLE_STATUSES */.U3.has(response.statusCode)) {
            const retryAfter = (0,retry/* retryAfterMs */.Vs)(response.headers['retry-after'], this.#retryPolicy.maxDelayMs);
            const error = await this.unexpected(registryRequest, response);
            throw new errors/* TarPushError */.q$(error.code, error.message, {
                subject: error.subject ?? registryRequest.url,
                hint: error.hint ?? 'the registry is failing; try again later',
                retryable: true,
                ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
            });
        }
        return response;
    }
    async #sendWithAuth(registryRequest) {
        const url = this.resolve(registryRequest.url);
        let response = await this.#sendOnce(registryRequest, url, false);
        if (response.statusCode !== 401)
            return response;
        await response.body.dump();
        this.#auth.useChallenge(parseChallenge(response.headers['www-authenticate']));
        response = await this.#sendOnce(registryRequest, url, true);
        if (response.statusCode === 401) {
            const challenge = parseChallenge(response.headers['www-authenticate']);
            const text = await (0,auth/* readLimited */.tk)(response, MAX_ERROR_BODY);
            throw this.#unauthorized(registryRequest, url, challenge?.params['error'], text);
        }
        return response;
    }
    async #sendOnce(registryRequest, url, renewAuth) {
        const cleanup = isCleanup(registryRequest);
        // Not an upload body opened (a spool file, a compressor started) for a request never sent.
        if (!cleanup)
            (0,cancel/* throwIfAborted */.Te)(this.#signal);
        const headers = {
            'user-agent': this.#userAgent,
            ...registryRequest.headers,
        };
        const authorization = await this.#auth.authorization(registryRequest.scope, {
            renew: renewAuth,
        });
        // The Authorization header belongs to the registry: never send it to another host.
        if (authorization && new URL(url).host === new URL(this.#baseUrl).host)
            headers['authorization'] = authorization;
        const body = registryRequest.body ? await registryRequest.body() : undefined;
        this.#logger.debug(`> ${registryRequest.method} ${url}`);
        try {
            if (registryRequest.onBodyChunk && body === undefined) {
                const response = await (0,undici/* requestInto */.Ww)(url, {
                    method: registryRequest.method,
                    dispatcher: this.#dispatcher,
                    headers,
                }, registryRequest.onBodyChunk);
                this.#logger.debug(`< ${response.statusCode} ${registryRequest.method} ${url}`);
                return response;
            }
            const response = await (0,undici/* request */.Em)(url, {
                method: registryRequest.method,
                dispatcher: cleanup ? this.#cleanupDispatcher : this.#dispatcher,
                headers,
                // A stream goes as an iterable that gives its chunks back to their pool once written
                // (undici's documentation lists AsyncIterable bodies; its request type does not).
                body: body === undefined
                    ? null
                    : Buffer.isBuffer(body)
                        ? body
                        : (0,upload_body/* uploadBody */.E)(body),
                ...(cleanup && this.#signal?.aborted
                    ? { signal: AbortSignal.timeout(CLEANUP_AFTER_STOP_MS) }
                    : {}),
                // undici closes the connection after a HEAD, in case a server sends a body with it;
                // registries do not, and a push HEADs every blob: keep the connection (and its TLS).
                ...(registryRequest.method === 'HEAD' ? { reset: false } : {}),
            });
            this.#logger.debug(`< ${response.statusCode} ${registryRequest.method} ${url}`);
            return response;
        }
        catch (error) {
            if (body && typeof body.destroy === 'function')
                body.destroy();
            // Stopped: whatever undici or the body stream failed with, the cause is the signal.
            if (!cleanup && this.#signal?.aborted)
                throw (0,cancel/* cancelledError */.YQ)(this.#signal);
            throw (0,transport/* transportError */.WQ)(error, registryRequest.method, url);
        }
    }
    #unauthorized(registryRequest, url, challengeError, body) {
        const what = `${registryRequest.method} ${url}`;
        if (!this.#auth.hasCredentials) {
            return new errors/* TarPushError */.q$('AUTH_FAILED', `${this.registry} requires credentials (${what} answered 401)`, {
                subject: url,
                hint: 'pass username and password (--username, --password-stdin), or log in with docker login first',
            });
        }
        if (challengeError === 'insufficient_scope' || /DENIED|insufficient/i.test(body)) {
            return this.denied(registryRequest, url, 401);
        }
        return new errors/* TarPushError */.q$('AUTH_FAILED', `${this.registry} refused the credentials of "${this.#auth.username ?? 'token'}" (${what} answered 401)`, {
            subject: url,
            hint: 'check username and password (or token) for this registry',
        });
    }
    denied(registryRequest, url, status) {
        return new errors/* TarPushError */.q$('AUTH_DENIED', `${this.registry} denied ${registryRequest.method} ${url} (HTTP ${status}): the credentials of "${this.#auth.username ?? 'token'}" lack access "${registryRequest.scope}"`, {
            subject: url,
            hint: 'grant this user push (write) permission on the repository, or push to a repository it may write',
        });
    }
    /** An error for an unexpected answer, with the registry's own error codes and messages. */
    async unexpected(registryRequest, response, url) {
        const target = url ?? this.resolve(registryRequest.url);
        if (response.statusCode === 403) {
            await response.body.dump();
            return this.denied(registryRequest, target, 403);
        }
        const text = await (0,auth/* readLimited */.tk)(response, MAX_ERROR_BODY);
        return new errors/* TarPushError */.q$('REGISTRY_ERROR', `${registryRequest.method} ${target} answered HTTP ${response.statusCode}${describeRegistryErrors(text)}`, {
            subject: target,
            hint: response.statusCode >= 500
                ? 'the registry is failing; try again later'
                : 'see the registry message above',
        });
    }
}
/** Registries answer `{"errors":[{"code","message","detail"}]}` (distribution spec). */
function describeRegistryErrors(text) {
    try {
        const parsed = JSON.parse(text);
        const errors = (parsed.errors ?? []).map((error) => [error.code, error.message].filter(Boolean).join(': '));
        if (errors.length > 0)
            return `: ${errors.join('; ')}`;
    }
    catch {
        // not JSON: show the start of the text
    }
    const trimmed = text.trim().slice(0, 200);
    return trimmed ? `: ${trimmed}` : '';
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/lib/registry/credentials.ts







/** Docker config keys for Docker Hub, in the forms docker login has written over the years. */
const DOCKER_HUB_KEYS = [
    'https://index.docker.io/v1/',
    'index.docker.io',
    'docker.io',
    'registry-1.docker.io',
];
/**
 * Credentials in docker's order of precedence: explicit inputs, then the docker config
 * (`credHelpers` for the host, `auths`, then `credsStore`), then `GITHUB_TOKEN` for ghcr.io.
 */
async function resolveCredentials(lookup) {
    const env = lookup.env ?? process.env;
    if (lookup.password) {
        if (!lookup.username) {
            throw new errors/* TarPushError */.q$('USAGE', 'a password was given without a username', {
                hint: 'pass username with password (for a token, any non-empty username works on most registries)',
            });
        }
        return {
            credentials: { kind: 'password', username: lookup.username, password: lookup.password },
            source: 'inputs',
        };
    }
    const fromConfig = await fromDockerConfig(lookup.registry, env);
    if (fromConfig)
        return fromConfig;
    if (lookup.registry === 'ghcr.io' && env['GITHUB_TOKEN']) {
        const username = lookup.username || env['GITHUB_ACTOR'] || 'x-access-token';
        return {
            credentials: { kind: 'password', username, password: env['GITHUB_TOKEN'] },
            source: 'GITHUB_TOKEN',
        };
    }
    return { credentials: undefined, source: 'anonymous' };
}
const hostOf = (env) => ({
    platform: process.platform,
    env,
    path: (external_node_path_default()),
});
/**
 * The docker config directory as docker finds it: `DOCKER_CONFIG`, else `.docker` in the home
 * directory (`%USERPROFILE%` on Windows, `$HOME` elsewhere, the OS's answer when unset).
 */
function dockerConfigDirectory(host) {
    const { env, path } = host;
    if (env['DOCKER_CONFIG'])
        return env['DOCKER_CONFIG'];
    const home = (host.platform === 'win32' ? env['USERPROFILE'] : env['HOME']) || (0,external_node_os_.homedir)();
    return path.join(home, '.docker');
}
/** Windows' default PATHEXT, as cmd.exe has it when the variable is unset. */
const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';
/**
 * The files `docker-credential-<name>` may be, in the order Windows looks: each `PATH` directory,
 * each `PATHEXT` extension (`.exe`, `.cmd`…). Elsewhere the bare name, found by the OS in `PATH`.
 * Windows env names are case-insensitive (`Path` is common), so they are matched so.
 */
function credentialHelperCandidates(name, host) {
    const program = `docker-credential-${name}`;
    if (host.platform !== 'win32')
        return [program];
    const lookup = (key) => Object.entries(host.env).find(([k]) => k.toUpperCase() === key)?.[1];
    const directories = (lookup('PATH') ?? '')
        .split(';')
        .map((dir) => dir.trim().replace(/^"(.*)"$/, '$1'))
        .filter((dir) => dir !== '');
    const extensions = (lookup('PATHEXT') || DEFAULT_PATHEXT)
        .split(';')
        .map((ext) => ext.trim())
        .filter((ext) => ext.startsWith('.'));
    // A name given with its extension ("docker-credential-x.exe" in the config) is tried as is first.
    const hasExtension = extensions.some((ext) => program.toLowerCase().endsWith(ext.toLowerCase()));
    return directories.flatMap((dir) => [
        ...(hasExtension ? [host.path.join(dir, program)] : []),
        ...extensions.map((ext) => host.path.join(dir, `${program}${ext.toLowerCase()}`)),
    ]);
}
/**
 * The helper to run: on Windows the first candidate that is a file (undefined when none is),
 * elsewhere the bare name. `isFile` is injectable for tests.
 */
function findCredentialHelper(name, host, isFile = isFileSync) {
    const candidates = credentialHelperCandidates(name, host);
    if (host.platform !== 'win32')
        return candidates[0];
    return candidates.find(isFile);
}
function isFileSync(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
const normaliseKey = (key) => key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
async function fromDockerConfig(registry, env) {
    const host = hostOf(env);
    const path = host.path.join(dockerConfigDirectory(host), 'config.json');
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new errors/* TarPushError */.q$('CREDENTIAL_HELPER', `cannot read docker config ${path}: ${error.message}`, {
            subject: path,
            hint: 'fix or remove the file, or pass username and password',
        });
    }
    const keys = registry === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_KEYS : [registry];
    const matches = (key) => keys.includes(key) || keys.includes(normaliseKey(key));
    const helperName = Object.entries(config.credHelpers ?? {}).find(([key]) => matches(key))?.[1];
    if (helperName) {
        const credentials = await runCredentialHelper(helperName, serverUrlFor(registry), host);
        if (credentials)
            return { credentials, source: `docker config credHelpers (${helperName})` };
    }
    const auth = Object.entries(config.auths ?? {}).find(([key]) => matches(key))?.[1];
    if (auth) {
        if (auth.identitytoken)
            return { credentials: { kind: 'identity-token', token: auth.identitytoken }, source: path };
        if (auth.auth) {
            const decoded = Buffer.from(auth.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0) {
                const credentials = {
                    kind: 'password',
                    username: decoded.slice(0, colon),
                    password: decoded.slice(colon + 1),
                };
                return { credentials, source: path };
            }
        }
        if (auth.username && auth.password) {
            return {
                credentials: { kind: 'password', username: auth.username, password: auth.password },
                source: path,
            };
        }
    }
    if (config.credsStore) {
        const credentials = await runCredentialHelper(config.credsStore, serverUrlFor(registry), host);
        if (credentials)
            return { credentials, source: `docker config credsStore (${config.credsStore})` };
    }
    return undefined;
}
const serverUrlFor = (registry) => registry === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_KEYS[0] : registry;
/** Runs `docker-credential-<name> get` as docker does; "not found" means no credentials. */
async function runCredentialHelper(name, serverUrl, host) {
    const program = `docker-credential-${name}`;
    const file = findCredentialHelper(name, host);
    if (file === undefined) {
        throw new errors/* TarPushError */.q$('CREDENTIAL_HELPER', `cannot run ${program}: no ${program} with an extension of PATHEXT (.exe, .cmd…) in PATH`, { subject: program, hint: `install ${program} or remove it from the docker config` });
    }
    // Windows runs .cmd and .bat only through cmd.exe (Node refuses them without a shell).
    const throughShell = host.platform === 'win32' && /\.(cmd|bat)$/i.test(file);
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
        const child = throughShell
            ? (0,external_node_child_process_.spawn)(`"${file}"`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], shell: true })
            : (0,external_node_child_process_.spawn)(file, ['get'], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', (error) => reject(new errors/* TarPushError */.q$('CREDENTIAL_HELPER', `cannot run ${program}: ${error.message}`, {
            subject: program,
            hint: `install ${program} or remove it from the docker config`,
        })));
        child.on('close', (exitCode) => resolve({ code: exitCode, stdout, stderr }));
        child.stdin.end(serverUrl);
    });
    const output = `${stdout}${stderr}`.trim();
    if (code !== 0) {
        if (/credentials not found/i.test(output))
            return undefined;
        throw new errors/* TarPushError */.q$('CREDENTIAL_HELPER', `${program} get failed (exit ${code}): ${output.slice(0, 200)}`, {
            subject: program,
            hint: 'log in again with the helper, or pass username and password',
        });
    }
    let reply;
    try {
        reply = JSON.parse(stdout);
    }
    catch {
        throw new errors/* TarPushError */.q$('CREDENTIAL_HELPER', `${program} get printed something that is not JSON`, { subject: program });
    }
    if (!reply.Secret)
        return undefined;
    if (reply.Username === '<token>')
        return { kind: 'identity-token', token: reply.Secret };
    return { kind: 'password', username: reply.Username ?? '', password: reply.Secret };
}

;// CONCATENATED MODULE: ./src/lib/registry/connect.ts






async function readCaFile(path) {
    const pem = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
        throw new errors/* TarPushError */.q$('USAGE', `cannot read ca-file "${path}": ${error.code ?? error.message}`, { subject: path });
    });
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
        throw new errors/* TarPushError */.q$('USAGE', `ca-file "${path}" holds no PEM certificate`, {
            subject: path,
            hint: 'pass a PEM file with one or more "BEGIN CERTIFICATE" blocks',
        });
    }
    return pem;
}
/** Credentials as docker finds them, then the ping that learns scheme and auth. */
async function connectRegistry(registry, options, extraCaPem, logger) {
    (0,cancel/* throwIfAborted */.Te)(options.signal, `connecting to ${registry}`);
    const { credentials, source } = await resolveCredentials({
        registry,
        username: options.username,
        password: options.password,
        env: options.env,
    });
    logger.info(`credentials for ${registry}: ${source}`);
    return RegistryClient.connect({
        registry,
        credentials,
        insecure: options.insecure,
        extraCaPem,
        logger,
        retryPolicy: {
            ...retry/* DEFAULT_RETRY_POLICY */.cO,
            ...(options.retries !== undefined ? { retries: options.retries } : {}),
            ...(options.retryBaseDelayMs !== undefined ? { baseDelayMs: options.retryBaseDelayMs } : {}),
        },
        timeoutSeconds: options.timeoutSeconds,
        interceptors: options.interceptors,
        reuseReadBuffers: options.reuseReadBuffers,
        signal: options.signal,
    });
}


/***/ }),

/***/ 6524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ quirksFor),
/* harmony export */   Jd: () => (/* binding */ dockerFlavorAllowed),
/* harmony export */   pp: () => (/* binding */ FALLBACK_CHUNK_SIZE)
/* harmony export */ });
/* unused harmony exports KNOWN_QUIRKS, knownQuirksOf */
/* harmony import */ var _image_media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5489);
/**
 * What particular registries need beyond the distribution spec, in one place. Each entry names
 * the registry, what it does and what tar-push does about it. A registry recognised by its host
 * gets its settings up front (`quirksFor`); everything else is met by reacting to its answers
 * wherever a self-hosted or fronted registry can show the same behaviour under any name (a
 * 405/416/501 on a monolithic PUT moves to PATCH; a 413 or 416 on a body moves to chunks; a 400
 * or 411 on a streamed body moves to spooled bodies with a length; a refused mount uploads).
 */

const MiB = 1024 * 1024;
/** Chunk size when a registry refuses a body as too large and says nothing of its limit. */
const FALLBACK_CHUNK_SIZE = 16 * MiB;
const KNOWN_QUIRKS = [
    {
        registry: 'GitHub Container Registry',
        hosts: /^ghcr\.io$/,
        quirk: 'refuses a large PATCH body with 416 Range Not Satisfiable',
        handling: 'a 416 on a body sends the blob again in chunks of FALLBACK_CHUNK_SIZE (repository.ts)',
    },
    {
        registry: 'Cloudflare-fronted registries',
        quirk: 'the proxy caps a request body at about 100 MB and answers 413',
        handling: 'a 413 on a body sends the blob again in chunks of FALLBACK_CHUNK_SIZE (repository.ts)',
    },
    {
        registry: 'Amazon ECR',
        hosts: /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/,
        quirk: 'takes upload parts of at least 5 MiB (but the last); answers 404 NAME_UNKNOWN to a push into a repository that does not exist',
        handling: 'chunks are at least 5 MiB; the NAME_UNKNOWN answer is shown as the registry gave it (create the repository first)',
        settings: { minChunkSize: 5 * MiB },
    },
    {
        registry: 'Azure Container Registry',
        hosts: /\.azurecr\.io$/,
        quirk: 'refuses a body sent with Transfer-Encoding: chunked (400)',
        handling: 'always sends Content-Length: layers compressed on the fly go to a spool file first; any registry answering 400 or 411 to a streamed body gets the same (registry/sink.ts, engine/copy.ts)',
        settings: { contentLengthRequired: true },
    },
    {
        registry: 'JFrog Artifactory',
        hosts: /\.jfrog\.io$/,
        quirk: 'wants an upload as POST, then PATCH with the bytes, then PUT ?digest= to close it; refuses the monolithic PUT with a body',
        handling: 'on *.jfrog.io every upload is POST → PATCH → PUT; a self-hosted instance answers the monolithic PUT with 405, 416 or 501 and the upload moves to PATCH (repository.ts)',
        settings: { patchUploads: true },
    },
    {
        registry: 'Docker Hub',
        hosts: /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/,
        quirk: 'named docker.io but served from registry-1.docker.io; a single-name repository lives under library/; a cross-repository mount between namespaces answers 202 (an upload session) without mounting',
        handling: 'docker.io and index.docker.io are reached at registry-1.docker.io, alpine is library/alpine (reference.ts); a 202 to a mount cancels that session (DELETE) and uploads (repository.ts)',
    },
    {
        registry: 'Harbor',
        quirk: 'answers a cross-repository mount with 401 (or 404) when the user may not read the source project',
        handling: 'a mount refused with 401, 403 or 404 is not an error: the blob is uploaded (repository.ts)',
    },
    {
        registry: 'Quay',
        hosts: /^quay\.io$/,
        quirk: 'refuses Docker manifests whose layers have the uncompressed media type application/vnd.docker.image.rootfs.diff.tar',
        handling: 'dockerFlavorAllowed answers no for uncompressed layers (compression none) on quay.io (the registry sink asks it), so the engine writes the image as OCI, whose uncompressed layer type Quay takes; gzip, the default, is unaffected',
        settings: { refusesUncompressedDockerLayers: true },
    },
    {
        registry: 'any registry (distribution, Harbor, Quay, GCR …)',
        quirk: 'the upload Location is relative, or carries a query of its own (_state, a session id) that must come back as it was',
        handling: 'Location is resolved against the request URL, never rebuilt; digest= is added to its query without re-encoding the rest (withDigest in repository.ts)',
    },
];
const NO_QUIRKS = {
    contentLengthRequired: false,
    minChunkSize: 0,
    patchUploads: false,
    refusesUncompressedDockerLayers: false,
};
/** The known quirks of a registry recognised by its host (docker's name for it, port dropped). */
function knownQuirksOf(registry) {
    const host = registry.replace(/:\d+$/, '').toLowerCase();
    return KNOWN_QUIRKS.filter((quirk) => quirk.hosts?.test(host));
}
function quirksFor(registry) {
    return Object.assign({}, NO_QUIRKS, ...knownQuirksOf(registry).map((quirk) => quirk.settings));
}
/**
 * Whether a Docker-typed manifest can carry layers of these final compressions on this registry.
 * Docker has no zstd layer type; Quay refuses Docker's uncompressed one. Otherwise the image
 * goes up as OCI (compressions: those of the layers, after encoding).
 */
function dockerFlavorAllowed(quirks, compressions) {
    return compressions.every((compression) => (0,_image_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .hasDockerLayerType */ ._e)(compression) &&
        !(compression === 'none' && quirks.refusesUncompressedDockerLayers));
}


/***/ }),

/***/ 2186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pF: () => (/* binding */ BodyRefused),
  q$: () => (/* binding */ RepositoryClient)
});

// UNUSED EXPORTS: withDigest

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/digest.ts
var lib_digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/image/sink.ts
var sink = __webpack_require__(7613);
// EXTERNAL MODULE: ./src/lib/registry/auth.ts
var auth = __webpack_require__(4513);
// EXTERNAL MODULE: ./src/lib/http/transport.ts
var transport = __webpack_require__(6053);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/lib/registry/chunks.ts

/**
 * Cuts one stream into consecutive parts of exact lengths, each a Readable of its own, without
 * buffering more than one source chunk: the bodies of a chunked upload, read from the blob once.
 */
class ChunkCutter {
    #stream;
    #source;
    #leftover;
    constructor(source) {
        this.#stream = source;
        this.#source = source[Symbol.asyncIterator]();
    }
    /** Lets go of the source before its end (an upload that starts over). */
    close() {
        this.#stream.destroy();
    }
    /** The next `length` bytes; the stream fails if the source ends first. */
    part(length) {
        return external_node_stream_.Readable.from(this.#take(length), { objectMode: false });
    }
    async *#take(length) {
        let remaining = length;
        while (remaining > 0) {
            let chunk = this.#leftover;
            this.#leftover = undefined;
            if (!chunk) {
                const next = await this.#source.next();
                if (next.done)
                    throw new Error(`the blob ended ${remaining} bytes before its size`);
                chunk = next.value;
            }
            if (chunk.length > remaining) {
                this.#leftover = chunk.subarray(remaining);
                chunk = chunk.subarray(0, remaining);
            }
            remaining -= chunk.length;
            yield chunk;
        }
    }
    /** Reads and drops `length` bytes (resuming an upload: the source's checks still see them). */
    async skip(length) {
        for await (const chunk of this.#take(length))
            void chunk;
    }
    /** Reads the source to its end (running its checks); more bytes than the size are an error. */
    async finish() {
        if (this.#leftover?.length)
            throw new Error('the blob is longer than its size');
        for (let next = await this.#source.next(); !next.done; next = await this.#source.next()) {
            if (next.value.length > 0)
                throw new Error('the blob is longer than its size');
        }
    }
}

// EXTERNAL MODULE: ./src/lib/registry/quirks.ts
var quirks = __webpack_require__(6524);
;// CONCATENATED MODULE: ./src/lib/registry/repository.ts







/**
 * A registry refused an upload body for its form, not its bytes: too large (413; GHCR answers
 * 416 to a big PATCH) — send chunks; or a streamed body without Content-Length (411, or 400 as
 * ACR answers Transfer-Encoding: chunked) — compress to a spool file to know the length first.
 */
class BodyRefused extends sink/* StreamRefused */.t {
    reason;
    constructor(status, url, options) {
        super('REGISTRY_ERROR', options.reason === 'too-large'
            ? `the registry refused an upload body as too large (HTTP ${status}) at ${url}`
            : `the registry refused a streamed upload body without Content-Length (HTTP ${status}) at ${url}`, {
            subject: url,
            hint: options.reason === 'too-large'
                ? 'set chunk-size (--chunk-size) to a size the registry accepts'
                : 'use upload-mode spool (--upload-mode spool) for this registry',
            retryable: options.retryable,
        });
        this.reason = options.reason;
    }
}
const LENGTH_REQUIRED_STATUSES = new Set([400, 411]);
const BODY_TOO_LARGE_STATUSES = new Set([413, 416]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * Failures after which asking the registry to cancel an upload session would only wait: it
 * cannot be reached, or it stopped answering (a timeout would likely be waited out again).
 */
const NO_CANCEL_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
]);
/** A mount refused for want of access to the source: the blob is uploaded instead. */
const MOUNT_REFUSALS = new Set(['AUTH_FAILED', 'AUTH_DENIED']);
/**
 * Adds `digest=` to an upload Location, keeping its query (`_state`, session ids) byte for byte:
 * some registries sign it, so it is never decoded and encoded again.
 */
function withDigest(location, digest) {
    const url = new URL(location);
    const kept = url.search
        .slice(1)
        .split('&')
        .filter((part) => part !== '' && !/^digest=/i.test(part));
    url.search = [...kept, `digest=${encodeURIComponent(digest)}`].join('&');
    return url.toString();
}
/** Answers to a monolithic PUT that mean "this registry wants PATCH, then PUT" (Artifactory). */
const PATCH_FALLBACK_STATUSES = new Set([405, 416, 501]);
/** Blob and manifest operations on one repository of a registry (distribution spec endpoints). */
class RepositoryClient {
    client;
    path;
    scope;
    uploadMethod = 'monolithic';
    /** 0: one request per blob; otherwise PATCH chunks of this size (then PUT ?digest=). */
    chunkSize = 0;
    quirks;
    constructor(client, path, access = 'push') {
        this.client = client;
        this.path = path;
        this.scope = `repository:${path}:${access === 'push' ? 'pull,push' : 'pull'}`;
        this.quirks = (0,quirks/* quirksFor */.$1)(client.registry);
        if (this.quirks.patchUploads)
            this.uploadMethod = 'patch';
    }
    #request(method, url, extra = {}) {
        return { method, url, scope: this.scope, ...extra };
    }
    /** A request inside an upload exchange: the exchange is retried whole, not this request. */
    #uploadRequest(method, url, extra = {}) {
        return this.#request(method, url, { ...extra, retry: false });
    }
    async hasBlob(digest) {
        const request = this.#request('HEAD', `/v2/${this.path}/blobs/${digest}`);
        const response = await this.#followRedirects(request, await this.client.send(request));
        await response.body.dump();
        if (response.statusCode === 200)
            return true;
        if (response.statusCode === 404)
            return false;
        throw await this.client.unexpected(request, response);
    }
    /**
     * Uploads a blob; a transient failure anywhere in the exchange restarts it cleanly with a new
     * session and the body reopened from its source (never buffered for the purpose). A failure
     * once the committing request (`PUT ?digest=`) went out may hide a commit whose answer was
     * lost: the blob is HEADed first, and uploaded again only if the registry does not have it.
     */
    uploadBlob(blob) {
        const exchange = { committing: false };
        return this.client.withRetries(`upload of ${blob.digest}`, async () => {
            if (await this.#committedAnyway(exchange, blob.digest))
                return;
            await this.#uploadBlobOnce(blob, exchange);
        });
    }
    async #uploadBlobOnce(blob, exchange) {
        if (this.chunkSize === 0 && this.uploadMethod === 'monolithic') {
            const status = await this.#uploadMonolithic(blob, exchange);
            if (status === 'done')
                return;
            if (status === 'too-large')
                this.chunkSize = quirks/* FALLBACK_CHUNK_SIZE */.pp;
            else
                this.uploadMethod = 'patch';
        }
        await this.#uploadChunked(blob, this.chunkSize || blob.size, exchange);
    }
    /**
     * Before an upload is tried again: if the last try failed after its committing request went
     * out (the answer lost to a reset or a timeout, as when GHCR takes long to commit a large
     * blob), whether the registry committed the blob all the same. One HEAD, not retried: when it
     * fails, the upload goes again as it would have.
     */
    async #committedAnyway(exchange, digest) {
        if (!exchange.committing || digest === undefined)
            return false;
        exchange.committing = false;
        const request = this.#request('HEAD', `/v2/${this.path}/blobs/${digest}`, { retry: false });
        try {
            const response = await this.#followRedirects(request, await this.client.send(request));
            await response.body.dump();
            if (response.statusCode !== 200)
                return false;
        }
        catch (error) {
            if (this.client.signal?.aborted)
                throw error;
            this.client.logger.debug(`HEAD of ${digest} after a lost commit failed: ${String(error)}`);
            return false;
        }
        this.client.logger.info(`${digest}: the registry committed it though its answer was lost; not uploading it again`);
        return true;
    }
    async #startUpload() {
        return (await this.#startSession()).location;
    }
    async #startSession() {
        const request = this.#uploadRequest('POST', `/v2/${this.path}/blobs/uploads/`, {
            headers: { 'content-length': '0' },
        });
        const response = await this.client.send(request);
        if (response.statusCode !== 202)
            throw await this.client.unexpected(request, response);
        await response.body.dump();
        const location = response.headers['location'];
        if (typeof location !== 'string' || location === '') {
            throw new errors/* TarPushError */.q$('REGISTRY_ERROR', `POST ${this.client.resolve(request.url)} answered 202 without a Location header`, {
                subject: this.client.registry,
                hint: 'the registry does not follow the distribution spec; report it to its operators',
            });
        }
        // OCI-Chunk-Min-Length: the smallest PATCH body this registry takes (distribution spec 1.1).
        const minimum = Number(response.headers['oci-chunk-min-length'] ?? 0);
        // Location may be relative or carry its own query (_state, session ids): resolve, never rebuild.
        return {
            location: this.client.resolve(location),
            minChunkSize: Number.isSafeInteger(minimum) && minimum > 0 ? minimum : 0,
        };
    }
    async #uploadMonolithic(blob, exchange) {
        const location = await this.#startUpload();
        const request = this.#uploadRequest('PUT', withDigest(location, blob.digest), {
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
            body: blob.open,
        });
        exchange.committing = true;
        const response = await this.#inSession(location, () => this.client.send(request));
        // An answer came: nothing was lost.
        exchange.committing = false;
        if (response.statusCode === 201) {
            await response.body.dump();
            return 'done';
        }
        if (response.statusCode === 413) {
            await response.body.dump();
            return 'too-large';
        }
        if (PATCH_FALLBACK_STATUSES.has(response.statusCode)) {
            await response.body.dump();
            return 'needs-patch';
        }
        throw await this.client.unexpected(request, response);
    }
    /**
     * PATCHes the blob in chunks of `chunkSize` (one chunk: the whole blob) with Content-Range
     * (inclusive end, as the distribution spec has it), following each new Location, then commits
     * with `PUT ?digest=`. The blob is read once, front to back.
     */
    async #uploadChunked(blob, chunkSize, exchange) {
        const session = await this.#startSession();
        const size = Math.max(chunkSize, session.minChunkSize, this.quirks.minChunkSize, 1);
        let cutter = new ChunkCutter(await blob.open());
        let location = session.location;
        let resumes = 0;
        for (let offset = 0; offset < blob.size;) {
            const length = Math.min(size, blob.size - offset);
            const patch = this.#chunkRequest(location, cutter, offset, length);
            let patched;
            try {
                patched = await this.client.send(patch);
            }
            catch (error) {
                // A chunk broke off: ask the session where it stands and go on from there.
                if (!(error instanceof errors/* TarPushError */.q$) || !error.retryable || resumes >= this.client.retries)
                    throw error;
                resumes++;
                const status = await this.#uploadStatus(location);
                this.client.logger.warn(`chunk ${offset}-${offset + length - 1} of ${blob.digest} failed (${error.message}); resuming at byte ${status.offset}`);
                location = status.location;
                offset = status.offset;
                cutter.close();
                cutter = new ChunkCutter(await blob.open());
                await cutter.skip(offset);
                continue;
            }
            if (BODY_TOO_LARGE_STATUSES.has(patched.statusCode) && length > quirks/* FALLBACK_CHUNK_SIZE */.pp) {
                await patched.body.dump();
                this.chunkSize = quirks/* FALLBACK_CHUNK_SIZE */.pp;
                // Retried whole, now in smaller chunks.
                throw new BodyRefused(patched.statusCode, location, {
                    reason: 'too-large',
                    retryable: true,
                });
            }
            if (patched.statusCode !== 202)
                throw await this.client.unexpected(patch, patched);
            await patched.body.dump();
            location = this.#nextLocation(patched, location);
            offset += length;
        }
        await cutter.finish();
        const put = this.#uploadRequest('PUT', withDigest(location, blob.digest), {
            headers: { 'content-length': '0' },
        });
        exchange.committing = true;
        const response = await this.client.send(put);
        exchange.committing = false;
        if (response.statusCode !== 201)
            throw await this.client.unexpected(put, response);
        await response.body.dump();
    }
    #chunkRequest(location, cutter, offset, length) {
        return this.#uploadRequest('PATCH', location, {
            headers: {
                'content-type': 'application/octet-stream',
                'content-length': String(length),
                'content-range': `${offset}-${offset + length - 1}`,
            },
            body: async () => cutter.part(length),
        });
    }
    /**
     * Sends the body of an upload session. When it breaks (a reset, a body that failed its own
     * checks) the session is cancelled with DELETE, as docker does, so the registry can drop the
     * partial bytes; the upload then starts over in a new session. Best effort: a registry that
     * cannot be reached, or stopped answering (a timeout), is not asked.
     */
    async #inSession(location, send) {
        try {
            return await send();
        }
        catch (error) {
            // The network's code sits under our error (whose own code is NETWORK_ERROR).
            const code = (0,transport/* errorCodeOf */.D9)(error instanceof errors/* TarPushError */.q$ ? error.cause : error);
            if (!NO_CANCEL_CODES.has(code ?? ''))
                await this.#cancelSession(location);
            throw error;
        }
    }
    /** DELETEs an upload session no longer wanted; best effort, never an error of the push. */
    async #cancelSession(location) {
        try {
            const response = await this.client.send(this.#uploadRequest('DELETE', location));
            await response.body.dump();
            this.client.logger.debug(`upload session cancelled (HTTP ${response.statusCode})`);
        }
        catch (error) {
            this.client.logger.debug(`could not cancel an upload session: ${error.message}`);
        }
    }
    /** Each step of an upload may move the session: follow its Location, else stay. */
    #nextLocation(response, current) {
        const next = response.headers['location'];
        return typeof next === 'string' && next ? this.client.resolve(next) : current;
    }
    /** Where an upload session stands (distribution spec: GET the upload URL, 204 with Range). */
    async #uploadStatus(location) {
        const request = this.#request('GET', location);
        const response = await this.client.send(request);
        if (response.statusCode !== 204 && response.statusCode !== 202) {
            throw await this.client.unexpected(request, response);
        }
        await response.body.dump();
        const range = /^(?:bytes=)?0-(\d+)$/.exec(String(response.headers['range'] ?? ''));
        return {
            location: this.#nextLocation(response, location),
            offset: range ? Number(range[1]) + 1 : 0,
        };
    }
    /**
     * Uploads bytes whose digest is known only once they have all been sent (compressed on the
     * fly): one PATCH with a streamed body, then `PUT ?digest=` to commit. A body that fails its
     * own checks fails the PATCH, and nothing is committed.
     */
    uploadStreamed(open, digestAfterBody) {
        // The digest is known once a body went whole, and so before any committing PUT.
        const exchange = { committing: false };
        return this.client.withRetries('streamed upload', async () => {
            if (await this.#committedAnyway(exchange, exchange.committing ? digestAfterBody() : undefined))
                return;
            await this.#uploadStreamedOnce(open, digestAfterBody, exchange);
        });
    }
    async #uploadStreamedOnce(open, digestAfterBody, exchange) {
        const location = await this.#startUpload();
        const patch = this.#uploadRequest('PATCH', location, {
            headers: { 'content-type': 'application/octet-stream' },
            body: open,
        });
        const patched = await this.#inSession(location, () => this.client.send(patch));
        const reason = BODY_TOO_LARGE_STATUSES.has(patched.statusCode)
            ? 'too-large'
            : LENGTH_REQUIRED_STATUSES.has(patched.statusCode)
                ? 'length-required'
                : undefined;
        if (reason) {
            await patched.body.dump();
            // The caller compresses to a spool file instead: its length is known (and allows chunks).
            throw new BodyRefused(patched.statusCode, location, { reason, retryable: false });
        }
        if (patched.statusCode !== 202)
            throw await this.client.unexpected(patch, patched);
        await patched.body.dump();
        const put = this.#uploadRequest('PUT', withDigest(this.#nextLocation(patched, location), digestAfterBody()), {
            headers: { 'content-length': '0' },
        });
        exchange.committing = true;
        const response = await this.client.send(put);
        exchange.committing = false;
        if (response.statusCode !== 201)
            throw await this.client.unexpected(put, response);
        await response.body.dump();
    }
    /**
     * Asks the registry to link a blob from another repository instead of uploading it
     * (distribution spec: POST ?mount=&from=). 201 means mounted; a 202 opens an ordinary upload
     * session instead (Docker Hub across namespaces), which is cancelled here so the caller
     * uploads as usual; a refusal (401 from Harbor, 403, 404) also leaves the blob to upload.
     */
    async mountBlob(digest, fromPath) {
        const query = new URLSearchParams({ mount: digest, from: fromPath });
        const request = this.#request('POST', `/v2/${this.path}/blobs/uploads/?${query}`, {
            headers: { 'content-length': '0' },
            scope: `${this.scope} repository:${fromPath}:pull`,
        });
        let response;
        try {
            response = await this.client.send(request);
        }
        catch (error) {
            // Harbor answers 401 when the user may not read the source: upload instead, never fail.
            if (!(error instanceof errors/* TarPushError */.q$) || !MOUNT_REFUSALS.has(error.code))
                throw error;
            this.client.logger.debug(`mount of ${digest} from ${fromPath} refused (${error.message})`);
            return false;
        }
        await response.body.dump();
        if (response.statusCode === 201)
            return true;
        const location = response.headers['location'];
        if (response.statusCode === 202 && typeof location === 'string' && location) {
            // Nothing was mounted (Docker Hub across namespaces): drop the session it opened instead.
            this.client.logger.debug(`mount of ${digest} from ${fromPath} answered 202: not mounted`);
            await this.#cancelSession(this.client.resolve(location));
        }
        return false;
    }
    /** GETs a small blob (a config) whole, checking its digest. */
    getBlobBytes(digest, limit) {
        const request = this.#request('GET', `/v2/${this.path}/blobs/${digest}`, { retry: false });
        return this.client.withRetries(`GET ${request.url}`, async () => {
            const response = await this.#followRedirects(request, await this.client.send(request));
            if (response.statusCode === 404) {
                await response.body.dump();
                return undefined;
            }
            if (response.statusCode !== 200)
                throw await this.client.unexpected(request, response);
            const bytes = await this.#readBody(request, response, limit);
            return (0,lib_digest/* matchesDigest */._j)(bytes, digest) ? bytes : undefined;
        });
    }
    /**
     * GETs a blob from byte `offset` on (a Range request, to resume a broken download), following
     * redirects to storage. The answer is 200 (whole blob) or 206 (the range); the caller reads
     * and verifies the body.
     */
    async openBlob(digest, offset = 0) {
        const request = this.#request('GET', `/v2/${this.path}/blobs/${digest}`, {
            headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
        });
        const response = await this.#followRedirects(request, await this.client.send(request));
        if (response.statusCode === 200 || response.statusCode === 206)
            return response;
        throw await this.client.unexpected(request, response);
    }
    /**
     * A blob's bytes handed to `onChunk` as they arrive (redirects followed), with no stream: the
     * load generator's pulls. Sent once: a failure half-way cannot be replayed into the consumer.
     */
    async readBlob(digest, onChunk) {
        const request = this.#request('GET', `/v2/${this.path}/blobs/${digest}`, {
            retry: false,
            onBodyChunk: onChunk,
        });
        const response = await this.#followRedirects(request, await this.client.send(request));
        if (response.statusCode === 200)
            return;
        throw await this.client.unexpected(request, response);
    }
    /** PUTs a manifest under a tag or digest; the registry's digest must equal ours. */
    async putManifest(reference, manifest) {
        const request = this.#request('PUT', `/v2/${this.path}/manifests/${reference}`, {
            headers: { 'content-type': manifest.mediaType },
            body: async () => manifest.bytes,
        });
        const response = await this.client.send(request);
        if (response.statusCode !== 201 && response.statusCode !== 200)
            throw await this.client.unexpected(request, response);
        await response.body.dump();
        const digest = (0,lib_digest/* sha256 */.sc)(manifest.bytes);
        const answered = response.headers['docker-content-digest'];
        if (typeof answered === 'string' && answered !== '' && answered !== digest) {
            throw new errors/* TarPushError */.q$('MANIFEST_DIGEST_MISMATCH', `the registry stored the manifest of ${this.path}:${reference} as ${answered}, we sent ${digest}`, {
                subject: this.client.resolve(request.url),
                hint: 'the registry rewrote the manifest (it may not support this manifest type); do not rely on the digest',
            });
        }
        return digest;
    }
    /** GETs a manifest; undefined when it does not exist. */
    getManifest(reference, accept, limit = 4 * 1024 * 1024) {
        const request = this.#request('GET', `/v2/${this.path}/manifests/${reference}`, {
            headers: { accept: accept.join(', ') },
            retry: false,
        });
        // The body is read inside the attempt: a response cut half-way is retried whole.
        return this.client.withRetries(`GET ${request.url}`, async () => {
            const response = await this.client.send(request);
            if (response.statusCode === 404) {
                await response.body.dump();
                return undefined;
            }
            if (response.statusCode !== 200)
                throw await this.client.unexpected(request, response);
            const bytes = await this.#readBody(request, response, limit);
            const contentType = response.headers['content-type'];
            const registryDigest = response.headers['docker-content-digest'];
            return {
                bytes,
                digest: (0,lib_digest/* sha256 */.sc)(bytes),
                registryDigest: typeof registryDigest === 'string' ? registryDigest : undefined,
                mediaType: typeof contentType === 'string' ? contentType.split(';')[0].trim() : '',
            };
        });
    }
    /**
     * Registries may redirect blob GETs and HEADs to storage (S3, GCS, a CDN). The client sends
     * the registry's Authorization header only to the registry's own host.
     */
    async #followRedirects(request, first) {
        let response = first;
        for (let hops = 0; hops < 5 && REDIRECTS.has(response.statusCode); hops++) {
            const location = response.headers['location'];
            if (typeof location !== 'string')
                break;
            await response.body.dump();
            const redirected = {
                ...request,
                url: new URL(location, this.client.resolve(request.url)).toString(),
            };
            response = await this.client.send(redirected);
        }
        return response;
    }
    async #readBody(request, response, limit) {
        try {
            return await (0,auth/* readBytesLimited */.mj)(response, limit, `${request.method} ${this.client.resolve(request.url)}`);
        }
        catch (error) {
            throw (0,transport/* transportError */.WQ)(error, request.method, this.client.resolve(request.url));
        }
    }
}


/***/ })

};
