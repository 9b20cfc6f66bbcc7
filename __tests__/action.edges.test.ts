/**
 * The actions' first-day edges, run as the runner runs them (node dist/…/index.js with INPUT_*
 * variables and a GITHUB_STEP_SUMMARY file): a required input left out, or set from an
 * expression that came out empty, fails the step with exactly one annotation naming the input
 * and how to set it, no stack trace, and a job summary of what was attempted, the error and the
 * hint. Any later failure writes that summary too.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { waitUntil } from './support/child.ts'
import { startRegistry } from './support/registry.ts'
import { annotations, runAction, startAction } from './support/run-action.ts'

const dist = (path: string) => resolve(import.meta.dirname, '../dist', path)
const PUSH = dist('index.js')
const PULL = dist('pull/index.js')
const BENCH = dist('bench/index.js')
const BENCH_MERGE = dist('bench-merge/index.js')

const EMPTY_NOTE = '(a value from an expression that came out empty counts as not set)'

/** The one annotation and the summary a missing required input must give. */
function assertMissingInput(
  run: Awaited<ReturnType<typeof runAction>>,
  action: string,
  input: string,
  example: string,
): void {
  const output = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`
  assert.notEqual(run.code, 0, output)
  const errors = annotations(run.stdout, 'error')
  assert.deepEqual(
    errors,
    [
      `USAGE: input ${input} is required%0A  hint: set \`with: ${input}: ${example}\` in the step ${EMPTY_NOTE}`,
    ],
    output,
  )
  assert.doesNotMatch(run.stdout + run.stderr, /%0A\s+at |^\s+at .*:\d+:\d+\)?$/m, 'no stack trace')
  assert.doesNotMatch(run.stdout, /unexpected error/)
  assert.equal(
    run.summary,
    `<h3>tar-push ${action} failed</h3>\n<table>` +
      `<tr><th>Attempted</th><td>reading the inputs of the ${action} action</td></tr>` +
      `<tr><th>Error</th><td>USAGE: input ${input} is required</td></tr>` +
      `<tr><th>Hint</th><td>set <code>with: ${input}: ${example}</code> in the step ${EMPTY_NOTE}</td></tr>` +
      `</table>\n`,
  )
  assert.deepEqual(run.outputs, {}, 'no output is set')
}

describe('a required input left out', () => {
  it('push (action.yml): tarball not set', async () => {
    const run = await runAction(PUSH, { image: '127.0.0.1:5000/app' })
    assertMissingInput(run, 'push', 'tarball', 'path/to/image.tar')
  })

  it('push: tarball from an expression that came out empty, or only separators', async () => {
    for (const tarball of ['', ' , \n ']) {
      const run = await runAction(PUSH, { tarball, image: '127.0.0.1:5000/app' })
      assertMissingInput(run, 'push', 'tarball', 'path/to/image.tar')
    }
  })

  it('pull (pull/action.yml): image not set, then output not set', async () => {
    assertMissingInput(
      await runAction(PULL, { output: 'image.tar' }),
      'pull',
      'image',
      'ghcr.io/org/app:1.0',
    )
    assertMissingInput(
      await runAction(PULL, { image: '127.0.0.1:5000/app:1' }),
      'pull',
      'output',
      'image.tar',
    )
  })

  it('bench (bench/action.yml): registry not set', async () => {
    const run = await runAction(BENCH, { duration: '60s' })
    assertMissingInput(run, 'bench', 'registry', 'registry.example.com')
  })

  it('bench merge (bench/merge/action.yml): results not set', async () => {
    const run = await runAction(BENCH_MERGE, {})
    assertMissingInput(run, 'bench merge', 'results', 'results/*.json')
  })
})

describe('the job summary of a failure after the inputs are read', () => {
  it('push of a tarball that is not there: what was attempted (escaped), the error, the hint', async () => {
    const tarball = '/nonexistent/<b>app</b>.tar'
    const run = await runAction(PUSH, { tarball, image: '127.0.0.1:1/app' })
    assert.notEqual(run.code, 0)
    assert.deepEqual(annotations(run.stdout, 'error'), [
      `TARBALL_NOT_FOUND: cannot read "${tarball}": ENOENT%0A  hint: check the tarball path (relative paths start at the working directory)`,
    ])
    assert.equal(
      run.summary,
      '<h3>tar-push push failed</h3>\n<table>' +
        '<tr><th>Attempted</th><td>push of /nonexistent/&lt;b&gt;app&lt;/b&gt;.tar to 127.0.0.1:1/app</td></tr>' +
        '<tr><th>Error</th><td>TARBALL_NOT_FOUND: cannot read "/nonexistent/&lt;b&gt;app&lt;/b&gt;.tar": ENOENT</td></tr>' +
        '<tr><th>Hint</th><td>check the tarball path (relative paths start at the working directory)</td></tr>' +
        '</table>\n',
    )
  })

  it('a bad input value: the summary says so as well', async () => {
    const run = await runAction(PULL, { image: 'x', output: 'y', format: 'zip' })
    assert.notEqual(run.code, 0)
    assert.equal(annotations(run.stdout, 'error').length, 1)
    assert.match(
      run.summary,
      /<h3>tar-push pull failed<\/h3>[\s\S]*<th>Error<\/th><td>USAGE: input format must be one of docker, oci, oci-archive, rootfs, not "zip"<\/td>/,
    )
  })
})

describe('the job summary of a cancelled step', () => {
  it('bench cancelled by the runner (SIGINT): the report of what ran, then what was cut short', async () => {
    const registry = await startRegistry()
    try {
      const running = await startAction(BENCH, {
        registry: registry.host,
        duration: '60s',
        vus: '1',
        'layer-size': '16KiB',
      })
      await waitUntil(
        () => running.stdout.includes('bench: push against'),
        'the measured run',
        running,
      )
      running.kill('SIGINT')
      const ended = await running.ended
      assert.equal(ended.code, 130, ended.stdout + ended.stderr)
      const errors = annotations(ended.stdout, 'error')
      assert.equal(errors.length, 1, ended.stdout)
      assert.match(
        errors[0]!,
        /^cancelled by SIGINT: load test of \S+ stopped after [\d.]+ s; what was measured is in /,
      )
      const summary = await readFile(join(running.dir, 'summary'), 'utf8')
      assert.match(summary, /### tar-push bench: push against .*stopped by interrupted/)
      assert.match(
        summary,
        /<h3>tar-push bench failed<\/h3>\n<table><tr><th>Attempted<\/th><td>load test \(push\) of \S+<\/td><\/tr><tr><th>Error<\/th><td>cancelled by SIGINT: load test of \S+ stopped after [\d.]+ s; what was measured is in \S+<\/td><\/tr><\/table>\n$/,
      )
    } finally {
      await registry.stop()
    }
  })
})
