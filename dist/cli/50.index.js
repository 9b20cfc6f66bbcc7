export const id = 50;
export const ids = [50];
export const modules = {

/***/ 3050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DigestCheckedSink: () => (/* binding */ DigestCheckedSink),
  LayerChecks: () => (/* reexport */ verify/* LayerChecks */.T4),
  RegistrySink: () => (/* reexport */ sink/* RegistrySink */.P),
  RepositoryClient: () => (/* reexport */ registry_repository/* RepositoryClient */.q$),
  connectRegistry: () => (/* reexport */ connect/* connectRegistry */.g),
  copyArtifact: () => (/* reexport */ copy/* copyArtifact */.E),
  readCaFile: () => (/* reexport */ connect/* readCaFile */.R),
  reusableLayers: () => (/* binding */ reusableLayers),
  reuseKey: () => (/* reexport */ reuseKey)
});

// EXTERNAL MODULE: ./src/lib/image/media-types.ts
var media_types = __webpack_require__(5489);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/registry/repository.ts + 1 modules
var registry_repository = __webpack_require__(2186);
// EXTERNAL MODULE: ./src/lib/image/json.ts
var image_json = __webpack_require__(3707);
// EXTERNAL MODULE: ./src/lib/image/limits.ts
var limits = __webpack_require__(9041);
// EXTERNAL MODULE: ./src/lib/image/parse.ts
var parse = __webpack_require__(1750);
;// CONCATENATED MODULE: ./src/lib/registry/reuse.ts





/**
 * Reads what a target tag holds now: its layers by diff_id and encoding. A re-push of the same
 * image then knows every layer's digest without compressing anything: HEAD, check the tarball's
 * bytes, and finish. Any trouble (no tag, an index, a foreign config) just means nothing to reuse.
 */
async function layersOfTag(repository, tag, logger) {
    const layers = new Map();
    const name = `${repository.path}:${tag}`;
    try {
        const manifest = await repository.getManifest(tag, media_types/* IMAGE_MANIFEST_ACCEPT */.Pi, limits/* LIMITS */.b.manifestBytes);
        if (!manifest)
            return layers;
        const json = new image_json/* JsonReader */.O(`${name} manifest`, 'REGISTRY_ERROR');
        const parsed = (0,parse/* parseManifest */.Ng)(json, manifest.bytes, {
            outerMediaType: manifest.mediaType,
            name,
        });
        if (parsed.kind !== 'image')
            return layers;
        const configBytes = await repository.getBlobBytes(parsed.config.digest, limits/* LIMITS */.b.configBytes);
        if (!configBytes)
            return layers;
        const image = (0,parse/* readImageLayers */.oj)(new image_json/* JsonReader */.O(`${name} config`, 'REGISTRY_ERROR'), { mediaType: parsed.config.mediaType, bytes: configBytes }, parsed.layers, name);
        if (!image?.isFilesystem)
            return layers;
        parsed.layers
            .filter((layer) => (0,media_types/* isTarLayerMediaType */.HQ)(layer.mediaType))
            .forEach(({ digest, size, mediaType }, index) => layers.set(reuseKey(image.diffIds[index], (0,media_types/* compressionOfMediaType */.um)(mediaType)), {
            digest,
            size,
            mediaType,
        }));
        logger.debug(`${name} holds ${layers.size} layers to reuse`);
    }
    catch (error) {
        // Auth failures are real and surface on the push itself; anything else only disables reuse.
        if (error instanceof errors/* TarPushError */.q$ &&
            (error.code === 'AUTH_FAILED' || error.code === 'AUTH_DENIED'))
            throw error;
        logger.debug(`nothing to reuse from ${name}: ${error.message}`);
    }
    return layers;
}
const reuseKey = (diffId, compression) => `${diffId} ${compression}`;

// EXTERNAL MODULE: ./src/lib/registry/sink.ts
var sink = __webpack_require__(6560);
// EXTERNAL MODULE: ./src/lib/engine/copy.ts + 3 modules
var copy = __webpack_require__(2681);
// EXTERNAL MODULE: ./src/lib/engine/verify.ts + 2 modules
var verify = __webpack_require__(3857);
// EXTERNAL MODULE: ./src/lib/registry/connect.ts + 4 modules
var connect = __webpack_require__(1601);
;// CONCATENATED MODULE: ./src/lib/push-registry.ts










/**
 * A push to REPO@DIGEST: the image's manifest (the index's, for several platforms) must have
 * that digest. Checked before its PUT, so a wrong digest publishes nothing (its blobs, like any
 * blob without a manifest, are the registry's garbage to collect).
 */
class DigestCheckedSink extends sink/* RegistrySink */.P {
    #artifact;
    #digest;
    #name;
    constructor(repository, artifact, digest, name) {
        super(repository);
        this.#artifact = artifact;
        this.#digest = digest;
        this.#name = name;
    }
    async putManifest(manifest, target) {
        const top = this.#artifact.kind === 'image' || (0,media_types/* isIndexMediaType */.$$)(manifest.mediaType);
        if (top && manifest.digest !== this.#digest) {
            throw new errors/* TarPushError */.q$('USAGE', `image names ${this.#name}@${this.#digest}, but the image pushed is ${manifest.digest}; nothing was published`, {
                subject: `${this.#name}@${this.#digest}`,
                hint: 'drop the @digest from image to push by tag, or name the digest this tarball pushes as (it depends on the compression)',
            });
        }
        await super.putManifest(manifest, target);
    }
}
/**
 * Layers whose digests are known without compressing: what one of the target tags holds now
 * (the first that exists), and what the tagged `mount-from` images hold (their blobs mountable).
 */
async function reusableLayers(repository, tags, mountFrom, logger) {
    let own = new Map();
    for (const tag of tags) {
        own = await layersOfTag(repository, tag, logger);
        if (own.size > 0)
            break;
    }
    const known = new Map();
    for (const source of mountFrom) {
        const reference = source.digest ?? source.tag;
        if (reference === undefined)
            continue;
        const from = new registry_repository/* RepositoryClient */.q$(repository.client, source.path, 'pull');
        for (const [key, layer] of await layersOfTag(from, reference, logger))
            known.set(key, layer);
    }
    for (const [key, layer] of own)
        known.set(key, layer);
    return known;
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
