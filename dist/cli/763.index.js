export const id = 763;
export const ids = [763];
export const modules = {

/***/ 763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCopyCommand: () => (/* binding */ runCopyCommand)
});

// EXTERNAL MODULE: ./src/lib/cancel.ts
var cancel = __webpack_require__(5321);
// EXTERNAL MODULE: ./src/lib/engine/copy.ts + 3 modules
var copy = __webpack_require__(2681);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/image/platform.ts
var platform = __webpack_require__(4130);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/lib/registry/connect.ts + 4 modules
var connect = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/lib/registry/repository.ts + 1 modules
var repository = __webpack_require__(2186);
// EXTERNAL MODULE: ./src/lib/registry/sink.ts
var sink = __webpack_require__(6560);
// EXTERNAL MODULE: ./src/lib/registry/source.ts
var registry_source = __webpack_require__(8606);
;// CONCATENATED MODULE: ./src/lib/copy.ts









/**
 * Copy = copy(registry → registry), as `crane copy` and `skopeo copy docker:// docker://` do:
 * every platform of an index (or one with `platform`), manifests unchanged so digests stay the
 * same, blobs mounted from the source repository when both are on one registry.
 * Credentials given explicitly apply to both registries; otherwise each is found as docker does.
 */
async function copy_copy(options) {
    const logger = options.logger ?? log/* silentLogger */.q;
    const started = Date.now();
    const source = (0,reference/* parseReference */.F2)(options.source);
    const target = targetOf(source, (0,reference/* parseReference */.F2)(options.target));
    const wanted = options.platform ? (0,platform/* parsePlatform */.FL)(options.platform) : undefined;
    const extraCaPem = options.caFile ? await (0,connect/* readCaFile */.R)(options.caFile) : undefined;
    const clients = new Map();
    const clientFor = (registry) => {
        let client = clients.get(registry);
        if (!client) {
            client = (0,connect/* connectRegistry */.g)(registry, options, extraCaPem, logger);
            clients.set(registry, client);
        }
        return client;
    };
    try {
        const from = new repository/* RepositoryClient */.q$(await clientFor(source.registry), source.path, 'pull');
        const remote = await logger.group(`Resolving ${(0,reference/* formatReference */.FH)(source)}`, () => (0,registry_source/* readRemoteArtifact */.d2)(from, source, { platform: wanted ?? 'all', logger }));
        const to = new repository/* RepositoryClient */.q$(await clientFor(target.registry), target.path);
        const tags = target.tag !== undefined ? [target.tag] : [];
        const name = (0,reference/* repositoryName */.aR)(target);
        const report = await logger.group(`Copying to ${name}`, () => (0,copy/* copyArtifact */.E)(remote.artifact, tags, {
            sink: new sink/* RegistrySink */.P(to),
            compression: 'none',
            concurrency: options.concurrency,
            mountFrom: source.registry === target.registry ? [source.path] : [],
            logger,
            progress: options.progress,
            signal: options.signal,
            onTagged: options.onTagged,
        }));
        return {
            ...report,
            source: (0,reference/* formatReference */.FH)(source),
            sourceDigest: remote.referenceDigest,
            repository: name,
            imageRef: `${name}@${report.digest}`,
            platform: wanted ? (0,platform/* formatPlatform */.Bq)(wanted) : undefined,
            seconds: (Date.now() - started) / 1000,
        };
    }
    finally {
        await Promise.all([...clients.values()].map((client) => client.then((c) => c.close()).catch(() => { })));
    }
}
/**
 * The target's tag: its own, else the source's (`latest` when the source names neither a tag nor
 * a digest, as docker reads it); a source named by digest alone gives no tag. A target digest is
 * refused: the digest is the source manifest's.
 */
function targetOf(source, target) {
    if (target.digest !== undefined) {
        throw new errors/* TarPushError */.q$('USAGE', `the target ${(0,reference/* formatReference */.FH)(target)} names a digest`, {
            subject: (0,reference/* formatReference */.FH)(target),
            hint: "name the target as REGISTRY/REPOSITORY or REGISTRY/REPOSITORY:TAG; its digest is the source manifest's",
        });
    }
    const tag = target.tag ?? source.tag ?? (source.digest === undefined ? 'latest' : undefined);
    return { ...target, tag };
}

// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/copy-run.ts




/** Runs `copy` (loaded only when the command runs: see copy.ts). */
async function runCopyCommand(values, operands, output, context) {
    const [source, target, ...extra] = operands;
    if (!source || !target)
        throw (0,common/* usageError */.Wp)('copy needs a SOURCE and a TARGET image reference', 'copy');
    if (extra.length > 0)
        throw (0,common/* usageError */.Wp)(`unexpected arguments: ${extra.join(' ')}`, 'copy');
    const { tagged, onTagged } = (0,cancel/* tagTracker */.jP)();
    context.unfinished = () => `copy of ${source} to ${target} not finished; ${(0,cancel/* tagsSetBefore */.BP)(tagged)}`;
    const result = await copy_copy({
        source,
        target,
        platform: (0,common/* stringFlag */.AM)(values['platform']),
        ...(await (0,common/* connectionOptions */.HZ)(values)),
        logger: output,
        onTagged,
        progress: output.progress,
        signal: context.signal,
    });
    if (values['json'] === true)
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
        process.stdout.write(`${result.imageRef}\n`);
        output.success(`copied ${result.source} to ${result.repository}${result.tags.length > 0 ? `:${result.tags.join(', ')}` : ''} (${result.digest}): ${result.images.length} image${result.images.length === 1 ? '' : 's'}, ${(0,format/* formatBytes */.z)(result.bytesUploaded)} copied in ${result.seconds.toFixed(1)} s`);
    }
    return 0;
}


/***/ }),

/***/ 6560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ RegistrySink)
/* harmony export */ });
/* harmony import */ var _quirks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6524);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2186);


/**
 * A registry repository as a sink: HEAD, cross-repository mount, the upload strategy and its
 * fallbacks (monolithic PUT, streamed PATCH, chunks with resume: repository.ts), the manifest
 * PUTs and the tags. The engine puts tags last, after every blob and member is in place, so a
 * tag never names an incomplete image; there is nothing to commit after that, and nothing a
 * registry lets a client take back (an uploaded blob without a manifest is garbage-collected).
 */
class RegistrySink {
    #repository;
    constructor(repository) {
        this.#repository = repository;
    }
    get name() {
        return this.#repository.path;
    }
    get place() {
        return { registry: this.#repository.client.registry, repository: this.#repository.path };
    }
    hasBlob(digest) {
        return this.#repository.hasBlob(digest);
    }
    mountBlob(digest, fromRepository) {
        return this.#repository.mountBlob(digest, fromRepository);
    }
    putBlob(blob) {
        return this.#repository.uploadBlob(blob);
    }
    /**
     * A streamed body has no length: registries that need one (quirks) and chunked uploads (each
     * chunk declares its range) take compressed layers from a spool file instead.
     */
    get takesStreamedBlobs() {
        return this.#repository.chunkSize === 0 && !this.#repository.quirks.contentLengthRequired;
    }
    async putStreamedBlob(blob) {
        try {
            await this.#repository.uploadStreamed(blob.open, blob.digestAfterBody);
        }
        catch (error) {
            // Too large for one body: the spooled retry (and what follows) goes in chunks.
            if (error instanceof _repository_js__WEBPACK_IMPORTED_MODULE_1__/* .BodyRefused */ .pF && error.reason === 'too-large')
                this.#repository.chunkSize ||= _quirks_js__WEBPACK_IMPORTED_MODULE_0__/* .FALLBACK_CHUNK_SIZE */ .pp;
            throw error;
        }
    }
    acceptsDockerLayers(compressions) {
        return (0,_quirks_js__WEBPACK_IMPORTED_MODULE_0__/* .dockerFlavorAllowed */ .Jd)(this.#repository.quirks, compressions);
    }
    async putManifest(manifest, target) {
        if (target.tags.length === 0) {
            await this.#repository.putManifest(manifest.digest, manifest);
            return;
        }
        for (const tag of target.tags)
            await this.#repository.putManifest(tag, manifest);
    }
    async commit() { }
    async abort() { }
}


/***/ })

};
