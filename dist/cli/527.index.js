export const id = 527;
export const ids = [527];
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

/***/ 5527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  run: () => (/* binding */ run)
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
var format = __webpack_require__(432);
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
        const rate = seconds >= 0.5 ? `${(0,format/* formatBytes */.z)(params.value / seconds)}/s` : '';
        const done = (0,format/* formatBytes */.z)(params.value);
        if (!payload.sized) {
            return this.#fit(width, [
                [label, c.bold],
                [`${done} sent, compressing`, String],
                [rate, c.dim],
            ]);
        }
        const percent = `${Math.floor(params.progress * 100)}%`.padStart(4);
        const amounts = `${done} / ${(0,format/* formatBytes */.z)(params.total)}`;
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

// EXTERNAL MODULE: ./src/lib/v8-flags.ts + 1 modules
var v8_flags = __webpack_require__(2445);
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
        'rename-illegal': {
            type: 'boolean',
            description: 'rootfs on Windows/macOS: write names the OS cannot hold percent-encoded (a:b as a%3Ab, CON as CO%4E) and names that differ only by case with ~N, and list them, instead of refusing the image',
        },
        symlinks: {
            type: 'string',
            value: 'MODE',
            description: 'rootfs: error (default) | skip: what to do when the OS refuses to make symbolic links (Windows without Developer Mode); skip leaves them out and lists them',
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
        '# a rootfs on Windows: illegal names renamed and listed, links the OS refuses left out',
        'tar-push pull localhost:5000/app:1 -o rootfs --format rootfs --rename-illegal --symlinks skip',
    ],
    // What the command needs (the engine, HTTP, the encoders) is loaded only when it runs.
    run: async (values, operands, output, context) => {
        (0,v8_flags/* keepYoungGenerationSmall */.Dd)();
        return (await Promise.all(/* import() */[__webpack_require__.e(7), __webpack_require__.e(118), __webpack_require__.e(850), __webpack_require__.e(417), __webpack_require__.e(606), __webpack_require__.e(923)]).then(__webpack_require__.bind(__webpack_require__, 6923))).runPullCommand(values, operands, output, context);
    },
};

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
    // What the command needs (the engine, HTTP, the encoders) is loaded only when it runs.
    run: async (values, operands, output, context) => {
        (0,v8_flags/* keepYoungGenerationSmall */.Dd)();
        return (await Promise.all(/* import() */[__webpack_require__.e(417), __webpack_require__.e(82)]).then(__webpack_require__.bind(__webpack_require__, 5082))).runPushCommand(values, operands, output, context);
    },
};

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
    // What the command needs (the engine, HTTP, the encoders) is loaded only when it runs.
    run: async (values, operands, output, context) => {
        (0,v8_flags/* keepYoungGenerationSmall */.Dd)();
        return (await Promise.all(/* import() */[__webpack_require__.e(7), __webpack_require__.e(850), __webpack_require__.e(417), __webpack_require__.e(606), __webpack_require__.e(763)]).then(__webpack_require__.bind(__webpack_require__, 763))).runCopyCommand(values, operands, output, context);
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
        rate: {
            type: 'string',
            value: 'R',
            description: 'open model: start R iterations a second whatever the registry answers (50/s); steps: 10/s,20/s,40/s. --vus caps those in flight; late starts count as latency, the rest are dropped',
        },
        workers: {
            type: 'string',
            value: 'N',
            description: 'threads generating the load, users shared out among them (default 1; auto: one per core); results merged exactly',
        },
        'step-duration': {
            type: 'string',
            value: 'D',
            description: 'how long each --rate step lasts (default: --duration shared out)',
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
        '# open model: pulls started at 10, 20 then 40 a second, 30 s each, at most 50 in flight',
        'tar-push bench --registry 127.0.0.1:5000 --scenario pull --rate 10/s,20/s,40/s \\',
        '    --step-duration 30s --vus 50',
    ],
    // The bench library (histograms, the generator) is loaded only when bench runs.
    run: async (values, operands, output, context) => (await Promise.all(/* import() */[__webpack_require__.e(7), __webpack_require__.e(960), __webpack_require__.e(850), __webpack_require__.e(417), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 5690))).runBenchCommand(values, operands, output, context),
};

;// CONCATENATED MODULE: ./src/cli/unfinished.ts

/**
 * Node exits with code 0 when its event loop has nothing left to do, even while a promise is
 * still pending: a stream that closed without its end, an answer that never came, a promise
 * nothing will settle. A CLI would then report as done work that was not. While a command runs,
 * this guard turns such an exit into a failure that says what was not done.
 */
/** The exit code of a run that ended without finishing: a fault of tar-push, as an unexpected error. */
const EXIT_UNFINISHED = errors/* EXIT_FAULT */.YU;
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
        output.error(error instanceof errors/* TarPushError */.q$ ? error.describe() : (0,errors/* describeUnexpected */.Vp)(error));
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
    const crash = (0,cancel/* stopOnCrash */.Vp)((error) => output.error((0,errors/* describeUnexpected */.Vp)(error)));
    const context = {
        signal: AbortSignal.any([stop.signal, crash.signal]),
        stop,
        unfinished: () => `tar-push ${command.name} not finished`,
    };
    const line = (first) => `stopped by ${first}: ${context.unfinished()}`;
    const unguard = guardUnfinished(() => `tar-push ${command.name} did not finish`, () => context.unfinished(), (message) => output.error(message));
    try {
        const exitCode = await command.run(values, operands, output, context);
        // Done all the same: the error is printed, and the run counts as failed.
        return crash.crashed ? errors/* EXIT_FAULT */.YU : exitCode;
    }
    catch (error) {
        const stopped = (0,cancel/* stoppedBy */.$)(stop, crash);
        if (!stopped)
            throw error;
        const { first, exitCode } = stopped;
        output.debug(`the stopped run ended with ${error instanceof errors/* TarPushError */.q$ ? error.describe() : String(error)}`);
        output.stopped(line(first));
        exitSoon(exitCode);
        return exitCode;
    }
    finally {
        unguard();
        stop.dispose();
        crash.dispose();
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
async function run() {
    // An output whose reader went away (`tar-push … | head`) stops the work while it runs
    // (stopOnSignals); once the work is done, what is left to print is lost and the exit code
    // stands, instead of an uncaught EPIPE.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (error) => {
            if (error.code !== 'EPIPE')
                throw error;
        });
    }
    process.exitCode = await main(process.argv.slice(2));
}


/***/ }),

/***/ 5321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ stoppedBy),
/* harmony export */   BP: () => (/* binding */ tagsSetBefore),
/* harmony export */   Te: () => (/* binding */ throwIfAborted),
/* harmony export */   Vp: () => (/* binding */ stopOnCrash),
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
 * cancel in the action, or an unexpected error in either) reaches every request, stream and
 * worker. Library code checks it between steps with throwIfAborted and turns a failure it
 * caused into cancelledError, so a stop is reported as CANCELLED and never retried; the work's
 * `finally` blocks clean up as on any error.
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
 * Turns SIGINT and SIGTERM, and a standard output or error whose reader went away (EPIPE, told
 * as SIGPIPE), into one aborted signal, so the work stops where it is and runs its
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
    // Every later write fails the same way, and a stop under way goes on: only a first one stops.
    const onOutputClosed = (error) => {
        if (error.code !== 'EPIPE')
            throw error;
        if (!received)
            onSignal('SIGPIPE');
    };
    for (const stream of [process.stdout, process.stderr])
        stream.on('error', onOutputClosed);
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
            for (const stream of [process.stdout, process.stderr])
                stream.off('error', onOutputClosed);
        },
    };
}
/** How long the cleanup after an unexpected error may take before the process exits anyway. */
const CRASH_CLEANUP_MS = 10_000;
/**
 * An exception nothing caught while the work runs (thrown in an event handler or a timer, or a
 * promise rejected with no one waiting for it) is a fault of tar-push. Left alone, it ends the
 * process where it stands: temporary files stay, upload sessions stay open. Here `report` is
 * told at once and the signal aborts, so that the work stops and cleans up as after a stop
 * signal, and the run fails (EXIT_FAULT). A second one, or a cleanup that takes longer than
 * CRASH_CLEANUP_MS, exits at once.
 */
function stopOnCrash(report) {
    const controller = new AbortController();
    const onCrash = (error) => {
        report(error);
        // Whatever happens next, the run failed.
        process.exitCode = _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT_FAULT */ .YU;
        if (controller.signal.aborted)
            process.exit(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT_FAULT */ .YU);
        controller.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TarPushError */ .q$('CANCELLED', 'stopped by an unexpected error', {
            hint: 'this is a fault of tar-push: please report it with the error above',
        }));
        setTimeout(() => process.exit(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT_FAULT */ .YU), CRASH_CLEANUP_MS).unref();
    };
    process.on('uncaughtException', onCrash);
    return {
        signal: controller.signal,
        get crashed() {
            return controller.signal.aborted;
        },
        dispose: () => process.off('uncaughtException', onCrash),
    };
}
/**
 * What stopped the work, if anything did: its name for the stop line ("SIGINT", "an unexpected
 * error") and the exit code it means.
 */
function stoppedBy(stop, crash) {
    if (crash.crashed)
        return { first: 'an unexpected error', exitCode: _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT_FAULT */ .YU };
    if (stop.received === undefined || stop.exitCode === undefined)
        return undefined;
    return { first: stop.received, exitCode: stop.exitCode };
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

/***/ 7268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ ERROR_CODES),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   Vp: () => (/* binding */ describeUnexpected),
/* harmony export */   YU: () => (/* binding */ EXIT_FAULT),
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
/** How an error that is no TarPushError (a fault of tar-push) is shown: with its stack. */
const describeUnexpected = (error) => `unexpected error: ${error?.stack ?? String(error)}`;
/** The exit code of a run that failed by a fault of tar-push (an unexpected error). */
const EXIT_FAULT = 1;
const exitCodeFor = (error) => error instanceof TarPushError ? (error.kind === 'input' ? 2 : 3) : EXIT_FAULT;


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

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The release version, printed by `tar-push --version`; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';


/***/ })

};
