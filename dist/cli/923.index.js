export const id = 923;
export const ids = [923];
export const modules = {

/***/ 6923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPullCommand: () => (/* binding */ runPullCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/lib/format.ts
var lib_format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/lib/engine/copy.ts + 3 modules
var copy = __webpack_require__(2681);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/image/platform.ts
var platform = __webpack_require__(4130);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/lib/reference.ts
var lib_reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/lib/registry/connect.ts + 4 modules
var connect = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/lib/registry/repository.ts + 1 modules
var registry_repository = __webpack_require__(2186);
// EXTERNAL MODULE: ./src/lib/registry/source.ts
var source = __webpack_require__(8606);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/digest.ts
var lib_digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/image/layout.ts
var layout = __webpack_require__(3423);
;// CONCATENATED MODULE: ./src/lib/write/documents.ts



/** The manifest bytes of an image written to disk: a disk sink writes the source's manifest. */
function manifestOf(image) {
    if (!image.manifest)
        throw new Error('an image written to disk needs its manifest bytes');
    return image.manifest;
}
/** A disk sink writes the manifest it was opened with; any other one is a caller's mistake. */
function checkManifest(name, expected, manifest) {
    if (manifest.digest !== expected.digest) {
        throw new Error(`${name}: the manifest put (${manifest.digest}) is not the one the sink was opened with (${expected.digest}); pull to disk copies layers unchanged (compression none)`);
    }
}
/** A layer's blob as the manifest names it. */
function layerDescriptor(layer) {
    if (layer.storedDigest === undefined || layer.mediaType === undefined) {
        throw new Error(`layer ${layer.content.origin} has no stored digest or media type`);
    }
    return { mediaType: layer.mediaType, digest: layer.storedDigest, size: layer.content.size };
}
/** The name docker shows (alpine:3, org/app:1, ghcr.io/org/app:1), as docker save writes RepoTags. */
function familiarName(reference) {
    if (reference.tag === undefined)
        return undefined;
    return `${(0,lib_reference/* familiarRepository */.Yu)(reference)}:${reference.tag}`;
}
/**
 * The index.json descriptor of a pulled image: the tag as OCI's ref name (what skopeo's `oci:`
 * reads) and the full reference as containerd's image name (what docker load 25+ reads).
 */
function manifestDescriptor({ reference, image }) {
    const manifest = manifestOf(image);
    const annotations = {
        [layout/* ANNOTATION_CONTAINERD_NAME */.Kh]: (0,lib_reference/* formatReference */.FH)({ ...reference, digest: undefined }),
    };
    if (reference.tag !== undefined)
        annotations[layout/* ANNOTATION_REF_NAME */._0] = reference.tag;
    else
        annotations[layout/* ANNOTATION_CONTAINERD_NAME */.Kh] = `${annotations[layout/* ANNOTATION_CONTAINERD_NAME */.Kh]}@${manifest.digest}`;
    return {
        mediaType: manifest.mediaType,
        digest: manifest.digest,
        size: manifest.bytes.length,
        annotations,
        ...(image.platform ? { platform: image.platform } : {}),
    };
}
/** An index.json holding `existing` entries (of a layout being added to) and this image. */
function indexJson(named, existing = []) {
    const descriptor = manifestDescriptor(named);
    const refName = descriptor.annotations?.[layout/* ANNOTATION_REF_NAME */._0];
    // Like skopeo, a tag names one image: an older entry of the same name is replaced.
    const kept = existing.filter((entry) => refName === undefined || entry.annotations?.[layout/* ANNOTATION_REF_NAME */._0] !== refName);
    return (0,layout/* layoutIndexJson */.Nd)([...kept, descriptor]);
}
/** docker load's manifest.json (every docker version reads it) and the legacy repositories file. */
function dockerLoadFiles({ reference, image, }) {
    const name = familiarName(reference);
    const layers = image.layers.map(layerDescriptor);
    const manifest = [
        {
            Config: (0,layout/* blobPath */.nD)(image.config.digest),
            RepoTags: name ? [name] : [],
            Layers: layers.map((layer) => (0,layout/* blobPath */.nD)(layer.digest)),
        },
    ];
    const files = [{ name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest)}\n`) }];
    const top = layers.at(-1);
    if (name && top) {
        const colon = name.lastIndexOf(':');
        const repositories = { [name.slice(0, colon)]: { [name.slice(colon + 1)]: (0,lib_digest/* hexOf */.ZD)(top.digest) } };
        files.push({ name: 'repositories', bytes: Buffer.from(`${JSON.stringify(repositories)}\n`) });
    }
    return files;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/lib/pooled-file.ts
var pooled_file = __webpack_require__(9059);
;// CONCATENATED MODULE: ./src/lib/write/files.ts





/**
 * What the disk sinks share: temporary names next to their target, the writing of a blob's
 * stream to a file, the removal of what they wrote, and the bookkeeping that lets `abort` stop
 * every write still running before it removes anything.
 */
/**
 * A temporary name in the target's own directory (`.out.tar.tar-push-<pid>-<random>`): the
 * commit is then a rename on one file system, and nothing goes to the system temp dir.
 */
function tempSibling(target, suffix = '') {
    const random = (0,external_node_crypto_.randomBytes)(4).toString('hex');
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(target), `.${(0,external_node_path_.basename)(target)}.tar-push-${process.pid}-${random}${suffix}`);
}
/** A failed write of the output (disk full, permissions), named as such. */
function outputError(error, subject) {
    if (error instanceof errors/* TarPushError */.q$)
        return error;
    const cause = error;
    return new errors/* TarPushError */.q$('OUTPUT_ERROR', `cannot write the output: ${cause.message}`, {
        subject: cause.path ?? subject,
        hint: cause.code === 'ENOSPC' ? 'free disk space' : 'check the output path and its permissions',
        cause: error,
    });
}
/** An error of the file system (it has an errno code), as opposed to one of the bytes read. */
const isFileSystemError = (error) => !(error instanceof errors/* TarPushError */.q$) &&
    typeof error?.code === 'string' &&
    typeof error.syscall === 'string';
/**
 * Makes the missing ancestors of `directory`; returns the topmost one it made (to remove on
 * abort), or undefined when all were there.
 */
async function makeDirectories(directory) {
    try {
        return await (0,promises_.mkdir)(directory, { recursive: true });
    }
    catch (error) {
        throw outputError(error, directory);
    }
}
const lengthError = (blob, what) => new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `blob ${blob.digest} is ${what} than its descriptor's ${blob.size} bytes`, { subject: blob.digest, hint: 'the source serves a corrupt blob; push the image again' });
/**
 * Writes `stream` (the engine's verified bytes of `blob`) at `position` of an open file, or at
 * its current position when `position` is null; fails, having written no byte past the blob's
 * size, when the stream errors or has not exactly `blob.size` bytes. Errors of the file system
 * become OUTPUT_ERROR; the stream's own errors (verification, network) pass unchanged.
 */
async function writeStream(stream, handle, blob, position) {
    let written = 0;
    // Readable's chunks are Buffers here: every stream the engine hands over is a byte stream.
    for await (const data of stream) {
        if (written + data.length > blob.size)
            throw lengthError(blob, 'longer');
        await (0,pooled_file/* writeFully */.K)(handle, data, position === null ? null : position + written).catch((error) => {
            throw outputError(error);
        });
        written += data.length;
    }
    if (written !== blob.size)
        throw lengthError(blob, 'shorter');
}
/** Writes a blob's stream to a new file at `path`; on any failure the file is removed. */
async function writeBlobFile(stream, path, blob) {
    const handle = await (0,promises_.open)(path, 'wx').catch((error) => {
        stream.destroy();
        throw outputError(error, path);
    });
    let closed = false;
    try {
        await writeStream(stream, handle, blob, null);
        closed = true;
        await handle.close().catch((error) => {
            throw outputError(error, path);
        });
    }
    catch (error) {
        if (!closed)
            await handle.close().catch(() => { });
        await (0,promises_.rm)(path, { force: true });
        throw error;
    }
}
/**
 * Renames `from` onto `to`. A directory replaces an empty directory (rename(2) does that on
 * POSIX; elsewhere the empty one is removed first); a non-empty one is never replaced.
 */
async function renameOnto(from, to) {
    try {
        await (0,promises_.rename)(from, to);
    }
    catch (error) {
        const code = error.code;
        if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EISDIR') {
            throw outputError(error, to);
        }
        const stats = await (0,promises_.lstat)(to).catch(() => undefined);
        if (!stats?.isDirectory())
            throw outputError(error, to);
        try {
            await (0,promises_.rmdir)(to);
            await (0,promises_.rename)(from, to);
        }
        catch (retryError) {
            throw outputError(retryError, to);
        }
    }
}
/**
 * Removes a tree this sink wrote, also one whose directories an image made read-only (a
 * rootfs after its directory modes were applied).
 */
async function removeTree(path) {
    try {
        await (0,promises_.rm)(path, { recursive: true, force: true });
    }
    catch (error) {
        const code = error.code;
        if (code !== 'EACCES' && code !== 'EPERM')
            throw error;
        await makeWritable(path);
        await (0,promises_.rm)(path, { recursive: true, force: true });
    }
}
async function makeWritable(path) {
    const stats = await (0,promises_.lstat)(path).catch(() => undefined);
    if (!stats?.isDirectory())
        return;
    await (0,promises_.chmod)(path, (stats.mode & 0o7777) | 0o700);
    for (const entry of await (0,promises_.readdir)(path))
        await makeWritable((0,external_node_path_.join)(path, entry));
}
/**
 * The puts a sink has running and the streams they read. `abort` stops the streams (their
 * puts then fail) and waits for every put to settle before it removes files, so that no put
 * writes into a place that was just cleaned up.
 */
class Puts {
    #name;
    #state = 'open';
    #streams = new Set();
    #running = new Set();
    #aborting;
    constructor(name) {
        this.#name = name;
    }
    get state() {
        return this.#state;
    }
    set state(state) {
        this.#state = state;
    }
    assertOpen() {
        if (this.#state !== 'open') {
            throw new Error(`${this.#name}: the sink is ${this.#state}; nothing more can be put`);
        }
    }
    /** Runs a put (refused once the sink is committing or aborted) and tracks it. */
    run(task) {
        this.assertOpen();
        const running = task();
        const tracked = running.finally(() => this.#running.delete(tracked));
        tracked.catch(() => { });
        this.#running.add(tracked);
        return running;
    }
    /** Opens a blob's stream, to be destroyed when the sink stops. */
    async open(blob) {
        const stream = await blob.open();
        if (this.#state !== 'open') {
            stream.destroy();
            this.assertOpen();
        }
        this.#streams.add(stream);
        stream.once('close', () => this.#streams.delete(stream));
        return stream;
    }
    /** Destroys every open stream (with `error`, which their puts then throw). */
    stopStreams(error) {
        for (const stream of this.#streams)
            stream.destroy(error);
    }
    /** Waits until no put is running. */
    async settled() {
        while (this.#running.size > 0)
            await Promise.allSettled([...this.#running]);
    }
    /**
     * The one abort of a sink: runs once, and never after a commit. Stops the sink's streams
     * (and whatever `stopping` stops), waits for every put to settle, then `undo` removes what
     * the sink wrote, so that no put writes into a place just cleaned up.
     */
    abort(steps) {
        this.#aborting ??= (async () => {
            if (this.#state === 'committed')
                return;
            this.#state = 'aborted';
            steps.stopping?.();
            this.stopStreams();
            await this.settled();
            await steps.undo();
        })();
        return this.#aborting;
    }
}

;// CONCATENATED MODULE: ./src/lib/write/oci-layout.ts







/**
 * Writes an image into an OCI image layout directory. A new layout is written in a temporary
 * directory next to the output and renamed onto it by `commit` (an empty directory there is
 * replaced). A directory that already is a layout is added to, as skopeo's `oci:` does (blobs
 * shared, an older image of the same tag replaced): each new blob is written under a temporary
 * name beside its place and renamed there once its stream ended cleanly, and index.json is
 * replaced last, at `commit`, in one rename. `abort` removes the temporary directory, or the
 * blobs and directories this sink added to the layout, which is then as it was.
 */
class LayoutSink {
    name;
    takesStreamedBlobs = false;
    #output;
    #named;
    #manifest;
    /** The directory blobs are written in: the staging directory, or the existing layout. */
    #root;
    /** A new layout's temporary directory, renamed onto the output by commit. */
    #staging;
    #puts;
    /** Files this sink placed in an existing layout, and the older files they replaced. */
    #added = [];
    #replaced = new Map();
    /** Directories this sink made in an existing layout, outermost first. */
    #madeDirectories = [];
    #directories = new Map();
    #temporaryIndex;
    constructor(output, named, staging) {
        this.name = output;
        this.#output = output;
        this.#named = named;
        this.#manifest = manifestOf(named.image);
        this.#staging = staging;
        this.#root = staging ?? output;
        this.#puts = new Puts(output);
    }
    static async create(output, named, target) {
        if (target.kind === 'existing') {
            await readIndex(output);
            return new LayoutSink(output, named, undefined);
        }
        const staging = tempSibling(output);
        try {
            await (0,promises_.mkdir)(staging);
            if (target.mode !== undefined)
                await (0,promises_.chmod)(staging, target.mode);
        }
        catch (error) {
            await (0,promises_.rm)(staging, { recursive: true, force: true });
            throw outputError(error, output);
        }
        return new LayoutSink(output, named, staging);
    }
    /** The file of a blob in the layout being written. */
    #blobFile(digest) {
        return (0,external_node_path_.join)(this.#root, 'blobs', (0,lib_digest/* algorithmOf */.Hy)(digest), (0,lib_digest/* hexOf */.ZD)(digest));
    }
    async hasBlob(digest, size) {
        return hasSize(this.#blobFile(digest), size);
    }
    async putBlob(blob) {
        await this.#puts.run(async () => {
            const target = this.#blobFile(blob.digest);
            await this.#directory((0,external_node_path_.dirname)(target));
            const temp = tempSibling(target);
            await writeBlobFile(await this.#puts.open(blob), temp, blob);
            await this.#place(temp, target);
        });
    }
    async putManifest(manifest, _target) {
        this.#puts.assertOpen();
        checkManifest(this.name, this.#manifest, manifest);
    }
    async commit() {
        this.#puts.assertOpen();
        this.#puts.state = 'committing';
        await this.#puts.settled();
        const { image } = this.#named;
        try {
            for (const document of [this.#manifest, image.config]) {
                const target = this.#blobFile(document.digest);
                if (await hasSize(target, document.bytes.length))
                    continue;
                await this.#directory((0,external_node_path_.dirname)(target));
                await this.#placeBytes(target, document.bytes);
            }
            const layoutFile = (0,external_node_path_.join)(this.#root, 'oci-layout');
            if (!(await (0,promises_.stat)(layoutFile).catch(() => undefined))) {
                await this.#placeBytes(layoutFile, Buffer.from(layout/* OCI_LAYOUT_FILE */.u2));
            }
            const existing = this.#staging === undefined ? await readIndex(this.#output) : [];
            const index = (0,external_node_path_.join)(this.#root, 'index.json');
            this.#temporaryIndex = tempSibling(index);
            await (0,promises_.writeFile)(this.#temporaryIndex, indexJson(this.#named, existing), { flag: 'wx' });
            await (0,promises_.rename)(this.#temporaryIndex, index);
            this.#temporaryIndex = undefined;
            // The rename that makes the image visible: the new layout's, or the existing one's index.
            if (this.#staging !== undefined)
                await renameOnto(this.#staging, this.#output);
        }
        catch (error) {
            throw outputError(error, this.#output);
        }
        this.#puts.state = 'committed';
        for (const backup of this.#replaced.values())
            await (0,promises_.rm)(backup, { force: true });
    }
    abort() {
        return this.#puts.abort({ undo: () => this.#undo() });
    }
    async #undo() {
        if (this.#temporaryIndex !== undefined)
            await (0,promises_.rm)(this.#temporaryIndex, { force: true });
        if (this.#staging !== undefined) {
            await removeTree(this.#staging);
            return;
        }
        for (const file of this.#added.toReversed())
            await (0,promises_.rm)(file, { force: true });
        for (const [target, backup] of this.#replaced)
            await (0,promises_.rename)(backup, target);
        for (const directory of this.#madeDirectories.toReversed()) {
            await (0,promises_.rmdir)(directory).catch(() => { });
        }
    }
    /** Makes a directory of the layout once; the ones made in an existing layout are recorded. */
    #directory(path) {
        let made = this.#directories.get(path);
        if (!made) {
            made = makeDirectories(path).then((first) => {
                if (first === undefined || this.#staging !== undefined)
                    return;
                // Every level from the first one made down to `path` is new.
                const levels = (0,external_node_path_.relative)(first, path).split(external_node_path_.sep).filter(Boolean);
                let level = first;
                this.#madeDirectories.push(level);
                for (const part of levels)
                    this.#madeDirectories.push((level = (0,external_node_path_.join)(level, part)));
            });
            this.#directories.set(path, made);
        }
        return made;
    }
    async #placeBytes(target, bytes) {
        const temp = tempSibling(target);
        await (0,promises_.writeFile)(temp, bytes, { flag: 'wx' });
        await this.#place(temp, target);
    }
    /**
     * Renames a finished temporary file into place. In an existing layout, what it replaces (a
     * blob of the wrong size) is kept aside until commit, so that abort can put it back.
     */
    async #place(temp, target) {
        try {
            if (this.#staging === undefined && (await (0,promises_.stat)(target).catch(() => undefined))) {
                const backup = tempSibling(target, '.old');
                await (0,promises_.rename)(target, backup);
                this.#replaced.set(target, backup);
            }
            await (0,promises_.rename)(temp, target);
        }
        catch (error) {
            await (0,promises_.rm)(temp, { force: true });
            throw outputError(error, target);
        }
        if (this.#staging === undefined)
            this.#added.push(target);
    }
}
async function hasSize(path, size) {
    const stats = await (0,promises_.stat)(path).catch(() => undefined);
    return stats !== undefined && stats.isFile() && stats.size === size;
}
/** The entries of an existing layout's index.json (none when it has none). */
async function readIndex(root) {
    const path = (0,external_node_path_.join)(root, 'index.json');
    try {
        const index = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        return Array.isArray(index.manifests) ? index.manifests : [];
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `"${path}" is not a readable OCI index`, {
            subject: path,
            hint: 'repair or remove the OCI layout, or name another output directory',
        });
    }
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/lib/encode/compress.ts
var compress = __webpack_require__(4876);
// EXTERNAL MODULE: ./src/lib/image/media-types.ts
var media_types = __webpack_require__(5489);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./src/lib/write/entry-names.ts


function nameRulesFor(platform = process.platform) {
    if (platform === 'win32') {
        return { label: 'Windows', path: external_node_path_.win32, folding: 'case', windowsNames: true };
    }
    if (platform === 'darwin') {
        return { label: 'macOS', path: external_node_path_.posix, folding: 'nfd-case', windowsNames: false };
    }
    return { label: platform, path: external_node_path_.posix, folding: 'none', windowsNames: false };
}
/** Linux rules: names kept byte for byte, compared exactly. */
const POSIX_RULES = nameRulesFor('linux');
/**
 * Splits a tar name (or a symlink target) into components by the platform's separators: `/`
 * everywhere, and `\` too on Windows (where `..\..\x` climbs out). Empty and `.` components go.
 */
function splitEntryName(raw, rules) {
    const separators = rules.path.sep === '\\' ? /[\\/]/ : /\//;
    return raw.split(separators).filter((part) => part !== '' && part !== '.');
}
/** Whether a symlink target starts at the root on the platform (`/x`, and on Windows `\x`, `C:\x`, `C:x`). */
function isRootedTarget(target, rules) {
    if (target.startsWith('/'))
        return true;
    return rules.windowsNames && (target.startsWith('\\') || /^[A-Za-z]:/.test(target));
}
const WINDOWS_RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[1-9¹²³]|LPT[1-9¹²³])$/i;
// eslint-disable-next-line no-control-regex
const WINDOWS_BAD_CHARACTER = /[\\:*?"<>|\u0000-\u001f]/;
/** Why the platform cannot hold a file named `name` (one component), or undefined when it can. */
function illegalNameReason(name, rules) {
    if (name.includes('\0'))
        return 'a NUL character';
    if (!rules.windowsNames)
        return undefined;
    const bad = WINDOWS_BAD_CHARACTER.exec(name)?.[0];
    if (bad !== undefined) {
        const code = bad.codePointAt(0) ?? 0;
        return code < 0x20 ? `control character 0x${code.toString(16).padStart(2, '0')}` : `"${bad}"`;
    }
    // CON, con.txt, "CON .tar.gz": the part before the first dot, trailing spaces dropped.
    const stem = name.split('.')[0].trimEnd();
    if (WINDOWS_RESERVED.test(stem))
        return `reserved device name ${stem.toUpperCase()}`;
    if (name.endsWith('.') || name.endsWith(' '))
        return 'a trailing dot or space';
    return undefined;
}
/** Why the name (all its components) cannot exist on the platform, or undefined when it can. */
function illegalEntryReason(raw, rules) {
    // Before splitting: on Windows `a\b` is a separator, and a name a Linux layer meant as one file.
    if (rules.windowsNames && raw.includes('\\'))
        return '"\\"';
    for (const part of splitEntryName(raw, rules)) {
        const why = illegalNameReason(part, rules);
        if (why !== undefined)
            return why;
    }
    return undefined;
}
/** The name as the filesystem compares it. */
function foldName(name, folding) {
    if (folding === 'none')
        return name;
    const folded = folding === 'nfd-case' ? name.normalize('NFD') : name;
    return folded.toLowerCase();
}
/**
 * The names written so far, folded as the filesystem folds them: `claim` tells which earlier
 * name a new one would overwrite (`etc/Foo` then `etc/foo` on Windows or macOS). With folding
 * `none` (Linux) nothing is kept and nothing collides.
 */
class FoldedNames {
    #folding;
    #seen = new Map();
    constructor(folding) {
        this.#folding = folding;
    }
    /**
     * Records `rel` ("a/b/c", real components) for the layer name `origin` it is written for (the
     * same unless the name was renamed); returns the different earlier origin it folds onto.
     */
    claim(rel, origin = rel) {
        if (this.#folding === 'none' || rel === '')
            return undefined;
        const key = foldName(rel, this.#folding);
        const earlier = this.#seen.get(key);
        if (earlier !== undefined && earlier !== origin)
            return earlier;
        this.#seen.set(key, origin);
        return undefined;
    }
    /** Forgets `rel` and, for a directory, everything under it (it was removed). */
    forget(rel) {
        if (this.#folding === 'none')
            return;
        if (rel === '')
            return this.#seen.clear();
        const key = foldName(rel, this.#folding);
        this.#seen.delete(key);
        const prefix = `${key}/`;
        for (const other of this.#seen.keys())
            if (other.startsWith(prefix))
                this.#seen.delete(other);
    }
}
/** The writer's open flags from the platform's constants: the same as ever where O_NOFOLLOW exists. */
function writerFlags(constants = external_node_fs_.constants) {
    const noFollow = constants.O_NOFOLLOW ?? 0;
    return {
        newFile: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow,
        directory: constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | noFollow,
        noFollow: noFollow !== 0,
    };
}

;// CONCATENATED MODULE: ./src/lib/write/legal-names.ts

/**
 * The mapping of `--rename-illegal`: a name the platform cannot hold becomes a legal one by
 * percent-encoding only what makes it illegal, as URLs do (`a:b` → `a%3Ab`, `CON` → `CO%4E`,
 * `x.` → `x%2E`). In a renamed name `%` is encoded too (`%25`), so percent-decoding a renamed
 * name gives the layer's name back. Names the platform can hold are never touched.
 */
/** `%XX` for each UTF-8 byte of `character`. */
const percentEncode = (character) => [...Buffer.from(character, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
// eslint-disable-next-line no-control-regex
const ENCODED_CHARACTERS = /[%\\:*?"<>|\u0000-\u001f]/g;
/** The legal name `name` maps to on the platform, or undefined when `name` is legal as it is. */
function legalName(name, rules) {
    if (illegalNameReason(name, rules) === undefined)
        return undefined;
    let mapped = name.replace(ENCODED_CHARACTERS, percentEncode);
    // A reserved device name (CON, com1.txt, "NUL .x"): the stem's last character goes encoded.
    const stem = mapped.split('.')[0].trimEnd();
    if (illegalNameReason(stem, rules) !== undefined) {
        const last = [...stem].pop();
        mapped = `${stem.slice(0, stem.length - last.length)}${percentEncode(last)}${mapped.slice(stem.length)}`;
    }
    // Windows drops trailing dots and spaces: the last one goes encoded.
    if (mapped.endsWith('.') || mapped.endsWith(' ')) {
        mapped = `${mapped.slice(0, -1)}${percentEncode(mapped.slice(-1))}`;
    }
    return mapped;
}
/**
 * The `count`th stand-in for a name that another one already takes on a case-insensitive
 * filesystem: `~count` before the extension (`Foo.txt` → `Foo~1.txt`, `.bashrc` → `.bashrc~1`).
 */
function withCollisionSuffix(name, count) {
    const dot = name.lastIndexOf('.');
    if (dot <= 0)
        return `${name}~${count}`;
    return `${name.slice(0, dot)}~${count}${name.slice(dot)}`;
}

;// CONCATENATED MODULE: ./src/lib/write/no-follow.ts


const fileIdOf = (stats) => ({ dev: stats.dev, ino: stats.ino });
const sameFile = (a, b) => a.dev === b.dev && a.ino === b.ino;
/** lstat with bigint ids; undefined when nothing is there. */
async function lstatId(path) {
    try {
        return await (0,promises_.lstat)(path, { bigint: true });
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw error;
    }
}
/** The output changed under the writer: a link or another directory took a directory's place. */
function changedError(name) {
    return new errors/* TarPushError */.q$('OUTPUT_ERROR', `the output directory changed while it was written: the way to "${name}" is no longer the directory tar-push made (a link or another directory took its place); nothing was written through it`, {
        subject: name,
        hint: 'nothing else may change the output directory during a pull; pull again into a new directory',
    });
}
/** Opens `options.path` and returns the handle only when it is the file it must be; see the module comment. */
async function openChecked(options) {
    const handle = await (0,promises_.open)(options.path, options.flags, options.mode).catch((error) => {
        const code = error.code;
        // The directory the writer made or checked is gone from its place: changed under it.
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw changedError(options.name);
        throw error;
    });
    let strayFile;
    try {
        const [opened, parentNow, atPath] = await Promise.all([
            handle.stat({ bigint: true }),
            lstatId(options.parent.path),
            lstatId(options.path),
        ]);
        const atOpened = atPath !== undefined && sameFile(fileIdOf(atPath), fileIdOf(opened));
        const inPlace = parentNow !== undefined &&
            parentNow.isDirectory() &&
            sameFile(fileIdOf(parentNow), options.parent.id) &&
            atOpened &&
            !atPath.isSymbolicLink();
        if (inPlace)
            return handle;
        // Our new, empty file, reached through the link: taken away again once it is closed.
        if (options.creates && atOpened)
            strayFile = fileIdOf(opened);
        throw changedError(options.name);
    }
    catch (error) {
        // Closed first: Windows removes an open file only when its last handle goes.
        await handle.close().catch(() => { });
        if (strayFile !== undefined)
            await unlinkIfSame(options.path, strayFile);
        throw error;
    }
}
/** Removes the file at `path` only while it is still the file `id` (best effort). */
async function unlinkIfSame(path, id) {
    const now = await lstatId(path).catch(() => undefined);
    if (now !== undefined && sameFile(fileIdOf(now), id))
        await (0,promises_.unlink)(path).catch(() => { });
}
/** Throws when `path` is no longer the directory with `id` (before a removal in it). */
async function assertDirectory(path, id, name) {
    const now = await lstatId(path);
    if (now === undefined || !now.isDirectory() || !sameFile(fileIdOf(now), id)) {
        throw changedError(name);
    }
}

;// CONCATENATED MODULE: ./src/lib/write/rootfs.ts












/**
 * Applies image layers (OCI "layer changesets") onto a root filesystem directory, the way
 * `umoci unpack` or containerd's applier do. Layers come from registries we do not trust, so
 * every path is resolved inside the root: symlinks met on the way (from this layer or a lower
 * one) are re-rooted at the root instead of followed, and `..` never climbs above it.
 *
 * Names follow the rules of the platform written on (`platform`, by default this one): on
 * Windows `\` separates too, and names Windows cannot hold (`\ : * ? " < > |`, control
 * characters, CON and kin, trailing dots or spaces) are refused; on Windows and macOS two names
 * that differ only by case are refused instead of overwriting each other. Each layer's refused
 * names are listed in one LAYER_UNSAFE error. On Linux every name is kept as it is. With
 * `illegalNames: 'rename'` such names are renamed instead (legal-names.ts) and listed.
 *
 * Symbolic links the OS refuses to make (Windows without Developer Mode: EPERM) fail the layer
 * with a list of them, or with `symlinks: 'skip'` are left out and listed; a skipped link still
 * leads later entries where the image puts them. No link is ever replaced by a copy.
 */
/** What the writer does with names the platform cannot hold (and case twins). */
const ILLEGAL_NAME_MODES = (/* unused pure expression or super */ null && (['refuse', 'rename']));
/** What the writer does when the OS refuses to make a symbolic link. */
const SYMLINK_MODES = ['error', 'skip'];
const DEFAULT_MAX_BYTES = 64 * 1024 ** 3;
const DEFAULT_MAX_ENTRIES = 10_000_000;
// As securejoin: enough for any sane image, few enough to stop a link loop.
const MAX_LINK_EXPANSIONS = 255;
const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
const SPECIAL_BITS = 0o6000;
const TAR_BLOCK = 512;
// Names listed in one error or warning; the count says how many more.
const MAX_LISTED_NAMES = 20;
const UNSAFE_HINT = 'the image is malformed or hostile; do not unpack it';
/** An entry refused for its name: recorded in the layer's list, not thrown out of it. */
class RefusedName extends Error {
}
class RootfsWriter {
    #root;
    #preserveSpecial;
    #maxBytes;
    #maxEntries;
    #logger;
    #asRoot;
    #rules;
    /** How entry names split: by the platform's separators, or by `/` only when names are renamed. */
    #entryRules;
    #renameIllegal;
    #skipSymlinks;
    #symlinkCall;
    /** O_NOFOLLOW where the platform has it; openChecked is the guard everywhere. */
    #flags;
    /** The real paths written, folded as the platform's filesystem compares names. */
    #names;
    /** Names renamed so far, by parent real path + "/" + the layer's name: the same name keeps its rename. */
    #renames = new Map();
    /** Symbolic links the OS refused to make, by real path: entries resolve through them all the same. */
    #unmadeLinks = new Map();
    /** Once the OS refused one symbolic link, it refuses them all: no more tries. */
    #symlinksRefused = false;
    #bytes = 0;
    #entries = 0;
    /**
     * Real directories (relative to root) known to exist, with the id they had when made or
     * checked (openChecked compares it); cleared whenever a directory is removed.
     */
    #dirs = new Map();
    /** Directory modes and mtimes, applied by finish() so a read-only directory stays writable until then. */
    #deferred = new Map();
    constructor(root, options = {}) {
        this.#root = (0,external_node_path_.resolve)(root);
        this.#preserveSpecial = options.preserveSpecial ?? false;
        this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
        this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
        this.#logger = options.logger ?? log/* silentLogger */.q;
        this.#asRoot = process.getuid?.() === 0;
        this.#rules = nameRulesFor(options.platform ?? process.platform);
        this.#renameIllegal = options.illegalNames === 'rename';
        // Renamed, a layer's names are what Linux made them: `a\b` is one name, to be encoded.
        this.#entryRules = this.#renameIllegal ? { ...this.#rules, path: external_node_path_.posix } : this.#rules;
        this.#skipSymlinks = options.symlinks === 'skip';
        this.#symlinkCall = options.fileSystem?.symlink ?? ((target, path) => (0,promises_.symlink)(target, path));
        this.#flags = writerFlags(options.fileSystem?.constants);
        this.#names = new FoldedNames(this.#rules.folding);
    }
    /** Applies one layer; `tar` is the UNCOMPRESSED tar stream; `layerName` (a digest) names the layer in errors. */
    async applyLayer(tar, layerName) {
        await this.#start();
        const layer = {
            name: layerName,
            kept: new Set(),
            special: 0,
            refused: [],
            renamed: [],
            unmade: [],
        };
        const extractor = (0,tar_stream.extract)();
        let current = Promise.resolve();
        let failure;
        extractor.on('entry', (header, body, next) => {
            // The body's errors also reach us through its iterator; unheard, they would crash the process.
            body.on('error', () => { });
            current = this.#entry(header, body, layer).then(() => next(), (error) => {
                failure ??= error;
                next(error instanceof Error ? error : new Error(String(error)));
            });
        });
        try {
            await (0,external_node_stream_promises_.pipeline)(tar, this.#counter(layerName), extractor);
        }
        catch (error) {
            failure ??=
                error instanceof errors/* TarPushError */.q$
                    ? error
                    : new errors/* TarPushError */.q$('LAYER_UNSAFE', `layer ${layerName} is not a readable tar: ${error.message}`, { subject: layerName, hint: UNSAFE_HINT, cause: error });
        }
        // The extractor can finish while the last entry is still being written to disk.
        await current;
        if (failure === undefined && layer.refused.length > 0)
            failure = this.#refusedError(layer);
        if (failure === undefined && layer.unmade.length > 0 && !this.#skipSymlinks) {
            failure = this.#unmadeError(layer);
        }
        if (failure !== undefined) {
            tar.destroy();
            throw failure;
        }
        if (layer.renamed.length > 0) {
            this.#logger.warn(`layer ${layerName}: renamed ${layer.renamed.length} name(s) ${this.#rules.label} cannot hold (percent-encoded, ~N for names that differ only by case): ${listed(layer.renamed)}`);
            for (const rename of layer.renamed)
                this.#logger.debug(`layer ${layerName}: renamed ${rename}`);
        }
        if (layer.unmade.length > 0) {
            this.#logger.warn(`layer ${layerName}: left out ${layer.unmade.length} symbolic link(s) ${this.#rules.label} does not let this process make (symlinks: skip): ${listed(layer.unmade)}`);
        }
        if (layer.special > 0) {
            this.#logger.warn(`layer ${layerName}: skipped ${layer.special} device node(s) or FIFO(s); they need preserveSpecial (and root)`);
        }
    }
    /** Once, before the first layer: the root's real path and id, which openChecked compares. */
    async #start() {
        if (this.#dirs.has(''))
            return;
        this.#root = await (0,promises_.realpath)(this.#root);
        this.#dirs.set('', fileIdOf(await (0,promises_.stat)(this.#root, { bigint: true })));
    }
    #refusedError(layer) {
        const { refused } = layer;
        return new errors/* TarPushError */.q$('LAYER_UNSAFE', `layer ${layer.name}: ${refused.length} name(s) cannot be written on ${this.#rules.label}: ${listed(refused)}`, {
            subject: layer.name,
            hint: 'pull with --rename-illegal (the action: rename-illegal: true) to write them under legal names, unpack this image on Linux, or pull it with format oci or docker, which keep the layers as they are',
        });
    }
    #unmadeError(layer) {
        const { unmade } = layer;
        return new errors/* TarPushError */.q$('OUTPUT_ERROR', `layer ${layer.name}: ${this.#rules.label} does not let this process make symbolic links (symlink: EPERM); the layer has ${unmade.length}: ${listed(unmade)}`, {
            subject: layer.name,
            hint: this.#rules.label === 'Windows'
                ? 'turn on Developer Mode (Settings, For developers) or run as administrator; or pull with --symlinks skip (the action: symlinks: skip) to leave the links out; or pull with format oci or docker, which keep them in the layers'
                : 'write the rootfs on a file system that holds symbolic links; or pull with --symlinks skip (the action: symlinks: skip) to leave them out; or pull with format oci or docker',
        });
    }
    /** Applies deferred directory modes and mtimes; call once after the last layer. */
    async finish() {
        await this.#start();
        const depth = (rel) => (rel === '' ? 0 : rel.split('/').length);
        // Deepest first: a parent made read-only or unsearchable must not stop its children.
        const dirs = [...this.#deferred].sort(([a], [b]) => depth(b) - depth(a));
        this.#deferred.clear();
        for (const [rel, meta] of dirs) {
            if (!(await this.#isRealDir(rel)))
                continue;
            // The root itself is the caller's and may be reached through a symlink.
            const handle = rel === '' ? await (0,promises_.open)(this.#root, external_node_fs_.constants.O_RDONLY) : await this.#openDir(rel);
            try {
                await handle.chmod(meta.mode);
                if (meta.mtime)
                    await handle.utimes(meta.mtime, meta.mtime);
            }
            finally {
                await handle.close();
            }
        }
    }
    /**
     * Counts the bytes against the bomb limit, and completes a tar that ends without its last
     * block's padding or the end-of-archive blocks (umoci 0.4 writes such layers; Go's tar reader,
     * and so docker and containerd, accept them). Zero blocks after a complete tar are ignored.
     */
    #counter(layerName) {
        let layerBytes = 0;
        return new external_node_stream_.Transform({
            flush: (callback) => {
                const padding = (TAR_BLOCK - (layerBytes % TAR_BLOCK)) % TAR_BLOCK;
                callback(null, Buffer.alloc(padding + 2 * TAR_BLOCK));
            },
            transform: (chunk, _encoding, callback) => {
                layerBytes += chunk.length;
                this.#bytes += chunk.length;
                if (this.#bytes <= this.#maxBytes)
                    return callback(null, chunk);
                callback(new errors/* TarPushError */.q$('LAYER_UNSAFE', `layer ${layerName}: the image's layers unpack to more than ${formatBytes(this.#maxBytes)}; raise the limit with --max-size if it is really that large`, {
                    subject: layerName,
                    hint: 'a layer this large is likely a decompression bomb; pass a larger --max-size only if you trust the image',
                }));
            },
        });
    }
    async #entry(header, body, layer) {
        if (++this.#entries > this.#maxEntries) {
            throw new errors/* TarPushError */.q$('LAYER_UNSAFE', `layer ${layer.name}: the image's layers hold more than ${this.#maxEntries} entries`, { subject: layer.name, hint: UNSAFE_HINT });
        }
        const type = header.type;
        const isFile = type === 'file' || type === 'contiguous-file';
        if (!isFile)
            await drain(body);
        const parts = cleanParts(header.name, layer.name, this.#entryRules);
        if (parts.length === 0) {
            if (isFile)
                await drain(body);
            if (type === 'directory')
                this.#defer('', header, 0o755);
            else
                this.#logger.debug(`layer ${layer.name}: skipped a ${type} entry naming the root`);
            return;
        }
        const name = parts[parts.length - 1];
        if (name.startsWith(WHITEOUT_PREFIX)) {
            if (isFile)
                await drain(body);
            // Refused, a name the platform cannot hold was never written: its whiteout removes nothing.
            if (!this.#renameIllegal && illegalEntryReason(header.name, this.#rules) !== undefined) {
                return;
            }
            return this.#whiteout(parts, layer);
        }
        switch (type) {
            case 'file':
            case 'contiguous-file':
            case 'directory':
            case 'symlink':
            case 'link':
                break;
            case 'character-device':
            case 'block-device':
            case 'fifo':
                if (!this.#preserveSpecial) {
                    layer.special++;
                    return;
                }
                break;
            default:
                this.#logger.debug(`layer ${layer.name}: skipped "${header.name}" of unsupported type ${type ?? 'unknown'}`);
                return;
        }
        const illegal = this.#renameIllegal ? undefined : illegalEntryReason(header.name, this.#rules);
        if (illegal !== undefined) {
            if (isFile)
                await drain(body);
            layer.refused.push(`"${header.name}" (${illegal})`);
            return;
        }
        try {
            await this.#write(header, body, layer, parts, isFile);
        }
        catch (error) {
            if (!(error instanceof RefusedName))
                throw error;
            if (isFile)
                await drain(body);
            layer.refused.push(error.message);
        }
    }
    async #write(header, body, layer, parts, isFile) {
        const type = header.type;
        const dir = await this.#resolveDir(parts.slice(0, -1), true, layer, header.name);
        const name = this.#component(dir, parts[parts.length - 1], true, layer, header.name);
        const rel = dir === '' ? name : `${dir}/${name}`;
        const abs = this.#abs(rel);
        // Whatever this entry is, it takes the place of a link the OS did not let us make there.
        this.#unmadeLinks.delete(rel);
        const existing = await lstatId(abs);
        if (type === 'directory') {
            if (existing?.isDirectory()) {
                if (this.#asRoot)
                    await (0,promises_.lchown)(abs, header.uid ?? 0, header.gid ?? 0);
                this.#dirs.set(rel, fileIdOf(existing));
            }
            else {
                if (existing)
                    await this.#remove(rel, existing);
                await this.#makeDir(rel);
                if (this.#asRoot)
                    await (0,promises_.lchown)(abs, header.uid ?? 0, header.gid ?? 0);
                await this.#settleDir(rel, this.#mode(header, 0o755) | 0o700);
            }
            this.#defer(rel, header, 0o755);
        }
        else if (type === 'link') {
            const target = await this.#linkTarget(header, layer);
            if (target.startsWith(`${rel}/`)) {
                throw unsafe(layer.name, `hard link "${header.name}" would replace its own target's directory`);
            }
            if (target !== rel) {
                if (existing)
                    await this.#remove(rel, existing);
                await (0,promises_.link)(this.#abs(target), abs);
                await this.#checkMade(rel, 'file');
                // The file linked must have been taken from our directory, not through a link.
                await this.#assertParent(target).catch(async (error) => {
                    await (0,promises_.unlink)(abs).catch(() => { });
                    throw error;
                });
            }
        }
        else {
            if (existing)
                await this.#remove(rel, existing);
            if (isFile)
                await this.#writeFile(rel, header, body);
            else if (type === 'symlink')
                await this.#symlink(rel, header, layer);
            else {
                await this.#mknod(abs, header, layer);
                await this.#checkMade(rel, 'file');
            }
        }
        this.#keep(layer, rel);
    }
    async #writeFile(rel, header, body) {
        const parent = parentOf(rel);
        // Checked before the first byte: the file is where it must be, not behind a link.
        const handle = await openChecked({
            path: this.#abs(rel),
            name: rel,
            flags: this.#flags.newFile,
            mode: 0o600,
            parent: { path: this.#abs(parent), id: await this.#dirId(parent) },
            creates: true,
        });
        try {
            for await (const data of body) {
                // tar-stream's entry bodies are Buffers; streamx types them as unknown.
                const chunk = data;
                for (let offset = 0; offset < chunk.length;) {
                    offset += (await handle.write(chunk, offset)).bytesWritten;
                }
            }
            // chown before chmod: chown clears setuid/setgid bits.
            if (this.#asRoot)
                await handle.chown(header.uid ?? 0, header.gid ?? 0);
            await handle.chmod(this.#mode(header, 0o644));
            if (header.mtime)
                await handle.utimes(header.mtime, header.mtime);
        }
        finally {
            await handle.close();
        }
    }
    async #symlink(rel, header, layer) {
        const target = header.linkname ?? '';
        if (target === '' || target.includes('\0')) {
            throw unsafe(layer.name, `symlink "${header.name}" has an empty or NUL-bearing target`);
        }
        const abs = this.#abs(rel);
        if (!this.#symlinksRefused) {
            try {
                await this.#symlinkCall(target, abs);
                await this.#checkMade(rel, 'file');
                if (this.#asRoot)
                    await (0,promises_.lchown)(abs, header.uid ?? 0, header.gid ?? 0);
                if (header.mtime)
                    await (0,promises_.lutimes)(abs, header.mtime, header.mtime);
                return;
            }
            catch (error) {
                // EPERM: Windows without Developer Mode or the privilege, or a file system without links.
                if (error.code !== 'EPERM')
                    throw error;
                this.#symlinksRefused = true;
            }
        }
        // Not made, and never copied: later entries still resolve through it, where the image puts them.
        this.#unmadeLinks.set(rel, target);
        layer.unmade.push(`"${header.name}" → "${target}"`);
    }
    async #mknod(abs, header, layer) {
        // The mode is set by mknod itself (it does not follow a link): a chmod by path afterwards
        // would follow one put in the node's place.
        const mode = ['-m', this.#mode(header, 0o600).toString(8)];
        const args = header.type === 'fifo'
            ? [...mode, abs, 'p']
            : [
                ...mode,
                abs,
                header.type === 'block-device' ? 'b' : 'c',
                String(header.devmajor ?? 0),
                String(header.devminor ?? 0),
            ];
        await run('mknod', args).catch((error) => {
            throw new Error(`layer ${layer.name}: cannot create "${header.name}" (device nodes need root): ${String(error)}`, { cause: error });
        });
        if (this.#asRoot)
            await (0,promises_.lchown)(abs, header.uid ?? 0, header.gid ?? 0);
        if (header.mtime)
            await (0,promises_.lutimes)(abs, header.mtime, header.mtime);
    }
    /** The hard link's target, inside root; it must already exist there and not be a directory. */
    async #linkTarget(header, layer) {
        const raw = header.linkname ?? '';
        const parts = cleanParts(raw, layer.name, this.#entryRules, `the target "${raw}" of hard link "${header.name}"`);
        const illegal = this.#renameIllegal ? undefined : illegalEntryReason(raw, this.#rules);
        if (illegal !== undefined) {
            throw new RefusedName(`"${header.name}" (a hard link to "${raw}", ${illegal})`);
        }
        const refuse = (why) => unsafe(layer.name, `hard link "${header.name}" points to "${raw}", ${why}`);
        if (parts.length === 0)
            throw refuse('the root');
        const dir = await this.#resolveDir(parts.slice(0, -1), false, layer, raw);
        if (dir === undefined)
            throw refuse('which is not in the image');
        const name = this.#component(dir, parts[parts.length - 1], false, layer, raw);
        const target = dir === '' ? name : `${dir}/${name}`;
        const stats = await lstatOrUndefined(this.#abs(target));
        if (!stats)
            throw refuse('which is not in the image');
        if (stats.isDirectory())
            throw refuse('a directory');
        return target;
    }
    async #whiteout(parts, layer) {
        const name = parts[parts.length - 1];
        const entry = parts.join('/');
        const dir = await this.#resolveDir(parts.slice(0, -1), false, layer, entry);
        if (name === OPAQUE_MARKER) {
            if (dir === undefined)
                return;
            const prefix = dir === '' ? '' : `${dir}/`;
            const unmade = [...this.#unmadeLinks.keys()].filter((rel) => rel.startsWith(prefix) && !rel.slice(prefix.length).includes('/'));
            for (const child of await (0,promises_.readdir)(this.#abs(dir))) {
                await this.#removeLower(`${prefix}${child}`, layer);
            }
            for (const rel of unmade)
                await this.#removeLower(rel, layer);
            return;
        }
        if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
            // aufs bookkeeping (.wh..wh.plnk and friends), meaningless outside aufs.
            this.#logger.debug(`layer ${layer.name}: skipped aufs metadata "${entry}"`);
            return;
        }
        const target = name.slice(WHITEOUT_PREFIX.length);
        if (target === '' || target === '.' || target === '..') {
            throw unsafe(layer.name, `whiteout "${entry}" names no file`);
        }
        if (dir === undefined)
            return;
        const real = this.#component(dir, target, false, layer, entry);
        await this.#removeLower(dir === '' ? real : `${dir}/${real}`, layer);
    }
    /** Removes `rel` as a lower layer left it: whatever the current layer wrote there stays. */
    async #removeLower(rel, layer) {
        if (!layer.kept.has(rel))
            this.#unmadeLinks.delete(rel);
        const stats = await lstatOrUndefined(this.#abs(rel));
        if (!stats)
            return;
        if (!layer.kept.has(rel))
            return this.#remove(rel, stats);
        if (!stats.isDirectory())
            return;
        for (const child of await (0,promises_.readdir)(this.#abs(rel))) {
            await this.#removeLower(`${rel}/${child}`, layer);
        }
    }
    async #remove(rel, stats) {
        // Never through a link: the directory it is removed from must still be ours.
        await this.#assertParent(rel);
        if (!stats.isDirectory()) {
            await (0,promises_.unlink)(this.#abs(rel));
            this.#names.forget(rel);
            return;
        }
        await (0,promises_.rm)(this.#abs(rel), { recursive: true, force: true });
        this.#names.forget(rel);
        const prefix = `${rel}/`;
        const under = (key) => key === rel || key.startsWith(prefix);
        for (const key of this.#dirs.keys())
            if (under(key))
                this.#dirs.delete(key);
        for (const key of this.#deferred.keys())
            if (under(key))
                this.#deferred.delete(key);
        for (const key of this.#unmadeLinks.keys())
            if (under(key))
                this.#unmadeLinks.delete(key);
    }
    async #resolveDir(parts, create, layer, entry) {
        const real = [];
        const pending = parts.toReversed();
        let expansions = 0;
        for (let part = pending.pop(); part !== undefined; part = pending.pop()) {
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                real.pop();
                continue;
            }
            const illegal = this.#renameIllegal ? undefined : illegalNameReason(part, this.#rules);
            if (illegal !== undefined) {
                // Entry names were checked before: this part comes from a symlink's target.
                throw unsafe(layer.name, `a symlink on the way to "${entry}" points to a name ${this.#rules.label} cannot hold (${illegal})`);
            }
            real.push(this.#component(real.join('/'), part, create, layer, entry));
            const rel = real.join('/');
            if (this.#dirs.has(rel))
                continue;
            const abs = this.#abs(rel);
            const unmade = this.#unmadeLinks.get(rel);
            const stats = unmade === undefined ? await lstatId(abs) : undefined;
            if (unmade !== undefined || stats?.isSymbolicLink()) {
                if (++expansions > MAX_LINK_EXPANSIONS) {
                    throw unsafe(layer.name, `too many symlinks while resolving "${entry}"`);
                }
                const target = unmade ?? (await (0,promises_.readlink)(abs));
                real.pop();
                if (isRootedTarget(target, this.#rules))
                    real.length = 0;
                const path = this.#rules.windowsNames ? target.replace(/^[A-Za-z]:/, '') : target;
                pending.push(...splitEntryName(path, this.#rules).reverse());
                continue;
            }
            if (stats?.isDirectory()) {
                this.#dirs.set(rel, fileIdOf(stats));
                continue;
            }
            if (!create)
                return undefined;
            if (stats)
                await this.#remove(rel, stats);
            await this.#makeDir(rel);
            await this.#settleDir(rel, 0o755);
        }
        return real.join('/');
    }
    /** mkdir of `rel`, in the directory that is ours (checked after). */
    async #makeDir(rel) {
        await (0,promises_.mkdir)(this.#abs(rel));
        await this.#checkMade(rel, 'directory');
    }
    /** Opens the directory just made at `rel` (checked: no link), records its id and sets its mode. */
    async #settleDir(rel, mode) {
        const handle = await this.#openDir(rel);
        try {
            this.#dirs.set(rel, fileIdOf(await handle.stat({ bigint: true })));
            await handle.chmod(mode);
        }
        finally {
            await handle.close();
        }
    }
    async #openDir(rel) {
        const parent = parentOf(rel);
        return openChecked({
            path: this.#abs(rel),
            name: rel,
            flags: this.#flags.directory,
            parent: { path: this.#abs(parent), id: await this.#dirId(parent) },
            creates: false,
        });
    }
    /** The id of the real directory `rel`, as recorded when it was made or checked. */
    async #dirId(rel) {
        const known = this.#dirs.get(rel);
        if (known !== undefined)
            return known;
        const stats = await lstatId(this.#abs(rel));
        if (!stats?.isDirectory())
            throw changedError(rel);
        this.#dirs.set(rel, fileIdOf(stats));
        return fileIdOf(stats);
    }
    async #assertParent(rel) {
        const parent = parentOf(rel);
        await assertDirectory(this.#abs(parent), await this.#dirId(parent), rel);
    }
    /**
     * After making `rel` by its path (mkdir, link, symlink, mknod): its directory must still be
     * ours; if a link took its place, what was just made through it is taken away again.
     */
    async #checkMade(rel, kind) {
        try {
            await this.#assertParent(rel);
        }
        catch (error) {
            const abs = this.#abs(rel);
            await (kind === 'directory' ? (0,promises_.rmdir)(abs) : (0,promises_.unlink)(abs)).catch(() => { });
            throw error;
        }
    }
    /** Whether `rel` is a directory reached from root through directories only. */
    async #isRealDir(rel) {
        if (rel === '')
            return true;
        const parts = rel.split('/');
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/');
            if (this.#dirs.has(prefix))
                continue;
            const stats = await lstatId(this.#abs(prefix));
            if (!stats?.isDirectory())
                return false;
            this.#dirs.set(prefix, fileIdOf(stats));
        }
        return true;
    }
    /**
     * The real name of the layer's name `part` in the real directory `parent`: `part` itself, or
     * with renaming its legal stand-in (the one it had before, if any). With `create` the name is
     * claimed: one the filesystem would take for another (case) is refused, or renamed `~N`.
     */
    #component(parent, part, create, layer, entry) {
        const origin = parent === '' ? part : `${parent}/${part}`;
        if (!this.#renameIllegal) {
            if (create)
                this.#claim(origin, entry);
            return part;
        }
        const base = legalName(part, this.#rules) ?? part;
        const before = this.#renames.get(origin);
        let name = before ?? base;
        if (!create)
            return name;
        const inParent = (candidate) => (parent === '' ? candidate : `${parent}/${candidate}`);
        for (let count = 1; this.#names.claim(inParent(name), origin) !== undefined; count++) {
            name = withCollisionSuffix(base, count);
        }
        if (name !== part && name !== before) {
            this.#renames.set(origin, name);
            layer.renamed.push(`"${origin}" → "${inParent(name)}"`);
        }
        return name;
    }
    /** Refuses `rel` when the filesystem would take it for another name already written (case). */
    #claim(rel, entry) {
        const earlier = this.#names.claim(rel);
        if (earlier === undefined)
            return;
        throw new RefusedName(`"${entry}" (${rel === entry ? '' : `"${rel}" `}differs only by case from "${earlier}")`);
    }
    #defer(rel, header, fallback) {
        this.#deferred.set(rel, {
            mode: this.#mode(header, fallback),
            mtime: header.mtime,
        });
    }
    #mode(header, fallback) {
        const mode = (header.mode ?? fallback) & 0o7777;
        return this.#preserveSpecial ? mode : mode & ~SPECIAL_BITS;
    }
    #keep(layer, rel) {
        let path = rel;
        while (!layer.kept.has(path)) {
            layer.kept.add(path);
            if (path === '')
                break;
            path = path.slice(0, Math.max(0, path.lastIndexOf('/')));
        }
    }
    #abs(rel) {
        return rel === '' ? this.#root : (0,external_node_path_.join)(this.#root, rel);
    }
}
/**
 * A tar name as clean components by the platform's separators: no leading `./` or `/`, no `.`
 * or empty parts; `..` (also `..\` on Windows) and NUL refused.
 */
function cleanParts(raw, layerName, rules, what = `entry "${raw}"`) {
    if (raw.includes('\0'))
        throw unsafe(layerName, `${what} has a NUL in its name`);
    const parts = splitEntryName(raw, rules);
    if (parts.includes('..'))
        throw unsafe(layerName, `${what} climbs out with ".."`);
    return parts;
}
/** "a" of "a/b", "" of "b". */
const parentOf = (rel) => rel.slice(0, Math.max(0, rel.lastIndexOf('/')));
/** The first names of a list, and how many more. */
function listed(names) {
    const more = names.length > MAX_LISTED_NAMES ? ` and ${names.length - MAX_LISTED_NAMES} more` : '';
    return `${names.slice(0, MAX_LISTED_NAMES).join(', ')}${more}`;
}
const unsafe = (layerName, detail) => new errors/* TarPushError */.q$('LAYER_UNSAFE', `layer ${layerName}: ${detail}`, {
    subject: layerName,
    hint: UNSAFE_HINT,
});
async function lstatOrUndefined(path) {
    try {
        return await (0,promises_.lstat)(path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw error;
    }
}
async function drain(body) {
    for await (const chunk of body)
        void chunk;
}
function run(command, args) {
    return new Promise((done, fail) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', fail);
        child.on('close', (code) => code === 0 ? done() : fail(new Error(`${command} exited with ${code}: ${stderr.trim()}`)));
    });
}
function formatBytes(bytes) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1 && value % 1024 === 0) {
        value /= 1024;
        unit++;
    }
    return `${value} ${units[unit]}`;
}

;// CONCATENATED MODULE: ./src/lib/write/rootfs-sink.ts











/** The layers of an image to unpack: each must be a filesystem (tar) layer. */
function rootfsLayers(image) {
    return image.layers.map((layer) => {
        const descriptor = layerDescriptor(layer);
        if (!(0,media_types/* isTarLayerMediaType */.HQ)(descriptor.mediaType)) {
            throw new errors/* TarPushError */.q$('MANIFEST_UNSUPPORTED', `layer ${descriptor.digest} has media type ${descriptor.mediaType}, which is not a filesystem layer`, { subject: descriptor.digest, hint: 'pull it with format oci or oci-archive' });
        }
        return descriptor;
    });
}
function spooled() {
    let resolve;
    let reject;
    const promise = new Promise((ok, fail) => {
        resolve = ok;
        reject = fail;
    });
    // Rejected on abort, possibly with nobody waiting for it.
    promise.catch(() => { });
    return { promise, resolve, reject, done: false };
}
/**
 * Unpacks an image into a root filesystem directory. The tree is built in a temporary directory
 * next to the output; the layers' blobs are spooled in a second one beside it (the engine has
 * verified each blob's digest and diff_id by the time its put resolves) and are applied in
 * manifest order by RootfsWriter as soon as a layer and every layer below it are there. `commit`
 * renames the tree onto the output (replacing an empty directory there); `abort` stops the
 * unpacking and removes both temporary directories.
 */
class RootfsSink {
    name;
    takesStreamedBlobs = false;
    #output;
    #manifest;
    #tree;
    #spool;
    #layers;
    #spooled = new Map();
    /** The last position at which each blob is applied: its spool file goes after it. */
    #lastUse = new Map();
    #writer;
    #puts;
    #stop = new AbortController();
    #logger;
    #applying;
    #failure;
    constructor(output, image, tree, spool, options) {
        this.name = output;
        this.#output = output;
        this.#manifest = manifestOf(image);
        this.#tree = tree;
        this.#spool = spool;
        this.#layers = rootfsLayers(image);
        for (const [position, layer] of this.#layers.entries()) {
            if (!this.#spooled.has(layer.digest))
                this.#spooled.set(layer.digest, spooled());
            this.#lastUse.set(layer.digest, position);
        }
        this.#logger = options.logger;
        this.#writer = new RootfsWriter(tree, {
            ...(options.preserveSpecial !== undefined
                ? { preserveSpecial: options.preserveSpecial }
                : {}),
            ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
            ...(options.illegalNames !== undefined ? { illegalNames: options.illegalNames } : {}),
            ...(options.symlinks !== undefined ? { symlinks: options.symlinks } : {}),
            logger: options.logger,
        });
        this.#puts = new Puts(output);
        this.#applying = this.#applyInOrder();
        this.#applying.catch(() => { });
    }
    static async create(output, image, options) {
        rootfsLayers(image);
        const tree = tempSibling(output);
        const spool = `${tree}.layers`;
        try {
            await (0,promises_.mkdir)(tree);
            if (options.mode !== undefined)
                await (0,promises_.chmod)(tree, options.mode);
            await (0,promises_.mkdir)(spool);
        }
        catch (error) {
            await (0,promises_.rm)(tree, { recursive: true, force: true });
            await (0,promises_.rm)(spool, { recursive: true, force: true });
            throw outputError(error, output);
        }
        return new RootfsSink(output, image, tree, spool, options);
    }
    /** True for what the rootfs does not keep (the config) and for layers spooled already. */
    async hasBlob(digest, _size) {
        const layer = this.#spooled.get(digest);
        return layer === undefined || layer.done;
    }
    async putBlob(blob) {
        this.#throwIfFailed();
        this.#puts.assertOpen();
        const layer = this.#spooled.get(blob.digest);
        if (!layer || layer.done)
            return;
        const expected = this.#layers.find(({ digest }) => digest === blob.digest);
        if (expected.size !== blob.size) {
            throw new Error(`${this.name}: blob ${blob.digest} is put with ${blob.size} bytes; the manifest says ${expected.size}`);
        }
        const path = (0,external_node_path_.join)(this.#spool, (0,lib_digest/* hexOf */.ZD)(blob.digest));
        try {
            await this.#puts.run(async () => writeBlobFile(await this.#puts.open(blob), path, blob));
        }
        catch (error) {
            throw this.#failure ?? error;
        }
        layer.done = true;
        layer.resolve(path);
        this.#throwIfFailed();
    }
    async putManifest(manifest, _target) {
        this.#throwIfFailed();
        this.#puts.assertOpen();
        checkManifest(this.name, this.#manifest, manifest);
    }
    async commit() {
        this.#throwIfFailed();
        this.#puts.assertOpen();
        this.#puts.state = 'committing';
        await this.#puts.settled();
        for (const [digest, layer] of this.#spooled) {
            if (!layer.done)
                throw new Error(`${this.name}: layer ${digest} was not written`);
        }
        await this.#applying;
        try {
            await this.#writer.finish();
        }
        catch (error) {
            throw outputError(error, this.#output);
        }
        await renameOnto(this.#tree, this.#output);
        this.#puts.state = 'committed';
        await removeTree(this.#spool).catch((error) => this.#logger.warn(`could not remove ${this.#spool}: ${error.message}`));
    }
    abort() {
        return this.#puts.abort({
            stopping: () => {
                this.#stop.abort();
                const stopped = new Error('aborted');
                for (const layer of this.#spooled.values())
                    if (!layer.done)
                        layer.reject(stopped);
            },
            undo: async () => {
                await this.#applying.catch(() => { });
                await removeTree(this.#tree);
                await removeTree(this.#spool);
            },
        });
    }
    #throwIfFailed() {
        if (this.#failure)
            throw this.#failure;
    }
    /** Applies the layers bottom up, each as soon as its blob is spooled. */
    async #applyInOrder() {
        for (const [position, layer] of this.#layers.entries()) {
            const path = await this.#spooled.get(layer.digest).promise;
            if (this.#stop.signal.aborted)
                return;
            try {
                await applySpooled(this.#writer, path, layer, this.#stop.signal);
            }
            catch (error) {
                if (this.#stop.signal.aborted)
                    return;
                const failure = isFileSystemError(error) ? outputError(error) : error;
                this.#failure = failure;
                // The puts still running fail with it at once: the engine aborts then.
                this.#puts.stopStreams(failure);
                throw failure;
            }
            this.#logger.debug(`layer ${layer.digest}: unpacked`);
            if (this.#lastUse.get(layer.digest) === position)
                await (0,promises_.rm)(path, { force: true });
        }
    }
}
/** Decompresses a spooled layer blob into the writer. */
async function applySpooled(writer, path, layer, signal) {
    const tar = (0,compress/* createDecoder */.$C)((0,media_types/* compressionOfMediaType */.um)(layer.mediaType));
    const flowing = (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(path), tar, { signal });
    flowing.catch(() => { });
    await writer.applyLayer(tar, layer.digest);
    // The tar reader may stop at the end-of-archive blocks: let the rest flow out.
    tar.resume();
    try {
        await flowing;
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        throw new errors/* TarPushError */.q$('DIFF_ID_MISMATCH', `layer ${layer.digest} does not decompress: ${error.message}`, {
            subject: layer.digest,
            hint: 'the image in the registry is corrupt; push it again',
            cause: error,
        });
    }
}

;// CONCATENATED MODULE: ./src/lib/write/tar-archive.ts





const BLOCK = 512;
/**
 * Writes an image as one tar: an OCI layout (oci-archive), plus manifest.json and repositories
 * for docker load (the layout Docker 25+ saves, which older docker load reads too). Every size
 * is known from the manifest, so the file is made at its final size up front with the documents
 * in place, and each layer is written into its own region, in parallel: no spool copy, no
 * second pass. tar-stream's packer writes entries only in sequence, hence the header encoder.
 *
 * The file is written under a temporary name next to the output and renamed onto it by
 * `commit`; `abort` removes it, leaving what was at the output before untouched.
 */
class TarArchiveSink {
    name;
    takesStreamedBlobs = false;
    #output;
    #temp;
    #handle;
    #manifest;
    #regions;
    #puts;
    constructor(output, temp, handle, manifest, regions) {
        this.name = output;
        this.#output = output;
        this.#temp = temp;
        this.#handle = handle;
        this.#manifest = manifest;
        this.#regions = regions;
        this.#puts = new Puts(output);
    }
    static async create(output, named, format) {
        const { image } = named;
        const manifest = manifestOf(image);
        const documents = [
            { name: 'oci-layout', bytes: Buffer.from(layout/* OCI_LAYOUT_FILE */.u2) },
            { name: 'index.json', bytes: Buffer.from(indexJson(named)) },
            ...(format === 'docker' ? dockerLoadFiles(named) : []),
            { name: (0,layout/* blobPath */.nD)(manifest.digest), bytes: manifest.bytes },
            { name: (0,layout/* blobPath */.nD)(image.config.digest), bytes: image.config.bytes },
        ];
        const entries = [];
        let position = 0;
        const add = (entry) => {
            const placed = { ...entry, offset: position + BLOCK };
            entries.push(placed);
            position += BLOCK + padded(entry.size);
            return placed;
        };
        add({ name: 'blobs/', type: 'directory', size: 0 });
        add({ name: 'blobs/sha256/', type: 'directory', size: 0 });
        const written = new Set();
        for (const document of documents) {
            if (written.has(document.name))
                continue;
            written.add(document.name);
            add({ name: document.name, type: 'file', size: document.bytes.length, bytes: document.bytes });
        }
        const regions = new Map();
        for (const layer of image.layers.map(layerDescriptor)) {
            const name = (0,layout/* blobPath */.nD)(layer.digest);
            if (written.has(name))
                continue;
            written.add(name);
            regions.set(layer.digest, {
                entry: add({ name, type: 'file', size: layer.size }),
                written: false,
            });
        }
        const total = position + 2 * BLOCK;
        const temp = tempSibling(output);
        const handle = await (0,promises_.open)(temp, 'wx').catch((error) => {
            throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `cannot write "${output}": ${error.code ?? error.message}`, {
                subject: output,
                hint: 'check that the output directory exists and is writable',
                cause: error,
            });
        });
        const sink = new TarArchiveSink(output, temp, handle, manifest, regions);
        try {
            await handle.truncate(total);
            for (const entry of entries) {
                await handle.write(tarHeader(entry), 0, BLOCK, entry.offset - BLOCK);
                if (entry.bytes)
                    await handle.write(entry.bytes, 0, entry.bytes.length, entry.offset);
            }
        }
        catch (error) {
            await sink.abort();
            throw outputError(error, output);
        }
        return sink;
    }
    /** The documents are written at creation; blobs that are not this image's layers are not kept. */
    async hasBlob(digest, size) {
        const region = this.#regions.get(digest);
        return region === undefined || (region.written && region.entry.size === size);
    }
    async putBlob(blob) {
        const region = this.#regions.get(blob.digest);
        this.#puts.assertOpen();
        if (!region)
            return;
        if (region.entry.size !== blob.size) {
            throw new Error(`${this.name}: blob ${blob.digest} is put with ${blob.size} bytes; the manifest says ${region.entry.size}`);
        }
        await this.#puts.run(async () => {
            region.written = false;
            const stream = await this.#puts.open(blob);
            await writeStream(stream, this.#handle, blob, region.entry.offset);
            region.written = true;
        });
    }
    async putManifest(manifest, _target) {
        this.#puts.assertOpen();
        checkManifest(this.name, this.#manifest, manifest);
    }
    async commit() {
        this.#puts.assertOpen();
        this.#puts.state = 'committing';
        await this.#puts.settled();
        for (const [digest, region] of this.#regions) {
            if (!region.written)
                throw new Error(`${this.name}: layer ${digest} was not written`);
        }
        try {
            await this.#handle.close();
            await (0,promises_.rename)(this.#temp, this.#output);
        }
        catch (error) {
            throw outputError(error, this.#output);
        }
        this.#puts.state = 'committed';
    }
    abort() {
        return this.#puts.abort({
            undo: async () => {
                await this.#handle.close().catch(() => { });
                await (0,promises_.rm)(this.#temp, { force: true });
            },
        });
    }
}
const padded = (size) => Math.ceil(size / BLOCK) * BLOCK;
/** A ustar header; sizes of 8 GiB and more in the base-256 form GNU tar and Go read. */
function tarHeader(entry) {
    const header = Buffer.alloc(BLOCK);
    if (Buffer.byteLength(entry.name) > 100)
        throw new Error(`tar name too long: ${entry.name}`);
    header.write(entry.name, 0, 100, 'utf8');
    writeOctal(header, entry.type === 'directory' ? 0o755 : 0o644, 100, 8);
    writeOctal(header, 0, 108, 8);
    writeOctal(header, 0, 116, 8);
    if (entry.size < 8 ** 11)
        writeOctal(header, entry.size, 124, 12);
    else {
        header[124] = 0x80;
        header.writeBigUInt64BE(BigInt(entry.size), 128);
    }
    writeOctal(header, 0, 136, 12);
    header.fill(' ', 148, 156);
    header.write(entry.type === 'directory' ? '5' : '0', 156);
    header.write('ustar\u000000', 257, 'latin1');
    header.write('root', 265);
    header.write('root', 297);
    let checksum = 0;
    for (const byte of header)
        checksum += byte;
    header.write(`${checksum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
    return header;
}
function writeOctal(header, value, offset, width) {
    header.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, 'latin1');
}

;// CONCATENATED MODULE: ./src/lib/write/open.ts








/** The forms an image is written to disk in (pull's --format). */
const DISK_FORMATS = ['docker', 'oci', 'oci-archive', 'rootfs'];
/**
 * Checks the output up front and opens the sink that writes `format` there. Each sink writes
 * under a temporary name in the output's directory and makes its result visible with a rename
 * at `commit`; `abort` removes all it wrote (also the missing parent directories it made) and
 * leaves what was at the output before as it was.
 */
async function openDiskSink(options) {
    const { format, image, reference, logger } = options;
    const output = (0,external_node_path_.resolve)(options.output);
    manifestOf(image);
    image.layers.forEach(layerDescriptor);
    const existing = await checkOutput(options.output, format);
    if (format === 'rootfs')
        rootfsLayers(image);
    const madeParent = await makeDirectories((0,external_node_path_.dirname)(output));
    try {
        const named = { reference, image };
        const mode = existing.kind === 'empty-directory' ? existing.mode : undefined;
        let sink;
        if (format === 'docker' || format === 'oci-archive') {
            sink = await TarArchiveSink.create(output, named, format);
        }
        else if (format === 'oci') {
            const target = existing.kind === 'layout' ? { kind: 'existing' } : { kind: 'new', mode };
            sink = await LayoutSink.create(output, named, target);
        }
        else {
            sink = await RootfsSink.create(output, image, {
                preserveSpecial: options.preserveSpecial,
                maxBytes: options.maxSize,
                illegalNames: options.illegalNames,
                symlinks: options.symlinks,
                mode,
                logger,
            });
        }
        return madeParent === undefined ? sink : new MadeParentSink(sink, madeParent);
    }
    catch (error) {
        if (madeParent !== undefined)
            await removeTree(madeParent);
        throw error;
    }
}
/**
 * Checked before anything is fetched: an output that cannot be written fails fast. A file
 * format needs a file or nothing there; a layout, nothing, an empty directory or a layout; a
 * rootfs, nothing or an empty directory.
 */
async function checkOutput(output, format) {
    const stats = await (0,promises_.stat)(output).catch(() => undefined);
    if (!stats)
        return { kind: 'nothing' };
    const wantsDirectory = format === 'oci' || format === 'rootfs';
    if (stats.isDirectory() !== wantsDirectory) {
        throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `"${output}" is ${stats.isDirectory() ? 'a directory' : 'a file'}; format ${format} writes ${wantsDirectory ? 'a directory' : 'a file'}`, { subject: output, hint: 'name another output path, or choose the matching format' });
    }
    if (!wantsDirectory)
        return { kind: 'file' };
    const entries = await (0,promises_.readdir)(output).catch((error) => {
        throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `cannot use "${output}" as the output: ${error.code}`, {
            subject: output,
            hint: 'name a directory that does not exist yet, is empty, or is an OCI layout',
        });
    });
    if (entries.length === 0)
        return { kind: 'empty-directory', mode: stats.mode & 0o7777 };
    if (format === 'rootfs') {
        throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `"${output}" is not empty; a rootfs is unpacked into an empty directory`, { subject: output, hint: 'remove it or name a new directory' });
    }
    if (!entries.includes('oci-layout')) {
        throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `"${output}" is a non-empty directory and not an OCI layout`, {
            subject: output,
            hint: 'name a directory that does not exist yet, is empty, or is an OCI layout',
        });
    }
    return { kind: 'layout' };
}
/** A sink whose output's parent directories were made for it: abort removes them too. */
class MadeParentSink {
    takesStreamedBlobs = false;
    #sink;
    #madeParent;
    #committed = false;
    constructor(sink, madeParent) {
        this.#sink = sink;
        this.#madeParent = madeParent;
    }
    get name() {
        return this.#sink.name;
    }
    hasBlob(digest, size) {
        return this.#sink.hasBlob(digest, size);
    }
    putBlob(blob) {
        return this.#sink.putBlob(blob);
    }
    putManifest(manifest, target) {
        return this.#sink.putManifest(manifest, target);
    }
    async commit() {
        await this.#sink.commit();
        this.#committed = true;
    }
    async abort() {
        await this.#sink.abort();
        if (!this.#committed)
            await removeTree(this.#madeParent);
    }
}

;// CONCATENATED MODULE: ./src/lib/pull.ts











const PULL_FORMATS = DISK_FORMATS;

/** Pull = copy(registry → docker tarball | OCI layout | OCI archive | rootfs). */
async function pull(options) {
    const logger = options.logger ?? log/* silentLogger */.q;
    const started = Date.now();
    const format = options.format ?? 'docker';
    const reference = (0,lib_reference/* parseReference */.F2)(options.image);
    const wanted = options.platform ? (0,platform/* parsePlatform */.FL)(options.platform) : undefined;
    const extraCaPem = options.caFile ? await (0,connect/* readCaFile */.R)(options.caFile) : undefined;
    // Before any request: an output that cannot be written fails fast.
    await checkOutput(options.output, format);
    const client = await (0,connect/* connectRegistry */.g)(reference.registry, options, extraCaPem, logger);
    try {
        const repository = new registry_repository/* RepositoryClient */.q$(client, reference.path, 'pull');
        const name = (0,lib_reference/* formatReference */.FH)(reference);
        const remote = await logger.group(`Resolving ${name}`, () => (0,source/* readRemoteArtifact */.d2)(repository, reference, {
            platform: wanted ?? (0,platform/* runnerPlatform */.GQ)(),
            defaultPlatform: wanted === undefined,
            logger,
        }));
        const image = remote.artifact;
        const layers = image.layers.map((layer) => ({
            digest: layer.storedDigest,
            size: layer.content.size,
            mediaType: layer.mediaType,
        }));
        logger.info(`${name}: manifest ${image.manifest.digest}${image.platform ? ` (${(0,platform/* formatPlatform */.Bq)(image.platform)})` : ''}, ${layers.length} layers, ${(0,lib_format/* formatBytes */.z)(layers.reduce((total, layer) => total + layer.size, 0))}`);
        if (!(0,source/* isContainerImage */.Lh)(image) && (format === 'docker' || format === 'rootfs')) {
            throw new errors/* TarPushError */.q$('MANIFEST_UNSUPPORTED', `${name} is not a container image (config type ${image.config.mediaType})`, { subject: name, hint: 'pull it with format oci or oci-archive' });
        }
        const report = await logger.group(`Writing ${format} to ${options.output}`, async () => (0,copy/* copyArtifact */.E)(image, reference.tag !== undefined ? [reference.tag] : [], {
            sink: await openDiskSink({
                format,
                output: options.output,
                image,
                reference,
                preserveSpecial: options.preserveSpecial,
                maxSize: options.maxSize,
                illegalNames: options.illegalNames,
                symlinks: options.symlinks,
                logger,
            }),
            compression: 'none',
            concurrency: options.concurrency ?? 4,
            logger,
            progress: options.progress,
            signal: options.signal,
        }));
        return {
            reference: name,
            digest: remote.referenceDigest,
            manifestDigest: image.manifest.digest,
            platform: image.platform ? (0,platform/* formatPlatform */.Bq)(image.platform) : undefined,
            format,
            path: options.output,
            layers,
            bytesDownloaded: report.bytesUploaded,
            seconds: (Date.now() - started) / 1000,
        };
    }
    finally {
        await client.close();
    }
}

// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/pull-run.ts




/** Runs `pull` (loaded only when the command runs: see pull.ts). */
async function runPullCommand(values, operands, output, context) {
    const [image, ...extra] = operands;
    if (!image)
        throw (0,common/* usageError */.Wp)('pull needs an image reference (REGISTRY/REPOSITORY:TAG or @DIGEST)', 'pull');
    if (extra.length > 0)
        throw (0,common/* usageError */.Wp)(`unexpected arguments: ${extra.join(' ')}`, 'pull');
    const path = (0,common/* stringFlag */.AM)(values['output']);
    if (!path)
        throw (0,common/* usageError */.Wp)('pull needs --output PATH', 'pull');
    const format = ((0,common/* stringFlag */.AM)(values['format']) ?? 'docker');
    if (!PULL_FORMATS.includes(format))
        throw (0,common/* usageError */.Wp)(`--format must be one of ${PULL_FORMATS.join(', ')}`, 'pull');
    const symlinks = ((0,common/* stringFlag */.AM)(values['symlinks']) ?? 'error');
    if (!SYMLINK_MODES.includes(symlinks))
        throw (0,common/* usageError */.Wp)(`--symlinks must be one of ${SYMLINK_MODES.join(', ')}`, 'pull');
    // A pull that fails or is stopped leaves the output path as it found it.
    const existed = (0,external_node_fs_.existsSync)(path);
    context.unfinished = () => `pull of ${image} to ${path} not finished; ${existed ? `${path} left as it was` : `${path} not written`}`;
    const result = await pull({
        image,
        output: path,
        format,
        platform: (0,common/* stringFlag */.AM)(values['platform']),
        ...(await (0,common/* connectionOptions */.HZ)(values)),
        preserveSpecial: values['preserve-special'] === true,
        maxSize: (0,common/* parseInteger */.cG)(values['max-size'], '--max-size', 1, Number.MAX_SAFE_INTEGER),
        illegalNames: values['rename-illegal'] === true ? 'rename' : 'refuse',
        symlinks,
        logger: output,
        progress: output.progress,
        signal: context.signal,
    });
    if (values['json'] === true)
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
        process.stdout.write(`${result.path}\n`);
        output.success(`pulled ${result.reference}@${result.digest}${result.platform ? ` (${result.platform})` : ''} as ${result.format}: ${result.layers.length} layers, ${(0,lib_format/* formatBytes */.z)(result.bytesDownloaded)} downloaded in ${result.seconds.toFixed(1)} s`);
    }
    return 0;
}


/***/ }),

/***/ 3423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kh: () => (/* binding */ ANNOTATION_CONTAINERD_NAME),
/* harmony export */   Nd: () => (/* binding */ layoutIndexJson),
/* harmony export */   _0: () => (/* binding */ ANNOTATION_REF_NAME),
/* harmony export */   nD: () => (/* binding */ blobPath),
/* harmony export */   u2: () => (/* binding */ OCI_LAYOUT_FILE)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8899);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5489);


/** The OCI image layout (image-spec layout.md): written by our disk sinks, read by archive/. */
/** Path of a blob inside an OCI image layout (and a Docker 25+ save, which is one). */
const blobPath = (digest) => `blobs/${(0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .algorithmOf */ .Hy)(digest)}/${(0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .hexOf */ .ZD)(digest)}`;
const OCI_LAYOUT_FILE = `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`;
/** A layout's index.json listing `manifests`. */
const layoutIndexJson = (manifests) => `${JSON.stringify({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.ociIndex, manifests })}\n`;
/** The annotation naming a layout's image by its tag alone (skopeo, umoci) or a full reference. */
const ANNOTATION_REF_NAME = 'org.opencontainers.image.ref.name';
/** The full reference containerd and docker load 25+ read. */
const ANNOTATION_CONTAINERD_NAME = 'io.containerd.image.name';


/***/ })

};
