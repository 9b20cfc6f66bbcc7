export const id = 606;
export const ids = [606];
export const modules = {

/***/ 3707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ JsonReader)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);

/**
 * Reads external JSON through checks that name the document and the field that is wrong,
 * e.g. `manifest.json: [0].Layers[2] must be a string`.
 */
class JsonReader {
    #document;
    #code;
    #hint;
    constructor(document, code = 'TARBALL_JSON', hint = 'the image archive was written by a broken tool or altered; save the image again') {
        this.#document = document;
        this.#code = code;
        this.#hint = hint;
    }
    get document() {
        return this.#document;
    }
    parse(bytes) {
        try {
            return JSON.parse(bytes.toString('utf8'));
        }
        catch (error) {
            throw this.fail('', `is not valid JSON (${error.message})`);
        }
    }
    fail(path, problem) {
        const where = path ? `${this.#document}: ${path}` : this.#document;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TarPushError */ .q$(this.#code, `${where} ${problem}`, {
            subject: this.#document,
            hint: this.#hint,
        });
    }
    object(value, path) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw this.fail(path, 'must be an object');
        }
        return value;
    }
    array(value, path) {
        if (!Array.isArray(value))
            throw this.fail(path, 'must be an array');
        return value;
    }
    string(value, path) {
        if (typeof value !== 'string')
            throw this.fail(path, 'must be a string');
        return value;
    }
    optionalString(value, path) {
        return value === undefined || value === null ? undefined : this.string(value, path);
    }
    size(value, path) {
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
            throw this.fail(path, 'must be a non-negative integer');
        }
        return value;
    }
    stringArray(value, path) {
        return this.array(value, path).map((item, index) => this.string(item, `${path}[${index}]`));
    }
    stringMap(value, path) {
        if (value === undefined || value === null)
            return undefined;
        const object = this.object(value, path);
        for (const [key, item] of Object.entries(object))
            this.string(item, `${path}.${key}`);
        return object;
    }
}


/***/ }),

/***/ 9041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ LIMITS)
/* harmony export */ });
/**
 * The most bytes read into memory for each kind of JSON document, whatever its source (a
 * tarball, a layout, a registry): far above real ones, low enough to refuse a hostile file or
 * registry. One value per kind, used everywhere that kind is read.
 */
const LIMITS = {
    /** An image manifest, an index, a docker save's manifest.json, a layout's index.json. */
    manifestBytes: 4 * 1024 * 1024,
    /** An image config (a long build history makes it large; real ones stay under 1 MiB). */
    configBytes: 32 * 1024 * 1024,
    /** A layout's oci-layout file. */
    layoutFileBytes: 64 * 1024,
    /** Indexes inside indexes. */
    indexDepth: 4,
};


/***/ }),

/***/ 1750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MP: () => (/* binding */ readImageConfig),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   oj: () => (/* binding */ readImageLayers),
/* harmony export */   qq: () => (/* binding */ readDescriptor),
/* harmony export */   w: () => (/* binding */ layersOf)
/* harmony export */ });
/* unused harmony exports readPlatform, unsupportedManifest */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5489);



/** An OCI descriptor (a manifest's config and layers, an index's manifests), its digest checked. */
function readDescriptor(json, value, path) {
    const object = json.object(value, path);
    const annotations = json.stringMap(object['annotations'], `${path}.annotations`);
    const platform = object['platform'] === undefined
        ? undefined
        : readPlatform(json, object['platform'], `${path}.platform`);
    return {
        mediaType: json.string(object['mediaType'], `${path}.mediaType`),
        digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .assertDigest */ .V7)(object['digest'], `${json.document}: ${path}.digest`),
        size: json.size(object['size'], `${path}.size`),
        ...(annotations ? { annotations } : {}),
        ...(platform ? { platform } : {}),
    };
}
/** An index entry's platform. */
function readPlatform(json, value, path) {
    const object = json.object(value, path);
    const variant = json.optionalString(object['variant'], `${path}.variant`);
    return {
        os: json.string(object['os'], `${path}.os`),
        architecture: json.string(object['architecture'], `${path}.architecture`),
        ...(variant ? { variant } : {}),
    };
}
/** What a parsed image config says about its layers (rootfs.diff_ids) and its platform. */
function readImageConfig(json, value) {
    const config = json.object(value, '');
    const rootfs = json.object(config['rootfs'], 'rootfs');
    const diffIds = json
        .stringArray(rootfs['diff_ids'] ?? [], 'rootfs.diff_ids')
        .map((value, index) => (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .assertDigest */ .V7)(value, `${json.document}: rootfs.diff_ids[${index}]`));
    const os = json.optionalString(config['os'], 'os');
    const architecture = json.optionalString(config['architecture'], 'architecture');
    const variant = json.optionalString(config['variant'], 'variant');
    const osVersion = json.optionalString(config['os.version'], 'os.version');
    const osFeatures = config['os.features'] === undefined
        ? undefined
        : json.stringArray(config['os.features'], 'os.features');
    const platform = os && architecture
        ? {
            os,
            architecture,
            ...(variant ? { variant } : {}),
            ...(osVersion ? { 'os.version': osVersion } : {}),
            ...(osFeatures && osFeatures.length > 0 ? { 'os.features': osFeatures } : {}),
        }
        : undefined;
    return { diffIds, platform };
}
/**
 * Parses a manifest or index and tells which it is: by its own `mediaType`, else by the type its
 * source gave (a descriptor's, a Content-Type), else by its shape (OCI lets the field be absent).
 * Docker schema 1 and unknown types are refused with what to do.
 */
function parseManifest(json, bytes, options) {
    const body = json.object(json.parse(bytes), '');
    const own = json.optionalString(body['mediaType'], 'mediaType');
    const known = [own, options.outerMediaType].find((type) => type !== undefined &&
        ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(type) || (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageManifestMediaType */ .d6)(type) || (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isSchema1MediaType */ .H)(type)));
    const mediaType = known ??
        (body['schemaVersion'] === 2 && Array.isArray(body['manifests'])
            ? _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex
            : body['schemaVersion'] === 2 && body['config'] !== undefined && Array.isArray(body['layers'])
                ? _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest
                : body['schemaVersion'] === 1
                    ? _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerSchema1
                    : undefined);
    if (mediaType === undefined) {
        throw unsupportedManifest(options.name, `its manifest has the unknown media type "${own ?? options.outerMediaType ?? ''}"`);
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isSchema1MediaType */ .H)(mediaType)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('MANIFEST_UNSUPPORTED', `${options.name} is a Docker schema 1 manifest, which is deprecated and not supported`, {
            subject: options.name,
            hint: 'push the image again with a current docker, buildx, skopeo or tar-push (they write schema 2 or OCI)',
        });
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(mediaType)) {
        const manifests = json
            .array(body['manifests'], 'manifests')
            .map((entry, position) => readDescriptor(json, entry, `manifests[${position}]`));
        return { kind: 'index', mediaType, body, manifests };
    }
    return {
        kind: 'image',
        mediaType,
        body,
        config: readDescriptor(json, body['config'], 'config'),
        layers: json
            .array(body['layers'] ?? [], 'layers')
            .map((layer, position) => readDescriptor(json, layer, `layers[${position}]`)),
    };
}
function unsupportedManifest(name, what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('MANIFEST_UNSUPPORTED', `${name}: ${what}`, {
        subject: name,
        hint: 'pull it with format oci (--format oci), which copies any OCI artifact as it is',
    });
}
/**
 * What an image's config says of its layers, when it is a container image config: a filesystem
 * whose tar layers are, in order, the config's diff_ids. Attestation manifests (buildx) carry an
 * image config whose diff_ids name their in-toto layers: with no tar layer at all, the layers are
 * opaque blobs, not a filesystem. Returns undefined for other artifacts.
 */
function readImageLayers(json, config, layers, where) {
    if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageConfigMediaType */ .i8)(config.mediaType))
        return undefined;
    const parsed = readImageConfig(json, json.parse(config.bytes));
    const tarCount = layers.filter((layer) => (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isTarLayerMediaType */ .HQ)(layer.mediaType)).length;
    const isFilesystem = tarCount > 0;
    if (isFilesystem && tarCount !== parsed.diffIds.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('LAYER_COUNT_MISMATCH', `${where} lists ${tarCount} layers but its config has ${parsed.diffIds.length} rootfs.diff_ids`, { subject: where, hint: 'the image is inconsistent; save or push it again' });
    }
    return { ...parsed, isFilesystem };
}
/**
 * The layers of an image manifest as the model has them: the tar layers of a filesystem take
 * the config's diff_ids in order; any other blob (an artifact's, an attestation's) is opaque,
 * named by its digest. `content` gives each layer's bytes.
 */
function layersOf(descriptors, image, content) {
    let tarIndex = 0;
    return descriptors.map((descriptor, index) => {
        const isTar = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isTarLayerMediaType */ .HQ)(descriptor.mediaType) && image?.isFilesystem === true;
        return {
            diffId: isTar ? image.diffIds[tarIndex++] : descriptor.digest,
            compression: isTar ? (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .compressionOfMediaType */ .um)(descriptor.mediaType) : 'none',
            storedDigest: descriptor.digest,
            mediaType: descriptor.mediaType,
            isTar,
            ...(descriptor.annotations ? { annotations: descriptor.annotations } : {}),
            content: content(descriptor, index),
        };
    });
}


/***/ }),

/***/ 4130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   GQ: () => (/* binding */ runnerPlatform),
/* harmony export */   J5: () => (/* binding */ platformMatches),
/* harmony export */   T0: () => (/* binding */ isRunnablePlatform)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);

/** Node's names for CPU architectures, in the OCI image-spec's (GOARCH) words. */
const ARCHITECTURES = {
    x64: 'amd64',
    ia32: '386',
    arm64: 'arm64',
    arm: 'arm',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
};
/** The platform this process runs on, as `docker pull` picks it by default. */
function runnerPlatform() {
    const architecture = ARCHITECTURES[process.arch] ?? process.arch;
    const platform = { os: 'linux', architecture };
    if (architecture === 'arm64')
        platform.variant = 'v8';
    if (architecture === 'arm') {
        const armVersion = process.config.variables.arm_version;
        platform.variant = `v${armVersion ?? '7'}`;
    }
    return platform;
}
/** Parses `os/arch[/variant]` (linux/amd64, linux/arm64/v8, linux/arm/v7). */
function parsePlatform(value) {
    const parts = value.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^[a-z0-9._-]+$/i.test(part))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TarPushError */ .q$('USAGE', `invalid platform "${value}"`, {
            subject: value,
            hint: 'write a platform as os/architecture[/variant], e.g. linux/amd64 or linux/arm64/v8',
        });
    }
    const [os, architecture, variant] = parts;
    return { os, architecture, ...(variant ? { variant } : {}) };
}
const formatPlatform = (platform) => [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
/** Default variants, as containerd normalises them: arm64 means arm64/v8, arm means arm/v7. */
const normalVariant = (platform) => platform.variant ||
    (platform.architecture === 'arm64' ? 'v8' : platform.architecture === 'arm' ? 'v7' : undefined);
/** Whether an index entry's platform serves the wanted one (a variant, when wanted, must match). */
function platformMatches(wanted, offered) {
    if (wanted.os !== offered.os || wanted.architecture !== offered.architecture)
        return false;
    const variant = normalVariant(wanted);
    return variant === undefined || variant === normalVariant(offered);
}
/** Attestation and other non-runnable entries of an index (buildx writes unknown/unknown). */
const isRunnablePlatform = (platform) => platform !== undefined && platform.os !== 'unknown' && platform.architecture !== 'unknown';


/***/ }),

/***/ 8606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lh: () => (/* binding */ isContainerImage),
/* harmony export */   d2: () => (/* binding */ readRemoteArtifact)
/* harmony export */ });
/* unused harmony export remoteSource */
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7268);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6053);
/* harmony import */ var _image_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3707);
/* harmony import */ var _image_limits_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9041);
/* harmony import */ var _image_media_types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5489);
/* harmony import */ var _image_parse_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1750);
/* harmony import */ var _image_platform_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4130);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2470);











/**
 * A registry as an image source: GETs the manifest with every type accepted, verifies each
 * document against the digest that names it, picks a platform from an index (or keeps them all),
 * and reads the configs. Layers are read later, as resumable blob GETs.
 */
async function readRemoteArtifact(repository, reference, options) {
    const name = (0,_reference_js__WEBPACK_IMPORTED_MODULE_10__/* .formatReference */ .FH)(reference);
    const top = await fetchManifest(repository, reference.digest ?? reference.tag ?? 'latest', name);
    if (reference.digest)
        verifyDigest(top, reference.digest, name);
    else if (top.registryDigest && (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .algorithmOf */ .Hy)(top.registryDigest) === 'sha256') {
        verifyDigest(top, top.registryDigest, name);
    }
    const parsed = parseRegistryManifest(top, name);
    const raw = { ...top, mediaType: parsed.mediaType };
    if (parsed.kind === 'image') {
        const image = await imageOf(repository, raw, parsed, name, undefined);
        const wanted = options.platform;
        if (wanted !== 'all' && image.platform && !(0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .platformMatches */ .J5)(wanted, image.platform)) {
            const offered = (0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .formatPlatform */ .Bq)(image.platform);
            if (!options.defaultPlatform) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('PLATFORM_NOT_FOUND', `${name} has no image for ${(0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .formatPlatform */ .Bq)(wanted)}; it has ${offered} (a single-platform image)`, {
                    subject: name,
                    hint: `ask for ${offered} with platform (--platform ${offered}), or leave platform out to take the image whatever its platform`,
                });
            }
            options.logger.warn(`${name} is a single-platform image for ${offered}, not ${(0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .formatPlatform */ .Bq)(wanted)} (this machine's); pulling it anyway`);
        }
        return { reference, referenceDigest: top.digest, artifact: image };
    }
    if (options.platform !== 'all') {
        const chosen = choosePlatform(parsed.manifests, options.platform, name);
        const image = await memberImage(repository, chosen, `${name} (${(0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .formatPlatform */ .Bq)(chosen.platform)})`, name);
        return { reference, referenceDigest: top.digest, artifact: image };
    }
    const children = [];
    for (const member of parsed.manifests) {
        children.push(await memberImage(repository, member, `${name}@${member.digest}`, name));
    }
    const index = { kind: 'index', manifest: raw, children };
    return { reference, referenceDigest: top.digest, artifact: index };
}
/** The entries of a remote artifact as an image source (for the engine). */
function remoteSource(remote) {
    const { reference } = remote;
    return {
        name: formatReference(reference),
        entries: [{ refs: reference.tag ? [reference.tag] : [], artifact: remote.artifact }],
        close: async () => { },
    };
}
async function memberImage(repository, descriptor, label, name) {
    const child = await fetchManifest(repository, descriptor.digest, label);
    verifyDigest(child, descriptor.digest, name);
    if (child.bytes.length !== descriptor.size) {
        throw mismatch(name, `its ${descriptor.digest} manifest is ${child.bytes.length} bytes, the index says ${descriptor.size}`);
    }
    const parsed = parseRegistryManifest(child, name);
    if (parsed.kind !== 'image') {
        throw unsupported(name, `the index entry ${descriptor.digest} is not an image manifest`);
    }
    return imageOf(repository, { ...child, mediaType: parsed.mediaType }, parsed, name, descriptor.platform);
}
async function imageOf(repository, manifest, parsed, name, indexPlatform) {
    const config = await fetchConfig(repository, parsed.config, name);
    const image = (0,_image_parse_js__WEBPACK_IMPORTED_MODULE_8__/* .readImageLayers */ .oj)(registryJson(`${name}: config ${config.digest}`), config, parsed.layers, name);
    const diffIds = image?.diffIds ?? [];
    const layers = (0,_image_parse_js__WEBPACK_IMPORTED_MODULE_8__/* .layersOf */ .w)(parsed.layers, image, (descriptor) => ({
        origin: repository.client.resolve(`/v2/${repository.path}/blobs/${descriptor.digest}`),
        size: descriptor.size,
        remote: true,
        open: async () => openRemoteBlob(repository, descriptor),
    }));
    return {
        kind: 'image',
        flavor: (0,_image_media_types_js__WEBPACK_IMPORTED_MODULE_7__/* .flavorOfManifest */ .j7)(manifest.mediaType),
        config,
        diffIds,
        layers,
        manifest,
        platform: image?.platform ?? indexPlatform,
    };
}
/** Whether an image is a container image (its config an image config), not another artifact. */
const isContainerImage = (image) => (0,_image_media_types_js__WEBPACK_IMPORTED_MODULE_7__/* .isImageConfigMediaType */ .i8)(image.config.mediaType);
/**
 * A blob's bytes as one stream, resumed where it stopped when the connection breaks (a Range
 * request; a registry that ignores Range sends the whole blob again and what we have is skipped).
 * The engine's verifier checks what comes out; this only counts bytes.
 */
function openRemoteBlob(repository, descriptor) {
    const url = repository.client.resolve(`/v2/${repository.path}/blobs/${descriptor.digest}`);
    const output = new node_stream__WEBPACK_IMPORTED_MODULE_1__.PassThrough({ highWaterMark: 1024 * 1024 });
    let offset = 0;
    const pump = async () => {
        await repository.client.withRetries(`GET ${url}`, async () => {
            const response = await repository.openBlob(descriptor.digest, offset);
            let skip = offset > 0 && response.statusCode === 200 ? offset : 0;
            try {
                for await (const received of response.body) {
                    if (output.destroyed)
                        throw stopped();
                    let chunk = received;
                    if (skip > 0) {
                        const dropped = Math.min(skip, chunk.length);
                        skip -= dropped;
                        chunk = chunk.subarray(dropped);
                        if (chunk.length === 0)
                            continue;
                    }
                    if (offset + chunk.length > descriptor.size) {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('BLOB_DIGEST_MISMATCH', `the blob ${descriptor.digest} from ${url} is more than ${descriptor.size} bytes, the size its descriptor says`, { subject: url, hint: 'the registry serves a corrupt blob; push the image again' });
                    }
                    offset += chunk.length;
                    if (!output.write(chunk))
                        await Promise.race([(0,node_events__WEBPACK_IMPORTED_MODULE_0__.once)(output, 'drain'), (0,node_events__WEBPACK_IMPORTED_MODULE_0__.once)(output, 'close')]);
                }
            }
            catch (error) {
                response.body.destroy();
                throw (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .transportError */ .WQ)(error, 'GET', url);
            }
            if (offset < descriptor.size) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('NETWORK_ERROR', `GET ${url} ended after ${offset} of ${descriptor.size} bytes`, { subject: url, hint: 'the connection broke off; try again', retryable: true });
            }
        });
    };
    pump().then(() => output.end(), (error) => output.destroy(error));
    return output;
}
/** The consumer went away (a failed check elsewhere, a cancel): not something to retry. */
const stopped = () => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('NETWORK_ERROR', 'the download was stopped', { retryable: false });
async function fetchManifest(repository, reference, name) {
    const manifest = await repository.getManifest(reference, _image_media_types_js__WEBPACK_IMPORTED_MODULE_7__/* .MANIFEST_ACCEPT */ .dY, _image_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .LIMITS */ .b.manifestBytes);
    if (!manifest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('IMAGE_NOT_FOUND', `${name}: the registry has no manifest "${reference}"`, {
            subject: name,
            hint: 'check the repository name and the tag or digest (and that the credentials may read it)',
        });
    }
    return manifest;
}
/** The digest that names a document must be the hash of its bytes, in that digest's algorithm. */
function verifyDigest(document, expected, name) {
    if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .matchesDigest */ ._j)(document.bytes, expected)) {
        const actual = (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestIn */ .s)((0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .algorithmOf */ .Hy)(expected), document.bytes);
        throw mismatch(name, `the manifest's bytes hash to ${actual}, not ${expected}`);
    }
}
function mismatch(name, what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('MANIFEST_DIGEST_MISMATCH', `${name}: ${what}`, {
        subject: name,
        hint: 'the registry (or a proxy in between) altered the manifest; do not trust this image',
    });
}
function unsupported(name, what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('MANIFEST_UNSUPPORTED', `${name}: ${what}`, {
        subject: name,
        hint: 'pull it with format oci (--format oci), which copies any OCI artifact as it is',
    });
}
const registryJson = (document) => new _image_json_js__WEBPACK_IMPORTED_MODULE_5__/* .JsonReader */ .O(document, 'REGISTRY_ERROR', 'the registry holds a malformed image (or is not a registry); push the image again');
function parseRegistryManifest(raw, name) {
    return (0,_image_parse_js__WEBPACK_IMPORTED_MODULE_8__/* .parseManifest */ .Ng)(registryJson(`${name}: manifest ${raw.digest}`), raw.bytes, {
        outerMediaType: raw.mediaType,
        name,
    });
}
function choosePlatform(manifests, wanted, name) {
    const runnable = manifests.filter((entry) => (0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .isRunnablePlatform */ .T0)(entry.platform));
    const chosen = runnable.find((entry) => (0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .platformMatches */ .J5)(wanted, entry.platform));
    if (!chosen) {
        const offered = [...new Set(runnable.map((entry) => (0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .formatPlatform */ .Bq)(entry.platform)))];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('PLATFORM_NOT_FOUND', `${name} has no image for ${(0,_image_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .formatPlatform */ .Bq)(wanted)}; it has ${offered.length > 0 ? offered.join(', ') : 'no runnable platform'}`, { subject: name, hint: 'choose one of those with platform (--platform os/arch[/variant])' });
    }
    return chosen;
}
async function fetchConfig(repository, descriptor, name) {
    if (descriptor.size > _image_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .LIMITS */ .b.configBytes) {
        throw unsupported(name, `its config is ${descriptor.size} bytes, more than ${_image_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .LIMITS */ .b.configBytes}`);
    }
    const bytes = await repository.getBlobBytes(descriptor.digest, descriptor.size);
    if (!bytes || bytes.length !== descriptor.size) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('BLOB_DIGEST_MISMATCH', `${name}: the config blob ${descriptor.digest} is missing or does not match its digest and size`, {
            subject: descriptor.digest,
            hint: 'the registry lost or altered the blob; push the image again',
        });
    }
    return { bytes, digest: descriptor.digest, mediaType: descriptor.mediaType };
}


/***/ })

};
