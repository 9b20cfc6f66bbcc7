import { BENCH_DEFAULTS } from '../lib/loadtest/options.ts'
import type { Command } from './command.ts'
import { CONNECTION_FLAGS, OUTPUT_FLAGS } from './common.ts'

// Virtual users are the concurrency here; a load test reports failures instead of retrying them.
const connectionFlags = Object.fromEntries(
  Object.entries(CONNECTION_FLAGS).filter(([name]) => name !== 'concurrency'),
)

export const benchCommand: Command = {
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
      description: `virtual users, each one request at a time (default ${BENCH_DEFAULTS.vus})`,
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
      description:
        'open model: start R iterations a second whatever the registry answers (50/s); steps: 10/s,20/s,40/s. --vus caps those in flight; late starts count as latency, the rest are dropped',
    },
    workers: {
      type: 'string',
      value: 'N',
      description:
        'threads generating the load, users shared out among them (default 1; auto: one per core); results merged exactly',
    },
    'step-duration': {
      type: 'string',
      value: 'D',
      description: 'how long each --rate step lasts (default: --duration shared out)',
    },
    'repo-prefix': {
      type: 'string',
      value: 'P',
      description: `repository path prefix (default ${BENCH_DEFAULTS.repoPrefix}): P vu-N, P seed`,
    },
    layers: {
      type: 'string',
      value: 'N',
      description: `layers per image (default ${BENCH_DEFAULTS.layers})`,
    },
    'layer-size': {
      type: 'string',
      value: 'SIZE',
      description: 'random bytes per layer, e.g. 10MiB (default), 512KiB',
    },
    images: {
      type: 'string',
      value: 'N',
      description: `images seeded for pull and head (default: vus, at most ${BENCH_DEFAULTS.images})`,
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
      description:
        "pull: check blob sizes only, not SHA-256 (when hashing is the generator's limit)",
    },
    'start-at': {
      type: 'string',
      value: 'TIME',
      description:
        'start the measured run at this instant (after seeding), as jobs of a matrix do together: ISO 8601 with a zone or epoch seconds, at most 1 h ahead',
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
    ...OUTPUT_FLAGS,
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
  run: async (values, operands, output, context) =>
    (await import('./bench-run.ts')).runBenchCommand(values, operands, output, context),
}
