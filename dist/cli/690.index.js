export const id = 690;
export const ids = [690];
export const modules = {

/***/ 5690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBenchCommand: () => (/* binding */ runBenchCommand)
});

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/loadtest/options.ts
var loadtest_options = __webpack_require__(8010);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/lib/loadtest/output.ts



/**
 * Writes (or appends) one of a run's files; its directory is made when missing. A failure names
 * the file and what asked for it (`--out`, `input result`).
 */
async function writeBenchFile(label, path, text, append = false) {
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (append ? (0,promises_.appendFile)(path, text) : (0,promises_.writeFile)(path, text));
    }
    catch (error) {
        throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `cannot write ${label} "${path}": ${error.code ?? error}`, { subject: path, hint: 'choose a path in a directory that exists and is writable' });
    }
}
/** The JSON result file (`--out`): the format `bench merge` reads. */
const resultJson = (result) => `${JSON.stringify(result, null, 2)}\n`;

// EXTERNAL MODULE: ./node_modules/hdr-histogram-js/dist/index.js
var dist = __webpack_require__(2960);
;// CONCATENATED MODULE: ./src/lib/loadtest/histogram.ts

/**
 * Latencies are recorded in microseconds with 3 significant digits (HdrHistogram's usual
 * setting: any value is known within 0.1%). The pure-JS histogram is used, not the
 * WebAssembly one: it bundles with ncc as plain code and needs no asynchronous start-up.
 * Results carry these settings so a later merge (issue: results from several machines) can
 * check they agree before adding histograms.
 */
const HISTOGRAM_SETTINGS = {
    unit: 'microseconds',
    lowestDiscernibleValue: 1,
    /** Grows on demand (autoResize); one hour is where it starts. */
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
    bitBucketSize: 32,
    encoding: 'HdrHistogram V2 compressed, base64',
};
function createHistogram() {
    return (0,dist/* build */.jq)({
        bitBucketSize: HISTOGRAM_SETTINGS.bitBucketSize,
        autoResize: true,
        lowestDiscernibleValue: HISTOGRAM_SETTINGS.lowestDiscernibleValue,
        highestTrackableValue: HISTOGRAM_SETTINGS.highestTrackableValue,
        numberOfSignificantValueDigits: HISTOGRAM_SETTINGS.numberOfSignificantValueDigits,
        useWebAssembly: false,
    });
}
/** Records a duration given in milliseconds (fractions kept down to the microsecond). */
function recordMs(histogram, ms) {
    histogram.recordValue(Math.max(0, Math.round(ms * 1000)));
}
const toMs = (microseconds) => Math.round(microseconds) / 1000;
function percentilesOf(histogram) {
    const count = histogram.totalCount;
    if (count === 0)
        return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
    return {
        count,
        min: toMs(histogram.minNonZeroValue === Number.MAX_SAFE_INTEGER ? 0 : histogram.minNonZeroValue),
        mean: toMs(meanOf(histogram)),
        p50: percentileMs(histogram, 50),
        p90: percentileMs(histogram, 90),
        p95: percentileMs(histogram, 95),
        p99: percentileMs(histogram, 99),
        max: toMs(histogram.maxValue),
    };
}
/**
 * The mean as hdr-histogram-js computes it (each bucket's count at its median value), by a plain
 * walk over the counts: the library walks them through an iterator that costs milliseconds per
 * histogram, and a report takes the mean of every kind's two histograms.
 */
function meanOf(histogram) {
    if (!(histogram instanceof dist/* JsHistogram */.Sw))
        return histogram.mean;
    const last = histogram.countsArrayIndex(histogram.maxValue);
    let total = 0;
    for (let index = 0; index <= last; index++) {
        const count = histogram.getCountAtIndex(index);
        if (count !== 0)
            total += histogram.medianEquivalentValue(histogram.valueFromIndex(index)) * count;
    }
    return total / histogram.totalCount;
}
/**
 * A percentile in milliseconds. HdrHistogram answers with the highest value of the percentile's
 * bucket, which may pass the exact max recorded: a p99 is never reported above the max.
 */
function percentileMs(histogram, percentile) {
    if (histogram.totalCount === 0)
        return 0;
    return toMs(Math.min(histogram.getValueAtPercentile(percentile), histogram.maxValue));
}
/** HdrHistogram's compressed encoding (V2, zlib, base64): what other HdrHistogram ports read. */
function encodeHistogram(histogram) {
    return (0,dist/* encodeIntoCompressedBase64 */.dH)(histogram);
}
function decodeHistogram(encoded) {
    return (0,dist/* decodeFromCompressedBase64 */.Vc)(encoded, HISTOGRAM_SETTINGS.bitBucketSize, false);
}
/** The union of histograms: percentiles of all their values, never an average of percentiles. */
function mergeHistograms(histograms) {
    const total = createHistogram();
    for (const histogram of histograms)
        total.add(histogram);
    return total;
}

;// CONCATENATED MODULE: ./src/lib/loadtest/report.ts


/** A duration for people: 0.42 ms, 12.3 ms, 845 ms, 2.31 s. */
function formatMs(ms) {
    if (ms >= 10_000)
        return `${(ms / 1000).toFixed(1)} s`;
    if (ms >= 1000)
        return `${(ms / 1000).toFixed(2)} s`;
    if (ms >= 100)
        return `${ms.toFixed(0)} ms`;
    if (ms >= 1)
        return `${ms.toFixed(1)} ms`;
    return `${ms.toFixed(2)} ms`;
}
const mb = (bytes) => (bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1);
/** Plain columns, left-aligned first column, the others right-aligned. */
function columns(rows) {
    const widths = rows[0].map((_, index) => Math.max(...rows.map((row) => row[index].length)));
    return rows.map((row) => row
        .map((cell, index) => index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))
        .join('  ')
        .trimEnd());
}
function describeErrors(byStatus) {
    return Object.entries(byStatus)
        .sort(([, a], [, b]) => b - a)
        .map(([status, count]) => `${status} ×${count}`)
        .join(', ');
}
function headline(result) {
    const { scenario } = result;
    const mix = scenario.name === 'mixed'
        ? ` (${Object.entries(scenario.mix)
            .map(([name, weight]) => `${name}=${weight}`)
            .join(',')})`
        : '';
    const jobs = result.merged ? ` in ${result.merged.jobs.length} jobs` : '';
    const stopped = result.stopReason === 'auth-failed' ? 'an authentication failure' : result.stopReason;
    return `${scenario.name}${mix} against ${result.registry}: ${scenario.vus} virtual users${jobs}, ${result.seconds.toFixed(1)} s, stopped by ${stopped}`;
}
/** A merged result's jobs: when each started (skew, lateness), its part of the load, its p95. */
function jobRows(result) {
    const rows = [['job', 'host', 'start', 'late', 'seconds', 'users', 'requests', 'share', 'p95']];
    for (const job of result.merged?.jobs ?? []) {
        rows.push([
            job.source,
            job.hostname,
            `+${formatMs(job.startSkewMs)}`,
            job.lateMs === null ? '' : formatMs(job.lateMs),
            job.seconds.toFixed(1),
            String(job.vus),
            String(job.requests),
            `${(job.share * 100).toFixed(1)}%`,
            formatMs(job.p95Ms),
        ]);
    }
    return rows;
}
function skewLine(result) {
    const merged = result.merged;
    const startAt = result.startAtMs === undefined
        ? ''
        : ` (--start-at ${new Date(result.startAtMs).toISOString()})`;
    return `${merged.jobs.length} jobs, starts spread over ${formatMs(merged.startSpreadMs)}${startAt}`;
}
function latencyCells(latency) {
    return [latency.p50, latency.p90, latency.p95, latency.p99, latency.max].map(formatMs);
}
/** The table printed at the end of a run (on standard error). */
function formatReport(result) {
    const lines = [`tar-push bench ${result.tool.version}: ${headline(result)}`, ''];
    const header = [
        'request',
        'count',
        'errors',
        'p50',
        'p90',
        'p95',
        'p99',
        'max',
        'ttfb p95',
        'MB',
        'MB/s',
    ];
    const row = (label, count, stats) => [
        label,
        String(count),
        String(stats.errors),
        ...latencyCells(stats.latency),
        formatMs(stats.ttfb.p95),
        mb(stats.bytesSent + stats.bytesReceived),
        stats.megabytesPerSecond.toFixed(1),
    ];
    const rows = [
        header,
        ...Object.entries(result.kinds).map(([kind, stats]) => row(kind, stats.count, stats)),
        row('all', result.totals.requests, result.totals),
    ];
    const { totals } = result;
    lines.push(...columns(rows));
    lines.push('', `${totals.requestsPerSecond.toFixed(1)} requests/s, ${totals.megabytesPerSecond.toFixed(1)} MB/s, ` +
        `${totals.errors} errors${totals.errors ? ` (${describeErrors(totals.errorsByStatus)})` : ''}` +
        (totals.interrupted ? `, ${totals.interrupted} cut by the stop` : '') +
        `, ${totals.connections} connections opened`);
    lines.push('', ...iterationTable(result.iterations.scenarios));
    if (result.arrivals)
        lines.push('', ...arrivalLines(result.arrivals));
    if (result.merged)
        lines.push('', skewLine(result), ...columns(jobRows(result)));
    lines.push('', cpuLine(result));
    const untimed = result.untimed;
    if (untimed.setup.requests || untimed.cleanup.requests)
        lines.push(`not measured: ${untimed.setup.requests} requests connecting and seeding, ${untimed.cleanup.requests} cleaning up`);
    if (result.cleanup)
        lines.push(`cleanup: deleted ${result.cleanup.deleted} of ${result.cleanup.manifests} manifests${result.cleanup.note ? ` (${result.cleanup.note})` : ''}`);
    for (const compare of result.compare)
        lines.push('', ...compareLines(result, compare));
    if (result.errorSamples.length > 0)
        lines.push('', 'errors seen:', ...result.errorSamples.map((message) => `  ${message}`));
    return lines.join('\n');
}
/** The open model: the rate asked against the rate achieved, step by step. */
function arrivalLines(arrivals) {
    const steps = arrivals.stages.map((stage) => `  ${stage.perSecond}/s for ${stage.seconds} s: ${stage.started} started (${stage.startedPerSecond.toFixed(1)}/s), ${stage.dropped} dropped`);
    return [
        `open model: ${arrivals.asked} iterations due, ${arrivals.started} started (${arrivals.startedPerSecond.toFixed(1)}/s of ${arrivals.askedPerSecond.toFixed(1)}/s asked), ` +
            `${arrivals.dropped} dropped with every user busy; durations count from when each was due`,
        ...(steps.length > 1 ? steps : []),
    ];
}
function iterationTable(scenarios) {
    const rows = [['iteration', 'count', 'ok', 'failed', 'p50', 'p95', 'max', 'per s', 'MB']];
    for (const [name, stats] of Object.entries(scenarios)) {
        rows.push([
            name,
            String(stats.count),
            String(stats.ok),
            String(stats.failed),
            formatMs(stats.duration.p50),
            formatMs(stats.duration.p95),
            formatMs(stats.duration.max),
            stats.iterationsPerSecond.toFixed(2),
            mb(stats.bytes),
        ]);
    }
    return columns(rows);
}
/** The closing CPU note: does the generator stay under one core? */
function cpuLine(result) {
    const { generator, registry } = result.cpu;
    const under = generator.peakCores <= 1 ? 'under one core' : 'OVER one core';
    const generators = result.merged
        ? `${result.merged.jobs.length} generators ${generator.cores.toFixed(2)} cores together (busiest peak`
        : `generator ${generator.cores.toFixed(2)} cores (peak`;
    const parts = [
        `cpu: ${generators} ${generator.peakCores.toFixed(2)}, ${under}; event-loop delay p99 ${formatMs(generator.eventLoopDelayP99Ms)})`,
    ];
    if (registry)
        parts.push(`registry pid ${registry.pid} ${registry.cores.toFixed(2)} cores (peak ${registry.peakCores.toFixed(2)})`);
    return parts.join(', ');
}
/** Side by side: the raw-HTTP bench and the tool, per scenario, with the time ratio. */
function compareLines(result, compare) {
    if (!compare.available)
        return [`compare ${compare.tool}: not available: ${compare.note}`];
    const lines = [`compare: tar-push bench (raw HTTP) vs ${compare.tool} ${compare.version ?? ''}`];
    const rows = [['iteration', 'tool', 'ok', 'failed', 'p50', 'p95', 'per s', 'p50 ratio']];
    for (const [name, ours] of Object.entries(result.iterations.scenarios)) {
        const theirs = compare.scenarios?.[name];
        if (!theirs)
            continue;
        const ratio = ours.duration.p50 > 0 ? theirs.duration.p50 / ours.duration.p50 : 0;
        rows.push([
            name,
            'bench',
            String(ours.ok),
            String(ours.failed),
            formatMs(ours.duration.p50),
            formatMs(ours.duration.p95),
            ours.iterationsPerSecond.toFixed(2),
            '',
        ]);
        rows.push([
            name,
            compare.tool,
            String(theirs.ok),
            String(theirs.failed),
            formatMs(theirs.duration.p50),
            formatMs(theirs.duration.p95),
            theirs.iterationsPerSecond.toFixed(2),
            `${ratio.toFixed(2)}x`,
        ]);
    }
    lines.push(...columns(rows));
    if (compare.toolCpuSeconds !== undefined)
        lines.push(`${compare.tool} processes used ${compare.toolCpuSeconds.toFixed(1)} CPU seconds in ${compare.seconds?.toFixed(1)} s`);
    for (const message of compare.errorSamples ?? [])
        lines.push(`  ${compare.tool} error: ${message}`);
    return lines;
}
/** Seconds grouped so a chart has at most `points` points; each point merges its seconds. */
function chartPoints(series, points = 60) {
    if (series.length === 0)
        return [];
    const width = Math.max(1, Math.ceil(series.length / points));
    const first = series[0].t;
    const result = [];
    for (let start = 0; start < series.length; start += width) {
        const window = series.slice(start, start + width);
        const sum = (pick) => window.reduce((total, second) => total + pick(second), 0);
        const latency = mergeHistograms(window.map((second) => decodeHistogram(second.latency)));
        result.push({
            offset: window[0].t - first,
            requestsPerSecond: sum((second) => second.requests) / window.length,
            p95Ms: percentileMs(latency, 95),
            megabytesPerSecond: sum((second) => second.bytesSent + second.bytesReceived) / 1e6 / window.length,
        });
    }
    return result;
}
const num = (value) => String(Number(value.toFixed(value >= 100 ? 0 : 2)));
/** A Mermaid xychart-beta line chart (GitHub renders it in job summaries and Markdown). */
function mermaidChart(title, yLabel, labels, values) {
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${title}"`,
        `  x-axis "seconds" [${labels.map((label) => `"${label}"`).join(', ')}]`,
        `  y-axis "${yLabel}"`,
        `  line [${values.map(num).join(', ')}]`,
        '```',
    ].join('\n');
}
const cell = (text) => text.replace(/\|/g, '\\|');
/** The `--summary` Markdown: tables and charts of throughput and p95 over time. */
function formatMarkdown(result) {
    const { totals } = result;
    const lines = [
        `### tar-push bench: ${cell(headline(result))}`,
        '',
        `**${totals.requestsPerSecond.toFixed(1)} requests/s**, **${totals.megabytesPerSecond.toFixed(1)} MB/s**, ` +
            `p95 ${formatMs(totals.latency.p95)}, ${totals.errors} errors` +
            (totals.errors ? ` (${describeErrors(totals.errorsByStatus)})` : '') +
            ` in ${totals.requests} requests.`,
        '',
        '| request | count | errors | p50 | p90 | p95 | p99 | max | TTFB p95 | MB/s |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    const row = (name, stats) => `| ${name} | ${stats.count} | ${stats.errors} | ${latencyCells(stats.latency).join(' | ')} | ${formatMs(stats.ttfb.p95)} | ${stats.megabytesPerSecond.toFixed(1)} |`;
    for (const [kind, stats] of Object.entries(result.kinds))
        lines.push(row(kind, stats));
    lines.push(row('**all**', { ...totals, count: totals.requests }));
    lines.push('', '| iteration | count | ok | failed | p50 | p95 | max | per s |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, stats] of Object.entries(result.iterations.scenarios)) {
        lines.push(`| ${name} | ${stats.count} | ${stats.ok} | ${stats.failed} | ${formatMs(stats.duration.p50)} | ${formatMs(stats.duration.p95)} | ${formatMs(stats.duration.max)} | ${stats.iterationsPerSecond.toFixed(2)} |`);
    }
    if (result.merged) {
        const [header, ...rows] = jobRows(result);
        lines.push('', `${cell(skewLine(result))}:`, '', `| ${header.join(' | ')} |`, `| --- | --- | ${header
            .slice(2)
            .map(() => '---:')
            .join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`));
    }
    lines.push('', cell(cpuLine(result)));
    for (const compare of result.compare) {
        lines.push('');
        if (!compare.available) {
            lines.push(`Compare ${compare.tool}: not available: ${cell(compare.note)}`);
            continue;
        }
        lines.push(`| iteration | bench p50 | ${compare.tool} p50 | ratio | bench per s | ${compare.tool} per s |`, '| --- | ---: | ---: | ---: | ---: | ---: |');
        for (const [name, ours] of Object.entries(result.iterations.scenarios)) {
            const theirs = compare.scenarios?.[name];
            if (!theirs)
                continue;
            const ratio = ours.duration.p50 > 0 ? theirs.duration.p50 / ours.duration.p50 : 0;
            lines.push(`| ${name} | ${formatMs(ours.duration.p50)} | ${formatMs(theirs.duration.p50)} | ${ratio.toFixed(2)}x | ${ours.iterationsPerSecond.toFixed(2)} | ${theirs.iterationsPerSecond.toFixed(2)} |`);
        }
    }
    const points = chartPoints(result.series);
    if (points.length > 1) {
        const labels = points.map((point) => String(point.offset));
        lines.push('', mermaidChart('Throughput (requests/s)', 'requests/s', labels, points.map((point) => point.requestsPerSecond)), '', mermaidChart('p95 latency (ms)', 'ms', labels, points.map((point) => point.p95Ms)));
    }
    return `${lines.join('\n')}\n`;
}
/** The live progress line: elapsed time, users, iterations, requests, errors, p95, MB/s, CPU. */
function formatProgress(progress) {
    const time = progress.durationSeconds === null
        ? `${progress.elapsedSeconds.toFixed(0)}s`
        : `${Math.min(progress.elapsedSeconds, progress.durationSeconds).toFixed(0)}/${progress.durationSeconds}s`;
    const iterations = progress.iterationsTarget === null
        ? `${progress.iterations} iterations`
        : `${progress.iterations}/${progress.iterationsTarget} iterations`;
    return [
        time,
        `users ${progress.activeVus}/${progress.vus}`,
        iterations,
        `${progress.requests} requests (${progress.requestsPerSecond}/s)`,
        `${progress.errors} errors`,
        `p95 ${formatMs(progress.p95Ms)}`,
        `${progress.megabytesPerSecond.toFixed(1)} MB/s`,
        `cpu ${progress.generatorCores.toFixed(2)}`,
    ].join('  ');
}
/** Why a run failed as a whole (iterations ran, none succeeded), or undefined. */
function allFailed(result) {
    const { total } = result.iterations;
    if (total.count === 0 || total.ok > 0)
        return undefined;
    return `no iteration succeeded (${Object.entries(total.errorsByCode)
        .map(([code, count]) => `${code} ×${count}`)
        .join(', ')}); first error: ${result.errorSamples[0] ?? 'unknown'}`;
}
/** The failure that stopped the run early (stopReason `auth-failed`), to print and exit on. */
function stopFailure(result) {
    const failure = result.stopError;
    if (!failure)
        return undefined;
    const code = errors/* ERROR_CODES */.OQ.includes(failure.code)
        ? failure.code
        : 'AUTH_FAILED';
    return new errors/* TarPushError */.q$(code, failure.message, { hint: failure.hint });
}

;// CONCATENATED MODULE: ./src/lib/loadtest/result.ts
/**
 * The JSON result of one bench run (`--out`). It is built to be merged with the results of other
 * machines running the same scenario: raw histograms (HdrHistogram compressed encoding) rather
 * than only percentiles, per-second series keyed by absolute epoch seconds, and the scenario and
 * tool version to refuse merging unlike runs. Percentiles next to each histogram are a
 * convenience for readers; a merge recomputes them from the histograms.
 */
const RESULT_FORMAT = 'tar-push-bench/1';
const SCENARIO_NAMES = ['push', 'pull', 'head'];
/** Every request the generator made, measured or not (what a proxy in front of it counts). */
const allRequests = (result) => result.totals.requests + result.untimed.setup.requests + result.untimed.cleanup.requests;

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/lib/registry/connect.ts + 4 modules
var registry_connect = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/lib/loadtest/units.ts

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `60s`, `2m`, `1h`, `500ms`, `1m30s`, or a bare number of seconds; in milliseconds. */
function parseDuration(text, flag) {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed) * 1000;
    let total = 0;
    const rest = trimmed.replace(/(\d+(?:\.\d+)?)(ms|s|m|h)/g, (_, value, unit) => {
        total += Number(value) * DURATION_UNITS[unit];
        return '';
    });
    if (rest !== '' || trimmed === '') {
        throw new errors/* TarPushError */.q$('USAGE', `${flag} "${text}" is not a duration`, {
            hint: 'write it like 60s, 2m, 1m30s, 500ms or 1h (a bare number is seconds)',
        });
    }
    return total;
}
const SIZE_UNITS = {
    '': 1,
    b: 1,
    k: 1000,
    kb: 1000,
    kib: 1024,
    m: 1e6,
    mb: 1e6,
    mib: 1024 ** 2,
    g: 1e9,
    gb: 1e9,
    gib: 1024 ** 3,
};
/** `10MiB`, `512KiB`, `1GB`, `4096`: bytes (KiB/MiB/GiB are powers of 1024, kB/MB/GB of 1000). */
function parseSize(text, flag) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
    const factor = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
    if (!match || factor === undefined) {
        throw new errors/* TarPushError */.q$('USAGE', `${flag} "${text}" is not a size`, {
            hint: 'write it like 10MiB, 512KiB, 1GB or a number of bytes',
        });
    }
    return Math.round(Number(match[1]) * factor);
}

;// CONCATENATED MODULE: ./src/lib/loadtest/arrival.ts


const RATE_UNITS = { s: 1, m: 1 / 60, h: 1 / 3600 };
function usage(message) {
    return new errors/* TarPushError */.q$('USAGE', message, {
        hint: 'e.g. --rate 50/s, or steps: --rate 10/s,20/s,40/s --step-duration 30s',
    });
}
/** `50/s`, `600/m`, `2.5/s`, `10/s,20/s,40/s`: iterations per second of each step. */
function parseRates(text) {
    const parts = text.split(',').map((part) => part.trim());
    return parts.map((part) => {
        const match = /^(\d+(?:\.\d+)?)\s*\/\s*(s|m|h)$/.exec(part);
        const perSecond = match ? Number(match[1]) * RATE_UNITS[match[2]] : Number.NaN;
        if (!(perSecond > 0))
            throw usage(`--rate: "${part}" is not a rate above 0 like 50/s`);
        if (perSecond > 100_000)
            throw usage(`--rate: ${part} is over 100000/s`);
        return perSecond;
    });
}
/**
 * The steps of a `--rate` list: each lasts `--step-duration`, or the duration shared out evenly
 * when only `--duration` is given. One of the two is needed to know when the schedule ends.
 */
function rateStages(options) {
    const { rates, stepMs, durationMs } = options;
    const each = stepMs ?? (durationMs === undefined ? undefined : durationMs / rates.length);
    if (each === undefined || !(each > 0))
        throw usage('--rate needs --duration or --step-duration to know when its schedule ends');
    return rates.map((perSecond) => ({ perSecond, seconds: each / 1000 }));
}
const parseStepDuration = (text) => parseDuration(text, '--step-duration');
/**
 * Hands iterations to users on the schedule. An iteration that comes due while every user is
 * busy waits for the first user to become free, and its latency is measured from when it was
 * due, so the wait counts; when as many iterations wait as there are users, it is dropped
 * (counted, never started late). Timers fire late under load: every iteration due by then is
 * handed out at once, each with its own due instant.
 */
class ArrivalSchedule {
    stages;
    perStage;
    #maxWaiting;
    #waiting = [];
    #idle = [];
    #limit;
    #startedAt = 0;
    #stage = 0;
    /** Index of the next arrival within the current stage. */
    #inStage = 0;
    #number = 0;
    #timer;
    #over = false;
    #onEnd;
    constructor(options) {
        this.#onEnd = options.onEnd;
        this.stages = options.stages;
        this.perStage = options.stages.map(() => ({ asked: 0, started: 0, dropped: 0 }));
        this.#maxWaiting = options.users;
        this.#limit = options.limit;
    }
    /** Starts the clock: the first iteration is due at once. */
    start(now = performance.now()) {
        this.#startedAt = now;
        this.#release();
    }
    /** The next iteration for a user, or undefined once the schedule is over. */
    next() {
        const waiting = this.#waiting.shift();
        if (waiting)
            return Promise.resolve(waiting);
        if (this.#over)
            return Promise.resolve(undefined);
        return new Promise((resolve) => this.#idle.push(resolve));
    }
    /** Ends the schedule: waiting iterations are not started, idle users are let go. */
    stop() {
        this.#over = true;
        clearTimeout(this.#timer);
        for (const arrival of this.#waiting.splice(0))
            this.perStage[arrival.stage].started--;
        for (const resolve of this.#idle.splice(0))
            resolve(undefined);
    }
    get over() {
        return this.#over;
    }
    get totals() {
        const total = { asked: 0, started: 0, dropped: 0 };
        for (const counts of this.perStage) {
            total.asked += counts.asked;
            total.started += counts.started;
            total.dropped += counts.dropped;
        }
        return total;
    }
    /** When the stage `index` begins, ms after the start. */
    #stageStartMs(index) {
        let ms = 0;
        for (let stage = 0; stage < index; stage++)
            ms += this.stages[stage].seconds * 1000;
        return ms;
    }
    /** Hands out every iteration due by now, then sleeps until the next one is due. */
    #release() {
        if (this.#over)
            return;
        const elapsed = performance.now() - this.#startedAt;
        for (;;) {
            const stage = this.stages[this.#stage];
            if (!stage) {
                this.#finish();
                return;
            }
            const stageStart = this.#stageStartMs(this.#stage);
            const dueMs = stageStart + (this.#inStage * 1000) / stage.perSecond;
            if (dueMs >= stageStart + stage.seconds * 1000) {
                this.#stage++;
                this.#inStage = 0;
                continue;
            }
            if (dueMs > elapsed) {
                this.#timer = setTimeout(() => this.#release(), Math.max(1, dueMs - elapsed));
                return;
            }
            if (this.#limit !== undefined && this.#number >= this.#limit) {
                this.#finish();
                return;
            }
            this.#inStage++;
            this.#arrive({ number: this.#number++, dueAt: this.#startedAt + dueMs, stage: this.#stage });
        }
    }
    #arrive(arrival) {
        const counts = this.perStage[arrival.stage];
        counts.asked++;
        const idle = this.#idle.shift();
        if (idle) {
            counts.started++;
            idle(arrival);
        }
        else if (this.#waiting.length < this.#maxWaiting) {
            counts.started++;
            this.#waiting.push(arrival);
        }
        else
            counts.dropped++;
    }
    /** Nothing more comes due: users finish what waits, then stop. */
    #finish() {
        this.#over = true;
        for (const resolve of this.#idle.splice(0))
            resolve(undefined);
        this.#onEnd?.();
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/lib/loadtest/cpu.ts


let clockTicks;
/** USER_HZ, the unit of /proc/PID/stat times (100 on every common Linux). */
function ticksPerSecond() {
    if (clockTicks === undefined) {
        try {
            clockTicks = Number((0,external_node_child_process_.execFileSync)('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
        }
        catch {
            clockTicks = 100;
        }
    }
    return clockTicks;
}
/** Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    }
    catch {
        return undefined;
    }
}
/**
 * CPU seconds (user + system) a process has used, from /proc/PID/stat (utime and stime, fields
 * 14 and 15); undefined when there is no such process or no /proc (not Linux).
 */
function processCpuSeconds(pid) {
    const fields = statFields(pid);
    if (!fields)
        return undefined;
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
}
/** CPU seconds of this process's children that have exited and been waited for (cutime+cstime). */
function childrenCpuSeconds() {
    const fields = statFields('self');
    if (!fields)
        return 0;
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond();
}
/** CPU seconds this process has used so far (all its threads). */
function ownCpuSeconds() {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
}
/** Whether a pid names a live process this user can see. */
function processExists(pid) {
    return statFields(pid) !== undefined;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/lib/paths.ts
var paths = __webpack_require__(9927);
// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(3053);
// EXTERNAL MODULE: ./src/lib/http/transport.ts
var transport = __webpack_require__(6053);
;// CONCATENATED MODULE: ./src/lib/loadtest/requests.ts

/** The order of the report's rows; kinds not listed come after, alphabetically. */
const KIND_ORDER = [
    'ping',
    'token',
    'manifest HEAD',
    'manifest GET',
    'manifest PUT',
    'manifest DELETE',
    'blob HEAD',
    'blob GET',
    'blob POST',
    'blob PATCH',
    'blob PUT',
    'blob DELETE',
    'upload GET',
    'upload DELETE',
];
function compareKinds(a, b) {
    const rank = (kind) => {
        const index = KIND_ORDER.indexOf(kind);
        return index === -1 ? KIND_ORDER.length : index;
    };
    return rank(a) - rank(b) || a.localeCompare(b);
}
const MANIFEST_PATH = /^\/v2\/.+\/manifests\/[^/]+$/;
const UPLOAD_PATH = /^\/v2\/.+\/blobs\/uploads\/.*$/;
const BLOB_PATH = /^\/v2\/.+\/blobs\/[^/]+$/;
const TAGS_PATH = /^\/v2\/.+\/tags\/list$/;
/** The kind of a request from its method and URL path (the distribution spec's endpoints). */
function requestKind(method, path) {
    const pathname = path.split('?')[0] ?? path;
    if (pathname === '/v2/' || pathname === '/v2')
        return 'ping';
    if (MANIFEST_PATH.test(pathname))
        return `manifest ${method}`;
    if (UPLOAD_PATH.test(pathname)) {
        return method === 'POST' || method === 'PATCH' || method === 'PUT'
            ? `blob ${method}`
            : `upload ${method}`;
    }
    if (BLOB_PATH.test(pathname))
        return `blob ${method}`;
    if (TAGS_PATH.test(pathname))
        return `tags ${method}`;
    // Token realms live anywhere (/token, /service/token, /jwt/auth, quay's /v2/auth?scope=…).
    return method === 'GET' || method === 'POST' ? 'token' : `other ${method}`;
}
/** The error a hard stop aborts requests with; its requests count as interrupted, not failed. */
class BenchStopped extends Error {
    constructor() {
        super('stopped by tar-push bench');
        this.name = 'BenchStopped';
    }
}
/**
 * A request is a success when the registry answered as a client expects: 2xx/3xx, a 401 with a
 * challenge to a request sent without credentials (the first step of every authenticated
 * exchange) and a 404 to a HEAD (the "do you have it?" question before an upload). Anything
 * else is an error: 429, and a 401 to credentials (refused, or a token that expired).
 */
function isSuccess(method, status, challenged) {
    if (status >= 200 && status < 400)
        return true;
    if (status === 401 && challenged)
        return true;
    return status === 404 && method === 'HEAD';
}
function hasAuthorization(headers) {
    if (!headers)
        return false;
    if (Array.isArray(headers)) {
        return headers.some((item, index) => index % 2 === 0 && String(item).toLowerCase() === 'authorization');
    }
    if (typeof headers[Symbol.iterator] === 'function') {
        for (const entry of headers)
            if (String(entry[0]).toLowerCase() === 'authorization')
                return true;
        return false;
    }
    return Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
}
function errorCodeOf(error) {
    for (let current = error, depth = 0; current && depth < 5; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            return code;
        current = current.cause;
    }
    return undefined;
}
const now = () => performance.timeOrigin + performance.now();
/**
 * An undici interceptor that times and counts every request of one client: it sits on the
 * client's connection pool, so ping, token requests, redirects and retries all pass through it.
 */
function observingInterceptor(options) {
    const { vu, sink } = options;
    // Redirected blob GETs go to storage hosts; they keep the kind of the request they follow.
    const redirects = new Map();
    return (dispatch) => (opts, handler) => {
        const startedAt = now();
        const method = String(opts.method).toUpperCase();
        const origin = typeof opts.origin === 'string' ? opts.origin : (opts.origin?.origin ?? '');
        const url = `${origin}${opts.path}`;
        const redirectedKind = redirects.get(url);
        if (redirectedKind)
            redirects.delete(url);
        const kind = redirectedKind ?? requestKind(method, opts.path);
        const withCredentials = hasAuthorization(opts.headers);
        let connectMs = 0;
        let ttfbMs;
        let status = 0;
        let statusText = '';
        let challenged = false;
        let bytesSent = 0;
        let bytesReceived = 0;
        let controller;
        const finish = (error) => {
            if (controller)
                sink.inFlight.delete(controller);
            if (error && !controller && kind === 'ping' && (0,transport/* isPlainHttpServer */.Yd)(error)) {
                sink.tlsProbe();
                return;
            }
            const interrupted = error instanceof BenchStopped || (error !== undefined && sink.aborting);
            const ok = error === undefined && isSuccess(method, status, challenged);
            sink.sample({
                kind,
                method,
                url,
                vu,
                startedAt,
                elapsedMs: now() - startedAt,
                ttfbMs,
                connectMs,
                status,
                statusText,
                errorCode: error ? errorCodeOf(error) : undefined,
                bytesSent,
                bytesReceived,
                outcome: interrupted ? 'interrupted' : ok ? 'ok' : 'error',
                message: error
                    ? (error.message ?? String(error))
                    : ok
                        ? undefined
                        : `HTTP ${status}${statusText ? ` ${statusText}` : ''}`,
            });
        };
        const observed = {
            onRequestStart(requestController, context) {
                controller = requestController;
                connectMs = now() - startedAt;
                sink.inFlight.add(requestController);
                if (sink.aborting)
                    requestController.abort(new BenchStopped());
                handler.onRequestStart?.(requestController, context);
            },
            onRequestUpgrade(requestController, statusCode, headers, socket) {
                handler.onRequestUpgrade?.(requestController, statusCode, headers, socket);
            },
            onResponseStart(requestController, statusCode, headers, message) {
                if (statusCode >= 200) {
                    ttfbMs = now() - startedAt;
                    status = statusCode;
                    statusText = message ?? '';
                    challenged =
                        statusCode === 401 && !withCredentials && headers['www-authenticate'] !== undefined;
                    const location = headers['location'];
                    if (statusCode >= 300 && statusCode < 400 && typeof location === 'string') {
                        try {
                            redirects.set(new URL(location, url).toString(), kind);
                        }
                        catch {
                            // not a URL: the client will fail on it and that request is counted as it is
                        }
                    }
                }
                handler.onResponseStart?.(requestController, statusCode, headers, message);
            },
            onResponseData(requestController, chunk) {
                bytesReceived += chunk.length;
                sink.bytes(0, chunk.length);
                handler.onResponseData?.(requestController, chunk);
            },
            onResponseEnd(requestController, trailers) {
                finish(undefined);
                handler.onResponseEnd?.(requestController, trailers);
            },
            onResponseError(requestController, error) {
                finish(error);
                handler.onResponseError?.(requestController, error);
            },
            onBodySent(chunk) {
                const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
                bytesSent += length;
                sink.bytes(length, 0);
                handler.onBodySent?.(chunk);
            },
            onRequestSent() {
                handler.onRequestSent?.();
            },
        };
        return dispatch(opts, observed);
    };
}

;// CONCATENATED MODULE: ./src/lib/loadtest/metrics.ts




class KindStats {
    count = 0;
    errors = 0;
    interrupted = 0;
    errorsByStatus = new Map();
    bytesSent = 0;
    bytesReceived = 0;
    latency = createHistogram();
    ttfb = createHistogram();
}
class IterationStats {
    count = 0;
    ok = 0;
    failed = 0;
    interrupted = 0;
    errorsByCode = new Map();
    bytes = 0;
    duration = createHistogram();
    record(iteration) {
        this.count++;
        this[iteration.outcome === 'ok' ? 'ok' : iteration.outcome]++;
        if (iteration.outcome === 'failed')
            increment(this.errorsByCode, iteration.errorCode ?? 'ERROR');
        this.bytes += iteration.bytes;
        // Interrupted iterations say how long they ran, not how long one takes.
        if (iteration.outcome !== 'interrupted')
            recordMs(this.duration, iteration.ms);
    }
    result(seconds) {
        return {
            count: this.count,
            ok: this.ok,
            failed: this.failed,
            interrupted: this.interrupted,
            errorsByCode: Object.fromEntries(this.errorsByCode),
            bytes: this.bytes,
            iterationsPerSecond: round(seconds > 0 ? (this.ok + this.failed) / seconds : 0, 3),
            duration: percentilesOf(this.duration),
            histogram: encodeHistogram(this.duration),
        };
    }
}
const increment = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const round = (value, digits) => {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
};
const errorKey = (sample) => sample.status > 0 ? String(sample.status) : (sample.errorCode ?? 'no response');
const MAX_ERROR_SAMPLES = 8;
/** undici publishes every connection it opens here (every undici in the process, bundled or not). */
const CONNECTED_CHANNEL = 'undici:client:connected';
/**
 * Counts and times everything: per request kind, per second (by absolute epoch second), per
 * iteration, plus CPU. It is the SampleSink of every client's observing interceptor.
 */
class Metrics {
    phase = 'setup';
    aborting = false;
    inFlight = new Set();
    kinds = new Map();
    scenarios = new Map();
    allIterations = new IterationStats();
    untimed = {
        setup: { requests: 0, errors: 0, interrupted: 0, kinds: {} },
        cleanup: { requests: 0, errors: 0, interrupted: 0, kinds: {} },
    };
    series = [];
    errorSamples = [];
    /** Bytes moved per virtual user, so an iteration knows its own traffic. */
    vuBytes = new Map();
    activeVus = 0;
    /** See SampleSink.tlsProbe. */
    tlsProbes = 0;
    /** Connections undici opened during the run (it closes one after every HEAD, see result.ts). */
    connections = 0;
    runStartedAt = 0;
    runEndedAt = 0;
    #writer;
    #registryPid;
    #second;
    #unbookedSent = 0;
    #unbookedReceived = 0;
    #secondLatency = createHistogram();
    #cpuMark;
    #ownCpuAtStart = 0;
    #registryCpuAtStart;
    constructor(options) {
        this.#writer = options.writer;
        this.#registryPid = options.registryPid;
    }
    #onConnected = () => {
        if (this.phase === 'run')
            this.connections++;
    };
    /** The measured run begins: from now on requests are counted per kind and per second. */
    startRun(at = Date.now()) {
        (0,external_node_diagnostics_channel_.subscribe)(CONNECTED_CHANNEL, this.#onConnected);
        this.phase = 'run';
        this.runStartedAt = at;
        this.#ownCpuAtStart = ownCpuSeconds();
        this.#registryCpuAtStart = this.#registryCpu();
        this.#cpuMark = { at, own: this.#ownCpuAtStart, registry: this.#registryCpuAtStart };
        this.#second = this.#newSecond(Math.floor(at / 1000));
    }
    /** The measured run is over; the partial last second is kept. */
    endRun(at = Date.now()) {
        this.tick(at);
        if (this.#second)
            this.#closeSecond(this.#second);
        this.#second = undefined;
        this.runEndedAt = at;
        this.phase = 'cleanup';
        (0,external_node_diagnostics_channel_.unsubscribe)(CONNECTED_CHANNEL, this.#onConnected);
    }
    sample(sample) {
        if (this.phase !== 'run') {
            const phase = this.untimed[this.phase];
            phase.requests++;
            if (sample.outcome === 'error')
                phase.errors++;
            if (sample.outcome === 'interrupted')
                phase.interrupted++;
            phase.kinds[sample.kind] = (phase.kinds[sample.kind] ?? 0) + 1;
            return;
        }
        this.vuBytes.set(sample.vu, (this.vuBytes.get(sample.vu) ?? 0) + sample.bytesSent + sample.bytesReceived);
        let stats = this.kinds.get(sample.kind);
        if (!stats)
            this.kinds.set(sample.kind, (stats = new KindStats()));
        stats.count++;
        stats.bytesSent += sample.bytesSent;
        stats.bytesReceived += sample.bytesReceived;
        if (sample.outcome === 'interrupted')
            stats.interrupted++;
        else {
            recordMs(stats.latency, sample.elapsedMs);
            if (sample.ttfbMs !== undefined)
                recordMs(stats.ttfb, sample.ttfbMs);
        }
        const second = this.#currentSecond(sample.startedAt + sample.elapsedMs);
        second.requests++;
        if (sample.outcome !== 'interrupted')
            recordMs(this.#secondLatency, sample.elapsedMs);
        if (sample.outcome === 'error') {
            stats.errors++;
            second.errors++;
            increment(stats.errorsByStatus, errorKey(sample));
            this.#noteError(`${sample.kind}: ${sample.message ?? 'failed'} (${sample.url})`);
        }
        this.#writer?.write(sample, this.activeVus);
    }
    tlsProbe() {
        this.tlsProbes++;
    }
    /**
     * Called for every body chunk, so it only adds: the bytes go into the open second when the
     * next request ends or the next tick comes (no clock read per chunk).
     */
    bytes(sent, received) {
        if (this.phase !== 'run')
            return;
        this.#unbookedSent += sent;
        this.#unbookedReceived += received;
    }
    iteration(iteration, message) {
        let stats = this.scenarios.get(iteration.scenario);
        if (!stats)
            this.scenarios.set(iteration.scenario, (stats = new IterationStats()));
        stats.record(iteration);
        this.allIterations.record(iteration);
        if (this.#second) {
            const second = this.#currentSecond(Date.now());
            second.iterations++;
            if (iteration.outcome === 'failed')
                second.iterationErrors++;
        }
        if (iteration.outcome === 'failed' && message)
            this.#noteError(`${iteration.scenario} iteration: ${message}`);
    }
    setActiveVus(count) {
        this.activeVus = count;
        if (this.#second) {
            const second = this.#currentSecond(Date.now());
            second.activeVus = Math.max(second.activeVus, count);
        }
    }
    /** Called every second: closes finished seconds even when nothing happened in them. */
    tick(at = Date.now()) {
        if (this.#second)
            this.#currentSecond(at);
    }
    /** Per kind, sorted in the report's order. */
    kindResults(seconds) {
        const entries = [...this.kinds.entries()].sort(([a], [b]) => compareKinds(a, b));
        return Object.fromEntries(entries.map(([kind, stats]) => [
            kind,
            {
                count: stats.count,
                errors: stats.errors,
                interrupted: stats.interrupted,
                errorsByStatus: Object.fromEntries(stats.errorsByStatus),
                bytesSent: stats.bytesSent,
                bytesReceived: stats.bytesReceived,
                megabytesPerSecond: round(seconds > 0 ? (stats.bytesSent + stats.bytesReceived) / 1e6 / seconds : 0, 3),
                latency: percentilesOf(stats.latency),
                ttfb: percentilesOf(stats.ttfb),
                histograms: {
                    latency: encodeHistogram(stats.latency),
                    ttfb: encodeHistogram(stats.ttfb),
                },
            },
        ]));
    }
    /** All requests' latency (or time to first byte) in one histogram. */
    totalHistogram(which) {
        return mergeHistograms([...this.kinds.values()].map((stats) => stats[which]));
    }
    /** CPU over the whole run: generator (this process) and registry (its pid, when given). */
    cpuTotals() {
        const registryNow = this.#registryCpu();
        return {
            own: ownCpuSeconds() - this.#ownCpuAtStart,
            registry: registryNow !== undefined && this.#registryCpuAtStart !== undefined
                ? registryNow - this.#registryCpuAtStart
                : undefined,
        };
    }
    #registryCpu() {
        return this.#registryPid === undefined ? undefined : processCpuSeconds(this.#registryPid);
    }
    #noteError(message) {
        if (this.errorSamples.length < MAX_ERROR_SAMPLES && !this.errorSamples.includes(message))
            this.errorSamples.push(message);
    }
    #newSecond(t) {
        return {
            t,
            requests: 0,
            errors: 0,
            bytesSent: 0,
            bytesReceived: 0,
            iterations: 0,
            iterationErrors: 0,
            activeVus: this.activeVus,
        };
    }
    /** The bucket of the second `atMs` falls in, closing the seconds before it. */
    #currentSecond(atMs) {
        let second = this.#second;
        second.bytesSent += this.#unbookedSent;
        second.bytesReceived += this.#unbookedReceived;
        this.#unbookedSent = this.#unbookedReceived = 0;
        const t = Math.floor(atMs / 1000);
        // A sample that ends a hair before the bucket rolled over still counts in the open second.
        while (second.t < t) {
            this.#closeSecond(second);
            second = this.#second = this.#newSecond(second.t + 1);
        }
        return second;
    }
    /**
     * Closes a second with the CPU used since the last close: CPU seconds per wall second, where
     * a partial first or last second counts as a whole one (a few milliseconds of CPU in the last
     * 10 ms of a run are not "a core").
     */
    #closeSecond(second) {
        const mark = this.#cpuMark;
        const at = Date.now();
        const own = ownCpuSeconds();
        const registry = this.#registryCpu();
        const wall = mark ? Math.max(1, (at - mark.at) / 1000) : 1;
        const generatorCores = mark ? Math.max(0, own - mark.own) / wall : 0;
        const registryCores = mark && registry !== undefined && mark.registry !== undefined
            ? Math.max(0, registry - mark.registry) / wall
            : null;
        this.#cpuMark = { at, own, registry };
        this.series.push({
            ...second,
            p95Ms: percentileMs(this.#secondLatency, 95),
            latency: encodeHistogram(this.#secondLatency),
            generatorCores: round(generatorCores, 3),
            registryCores: registryCores === null ? null : round(registryCores, 3),
        });
        this.#secondLatency.reset();
    }
}

;// CONCATENATED MODULE: ./src/lib/loadtest/merge.ts








/**
 * What each request does: results differing in one of these measured different things, and
 * adding their histograms would mix them. Users, duration, ramp-up, iterations, seeded images
 * and the repository prefix only shape the load, so jobs may differ in them.
 */
const MEASURED = [
    'name',
    'mix',
    'layers',
    'layerSize',
    'upload',
    'chunkSize',
    'reconnect',
    'verify',
    'retries',
];
const merge_MAX_ERROR_SAMPLES = 8;
/** Longest run of seconds no job covered that the merged series fills with zeros. */
const MAX_FILLED_GAP = 600;
const HINT_SAME_RUN = 'merge the results of one matrix run: the same tar-push version, registry and scenario options (users, duration, ramp-up and iterations may differ)';
function refuse(message, files, hint = HINT_SAME_RUN) {
    return new errors/* TarPushError */.q$('USAGE', message, { subject: files.join(', '), hint });
}
/** Stable text of a value (object keys sorted), to compare settings across files. */
function canonical(value) {
    if (value === undefined)
        return 'none';
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    return `{${Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => `${key}:${canonical(item)}`)
        .join(',')}}`;
}
/** Every file must give `pick` the same value; else the refusal says which files hold which. */
function requireSame(inputs, what, pick) {
    const groups = new Map();
    for (const { file, result } of inputs) {
        const key = canonical(pick(result));
        groups.set(key, [...(groups.get(key) ?? []), file]);
    }
    if (groups.size <= 1)
        return;
    const described = [...groups.entries()].map(([value, files]) => `${value} in ${files.join(', ')}`);
    throw refuse(`cannot merge results of different ${what}: ${described.join('; ')}`, inputs.map((input) => input.file));
}
/** Checks the files hold bench results of one format, version, registry and scenario. */
function checkMergeable(inputs) {
    if (inputs.length === 0)
        throw new errors/* TarPushError */.q$('USAGE', 'no result to merge', {
            hint: 'pass the JSON results of bench --out (paths or globs)',
        });
    for (const { file, result } of inputs) {
        const format = result?.format;
        if (format !== RESULT_FORMAT)
            throw refuse(typeof format === 'string' && format.startsWith('tar-push-bench/')
                ? `${file} is a ${format} result; this tar-push merges ${RESULT_FORMAT}`
                : `${file} is not a tar-push bench result (no "format": "${RESULT_FORMAT}")`, [file], 'merge the JSON files bench --out wrote, with the tar-push version that wrote them');
    }
    requireSame(inputs, 'tar-push versions', (result) => result.tool?.version);
    requireSame(inputs, 'histogram settings', (result) => result.histogram);
    requireSame(inputs, 'registries', (result) => result.registry);
    for (const field of MEASURED)
        requireSame(inputs, `scenarios (scenario.${field})`, (result) => result.scenario[field]);
    // Each job has its own schedule; the rates add up, so the steps must line up.
    requireSame(inputs, 'open-model steps (scenario.rate)', (result) => result.scenario.rate?.map((stage) => stage.seconds));
    const seen = new Map();
    for (const { file, result } of inputs) {
        for (const job of jobsOf(file, result)) {
            const other = seen.get(job.runId);
            if (other !== undefined)
                throw refuse(`${other} and ${job.source} hold the same run (${job.runId}); it would count twice`, [other, job.source], 'pass each result once (a merged file already holds the jobs it merged)');
            seen.set(job.runId, job.source);
        }
    }
}
/** The jobs a result stands for: itself, or the jobs a merged result lists. */
function jobsOf(file, result) {
    if (result.merged)
        return result.merged.jobs.map((job) => ({ ...job, source: `${file} > ${job.source}` }));
    return [
        {
            source: file,
            runId: result.runId,
            hostname: result.host.hostname,
            startAtMs: result.startAtMs ?? null,
            startedAtMs: result.startedAtMs,
            endedAtMs: result.endedAtMs,
            startSkewMs: 0,
            lateMs: result.startAtMs === undefined ? null : result.startedAtMs - result.startAtMs,
            seconds: result.seconds,
            vus: result.scenario.vus,
            requests: result.totals.requests,
            errors: result.totals.errors,
            iterations: result.iterations.total.count,
            share: 0,
            p95Ms: result.totals.latency.p95,
        },
    ];
}
const sum = (items, pick) => items.reduce((total, item) => total + pick(item), 0);
function addCounts(records) {
    const total = {};
    for (const record of records)
        for (const [key, count] of Object.entries(record))
            total[key] = (total[key] ?? 0) + count;
    return total;
}
const unionOf = (encoded) => mergeHistograms(encoded.map((text) => decodeHistogram(text)));
const perSecond = (value, seconds, digits) => round(seconds > 0 ? value / seconds : 0, digits);
function mergeKinds(results, seconds) {
    const names = [...new Set(results.flatMap((result) => Object.keys(result.kinds)))];
    names.sort(compareKinds);
    return Object.fromEntries(names.map((name) => {
        const kinds = results.flatMap((result) => result.kinds[name] ?? []);
        const latency = unionOf(kinds.map((kind) => kind.histograms.latency));
        const ttfb = unionOf(kinds.map((kind) => kind.histograms.ttfb));
        const bytesSent = sum(kinds, (kind) => kind.bytesSent);
        const bytesReceived = sum(kinds, (kind) => kind.bytesReceived);
        const merged = {
            count: sum(kinds, (kind) => kind.count),
            errors: sum(kinds, (kind) => kind.errors),
            interrupted: sum(kinds, (kind) => kind.interrupted),
            errorsByStatus: addCounts(kinds.map((kind) => kind.errorsByStatus)),
            bytesSent,
            bytesReceived,
            megabytesPerSecond: perSecond((bytesSent + bytesReceived) / 1e6, seconds, 3),
            latency: percentilesOf(latency),
            ttfb: percentilesOf(ttfb),
            histograms: { latency: encodeHistogram(latency), ttfb: encodeHistogram(ttfb) },
        };
        return [name, merged];
    }));
}
function mergeIterations(parts, seconds) {
    const histogram = unionOf(parts.map((part) => part.histogram));
    const ok = sum(parts, (part) => part.ok);
    const failed = sum(parts, (part) => part.failed);
    return {
        count: sum(parts, (part) => part.count),
        ok,
        failed,
        interrupted: sum(parts, (part) => part.interrupted),
        errorsByCode: addCounts(parts.map((part) => part.errorsByCode)),
        bytes: sum(parts, (part) => part.bytes),
        iterationsPerSecond: perSecond(ok + failed, seconds, 3),
        duration: percentilesOf(histogram),
        histogram: encodeHistogram(histogram),
    };
}
function mergeScenarioIterations(all, seconds) {
    const names = [...new Set(all.flatMap((scenarios) => Object.keys(scenarios)))];
    return Object.fromEntries(names.map((name) => [
        name,
        mergeIterations(all.flatMap((scenarios) => scenarios[name] ?? []), seconds),
    ]));
}
/**
 * The series on absolute epoch seconds: each second sums the requests, errors, bytes, iterations,
 * users and generator cores of every job that ran in it, and its p95 comes from the union of
 * their histograms. Seconds no job covered are zero rows (up to 10 min of them), so a chart
 * stays on time.
 * Registry cores are the largest job's reading: jobs on the registry's host all read its one
 * process.
 */
function mergeSeries(results) {
    const seconds = new Map();
    for (const result of results)
        for (const second of result.series)
            seconds.set(second.t, [...(seconds.get(second.t) ?? []), second]);
    if (seconds.size === 0)
        return [];
    const times = [...seconds.keys()].sort((a, b) => a - b);
    // Short gaps are filled with empty seconds; runs far apart (merged workflow runs) are not.
    const filled = times.flatMap((t, index) => {
        const next = times[index + 1];
        const gap = next === undefined || next - t > MAX_FILLED_GAP ? 0 : next - t - 1;
        return [t, ...Array.from({ length: gap }, (_, offset) => t + offset + 1)];
    });
    const series = [];
    for (const t of filled) {
        const parts = seconds.get(t) ?? [];
        const latency = parts.length === 0 ? createHistogram() : unionOf(parts.map((part) => part.latency));
        const registry = parts.flatMap((part) => part.registryCores === null ? [] : [part.registryCores]);
        series.push({
            t,
            requests: sum(parts, (part) => part.requests),
            errors: sum(parts, (part) => part.errors),
            bytesSent: sum(parts, (part) => part.bytesSent),
            bytesReceived: sum(parts, (part) => part.bytesReceived),
            iterations: sum(parts, (part) => part.iterations),
            iterationErrors: sum(parts, (part) => part.iterationErrors),
            activeVus: sum(parts, (part) => part.activeVus),
            p95Ms: percentileMs(latency, 95),
            latency: encodeHistogram(latency),
            generatorCores: round(sum(parts, (part) => part.generatorCores), 3),
            registryCores: registry.length === 0 ? null : Math.max(...registry),
        });
    }
    return series;
}
function mergePhase(phases) {
    return {
        requests: sum(phases, (phase) => phase.requests),
        errors: sum(phases, (phase) => phase.errors),
        interrupted: sum(phases, (phase) => phase.interrupted),
        kinds: addCounts(phases.map((phase) => phase.kinds)),
    };
}
function mergeCpu(results) {
    const generators = results.map((result) => result.cpu.generator);
    const registries = results.flatMap((result) => (result.cpu.registry ? [result.cpu.registry] : []));
    const busiest = registries.reduce((best, registry) => (best && best.seconds >= registry.seconds ? best : registry), null);
    return {
        generator: {
            seconds: round(sum(generators, (generator) => generator.seconds), 3),
            cores: round(sum(generators, (generator) => generator.cores), 3),
            // Per generator, as a single run reports it: whether any one process neared a core.
            peakCores: Math.max(0, ...generators.map((generator) => generator.peakCores)),
            // The worst job's: it says whether any generator was its own limit.
            eventLoopDelayP99Ms: Math.max(...generators.map((generator) => generator.eventLoopDelayP99Ms)),
        },
        registry: busiest,
    };
}
function mergeCleanup(results) {
    const cleanups = results.flatMap((result) => (result.cleanup ? [result.cleanup] : []));
    if (cleanups.length === 0)
        return null;
    const note = cleanups.find((cleanup) => cleanup.note)?.note;
    return {
        manifests: sum(cleanups, (cleanup) => cleanup.manifests),
        deleted: sum(cleanups, (cleanup) => cleanup.deleted),
        failed: sum(cleanups, (cleanup) => cleanup.failed),
        ...(note ? { note } : {}),
    };
}
/** Per tool: each job ran the same comparison, so its iterations add up as the bench's do. */
function mergeCompare(results, seconds) {
    const byTool = new Map();
    for (const result of results)
        for (const compare of result.compare)
            byTool.set(compare.tool, [...(byTool.get(compare.tool) ?? []), compare]);
    return [...byTool.entries()].map(([tool, parts]) => {
        const ran = parts.filter((part) => part.available && part.iterations);
        if (ran.length === 0)
            return parts[0];
        return {
            tool,
            available: true,
            note: ran[0].note,
            ...(ran[0].version ? { version: ran[0].version } : {}),
            iterations: mergeIterations(ran.map((part) => part.iterations), seconds),
            scenarios: mergeScenarioIterations(ran.map((part) => part.scenarios ?? {}), seconds),
            toolCpuSeconds: round(sum(ran, (part) => part.toolCpuSeconds ?? 0), 3),
            seconds: Math.max(...ran.map((part) => part.seconds ?? 0)),
            errorSamples: distinct(ran.flatMap((part) => part.errorSamples ?? [])),
        };
    });
}
const distinct = (messages) => [...new Set(messages)].slice(0, merge_MAX_ERROR_SAMPLES);
const joined = (values) => [...new Set(values)].join(', ');
/** The scenario of the whole: the measured settings are common; users and iterations add up. */
function mergeScenario(specs) {
    const durations = specs.flatMap((spec) => spec.durationSeconds === null ? [] : [spec.durationSeconds]);
    const iterations = specs.flatMap((spec) => (spec.iterations === null ? [] : [spec.iterations]));
    return {
        ...specs[0],
        vus: sum(specs, (spec) => spec.vus),
        durationSeconds: durations.length === 0 ? null : Math.max(...durations),
        rampUpSeconds: Math.max(...specs.map((spec) => spec.rampUpSeconds)),
        iterations: iterations.length === 0 ? null : sum(iterations, (count) => count),
        images: Math.max(...specs.map((spec) => spec.images)),
        repoPrefix: joined(specs.map((spec) => spec.repoPrefix)),
        ...(specs[0].rate
            ? {
                rate: specs[0].rate.map((stage, index) => ({
                    ...stage,
                    perSecond: sum(specs, (spec) => spec.rate?.[index]?.perSecond ?? 0),
                })),
            }
            : {}),
    };
}
/** The open model's schedules added up, step by step (the steps line up: checkMergeable). */
function mergeArrivals(results, seconds) {
    const all = results.flatMap((result) => (result.arrivals ? [result.arrivals] : []));
    if (all.length === 0)
        return undefined;
    const asked = sum(all, (arrivals) => arrivals.asked);
    const started = sum(all, (arrivals) => arrivals.started);
    return {
        asked,
        started,
        dropped: sum(all, (arrivals) => arrivals.dropped),
        askedPerSecond: perSecond(asked, seconds, 3),
        startedPerSecond: perSecond(started, seconds, 3),
        stages: all[0].stages.map((stage, index) => {
            const steps = all.map((arrivals) => arrivals.stages[index]);
            const stepStarted = sum(steps, (step) => step.started);
            return {
                perSecond: sum(steps, (step) => step.perSecond),
                seconds: stage.seconds,
                asked: sum(steps, (step) => step.asked),
                started: stepStarted,
                dropped: sum(steps, (step) => step.dropped),
                startedPerSecond: perSecond(stepStarted, stage.seconds, 3),
            };
        }),
    };
}
/** The failure that stopped the first job stopped by one. */
const stopErrorOf = (results) => results.find((result) => result.stopError)?.stopError;
function mergeStopReason(reasons) {
    if (reasons.includes('interrupted'))
        return 'interrupted';
    if (reasons.includes('auth-failed'))
        return 'auth-failed';
    return reasons.every((reason) => reason === reasons[0]) ? reasons[0] : 'duration';
}
/**
 * Adds up the results of several runs of one scenario (a matrix of runners): histograms are
 * added (percentiles of the union, never averages of percentiles), counts, errors and bytes
 * summed, the per-second series aligned on epoch seconds, and each job's start skew and share
 * listed. The result is a bench result like the others: it merges again.
 */
function mergeResults(inputs) {
    checkMergeable(inputs);
    const results = inputs.map((input) => input.result);
    const first = results[0];
    const startedAtMs = Math.min(...results.map((result) => result.startedAtMs));
    const endedAtMs = Math.max(...results.map((result) => result.endedAtMs));
    const seconds = (endedAtMs - startedAtMs) / 1000;
    const kinds = mergeKinds(results, seconds);
    const series = mergeSeries(results);
    const arrivals = mergeArrivals(results, seconds);
    const kindList = Object.values(kinds);
    const requests = sum(kindList, (kind) => kind.count);
    const bytesSent = sum(kindList, (kind) => kind.bytesSent);
    const bytesReceived = sum(kindList, (kind) => kind.bytesReceived);
    const jobs = inputs
        .flatMap(({ file, result }) => jobsOf(file, result))
        .sort((a, b) => a.startedAtMs - b.startedAtMs)
        .map((job) => ({
        ...job,
        startSkewMs: job.startedAtMs - startedAtMs,
        share: round(requests > 0 ? job.requests / requests : 0, 4),
    }));
    const startAts = [...new Set(jobs.map((job) => job.startAtMs))];
    const startAtMs = startAts.length === 1 ? startAts[0] : null;
    return {
        format: RESULT_FORMAT,
        tool: first.tool,
        scenario: mergeScenario(results.map((result) => result.scenario)),
        registry: first.registry,
        runId: `merged-${(0,external_node_crypto_.createHash)('sha256')
            .update(jobs.map((job) => job.runId).join('\n'))
            .digest('hex')
            .slice(0, 12)}`,
        host: {
            hostname: joined(results.map((result) => result.host.hostname)),
            cpus: sum(results, (result) => result.host.cpus),
            platform: joined(results.map((result) => result.host.platform)),
            arch: joined(results.map((result) => result.host.arch)),
            node: joined(results.map((result) => result.host.node)),
        },
        startedAt: new Date(startedAtMs).toISOString(),
        endedAt: new Date(endedAtMs).toISOString(),
        startedAtMs,
        endedAtMs,
        ...(startAtMs === null || startAtMs === undefined ? {} : { startAtMs }),
        seconds: round(seconds, 3),
        stopReason: mergeStopReason(results.map((result) => result.stopReason)),
        ...(stopErrorOf(results) ? { stopError: stopErrorOf(results) } : {}),
        histogram: first.histogram,
        totals: {
            requests,
            errors: sum(kindList, (kind) => kind.errors),
            interrupted: sum(kindList, (kind) => kind.interrupted),
            bytesSent,
            bytesReceived,
            requestsPerSecond: perSecond(requests, seconds, 3),
            megabytesPerSecond: perSecond((bytesSent + bytesReceived) / 1e6, seconds, 3),
            errorsByStatus: addCounts(kindList.map((kind) => kind.errorsByStatus)),
            latency: percentilesOf(unionOf(kindList.map((kind) => kind.histograms.latency))),
            ttfb: percentilesOf(unionOf(kindList.map((kind) => kind.histograms.ttfb))),
            tlsProbes: sum(results, (result) => result.totals.tlsProbes),
            connections: sum(results, (result) => result.totals.connections),
        },
        kinds,
        ...(arrivals ? { arrivals } : {}),
        iterations: {
            total: mergeIterations(results.map((result) => result.iterations.total), seconds),
            scenarios: mergeScenarioIterations(results.map((result) => result.iterations.scenarios), seconds),
        },
        series,
        untimed: {
            setup: mergePhase(results.map((result) => result.untimed.setup)),
            cleanup: mergePhase(results.map((result) => result.untimed.cleanup)),
        },
        cpu: mergeCpu(results),
        cleanup: mergeCleanup(results),
        compare: mergeCompare(results, seconds),
        errorSamples: distinct(results.flatMap((result) => result.errorSamples)),
        merged: {
            jobs,
            startSpreadMs: Math.max(...jobs.map((job) => job.startedAtMs)) - startedAtMs,
        },
    };
}
/** The result files named, globs expanded. */
const expandResultPaths = (patterns) => (0,paths/* expandPaths */.p)(patterns, 'result file', 'USAGE');
/** Reads bench results (JSON files written by --out, or merged ones). */
async function readResults(paths) {
    return Promise.all(paths.map(async (file) => {
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (error) {
            throw new errors/* TarPushError */.q$('USAGE', `cannot read ${file}: ${error.code ?? error}`, { subject: file, hint: 'pass the JSON files bench --out wrote' });
        }
        try {
            return { file, result: JSON.parse(text) };
        }
        catch (error) {
            throw new errors/* TarPushError */.q$('USAGE', `${file} is not JSON: ${error.message}`, {
                subject: file,
                hint: 'pass the JSON files bench --out wrote',
            });
        }
    }));
}

;// CONCATENATED MODULE: ./src/lib/loadtest/start-at.ts


/** Furthest ahead a start may be: a matrix's jobs start within minutes of each other. */
const START_AT_MAX_AHEAD_MS = 60 * 60_000;
/**
 * How late a start may be and still run (at once, with a warning): a runner picked up a little
 * late. Further in the past is a mistake (a stale timestamp, milliseconds taken for seconds).
 */
const START_AT_MAX_LATE_MS = 60_000;
const HINT = 'give an instant within the next hour: ISO 8601 with a zone (2025-06-01T12:00:00Z) or epoch seconds ($(date -d +2min +%s))';
/** `2025-06-01T12:00:00Z`, `2025-06-01T14:00:00.500+02:00` or epoch seconds (`1748779200`). */
function parseStartAt(text, flag = '--start-at') {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
    const ms = iso ? Date.parse(trimmed) : Number.NaN;
    if (Number.isNaN(ms)) {
        const zoneless = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(trimmed);
        throw new errors/* TarPushError */.q$('USAGE', zoneless
            ? `${flag} "${text}" has no time zone: runners' clocks may differ in theirs`
            : `${flag} "${text}" is not an instant`, { subject: flag, hint: HINT });
    }
    return ms;
}
const describeGap = (ms) => ms >= 120_000 ? `${(ms / 60_000).toFixed(0)} min` : `${(ms / 1000).toFixed(1)} s`;
/** Refuses an instant more than an hour ahead or more than a minute past. */
function checkStartAt(atMs, nowMs = Date.now(), flag = '--start-at') {
    const when = new Date(atMs).toISOString();
    if (atMs - nowMs > START_AT_MAX_AHEAD_MS)
        throw new errors/* TarPushError */.q$('USAGE', `${flag} ${when} is ${describeGap(atMs - nowMs)} away; at most 1 h ahead is waited for`, { subject: flag, hint: HINT });
    if (nowMs - atMs > START_AT_MAX_LATE_MS)
        throw new errors/* TarPushError */.q$('USAGE', `${flag} ${when} was ${describeGap(nowMs - atMs)} ago; a start up to 1 min late runs at once, not later`, { subject: flag, hint: HINT });
}
/** Below this a late start is the timer's noise, not worth a warning. */
const LATE_NOTICE_MS = 250;
/**
 * Waits until the instant (rejects with the signal's reason when aborted). A start already past
 * runs at once, with a warning saying by how much: the result records the instant, and a merge
 * reports each job's lateness.
 */
async function waitUntil(atMs, logger, signal) {
    const wait = atMs - Date.now();
    const when = new Date(atMs).toISOString();
    if (wait <= 0) {
        if (-wait >= LATE_NOTICE_MS)
            logger.warn(`bench: --start-at ${when} passed ${describeGap(-wait)} ago; starting now`);
        return;
    }
    logger.info(`bench: waiting ${describeGap(wait)} for --start-at ${when}`);
    await (0,external_node_timers_promises_.setTimeout)(wait, undefined, { signal });
}

;// CONCATENATED MODULE: ./src/lib/loadtest/workers.ts










/**
 * `--workers N`: one process drives several cores. Each worker thread runs the same entry point
 * as this one (the CLI, the action) with the same arguments; `runBench` sees the assignment in
 * its workerData and runs the worker's share of users, iterations and rate. The threads start
 * their measured runs together, after each has connected and seeded, and their results are
 * merged as a matrix's are: histograms added, counts summed.
 */
const MARK = 'tarPushBenchWorker';
/** This thread's assignment when it is a bench worker, else undefined. */
function workerAssignment() {
    if (external_node_worker_threads_.isMainThread)
        return undefined;
    const data = external_node_worker_threads_.workerData;
    return data?.[MARK] === true ? data : undefined;
}
/** `4`, or `auto`: one thread per core this process may use. */
function parseWorkers(text) {
    const count = text.trim() === 'auto' ? (0,external_node_os_.availableParallelism)() : Number(text);
    if (!Number.isInteger(count) || count < 1 || count > 256)
        throw new errors/* TarPushError */.q$('USAGE', `--workers "${text}" is not a thread count from 1 to 256`, {
            hint: 'e.g. --workers 2, or --workers auto for one per core',
        });
    return count;
}
/** `total` shared out as evenly as whole numbers allow. */
const shareOut = (total, parts) => Array.from({ length: parts }, (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0));
/** Gives the measured run a little time for every thread to be told when it starts. */
const START_MARGIN_MS = 100;
/** In a worker thread: the share of the run, its result posted to the main thread. */
async function runAsWorker(options, assignment) {
    const port = external_node_worker_threads_.parentPort;
    const post = (message) => port.postMessage(message);
    const stop = new AbortController();
    let go;
    const started = new Promise((resolve) => (go = resolve));
    port.on('message', (message) => {
        if (message.type === 'go')
            go?.(message.startAtMs);
        else
            stop.abort();
    });
    try {
        const result = await runBenchAlone({
            ...options,
            vus: assignment.vus,
            iterations: assignment.iterations,
            rates: assignment.rates,
            jtl: assignment.jtl,
            workers: 1,
            compare: [],
            startAtMs: undefined,
            connect: {
                ...options.connect,
                ...(assignment.password === undefined ? {} : { password: assignment.password }),
            },
            logger: log/* silentLogger */.q,
            onProgress: (progress) => post({ type: 'progress', progress }),
            signal: stop.signal,
        }, {
            firstVu: assignment.firstVu,
            beforeStart: async (signal) => {
                post({ type: 'ready' });
                await waitUntil(await started, log/* silentLogger */.q, signal);
            },
        });
        post({ type: 'result', result });
    }
    catch (error) {
        const failure = error instanceof errors/* TarPushError */.q$
            ? error
            : new errors/* TarPushError */.q$('REGISTRY_ERROR', String(error?.message ?? error));
        post({ type: 'failed', code: failure.code, message: failure.message, hint: failure.hint });
    }
    // The main thread ends this thread once it has the result: the entry point's own ending (its
    // report, its exit code) is the main thread's.
    return new Promise(() => { });
}
/** In the main thread: starts the workers, relays stops and progress, merges their results. */
async function runWithWorkers(options) {
    const spec = scenarioSpec(options);
    if (options.compare?.length)
        throw new errors/* TarPushError */.q$('USAGE', '--compare runs with one worker', {
            hint: 'drop --workers, or run the comparison in a run of its own',
        });
    if (options.startAtMs !== undefined)
        checkStartAt(options.startAtMs);
    const count = Math.min(options.workers ?? 1, spec.vus, spec.iterations ?? Infinity);
    const vus = shareOut(spec.vus, count);
    const iterations = spec.iterations === null ? undefined : shareOut(spec.iterations, count);
    const entry = process.argv[1];
    if (!entry)
        throw new errors/* TarPushError */.q$('USAGE', '--workers needs a script to start the threads with');
    const threads = [];
    const results = new Array(count);
    const progress = [];
    let firstVu = 1;
    for (let index = 0; index < count; index++) {
        const assignment = {
            [MARK]: true,
            index,
            firstVu,
            vus: vus[index],
            iterations: iterations?.[index],
            rates: options.rates?.map((rate) => rate / count),
            jtl: options.jtl === undefined ? undefined : `${options.jtl}.worker-${index + 1}`,
            password: options.connect?.password,
        };
        firstVu += vus[index];
        const thread = new external_node_worker_threads_.Worker(entry, {
            argv: process.argv.slice(2),
            workerData: assignment,
            // A password read from standard input is read again there: hand it over.
            stdin: true,
        });
        thread.stdin?.end(options.connect?.password ?? '');
        threads.push(thread);
    }
    const send = (message) => {
        for (const thread of threads)
            thread.postMessage(message);
    };
    const onStop = () => send({ type: 'stop' });
    options.signal?.addEventListener('abort', onStop);
    let ready = 0;
    let cpuAtStart = 0;
    let registryAtStart;
    try {
        await Promise.all(threads.map((thread, index) => new Promise((resolve, reject) => {
            thread.on('message', (message) => {
                if (message.type === 'ready' && ++ready === count) {
                    const startAtMs = Math.max(options.startAtMs ?? 0, Date.now() + START_MARGIN_MS);
                    void waitUntil(startAtMs, log/* silentLogger */.q).then(() => {
                        cpuAtStart = ownCpuSeconds();
                        if (options.registryPid !== undefined)
                            registryAtStart = processCpuSeconds(options.registryPid);
                    });
                    send({ type: 'go', startAtMs });
                }
                else if (message.type === 'progress') {
                    progress[index] = message.progress;
                    if (progress.filter(Boolean).length === count)
                        options.onProgress?.(addProgress(progress));
                }
                else if (message.type === 'result') {
                    results[index] = message.result;
                    resolve();
                }
                else if (message.type === 'failed') {
                    reject(new errors/* TarPushError */.q$(message.code, message.message, { hint: message.hint }));
                }
            });
            thread.on('error', reject);
            thread.on('exit', (code) => {
                if (!results[index])
                    reject(new errors/* TarPushError */.q$('REGISTRY_ERROR', `bench worker ${index + 1} exited (${code})`));
            });
        })));
    }
    catch (error) {
        send({ type: 'stop' });
        throw error;
    }
    finally {
        options.signal?.removeEventListener('abort', onStop);
        await Promise.all(threads.map((thread) => thread.terminate()));
    }
    const cpuSeconds = ownCpuSeconds() - cpuAtStart;
    const registryNow = options.registryPid === undefined ? undefined : processCpuSeconds(options.registryPid);
    if (options.jtl !== undefined)
        await joinJtl(options.jtl, count);
    return asOneRun(results, {
        cpuSeconds,
        registrySeconds: registryNow !== undefined && registryAtStart !== undefined
            ? registryNow - registryAtStart
            : undefined,
    });
}
/**
 * The workers' results as one run's: merged exactly (merge.ts), then what a merge of separate
 * machines adds up but threads of one process share: the host, and the CPU, which each thread
 * reads for the whole process (so the main thread's reading over the run stands).
 */
function asOneRun(results, cpu) {
    const merged = mergeResults(results.map((result, index) => ({ file: `worker ${index + 1}`, result })));
    const wall = Math.max(1, merged.seconds);
    const busiest = (t, pick) => Math.max(0, ...results.flatMap((result) => result.series.filter((s) => s.t === t).map(pick)));
    const registry = results[0].cpu.registry;
    return {
        ...merged,
        runId: results[0].runId,
        host: results[0].host,
        merged: undefined,
        workers: results.length,
        series: merged.series.map((second) => ({
            ...second,
            generatorCores: busiest(second.t, (s) => s.generatorCores),
            registryCores: registry ? busiest(second.t, (s) => s.registryCores ?? 0) : null,
        })),
        cpu: {
            generator: {
                seconds: round(cpu.cpuSeconds, 3),
                cores: round(cpu.cpuSeconds / wall, 3),
                peakCores: Math.max(0, ...results.map((result) => result.cpu.generator.peakCores)),
                eventLoopDelayP99Ms: Math.max(...results.map((result) => result.cpu.generator.eventLoopDelayP99Ms)),
            },
            registry: registry && cpu.registrySeconds !== undefined
                ? {
                    ...registry,
                    seconds: round(cpu.registrySeconds, 3),
                    cores: round(cpu.registrySeconds / wall, 3),
                    peakCores: Math.max(...results.map((result) => result.cpu.registry?.peakCores ?? 0)),
                }
                : null,
        },
    };
}
function addProgress(parts) {
    const total = (pick) => parts.reduce((sum, part) => sum + pick(part), 0);
    const first = parts[0];
    return {
        ...first,
        iterations: total((part) => part.iterations),
        iterationsTarget: first.iterationsTarget === null ? null : total((part) => part.iterationsTarget ?? 0),
        activeVus: total((part) => part.activeVus),
        vus: total((part) => part.vus),
        requests: total((part) => part.requests),
        errors: total((part) => part.errors),
        requestsPerSecond: total((part) => part.requestsPerSecond),
        megabytesPerSecond: total((part) => part.megabytesPerSecond),
        p95Ms: Math.max(...parts.map((part) => part.p95Ms)),
        generatorCores: Math.max(...parts.map((part) => part.generatorCores)),
    };
}
/** The workers' JTL files as one (one header), in worker order; theirs are removed. */
async function joinJtl(path, count) {
    await (0,promises_.writeFile)(path, '');
    for (let index = 1; index <= count; index++) {
        const part = `${path}.worker-${index}`;
        const text = await (0,promises_.readFile)(part, 'utf8');
        await (0,promises_.appendFile)(path, index === 1 ? text : text.slice(text.indexOf('\n') + 1));
        await (0,promises_.rm)(part, { force: true });
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/lib/digest.ts
var digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/image/media-types.ts
var media_types = __webpack_require__(5489);
;// CONCATENATED MODULE: ./src/lib/loadtest/image.ts









/** Upload chunks: small enough that thousands of users in flight stay in memory. */
const CHUNK = 256 * 1024;
const DIGEST_CHUNK = 1024 * 1024;
const ZEROS = Buffer.alloc(DIGEST_CHUNK);
const IV = Buffer.alloc(16);
const TAR_BLOCK = 512;
/** The largest size a ustar header holds (11 octal digits). */
const MAX_LAYER_CONTENT = 8 ** 11 - 1;
/** The size of a layer blob whose one file holds `contentSize` bytes: header, padding, end. */
const layerBlobSize = (contentSize) => TAR_BLOCK + Math.ceil(contentSize / TAR_BLOCK) * TAR_BLOCK + 2 * TAR_BLOCK;
function octal(value, width) {
    return value.toString(8).padStart(width - 1, '0') + '\0';
}
/** A ustar header for one regular file: enough for any tool that unpacks the layer. */
function tarHeader(name, size) {
    const header = Buffer.alloc(TAR_BLOCK);
    header.write(name, 0, 100, 'utf8');
    header.write(octal(0o644, 8), 100, 'ascii');
    header.write(octal(0, 8), 108, 'ascii');
    header.write(octal(0, 8), 116, 'ascii');
    header.write(octal(size, 12), 124, 'ascii');
    header.write(octal(0, 12), 136, 'ascii');
    header.write('        ', 148, 'ascii');
    header.write('0', 156, 'ascii');
    header.write('ustar\0', 257, 'ascii');
    header.write('00', 263, 'ascii');
    let checksum = 0;
    for (const byte of header)
        checksum += byte;
    header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    return header;
}
/**
 * The layer's bytes: a tar holding one file of pseudo-random content. AES-128-CTR over zeros
 * under a fresh random key is the generator: native (AES-NI), a few GB/s, repeatable for the
 * same key (so the digest pass and the upload see the same bytes) and never equal between layers,
 * so no registry can deduplicate them.
 */
function* layerChunks(key, name, contentSize, chunkSize = CHUNK) {
    yield tarHeader(name, contentSize);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-128-ctr', key, IV);
    for (let remaining = contentSize; remaining > 0; remaining -= chunkSize) {
        yield cipher.update(ZEROS.subarray(0, Math.min(chunkSize, remaining)));
    }
    const padding = (TAR_BLOCK - (contentSize % TAR_BLOCK)) % TAR_BLOCK;
    yield Buffer.alloc(padding + 2 * TAR_BLOCK);
}
/**
 * A fresh random layer. Its digest is computed first, in slices that leave the event loop free
 * for the other virtual users (a client that HEADs before uploading must know it, as docker does).
 */
async function randomLayer(contentSize, name = 'bench/random.bin') {
    const key = (0,external_node_crypto_.randomBytes)(16);
    const stream = () => external_node_stream_.Readable.from(layerChunks(key, name, contentSize), { objectMode: false });
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    let sinceYield = 0;
    // Bigger slices here than in the upload (CTR output does not depend on how it is cut).
    for (const chunk of layerChunks(key, name, contentSize, DIGEST_CHUNK)) {
        hash.update(chunk);
        size += chunk.length;
        sinceYield += chunk.length;
        if (sinceYield >= DIGEST_CHUNK) {
            sinceYield = 0;
            await (0,external_node_timers_promises_.setImmediate)();
        }
    }
    return {
        mediaType: media_types/* MediaType */.zu.ociLayer,
        digest: `sha256:${hash.digest('hex')}`,
        size,
        open: stream,
    };
}
/** Bytes at the end of a pooled layer's content that are new in every layer. */
const FRESH_BYTES = 32;
/** Layers up to this size come from a pool (held in memory once); larger ones are streamed. */
const MAX_POOLED_LAYER_CONTENT = 256 * 1024 * 1024;
/**
 * Fresh layers without making megabytes of random bytes per iteration: every layer is the same
 * random content (made once) with its last 32 bytes new, so every digest is new and no registry
 * can deduplicate it. The SHA-256 state after the shared part is computed once per file name and
 * copied, so a layer's digest costs hashing its last block, not its whole size.
 */
class LayerPool {
    #contentSize;
    #shared;
    #trailer;
    #prefixes = new Map();
    constructor(contentSize) {
        this.#contentSize = contentSize;
        this.#shared = (0,external_node_crypto_.randomBytes)(Math.max(0, contentSize - FRESH_BYTES));
        const padding = (TAR_BLOCK - (contentSize % TAR_BLOCK)) % TAR_BLOCK;
        this.#trailer = Buffer.alloc(padding + 2 * TAR_BLOCK);
    }
    layer(name) {
        let prefix = this.#prefixes.get(name);
        if (!prefix) {
            const header = tarHeader(name, this.#contentSize);
            prefix = { header, hash: (0,external_node_crypto_.createHash)('sha256').update(header).update(this.#shared) };
            this.#prefixes.set(name, prefix);
        }
        const fresh = (0,external_node_crypto_.randomFillSync)(Buffer.allocUnsafe(this.#contentSize - this.#shared.length));
        const parts = [prefix.header, this.#shared, fresh, this.#trailer];
        const digest = prefix.hash.copy().update(fresh).update(this.#trailer).digest('hex');
        return {
            mediaType: media_types/* MediaType */.zu.ociLayer,
            digest: `sha256:${digest}`,
            size: parts.reduce((sum, part) => sum + part.length, 0),
            open: () => external_node_stream_.Readable.from(parts, { objectMode: false }),
        };
    }
}
const json = (value, mediaType) => {
    const bytes = Buffer.from(JSON.stringify(value));
    return { bytes, digest: (0,digest/* sha256 */.sc)(bytes), mediaType };
};
/** An OCI image of `layers` random layers of `layerSize` bytes of content each. */
async function randomImage(options) {
    const layers = [];
    for (let index = 0; index < options.layers; index++) {
        const name = `bench/layer-${index}.bin`;
        layers.push(options.pool ? options.pool.layer(name) : await randomLayer(options.layerSize, name));
    }
    const config = json({
        architecture: 'amd64',
        os: 'linux',
        config: { Labels: { 'org.opencontainers.image.title': `tar-push bench ${options.label}` } },
        rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
        history: layers.map(() => ({ created_by: 'tar-push bench (random bytes)' })),
    }, media_types/* MediaType */.zu.ociConfig);
    const manifest = json({
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.ociManifest,
        config: { mediaType: config.mediaType, digest: config.digest, size: config.bytes.length },
        layers: layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size })),
    }, media_types/* MediaType */.zu.ociManifest);
    return {
        layers,
        config: { ...config, size: config.bytes.length },
        manifest,
        blobBytes: config.bytes.length + layers.reduce((sum, layer) => sum + layer.size, 0),
    };
}
/** Writes the image as an OCI image layout (for `skopeo copy oci:DIR:TAG`), tagged `tag`. */
async function writeOciLayout(image, dir, tag) {
    const blobs = (0,external_node_path_.join)(dir, 'blobs', 'sha256');
    await (0,promises_.mkdir)(blobs, { recursive: true });
    for (const layer of image.layers) {
        await (0,external_node_stream_promises_.pipeline)(layer.open(), (0,external_node_fs_.createWriteStream)((0,external_node_path_.join)(blobs, (0,digest/* hexOf */.ZD)(layer.digest))));
    }
    await (0,promises_.writeFile)((0,external_node_path_.join)(blobs, (0,digest/* hexOf */.ZD)(image.config.digest)), image.config.bytes);
    await (0,promises_.writeFile)((0,external_node_path_.join)(blobs, (0,digest/* hexOf */.ZD)(image.manifest.digest)), image.manifest.bytes);
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'index.json'), JSON.stringify({
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.ociIndex,
        manifests: [
            {
                mediaType: image.manifest.mediaType,
                digest: image.manifest.digest,
                size: image.manifest.bytes.length,
                annotations: { 'org.opencontainers.image.ref.name': tag },
            },
        ],
    }));
}
/**
 * A generated image as an image source (the engine's view of it): uncompressed tar layers whose
 * diff_ids are their digests, an OCI manifest, tagged `tag`.
 */
function generatedSource(random, tag) {
    const image = {
        kind: 'image',
        flavor: 'oci',
        config: random.config,
        diffIds: random.layers.map((layer) => layer.digest),
        layers: random.layers.map((layer) => ({
            diffId: layer.digest,
            compression: 'none',
            storedDigest: layer.digest,
            mediaType: layer.mediaType,
            isTar: true,
            content: {
                origin: `generated layer ${layer.digest}`,
                size: layer.size,
                open: async () => layer.open(),
            },
        })),
        manifest: random.manifest,
        platform: { os: 'linux', architecture: 'amd64' },
    };
    return {
        name: 'generated image',
        entries: [{ refs: [tag], artifact: image }],
        close: async () => { },
    };
}

;// CONCATENATED MODULE: ./src/lib/loadtest/schedule.ts


/**
 * Hands out iteration numbers to virtual users until the run stops: `--iterations` are shared
 * by all users (exactly that many start), and the deadline or a stop ends the handing out.
 */
class IterationSchedule {
    #limit;
    #next = 0;
    #stopped;
    #over = new AbortController();
    constructor(limit) {
        this.#limit = limit;
    }
    /** The next iteration's number, or undefined when no more may start. */
    claim() {
        if (this.#stopped)
            return undefined;
        if (this.#limit !== undefined && this.#next >= this.#limit) {
            this.stop('iterations');
            return undefined;
        }
        return this.#next++;
    }
    stop(reason) {
        this.#stopped ??= reason;
        this.#over.abort();
    }
    /** Aborts when no more iterations may start: users still waiting to ramp up give up. */
    get over() {
        return this.#over.signal;
    }
    /** Why it stopped (the first reason wins), or undefined while iterations are handed out. */
    get stopped() {
        return this.#stopped;
    }
    get claimed() {
        return this.#next;
    }
}
/**
 * The scenario of each iteration of a mixed run, by smooth weighted round-robin (nginx's): the
 * mix is exact over every `sum of weights` iterations and spread evenly, not drawn at random,
 * so repeated runs do the same work.
 */
function mixCycle(mix) {
    const weighted = SCENARIO_NAMES.map((name) => ({ name, weight: mix[name] ?? 0 })).filter(({ weight }) => weight > 0);
    const divisor = weighted.reduce((d, { weight }) => gcd(d, weight), 0);
    const entries = weighted.map(({ name, weight }) => ({
        name,
        weight: weight / divisor,
        current: 0,
    }));
    const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
    const cycle = [];
    for (let step = 0; step < total; step++) {
        for (const entry of entries)
            entry.current += entry.weight;
        const best = entries.reduce((a, b) => (b.current > a.current ? b : a));
        best.current -= total;
        cycle.push(best.name);
    }
    return cycle;
}
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
/** Parses `push=20,pull=80` (weights are whole numbers; missing scenarios weigh 0). */
function parseMix(text) {
    const mix = {};
    for (const part of text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)) {
        const match = /^([a-z]+)\s*[=:]\s*(\d+)$/.exec(part);
        const name = match?.[1];
        if (!match || !name || !SCENARIO_NAMES.includes(name)) {
            throw new errors/* TarPushError */.q$('USAGE', `--mix: "${part}" is not scenario=weight`, {
                hint: `name push, pull or head with a whole-number weight, e.g. --mix push=20,pull=80`,
            });
        }
        const weight = Number(match[2]);
        if (weight > 1000) {
            throw new errors/* TarPushError */.q$('USAGE', `--mix: the weight of ${name} is over 1000`, {
                hint: 'weights are relative: push=1,pull=4 is the same mix as push=20,pull=80',
            });
        }
        mix[name] = weight;
    }
    if (Object.values(mix).every((weight) => !weight)) {
        throw new errors/* TarPushError */.q$('USAGE', '--mix gives no scenario a weight above 0', {
            hint: 'e.g. --mix push=20,pull=80',
        });
    }
    return mix;
}

;// CONCATENATED MODULE: ./src/lib/loadtest/compare.ts











const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const STDERR_TAIL = 2000;
/** The tool's version, or why it cannot be used here. */
async function availability(tool) {
    try {
        if (tool === 'skopeo') {
            const { stdout } = await run('skopeo', ['--version'], { timeout: 10_000 });
            return { version: stdout.trim().replace(/^skopeo version /, '') };
        }
        // The docker CLI alone is not enough: pushes and pulls go through the daemon.
        const { stdout } = await run('docker', ['version', '--format', '{{.Server.Version}}'], {
            timeout: 10_000,
        });
        return { version: stdout.trim() };
    }
    catch (error) {
        const failure = error;
        if (failure.code === 'ENOENT')
            return { missing: `${tool} is not installed` };
        const detail = (failure.stderr ?? failure.message ?? '').trim().split('\n').at(-1);
        return {
            missing: tool === 'docker'
                ? `no docker daemon answers here (${detail}); docker push/pull need one`
                : `skopeo --version failed: ${detail}`,
        };
    }
}
/**
 * TLS and credentials for the tool's processes. Credentials go in a temporary auth file (mode
 * 600), never on a command line where `ps` would show them; without credentials the tools read
 * the docker config themselves, as the bench did.
 */
async function toolAccess(registry, connect, plainHttp) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tar-push-bench-tool-'));
    const flags = [];
    const env = { ...process.env };
    if (plainHttp || connect.insecure)
        flags.push('tls-verify=false');
    else if (connect.caFile) {
        const certDir = (0,external_node_path_.join)(dir, 'certs');
        await (0,promises_.mkdir)(certDir);
        await (0,promises_.copyFile)(connect.caFile, (0,external_node_path_.join)(certDir, 'ca.crt'));
        flags.push(`cert-dir=${certDir}`);
    }
    let authFile;
    if (connect.username && connect.password) {
        authFile = (0,external_node_path_.join)(dir, 'auth.json');
        const auth = Buffer.from(`${connect.username}:${connect.password}`).toString('base64');
        await (0,promises_.writeFile)(authFile, JSON.stringify({ auths: { [registry]: { auth } } }), { mode: 0o600 });
        env['REGISTRY_AUTH_FILE'] = authFile;
    }
    return {
        skopeo: (side) => [
            ...flags.map((flag) => `--${side ? `${side}-` : ''}${flag}`),
            ...(authFile ? [side ? `--${side}-authfile=${authFile}` : `--authfile=${authFile}`] : []),
        ],
        env,
        cleanup: () => (0,promises_.rm)(dir, { recursive: true, force: true }),
    };
}
/** Runs one process to its end; a non-zero exit is an error carrying its stderr's tail. */
function runProcess(command, args, env, children) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
        children.add(child);
        let stderr = '';
        child.stderr?.on('data', (chunk) => {
            stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
        });
        child.on('error', (error) => {
            children.delete(child);
            reject(error);
        });
        child.on('close', (code, signal) => {
            children.delete(child);
            if (code === 0)
                resolve();
            else
                reject(new Error(`${command} ${args[0]} exited with ${signal ?? code}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
        });
    });
}
/**
 * The same scenario driven through the tool's processes, one at a time per virtual user, for as
 * long (or as many iterations) as the raw-HTTP run: `skopeo copy oci:… docker://…` per push
 * (layers sent as they are, --dest-decompress, so the bytes on the wire equal the bench's),
 * `skopeo copy docker://… dir:…` per pull, `skopeo inspect --raw` per head; with docker,
 * `docker push`, `docker pull` and `docker manifest inspect`. Making the local image before a
 * push and removing what a pull wrote are not timed.
 */
async function runCompare(options) {
    const { tool, spec, registry, logger } = options;
    const found = await availability(tool);
    if (found.missing) {
        logger.warn(`--compare ${tool}: not available: ${found.missing}`);
        return { result: { tool, available: false, note: found.missing }, pushed: [] };
    }
    logger.info(`bench: the same scenario through ${tool} ${found.version} processes`);
    const access = await toolAccess(registry, options.connect, options.plainHttp);
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `tar-push-bench-${tool}-`));
    const children = new Set();
    const schedule = new IterationSchedule(spec.iterations ?? undefined);
    const cycle = mixCycle(spec.mix);
    const all = new IterationStats();
    const scenarios = new Map();
    const pushed = [];
    const errorSamples = [];
    const stopNow = () => {
        schedule.stop('interrupted');
        for (const child of children)
            child.kill('SIGTERM');
    };
    options.signal.addEventListener('abort', stopNow);
    const cpuBefore = childrenCpuSeconds();
    const startedAt = Date.now();
    const deadline = spec.durationSeconds === null
        ? undefined
        : setTimeout(() => schedule.stop('duration'), spec.durationSeconds * 1000);
    const reference = (repository, tag) => `${registry}/${repository}:${tag}`;
    const iterate = async (vu, number, scenario) => {
        const target = options.seeded[number % Math.max(1, options.seeded.length)];
        const scratch = (0,external_node_path_.join)(work, `vu-${vu}-${number}`);
        try {
            if (scenario === 'push') {
                const repository = `${spec.repoPrefix}${tool}-vu-${vu}`;
                const tag = `${options.runId}-${number}`;
                const image = await randomImage({ ...spec, label: `${options.runId}-${tool}-${number}` });
                await writeOciLayout(image, scratch, 'latest');
                const destination = reference(repository, tag);
                if (tool === 'docker')
                    await runProcess('skopeo', ['copy', '--quiet', `oci:${scratch}:latest`, `docker-daemon:${destination}`], access.env, children);
                const started = performance.now();
                const command = tool === 'skopeo'
                    ? [
                        'copy',
                        '--quiet',
                        '--dest-decompress',
                        ...access.skopeo('dest'),
                        `oci:${scratch}:latest`,
                        `docker://${destination}`,
                    ]
                    : ['push', '--quiet', destination];
                await runProcess(tool, command, access.env, children);
                pushed.push({ repository, tag });
                return { ms: performance.now() - started, bytes: image.blobBytes };
            }
            const source = reference(target.repository, target.tag);
            const bytes = scenario === 'pull' ? target.blobs.reduce((sum, blob) => sum + blob.size, 0) : 0;
            const command = tool === 'skopeo'
                ? scenario === 'pull'
                    ? ['copy', '--quiet', ...access.skopeo('src'), `docker://${source}`, `dir:${scratch}`]
                    : ['inspect', '--raw', ...access.skopeo(''), `docker://${source}`]
                : scenario === 'pull'
                    ? ['pull', '--quiet', source]
                    : ['manifest', 'inspect', '--insecure', source];
            const started = performance.now();
            await runProcess(tool, command, access.env, children);
            return { ms: performance.now() - started, bytes };
        }
        finally {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
            if (tool === 'docker' && scenario !== 'head')
                await run('docker', ['rmi', '--force', reference(target.repository, target.tag)]).catch(() => undefined);
        }
    };
    const runVu = async (vu) => {
        const startDelay = (spec.rampUpSeconds * 1000 * (vu - 1)) / spec.vus;
        if (startDelay > 0)
            await (0,external_node_timers_promises_.setTimeout)(startDelay, undefined, { signal: schedule.over }).catch(() => { });
        for (let number = schedule.claim(); number !== undefined; number = schedule.claim()) {
            const scenario = cycle[number % cycle.length];
            let stats = scenarios.get(scenario);
            if (!stats)
                scenarios.set(scenario, (stats = new IterationStats()));
            try {
                const { ms, bytes } = await iterate(vu, number, scenario);
                for (const target of [stats, all])
                    target.record({ scenario, ms, outcome: 'ok', bytes });
            }
            catch (error) {
                const outcome = options.signal.aborted ? 'interrupted' : 'failed';
                for (const target of [stats, all])
                    target.record({ scenario, ms: 0, outcome, errorCode: 'PROCESS_FAILED', bytes: 0 });
                const message = error.message;
                if (outcome === 'failed' && errorSamples.length < 5 && !errorSamples.includes(message))
                    errorSamples.push(message);
            }
        }
    };
    try {
        await Promise.all(Array.from({ length: spec.vus }, (_, index) => runVu(index + 1)));
    }
    finally {
        clearTimeout(deadline);
        options.signal.removeEventListener('abort', stopNow);
        await (0,promises_.rm)(work, { recursive: true, force: true });
        await access.cleanup();
    }
    const seconds = (Date.now() - startedAt) / 1000;
    return {
        result: {
            tool,
            available: true,
            note: tool === 'skopeo'
                ? 'skopeo copy oci:DIR docker://… (--dest-decompress: the same bytes as the bench) per push, skopeo copy docker://… dir:… per pull, skopeo inspect --raw per head; one process at a time per virtual user'
                : 'docker push / docker pull / docker manifest inspect per iteration; one process at a time per virtual user',
            ...(found.version ? { version: found.version } : {}),
            iterations: all.result(seconds),
            scenarios: Object.fromEntries([...scenarios.entries()].map(([name, stats]) => [name, stats.result(seconds)])),
            toolCpuSeconds: round(childrenCpuSeconds() - cpuBefore, 3),
            seconds: round(seconds, 3),
            ...(errorSamples.length > 0 ? { errorSamples } : {}),
        },
        pushed,
    };
}

// EXTERNAL MODULE: ./src/lib/engine/copy.ts + 3 modules
var copy = __webpack_require__(2681);
// EXTERNAL MODULE: ./src/lib/registry/repository.ts + 1 modules
var registry_repository = __webpack_require__(2186);
// EXTERNAL MODULE: ./src/lib/registry/sink.ts
var registry_sink = __webpack_require__(6560);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/lib/loadtest/jtl.ts



/**
 * JMeter's CSV result format (a .jtl file with its default columns), so JMeter's own listeners,
 * BlazeMeter and other JTL readers load a bench run as if JMeter had made it. One row per
 * measured request, in completion order; times in ms, timeStamp in epoch ms at dispatch.
 */
const JTL_COLUMNS = [
    'timeStamp',
    'elapsed',
    'label',
    'responseCode',
    'responseMessage',
    'threadName',
    'dataType',
    'success',
    'failureMessage',
    'bytes',
    'sentBytes',
    'grpThreads',
    'allThreads',
    'URL',
    'Latency',
    'IdleTime',
    'Connect',
];
/** RFC 4180 quoting, as JMeter writes fields holding the delimiter, quotes or newlines. */
function csvField(value) {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function jtlRow(sample, activeVus) {
    const responded = sample.status > 0;
    // JMeter's own wording for a sampler that got no HTTP response.
    const responseCode = responded
        ? String(sample.status)
        : `Non HTTP response code: ${sample.errorCode ?? 'no response'}`;
    const responseMessage = responded
        ? sample.statusText
        : `Non HTTP response message: ${sample.message ?? ''}`;
    const dataType = sample.kind === 'blob GET' ? 'bin' : 'text';
    const fields = [
        Math.round(sample.startedAt),
        Math.round(sample.elapsedMs),
        sample.kind,
        responseCode,
        responseMessage,
        sample.vu === 0 ? 'bench 0-0' : `bench 1-${sample.vu}`,
        dataType,
        sample.outcome === 'ok',
        sample.outcome === 'ok' ? '' : (sample.message ?? ''),
        sample.bytesReceived,
        sample.bytesSent,
        activeVus,
        activeVus,
        sample.url,
        Math.round(sample.ttfbMs ?? sample.elapsedMs),
        0,
        Math.round(sample.connectMs),
    ];
    return fields.map(csvField).join(',');
}
/** Writes a .jtl file as requests complete; `close` flushes it. */
class JtlWriter {
    #stream;
    #path;
    #failure;
    constructor(path, stream) {
        this.#path = path;
        this.#stream = stream;
        stream.on('error', (error) => (this.#failure = error));
    }
    static async open(path) {
        const stream = (0,external_node_fs_.createWriteStream)(path);
        try {
            await (0,external_node_events_.once)(stream, 'open');
        }
        catch (error) {
            throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `cannot write the JTL file "${path}": ${error.code ?? error}`, { subject: path, hint: 'choose a path in a directory that exists and is writable' });
        }
        const writer = new JtlWriter(path, stream);
        stream.write(`${JTL_COLUMNS.join(',')}\n`);
        return writer;
    }
    write(sample, activeVus) {
        if (!this.#failure)
            this.#stream.write(`${jtlRow(sample, activeVus)}\n`);
    }
    async close() {
        this.#stream.end();
        if (!this.#stream.closed)
            await (0,external_node_events_.once)(this.#stream, 'close').catch(() => undefined);
        if (this.#failure) {
            throw new errors/* TarPushError */.q$('OUTPUT_ERROR', `writing "${this.#path}" failed: ${this.#failure}`, {
                subject: this.#path,
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/lib/loadtest/scenarios.ts






/**
 * A push as docker makes it: per blob a HEAD ("do you have it?" — never, the bytes are new), then
 * the upload (POST, PATCH, PUT with the digest; or POST and one PUT), config last, then the
 * manifest PUT under `tag`. Returns the manifest digest.
 */
async function pushImage(options) {
    const { image, settings } = options;
    const repository = new registry_repository/* RepositoryClient */.q$(options.client, options.repository, 'push');
    repository.uploadMethod = settings.upload;
    repository.chunkSize = settings.chunkSize;
    // The image sink interface, without the engine: a load test times the registry, so the bytes
    // it made up are not hashed again on the way out.
    const sink = new registry_sink/* RegistrySink */.P(repository);
    const config = {
        digest: image.config.digest,
        size: image.config.size,
        mediaType: image.config.mediaType,
        open: async () => external_node_stream_.Readable.from([image.config.bytes]),
    };
    const layers = image.layers.map((layer) => ({
        ...layer,
        open: async () => layer.open(),
    }));
    for (const blob of [...layers, config]) {
        if (!(await sink.hasBlob(blob.digest)))
            await sink.putBlob(blob);
    }
    await sink.putManifest(image.manifest, { tags: [options.tag] });
    return image.manifest.digest;
}
/**
 * A pull as a client makes it: the manifest GET, then every blob (config first) streamed and
 * hashed, its digest and size checked, its bytes dropped. Returns the bytes received. With
 * `verify: false` only sizes are checked: SHA-256 runs at about 1 GB/s per core, so on a fast
 * link it, not the registry, can be the limit of a large-blob pull test.
 */
async function pullImage(options) {
    const verify = options.verify ?? true;
    const { image } = options;
    const repository = new registry_repository/* RepositoryClient */.q$(options.client, image.repository, 'pull');
    const manifest = await repository.getManifest(image.tag, media_types/* MANIFEST_ACCEPT */.dY);
    const where = `${options.client.registry}/${image.repository}:${image.tag}`;
    if (!manifest) {
        throw new errors/* TarPushError */.q$('IMAGE_NOT_FOUND', `${where} is gone (manifest GET answered 404)`, {
            subject: where,
            hint: 'something deleted the seeded images while the bench ran',
        });
    }
    if (manifest.digest !== image.manifestDigest) {
        throw new errors/* TarPushError */.q$('MANIFEST_DIGEST_MISMATCH', `${where} served a manifest with digest ${manifest.digest}, seeded ${image.manifestDigest}`, { subject: where });
    }
    let bytes = manifest.bytes.length;
    // Its digest is the seeded manifest's, so are its bytes: the blobs it lists are known.
    for (const blob of image.blobs) {
        const hash = verify ? (0,external_node_crypto_.createHash)('sha256') : undefined;
        let size = 0;
        await repository.readBlob(blob.digest, (chunk) => {
            hash?.update(chunk);
            size += chunk.length;
        });
        bytes += size;
        const digest = hash ? `sha256:${hash.digest('hex')}` : blob.digest;
        if (digest !== blob.digest || size !== blob.size) {
            throw new errors/* TarPushError */.q$('BLOB_DIGEST_MISMATCH', `blob ${blob.digest} of ${where} arrived as ${digest} (${size} of ${blob.size} bytes)`, { subject: where, hint: 'the registry served other bytes than it stored' });
        }
    }
    return bytes;
}
/** A HEAD storm: the manifest by tag, then every blob, each one HEAD, nothing downloaded. */
async function headImage(options) {
    const { client, image } = options;
    const repository = new registry_repository/* RepositoryClient */.q$(client, image.repository, 'pull');
    const request = {
        method: 'HEAD',
        url: `/v2/${image.repository}/manifests/${image.tag}`,
        scope: repository.scope,
        headers: { accept: media_types/* MANIFEST_ACCEPT */.dY.join(', ') },
    };
    const response = await client.send(request);
    await response.body.dump();
    if (response.statusCode !== 200)
        throw await client.unexpected(request, response);
    for (const blob of image.blobs) {
        if (!(await repository.hasBlob(blob.digest))) {
            throw new errors/* TarPushError */.q$('REGISTRY_ERROR', `blob ${blob.digest} of ${client.registry}/${image.repository} is gone (HEAD answered 404)`, { subject: image.repository });
        }
    }
}
/**
 * Deletes a manifest by digest (distribution spec: DELETE /v2/NAME/manifests/DIGEST). 'refused'
 * means the registry does not allow deletes at all (405, or UNSUPPORTED as distribution answers
 * with storage.delete disabled), so the caller stops trying.
 */
async function deleteManifest(options) {
    const { client } = options;
    // distribution asks for the "delete" action on DELETE (token auth).
    const request = {
        method: 'DELETE',
        url: `/v2/${options.repository}/manifests/${options.digest}`,
        scope: `repository:${options.repository}:delete,pull,push`,
    };
    const response = await client.send(request);
    if (response.statusCode === 202 || response.statusCode === 200) {
        await response.body.dump();
        return 'deleted';
    }
    if (response.statusCode === 404) {
        await response.body.dump();
        return 'gone';
    }
    if (response.statusCode === 405) {
        await response.body.dump();
        return 'refused';
    }
    throw await client.unexpected(request, response);
}
/** The digest a tag points at now (for cleaning up what another tool pushed by tag). */
async function manifestDigestOf(options) {
    const repository = new registry_repository/* RepositoryClient */.q$(options.client, options.repository, 'pull');
    const manifest = await repository.getManifest(options.tag, media_types/* MANIFEST_ACCEPT */.dY);
    return manifest?.registryDigest ?? manifest?.digest;
}

;// CONCATENATED MODULE: ./src/lib/loadtest/run.ts



























const LOOP_DELAY_RESOLUTION_MS = 5;
/** A logger for the virtual users' clients: their chatter goes to debug, secrets still masked. */
const quiet = (logger) => ({
    info: (message) => logger.debug(message),
    warn: (message) => logger.debug(message),
    debug: (message) => logger.debug(message),
    group: (_title, run) => run(),
    secret: (value) => logger.secret(value),
});
function run_usage(message, hint) {
    return new errors/* TarPushError */.q$('USAGE', message, { hint });
}
/** Checks the options and fills in defaults: the scenario as the result records it. */
function scenarioSpec(options) {
    const vus = options.vus ?? loadtest_options/* BENCH_DEFAULTS */.c.vus;
    const iterations = options.iterations;
    const durationMs = options.durationMs ?? (iterations === undefined ? loadtest_options/* BENCH_DEFAULTS */.c.durationMs : undefined);
    const layers = options.layers ?? loadtest_options/* BENCH_DEFAULTS */.c.layers;
    const layerSize = options.layerSize ?? loadtest_options/* BENCH_DEFAULTS */.c.layerSize;
    if (!Number.isInteger(vus) || vus < 1)
        throw run_usage('--vus must be 1 or more', 'e.g. --vus 10');
    if (iterations !== undefined && (!Number.isInteger(iterations) || iterations < 1))
        throw run_usage('--iterations must be 1 or more', 'e.g. --iterations 100');
    if (durationMs !== undefined && durationMs <= 0)
        throw run_usage('--duration must be above 0', 'e.g. --duration 60s');
    if (layerSize > MAX_LAYER_CONTENT)
        throw run_usage('--layer-size is over 8 GiB', 'a layer holds one file, which tar limits to 8 GiB');
    const mix = options.scenario === 'mixed'
        ? (options.mix ?? { push: 20, pull: 80 })
        : { [options.scenario]: 1 };
    if (options.scenario !== 'mixed' && options.mix)
        throw run_usage('--mix goes with --scenario mixed', 'add --scenario mixed, or drop --mix');
    if (SCENARIO_NAMES.every((name) => !mix[name]))
        throw run_usage('--mix gives no scenario a weight', 'e.g. --mix push=20,pull=80');
    const repoPrefix = options.repoPrefix ?? loadtest_options/* BENCH_DEFAULTS */.c.repoPrefix;
    const rate = options.rates
        ? rateStages({
            rates: options.rates,
            stepMs: options.stepMs,
            durationMs: options.durationMs,
        })
        : undefined;
    if (options.stepMs !== undefined && !rate)
        throw run_usage('--step-duration goes with --rate', 'e.g. --rate 10/s,20/s --step-duration 30s');
    if (rate && options.rampUpMs)
        throw run_usage('--ramp-up goes with the closed model, not --rate', 'give steps instead: --rate 10/s,20/s,40/s --step-duration 10s');
    const scheduleMs = rate?.reduce((total, stage) => total + stage.seconds * 1000, 0);
    return {
        name: options.scenario,
        mix,
        vus,
        durationSeconds: scheduleMs !== undefined
            ? scheduleMs / 1000
            : durationMs === undefined
                ? null
                : durationMs / 1000,
        rampUpSeconds: (options.rampUpMs ?? loadtest_options/* BENCH_DEFAULTS */.c.rampUpMs) / 1000,
        iterations: iterations ?? null,
        layers,
        layerSize,
        images: options.images ?? Math.min(vus, loadtest_options/* BENCH_DEFAULTS */.c.images),
        upload: options.upload ?? loadtest_options/* BENCH_DEFAULTS */.c.upload,
        chunkSize: options.chunkSize ?? loadtest_options/* BENCH_DEFAULTS */.c.chunkSize,
        reconnect: options.reconnect ?? false,
        verify: options.verify ?? true,
        retries: options.connect?.retries ?? loadtest_options/* BENCH_DEFAULTS */.c.retries,
        repoPrefix,
        ...(rate ? { rate } : {}),
    };
}
/** The registry name and repository path prefix, checked as image names are. */
function checkNames(registry, repoPrefix) {
    const probe = `${registry}/${repoPrefix}seed`;
    const parsed = (0,reference/* parseRepository */.SU)(probe);
    if (parsed.registry !== registry && !(registry === 'docker.io' && parsed.registry === registry))
        throw run_usage(`--registry "${registry}" is not a registry host`, 'name a host with a dot or a port (registry.example.com, 127.0.0.1:5000) or localhost');
    if (!parsed.path.startsWith(repoPrefix.replace(/\/$/, '')))
        throw run_usage(`--repo-prefix "${repoPrefix}" is not a repository path`, 'e.g. bench/');
    return parsed.registry;
}
const errorCode = (error) => error instanceof errors/* TarPushError */.q$
    ? error.code
    : (error?.code ?? error?.name ?? 'ERROR');
const errorMessage = (error) => error instanceof errors/* TarPushError */.q$ ? error.message : String(error?.message ?? error);
/**
 * The registry's answer to the credentials: none given where it requires them, refused (by the
 * registry or its token service), or without access to the repository. Every later iteration
 * would fail the same way, so the run stops at the first one. A token service that is failing
 * (HTTP 5xx, an answer that is not JSON) is a REGISTRY_ERROR, load rather than credentials: it
 * is counted like any other error.
 */
const isCredentialsFailure = (error) => error instanceof errors/* TarPushError */.q$ && (error.code === 'AUTH_FAILED' || error.code === 'AUTH_DENIED');
/**
 * Runs a load test against a registry: seeds images if the scenario reads them, starts the
 * virtual users (ramped up), stops at the duration, the iteration count or the signal, then runs
 * the comparison and the cleanup if asked, and returns everything measured.
 */
async function runBench(options) {
    const assignment = workerAssignment();
    if (assignment)
        return runAsWorker(options, assignment);
    if ((options.workers ?? 1) > 1)
        return runWithWorkers(options);
    return runBenchAlone(options);
}
/** One run in this thread (alone, or as one worker's part). */
async function runBenchAlone(options, part) {
    const spec = scenarioSpec(options);
    const registry = checkNames(options.registry, spec.repoPrefix);
    const logger = options.logger ?? log/* silentLogger */.q;
    if (options.startAtMs !== undefined)
        checkStartAt(options.startAtMs);
    const connect = { ...options.connect, retries: spec.retries };
    const caPem = connect.caFile ? await (0,registry_connect/* readCaFile */.R)(connect.caFile) : undefined;
    const runId = `${Date.now().toString(36)}-${(0,external_node_crypto_.randomBytes)(2).toString('hex')}`;
    const jtl = options.jtl ? await JtlWriter.open(options.jtl) : undefined;
    const metrics = new Metrics({ writer: jtl, registryPid: options.registryPid });
    const stop = new AbortController();
    const onSignal = () => hardStop();
    options.signal?.addEventListener('abort', onSignal);
    const schedule = new IterationSchedule(spec.iterations ?? undefined);
    const pushed = [];
    let graceTimer;
    const arrivals = spec.rate
        ? new ArrivalSchedule({
            stages: spec.rate,
            users: spec.vus,
            limit: spec.iterations ?? undefined,
            // Nothing more comes due: what runs and waits may finish, within the graceful stop.
            onEnd: () => {
                schedule.stop(spec.iterations !== null && arrivals.totals.asked >= spec.iterations
                    ? 'iterations'
                    : 'duration');
                graceTimer = setTimeout(hardStop, options.gracefulStopMs ?? loadtest_options/* BENCH_DEFAULTS */.c.gracefulStopMs);
            },
        })
        : undefined;
    let stopError;
    const connectClient = (vu) => (0,registry_connect/* connectRegistry */.g)(registry, {
        ...connect,
        interceptors: [observingInterceptor({ vu, sink: metrics })],
        // Its blob GETs take each chunk at once: the sockets need not allocate per read.
        reuseReadBuffers: true,
    }, caPem, vu === 0 ? logger : quiet(logger));
    function hardStop() {
        schedule.stop('interrupted');
        arrivals?.stop();
        metrics.aborting = true;
        stop.abort();
        for (const controller of metrics.inFlight)
            controller.abort(new BenchStopped());
    }
    /** The first credentials failure ends the run at once: requests in flight are cut. */
    function authStop(error) {
        if (stopError || metrics.aborting)
            return;
        stopError = new errors/* TarPushError */.q$(error.code, `${error.message}; the load test stopped at this first authentication failure`, { subject: error.subject, hint: error.hint, cause: error });
        schedule.stop('auth-failed');
        hardStop();
    }
    let setup;
    let ticker;
    let deadline;
    try {
        if (options.signal?.aborted)
            hardStop();
        setup = await connectClient(0);
        const usesSeeds = ['pull', 'head'].some((name) => spec.mix[name]);
        const seeded = usesSeeds ? await seed(setup, spec, runId, pushed, logger) : [];
        const cycle = mixCycle(spec.mix);
        const pool = spec.mix.push && spec.layerSize <= MAX_POOLED_LAYER_CONTENT
            ? new LayerPool(spec.layerSize)
            : undefined;
        logger.info(`bench: ${spec.name} against ${registry}, ${spec.vus} virtual users, ${describeBound(spec)}`);
        if (options.startAtMs !== undefined)
            await waitUntil(options.startAtMs, logger, stop.signal);
        await part?.beforeStart(stop.signal);
        const loopDelay = (0,external_node_perf_hooks_.monitorEventLoopDelay)({ resolution: LOOP_DELAY_RESOLUTION_MS });
        loopDelay.enable();
        const startedAt = Date.now();
        metrics.startRun(startedAt);
        if (options.registryPid !== undefined && !processExists(options.registryPid))
            logger.warn(`--registry-pid ${options.registryPid}: no such process here; registry CPU not reported`);
        ticker = setInterval(() => {
            metrics.tick();
            options.onProgress?.(progressOf(metrics, spec, startedAt));
        }, 1000);
        const durationMs = spec.durationSeconds === null ? undefined : spec.durationSeconds * 1000;
        deadline =
            durationMs === undefined || spec.rate
                ? undefined
                : setTimeout(() => {
                    schedule.stop('duration');
                    graceTimer = setTimeout(hardStop, options.gracefulStopMs ?? loadtest_options/* BENCH_DEFAULTS */.c.gracefulStopMs);
                }, durationMs);
        /** The next iteration: claimed at once (closed model) or when the schedule has one due. */
        const nextIteration = async () => {
            if (!arrivals) {
                const number = schedule.claim();
                return number === undefined ? undefined : { number, dueAt: Number.NaN, stage: 0 };
            }
            // After the schedule's end, iterations already waiting for a user still run.
            return arrivals.next();
        };
        const stopOutcome = () => (metrics.aborting ? 'interrupted' : 'failed');
        const runVu = async (vu) => {
            const startDelay = arrivals
                ? 0
                : (spec.rampUpSeconds * 1000 * (vu - (part?.firstVu ?? 1))) / spec.vus;
            if (startDelay > 0)
                await (0,external_node_timers_promises_.setTimeout)(startDelay, undefined, { signal: schedule.over }).catch(() => { });
            if (schedule.stopped)
                return;
            metrics.setActiveVus(metrics.activeVus + 1);
            let client;
            try {
                for (let due = await nextIteration(); due; due = await nextIteration()) {
                    const { number } = due;
                    const scenario = cycle[number % cycle.length];
                    // Making the random image (and its digests) is the user's local work, not timed.
                    const image = scenario === 'push'
                        ? await randomImage({ ...spec, label: `${runId}-${number}`, pool })
                        : undefined;
                    if (metrics.aborting)
                        break;
                    const target = seeded[number % Math.max(1, seeded.length)];
                    if (!spec.reconnect && !client) {
                        try {
                            client = await connectClient(vu);
                        }
                        catch (error) {
                            metrics.iteration({ scenario, ms: 0, outcome: stopOutcome(), errorCode: errorCode(error), bytes: 0 }, errorMessage(error));
                            if (isCredentialsFailure(error))
                                authStop(error);
                            continue;
                        }
                    }
                    const bytesBefore = metrics.vuBytes.get(vu) ?? 0;
                    // Open model: from when the iteration was due, so waiting for a free user counts.
                    const started = Number.isNaN(due.dueAt) ? performance.now() : due.dueAt;
                    try {
                        if (spec.reconnect) {
                            await client?.close();
                            client = undefined;
                            client = await connectClient(vu);
                        }
                        const active = client;
                        if (scenario === 'push') {
                            const repository = `${spec.repoPrefix}vu-${vu}`;
                            const digest = await pushImage({
                                client: active,
                                repository,
                                tag: `${runId}-${number}`,
                                image: image,
                                settings: spec,
                            });
                            pushed.push({ repository, digest });
                        }
                        else if (scenario === 'pull') {
                            await pullImage({ client: active, image: target, verify: spec.verify });
                        }
                        else {
                            await headImage({ client: active, image: target });
                        }
                        metrics.iteration({
                            scenario,
                            ms: performance.now() - started,
                            outcome: 'ok',
                            bytes: (metrics.vuBytes.get(vu) ?? 0) - bytesBefore,
                        });
                    }
                    catch (error) {
                        metrics.iteration({
                            scenario,
                            ms: performance.now() - started,
                            outcome: stopOutcome(),
                            errorCode: errorCode(error),
                            bytes: (metrics.vuBytes.get(vu) ?? 0) - bytesBefore,
                        }, errorMessage(error));
                        if (isCredentialsFailure(error))
                            authStop(error);
                    }
                }
            }
            finally {
                metrics.setActiveVus(metrics.activeVus - 1);
                await client?.close().catch(() => { });
            }
        };
        const firstVu = part?.firstVu ?? 1;
        const users = Promise.all(Array.from({ length: spec.vus }, (_, index) => runVu(firstVu + index)));
        arrivals?.start();
        await users;
        arrivals?.stop();
        clearTimeout(deadline);
        clearTimeout(graceTimer);
        clearInterval(ticker);
        loopDelay.disable();
        const endedAt = Date.now();
        metrics.endRun(endedAt);
        const cpu = metrics.cpuTotals();
        const stopReason = schedule.stopped ?? 'iterations';
        logger.info(`bench: measured run over (${stopReason}) after ${((endedAt - startedAt) / 1000).toFixed(1)} s`);
        const compare = [];
        const compareTags = [];
        if (!stop.signal.aborted) {
            for (const tool of options.compare ?? []) {
                const outcome = await runCompare({
                    tool,
                    registry,
                    plainHttp: setup.baseUrl.startsWith('http:'),
                    spec,
                    seeded,
                    runId,
                    connect,
                    signal: stop.signal,
                    logger,
                });
                compare.push(outcome.result);
                compareTags.push(...outcome.pushed);
            }
        }
        metrics.aborting = false;
        const cleanup = options.cleanup && !options.signal?.aborted
            ? await cleanUp(setup, pushed, compareTags, logger)
            : null;
        await jtl?.close();
        const seconds = (endedAt - startedAt) / 1000;
        const totals = totalsOf(metrics, seconds);
        // Runs shorter than a second count as one, as the per-second series does.
        const cpuWall = Math.max(1, seconds);
        const ownCores = cpu.own / cpuWall;
        return {
            format: RESULT_FORMAT,
            tool: { name: 'tar-push', version: version/* VERSION */.x },
            scenario: spec,
            registry,
            runId,
            host: {
                hostname: (0,external_node_os_.hostname)(),
                cpus: (0,external_node_os_.availableParallelism)(),
                platform: process.platform,
                arch: process.arch,
                node: process.version,
            },
            startedAt: new Date(startedAt).toISOString(),
            endedAt: new Date(endedAt).toISOString(),
            startedAtMs: startedAt,
            endedAtMs: endedAt,
            ...(options.startAtMs === undefined ? {} : { startAtMs: options.startAtMs }),
            seconds: round(seconds, 3),
            stopReason,
            ...(stopError
                ? {
                    stopError: {
                        code: stopError.code,
                        message: stopError.message,
                        ...(stopError.hint === undefined ? {} : { hint: stopError.hint }),
                    },
                }
                : {}),
            histogram: HISTOGRAM_SETTINGS,
            totals,
            kinds: metrics.kindResults(seconds),
            iterations: {
                total: metrics.allIterations.result(seconds),
                scenarios: Object.fromEntries([...metrics.scenarios.entries()].map(([name, stats]) => [name, stats.result(seconds)])),
            },
            series: metrics.series,
            untimed: metrics.untimed,
            ...(arrivals ? { arrivals: arrivalResult(arrivals, seconds) } : {}),
            cpu: {
                generator: {
                    seconds: round(cpu.own, 3),
                    cores: round(ownCores, 3),
                    peakCores: Math.max(0, ...metrics.series.map((second) => second.generatorCores)),
                    // The monitor records whole timer intervals: the delay is what exceeds the interval.
                    eventLoopDelayP99Ms: round(Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS), 3),
                },
                registry: options.registryPid !== undefined && cpu.registry !== undefined
                    ? {
                        pid: options.registryPid,
                        seconds: round(cpu.registry, 3),
                        cores: round(cpu.registry / cpuWall, 3),
                        peakCores: Math.max(0, ...metrics.series.map((second) => second.registryCores ?? 0)),
                    }
                    : null,
            },
            cleanup,
            compare,
            errorSamples: metrics.errorSamples,
        };
    }
    finally {
        clearTimeout(deadline);
        clearTimeout(graceTimer);
        clearInterval(ticker);
        options.signal?.removeEventListener('abort', onSignal);
        await setup?.close().catch(() => { });
        await jtl?.close().catch(() => { });
    }
}
/** The open model's schedule against what it achieved. */
function arrivalResult(arrivals, seconds) {
    const totals = arrivals.totals;
    return {
        ...totals,
        askedPerSecond: round(totals.asked / Math.max(seconds, 1e-9), 3),
        startedPerSecond: round(totals.started / Math.max(seconds, 1e-9), 3),
        stages: arrivals.stages.map((stage, index) => ({
            ...stage,
            ...arrivals.perStage[index],
            startedPerSecond: round(arrivals.perStage[index].started / stage.seconds, 3),
        })),
    };
}
function describeBound(spec) {
    const parts = [];
    if (spec.rate)
        parts.push(`open model at ${spec.rate.map((stage) => `${stage.perSecond}/s for ${stage.seconds} s`).join(', then ')}`);
    else if (spec.durationSeconds !== null)
        parts.push(`${spec.durationSeconds} s`);
    if (spec.iterations !== null)
        parts.push(`${spec.iterations} iterations`);
    if (spec.rampUpSeconds > 0)
        parts.push(`ramp-up ${spec.rampUpSeconds} s`);
    return parts.join(', ');
}
/** Pushes the images pull and head read; its requests are counted apart (untimed.setup). */
async function seed(client, spec, runId, pushed, logger) {
    const repository = `${spec.repoPrefix}seed`;
    logger.info(`bench: seeding ${spec.images} images in ${client.registry}/${repository}`);
    const seeded = [];
    for (let index = 0; index < spec.images; index++) {
        const image = await randomImage({ ...spec, label: `${runId}-seed-${index}` });
        const tag = `${runId}-seed-${index}`;
        // Seeding is not timed: it goes through the copy engine, as a push of the generated image.
        const target = new registry_repository/* RepositoryClient */.q$(client, repository, 'push');
        target.uploadMethod = spec.upload;
        target.chunkSize = spec.chunkSize;
        const [entry] = generatedSource(image, tag).entries;
        const { digest } = await (0,copy/* copyArtifact */.E)(entry.artifact, [tag], {
            sink: new registry_sink/* RegistrySink */.P(target),
            compression: 'none',
            logger: log/* silentLogger */.q,
        });
        pushed.push({ repository, digest });
        seeded.push({
            repository,
            tag,
            manifestDigest: digest,
            blobs: [
                { mediaType: image.config.mediaType, digest: image.config.digest, size: image.config.size },
                ...image.layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size })),
            ],
        });
    }
    return seeded;
}
/** Deletes the manifests the run pushed (blobs are freed by the registry's garbage collector). */
async function cleanUp(client, pushed, tags, logger) {
    const result = { manifests: pushed.length + tags.length, deleted: 0, failed: 0 };
    const manifests = [...pushed];
    for (const tag of tags) {
        const digest = await manifestDigestOf({ client, ...tag }).catch(() => undefined);
        if (digest)
            manifests.push({ repository: tag.repository, digest });
        else
            result.failed++;
    }
    for (const { repository, digest } of manifests) {
        try {
            const outcome = await deleteManifest({ client, repository, digest });
            if (outcome === 'refused') {
                result.note =
                    'the registry does not allow deletes (HTTP 405); enable them (distribution: storage.delete.enabled: true)';
                result.failed = result.manifests - result.deleted;
                break;
            }
            result.deleted++;
        }
        catch (error) {
            result.failed++;
            result.note ??= errorMessage(error);
        }
    }
    logger.info(`bench: cleanup deleted ${result.deleted} of ${result.manifests} manifests${result.note ? ` (${result.note})` : ''}`);
    return result;
}
function totalsOf(metrics, seconds) {
    const kinds = [...metrics.kinds.values()];
    const sum = (pick) => kinds.reduce((total, kind) => total + pick(kind), 0);
    const errorsByStatus = {};
    for (const kind of kinds) {
        for (const [status, count] of kind.errorsByStatus)
            errorsByStatus[status] = (errorsByStatus[status] ?? 0) + count;
    }
    const requests = sum((kind) => kind.count);
    const bytesSent = sum((kind) => kind.bytesSent);
    const bytesReceived = sum((kind) => kind.bytesReceived);
    return {
        requests,
        errors: sum((kind) => kind.errors),
        interrupted: sum((kind) => kind.interrupted),
        bytesSent,
        bytesReceived,
        requestsPerSecond: round(seconds > 0 ? requests / seconds : 0, 3),
        megabytesPerSecond: round(seconds > 0 ? (bytesSent + bytesReceived) / 1e6 / seconds : 0, 3),
        errorsByStatus,
        latency: percentilesOf(metrics.totalHistogram('latency')),
        ttfb: percentilesOf(metrics.totalHistogram('ttfb')),
        tlsProbes: metrics.tlsProbes,
        connections: metrics.connections,
    };
}
function progressOf(metrics, spec, startedAt) {
    const last = metrics.series.at(-1);
    let requests = 0;
    let errors = 0;
    for (const stats of metrics.kinds.values()) {
        requests += stats.count;
        errors += stats.errors;
    }
    return {
        elapsedSeconds: (Date.now() - startedAt) / 1000,
        durationSeconds: spec.durationSeconds,
        iterations: metrics.allIterations.count,
        iterationsTarget: spec.iterations,
        activeVus: metrics.activeVus,
        vus: spec.vus,
        requests,
        errors,
        requestsPerSecond: last?.requests ?? 0,
        p95Ms: last?.p95Ms ?? 0,
        megabytesPerSecond: last ? (last.bytesSent + last.bytesReceived) / 1e6 : 0,
        generatorCores: last?.generatorCores ?? 0,
    };
}

// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/bench-run.ts













/** What `bench merge` takes; the run's other flags are refused there. */
const MERGE_FLAGS = new Set(['out', 'summary', 'json', 'debug', 'help']);
/** `tar-push bench`: a run, or `bench merge`. */
async function runBenchCommand(values, operands, output, context) {
    if (operands[0] === 'merge')
        return mergeMode(values, operands.slice(1), output);
    if (operands.length > 0)
        throw (0,common/* usageError */.Wp)(`unexpected arguments: ${operands.join(' ')}`, 'bench');
    const registry = (0,common/* stringFlag */.AM)(values['registry']);
    if (!registry)
        throw (0,common/* usageError */.Wp)('bench needs --registry HOST', 'bench');
    const scenario = parseScenario(values['scenario']);
    const mixText = (0,common/* stringFlag */.AM)(values['mix']);
    const optional = (value, parse) => typeof value === 'string' ? parse(value) : undefined;
    const progress = progressWriter(output);
    // A stop ends the measured run with a report; before it, there is nothing to report.
    context.unfinished = () => `load test of ${registry} stopped before its measured run; nothing to report`;
    const { signal, stop } = context;
    const onStop = () => {
        progress.clear();
        output.warn(`stopping on ${stop.received}: requests in flight are cut; the report follows (Ctrl-C again quits)`);
    };
    signal.addEventListener('abort', onStop, { once: true });
    let result;
    try {
        result = await runBench({
            registry,
            scenario,
            mix: mixText ? parseMix(mixText) : undefined,
            vus: (0,common/* parseInteger */.cG)(values['vus'], '--vus', 1, 100_000),
            durationMs: optional(values['duration'], (text) => parseDuration(text, '--duration')),
            rampUpMs: optional(values['ramp-up'], (text) => parseDuration(text, '--ramp-up')),
            iterations: (0,common/* parseInteger */.cG)(values['iterations'], '--iterations', 1, 2 ** 40),
            rates: optional(values['rate'], parseRates),
            stepMs: optional(values['step-duration'], parseStepDuration),
            workers: optional(values['workers'], parseWorkers),
            repoPrefix: (0,common/* stringFlag */.AM)(values['repo-prefix']),
            layers: (0,common/* parseInteger */.cG)(values['layers'], '--layers', 0, 1000),
            layerSize: optional(values['layer-size'], (text) => parseSize(text, '--layer-size')),
            images: (0,common/* parseInteger */.cG)(values['images'], '--images', 1, 10_000),
            upload: parseUpload(values['upload']),
            chunkSize: optional(values['chunk-size'], (text) => parseSize(text, '--chunk-size')),
            reconnect: values['reconnect'] === true,
            verify: values['no-verify'] !== true,
            gracefulStopMs: optional(values['graceful-stop'], (text) => parseDuration(text, '--graceful-stop')),
            cleanup: values['cleanup'] === true,
            compare: parseCompare(values['compare']),
            registryPid: (0,common/* parseInteger */.cG)(values['registry-pid'], '--registry-pid', 1, 2 ** 22),
            jtl: (0,common/* stringFlag */.AM)(values['jtl']),
            startAtMs: optional(values['start-at'], (text) => parseStartAt(text)),
            connect: await (0,common/* connectionOptions */.HZ)(values),
            logger: progress.logger,
            onProgress: progress.update,
            signal,
        });
    }
    finally {
        signal.removeEventListener('abort', onStop);
        progress.clear();
    }
    await writeOutputs(result, values);
    for (const line of formatReport(result).split('\n'))
        output.info(line);
    if (values['json'] === true)
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (result.stopReason === 'interrupted')
        return stop.exitCode ?? 130;
    // The first authentication failure ended the run: what ran is reported above, then the error.
    const stopped = stopFailure(result);
    if (stopped) {
        output.error(stopped.describe());
        return (0,errors/* exitCodeFor */.Rr)(stopped);
    }
    const failure = allFailed(result);
    if (failure) {
        output.error(failure);
        return 3;
    }
    return 0;
}
/** `bench merge`: results read (globs expanded), checked, added up, written and reported. */
async function mergeMode(values, operands, output) {
    const foreign = Object.keys(values).filter((name) => values[name] !== undefined && !MERGE_FLAGS.has(name));
    if (foreign.length > 0)
        throw (0,common/* usageError */.Wp)(`${foreign.map((name) => `--${name}`).join(', ')}: not an option of bench merge (it takes --out, --summary, --json)`, 'bench');
    if (operands.length === 0)
        throw (0,common/* usageError */.Wp)('bench merge needs the JSON results of bench --out (paths or globs)', 'bench');
    const inputs = await readResults(await expandResultPaths(operands));
    if (inputs.length === 1)
        output.warn(`only one result (${inputs[0].file}): nothing to add to it`);
    const merged = mergeResults(inputs);
    await writeOutputs(merged, values);
    for (const line of formatReport(merged).split('\n'))
        output.info(line);
    if (values['json'] === true)
        process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);
    return 0;
}
function parseScenario(value) {
    if (value === undefined)
        return 'push';
    if (value === 'mixed' || SCENARIO_NAMES.includes(value))
        return value;
    throw (0,common/* usageError */.Wp)('--scenario must be push, pull, head or mixed', 'bench');
}
function parseUpload(value) {
    if (value === undefined)
        return undefined;
    if (value !== 'patch' && value !== 'monolithic')
        throw (0,common/* usageError */.Wp)('--upload must be patch or monolithic', 'bench');
    return value;
}
function parseCompare(value) {
    const tools = (0,common/* listFlag */.v6)(value);
    for (const tool of tools) {
        if (!loadtest_options/* COMPARE_TOOLS */.a.includes(tool))
            throw (0,common/* usageError */.Wp)(`--compare takes ${loadtest_options/* COMPARE_TOOLS */.a.join(' or ')}, not "${tool}"`, 'bench');
    }
    return tools;
}
async function writeOutputs(result, values) {
    const out = (0,common/* stringFlag */.AM)(values['out']);
    if (out)
        await writeBenchFile('--out', out, resultJson(result));
    const summary = (0,common/* stringFlag */.AM)(values['summary']);
    if (summary)
        await writeBenchFile('--summary', summary, formatMarkdown(result), true);
}
/** A live status line on a terminal (cli-progress, via the output); a plain line every 10 s in a log. */
function progressWriter(output) {
    let lastPlain = 0;
    return {
        logger: {
            info: output.info,
            warn: output.warn,
            debug: output.debug,
            group: (_title, run) => run(),
            secret: output.secret,
        },
        update: (progress) => {
            const line = formatProgress(progress);
            if (output.status)
                output.status(line);
            else if (progress.elapsedSeconds - lastPlain >= 10) {
                lastPlain = progress.elapsedSeconds;
                output.info(line);
            }
        },
        clear: () => output.status?.(undefined),
    };
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
