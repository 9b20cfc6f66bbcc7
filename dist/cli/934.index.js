export const id = 934;
export const ids = [934];
export const modules = {

/***/ 577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ defaultCacheDir),
/* harmony export */   AM: () => (/* binding */ stringFlag),
/* harmony export */   HZ: () => (/* binding */ connectionOptions),
/* harmony export */   Qf: () => (/* binding */ OUTPUT_FLAGS),
/* harmony export */   RA: () => (/* binding */ CONNECTION_FLAGS),
/* harmony export */   Wp: () => (/* binding */ usageError),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   v6: () => (/* binding */ listFlag)
/* harmony export */ });
/* unused harmony export readPasswordFromStdin */
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8321);
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7268);




function usageError(message, command, hint) {
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TarPushError */ .q$('USAGE', message, {
        hint: hint ?? (command ? `run tar-push ${command} --help` : 'run tar-push --help'),
    });
}
/** Flags every command takes: credentials, TLS, retries and output. */
const CONNECTION_FLAGS = {
    username: {
        type: 'string',
        value: 'U',
        description: 'registry user; the password comes with --password-stdin',
    },
    'password-stdin': {
        type: 'boolean',
        description: 'read the password or token from standard input',
    },
    insecure: {
        type: 'boolean',
        description: 'plain HTTP and no TLS verification, for this registry only',
    },
    'ca-file': {
        type: 'string',
        value: 'FILE',
        description: 'PEM CA certificates trusted in addition to the system roots',
    },
    concurrency: {
        type: 'string',
        value: 'N',
        description: 'layers worked on at once (default: 2 x cores, at most 8)',
    },
    retries: {
        type: 'string',
        value: 'N',
        description: 'retries of a failed request (5xx, 429, resets, timeouts), with backoff (default 4)',
    },
    timeout: {
        type: 'string',
        value: 'S',
        description: 'connect, response and idle-body timeout in seconds (default 300)',
    },
};
const OUTPUT_FLAGS = {
    json: { type: 'boolean', description: 'print the result as JSON on standard output' },
    debug: { type: 'boolean', description: 'show HTTP traffic (secrets masked)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
};
function parseInteger(value, flag, min, max) {
    if (value === undefined)
        return undefined;
    const number = Number(value);
    if (typeof value !== 'string' || !Number.isInteger(number) || number < min || number > max) {
        throw usageError(`${flag} must be an integer ${min}-${max}`);
    }
    return number;
}
const stringFlag = (value) => typeof value === 'string' ? value : undefined;
const listFlag = (value) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
async function readPasswordFromStdin() {
    if (process.stdin.isTTY)
        throw usageError('--password-stdin needs the password on standard input (echo "$TOKEN" | tar-push …)');
    const password = (await (0,node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__.text)(process.stdin)).replace(/\r?\n$/, '');
    if (!password)
        throw usageError('--password-stdin read an empty password');
    return password;
}
/** The XDG cache directory, as other CLI tools keep theirs. */
function defaultCacheDir() {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env['XDG_CACHE_HOME'] || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache'), 'tar-push');
}
/**
 * The ConnectOptions every command builds from CONNECTION_FLAGS. A user name and a password
 * come together, or neither (then the docker config is asked): one alone is refused before any
 * work, naming the one that is missing.
 */
async function connectionOptions(values) {
    const username = stringFlag(values['username']);
    const passwordStdin = values['password-stdin'] === true;
    if (username !== undefined && !passwordStdin)
        throw usageError(`--username ${username} is given without a password`, undefined, `pipe the password or token in with --password-stdin (echo "$TOKEN" | tar-push … --username ${username} --password-stdin), or leave out --username to use the docker config (docker login)`);
    if (passwordStdin && !username)
        throw usageError('--password-stdin is given without --username', undefined, 'add --username (for a token, most registries take any non-empty name)');
    return {
        username,
        password: passwordStdin ? await readPasswordFromStdin() : undefined,
        insecure: values['insecure'] === true,
        caFile: stringFlag(values['ca-file']),
        concurrency: parseInteger(values['concurrency'], '--concurrency', 1, 64),
        retries: parseInteger(values['retries'], '--retries', 0, 20),
        timeoutSeconds: parseInteger(values['timeout'], '--timeout', 1, 3600),
    };
}


/***/ }),

/***/ 6934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/lib/cancel.ts
var cancel = __webpack_require__(5321);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/help.ts
const FLAG_COLUMN = 28;
const WIDTH = 100;
const TRAILER = `Credentials, when not given: ~/.docker/config.json (or $DOCKER_CONFIG), its credential
helpers, then GITHUB_TOKEN for ghcr.io. Exit codes: 0 done, 2 bad input, 3 registry or auth
failure, 130 / 143 stopped by SIGINT / SIGTERM (after cleaning up; a second signal exits at
once). Every error code, what it means and what to do: the README's Errors section.`;
/** `tar-push --help`: the commands, and the flags they share. */
function formatUsage(commands) {
    const lines = ['Usage:'];
    for (const command of commands)
        lines.push(`  ${`tar-push ${command.synopsis}`.padEnd(44)} ${command.summary}`);
    lines.push('', 'Run tar-push COMMAND --help for its options and examples.', '', 'Options of every command:', ...formatFlags(sharedFlags(commands)), `  ${'--version'.padEnd(FLAG_COLUMN - 2)}print the version`, '', TRAILER);
    return lines.join('\n');
}
/** The flags every command takes, in the order of the first. */
function sharedFlags(commands) {
    const [first, ...others] = commands;
    return Object.fromEntries(Object.entries(first?.flags ?? {}).filter(([name]) => others.every((command) => name in command.flags)));
}
/** `tar-push COMMAND --help`: synopsis, what it does, every flag, examples. */
function formatCommandHelp(command) {
    const lines = [`Usage: tar-push ${command.synopsis}`, '', `${capitalise(command.summary)}.`];
    if (command.details)
        lines.push('', command.details);
    lines.push('', 'Options:', ...formatFlags(command.flags));
    lines.push('', 'Examples:', ...command.examples.map((line) => `  ${line}`), '', TRAILER);
    return lines.join('\n');
}
function formatFlags(flags) {
    const lines = [];
    for (const [name, spec] of Object.entries(flags)) {
        const short = spec.short ? `-${spec.short}, ` : '';
        const label = `${short}--${name}${spec.value ? ` ${spec.value}` : ''}`;
        const text = wrap(spec.description, WIDTH - FLAG_COLUMN);
        const first = label.length <= FLAG_COLUMN - 3 ? label.padEnd(FLAG_COLUMN - 2) : undefined;
        if (first)
            lines.push(`  ${first}${text[0]}`);
        else
            lines.push(`  ${label}`, `${' '.repeat(FLAG_COLUMN)}${text[0]}`);
        for (const rest of text.slice(1))
            lines.push(`${' '.repeat(FLAG_COLUMN)}${rest}`);
    }
    return lines;
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines;
}
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

// EXTERNAL MODULE: ./node_modules/picocolors/picocolors.js
var picocolors = __webpack_require__(7336);
var picocolors_default = /*#__PURE__*/__webpack_require__.n(picocolors);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./node_modules/cli-progress/cli-progress.js
var cli_progress = __webpack_require__(8502);
var cli_progress_default = /*#__PURE__*/__webpack_require__.n(cli_progress);
// EXTERNAL MODULE: ./src/lib/format.ts
var lib_format = __webpack_require__(432);
;// CONCATENATED MODULE: ./src/cli/progress.ts



/** The id of the status line among the transfers. */
const STATUS_LINE = '\0status';
/** Widest bar drawn; the pre-rendered bar strings of cli-progress are this long. */
const MAX_BAR = 30;
const LABEL_WIDTH = 19;
/**
 * Live progress of blob transfers on a terminal, drawn by cli-progress: one bar per blob in
 * flight, below the log lines, which are written above the bars while they are drawn. The bars
 * go away as their blobs finish, so what stays on the screen are the plain log lines.
 * Every line drawn passes through `mask`, as every logged line does.
 */
class TerminalProgress {
    #stream;
    #colors;
    #mask;
    #transfers = new Map();
    #bars;
    #logged = false;
    constructor(options) {
        this.#stream = options.stream;
        this.#colors = options.colors;
        this.#mask = options.mask;
    }
    /** Bars are on the screen. */
    get active() {
        return this.#bars !== undefined;
    }
    blobStarted(id, label, totalBytes) {
        const payload = { label, sized: totalBytes !== undefined };
        const known = this.#transfers.get(id);
        if (known) {
            // Started again (a retry reopened the body): count from 0.
            known.bytes = 0;
            known.bar.setTotal(totalBytes ?? 0);
            known.bar.update(0, payload);
            return;
        }
        const bars = (this.#bars ??= this.#createBars());
        this.#transfers.set(id, { bar: bars.create(totalBytes ?? 0, 0, payload), bytes: 0 });
        bars.update();
    }
    blobBytes(id, bytes) {
        const transfer = this.#transfers.get(id);
        if (!transfer)
            return;
        transfer.bytes += bytes;
        transfer.bar.update(transfer.bytes);
    }
    blobDone(id, _status) {
        const transfer = this.#transfers.get(id);
        if (!transfer)
            return;
        this.#transfers.delete(id);
        // The log line that follows says how it ended; the bar just goes.
        if (this.#transfers.size === 0)
            this.stop();
        else
            this.#bars?.remove(transfer.bar);
    }
    /** Shows `line` below the log in place of the previous status line; undefined removes it. */
    status(line) {
        const known = this.#transfers.get(STATUS_LINE);
        if (line === undefined) {
            if (known)
                this.blobDone(STATUS_LINE, 'uploaded');
            return;
        }
        const payload = { label: '', sized: false, status: line };
        if (known) {
            known.bar.update(0, payload);
            return;
        }
        const bars = (this.#bars ??= this.#createBars());
        this.#transfers.set(STATUS_LINE, { bar: bars.create(0, 0, payload), bytes: 0 });
        bars.update();
    }
    /** Writes a finished line: above the bars while they are drawn, else straight out. */
    log(line) {
        if (this.#bars) {
            this.#bars.log(`${line}\n`);
            this.#logged = true;
        }
        else {
            this.#stream.write(`${line}\n`);
        }
    }
    /** Removes the bars; lines logged meanwhile are written first. */
    stop() {
        const bars = this.#bars;
        if (!bars)
            return;
        this.#bars = undefined;
        this.#transfers.clear();
        bars.update();
        bars.stop();
    }
    #createBars() {
        const bars = new (cli_progress_default()).MultiBar({
            stream: this.#stream,
            format: this.#format,
            barsize: MAX_BAR,
            barCompleteChar: '█',
            barIncompleteChar: '░',
            clearOnComplete: true,
            // No terminal state to restore: the cursor stays visible and line wrapping on (each
            // line is cut to the width here), so an interrupted run leaves the terminal as it was.
            hideCursor: false,
            linewrap: true,
            gracefulExit: false,
            // Redraw every bar on every frame: after a bar is removed or lines are logged above
            // them, the others move up or down a line.
            forceRedraw: true,
        });
        // cli-progress writes logged lines over the bars without clearing them to the end of the
        // line; clear the bars first when there are lines to write.
        bars.on('redraw-pre', () => {
            if (!this.#logged)
                return;
            this.#logged = false;
            (0,external_node_readline_.clearScreenDown)(this.#stream);
        });
        return bars;
    }
    /** One bar's line: label, bar, percentage, bytes, rate; never wider than the terminal. */
    #format = (options, params, payload) => {
        const c = this.#colors;
        const width = Math.max(20, params.maxWidth - 1);
        if (payload.status !== undefined)
            return this.#fit(width, [[payload.status, String]]);
        const label = this.#mask(payload.label).slice(0, LABEL_WIDTH).padEnd(LABEL_WIDTH);
        const seconds = (Date.now() - params.startTime) / 1000;
        const rate = seconds >= 0.5 ? `${(0,lib_format/* formatBytes */.z)(params.value / seconds)}/s` : '';
        const done = (0,lib_format/* formatBytes */.z)(params.value);
        if (!payload.sized) {
            return this.#fit(width, [
                [label, c.bold],
                [`${done} sent, compressing`, String],
                [rate, c.dim],
            ]);
        }
        const percent = `${Math.floor(params.progress * 100)}%`.padStart(4);
        const amounts = `${done} / ${(0,lib_format/* formatBytes */.z)(params.total)}`;
        const parts = [
            [label, c.bold],
            [percent, String],
            [amounts, String],
            [rate, c.dim],
        ];
        // What is left of the line for the bar, after the other parts, their colours and a gap.
        const others = parts.filter(([text]) => text !== '').map(([text, colour]) => colour(text));
        const size = Math.min(MAX_BAR, width - others.join('  ').length - 2 - c.cyan('').length);
        if (size < 5)
            return this.#fit(width, [...parts]);
        const bar = cli_progress_default().Format.BarFormat(params.progress, { ...options, barsize: size });
        return this.#fit(width, [parts[0], [bar, c.cyan], ...parts.slice(1)]);
    };
    /**
     * Joins the parts with two spaces, coloured when that fits: cli-progress cuts a line at the
     * terminal width counting escape codes too, and a cut colour code would leak into the log.
     */
    #fit(width, parts) {
        const shown = parts.filter(([text]) => text !== '');
        const coloured = shown.map(([text, colour]) => colour(text)).join('  ');
        if (coloured.length <= width)
            return this.#mask(coloured);
        return this.#mask(shown
            .map(([text]) => text)
            .join('  ')
            .slice(0, width));
    }
}

;// CONCATENATED MODULE: ./src/cli/output.ts


/**
 * Colours on a terminal unless NO_COLOR is set (no-color.org) or TERM is dumb; FORCE_COLOR=1
 * asks for them anywhere, FORCE_COLOR=0 turns them off. Progress bars need a real terminal and
 * do not depend on colour. Our own rule rather than picocolors' default, which colours
 * whenever CI is set: a CI log gets plain lines.
 */
function outputStyle(env, isTTY) {
    const terminal = isTTY && env['TERM'] !== 'dumb';
    const force = env['FORCE_COLOR'];
    const forced = force === undefined ? undefined : force !== '0' && force !== 'false';
    return {
        colors: !env['NO_COLOR'] && (forced ?? terminal),
        progress: terminal,
    };
}
/**
 * The CLI's output on standard error: plain lines in CI logs and pipes (exactly one line per
 * message, no escape codes), colours and live progress bars on a terminal. Every secret is
 * masked in every line written, the progress bars' included.
 */
function createCliOutput(options) {
    const stream = options.stream ?? process.stderr;
    const env = options.env ?? process.env;
    const style = outputStyle(env, options.isTTY ?? stream.isTTY === true);
    const c = picocolors_default().createColors(style.colors);
    const secrets = [];
    const mask = (message) => secrets.reduce((line, secret) => line.split(secret).join('***'), message);
    const progress = style.progress ? new TerminalProgress({ stream, colors: c, mask }) : undefined;
    const write = (line) => (progress ? progress.log(line) : stream.write(`${line}\n`));
    return {
        info: (message) => write(mask(message)),
        warn: (message) => write(`${c.yellow(c.bold('warning:'))} ${mask(message)}`),
        error: (message) => {
            progress?.stop();
            write(`${c.red(c.bold('error:'))} ${mask(message)}`);
        },
        debug: (message) => (options.debug ? write(c.dim(`debug: ${mask(message)}`)) : undefined),
        success: (message) => write(c.green(mask(message))),
        stopped: (message) => {
            progress?.stop();
            write(c.yellow(c.bold(mask(message))));
        },
        group: async (title, run) => {
            write(c.bold(`== ${mask(title)}`));
            return run();
        },
        secret: (value) => {
            if (value && !secrets.includes(value))
                secrets.push(value);
            secrets.sort((a, b) => b.length - a.length);
        },
        progress,
        status: progress
            ? (line) => progress.status(line === undefined ? line : mask(line))
            : undefined,
        close: () => progress?.stop(),
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/lib/engine/copy.ts + 4 modules
var copy = __webpack_require__(312);
;// CONCATENATED MODULE: ./src/lib/image/platform.ts

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
        throw new errors/* TarPushError */.q$('USAGE', `invalid platform "${value}"`, {
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

// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/lib/reference.ts
var lib_reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/lib/registry/connect.ts + 1 modules
var connect = __webpack_require__(5367);
// EXTERNAL MODULE: ./src/lib/registry/repository.ts + 1 modules
var registry_repository = __webpack_require__(2186);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/lib/digest.ts
var lib_digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/http/transport.ts
var transport = __webpack_require__(6053);
// EXTERNAL MODULE: ./src/lib/image/json.ts
var image_json = __webpack_require__(3707);
;// CONCATENATED MODULE: ./src/lib/image/limits.ts
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

// EXTERNAL MODULE: ./src/lib/image/media-types.ts
var media_types = __webpack_require__(5489);
// EXTERNAL MODULE: ./src/lib/image/parse.ts
var parse = __webpack_require__(1750);
;// CONCATENATED MODULE: ./src/lib/registry/source.ts











/**
 * A registry as an image source: GETs the manifest with every type accepted, verifies each
 * document against the digest that names it, picks a platform from an index (or keeps them all),
 * and reads the configs. Layers are read later, as resumable blob GETs.
 */
async function readRemoteArtifact(repository, reference, options) {
    const name = (0,lib_reference/* formatReference */.FH)(reference);
    const top = await fetchManifest(repository, reference.digest ?? reference.tag ?? 'latest', name);
    if (reference.digest)
        verifyDigest(top, reference.digest, name);
    else if (top.registryDigest && (0,lib_digest/* algorithmOf */.Hy)(top.registryDigest) === 'sha256') {
        verifyDigest(top, top.registryDigest, name);
    }
    const parsed = parseRegistryManifest(top, name);
    const raw = { ...top, mediaType: parsed.mediaType };
    if (parsed.kind === 'image') {
        const image = await imageOf(repository, raw, parsed, name, undefined);
        const wanted = options.platform;
        if (wanted !== 'all' && image.platform && !platformMatches(wanted, image.platform)) {
            const offered = formatPlatform(image.platform);
            if (!options.defaultPlatform) {
                throw new errors/* TarPushError */.q$('PLATFORM_NOT_FOUND', `${name} has no image for ${formatPlatform(wanted)}; it has ${offered} (a single-platform image)`, {
                    subject: name,
                    hint: `ask for ${offered} with platform (--platform ${offered}), or leave platform out to take the image whatever its platform`,
                });
            }
            options.logger.warn(`${name} is a single-platform image for ${offered}, not ${formatPlatform(wanted)} (this machine's); pulling it anyway`);
        }
        return { reference, referenceDigest: top.digest, artifact: image };
    }
    if (options.platform !== 'all') {
        const chosen = choosePlatform(parsed.manifests, options.platform, name);
        const image = await memberImage(repository, chosen, `${name} (${formatPlatform(chosen.platform)})`, name);
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
    const image = (0,parse/* readImageLayers */.oj)(registryJson(`${name}: config ${config.digest}`), config, parsed.layers, name);
    const diffIds = image?.diffIds ?? [];
    const layers = (0,parse/* layersOf */.w)(parsed.layers, image, (descriptor) => ({
        origin: repository.client.resolve(`/v2/${repository.path}/blobs/${descriptor.digest}`),
        size: descriptor.size,
        remote: true,
        open: async () => openRemoteBlob(repository, descriptor),
    }));
    return {
        kind: 'image',
        flavor: (0,media_types/* flavorOfManifest */.j7)(manifest.mediaType),
        config,
        diffIds,
        layers,
        manifest,
        platform: image?.platform ?? indexPlatform,
    };
}
/** Whether an image is a container image (its config an image config), not another artifact. */
const isContainerImage = (image) => (0,media_types/* isImageConfigMediaType */.i8)(image.config.mediaType);
/**
 * A blob's bytes as one stream, resumed where it stopped when the connection breaks (a Range
 * request; a registry that ignores Range sends the whole blob again and what we have is skipped).
 * The engine's verifier checks what comes out; this only counts bytes.
 */
function openRemoteBlob(repository, descriptor) {
    const url = repository.client.resolve(`/v2/${repository.path}/blobs/${descriptor.digest}`);
    const output = new external_node_stream_.PassThrough({ highWaterMark: 1024 * 1024 });
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
                        throw new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `the blob ${descriptor.digest} from ${url} is more than ${descriptor.size} bytes, the size its descriptor says`, { subject: url, hint: 'the registry serves a corrupt blob; push the image again' });
                    }
                    offset += chunk.length;
                    if (!output.write(chunk))
                        await Promise.race([(0,external_node_events_.once)(output, 'drain'), (0,external_node_events_.once)(output, 'close')]);
                }
            }
            catch (error) {
                response.body.destroy();
                throw (0,transport/* transportError */.WQ)(error, 'GET', url);
            }
            if (offset < descriptor.size) {
                throw new errors/* TarPushError */.q$('NETWORK_ERROR', `GET ${url} ended after ${offset} of ${descriptor.size} bytes`, { subject: url, hint: 'the connection broke off; try again', retryable: true });
            }
        });
    };
    pump().then(() => output.end(), (error) => output.destroy(error));
    return output;
}
/** The consumer went away (a failed check elsewhere, a cancel): not something to retry. */
const stopped = () => new errors/* TarPushError */.q$('NETWORK_ERROR', 'the download was stopped', { retryable: false });
async function fetchManifest(repository, reference, name) {
    const manifest = await repository.getManifest(reference, media_types/* MANIFEST_ACCEPT */.dY, LIMITS.manifestBytes);
    if (!manifest) {
        throw new errors/* TarPushError */.q$('IMAGE_NOT_FOUND', `${name}: the registry has no manifest "${reference}"`, {
            subject: name,
            hint: 'check the repository name and the tag or digest (and that the credentials may read it)',
        });
    }
    return manifest;
}
/** The digest that names a document must be the hash of its bytes, in that digest's algorithm. */
function verifyDigest(document, expected, name) {
    if (!(0,lib_digest/* matchesDigest */._j)(document.bytes, expected)) {
        const actual = (0,lib_digest/* digestIn */.s)((0,lib_digest/* algorithmOf */.Hy)(expected), document.bytes);
        throw mismatch(name, `the manifest's bytes hash to ${actual}, not ${expected}`);
    }
}
function mismatch(name, what) {
    return new errors/* TarPushError */.q$('MANIFEST_DIGEST_MISMATCH', `${name}: ${what}`, {
        subject: name,
        hint: 'the registry (or a proxy in between) altered the manifest; do not trust this image',
    });
}
function unsupported(name, what) {
    return new errors/* TarPushError */.q$('MANIFEST_UNSUPPORTED', `${name}: ${what}`, {
        subject: name,
        hint: 'pull it with format oci (--format oci), which copies any OCI artifact as it is',
    });
}
const registryJson = (document) => new image_json/* JsonReader */.O(document, 'REGISTRY_ERROR', 'the registry holds a malformed image (or is not a registry); push the image again');
function parseRegistryManifest(raw, name) {
    return (0,parse/* parseManifest */.Ng)(registryJson(`${name}: manifest ${raw.digest}`), raw.bytes, {
        outerMediaType: raw.mediaType,
        name,
    });
}
function choosePlatform(manifests, wanted, name) {
    const runnable = manifests.filter((entry) => isRunnablePlatform(entry.platform));
    const chosen = runnable.find((entry) => platformMatches(wanted, entry.platform));
    if (!chosen) {
        const offered = [...new Set(runnable.map((entry) => formatPlatform(entry.platform)))];
        throw new errors/* TarPushError */.q$('PLATFORM_NOT_FOUND', `${name} has no image for ${formatPlatform(wanted)}; it has ${offered.length > 0 ? offered.join(', ') : 'no runnable platform'}`, { subject: name, hint: 'choose one of those with platform (--platform os/arch[/variant])' });
    }
    return chosen;
}
async function fetchConfig(repository, descriptor, name) {
    if (descriptor.size > LIMITS.configBytes) {
        throw unsupported(name, `its config is ${descriptor.size} bytes, more than ${LIMITS.configBytes}`);
    }
    const bytes = await repository.getBlobBytes(descriptor.digest, descriptor.size);
    if (!bytes || bytes.length !== descriptor.size) {
        throw new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `${name}: the config blob ${descriptor.digest} is missing or does not match its digest and size`, {
            subject: descriptor.digest,
            hint: 'the registry lost or altered the blob; push the image again',
        });
    }
    return { bytes, digest: descriptor.digest, mediaType: descriptor.mediaType };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/lib/image/layout.ts


/** The OCI image layout (image-spec layout.md): written by our disk sinks, read by archive/. */
/** Path of a blob inside an OCI image layout (and a Docker 25+ save, which is one). */
const blobPath = (digest) => `blobs/${(0,lib_digest/* algorithmOf */.Hy)(digest)}/${(0,lib_digest/* hexOf */.ZD)(digest)}`;
const OCI_LAYOUT_FILE = `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`;
/** A layout's index.json listing `manifests`. */
const layoutIndexJson = (manifests) => `${JSON.stringify({ schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests })}\n`;
/** The annotation naming a layout's image by its tag alone (skopeo, umoci) or a full reference. */
const ANNOTATION_REF_NAME = 'org.opencontainers.image.ref.name';
/** The full reference containerd and docker load 25+ read. */
const ANNOTATION_CONTAINERD_NAME = 'io.containerd.image.name';

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
        [ANNOTATION_CONTAINERD_NAME]: (0,lib_reference/* formatReference */.FH)({ ...reference, digest: undefined }),
    };
    if (reference.tag !== undefined)
        annotations[ANNOTATION_REF_NAME] = reference.tag;
    else
        annotations[ANNOTATION_CONTAINERD_NAME] = `${annotations[ANNOTATION_CONTAINERD_NAME]}@${manifest.digest}`;
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
    const refName = descriptor.annotations?.[ANNOTATION_REF_NAME];
    // Like skopeo, a tag names one image: an older entry of the same name is replaced.
    const kept = existing.filter((entry) => refName === undefined || entry.annotations?.[ANNOTATION_REF_NAME] !== refName);
    return layoutIndexJson([...kept, descriptor]);
}
/** docker load's manifest.json (every docker version reads it) and the legacy repositories file. */
function dockerLoadFiles({ reference, image, }) {
    const name = familiarName(reference);
    const layers = image.layers.map(layerDescriptor);
    const manifest = [
        {
            Config: blobPath(image.config.digest),
            RepoTags: name ? [name] : [],
            Layers: layers.map((layer) => blobPath(layer.digest)),
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
        for (let offset = 0; offset < data.length;) {
            const at = position === null ? null : position + written + offset;
            const { bytesWritten } = await handle
                .write(data, offset, data.length - offset, at)
                .catch((error) => {
                throw outputError(error);
            });
            offset += bytesWritten;
        }
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
                await this.#placeBytes(layoutFile, Buffer.from(OCI_LAYOUT_FILE));
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
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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
    /** Records `rel` ("a/b/c", real components); returns the different earlier name it folds onto. */
    claim(rel) {
        if (this.#folding === 'none' || rel === '')
            return undefined;
        const key = foldName(rel, this.#folding);
        const earlier = this.#seen.get(key);
        if (earlier !== undefined && earlier !== rel)
            return earlier;
        this.#seen.set(key, rel);
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

;// CONCATENATED MODULE: ./src/lib/write/rootfs.ts










const DEFAULT_MAX_BYTES = 64 * 1024 ** 3;
const DEFAULT_MAX_ENTRIES = 10_000_000;
// As securejoin: enough for any sane image, few enough to stop a link loop.
const MAX_LINK_EXPANSIONS = 255;
const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
const SPECIAL_BITS = 0o6000;
const TAR_BLOCK = 512;
// O_NOFOLLOW where the platform has it (not Windows, where the lstat walk of #resolveDir is the guard).
const FLAGS = writerFlags();
const NEW_FILE_FLAGS = FLAGS.newFile;
const DIR_FLAGS = FLAGS.directory;
// Names listed in one error; the count says how many more.
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
    /** The real paths written, folded as the platform's filesystem compares names. */
    #names;
    #bytes = 0;
    #entries = 0;
    /** Real directories (relative to root) known to exist; cleared whenever a directory is removed. */
    #dirs = new Set();
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
        this.#names = new FoldedNames(this.#rules.folding);
        this.#dirs.add('');
    }
    /** Applies one layer; `tar` is the UNCOMPRESSED tar stream; `layerName` (a digest) names the layer in errors. */
    async applyLayer(tar, layerName) {
        const layer = { name: layerName, kept: new Set(), special: 0, refused: [] };
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
        if (failure !== undefined) {
            tar.destroy();
            throw failure;
        }
        if (layer.special > 0) {
            this.#logger.warn(`layer ${layerName}: skipped ${layer.special} device node(s) or FIFO(s); they need preserveSpecial (and root)`);
        }
    }
    #refusedError(layer) {
        const { refused } = layer;
        const listed = refused.slice(0, MAX_LISTED_NAMES).join(', ');
        const more = refused.length > MAX_LISTED_NAMES ? ` and ${refused.length - MAX_LISTED_NAMES} more` : '';
        return new errors/* TarPushError */.q$('LAYER_UNSAFE', `layer ${layer.name}: ${refused.length} name(s) cannot be written on ${this.#rules.label}: ${listed}${more}`, {
            subject: layer.name,
            hint: 'unpack this image on Linux, or pull it with format oci or docker, which keep the layers as they are',
        });
    }
    /** Applies deferred directory modes and mtimes; call once after the last layer. */
    async finish() {
        const depth = (rel) => (rel === '' ? 0 : rel.split('/').length);
        // Deepest first: a parent made read-only or unsearchable must not stop its children.
        const dirs = [...this.#deferred].sort(([a], [b]) => depth(b) - depth(a));
        this.#deferred.clear();
        for (const [rel, meta] of dirs) {
            if (!(await this.#isRealDir(rel)))
                continue;
            // The root itself is the caller's and may be reached through a symlink.
            const handle = await (0,promises_.open)(this.#abs(rel), rel === '' ? external_node_fs_.constants.O_RDONLY : DIR_FLAGS);
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
        const parts = cleanParts(header.name, layer.name, this.#rules);
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
            // A whiteout of a name the platform cannot hold removes nothing: no such file was written.
            if (illegalEntryReason(header.name, this.#rules) !== undefined)
                return;
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
        const illegal = illegalEntryReason(header.name, this.#rules);
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
        const name = parts[parts.length - 1];
        const dir = await this.#resolveDir(parts.slice(0, -1), true, layer, header.name);
        const rel = dir === '' ? name : `${dir}/${name}`;
        this.#claim(rel, header.name);
        const abs = this.#abs(rel);
        const existing = await lstatOrUndefined(abs);
        if (type === 'directory') {
            if (existing?.isDirectory()) {
                if (this.#asRoot)
                    await (0,promises_.chown)(abs, header.uid ?? 0, header.gid ?? 0);
            }
            else {
                if (existing)
                    await this.#remove(rel, existing);
                await (0,promises_.mkdir)(abs);
                await this.#ownAndMode(abs, header, 0o755);
            }
            this.#dirs.add(rel);
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
            }
        }
        else {
            if (existing)
                await this.#remove(rel, existing);
            if (isFile)
                await this.#writeFile(abs, header, body);
            else if (type === 'symlink')
                await this.#symlink(abs, header, layer);
            else
                await this.#mknod(abs, header, layer);
        }
        this.#keep(layer, rel);
    }
    async #writeFile(abs, header, body) {
        const handle = await (0,promises_.open)(abs, NEW_FILE_FLAGS, 0o600);
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
    async #symlink(abs, header, layer) {
        const target = header.linkname ?? '';
        if (target === '' || target.includes('\0')) {
            throw unsafe(layer.name, `symlink "${header.name}" has an empty or NUL-bearing target`);
        }
        await (0,promises_.symlink)(target, abs);
        if (this.#asRoot)
            await (0,promises_.lchown)(abs, header.uid ?? 0, header.gid ?? 0);
        if (header.mtime)
            await (0,promises_.lutimes)(abs, header.mtime, header.mtime);
    }
    async #mknod(abs, header, layer) {
        const args = header.type === 'fifo'
            ? [abs, 'p']
            : [
                abs,
                header.type === 'block-device' ? 'b' : 'c',
                String(header.devmajor ?? 0),
                String(header.devminor ?? 0),
            ];
        await run('mknod', args).catch((error) => {
            throw new Error(`layer ${layer.name}: cannot create "${header.name}" (device nodes need root): ${String(error)}`, { cause: error });
        });
        await this.#ownAndMode(abs, header, 0o600);
        if (header.mtime)
            await (0,promises_.lutimes)(abs, header.mtime, header.mtime);
    }
    /** The hard link's target, inside root; it must already exist there and not be a directory. */
    async #linkTarget(header, layer) {
        const raw = header.linkname ?? '';
        const parts = cleanParts(raw, layer.name, this.#rules, `the target "${raw}" of hard link "${header.name}"`);
        const illegal = illegalEntryReason(raw, this.#rules);
        if (illegal !== undefined) {
            throw new RefusedName(`"${header.name}" (a hard link to "${raw}", ${illegal})`);
        }
        const refuse = (why) => unsafe(layer.name, `hard link "${header.name}" points to "${raw}", ${why}`);
        if (parts.length === 0)
            throw refuse('the root');
        const dir = await this.#resolveDir(parts.slice(0, -1), false, layer, raw);
        if (dir === undefined)
            throw refuse('which is not in the image');
        const name = parts[parts.length - 1];
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
            for (const child of await (0,promises_.readdir)(this.#abs(dir))) {
                await this.#removeLower(dir === '' ? child : `${dir}/${child}`, layer);
            }
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
        if (dir !== undefined)
            await this.#removeLower(dir === '' ? target : `${dir}/${target}`, layer);
    }
    /** Removes `rel` as a lower layer left it: whatever the current layer wrote there stays. */
    async #removeLower(rel, layer) {
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
        if (!stats.isDirectory()) {
            await (0,promises_.unlink)(this.#abs(rel));
            this.#names.forget(rel);
            return;
        }
        await (0,promises_.rm)(this.#abs(rel), { recursive: true, force: true });
        this.#names.forget(rel);
        this.#dirs.clear();
        this.#dirs.add('');
        const prefix = `${rel}/`;
        for (const key of this.#deferred.keys()) {
            if (key === rel || key.startsWith(prefix))
                this.#deferred.delete(key);
        }
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
            const illegal = illegalNameReason(part, this.#rules);
            if (illegal !== undefined) {
                // Entry names were checked before: this part comes from a symlink's target.
                throw unsafe(layer.name, `a symlink on the way to "${entry}" points to a name ${this.#rules.label} cannot hold (${illegal})`);
            }
            real.push(part);
            const rel = real.join('/');
            if (create)
                this.#claim(rel, entry);
            if (this.#dirs.has(rel))
                continue;
            const abs = this.#abs(rel);
            const stats = await lstatOrUndefined(abs);
            if (stats?.isSymbolicLink()) {
                if (++expansions > MAX_LINK_EXPANSIONS) {
                    throw unsafe(layer.name, `too many symlinks while resolving "${entry}"`);
                }
                const target = await (0,promises_.readlink)(abs);
                real.pop();
                if (isRootedTarget(target, this.#rules))
                    real.length = 0;
                const path = this.#rules.windowsNames ? target.replace(/^[A-Za-z]:/, '') : target;
                pending.push(...splitEntryName(path, this.#rules).reverse());
                continue;
            }
            if (!stats?.isDirectory()) {
                if (!create)
                    return undefined;
                if (stats)
                    await this.#remove(rel, stats);
                await (0,promises_.mkdir)(abs);
                await (0,promises_.chmod)(abs, 0o755);
            }
            this.#dirs.add(rel);
        }
        return real.join('/');
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
            const stats = await lstatOrUndefined(this.#abs(prefix));
            if (!stats?.isDirectory())
                return false;
            this.#dirs.add(prefix);
        }
        return true;
    }
    async #ownAndMode(abs, header, fallback) {
        if (this.#asRoot)
            await (0,promises_.lchown)(abs, header.uid ?? 0, header.gid ?? 0);
        const mode = this.#mode(header, fallback);
        await (0,promises_.chmod)(abs, header.type === 'directory' ? mode | 0o700 : mode);
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
            { name: 'oci-layout', bytes: Buffer.from(OCI_LAYOUT_FILE) },
            { name: 'index.json', bytes: Buffer.from(indexJson(named)) },
            ...(format === 'docker' ? dockerLoadFiles(named) : []),
            { name: blobPath(manifest.digest), bytes: manifest.bytes },
            { name: blobPath(image.config.digest), bytes: image.config.bytes },
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
            const name = blobPath(layer.digest);
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
    const wanted = options.platform ? parsePlatform(options.platform) : undefined;
    const extraCaPem = options.caFile ? await (0,connect/* readCaFile */.R)(options.caFile) : undefined;
    // Before any request: an output that cannot be written fails fast.
    await checkOutput(options.output, format);
    const client = await (0,connect/* connectRegistry */.g)(reference.registry, options, extraCaPem, logger);
    try {
        const repository = new registry_repository/* RepositoryClient */.q$(client, reference.path, 'pull');
        const name = (0,lib_reference/* formatReference */.FH)(reference);
        const remote = await logger.group(`Resolving ${name}`, () => readRemoteArtifact(repository, reference, {
            platform: wanted ?? runnerPlatform(),
            defaultPlatform: wanted === undefined,
            logger,
        }));
        const image = remote.artifact;
        const layers = image.layers.map((layer) => ({
            digest: layer.storedDigest,
            size: layer.content.size,
            mediaType: layer.mediaType,
        }));
        logger.info(`${name}: manifest ${image.manifest.digest}${image.platform ? ` (${formatPlatform(image.platform)})` : ''}, ${layers.length} layers, ${(0,lib_format/* formatBytes */.z)(layers.reduce((total, layer) => total + layer.size, 0))}`);
        if (!isContainerImage(image) && (format === 'docker' || format === 'rootfs')) {
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
            platform: image.platform ? formatPlatform(image.platform) : undefined,
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

;// CONCATENATED MODULE: ./src/cli/pull.ts




const pullCommand = {
    name: 'pull',
    synopsis: 'pull IMAGE --output PATH [options]',
    summary: 'pull an image to a tarball, OCI layout or rootfs',
    details: `IMAGE is REGISTRY/REPOSITORY:TAG or REGISTRY/REPOSITORY@DIGEST. Every blob is checked
against its digest (and each layer against its diff_id) before the output is complete;
a failed pull leaves no partial output. Prints the output path on standard output.`,
    flags: {
        output: {
            type: 'string',
            short: 'o',
            value: 'PATH',
            description: 'where to write the image (a file for docker and oci-archive, a directory for oci and rootfs)',
        },
        format: {
            type: 'string',
            value: 'F',
            description: 'docker (default: a docker load tarball) | oci (layout directory) | oci-archive | rootfs',
        },
        platform: {
            type: 'string',
            value: 'P',
            description: "os/arch[/variant] taken from a multi-platform image (default: this machine's, e.g. linux/amd64)",
        },
        'preserve-special': {
            type: 'boolean',
            description: 'rootfs: keep device nodes, FIFOs and setuid/setgid bits',
        },
        'max-size': {
            type: 'string',
            value: 'BYTES',
            description: 'rootfs: most uncompressed bytes unpacked (default 64 GiB)',
        },
        ...common/* CONNECTION_FLAGS */.RA,
        ...common/* OUTPUT_FLAGS */.Qf,
    },
    examples: [
        '# a tarball for docker load',
        'tar-push pull ghcr.io/org/app:1.2.3 -o app.tar',
        '# the arm64 member of a multi-platform image, as an OCI layout directory',
        'tar-push pull docker.io/library/alpine:3 -o alpine --format oci --platform linux/arm64',
        '# an unpacked root filesystem, pinned by digest',
        'tar-push pull localhost:5000/app@sha256:… -o rootfs --format rootfs',
    ],
    async run(values, operands, output, context) {
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
    },
};

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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:tty"
var external_node_tty_ = __webpack_require__(7066);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/lib/archive/files.ts

async function openRangeReader(path, start, size) {
    const handle = await (0,promises_.open)(path, 'r');
    let position = start;
    const end = start + size;
    return {
        async read(into) {
            let filled = 0;
            while (filled < into.length && position < end) {
                const wanted = Math.min(into.length - filled, end - position);
                const { bytesRead } = await handle.read(into, filled, wanted, position);
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

;// CONCATENATED MODULE: ./src/lib/archive/tar-index.ts





/** The tar block: headers and bodies are laid out in 512-byte blocks. */
const tar_index_TAR_BLOCK = 512;
const tar_index_BLOCK = tar_index_TAR_BLOCK;
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
        if (entry.size === 0)
            return (0,external_node_fs_.createReadStream)(this.#path, { start: 1, end: 0 });
        return (0,external_node_fs_.createReadStream)(this.#path, {
            start: entry.offset,
            end: entry.offset + entry.size - 1,
            highWaterMark: 1024 * 1024,
        });
    }
    openReader(name) {
        const entry = this.#regularFile(name);
        return openRangeReader(this.#path, entry.offset, entry.size);
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
    const header = Buffer.alloc(tar_index_BLOCK);
    let position = 0;
    let pending = {};
    let globalMeta = {};
    while (position + tar_index_BLOCK <= fileSize) {
        const { bytesRead } = await handle.read(header, 0, tar_index_BLOCK, position);
        if (bytesRead < tar_index_BLOCK)
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
        const bodyOffset = position + tar_index_BLOCK;
        if (bodyOffset + bodySize > fileSize)
            throw truncated(archive, readName(header));
        const next = bodyOffset + Math.ceil(bodySize / tar_index_BLOCK) * tar_index_BLOCK;
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
    for (let i = 0; i < tar_index_BLOCK; i++) {
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
        return (0,external_node_fs_.createReadStream)(this.#existing(name), { highWaterMark: 1024 * 1024 });
    }
    openReader(name) {
        const path = this.#existing(name);
        return openRangeReader(path, 0, (0,external_node_fs_.statSync)(path).size);
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
const SNIFF_BYTES = tar_index_TAR_BLOCK;
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
    if (head.length < tar_index_TAR_BLOCK)
        return false;
    const header = head.subarray(0, tar_index_TAR_BLOCK);
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
    if (size < tar_index_TAR_BLOCK)
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
        this.#parent = parent ?? (process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)());
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
                ? `the tarball is spooled to ${options.spoolDir ?? (process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)())} (RUNNER_TEMP or TMPDIR) first; free space there or point TMPDIR elsewhere`
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
    openReader: () => files.openReader(name),
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
    const manifest = json.array(json.parse(await files.readAll('manifest.json', LIMITS.manifestBytes)), '');
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
        const configBytes = await files.readAll(configName, LIMITS.configBytes);
        const configDigest = (0,lib_digest/* sha256 */.sc)(configBytes);
        const namedDigest = digestInName(configName);
        if (namedDigest && (0,lib_digest/* algorithmOf */.Hy)(namedDigest) === 'sha256' && namedDigest !== configDigest) {
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
        return blobPath(digest);
    }
    /** Reads a small blob whole and checks it against its descriptor. */
    async readBlob(descriptor, referrer, limit) {
        const name = this.blobName(descriptor.digest);
        const size = requireSize(this.#files, name, referrer);
        if (size !== descriptor.size)
            throw this.sizeMismatch(name, descriptor.size, size);
        const bytes = await this.#files.readAll(name, limit);
        if (!(0,lib_digest/* matchesDigest */._j)(bytes, descriptor.digest)) {
            const actual = (0,lib_digest/* digestIn */.s)((0,lib_digest/* algorithmOf */.Hy)(descriptor.digest), bytes);
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
        const manifest = await this.readBlob(descriptor, referrer, LIMITS.manifestBytes);
        const where = `${this.#files.name}: ${this.blobName(descriptor.digest)}`;
        const json = new image_json/* JsonReader */.O(where);
        const parsed = (0,parse/* parseManifest */.Ng)(json, manifest.bytes, {
            outerMediaType: descriptor.mediaType,
            name: where,
        });
        const raw = { ...manifest, mediaType: parsed.mediaType };
        if (parsed.kind === 'index') {
            if (depth >= LIMITS.indexDepth)
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
        const config = await this.readBlob(parsed.config, `${where} config`, LIMITS.configBytes);
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
    return (descriptor.annotations?.[ANNOTATION_CONTAINERD_NAME] ??
        descriptor.annotations?.[ANNOTATION_REF_NAME]);
}
async function readOciLayout(files) {
    const layoutJson = new image_json/* JsonReader */.O(`${files.name}: oci-layout`);
    const layout = layoutJson.object(layoutJson.parse(await files.readAll('oci-layout', LIMITS.layoutFileBytes)), '');
    layoutJson.string(layout['imageLayoutVersion'], 'imageLayoutVersion');
    const json = new image_json/* JsonReader */.O(`${files.name}: index.json`);
    const index = json.object(json.parse(await files.readAll('index.json', LIMITS.manifestBytes)), '');
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
        const manifest = await repository.getManifest(tag, media_types/* IMAGE_MANIFEST_ACCEPT */.Pi, LIMITS.manifestBytes);
        if (!manifest)
            return layers;
        const json = new image_json/* JsonReader */.O(`${name} manifest`, 'REGISTRY_ERROR');
        const parsed = (0,parse/* parseManifest */.Ng)(json, manifest.bytes, {
            outerMediaType: manifest.mediaType,
            name,
        });
        if (parsed.kind !== 'image')
            return layers;
        const configBytes = await repository.getBlobBytes(parsed.config.digest, LIMITS.configBytes);
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

// EXTERNAL MODULE: ./src/lib/registry/client.ts + 2 modules
var client = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/lib/registry/sink.ts
var sink = __webpack_require__(6560);
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

// EXTERNAL MODULE: ./src/lib/paths.ts
var lib_paths = __webpack_require__(2308);
;// CONCATENATED MODULE: ./src/lib/push.ts



















/** Push = copy(tarball → registry): read and validate the archive, then copy each image. */
async function push(options) {
    const logger = options.logger ?? log/* silentLogger */.q;
    const started = Date.now();
    const extraCaPem = options.caFile ? await (0,connect/* readCaFile */.R)(options.caFile) : undefined;
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
    const spoolDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.spoolDir ?? (process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)()), 'tar-push-layers-'));
    const clients = new Map();
    const store = options.digestMapStore ?? directoryStore(options.cacheDir);
    let digestMap;
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
        const diffIds = diffIdsOf(entries.map((entry) => entry.artifact));
        const map = await DigestMap.load(await store.restore(diffIds));
        digestMap = map;
        const images = [];
        for (const target of targets) {
            const name = (0,lib_reference/* repositoryName */.aR)(target.repository);
            const report = await logger.group(`Pushing ${name} (${target.tags.join(', ')})`, async () => {
                let client = clients.get(target.repository.registry);
                if (!client) {
                    client = await (0,connect/* connectRegistry */.g)(target.repository.registry, options, extraCaPem, logger);
                    clients.set(target.repository.registry, client);
                }
                const repository = new registry_repository/* RepositoryClient */.q$(client, target.repository.path);
                repository.chunkSize = options.chunkSize ?? 0;
                const mountFrom = mountSources(options.mountFrom, target.repository.registry);
                const reusable = needsEncoding(target.entry.artifact, compression)
                    ? await reusableLayers(repository, target.tags, mountFrom, logger)
                    : undefined;
                return (0,copy/* copyArtifact */.E)(target.entry.artifact, target.tags, {
                    sink: target.digest === undefined
                        ? new sink/* RegistrySink */.P(repository)
                        : new DigestCheckedSink(repository, target.entry.artifact, target.digest, name),
                    compression,
                    level: options.compressionLevel,
                    concurrency: options.concurrency,
                    uploadMode: options.uploadMode,
                    spoolDir,
                    digestMap: map,
                    knownBlob: reusable && ((diffId, encoding) => reusable.get(reuseKey(diffId, encoding))),
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
        // What was learned is kept even when the push failed half-way: the blobs are in the registry.
        await digestMap
            ?.save()
            .then((changed) => store.persist(changed))
            .catch((error) => logger.warn(`could not keep the digest map: ${error.message}`));
        await Promise.all([...clients.values()].map((client) => client.close()));
        await (0,promises_.rm)(spoolDir, { recursive: true, force: true });
        await Promise.all(sources.map((source) => source.close()));
    }
}
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
        const name = formatPlatform(platform);
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
    (artifact.kind === 'image' ? [artifact] : artifact.children).some((image) => image.layers.some((layer) => layer.isTar && layer.compression === 'none'));
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
const diffIdsOf = (artifacts) => artifacts
    .flatMap((artifact) => (artifact.kind === 'image' ? [artifact] : artifact.children))
    .flatMap((image) => image.diffIds);

;// CONCATENATED MODULE: ./src/cli/push.ts









const pushCommand = {
    name: 'push',
    synopsis: 'push TARBALL... [TARGET] [options]',
    summary: 'push an image tarball to a registry',
    details: `TARBALL is a docker save / podman save archive, an OCI archive or layout directory
(buildx --output type=oci|docker, skopeo copy), optionally gzip- or zstd-compressed,
or - for standard input (docker save app | tar-push push - ghcr.io/org/app:1).
TARGET (or --image) is the repository, with a tag or @digest if you like:
ghcr.io/org/app:1.2.3 is --image ghcr.io/org/app --tag 1.2.3.
Several TARBALLs (or a quoted glob) are the platforms of one image: each image is
pushed by digest, then an index of them under the tags. A tarball of several images
pushes each under its own names (--registry moves them, --map renames, --select
picks one). Blobs the registry already holds are not uploaded again; tags are set
only once every blob is in place. Prints repository@digest on standard output.`,
    flags: {
        image: {
            type: 'string',
            value: 'REPO[:TAG]',
            description: 'target repository, a tag or @digest allowed (ghcr.io/org/app:1, 127.0.0.1:5000/app); default: the names in the tarball',
        },
        tag: {
            type: 'string',
            multiple: true,
            value: 'T',
            description: "tag to push (repeatable or comma-separated); default: the tarball's tags",
        },
        registry: {
            type: 'string',
            value: 'HOST[/NS]',
            description: "move the tarball's own names to this registry (and namespace): example.com/team/app:1 on ghcr.io/org is ghcr.io/org/team/app:1",
        },
        map: {
            type: 'string',
            multiple: true,
            value: "'SRC => DEST'",
            description: 'push the images named SRC as DEST (repeatable; * in SRC is carried into DEST); images no mapping names are not pushed',
        },
        select: {
            type: 'string',
            value: 'NAME',
            description: 'push only the image of the tarball carrying this name (* allowed)',
        },
        'mount-from': {
            type: 'string',
            multiple: true,
            value: 'REPO',
            description: 'repository of the same registry to mount blobs from instead of uploading them (repeatable)',
        },
        ...common/* CONNECTION_FLAGS */.RA,
        compression: {
            type: 'string',
            value: 'C',
            description: 'gzip (default) | zstd | none, for layers stored uncompressed',
        },
        'compression-level': {
            type: 'string',
            value: 'N',
            description: 'gzip 0-9 (default 1), zstd 1-19 (default 3)',
        },
        'cache-dir': {
            type: 'string',
            value: 'DIR',
            description: 'digest map kept across runs (default: $XDG_CACHE_HOME/tar-push or ~/.cache/tar-push)',
        },
        'no-cache': { type: 'boolean', description: 'learn nothing across runs' },
        'chunk-size': {
            type: 'string',
            value: 'BYTES',
            description: 'upload blobs in PATCH chunks of this size (default 0: whole, chunked only when refused)',
        },
        'upload-mode': {
            type: 'string',
            value: 'M',
            description: 'stream (default: compress into one PATCH) | spool (temp file, then one PUT with the digest)',
        },
        ...common/* OUTPUT_FLAGS */.Qf,
    },
    examples: [
        '# push what docker save wrote, under the names it carries',
        'tar-push push app.tar',
        "# straight from docker save, to a repository and tag (crane's order: tarball, target)",
        'docker save app | tar-push push - localhost:5000/app:1.2.3',
        '# push to another repository with two tags, logging in with a token',
        'echo "$TOKEN" | tar-push push app.tar --image ghcr.io/org/app --tag 1.2.3,latest \\',
        '    --username org-bot --password-stdin',
        '# a registry on this machine over plain HTTP, layers compressed with zstd',
        'tar-push push app.oci.tar --image localhost:5000/app --tag dev --compression zstd',
        '# one tarball per platform, pushed as one multi-platform image',
        'tar-push push app-amd64.tar app-arm64.tar --image ghcr.io/org/app --tag 1.2.3',
        '# the images of one docker save a:1 b:1, moved to another registry',
        "tar-push push images.tar --registry ghcr.io/org --map 'a:1 => ghcr.io/org/a:1'",
    ],
    async run(values, operands, output, context) {
        const { tarballs, image } = await splitOperands(operands, (0,common/* stringFlag */.AM)(values['image']));
        if (values['password-stdin'] === true && tarballs.includes(STDIN))
            throw (0,common/* usageError */.Wp)('--password-stdin and the tarball - both read standard input', 'push', 'pass the tarball as a file, or the password with the docker config (docker login)');
        const target = image ?? (0,common/* stringFlag */.AM)(values['registry']);
        const what = `push of ${tarballs.map((path) => (path === STDIN ? 'standard input' : path)).join(', ')}${target ? ` to ${target}` : ''} not finished`;
        const { tagged, onTagged } = (0,cancel/* tagTracker */.jP)();
        // Kept current: a stop can come after the push tagged some of several images.
        context.unfinished = () => `${what}; ${(0,cancel/* tagsSetBefore */.BP)(tagged)}`;
        const compression = ((0,common/* stringFlag */.AM)(values['compression']) ?? 'gzip');
        if (!compress/* COMPRESSIONS */._7.includes(compression))
            throw (0,common/* usageError */.Wp)(`--compression must be one of ${compress/* COMPRESSIONS */._7.join(', ')}`, 'push');
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
    },
};
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
    const range = (0,compress/* levelRange */.wu)(compression);
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
        output.success(`pushed ${image.references.join(', ') || `${image.imageRef} (by digest, no tag)`}: ${uploaded} of ${total} layers uploaded, ${(0,lib_format/* formatBytes */.z)(image.bytesUploaded)} in ${result.seconds.toFixed(1)} s`);
    }
}

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
    const source = (0,lib_reference/* parseReference */.F2)(options.source);
    const target = targetOf(source, (0,lib_reference/* parseReference */.F2)(options.target));
    const wanted = options.platform ? parsePlatform(options.platform) : undefined;
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
        const from = new registry_repository/* RepositoryClient */.q$(await clientFor(source.registry), source.path, 'pull');
        const remote = await logger.group(`Resolving ${(0,lib_reference/* formatReference */.FH)(source)}`, () => readRemoteArtifact(from, source, { platform: wanted ?? 'all', logger }));
        const to = new registry_repository/* RepositoryClient */.q$(await clientFor(target.registry), target.path);
        const tags = target.tag !== undefined ? [target.tag] : [];
        const name = (0,lib_reference/* repositoryName */.aR)(target);
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
            source: (0,lib_reference/* formatReference */.FH)(source),
            sourceDigest: remote.referenceDigest,
            repository: name,
            imageRef: `${name}@${report.digest}`,
            platform: wanted ? formatPlatform(wanted) : undefined,
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
        throw new errors/* TarPushError */.q$('USAGE', `the target ${(0,lib_reference/* formatReference */.FH)(target)} names a digest`, {
            subject: (0,lib_reference/* formatReference */.FH)(target),
            hint: "name the target as REGISTRY/REPOSITORY or REGISTRY/REPOSITORY:TAG; its digest is the source manifest's",
        });
    }
    const tag = target.tag ?? source.tag ?? (source.digest === undefined ? 'latest' : undefined);
    return { ...target, tag };
}

;// CONCATENATED MODULE: ./src/cli/copy.ts




const copyCommand = {
    name: 'copy',
    synopsis: 'copy SOURCE TARGET [options]',
    summary: 'copy an image from one registry (or repository) to another, digests unchanged',
    details: `SOURCE is REGISTRY/REPOSITORY:TAG or @DIGEST; TARGET is REGISTRY/REPOSITORY[:TAG]
(without a tag, the source's). Every platform of a multi-platform image is copied unless
--platform names one; manifests are copied byte for byte, so digests stay the same. On one
registry, blobs are mounted from the source repository instead of copied. --username and
--password-stdin apply to both registries. Prints the target reference with its digest.`,
    flags: {
        platform: {
            type: 'string',
            value: 'P',
            description: 'copy only this os/arch[/variant] of a multi-platform image',
        },
        ...common/* CONNECTION_FLAGS */.RA,
        ...common/* OUTPUT_FLAGS */.Qf,
    },
    examples: [
        '# every platform, same tag, to another registry',
        'tar-push copy docker.io/library/alpine:3 ghcr.io/org/alpine',
        '# one platform, retagged',
        'tar-push copy ghcr.io/org/app:1.2.3 localhost:5000/app:arm64 --platform linux/arm64',
    ],
    async run(values, operands, output, context) {
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
            output.success(`copied ${result.source} to ${result.repository}${result.tags.length > 0 ? `:${result.tags.join(', ')}` : ''} (${result.digest}): ${result.images.length} image${result.images.length === 1 ? '' : 's'}, ${(0,lib_format/* formatBytes */.z)(result.bytesUploaded)} copied in ${result.seconds.toFixed(1)} s`);
        }
        return 0;
    },
};

// EXTERNAL MODULE: ./src/lib/loadtest/options.ts
var options = __webpack_require__(8010);
;// CONCATENATED MODULE: ./src/cli/bench.ts


// Virtual users are the concurrency here; a load test reports failures instead of retrying them.
const connectionFlags = Object.fromEntries(Object.entries(common/* CONNECTION_FLAGS */.RA).filter(([name]) => name !== 'concurrency'));
const benchCommand = {
    name: 'bench',
    synopsis: 'bench --registry HOST [options]',
    summary: 'load-test a registry with raw HTTP users (bench merge: add runs up)',
    details: `Virtual users push random images (nothing deduplicates), pull seeded images (every
digest checked), or HEAD manifests and blobs, one request at a time each, over the
same client as push and pull. Every request is counted and timed per kind (ping,
token, manifest and blob HEAD/GET/PUT, uploads' POST/PATCH/PUT), with p50-p99
latency, time to first byte, errors by status and MB/s; the table goes to standard
error, --out writes everything as JSON (raw HDR histograms, per-second series).
Retries are off unless --retries is given. Ctrl-C (or SIGTERM) stops with a report.

tar-push bench merge RESULT.json... [--out FILE] [--summary FILE] [--json] adds up
the --out results of several runs of one scenario (a matrix of runners started
together by --start-at): histograms added (percentiles of the union, never averages),
counts, errors and bytes summed, per-second series aligned on epoch seconds, each
job's start skew and share listed. Runs of another scenario, registry or tar-push
version are refused. The merged JSON is a result like the others: it merges again.`,
    flags: {
        registry: {
            type: 'string',
            value: 'HOST',
            description: 'registry to load (127.0.0.1:5000, registry.example.com)',
        },
        scenario: {
            type: 'string',
            value: 'S',
            description: 'push (default) | pull | head | mixed (see --mix)',
        },
        vus: {
            type: 'string',
            value: 'N',
            description: `virtual users, each one request at a time (default ${options/* BENCH_DEFAULTS */.c.vus})`,
        },
        duration: {
            type: 'string',
            value: 'D',
            description: 'run time, e.g. 60s, 5m (default 60s; none with --iterations)',
        },
        'ramp-up': {
            type: 'string',
            value: 'D',
            description: 'start the users evenly over this time (default 0)',
        },
        iterations: {
            type: 'string',
            value: 'N',
            description: 'stop after exactly N iterations, shared by all users',
        },
        'repo-prefix': {
            type: 'string',
            value: 'P',
            description: `repository path prefix (default ${options/* BENCH_DEFAULTS */.c.repoPrefix}): P vu-N, P seed`,
        },
        layers: {
            type: 'string',
            value: 'N',
            description: `layers per image (default ${options/* BENCH_DEFAULTS */.c.layers})`,
        },
        'layer-size': {
            type: 'string',
            value: 'SIZE',
            description: 'random bytes per layer, e.g. 10MiB (default), 512KiB',
        },
        images: {
            type: 'string',
            value: 'N',
            description: `images seeded for pull and head (default: vus, at most ${options/* BENCH_DEFAULTS */.c.images})`,
        },
        mix: {
            type: 'string',
            value: 'W',
            description: 'weights for --scenario mixed, e.g. push=20,pull=80 (the default)',
        },
        upload: {
            type: 'string',
            value: 'M',
            description: 'patch (POST, PATCH, PUT as docker does; default) | monolithic (POST, PUT)',
        },
        'chunk-size': {
            type: 'string',
            value: 'SIZE',
            description: 'upload in PATCH chunks of this size (default: one PATCH per blob)',
        },
        reconnect: {
            type: 'boolean',
            description: 'new connection, ping and token each iteration, as a fresh docker client',
        },
        'no-verify': {
            type: 'boolean',
            description: "pull: check blob sizes only, not SHA-256 (when hashing is the generator's limit)",
        },
        'start-at': {
            type: 'string',
            value: 'TIME',
            description: 'start the measured run at this instant (after seeding), as jobs of a matrix do together: ISO 8601 with a zone or epoch seconds, at most 1 h ahead',
        },
        'graceful-stop': {
            type: 'string',
            value: 'D',
            description: 'after --duration, time for iterations in flight to finish (default 10s)',
        },
        out: {
            type: 'string',
            value: 'FILE',
            description: 'write the result (merge: the merged result) as JSON',
        },
        jtl: {
            type: 'string',
            value: 'FILE',
            description: 'write every request as JMeter CSV (JTL) for JMeter, BlazeMeter',
        },
        summary: {
            type: 'string',
            value: 'FILE',
            description: 'append a Markdown table and charts (e.g. $GITHUB_STEP_SUMMARY)',
        },
        cleanup: {
            type: 'boolean',
            description: 'delete the pushed manifests afterwards (where the registry allows)',
        },
        compare: {
            type: 'string',
            multiple: true,
            value: 'TOOL',
            description: 'also run the scenario through skopeo | docker processes, side by side',
        },
        'registry-pid': {
            type: 'string',
            value: 'PID',
            description: "report the registry process's CPU next to the generator's (same host)",
        },
        ...connectionFlags,
        retries: {
            type: 'string',
            value: 'N',
            description: 'retries of a failed request (default 0: a load test reports errors)',
        },
        ...common/* OUTPUT_FLAGS */.Qf,
        json: { type: 'boolean', description: 'print the result JSON on standard output' },
    },
    examples: [
        '# 10 users pushing 3 x 10 MiB images for a minute against a local registry',
        'tar-push bench --registry 127.0.0.1:5000 --vus 10 --duration 60s',
        '# 50 users pulling, ramped up over 10 s, with JSON and JMeter results',
        'tar-push bench --registry registry.example.com --scenario pull --vus 50 --ramp-up 10s \\',
        '    --username bench --password-stdin --out results.json --jtl results.jtl',
        '# a 20/80 push/pull mix, side by side with skopeo, cleaned up afterwards',
        'tar-push bench --registry 127.0.0.1:5000 --scenario mixed --mix push=20,pull=80 \\',
        '    --compare skopeo --cleanup --summary "$GITHUB_STEP_SUMMARY"',
        '# one of three machines, all started at the same instant; then their results merged',
        'tar-push bench --registry registry.example.com --vus 20 --duration 5m \\',
        '    --start-at 2025-06-01T12:00:00Z --out results/$(hostname).json',
        'tar-push bench merge results/*.json --out total.json --summary total.md',
    ],
    // The bench library (histograms, the generator) is loaded only when bench runs.
    run: async (values, operands, output, context) => (await Promise.all(/* import() */[__webpack_require__.e(960), __webpack_require__.e(962)]).then(__webpack_require__.bind(__webpack_require__, 3962))).runBenchCommand(values, operands, output, context),
};

;// CONCATENATED MODULE: ./src/cli/unfinished.ts
/**
 * Node exits with code 0 when its event loop has nothing left to do, even while a promise is
 * still pending: a stream that closed without its end, an answer that never came, a promise
 * nothing will settle. A CLI would then report as done work that was not. While a command runs,
 * this guard turns such an exit into a failure that says what was not done.
 */
/** The exit code of a run that ended without finishing: a fault of tar-push, as an unexpected error. */
const EXIT_UNFINISHED = 1;
/**
 * Watches the process while a command runs, until the returned function is called (when the
 * command's promise settles). If the event loop empties first ('beforeExit'), nothing can settle
 * that promise any more: `report` gets one line and the process exits with EXIT_UNFINISHED. An
 * exit with code 0 meanwhile (a stray process.exit(0)) is turned into EXIT_UNFINISHED too.
 */
function guardUnfinished(command, unfinished, report) {
    const line = () => `${command()}: its work stopped with nothing left to wait for (a stream that closed before its end, or an answer that never came), so it cannot complete; ${unfinished()}`;
    const onBeforeExit = () => {
        dispose();
        report(line());
        process.exit(EXIT_UNFINISHED);
    };
    const onExit = (code) => {
        if (code !== 0)
            return;
        report(line());
        process.exitCode = EXIT_UNFINISHED;
    };
    const dispose = () => {
        process.off('beforeExit', onBeforeExit);
        process.off('exit', onExit);
    };
    process.on('beforeExit', onBeforeExit);
    process.on('exit', onExit);
    return dispose;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli/main.ts












const COMMANDS = [pushCommand, pullCommand, copyCommand, benchCommand];
async function main(argv) {
    let output = createCliOutput({ debug: false });
    try {
        const [first, ...rest] = argv;
        if (first === undefined || first.startsWith('-'))
            return topLevel(argv);
        const command = first === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : commandNamed(first);
        if (first === 'help') {
            process.stdout.write(`${command ? formatCommandHelp(command) : formatUsage(COMMANDS)}\n`);
            return 0;
        }
        if (!command)
            throw (0,common/* usageError */.Wp)(`unknown command "${first}"`);
        const { values, positionals } = parseCommand(command, rest);
        if (values['help'] === true) {
            process.stdout.write(`${formatCommandHelp(command)}\n`);
            return 0;
        }
        output = createCliOutput({ debug: values['debug'] === true });
        return await runStoppable(command, values, positionals, output);
    }
    catch (error) {
        output.error(error instanceof errors/* TarPushError */.q$
            ? error.describe()
            : `unexpected error: ${error?.stack ?? String(error)}`);
        return (0,errors/* exitCodeFor */.Rr)(error);
    }
    finally {
        output.close();
    }
}
/**
 * Runs a command with SIGINT and SIGTERM turned into its stop signal. The library call stops
 * and cleans up (temporary files, partial outputs, upload sessions) before it settles; then one
 * line says what was left unfinished, and the exit code is 130 or 143. A second signal during
 * that cleanup exits at once. A run that finished before it noticed the signal reports its
 * result as usual: its work is done.
 */
async function runStoppable(command, values, operands, output) {
    const stop = (0,cancel/* stopOnSignals */.ZI)((exitCode, first) => {
        output.stopped(`${line(first)}; cleanup cut short by a second signal`);
        process.exit(exitCode);
    });
    const context = {
        signal: stop.signal,
        stop,
        unfinished: () => `tar-push ${command.name} not finished`,
    };
    const line = (first) => `stopped by ${first}: ${context.unfinished()}`;
    const unguard = guardUnfinished(() => `tar-push ${command.name} did not finish`, () => context.unfinished(), (message) => output.error(message));
    try {
        return await command.run(values, operands, output, context);
    }
    catch (error) {
        if (stop.received === undefined || stop.exitCode === undefined)
            throw error;
        output.debug(`the stopped run ended with ${error instanceof errors/* TarPushError */.q$ ? error.describe() : String(error)}`);
        output.stopped(line(stop.received));
        exitSoon(stop.exitCode);
        return stop.exitCode;
    }
    finally {
        unguard();
        stop.dispose();
    }
}
/**
 * After a stop the work has cleaned up: exit once the event loop is empty, and at the latest
 * after a moment, so that a socket or worker left behind by the cut-off work cannot keep a
 * stopped process alive.
 */
function exitSoon(code) {
    process.exitCode = code;
    setTimeout(() => process.exit(code), 2000).unref();
}
function topLevel(argv) {
    const { values } = parseFlags(argv, {
        help: { type: 'boolean', short: 'h', description: '' },
        version: { type: 'boolean', description: '' },
    });
    if (values['version'] === true) {
        process.stdout.write(`tar-push ${version/* VERSION */.x}\n`);
        return 0;
    }
    process.stdout.write(`${formatUsage(COMMANDS)}\n`);
    return values['help'] === true ? 0 : 2;
}
const commandNamed = (name) => COMMANDS.find((command) => command.name === name);
function parseCommand(command, argv) {
    try {
        return parseFlags(argv, command.flags);
    }
    catch (error) {
        // A flag of another command is named as such, not just as unknown.
        const flag = /Unknown option '--?([^']+)'/.exec(error.message)?.[1];
        const owner = COMMANDS.find((other) => flag !== undefined && flag in other.flags);
        if (flag && owner)
            throw (0,common/* usageError */.Wp)(`--${flag} is not an option of ${command.name} (it is one of ${owner.name})`, command.name);
        throw error;
    }
}
function parseFlags(argv, flags) {
    try {
        const { values, positionals } = (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: Object.fromEntries(Object.entries(flags).map(([name, spec]) => [
                name,
                {
                    type: spec.type,
                    ...(spec.short ? { short: spec.short } : {}),
                    ...(spec.multiple ? { multiple: true } : {}),
                },
            ])),
        });
        return { values: values, positionals };
    }
    catch (error) {
        if (error instanceof errors/* TarPushError */.q$)
            throw error;
        throw (0,common/* usageError */.Wp)(error.message);
    }
}
/** Runs the CLI with the process's arguments (src/cli.ts calls it once the Node.js version is checked). */
async function main_run() {
    process.exitCode = await main(process.argv.slice(2));
}


/***/ }),

/***/ 5321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ tagsSetBefore),
/* harmony export */   Te: () => (/* binding */ throwIfAborted),
/* harmony export */   YQ: () => (/* binding */ cancelledError),
/* harmony export */   ZI: () => (/* binding */ stopOnSignals),
/* harmony export */   jP: () => (/* binding */ tagTracker)
/* harmony export */ });
/* unused harmony exports STOP_SIGNALS, exitCodeOfSignal, isCancelled */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/**
 * Cancellation: one AbortSignal from the entry point (SIGINT or SIGTERM in the CLI, the runner's
 * cancel in the action) reaches every request, stream and worker. Library code checks it between
 * steps with throwIfAborted and turns a failure it caused into cancelledError, so a stop is
 * reported as CANCELLED and never retried; the work's `finally` blocks clean up as on any error.
 */


/** The signals that stop the work: Ctrl-C, and what `kill`, systemd and CI runners send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'];
/** A process stopped by a signal exits with 128 + its number, as shells report it (130, 143). */
const exitCodeOfSignal = (name) => 128 + node_os__WEBPACK_IMPORTED_MODULE_0__.constants.signals[name];
/**
 * The error for work stopped through `signal`. The reason the signal was aborted with is kept
 * when it already is a CANCELLED error (stopOnSignals aborts with one naming the signal);
 * `what` names the step that was stopped, for errors raised between steps.
 */
function cancelledError(signal, what) {
    const reason = signal?.reason;
    if (reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$ && reason.code === 'CANCELLED' && what === undefined)
        return reason;
    const why = reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$ && reason.code === 'CANCELLED'
        ? reason.message
        : reason instanceof Error && reason.name !== 'AbortError'
            ? `cancelled: ${reason.message}`
            : typeof reason === 'string' && reason !== ''
                ? `cancelled: ${reason}`
                : 'cancelled';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('CANCELLED', what ? `${what}: ${why}` : why, {
        ...(what ? { subject: what } : {}),
        hint: 'the work was stopped on request before it finished; run it again to complete it',
        cause: reason,
    });
}
/** Between steps: stop here, with CANCELLED, once the signal is aborted. */
function throwIfAborted(signal, what) {
    if (signal?.aborted)
        throw cancelledError(signal, what);
}
const isCancelled = (error) => error instanceof TarPushError && error.code === 'CANCELLED';
/**
 * Turns SIGINT and SIGTERM into one aborted signal, so the work stops where it is and runs its
 * cleanup (temporary files, partial outputs, upload sessions) before the process exits. Handling
 * the signals means they no longer end the process by themselves: the entry point must exit
 * with `exitCode` once the work has settled. A second signal while that cleanup runs calls
 * `force` with the first signal's exit code (default: exit at once), for a user or a runner
 * that will not wait.
 */
function stopOnSignals(force = (exitCode) => process.exit(exitCode)) {
    const controller = new AbortController();
    let received;
    const onSignal = (name) => {
        if (received) {
            force(exitCodeOfSignal(received), received);
            return;
        }
        received = name;
        controller.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('CANCELLED', `stopped by ${name}`, {
            subject: name,
            hint: 'the work was stopped on request before it finished; run it again to complete it',
        }));
    };
    for (const name of STOP_SIGNALS)
        process.on(name, onSignal);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        get exitCode() {
            return received && exitCodeOfSignal(received);
        },
        dispose: () => {
            for (const name of STOP_SIGNALS)
                process.off(name, onSignal);
        },
    };
}
/**
 * The tags a push or copy sets, as it sets them (its `onTagged`): a push of several images tags
 * each one as soon as it is complete, so a stop can come after some tags were set, and the line
 * that reports the stop must name them. `tagged` is the live list.
 */
function tagTracker() {
    const tagged = [];
    return { tagged, onTagged: (reference) => void tagged.push(reference) };
}
/** The end of a stopped push's line: which tags were set before the stop, if any. */
const tagsSetBefore = (tagged) => tagged.length === 0 ? 'nothing was tagged' : `tagged before the stop: ${tagged.join(', ')}`;


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
/* harmony import */ var _memory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7292);




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
/**
 * A pass-through stream that hashes and counts what flows through it. Like every stage that
 * sees each byte of a transfer, it reports the bytes to the memory policy (memory.ts).
 */
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
        (0,_memory_js__WEBPACK_IMPORTED_MODULE_3__/* .noteBufferChurn */ .b)(chunk.length);
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
        this.#held = chunk.subarray(chunk.length - 1);
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
    #noteChurn;
    constructor(options) {
        super();
        this.#noteChurn = options.noteChurn ?? true;
        this.#hold = new LastByteHold(options.size);
        this.#expected = options;
        this.#onMismatch = options.onMismatch;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithmOf(options.digest));
    }
    _transform(chunk, _encoding, done) {
        this.#hash.update(chunk);
        this.bytes += chunk.length;
        if (this.#noteChurn)
            (0,_memory_js__WEBPACK_IMPORTED_MODULE_3__/* .noteBufferChurn */ .b)(chunk.length);
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

/***/ 4876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $C: () => (/* binding */ createDecoder),
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
/* harmony import */ var _parallel_gzip_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6252);



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
    if (compression === 'zstd') {
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createZstdCompress)({
            params: { [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_compressionLevel]: chosen ?? 3 },
            chunkSize: 256 * 1024,
        });
    }
    return new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
}
/**
 * A decompressor with large output chunks: each chunk costs a callback on the main thread,
 * whatever its size. `highWaterMark` lets a writer run ahead of the decompression.
 */
function createDecoder(compression, highWaterMark) {
    const options = { chunkSize: 256 * 1024, ...(highWaterMark ? { highWaterMark } : {}) };
    if (compression === 'gzip')
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createGunzip)(options);
    if (compression === 'zstd')
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createZstdDecompress)(options);
    return new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
}
/**
 * Names an encoder's exact output: the same layer encoded under the same name gives the same
 * bytes, so a digest learned once (the digest map) holds for every later run.
 */
function encodingName(compression, level) {
    const chosen = level ?? DEFAULT_LEVELS[compression];
    if (compression === 'gzip')
        return `gzip-${chosen}-${_parallel_gzip_js__WEBPACK_IMPORTED_MODULE_2__/* .PARALLEL_GZIP_VERSION */ .OY}`;
    if (compression === 'zstd')
        return `zstd-${chosen}-zlib${process.versions.zlib}-zstd${process.versions.zstd ?? ''}`;
    return 'none';
}


/***/ }),

/***/ 6252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OY: () => (/* binding */ PARALLEL_GZIP_VERSION),
/* harmony export */   aN: () => (/* binding */ GzipBlockEncoder),
/* harmony export */   bf: () => (/* binding */ inputBlocks),
/* harmony export */   mX: () => (/* binding */ ParallelGzip)
/* harmony export */ });
/* unused harmony exports BlockPool, storedBlocks, looksIncompressible */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _limit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7280);
/* harmony import */ var _memory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7292);





/**
 * gzip compression spread over the libuv thread pool, as pigz does: the input is cut into
 * fixed blocks, each deflated on its own (primed with the previous 32 KiB as dictionary and
 * ended with a sync flush, so the blocks join into one deflate stream), and written in order.
 * One big layer so uses every core, which a single zlib stream cannot. The output is a single
 * standard gzip member that every client reads, and is deterministic for a given input, level
 * and zlib build (the digest map relies on that).
 *
 * Blocks that look incompressible (byte entropy of a sample near 8 bits) are stored, not
 * deflated: deflating random or already-compressed data costs the most time and saves nothing.
 */
const PARALLEL_GZIP_VERSION = `pgz1-zlib${process.versions.zlib}`;
const BLOCK_SIZE = 1024 * 1024;
const WINDOW = 32 * 1024;
/**
 * zlib's output buffers. Each is a round trip to the main thread and a socket write: 64 KiB
 * measured 10% slower than this (more system time), 16 KiB (zlib's default) far slower.
 */
const OUTPUT_CHUNK = 256 * 1024;
/** A deflate block that is final, fixed-Huffman and empty: ends the stream after sync flushes. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
/** magic, deflate, no flags, mtime 0, no extra flags, OS unknown: the same bytes every run. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const SAMPLE_SLICES = 4;
const SAMPLE_SLICE_BYTES = 4096;
/** Random data measures about 7.99 bits/byte on a 16 KiB sample; code and text 4-6.5. */
const INCOMPRESSIBLE_ENTROPY = 7.9;
/**
 * Deflate jobs running at once across every stream: one per core and one spare. More would
 * only queue in the libuv pool, where file reads wait behind them and stall every pipeline.
 */
const DEFLATE_JOBS = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)() + 1;
const deflateSlot = (0,_limit_js__WEBPACK_IMPORTED_MODULE_4__/* .createLimiter */ .z)(DEFLATE_JOBS);
/**
 * The gzip member, block by block: `header()`, then `encode()` for each full block in order
 * (the last may be short), then `trailer()`. `encode` takes what it needs from the block at
 * once (CRC, dictionary tail, or a copy for stored blocks) except for the deflate job itself:
 * the block must stay untouched until the returned promise settles, and is free after.
 */
class GzipBlockEncoder {
    #level;
    #previousTail;
    #crc = 0;
    #totalBytes = 0;
    constructor(level) {
        this.#level = level;
    }
    static blockSize = BLOCK_SIZE;
    header() {
        return GZIP_HEADER;
    }
    encode(block) {
        this.#crc = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.crc32)(block, this.#crc);
        this.#totalBytes += block.length;
        const dictionary = this.#previousTail;
        this.#previousTail = Buffer.from(block.subarray(Math.max(0, block.length - WINDOW)));
        if (looksIncompressible(block)) {
            return Promise.resolve(storedBlocks(block));
        }
        return deflateSlot(() => deflateBlock(block, this.#level, dictionary));
    }
    trailer() {
        const trailer = Buffer.alloc(10);
        FINAL_EMPTY_BLOCK.copy(trailer, 0);
        trailer.writeUInt32LE(this.#crc >>> 0, 2);
        trailer.writeUInt32LE(this.#totalBytes % 2 ** 32, 6);
        return trailer;
    }
}
/**
 * The input blocks of every layer being compressed, shared: memory stays the same whatever the
 * number of layers in flight, and blocks are allocated once instead of per read. Enough to keep
 * every deflate job busy while the next blocks are read and hashed.
 */
class BlockPool {
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
            (0,_memory_js__WEBPACK_IMPORTED_MODULE_3__/* .keepBufferMemory */ .t)(this.#blockSize);
            return Promise.resolve(Buffer.allocUnsafe(this.#blockSize));
        }
        return new Promise((resolve) => this.#waiting.push(resolve));
    }
    release(block) {
        const next = this.#waiting.shift();
        if (next)
            next(block);
        else
            this.#free.push(block);
    }
}
/** One block per deflate job and one being read: more measured slower and bigger, not faster. */
const inputBlocks = new BlockPool(DEFLATE_JOBS + 1, BLOCK_SIZE);
/** The block encoder as a Transform, for any stream of bytes. */
class ParallelGzip extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Transform {
    #encoder;
    #parallel;
    #buffered = [];
    #bufferedBytes = 0;
    #inFlight = [];
    constructor(options) {
        super({ highWaterMark: BLOCK_SIZE });
        this.#encoder = new GzipBlockEncoder(options.level);
        this.#parallel = options.parallel ?? 3;
        this.push(this.#encoder.header());
    }
    _transform(chunk, _encoding, done) {
        this.#buffered.push(chunk);
        this.#bufferedBytes += chunk.length;
        this.#drainFullBlocks().then(() => done(), done);
    }
    _flush(done) {
        const finish = async () => {
            if (this.#bufferedBytes > 0)
                this.#submit(Buffer.concat(this.#buffered, this.#bufferedBytes));
            this.#buffered = [];
            this.#bufferedBytes = 0;
            while (this.#inFlight.length > 0)
                this.#emit(await this.#inFlight.shift());
            this.push(this.#encoder.trailer());
        };
        finish().then(() => done(), done);
    }
    async #drainFullBlocks() {
        while (this.#bufferedBytes >= BLOCK_SIZE) {
            const all = this.#buffered.length === 1
                ? this.#buffered[0]
                : Buffer.concat(this.#buffered, this.#bufferedBytes);
            this.#submit(all.subarray(0, BLOCK_SIZE));
            const rest = all.subarray(BLOCK_SIZE);
            this.#buffered = rest.length > 0 ? [rest] : [];
            this.#bufferedBytes = rest.length;
            // Bounded work in flight: wait for the oldest block before taking more input.
            if (this.#inFlight.length >= this.#parallel)
                this.#emit(await this.#inFlight.shift());
        }
    }
    #submit(block) {
        this.#inFlight.push(this.#encoder.encode(block));
    }
    #emit(parts) {
        for (const part of parts)
            this.push(part);
    }
}
/** One block deflated on its own, its output in OUTPUT_CHUNK-sized Buffers. */
function deflateBlock(block, level, dictionary) {
    return new Promise((resolve, reject) => {
        const parts = [];
        (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createDeflateRaw)({
            level,
            chunkSize: OUTPUT_CHUNK,
            finishFlush: node_zlib__WEBPACK_IMPORTED_MODULE_2__.constants.Z_SYNC_FLUSH,
            ...(dictionary ? { dictionary } : {}),
        })
            .on('data', (part) => parts.push(part))
            .on('error', reject)
            .on('end', () => resolve(parts))
            .end(block);
    });
}
const MAX_STORED = 65535;
/**
 * Deflate stored blocks, each written with its header into a Buffer of its own (no zlib): after
 * a sync flush the stream is byte-aligned, so each block is 0x00, LEN, ~LEN, then the bytes.
 * Copying costs little next to hashing, and frees the input block at once.
 */
function storedBlocks(block) {
    const parts = [];
    for (let offset = 0; offset < block.length; offset += MAX_STORED) {
        const length = Math.min(MAX_STORED, block.length - offset);
        const part = Buffer.allocUnsafe(5 + length);
        part[0] = 0x00;
        part.writeUInt16LE(length, 1);
        part.writeUInt16LE(~length & 0xffff, 3);
        block.copy(part, 5, offset, offset + length);
        parts.push(part);
    }
    return parts;
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

/***/ 312:
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
var sink = __webpack_require__(9994);
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
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/lib/encode/parallel-gzip.ts
var parallel_gzip = __webpack_require__(6252);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
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
 * Pass-through that also decompresses what flows by and hashes the result, failing at the end
 * when it is not the layer's diff_id. Backpressure follows the slower of the two paths. Like
 * VerifyingStream it holds back its last byte until the check passed. Bytes that do not
 * decompress are still passed on to the end, so that the digest check before it (a corrupt
 * blob) speaks first; then this fails with why they do not decompress.
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
        // A download decodes in big steps (fewer waits for room: a pull is 10 % faster); a push
        // keeps the decoder's default, whose smaller buffers keep it within its memory target.
        this.#decoder = (0,compress/* createDecoder */.$C)(layer.compression, layer.content.remote ? 1024 * 1024 : undefined);
        const hash = (0,external_node_crypto_.createHash)('sha256');
        // Decoded chunks die at once and are not counted for the memory policy: collecting for
        // them too cost a push of compressed layers (OCI archives) ~0.4 s more for 13 MB less.
        this.#decoder.on('data', (chunk) => hash.update(chunk));
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
        const passed = this.#hold.pass(this, chunk);
        if (this.#undecodable || this.#decoder.write(chunk))
            done(null, passed);
        else {
            const go = () => {
                this.#decoder.off('drain', go);
                this.#decoder.off('close', go);
                done(null, passed);
            };
            this.#decoder.on('drain', go);
            this.#decoder.on('close', go);
        }
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
        // Downloads stay out of the memory policy: collecting for them cost a pull 0.4 s.
        noteChurn: !layer.content.remote,
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
 * its diff_id, or an opaque blob): read into one reused buffer and hash, with no stream and no
 * garbage, at the speed of sha256 (1.8 GB/s here). A re-push reads every layer this way.
 * Hashing on worker threads was tried: on 2 cores their start-up and memory (+12 MB RSS) cost
 * more than the parallel hashing saved (re-push 0.39 s against 0.35 s).
 */
async function hashInPlace(layer, digest, signal) {
    const reader = await layer.content.openReader();
    const hash = (0,external_node_crypto_.createHash)((0,lib_digest/* algorithmOf */.Hy)(digest));
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
    const actual = { digest: `${(0,lib_digest/* algorithmOf */.Hy)(digest)}:${hash.digest('hex')}`, size };
    if (size !== layer.content.size)
        throw truncatedLayer(layer, size);
    if (actual.digest === digest)
        return;
    throw layer.isTar && digest === layer.diffId
        ? diffIdMismatch(layer, actual.digest)
        : blobMismatch(layer, { digest, size: layer.content.size }, actual);
}

;// CONCATENATED MODULE: ./src/lib/engine/encode.ts









/**
 * Compresses an uncompressed tar layer into a spool file, hashing input (diff_id, verified) and
 * output (the blob digest) on the way: a monolithic upload needs the digest before the body.
 */
async function encodeLayerToFile(options) {
    const { stream, output } = await openEncodedLayer(options);
    await (0,external_node_stream_promises_.pipeline)(stream, (0,external_node_fs_.createWriteStream)(options.path), { signal: options.signal });
    return { digest: output.digest, size: output.bytes };
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
    return (0,external_node_stream_.pipeline)((0,external_node_fs_.createReadStream)(path, { highWaterMark: 1024 * 1024 }), verify, () => { });
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
    const encoded = options.compression === 'gzip' && layer.content.openReader
        ? external_node_stream_.Readable.from(gzipWithPooledBuffers(layer, options.level ?? compress/* DEFAULT_LEVELS */.ol.gzip), {
            objectMode: false,
            highWaterMark: ENCODED_READ_AHEAD,
        })
        : (0,external_node_stream_.pipeline)(await layer.content.open(), uncompressedLayerCheck(layer), (0,compress/* createEncoder */.xv)(options.compression, options.level), () => { });
    return { stream: (0,external_node_stream_.pipeline)(encoded, output, () => { }), output };
}
/** Blocks of one layer being deflated while the next is read: its share of the deflate jobs. */
const BLOCKS_IN_FLIGHT = 3;
/**
 * gzip of a layer read into blocks of the shared pool: Node's read streams allocate a fresh
 * buffer per read, and V8 frees those only when it collects, so a big layer made the resident
 * size float tens of MB above what is live. A block goes back to the pool once its deflate job
 * has settled. The diff_id is checked on the same single read.
 */
async function* gzipWithPooledBuffers(layer, level) {
    const reader = await layer.content.openReader();
    const encoder = new parallel_gzip/* GzipBlockEncoder */.aN(level);
    const inputHash = (0,external_node_crypto_.createHash)('sha256');
    const inFlight = [];
    let total = 0;
    try {
        yield encoder.header();
        for (;;) {
            if (inFlight.length >= BLOCKS_IN_FLIGHT)
                yield* await inFlight.shift();
            const block = await parallel_gzip/* inputBlocks */.bf.acquire();
            let length;
            try {
                length = await reader.read(block);
            }
            catch (error) {
                parallel_gzip/* inputBlocks */.bf.release(block);
                throw error;
            }
            if (length === 0) {
                parallel_gzip/* inputBlocks */.bf.release(block);
                break;
            }
            const filled = block.subarray(0, length);
            inputHash.update(filled);
            total += length;
            const parts = encoder.encode(filled);
            parts.then(() => parallel_gzip/* inputBlocks */.bf.release(block), () => parallel_gzip/* inputBlocks */.bf.release(block));
            inFlight.push(parts);
        }
        while (inFlight.length > 0)
            yield* await inFlight.shift();
        if (total !== layer.content.size)
            throw truncatedLayer(layer, total);
        const diffId = `sha256:${inputHash.digest('hex')}`;
        if (diffId !== layer.diffId)
            throw diffIdMismatch(layer, diffId);
        yield encoder.trailer();
    }
    finally {
        // Settle what is still running before the file goes away.
        await Promise.allSettled(inFlight);
        await reader.close();
    }
}

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
        const path = (0,external_node_path_.join)(this.#options.spoolDir ?? (process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)()), `${this.#spoolCounter++}-${(0,lib_digest/* hexOf */.ZD)(layer.diffId).slice(0, 16)}.${compression}`);
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

/***/ 7268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ ERROR_CODES),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   q$: () => (/* binding */ TarPushError)
/* harmony export */ });
/* unused harmony export INPUT_CODES */
/** Codes of bad input (exit code 2). */
const INPUT_ERROR_CODES = [
    'USAGE',
    'TARBALL_NOT_FOUND',
    'TARBALL_UNREADABLE',
    'TARBALL_FORMAT',
    'TARBALL_ENTRY',
    'TARBALL_JSON',
    'TARBALL_MISSING_ENTRY',
    'LAYER_COUNT_MISMATCH',
    'DIFF_ID_MISMATCH',
    'BLOB_DIGEST_MISMATCH',
    'NO_TAGS',
    'INVALID_REFERENCE',
    'LAYER_UNSAFE',
    'OUTPUT_ERROR',
    'NO_MATCHING_IMAGE',
    'DUPLICATE_PLATFORM',
];
/** Codes of registry, network and auth failures (exit code 3). */
const REGISTRY_ERROR_CODES = [
    'AUTH_FAILED',
    'AUTH_DENIED',
    'CREDENTIAL_HELPER',
    'TLS_ERROR',
    'NETWORK_ERROR',
    'REGISTRY_ERROR',
    'MANIFEST_DIGEST_MISMATCH',
    'IMAGE_NOT_FOUND',
    'PLATFORM_NOT_FOUND',
    'MANIFEST_UNSUPPORTED',
];
/**
 * Work stopped on request (the caller's AbortSignal: SIGINT, SIGTERM, a cancelled job), neither
 * bad input nor a failure. Front ends choose the exit code from the signal (130, 143).
 */
const STOP_ERROR_CODES = ['CANCELLED'];
/** Every code the product prints; the README's troubleshooting table documents each one. */
const ERROR_CODES = [
    ...INPUT_ERROR_CODES,
    ...REGISTRY_ERROR_CODES,
    ...STOP_ERROR_CODES,
];
const INPUT_CODES = new Set(INPUT_ERROR_CODES);
/**
 * One error class for everything a user can cause. `code` is stable and documented, `subject`
 * names the failing object (file and entry, layer digest, URL and status) and `hint` says what
 * to do. Front ends map `kind` to an exit code (input → 2, registry → 3).
 */
class TarPushError extends Error {
    code;
    subject;
    hint;
    retryable;
    retryAfterMs;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'TarPushError';
        this.code = code;
        this.subject = options.subject;
        this.hint = options.hint;
        this.retryable = options.retryable ?? false;
        this.retryAfterMs = options.retryAfterMs;
    }
    get kind() {
        return INPUT_CODES.has(this.code) ? 'input' : 'registry';
    }
    /** The one-paragraph form shown to users: code, what failed, and what to do. */
    describe() {
        const subject = this.subject && !this.message.includes(this.subject) ? ` [${this.subject}]` : '';
        const hint = this.hint ? `\n  hint: ${this.hint}` : '';
        return `${this.code}: ${this.message}${subject}${hint}`;
    }
}
const exitCodeFor = (error) => error instanceof TarPushError ? (error.kind === 'input' ? 2 : 3) : 1;


/***/ }),

/***/ 432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ shortDigest),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/** How sizes and digests are shown to people: in log lines, progress bars and summaries. */
const shortDigest = (digest) => `${digest.slice(0, 7 + 12)}`;
function formatBytes(bytes) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
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
        connect: tls,
    };
    const proxied = PROXY_VARIABLES.some((name) => process.env[name]);
    // Through a proxy the registry's TLS settings apply inside the tunnel (requestTls).
    return proxied
        ? new _undici_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2({ ...agentOptions, requestTls: tls })
        : new _undici_js__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6(agentOptions);
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
/* harmony export */   g6: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3__);




// What undici's index does on load: dispatchers get request(), connect() (proxy tunnels) etc.
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_1__);
const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2___default());
const EnvHttpProxyAgent = (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3___default());
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

/***/ 9994:
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

/***/ 8010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ COMPARE_TOOLS),
/* harmony export */   c: () => (/* binding */ BENCH_DEFAULTS)
/* harmony export */ });
/**
 * The load generator's defaults and choices, apart from the generator itself: the CLI's flag
 * table reads them without loading the bench library (histograms and all), which the CLI loads
 * only when bench runs, so that push and pull start as lean as before.
 */
const BENCH_DEFAULTS = {
    vus: 10,
    durationMs: 60_000,
    rampUpMs: 0,
    repoPrefix: 'bench/',
    layers: 3,
    layerSize: 10 * 1024 * 1024,
    images: 4,
    upload: 'patch',
    chunkSize: 0,
    gracefulStopMs: 10_000,
    retries: 0,
};
const COMPARE_TOOLS = ['skopeo', 'docker'];


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

/***/ 7292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ noteBufferChurn),
/* harmony export */   t: () => (/* binding */ keepBufferMemory)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_1__);


/**
 * V8 frees the memory of dead Buffers only when it collects garbage, and it lets tens of MB of
 * them pile up first (its external-memory trigger). A transfer makes a few MB of short-lived
 * Buffers per second (reads, decompressed bytes being hashed, compressed output on its way to
 * the socket), so the resident size would float far above what is live. A collection once
 * Buffer memory passes the long-lived pools plus a slack keeps the peak there whatever the
 * layer size (the push's memory target), for 10-20 ms a collection of our small heap.
 */
const CHECK_EVERY = 2 * 1024 * 1024;
/**
 * Buffer memory beyond the long-lived pools that starts a collection: above what a transfer has
 * in flight (each upload's compressed output on its way to the socket, about 8 MB at 4 uploads).
 */
const SLACK = 12 * 1024 * 1024;
/** Churn between two collections at least: bounds their cost whatever is live. */
const SPACING = 6 * 1024 * 1024;
let collectGarbage;
let keptOnPurpose = 0;
let sinceLastCheck = 0;
let sinceLastCollection = 0;
function collector() {
    if (collectGarbage === undefined) {
        try {
            (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--expose-gc');
            collectGarbage = (0,node_vm__WEBPACK_IMPORTED_MODULE_1__.runInNewContext)('gc');
        }
        catch {
            collectGarbage = () => { };
        }
    }
    return collectGarbage;
}
/** Declares Buffer memory held for the whole run (a pool), so it does not count as churn. */
function keepBufferMemory(bytes) {
    keptOnPurpose += bytes;
}
/**
 * Counts bytes that went through short-lived Buffers (every stage that hashes a transfer calls
 * it); collects once enough may be dead.
 */
function noteBufferChurn(bytes) {
    sinceLastCheck += bytes;
    sinceLastCollection += bytes;
    if (sinceLastCheck < CHECK_EVERY)
        return;
    sinceLastCheck = 0;
    if (sinceLastCollection < SPACING)
        return;
    if (process.memoryUsage().arrayBuffers < keptOnPurpose + SLACK)
        return;
    sinceLastCollection = 0;
    collector()();
}


/***/ }),

/***/ 2308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ expandPaths)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);


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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$(code, `no ${what} matches "${pattern}"`, {
                subject: pattern,
                hint: 'check the pattern (relative paths start at the working directory)',
            });
        }
        paths.push(...matches.sort());
    }
    return [...new Set(paths)];
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

/***/ 4532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ RegistryClient)
});

// UNUSED EXPORTS: describeRegistryErrors

// EXTERNAL MODULE: ./src/lib/http/undici.ts
var undici = __webpack_require__(6502);
// EXTERNAL MODULE: ./src/lib/cancel.ts
var cancel = __webpack_require__(5321);
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

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/lib/http/transport.ts
var transport = __webpack_require__(6053);
// EXTERNAL MODULE: ./src/lib/registry/auth.ts
var auth = __webpack_require__(4513);
// EXTERNAL MODULE: ./src/lib/http/retry.ts
var retry = __webpack_require__(1118);
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
        });
        const cleanup = options.interceptors?.length ? pool.compose(options.interceptors) : pool;
        // The abort interceptor goes last, outermost: an aborted request is refused before the
        // others (the load generator's counters) see it.
        const dispatcher = options.signal ? cleanup.compose(abortOn(options.signal)) : cleanup;
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
            const response = await (0,undici/* request */.Em)(url, {
                method: registryRequest.method,
                dispatcher: cleanup ? this.#cleanupDispatcher : this.#dispatcher,
                headers,
                body: body ?? null,
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


/***/ }),

/***/ 5367:
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
// EXTERNAL MODULE: ./src/lib/registry/client.ts + 2 modules
var client = __webpack_require__(4532);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
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
    return client/* RegistryClient */.b.connect({
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
var sink = __webpack_require__(9994);
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


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The release version, printed by `tar-push --version`; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';


/***/ })

};
