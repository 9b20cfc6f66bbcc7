export const id = 82;
export const ids = [82];
export const modules = {

/***/ 5082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPushCommand: () => (/* binding */ runPushCommand)
});

// EXTERNAL MODULE: ./src/lib/encode/levels.ts
var levels = __webpack_require__(8043);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
;// CONCATENATED MODULE: ./src/lib/metadata.ts
/** The `metadata` output and `--json` document: stable field names, one entry per pushed image. */
function metadataOf(result) {
    return {
        images: result.images.map((image) => ({
            reference: image.repository,
            digest: image.digest,
            imageRef: image.imageRef,
            mediaType: image.mediaType,
            size: image.size,
            tags: image.references,
            manifests: image.images.map((member) => ({
                digest: member.digest,
                mediaType: member.mediaType,
                size: member.size,
                ...(member.platform ? { platform: member.platform } : {}),
                config: member.config,
                layers: member.layers.map((layer) => ({
                    digest: layer.digest,
                    size: layer.size,
                    mediaType: layer.mediaType,
                    status: layer.status,
                    ...(layer.diffId ? { diffId: layer.diffId } : {}),
                })),
            })),
            bytesUploaded: image.bytesUploaded,
        })),
        bytesUploaded: result.bytesUploaded,
        seconds: result.seconds,
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:tty"
var external_node_tty_ = __webpack_require__(7066);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/lib/cancel.ts
var cancel = __webpack_require__(5321);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/pooled-file.ts
var pooled_file = __webpack_require__(9059);
;// CONCATENATED MODULE: ./src/lib/archive/tar-index.ts




/** The tar block: headers and bodies are laid out in 512-byte blocks. */
const TAR_BLOCK = 512;
const BLOCK = TAR_BLOCK;
const MAX_LINK_DEPTH = 32;
const MAX_META_SIZE = 1024 * 1024;
const TYPE_NAMES = {
    '3': 'character device',
    '4': 'block device',
    '6': 'FIFO',
    '7': 'contiguous file',
    S: 'sparse file',
    V: 'volume header',
};
class TarIndex {
    name;
    #path;
    #entries;
    constructor(path, displayName, entries) {
        this.#path = path;
        this.name = displayName;
        this.#entries = entries;
    }
    /** Indexes `path`; `displayName` names it in errors (the user's file, not a spool file). */
    static async open(path, displayName = path) {
        const handle = await (0,promises_.open)(path, 'r');
        try {
            const entries = await readHeaders(handle, displayName);
            return new TarIndex(path, displayName, entries);
        }
        finally {
            await handle.close();
        }
    }
    get entries() {
        return this.#entries.values();
    }
    has(name) {
        return this.#entries.has(cleanName(name));
    }
    /** Follows symlinks and hard links inside the archive to a regular file or directory. */
    resolve(name) {
        let entry = this.#entries.get(cleanName(name));
        for (let depth = 0; entry && entry.type !== 'file' && entry.type !== 'directory'; depth++) {
            if (depth >= MAX_LINK_DEPTH) {
                throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `link loop at "${name}"`, {
                    subject: this.name,
                    hint: 'links in an image archive lead to a file; this tarball was crafted or damaged',
                });
            }
            entry = this.#entries.get(linkTarget(entry, this.name));
        }
        return entry;
    }
    sizeOf(name) {
        const entry = this.resolve(name);
        return entry?.type === 'file' ? entry.size : undefined;
    }
    open(name) {
        const entry = this.#regularFile(name);
        return (0,pooled_file/* openRangeStream */.I)(this.#path, entry.offset, entry.size);
    }
    rangeOf(name) {
        const entry = this.#regularFile(name);
        return { path: this.#path, start: entry.offset, size: entry.size };
    }
    async readHead(name, length) {
        const entry = this.#regularFile(name);
        return this.#read(entry, Math.min(length, entry.size));
    }
    async readAll(name, limit) {
        const entry = this.#regularFile(name);
        if (entry.size > limit) {
            throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `"${name}" is ${entry.size} bytes, more than the ${limit} allowed for it`, {
                subject: this.name,
                hint: 'this file should be a small JSON document; the tarball is not an image archive or was altered',
            });
        }
        return this.#read(entry, entry.size);
    }
    async #read(entry, length) {
        const handle = await (0,promises_.open)(this.#path, 'r');
        try {
            const buffer = Buffer.alloc(length);
            const { bytesRead } = await handle.read(buffer, 0, length, entry.offset);
            if (bytesRead !== length)
                throw truncated(this.name, entry.name);
            return buffer;
        }
        finally {
            await handle.close();
        }
    }
    async close() { }
    #regularFile(name) {
        const entry = this.resolve(name);
        if (!entry || entry.type !== 'file') {
            throw new errors/* TarPushError */.q$('TARBALL_MISSING_ENTRY', `"${name}" is not a file in the archive`, {
                subject: this.name,
                hint: 'the tarball is incomplete; save the image again',
            });
        }
        return entry;
    }
}
const truncated = (archive, entry) => new errors/* TarPushError */.q$('TARBALL_UNREADABLE', `the archive ends inside "${entry}": it is truncated`, {
    subject: archive,
    hint: 'the file was cut short (an interrupted download, upload or save); produce it again',
});
/** A clean relative name; absolute names and `..` are refused, as they could escape a target. */
function cleanName(raw, archive) {
    const name = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    if (archive !== undefined) {
        if (raw.startsWith('/') || name.split('/').includes('..')) {
            throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `unsafe entry name "${raw}" (absolute or with "..")`, {
                subject: archive,
                hint: 'image archives hold relative names only; this tarball is not one or was crafted',
            });
        }
    }
    return external_node_path_.posix.normalize(name === '' ? '.' : name);
}
function linkTarget(entry, archive) {
    const target = entry.linkname ?? '';
    const joined = entry.type === 'symlink'
        ? external_node_path_.posix.join(external_node_path_.posix.dirname(entry.name), target)
        : external_node_path_.posix.normalize(target);
    if (target.startsWith('/') || joined === '..' || joined.startsWith('../')) {
        throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `link "${entry.name}" points outside the archive ("${target}")`, {
            subject: archive,
            hint: 'links in an image archive must stay inside it; this tarball was crafted or damaged',
        });
    }
    return cleanName(joined);
}
async function readHeaders(handle, archive) {
    const { size: fileSize } = await handle.stat();
    const entries = new Map();
    const header = Buffer.alloc(BLOCK);
    let position = 0;
    let pending = {};
    let globalMeta = {};
    while (position + BLOCK <= fileSize) {
        const { bytesRead } = await handle.read(header, 0, BLOCK, position);
        if (bytesRead < BLOCK)
            break;
        if (header.every((byte) => byte === 0))
            return entries; // end-of-archive marker
        if (!checksumMatches(header)) {
            throw new errors/* TarPushError */.q$('TARBALL_UNREADABLE', `not a tar archive (bad header at byte ${position})`, {
                subject: archive,
                hint: 'pass an image tarball from docker save, podman save, skopeo or buildx (optionally gzip/zstd compressed)',
            });
        }
        const typeflag = String.fromCharCode(header[156]) || '0';
        const bodySize = pending.size ?? globalMeta.size ?? parseNumber(header, 124, 12);
        const bodyOffset = position + BLOCK;
        if (bodyOffset + bodySize > fileSize)
            throw truncated(archive, readName(header));
        const next = bodyOffset + Math.ceil(bodySize / BLOCK) * BLOCK;
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (bodySize > MAX_META_SIZE)
                throw truncated(archive, 'an oversized metadata header');
            const body = Buffer.alloc(bodySize);
            await handle.read(body, 0, bodySize, bodyOffset);
            if (typeflag === 'x')
                pending = { ...pending, ...parsePax(body) };
            else if (typeflag === 'g')
                globalMeta = { ...globalMeta, ...parsePax(body) };
            else if (typeflag === 'L')
                pending.path = cString(body);
            else
                pending.linkpath = cString(body);
            position = next;
            continue;
        }
        const rawName = pending.path ?? globalMeta.path ?? readName(header);
        const type = entryType(typeflag, rawName, archive);
        const name = cleanName(rawName, archive);
        const linkname = pending.linkpath ?? globalMeta.linkpath ?? nullTerminated(header, 157, 100);
        pending = {};
        position = next;
        if (name === '.')
            continue;
        const earlier = entries.get(name);
        if (earlier && !(earlier.type === 'directory' && type === 'directory')) {
            // Readers disagree on which copy wins; a tarball with two of one file is not trusted.
            throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `entry "${name}" appears twice in the archive`, {
                subject: archive,
                hint: 'image archives name each file once; this tarball was appended to or crafted',
            });
        }
        entries.set(name, {
            name,
            type,
            offset: bodyOffset,
            size: type === 'file' ? bodySize : 0,
            linkname: type === 'symlink' || type === 'hardlink' ? linkname : undefined,
        });
    }
    if (position < fileSize || position === 0) {
        throw new errors/* TarPushError */.q$('TARBALL_UNREADABLE', 'the archive is truncated or empty (no end-of-archive marker)', {
            subject: archive,
            hint: 'the file was cut short; produce it again',
        });
    }
    return entries;
}
function entryType(typeflag, name, archive) {
    switch (typeflag) {
        case '0':
        case '\0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '5':
            return 'directory';
        default:
            throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `entry "${name}" is a ${TYPE_NAMES[typeflag] ?? `type "${typeflag}" entry`}; image archives hold only files, directories and links`, { subject: archive, hint: 'this tarball is not an image archive or was crafted' });
    }
}
/** Whether a 512-byte block is a tar header: its checksum field matches its bytes. */
function checksumMatches(header) {
    const stored = parseNumber(header, 148, 8);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const byte = i >= 148 && i < 156 ? 0x20 : header[i];
        unsigned += byte;
        signed += byte > 127 ? byte - 256 : byte;
    }
    return stored === unsigned || stored === signed;
}
function readName(header) {
    const name = nullTerminated(header, 0, 100);
    const isUstar = header.toString('latin1', 257, 262) === 'ustar';
    const prefix = isUstar ? nullTerminated(header, 345, 155) : '';
    return prefix ? `${prefix}/${name}` : name;
}
function nullTerminated(buffer, start, length) {
    const end = buffer.indexOf(0, start);
    return buffer.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}
const cString = (buffer) => nullTerminated(buffer, 0, buffer.length);
/** Octal, or GNU base-256 when the high bit of the first byte is set (files over 8 GiB). */
function parseNumber(buffer, start, length) {
    if (buffer[start] & 0x80) {
        let value = buffer[start] & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + buffer[i];
        return value;
    }
    const text = buffer
        .toString('latin1', start, start + length)
        .replace(/[\0 ]+$/, '')
        .trim();
    return text === '' ? 0 : parseInt(text, 8);
}
function parsePax(body) {
    const meta = {};
    let position = 0;
    while (position < body.length) {
        const space = body.indexOf(0x20, position);
        if (space === -1)
            break;
        const length = parseInt(body.toString('latin1', position, space), 10);
        if (!Number.isFinite(length) || length <= 0)
            break;
        const record = body.toString('utf8', space + 1, position + length - 1);
        const equals = record.indexOf('=');
        const key = record.slice(0, equals);
        const value = record.slice(equals + 1);
        if (key === 'path')
            meta.path = value;
        else if (key === 'linkpath')
            meta.linkpath = value;
        else if (key === 'size')
            meta.size = Number(value);
        position += length;
    }
    return meta;
}

;// CONCATENATED MODULE: ./src/lib/archive/directory.ts






/** The files of an OCI image layout directory; symlinks may not lead out of it. */
class LayoutDirectory {
    name;
    #root;
    constructor(path) {
        this.name = path;
        this.#root = (0,external_node_fs_.realpathSync)(path);
    }
    #pathOf(name) {
        const path = (0,external_node_path_.join)(this.#root, cleanName(name, this.name));
        let real;
        try {
            real = (0,external_node_fs_.realpathSync)(path);
        }
        catch {
            return undefined;
        }
        if (real !== this.#root && !real.startsWith(this.#root + external_node_path_.sep)) {
            throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `"${name}" is a link that leads outside the layout directory`, {
                subject: this.name,
                hint: 'an OCI layout holds its blobs inside it; remove the link',
            });
        }
        return real;
    }
    sizeOf(name) {
        const path = this.#pathOf(name);
        if (path === undefined)
            return undefined;
        const stats = (0,external_node_fs_.statSync)(path);
        return stats.isFile() ? stats.size : undefined;
    }
    #existing(name) {
        const path = this.#pathOf(name);
        if (path === undefined || !(0,external_node_fs_.statSync)(path).isFile()) {
            throw new errors/* TarPushError */.q$('TARBALL_MISSING_ENTRY', `"${name}" is not a file in the layout`, {
                subject: this.name,
                hint: 'the layout directory is incomplete; write it again',
            });
        }
        return path;
    }
    open(name) {
        const path = this.#existing(name);
        return (0,pooled_file/* openRangeStream */.I)(path, 0, (0,external_node_fs_.statSync)(path).size);
    }
    rangeOf(name) {
        const path = this.#existing(name);
        return { path, start: 0, size: (0,external_node_fs_.statSync)(path).size };
    }
    async readHead(name, length) {
        const handle = await (0,promises_.open)(this.#existing(name), 'r');
        try {
            const buffer = Buffer.alloc(length);
            const { bytesRead } = await handle.read(buffer, 0, length, 0);
            return buffer.subarray(0, bytesRead);
        }
        finally {
            await handle.close();
        }
    }
    async readAll(name, limit) {
        const handle = await (0,promises_.open)(this.#existing(name), 'r');
        try {
            const { size } = await handle.stat();
            if (size > limit) {
                throw new errors/* TarPushError */.q$('TARBALL_ENTRY', `"${name}" is ${size} bytes, more than the ${limit} allowed for it`, {
                    subject: this.name,
                });
            }
            return await handle.readFile();
        }
        finally {
            await handle.close();
        }
    }
    async close() { }
}

;// CONCATENATED MODULE: ./src/lib/archive/sniff.ts
/**
 * What a file is, told by its first bytes (magic numbers), as `file(1)` tells it: a gzip or zstd
 * wrapper tar-push unwraps, a tar archive, or something else — named, so that an error can say
 * "app.zip is a zip archive" instead of a parse failure deep inside the tar reader.
 */

/** Bytes read from the start of a file to sniff it: one tar header block. */
const SNIFF_BYTES = TAR_BLOCK;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
function sniffCompression(head) {
    if (head.subarray(0, 2).equals(GZIP_MAGIC))
        return 'gzip';
    if (head.subarray(0, 4).equals(ZSTD_MAGIC))
        return 'zstd';
    return 'none';
}
/** A tar archive starts with a header block whose checksum holds, or with the end marker. */
function looksLikeTar(head) {
    if (head.length < TAR_BLOCK)
        return false;
    const header = head.subarray(0, TAR_BLOCK);
    return header.every((byte) => byte === 0) || checksumMatches(header);
}
const startsWith = (head, ...bytes) => head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
const ascii = (head, text) => head.toString('latin1', 0, text.length) === text;
const DECOMPRESS_FIRST = 'decompress it first, or compress the tar with gzip or zstd, which tar-push unwraps itself';
/** Names what the first bytes of a file are; `size` is the whole file's. */
function describeContent(head, size) {
    if (size === 0)
        return { what: 'empty (0 bytes)' };
    if (ascii(head, 'PK\x03\x04') || ascii(head, 'PK\x05\x06') || ascii(head, 'PK\x07\x08')) {
        return {
            what: 'a zip archive',
            hint: 'unzip it and pass the image tarball inside (a downloaded CI artifact comes zipped)',
        };
    }
    if (ascii(head, 'BZh') && head[3] !== undefined && head[3] >= 0x31 && head[3] <= 0x39)
        return { what: 'a bzip2-compressed file', hint: DECOMPRESS_FIRST };
    if (startsWith(head, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))
        return { what: 'an xz-compressed file', hint: DECOMPRESS_FIRST };
    if (startsWith(head, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c))
        return { what: 'a 7-Zip archive', hint: DECOMPRESS_FIRST };
    if (startsWith(head, 0x7f, 0x45, 0x4c, 0x46))
        return { what: 'an executable (ELF)' };
    if (ascii(head, '%PDF'))
        return { what: 'a PDF document' };
    const text = asText(head);
    if (text !== undefined) {
        const start = text.replace(/^\uFEFF/, '').trimStart();
        if (start.startsWith('{') || start.startsWith('[')) {
            const manifest = /"(schemaVersion|mediaType|manifests|RepoTags|Layers|Config)"/.test(start);
            return manifest
                ? {
                    what: 'a JSON document (an image manifest or index, not the archive it belongs to)',
                    hint: 'pass the whole image archive (docker save -o app.tar app), not one file of it',
                }
                : { what: 'a JSON document' };
        }
        if (/^<(!doctype html|html|head|body)\b/i.test(start)) {
            return {
                what: 'an HTML page',
                hint: 'a download that got an error or login page instead of the file? fetch it again',
            };
        }
        if (start.startsWith('<'))
            return { what: 'an XML document' };
        return { what: 'a text file' };
    }
    if (size < TAR_BLOCK)
        return { what: `${size} bytes of binary data, too short for a tar archive` };
    const first = [...head.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, '0'));
    return { what: `binary data of no format tar-push knows (it starts ${first.join(' ')})` };
}
/** Whitespace control bytes text has: tab, line feed, vertical tab, form feed, carriage return. */
const isTextControl = (byte) => byte >= 0x09 && byte <= 0x0d;
/** The head as text when it is text: UTF-8 without NUL or other control bytes. */
function asText(head) {
    if (head.some((byte) => (byte < 0x20 && !isTextControl(byte)) || byte === 0x7f))
        return undefined;
    // A multi-byte character may be cut at the end of the head.
    const body = head.length >= SNIFF_BYTES ? head.subarray(0, head.length - 3) : head;
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(body);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/lib/paths.ts
var lib_paths = __webpack_require__(9927);
;// CONCATENATED MODULE: ./src/lib/archive/open.ts













/** The tarball path that means standard input, as tar, docker load and crane read it. */
const STDIN = '-';
/** How an archive path is named in messages: `-` is standard input. */
const archiveName = (path) => (path === STDIN ? 'standard input' : path);
/**
 * Opens a tarball or OCI layout directory, whatever its name says. Layers are read by offset,
 * so what cannot be read at random is spooled to a private temp directory first: standard input
 * (`-`) and pipes, FIFOs or devices (`/dev/stdin`), read once as a stream; and the tar inside a
 * gzip or zstd wrapper (found by magic bytes). The spool goes on close, on any failure and on a
 * stop. A file that is no tar is named for what it is ("app.zip is a zip archive").
 */
async function openArchive(path, options = {}) {
    const name = archiveName(path);
    const input = path === STDIN ? stdinFile() : await fileOf(path);
    if (input.kind === 'directory') {
        const files = new LayoutDirectory(path);
        return { files, wrapper: 'none', close: () => files.close() };
    }
    const spool = new Spool(options.spoolDir);
    try {
        let file = input.kind === 'file' ? input.path : await spoolStream(input, name, spool, options);
        let size = (await (0,promises_.stat)(file)).size;
        let head = await readHead(file);
        const wrapper = sniffCompression(head);
        if (wrapper !== 'none') {
            const unwrapped = await spool.file('unwrapped.tar');
            await unwrap(file, unwrapped, wrapper, name, size, options.signal);
            if (input.kind === 'stream')
                await (0,promises_.rm)(file, { force: true });
            file = unwrapped;
            size = (await (0,promises_.stat)(file)).size;
            head = await readHead(file);
        }
        if (!looksLikeTar(head))
            throw notATar(name, head, size, wrapper, input.kind === 'stream');
        const files = await TarIndex.open(file, wrapper === 'none' ? name : `${name} (${wrapper})`);
        return {
            files,
            wrapper,
            close: async () => {
                await files.close();
                await spool.remove();
            },
        };
    }
    catch (error) {
        await spool.remove();
        throw error;
    }
}
async function fileOf(path) {
    const stats = await (0,promises_.stat)(path).catch((error) => {
        throw new errors/* TarPushError */.q$('TARBALL_NOT_FOUND', `cannot read "${path}": ${error.code ?? error.message}`, {
            subject: path,
            hint: 'check the tarball path (relative paths start at the working directory)',
        });
    });
    if (stats.isDirectory())
        return { kind: 'directory' };
    if (stats.isFile())
        return { kind: 'file', path };
    // A pipe, FIFO, socket or character device (/dev/stdin, <(docker save app)): read once.
    return { kind: 'stream', open: () => (0,external_node_fs_.createReadStream)(path) };
}
/** Standard input: a file redirected in (`< app.tar`) is read in place, anything else streamed. */
function stdinFile() {
    if ((0,external_node_tty_.isatty)(0)) {
        throw new errors/* TarPushError */.q$('USAGE', 'the tarball is read from standard input (-), but standard input is a terminal', {
            subject: 'standard input',
            hint: 'pipe the tarball in (docker save app | tar-push push - --image …) or name its file',
        });
    }
    try {
        if (process.platform !== 'win32' && (0,external_node_fs_.fstatSync)(0).isFile())
            return { kind: 'file', path: '/dev/stdin' };
    }
    catch {
        // no descriptor 0 to look at: read it as a stream
    }
    return { kind: 'stream', open: () => process.stdin };
}
/** A private temp directory (tar-push-XXXXXX), made when the first file is needed. */
class Spool {
    #parent;
    #root;
    constructor(parent) {
        // RUNNER_TEMP on GitHub runners (Windows' TEMP can be on a small system drive).
        this.#parent = parent ?? (0,lib_paths/* temporaryDirectory */.D)();
    }
    async file(name) {
        this.#root ??= await (0,promises_.mkdtemp)((0,external_node_path_.join)(this.#parent, 'tar-push-'));
        return (0,external_node_path_.join)(this.#root, name);
    }
    async remove() {
        if (this.#root !== undefined)
            await (0,promises_.rm)(this.#root, { recursive: true, force: true });
    }
}
/** Reads a stream to its end into the spool: the only way to read a pipe more than once. */
async function spoolStream(input, name, spool, options) {
    const path = await spool.file('input');
    await (0,external_node_stream_promises_.pipeline)(input.open(), (0,external_node_fs_.createWriteStream)(path), { signal: options.signal }).catch((error) => {
        if (options.signal?.aborted)
            throw (0,cancel/* cancelledError */.YQ)(options.signal);
        throw new errors/* TarPushError */.q$('TARBALL_UNREADABLE', `reading ${name} failed: ${error.code ?? error.message}`, {
            subject: name,
            hint: error.code === 'ENOSPC'
                ? `the tarball is spooled to ${options.spoolDir ?? (0,lib_paths/* temporaryDirectory */.D)()} (RUNNER_TEMP or TMPDIR) first; free space there or point TMPDIR elsewhere`
                : 'check what writes into the pipe; it may have failed half-way',
        });
    });
    return path;
}
async function unwrap(from, to, wrapper, name, compressedSize, signal) {
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(from), wrapper === 'gzip' ? (0,external_node_zlib_.createGunzip)() : (0,external_node_zlib_.createZstdDecompress)(), new BombGuard(name, compressedSize), (0,external_node_fs_.createWriteStream)(to), 
    // A stop during the unwrapping (seconds for a big .tar.gz) ends it at once.
    { signal }).catch((error) => {
        if (error instanceof errors/* TarPushError */.q$)
            throw error;
        if (signal?.aborted)
            throw (0,cancel/* cancelledError */.YQ)(signal);
        throw new errors/* TarPushError */.q$('TARBALL_UNREADABLE', `the ${wrapper} compression of the file is broken: ${error.message}`, {
            subject: name,
            hint: 'the file was cut short or damaged; compress or download it again',
        });
    });
}
const FORMAT_HINT = 'pass the output of docker save, podman save, skopeo copy (docker-archive: or oci-archive:) or buildx --output type=docker|oci, optionally gzip- or zstd-compressed';
/** The error for a file that is not a tar: what it is instead, and what to pass. */
function notATar(name, head, size, wrapper, streamed) {
    const { what, hint } = describeContent(head, size);
    const message = wrapper === 'none'
        ? `${name} is ${what}, not an image tarball`
        : `${name} is ${wrapper}-compressed, but what it holds is ${what}, not an image tarball`;
    const emptyHint = streamed
        ? 'nothing came through the pipe: the command before | probably failed (docker save of an image that is not there?)'
        : 'an empty file usually means the command that wrote it failed; save the image again';
    return new errors/* TarPushError */.q$('TARBALL_FORMAT', message, {
        subject: name,
        hint: size === 0 ? emptyHint : (hint ?? FORMAT_HINT),
    });
}
/**
 * Real image tarballs shrink 2-20× when compressed; a file that unpacks to over a thousand
 * times its size (and over 1 GiB) is a decompression bomb that would fill the disk.
 */
const BOMB_RATIO = 1000;
const BOMB_MIN_BYTES = 1024 ** 3;
class BombGuard extends external_node_stream_.Transform {
    #path;
    #limit;
    #written = 0;
    constructor(path, compressedSize) {
        super();
        this.#path = path;
        this.#limit = Math.max(BOMB_MIN_BYTES, compressedSize * BOMB_RATIO);
    }
    _transform(chunk, _encoding, done) {
        this.#written += chunk.length;
        if (this.#written <= this.#limit) {
            done(null, chunk);
            return;
        }
        done(new errors/* TarPushError */.q$('TARBALL_UNREADABLE', `the file unpacks to more than ${BOMB_RATIO} times its size: a decompression bomb`, {
            subject: this.#path,
            hint: 'if it is a real image, decompress it yourself and pass the .tar',
        }));
    }
}
async function readHead(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const head = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
        return head.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/lib/digest.ts
var digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/image/parse.ts
var parse = __webpack_require__(1750);
// EXTERNAL MODULE: ./src/lib/image/json.ts
var image_json = __webpack_require__(3707);
// EXTERNAL MODULE: ./src/lib/image/layout.ts
var layout = __webpack_require__(3423);
// EXTERNAL MODULE: ./src/lib/image/limits.ts
var limits = __webpack_require__(9041);
// EXTERNAL MODULE: ./src/lib/image/media-types.ts
var media_types = __webpack_require__(5489);
;// CONCATENATED MODULE: ./src/lib/archive/files.ts


/**
 * A read that took longer than this came from the disk, not the page cache (where 512 KiB takes
 * well under a millisecond): the reader's later reads go through the thread pool.
 */
const SLOW_READ_MS = 4;
/** Files a read was slow from: their later readers start asynchronous (one file, one disk). */
const slowFiles = new Set();
/**
 * The bytes [start, start + size) of a file, read in order. Reads block the thread while they
 * are fast: the tarball of a push was mostly written just before, so its bytes are in the page
 * cache, and an asynchronous read's round trip through libuv's thread pool waits for a busy
 * main thread. The encoders fill their slots with these reads; done asynchronously, they left
 * the deflaters idle a quarter of a cold gzip push (1.58 s, against 1.50 s synchronous). The
 * first read slower than `slowReadMs` switches the reader, and every later reader of the same
 * file, to asynchronous reads, which let the reads of several layers overlap on a slow disk.
 */
async function openRangeReader(path, start, size, options = {}) {
    const slowReadMs = options.slowReadMs ?? SLOW_READ_MS;
    const handle = await (0,promises_.open)(path, 'r');
    let position = start;
    const end = start + size;
    let synchronous = !slowFiles.has(path);
    const readSome = async (into, offset, length) => {
        if (!synchronous)
            return (await handle.read(into, offset, length, position)).bytesRead;
        const started = performance.now();
        const bytesRead = (0,external_node_fs_.readSync)(handle.fd, into, offset, length, position);
        if (performance.now() - started > slowReadMs) {
            synchronous = false;
            slowFiles.add(path);
        }
        return bytesRead;
    };
    return {
        get synchronous() {
            return synchronous;
        },
        async read(into) {
            let filled = 0;
            while (filled < into.length && position < end) {
                const wanted = Math.min(into.length - filled, end - position);
                const bytesRead = await readSome(into, filled, wanted);
                if (bytesRead === 0)
                    throw new Error(`${path} ended at byte ${position}, before ${end}`);
                filled += bytesRead;
                position += bytesRead;
            }
            return filled;
        },
        close: () => handle.close(),
    };
}

;// CONCATENATED MODULE: ./src/lib/archive/read.ts











/**
 * Reads the images of a tarball or layout directory, recognised by content: a `manifest.json`
 * means a docker save (legacy or Docker 25+, whose manifest.json points into an OCI layout),
 * `oci-layout` + `index.json` an OCI archive or layout. Validates structure and every JSON
 * document; layer bytes are verified later, while they are read for the upload.
 */
async function readArchive(path, options = {}) {
    const archive = await openArchive(path, options);
    try {
        const entries = await readEntries(archive.files);
        return { name: archiveName(path), entries, close: () => archive.close() };
    }
    catch (error) {
        await archive.close();
        throw error;
    }
}
async function readEntries(files) {
    if (files.sizeOf('manifest.json') !== undefined)
        return readDockerArchive(files);
    if (files.sizeOf('oci-layout') !== undefined && files.sizeOf('index.json') !== undefined) {
        return readOciLayout(files);
    }
    throw new errors/* TarPushError */.q$('TARBALL_FORMAT', 'no manifest.json (docker save) nor oci-layout and index.json (OCI) in it', {
        subject: files.name,
        hint: 'pass the output of docker save, podman save, skopeo copy docker-archive:/oci-archive: or buildx --output type=docker|oci',
    });
}
const blobContent = (files, name, size) => ({
    origin: `${files.name}: ${name}`,
    size,
    open: async () => files.open(name),
    openReader: async () => {
        const { path, start, size } = files.rangeOf(name);
        return openRangeReader(path, start, size);
    },
    fileRange: () => files.rangeOf(name),
});
function requireSize(files, name, referrer) {
    const size = files.sizeOf(name);
    if (size === undefined) {
        throw new errors/* TarPushError */.q$('TARBALL_MISSING_ENTRY', `"${name}", named by ${referrer}, is not in the archive`, {
            subject: files.name,
            hint: 'the tarball is incomplete; save the image again',
        });
    }
    return size;
}
/** Blob names that carry a digest: "blobs/sha256/<hex>", "<hex>.json", "<hex>/layer.tar" is not one. */
function digestInName(name) {
    const blob = /(?:^|\/)blobs\/(sha256|sha512)\/([a-f0-9]{64,128})$/.exec(name);
    if (blob)
        return `${blob[1]}:${blob[2]}`;
    const config = /(?:^|\/)([a-f0-9]{64})\.json$/.exec(name);
    return config ? `sha256:${config[1]}` : undefined;
}
function digestMismatch(files, name, expected, actual) {
    return new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `"${name}" has digest ${actual}, but is named ${expected}`, {
        subject: files.name,
        hint: 'the archive is damaged or was altered after it was written; save the image again',
    });
}
function readConfigBytes(document, bytes) {
    const json = new image_json/* JsonReader */.O(document);
    return (0,parse/* readImageConfig */.MP)(json, json.parse(bytes));
}
function layerCountMismatch(files, where, layers, diffIds) {
    return new errors/* TarPushError */.q$('LAYER_COUNT_MISMATCH', `${where} lists ${layers} layers but its config has ${diffIds} rootfs.diff_ids`, { subject: files.name, hint: 'the archive is inconsistent; save the image again' });
}
async function readDockerArchive(files) {
    const json = new image_json/* JsonReader */.O(`${files.name}: manifest.json`);
    const manifest = json.array(json.parse(await files.readAll('manifest.json', limits/* LIMITS */.b.manifestBytes)), '');
    if (manifest.length === 0)
        throw json.fail('', 'lists no image');
    const entries = [];
    for (const [index, item] of manifest.entries()) {
        const at = `[${index}]`;
        const record = json.object(item, at);
        const configName = json.string(record['Config'], `${at}.Config`);
        const repoTags = record['RepoTags'] == null ? [] : json.stringArray(record['RepoTags'], `${at}.RepoTags`);
        const layerNames = json.stringArray(record['Layers'], `${at}.Layers`);
        requireSize(files, configName, 'manifest.json');
        const configBytes = await files.readAll(configName, limits/* LIMITS */.b.configBytes);
        const configDigest = (0,digest/* sha256 */.sc)(configBytes);
        const namedDigest = digestInName(configName);
        if (namedDigest && (0,digest/* algorithmOf */.Hy)(namedDigest) === 'sha256' && namedDigest !== configDigest) {
            throw digestMismatch(files, configName, namedDigest, configDigest);
        }
        const { diffIds, platform } = readConfigBytes(`${files.name}: ${configName}`, configBytes);
        if (layerNames.length !== diffIds.length) {
            throw layerCountMismatch(files, `manifest.json ${at}`, layerNames.length, diffIds.length);
        }
        const layers = [];
        for (const [layerIndex, name] of layerNames.entries()) {
            const size = requireSize(files, name, `manifest.json ${at}.Layers[${layerIndex}]`);
            const compression = sniffCompression(await files.readHead(name, 8));
            const diffId = diffIds[layerIndex];
            layers.push({
                diffId,
                compression,
                storedDigest: digestInName(name) ?? (compression === 'none' ? diffId : undefined),
                mediaType: undefined,
                isTar: true,
                content: blobContent(files, name, size),
            });
        }
        const config = {
            bytes: configBytes,
            digest: configDigest,
            mediaType: media_types/* MediaType */.zu.dockerConfig,
        };
        const image = {
            kind: 'image',
            flavor: 'docker',
            config,
            diffIds,
            layers,
            manifest: undefined,
            platform,
        };
        entries.push({ refs: repoTags, artifact: image });
    }
    return entries;
}
class OciReader {
    #files;
    constructor(files) {
        this.#files = files;
    }
    blobName(digest) {
        return (0,layout/* blobPath */.nD)(digest);
    }
    /** Reads a small blob whole and checks it against its descriptor. */
    async readBlob(descriptor, referrer, limit) {
        const name = this.blobName(descriptor.digest);
        const size = requireSize(this.#files, name, referrer);
        if (size !== descriptor.size)
            throw this.sizeMismatch(name, descriptor.size, size);
        const bytes = await this.#files.readAll(name, limit);
        if (!(0,digest/* matchesDigest */._j)(bytes, descriptor.digest)) {
            const actual = (0,digest/* digestIn */.s)((0,digest/* algorithmOf */.Hy)(descriptor.digest), bytes);
            throw digestMismatch(this.#files, name, descriptor.digest, actual);
        }
        return { bytes, digest: descriptor.digest, mediaType: descriptor.mediaType };
    }
    sizeMismatch(name, expected, actual) {
        return new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `"${name}" is ${actual} bytes, its descriptor says ${expected}`, {
            subject: this.#files.name,
            hint: 'the archive is damaged or was altered after it was written; save the image again',
        });
    }
    async artifact(descriptor, referrer, depth) {
        const manifest = await this.readBlob(descriptor, referrer, limits/* LIMITS */.b.manifestBytes);
        const where = `${this.#files.name}: ${this.blobName(descriptor.digest)}`;
        const json = new image_json/* JsonReader */.O(where);
        const parsed = (0,parse/* parseManifest */.Ng)(json, manifest.bytes, {
            outerMediaType: descriptor.mediaType,
            name: where,
        });
        const raw = { ...manifest, mediaType: parsed.mediaType };
        if (parsed.kind === 'index') {
            if (depth >= limits/* LIMITS */.b.indexDepth)
                throw json.fail('', 'nests indexes too deeply');
            const children = [];
            for (const [index, childDescriptor] of parsed.manifests.entries()) {
                const artifact = await this.artifact(childDescriptor, `${where} manifests[${index}]`, depth + 1);
                if (artifact.kind !== 'image')
                    throw json.fail(`manifests[${index}]`, 'is an index inside an index; not supported');
                children.push(artifact);
            }
            const index = { kind: 'index', manifest: raw, children };
            return index;
        }
        const config = await this.readBlob(parsed.config, `${where} config`, limits/* LIMITS */.b.configBytes);
        const configJson = new image_json/* JsonReader */.O(`${this.#files.name}: ${this.blobName(parsed.config.digest)}`);
        const image = (0,parse/* readImageLayers */.oj)(configJson, config, parsed.layers, where);
        const diffIds = image?.diffIds ?? [];
        const layers = (0,parse/* layersOf */.w)(parsed.layers, image, (descriptor, index) => {
            const name = this.blobName(descriptor.digest);
            const size = requireSize(this.#files, name, `${where} layers[${index}]`);
            if (size !== descriptor.size)
                throw this.sizeMismatch(name, descriptor.size, size);
            return blobContent(this.#files, name, size);
        });
        return {
            kind: 'image',
            flavor: (0,media_types/* flavorOfManifest */.j7)(raw.mediaType),
            config,
            diffIds,
            layers,
            manifest: raw,
            platform: image?.platform,
        };
    }
}
/** The name a descriptor of index.json carries: a full reference, or a tag alone (skopeo, umoci). */
function refOf(descriptor) {
    return (descriptor.annotations?.[layout/* ANNOTATION_CONTAINERD_NAME */.Kh] ??
        descriptor.annotations?.[layout/* ANNOTATION_REF_NAME */._0]);
}
async function readOciLayout(files) {
    const layoutJson = new image_json/* JsonReader */.O(`${files.name}: oci-layout`);
    const layout = layoutJson.object(layoutJson.parse(await files.readAll('oci-layout', limits/* LIMITS */.b.layoutFileBytes)), '');
    layoutJson.string(layout['imageLayoutVersion'], 'imageLayoutVersion');
    const json = new image_json/* JsonReader */.O(`${files.name}: index.json`);
    const index = json.object(json.parse(await files.readAll('index.json', limits/* LIMITS */.b.manifestBytes)), '');
    const reader = new OciReader(files);
    const descriptors = json
        .array(index['manifests'], 'manifests')
        .map((value, i) => (0,parse/* readDescriptor */.qq)(json, value, `manifests[${i}]`));
    if (descriptors.length === 0)
        throw json.fail('manifests', 'is empty: the layout holds no image');
    // One entry per manifest digest; several ref names on the same digest are several tags.
    const byDigest = new Map();
    for (const [i, descriptor] of descriptors.entries()) {
        const ref = refOf(descriptor);
        const known = byDigest.get(descriptor.digest);
        if (known) {
            if (ref && !known.refs.includes(ref))
                known.refs.push(ref);
            continue;
        }
        const artifact = await reader.artifact(descriptor, `index.json manifests[${i}]`, 0);
        byDigest.set(descriptor.digest, { refs: ref ? [ref] : [], artifact });
    }
    return [...byDigest.values()];
}

;// CONCATENATED MODULE: ./src/lib/engine/digest-map.ts


const FILE_NAME = 'digest-map.json';
const MAX_REPOSITORIES_PER_BLOB = 8;
const MAX_ENTRIES = 20_000;
class DigestMap {
    #path;
    #data;
    #changed = false;
    constructor(path, data) {
        this.#path = path;
        this.#data = data;
    }
    /** Loads the map of `directory`; without a directory the map lives only for this push. */
    static async load(directory) {
        const empty = { version: 1, layers: {}, blobs: {} };
        if (!directory)
            return new DigestMap(undefined, empty);
        const path = (0,external_node_path_.join)(directory, FILE_NAME);
        try {
            const data = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
            // A map from another version or a damaged file is only a cache: start afresh.
            if (data.version !== 1 || typeof data.layers !== 'object' || typeof data.blobs !== 'object')
                return new DigestMap(path, empty);
            return new DigestMap(path, { version: 1, layers: data.layers ?? {}, blobs: data.blobs ?? {} });
        }
        catch {
            return new DigestMap(path, empty);
        }
    }
    get changed() {
        return this.#changed;
    }
    encodedLayer(diffId, encoding) {
        return this.#data.layers[`${diffId} ${encoding}`];
    }
    rememberEncodedLayer(diffId, encoding, layer) {
        const key = `${diffId} ${encoding}`;
        const known = this.#data.layers[key];
        if (known?.digest === layer.digest && known.size === layer.size)
            return;
        this.#data.layers[key] = { digest: layer.digest, size: layer.size };
        this.#changed = true;
    }
    repositoriesHolding(registry, digest) {
        return this.#data.blobs[`${registry} ${digest}`] ?? [];
    }
    rememberBlob(registry, digest, repositoryPath) {
        const key = `${registry} ${digest}`;
        const holders = this.#data.blobs[key] ?? [];
        if (holders[holders.length - 1] === repositoryPath)
            return;
        this.#data.blobs[key] = [
            ...holders.filter((path) => path !== repositoryPath),
            repositoryPath,
        ].slice(-MAX_REPOSITORIES_PER_BLOB);
        this.#changed = true;
    }
    /** Writes the map atomically (a crash leaves the old file), keeping the newest entries. */
    async save() {
        if (!this.#path || !this.#changed)
            return false;
        const trim = (record) => Object.fromEntries(Object.entries(record).slice(-MAX_ENTRIES));
        const data = {
            version: 1,
            layers: trim(this.#data.layers),
            blobs: trim(this.#data.blobs),
        };
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.#path, '..'), { recursive: true });
        const temporary = `${this.#path}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(temporary, JSON.stringify(data));
        await (0,promises_.rename)(temporary, this.#path);
        this.#changed = false;
        return true;
    }
}
const directoryStore = (directory) => ({
    restore: async () => directory,
    persist: async () => { },
});

// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/lib/reference.ts
var lib_reference = __webpack_require__(2470);
;// CONCATENATED MODULE: ./src/lib/targets.ts


/** A stored name is a whole reference, or a tag alone as skopeo and umoci write `ref.name`. */
const isTagOnly = (ref) => !ref.includes('/') && !ref.includes(':') && !ref.includes('@');
const usage = (message, hint, subject) => new errors/* TarPushError */.q$('USAGE', message, { hint, ...(subject ? { subject } : {}) });
/**
 * Whether a command-line operand reads as a push target rather than a file (crane's order,
 * `push TARBALL TARGET`): an image reference that names its registry (ghcr.io/org/app,
 * localhost:5000/app) or, unless `registryNeeded`, a tag or digest (app:1). The caller checks
 * first that no such file exists.
 */
function looksLikeTarget(operand, registryNeeded = false) {
    let reference;
    try {
        reference = (0,lib_reference/* parseReference */.F2)(operand);
    }
    catch {
        return false;
    }
    const namesRegistry = reference.registry !== lib_reference/* DOCKER_HUB */.Xb ||
        /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//.test(operand.trim());
    if (registryNeeded)
        return namesRegistry;
    return namesRegistry || reference.tag !== undefined || reference.digest !== undefined;
}
/** Parses `images` lines: `SOURCE => TARGET`; blank lines and `#` comments are ignored. */
function parseMappings(lines) {
    return lines
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => {
        const parts = line.split('=>').map((part) => part.trim());
        if (parts.length !== 2 || !parts[0] || !parts[1]) {
            throw usage(`"${line}" is not a mapping`, 'write each line as SOURCE => TARGET, e.g. app:1 => ghcr.io/org/app:1 or example.com/* => ghcr.io/org/*', line);
        }
        return { source: parts[0], target: parts[1] };
    });
}
/**
 * Decides where each image of a tarball goes, as docker would: `image` and `tags` when given,
 * otherwise the names the tarball carries (RepoTags, OCI ref names), `latest` for a name without
 * tag — moved to `registry` when given, or renamed by `mappings`; `select` narrows to one image.
 */
function resolveTargets(entries, options) {
    const image = checkTargetOptions(options);
    const hasMappings = (options.mappings?.length ?? 0) > 0;
    const selected = options.select !== undefined ? [selectEntry(entries, options)] : entries;
    if (image !== undefined && selected.length > 1) {
        throw usage(`${options.sourceName} holds ${selected.length} images; one image input cannot name them all`, 'omit image to push each image under its own name, pick one with select, or map them with images', options.sourceName);
    }
    const targets = hasMappings
        ? mappedTargets(selected, options.mappings, options)
        : selected.flatMap((entry) => targetsOf(entry, options, image));
    refuseCollisions(targets);
    return targets;
}
/**
 * What can be told wrong about the target options before any tarball is read: a malformed tag,
 * `image` with `registry` or `images`, a malformed `image`, a tag given both in `image` and in
 * `tags`. Returns `image` as read.
 */
function checkTargetOptions(options) {
    for (const tag of options.tags ?? []) {
        if (!(0,lib_reference/* isValidTag */.r_)(tag)) {
            throw new errors/* TarPushError */.q$('USAGE', `"${tag}" is not a valid tag`, {
                subject: tag,
                hint: 'tags are up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"',
            });
        }
    }
    const hasMappings = (options.mappings?.length ?? 0) > 0;
    if (options.image !== undefined && (hasMappings || options.registry !== undefined)) {
        throw usage(`image names the one target repository; it does not go with ${hasMappings ? 'images' : 'registry'}`, 'pass image for a tarball with one image, registry or images to move the names a tarball carries');
    }
    return options.image !== undefined ? imageTarget(options.image, options.tags) : undefined;
}
/**
 * A tag in `image` is the tag to push; given again in `tags`, it must be the same one, since
 * either way of writing it could be the one meant. A digest pushes by digest (no tag unless
 * one is given) and is checked against what is pushed.
 */
function imageTarget(image, tags) {
    const reference = (0,lib_reference/* parseReference */.F2)(image);
    const repository = { registry: reference.registry, path: reference.path };
    const given = unique(tags ?? []);
    if (reference.tag !== undefined) {
        if (given.length > 0 && (given.length > 1 || given[0] !== reference.tag)) {
            throw usage(`the tag is given twice: image ${image} names ${reference.tag}, tags name ${given.join(', ')}`, `give the tags in one place: image ${(0,lib_reference/* repositoryName */.aR)(reference)} with tags ${given.join(',')}, or image ${(0,lib_reference/* repositoryName */.aR)(reference)}:${reference.tag} without tags`, image);
        }
        return { repository, tags: [reference.tag], digest: reference.digest };
    }
    if (given.length > 0)
        return { repository, tags: given, digest: reference.digest };
    return {
        repository,
        tags: reference.digest !== undefined ? [] : undefined,
        digest: reference.digest,
    };
}
function selectEntry(entries, options) {
    const pattern = options.select;
    const matching = entries.filter((entry) => entry.refs.some((ref) => matchRef(pattern, ref)));
    if (matching.length === 1)
        return matching[0];
    const names = entries.flatMap((entry) => entry.refs).join(', ') || 'none';
    if (matching.length === 0) {
        throw new errors/* TarPushError */.q$('NO_MATCHING_IMAGE', `no image in ${options.sourceName} is named ${pattern}`, {
            subject: options.sourceName,
            hint: `the names it carries: ${names}`,
        });
    }
    throw usage(`select ${pattern} matches ${matching.length} images of ${options.sourceName}`, `name one of: ${names}`, options.sourceName);
}
function targetsOf(entry, options, image) {
    const named = entry.refs.filter((ref) => !isTagOnly(ref)).map((ref) => (0,lib_reference/* parseReference */.F2)(ref));
    const storedTags = [
        ...entry.refs.filter(isTagOnly),
        ...named.map((reference) => reference.tag ?? 'latest'),
    ];
    const tags = unique(image?.tags ?? (options.tags && options.tags.length > 0 ? options.tags : storedTags));
    if (tags.length === 0 && image?.digest === undefined) {
        throw new errors/* TarPushError */.q$('NO_TAGS', `${options.sourceName} carries no tag and none was given`, {
            subject: options.sourceName,
            hint: 'pass tags (the tags input, or --tag on the command line), or a tag in image (ghcr.io/org/app:1)',
        });
    }
    if (image !== undefined)
        return [{ entry, repository: image.repository, tags, digest: image.digest }];
    if (named.length === 0) {
        throw usage(`${options.sourceName} names no repository (only the tags ${storedTags.join(', ')})`, 'pass image, the target repository such as ghcr.io/org/app', options.sourceName);
    }
    // Each repository the tarball names gets its own tags (or the given ones).
    const byRepository = new Map();
    for (const stored of named) {
        const reference = options.registry ? rebase(stored, options.registry) : stored;
        const key = (0,lib_reference/* repositoryName */.aR)(reference);
        const target = byRepository.get(key) ?? {
            entry,
            repository: { registry: reference.registry, path: reference.path },
            tags: [],
        };
        byRepository.set(key, target);
        const ownTags = options.tags && options.tags.length > 0
            ? options.tags
            : [reference.tag ?? 'latest', ...entry.refs.filter(isTagOnly)];
        target.tags = unique([...target.tags, ...ownTags]);
    }
    return [...byRepository.values()];
}
/** example.com/team/app:1 on ghcr.io/org → ghcr.io/org/team/app:1; Docker Hub's library/ dropped. */
function rebase(reference, registry) {
    const base = registry.replace(/\/+$/, '');
    const path = reference.registry === 'docker.io' ? (0,lib_reference/* familiarRepository */.Yu)(reference) : reference.path;
    const moved = (0,lib_reference/* parseReference */.F2)(`${base}/${path}`);
    return { ...moved, tag: reference.tag, digest: undefined };
}
function mappedTargets(entries, mappings, options) {
    const used = new Set();
    const byRepository = new Map();
    for (const entry of entries) {
        for (const ref of entry.refs) {
            for (const mapping of mappings) {
                const captures = matchRef(mapping.source, ref);
                if (!captures)
                    continue;
                used.add(mapping);
                const target = (0,lib_reference/* parseReference */.F2)(substitute(mapping.target, captures));
                if (target.digest !== undefined)
                    throw usage(`${mapping.target}: a target takes a tag, not a digest`, 'drop the @digest');
                const storedTag = isTagOnly(ref) ? ref : ((0,lib_reference/* parseReference */.F2)(ref).tag ?? 'latest');
                const tags = target.tag !== undefined
                    ? [target.tag]
                    : options.tags && options.tags.length > 0
                        ? options.tags
                        : [storedTag];
                const key = `${(0,lib_reference/* repositoryName */.aR)(target)}\0${entries.indexOf(entry)}`;
                const pushTarget = byRepository.get(key) ?? {
                    entry,
                    repository: { registry: target.registry, path: target.path },
                    tags: [],
                };
                byRepository.set(key, pushTarget);
                pushTarget.tags = unique([...pushTarget.tags, ...tags]);
                break;
            }
        }
    }
    const unused = mappings.filter((mapping) => !used.has(mapping));
    if (unused.length > 0) {
        const names = entries.flatMap((entry) => entry.refs).join(', ') || 'none';
        throw new errors/* TarPushError */.q$('NO_MATCHING_IMAGE', `no image in ${options.sourceName} matches ${unused.map((mapping) => mapping.source).join(', ')}`, { subject: options.sourceName, hint: `the names it carries: ${names}` });
    }
    return [...byRepository.values()];
}
/**
 * Does a stored name match a pattern? Without `*`, as references (a pattern without tag matches
 * every tag of the repository); with `*` (any characters), against the full name
 * (docker.io/library/app:1), the familiar one (app:1) or the name as stored. Returns the texts
 * the `*`s stood for, or undefined.
 */
function matchRef(pattern, ref) {
    const forms = namesOf(ref);
    if (!pattern.includes('*')) {
        // A tag-only ref name (OCI) matches only itself; a pattern is otherwise a reference.
        if (isTagOnly(ref))
            return pattern === ref ? [] : undefined;
        const wanted = (0,lib_reference/* parseReference */.F2)(pattern);
        const stored = (0,lib_reference/* parseReference */.F2)(ref);
        const same = (0,lib_reference/* repositoryName */.aR)(wanted) === (0,lib_reference/* repositoryName */.aR)(stored) &&
            (wanted.tag === undefined || wanted.tag === (stored.tag ?? 'latest'));
        return same ? [] : undefined;
    }
    const expression = new RegExp(`^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('(.*)')}$`);
    for (const form of forms) {
        const match = expression.exec(form);
        if (match)
            return match.slice(1);
    }
    return undefined;
}
function namesOf(ref) {
    if (isTagOnly(ref))
        return [ref];
    const reference = (0,lib_reference/* parseReference */.F2)(ref);
    const tagged = { ...reference, tag: reference.tag ?? 'latest' };
    return unique([(0,lib_reference/* formatReference */.FH)(tagged), `${(0,lib_reference/* familiarRepository */.Yu)(tagged)}:${tagged.tag}`, ref]);
}
function substitute(target, captures) {
    let index = 0;
    return target.replace(/\*/g, () => captures[index++] ?? '');
}
/** Two images under one repository:tag would silently overwrite each other: refuse. */
function refuseCollisions(targets) {
    const owner = new Map();
    for (const target of targets) {
        for (const tag of target.tags) {
            const name = `${(0,lib_reference/* repositoryName */.aR)(target.repository)}:${tag}`;
            const previous = owner.get(name);
            if (previous && previous !== target.entry) {
                throw usage(`two images of the tarball would both be pushed as ${name}`, 'map them to different names with images, or push one with select; several platforms of one image go in as separate tarballs, pushed together as one index', name);
            }
            owner.set(name, target.entry);
        }
    }
}
const unique = (values) => [...new Set(values)];

// EXTERNAL MODULE: ./src/lib/image/platform.ts
var image_platform = __webpack_require__(4130);
// EXTERNAL MODULE: ./src/lib/eval-worker.ts
var eval_worker = __webpack_require__(4536);
// EXTERNAL MODULE: ./src/lib/hash-thread.ts
var hash_thread = __webpack_require__(6820);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/lib/push.ts














/** Push = copy(tarball → registry): read and validate the archive, then copy each image. */
async function push(options) {
    const logger = options.logger ?? log/* silentLogger */.q;
    const started = Date.now();
    const extraCaPem = options.caFile
        ? await (await loadRegistryParts()).readCaFile(options.caFile)
        : undefined;
    const paths = await expandTarballs(options.tarball);
    if (paths.length > 1 && (options.images?.length || options.select !== undefined)) {
        throw new errors/* TarPushError */.q$('USAGE', 'images and select apply to one tarball, not to several', {
            hint: 'several tarballs are the platforms of one image, pushed under one index',
        });
    }
    const targetOptions = {
        image: options.image,
        tags: options.tags,
        registry: options.registry,
        mappings: options.images,
        select: options.select,
    };
    // A wrong flag fails before a tarball (maybe a pipe) is read.
    checkTargetOptions(targetOptions);
    const sources = [];
    const spoolDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.spoolDir ?? (0,lib_paths/* temporaryDirectory */.D)(), 'tar-push-layers-'));
    const clients = new Map();
    const store = options.digestMapStore ?? directoryStore(options.cacheDir);
    let digestMap;
    let layerChecks;
    const compression = options.compression ?? 'gzip';
    try {
        for (const path of paths) {
            sources.push(await logger.group(`Reading ${archiveName(path)}`, () => readArchive(path, { spoolDir: options.spoolDir, signal: options.signal })));
        }
        const entries = sources.length === 1 ? sources[0].entries : [platformSetOf(sources)];
        const targets = resolveTargets(entries, {
            ...targetOptions,
            sourceName: paths.map(archiveName).join(', '),
        });
        for (const entry of entries) {
            if (!targets.some((target) => target.entry === entry))
                logger.info(`not pushed (select or images leave it out): ${entry.refs.join(', ')}`);
        }
        // Big layers need a second thread whatever the registry holds: uncompressed ones to deflate
        // what it lacks or to hash where they lie what it has, gzip ones for the diff_id check. It
        // starts while the registry is asked which.
        if ((0,external_node_os_.availableParallelism)() > 1 &&
            bytesForSecondThread(entries, compression) >= hash_thread/* WORKER_WORTH_BYTES */.ey)
            (0,eval_worker/* prestartWorker */.oN)();
        const registry = await loadRegistryParts();
        const diffIds = diffIdsOf(entries.map((entry) => entry.artifact));
        const map = await DigestMap.load(await store.restore(diffIds));
        digestMap = map;
        // One set of checks for every target: a layer several of them hold is hashed once.
        const checks = new registry.LayerChecks(options.signal);
        layerChecks = checks;
        const images = [];
        for (const target of targets) {
            const name = (0,lib_reference/* repositoryName */.aR)(target.repository);
            const report = await logger.group(`Pushing ${name} (${target.tags.join(', ')})`, async () => {
                let client = clients.get(target.repository.registry);
                if (!client) {
                    client = await registry.connectRegistry(target.repository.registry, options, extraCaPem, logger);
                    clients.set(target.repository.registry, client);
                }
                const repository = new registry.RepositoryClient(client, target.repository.path);
                repository.chunkSize = options.chunkSize ?? 0;
                const mountFrom = mountSources(options.mountFrom, target.repository.registry);
                const reusable = needsEncoding(target.entry.artifact, compression)
                    ? await registry.reusableLayers(repository, target.tags, mountFrom, logger)
                    : undefined;
                return registry.copyArtifact(target.entry.artifact, target.tags, {
                    sink: target.digest === undefined
                        ? new registry.RegistrySink(repository)
                        : new registry.DigestCheckedSink(repository, target.entry.artifact, target.digest, name),
                    compression,
                    level: options.compressionLevel,
                    concurrency: options.concurrency,
                    uploadMode: options.uploadMode,
                    spoolDir,
                    digestMap: map,
                    layerChecks: checks,
                    knownBlob: reusable && ((diffId, encoding) => reusable.get(registry.reuseKey(diffId, encoding))),
                    mountFrom: mountFrom.map((source) => source.path),
                    logger,
                    progress: options.progress,
                    signal: options.signal,
                    onTagged: options.onTagged,
                });
            });
            images.push({
                ...report,
                repository: name,
                imageRef: `${name}@${report.digest}`,
                references: target.tags.map((tag) => `${name}:${tag}`),
            });
        }
        const bytesUploaded = images.reduce((total, image) => total + image.bytesUploaded, 0);
        return { images, bytesUploaded, seconds: (Date.now() - started) / 1000 };
    }
    finally {
        layerChecks?.stop();
        // What was learned is kept even when the push failed half-way: the blobs are in the registry.
        await digestMap
            ?.save()
            .then((changed) => store.persist(changed))
            .catch((error) => logger.warn(`could not keep the digest map: ${error.message}`));
        (0,eval_worker/* dismissSpareWorker */.wD)();
        await Promise.all([...clients.values()].map((client) => client.close()));
        await (0,promises_.rm)(spoolDir, { recursive: true, force: true });
        await Promise.all(sources.map((source) => source.close()));
    }
}
/**
 * The engine, the registry client and HTTP, loaded once the tarballs are read: a wrong path or a
 * broken tarball fails without paying for them (start-up time of the CLI).
 */
const loadRegistryParts = () => Promise.all(/* import() */[__webpack_require__.e(7), __webpack_require__.e(850), __webpack_require__.e(50)]).then(__webpack_require__.bind(__webpack_require__, 3050));
/** Tarball paths, globs expanded (sorted, so the index lists platforms in a stable order). */
async function expandTarballs(tarball) {
    const paths = await (0,lib_paths/* expandPaths */.p)(typeof tarball === 'string' ? [tarball] : tarball, 'file', 'TARBALL_NOT_FOUND');
    if (paths.length === 0)
        throw new errors/* TarPushError */.q$('USAGE', 'no tarball given', { hint: 'pass the path of a tarball' });
    return paths;
}
/**
 * Several tarballs make one multi-platform image: each must hold one image whose config names
 * its platform, no platform twice; their names together name the index.
 */
function platformSetOf(sources) {
    const children = [];
    const seen = new Map();
    for (const source of sources) {
        const [entry, ...others] = source.entries;
        if (!entry || others.length > 0 || entry.artifact.kind !== 'image') {
            const what = entry?.artifact.kind === 'index'
                ? 'a multi-platform index'
                : `${source.entries.length} images`;
            throw new errors/* TarPushError */.q$('USAGE', `${source.name} holds ${what}; each of several tarballs must hold one single-platform image`, {
                subject: source.name,
                hint: 'push a multi-image or multi-platform tarball on its own',
            });
        }
        const platform = entry.artifact.platform;
        if (!platform) {
            throw new errors/* TarPushError */.q$('USAGE', `the image config in ${source.name} names no os and architecture`, {
                subject: source.name,
                hint: 'each member of a multi-platform image needs its platform in its config',
            });
        }
        const name = (0,image_platform/* formatPlatform */.Bq)(platform);
        const earlier = seen.get(name);
        if (earlier) {
            throw new errors/* TarPushError */.q$('DUPLICATE_PLATFORM', `${earlier} and ${source.name} are both ${name}`, {
                subject: source.name,
                hint: 'pass one tarball per platform',
            });
        }
        seen.set(name, source.name);
        children.push(entry.artifact);
    }
    const refs = [...new Set(sources.flatMap((source) => source.entries[0].refs))];
    return { refs, artifact: { kind: 'platforms', children } };
}
/** The `mount-from` references on one registry; those of other registries are for other targets. */
function mountSources(mountFrom, registry) {
    return (mountFrom ?? [])
        .map((name) => (0,lib_reference/* parseReference */.F2)(name))
        .filter((reference) => reference.registry === registry);
}
const needsEncoding = (artifact, compression) => compression !== 'none' &&
    imagesOf([artifact]).some((image) => image.layers.some((layer) => layer.isTar && layer.compression === 'none'));
/** Bytes of the local tar layers that a second thread would deflate, hash or decode. */
const bytesForSecondThread = (entries, compression) => imagesOf(entries.map((entry) => entry.artifact))
    .flatMap((image) => image.layers)
    .filter((layer) => layer.isTar &&
    !layer.content.remote &&
    (layer.compression === 'gzip' || (layer.compression === 'none' && compression === 'gzip')))
    .reduce((sum, layer) => sum + layer.content.size, 0);
const imagesOf = (artifacts) => artifacts.flatMap((artifact) => (artifact.kind === 'image' ? [artifact] : artifact.children));
const diffIdsOf = (artifacts) => imagesOf(artifacts).flatMap((image) => image.diffIds);

// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/push-run.ts









/** Runs `push` (loaded only when the command runs: see push.ts). */
async function runPushCommand(values, operands, output, context) {
    const { tarballs, image } = await splitOperands(operands, (0,common/* stringFlag */.AM)(values['image']));
    if (values['password-stdin'] === true && tarballs.includes(STDIN))
        throw (0,common/* usageError */.Wp)('--password-stdin and the tarball - both read standard input', 'push', 'pass the tarball as a file, or the password with the docker config (docker login)');
    const target = image ?? (0,common/* stringFlag */.AM)(values['registry']);
    const what = `push of ${tarballs.map((path) => (path === STDIN ? 'standard input' : path)).join(', ')}${target ? ` to ${target}` : ''} not finished`;
    const { tagged, onTagged } = (0,cancel/* tagTracker */.jP)();
    // Kept current: a stop can come after the push tagged some of several images.
    context.unfinished = () => `${what}; ${(0,cancel/* tagsSetBefore */.BP)(tagged)}`;
    const compression = ((0,common/* stringFlag */.AM)(values['compression']) ?? 'gzip');
    if (!levels/* COMPRESSIONS */._7.includes(compression))
        throw (0,common/* usageError */.Wp)(`--compression must be one of ${levels/* COMPRESSIONS */._7.join(', ')}`, 'push');
    const result = await push({
        tarball: tarballs,
        image,
        tags: (0,common/* listFlag */.v6)(values['tag']),
        registry: (0,common/* stringFlag */.AM)(values['registry']),
        images: parseMappings(Array.isArray(values['map']) ? values['map'] : []),
        select: (0,common/* stringFlag */.AM)(values['select']),
        mountFrom: (0,common/* listFlag */.v6)(values['mount-from']),
        ...(await (0,common/* connectionOptions */.HZ)(values)),
        compression,
        compressionLevel: parseLevel(values['compression-level'], compression),
        cacheDir: values['no-cache'] === true
            ? undefined
            : ((0,common/* stringFlag */.AM)(values['cache-dir']) ?? (0,common/* defaultCacheDir */.$g)()),
        uploadMode: parseUploadMode(values['upload-mode']),
        chunkSize: (0,common/* parseInteger */.cG)(values['chunk-size'], '--chunk-size', 0, 2 ** 40),
        logger: output,
        onTagged,
        progress: output.progress,
        signal: context.signal,
    });
    printResult(result, values, output);
    return 0;
}
/**
 * `push TARBALL... [TARGET]`: the last of several operands is the target when no such file
 * exists and it reads as an image reference with a registry or a tag (crane's order); a lone
 * operand that names a registry and no file is a target without its tarball.
 */
async function splitOperands(operands, image) {
    if (operands.length === 0)
        throw (0,common/* usageError */.Wp)('push needs a TARBALL', 'push');
    const last = operands.at(-1);
    const isTarget = async (registryNeeded) => last !== STDIN &&
        looksLikeTarget(last, registryNeeded) &&
        !(await (0,promises_.stat)(last).then(() => true, () => false));
    if (operands.length === 1) {
        if (image === undefined && (await isTarget(true)))
            throw (0,common/* usageError */.Wp)(`push needs a TARBALL before the target ${last}`, 'push', `tar-push push app.tar ${last} (or docker save app | tar-push push - ${last})`);
        return { tarballs: [...operands], image };
    }
    if (!(await isTarget(false)))
        return { tarballs: [...operands], image };
    if (image !== undefined && image !== last)
        throw (0,common/* usageError */.Wp)(`the target is given twice: --image ${image} and ${last}`, 'push', 'name the target once, as the last operand or with --image');
    return { tarballs: operands.slice(0, -1), image: last };
}
function parseUploadMode(value) {
    if (value === undefined)
        return undefined;
    if (value !== 'stream' && value !== 'spool')
        throw (0,common/* usageError */.Wp)('--upload-mode must be stream or spool', 'push');
    return value;
}
function parseLevel(value, compression) {
    if (value === undefined)
        return undefined;
    const range = (0,levels/* levelRange */.wu)(compression);
    const level = Number(value);
    if (!range || !Number.isInteger(level) || level < range[0] || level > range[1]) {
        throw (0,common/* usageError */.Wp)(range
            ? `--compression-level for ${compression} must be an integer ${range[0]}-${range[1]}`
            : `--compression none takes no level`, 'push');
    }
    return level;
}
function printResult(result, values, output) {
    if (values['json'] === true) {
        process.stdout.write(`${JSON.stringify(metadataOf(result), null, 2)}\n`);
        return;
    }
    for (const image of result.images) {
        const uploaded = image.images
            .flatMap((member) => member.layers)
            .filter((layer) => layer.status === 'uploaded').length;
        const total = image.images.reduce((count, member) => count + member.layers.length, 0);
        process.stdout.write(`${image.imageRef}\n`);
        output.success(`pushed ${image.references.join(', ') || `${image.imageRef} (by digest, no tag)`}: ${uploaded} of ${total} layers uploaded, ${(0,format/* formatBytes */.z)(image.bytesUploaded)} in ${result.seconds.toFixed(1)} s`);
    }
}


/***/ }),

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


/***/ })

};
