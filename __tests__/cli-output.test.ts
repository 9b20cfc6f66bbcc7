import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { Writable } from 'node:stream'
import { stripVTControlCharacters } from 'node:util'
import { createCliOutput, outputStyle, type TerminalOutput } from '../src/cli/output.ts'
import { secretForms } from '../src/lib/log.ts'

/** A stand-in for standard error: collects what is written; a terminal when `isTTY`. */
class Capture extends Writable {
  text = ''
  readonly isTTY: boolean
  readonly columns = 120

  constructor(isTTY: boolean) {
    super()
    this.isTTY = isTTY
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

const ESC = '\x1b'
/** An SGR sequence: a colour or a weight. Cursor movement is not one. */
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`)
const PASSWORD = 'hunter2-Pa55'
const USERNAME = 'alice'
const FORMS = secretForms(PASSWORD, USERNAME)

function outputOn(isTTY: boolean, env: NodeJS.ProcessEnv = { TERM: 'xterm-256color' }) {
  const stream = new Capture(isTTY)
  const output = createCliOutput({ debug: true, stream, env })
  FORMS.forEach((form) => output.secret(form))
  return { stream, output }
}

/** Every kind of line, each carrying a secret in one of its forms. */
async function writeEveryKind(output: TerminalOutput): Promise<void> {
  await output.group(`Pushing with ${PASSWORD}`, async () => {
    output.info(`credentials: ${FORMS[1]}`)
    output.warn(`retrying with Basic ${FORMS[2]}`)
    output.debug(`> PUT /v2/app?token=${PASSWORD}`)
  })
  output.success(`pushed app (${PASSWORD})`)
  output.error(`AUTH_FAILED: refused ${PASSWORD}`)
}

/** What writeEveryKind shows, secrets masked, each on a line of its own. */
const EVERY_KIND_LINES = [
  '== Pushing with ***',
  'credentials: ***',
  'warning: retrying with Basic ***',
  'debug: > PUT /v2/app?token=***',
  'pushed app (***)',
  'error: AUTH_FAILED: refused ***',
]

/** Two blobs through the progress listener, with log lines while their bars are drawn. */
async function transferTwoBlobs(output: TerminalOutput): Promise<void> {
  const progress = output.progress!
  progress.blobStarted('sha256:aaa', 'sha256:aaaaaaaaaaaa', 2_000_000)
  progress.blobStarted('encode:bbb', `label ${PASSWORD}`, undefined)
  progress.blobBytes('sha256:aaa', 1_000_000)
  progress.blobBytes('encode:bbb', 300_000)
  output.info(`while drawing ${PASSWORD}`)
  await sleep(250) // cli-progress redraws 10 times a second
  progress.blobBytes('sha256:aaa', 1_000_000)
  progress.blobDone('sha256:aaa', 'uploaded')
  output.info('sha256:aaaaaaaaaaaa    2.0 MB  uploaded')
  await sleep(150)
  progress.blobDone('encode:bbb', 'uploaded')
  output.info('after the bars')
}

function assertMasked(text: string): void {
  for (const form of FORMS) assert.ok(!text.includes(form), `secret form ${form} leaked`)
}

describe('CLI output', () => {
  it('chooses colours and progress bars from the terminal and NO_COLOR / FORCE_COLOR / TERM', () => {
    const cases: [NodeJS.ProcessEnv, boolean, { colors: boolean; progress: boolean }][] = [
      [{ TERM: 'xterm' }, true, { colors: true, progress: true }],
      [{ TERM: 'xterm' }, false, { colors: false, progress: false }],
      [{ TERM: 'xterm', CI: 'true' }, false, { colors: false, progress: false }],
      [{ TERM: 'xterm', NO_COLOR: '1' }, true, { colors: false, progress: true }],
      [{ TERM: 'xterm', NO_COLOR: '' }, true, { colors: true, progress: true }],
      [{ TERM: 'dumb' }, true, { colors: false, progress: false }],
      [{ FORCE_COLOR: '1' }, false, { colors: true, progress: false }],
      [{ TERM: 'xterm', FORCE_COLOR: '0' }, true, { colors: false, progress: true }],
      [{ FORCE_COLOR: '1', NO_COLOR: '1' }, true, { colors: false, progress: true }],
    ]
    for (const [env, isTTY, expected] of cases)
      assert.deepEqual(outputStyle(env, isTTY), expected, `${JSON.stringify(env)} tty=${isTTY}`)
  })

  it('writes plain lines, no escape codes and no carriage returns, when not on a terminal', async () => {
    const { stream, output } = outputOn(false, { TERM: 'xterm', CI: 'true' })
    assert.equal(output.progress, undefined, 'no progress listener for CI logs and pipes')
    await writeEveryKind(output)
    output.close()
    assert.ok(!stream.text.includes(ESC), JSON.stringify(stream.text))
    assert.ok(!stream.text.includes('\r'))
    assert.deepEqual(stream.text.split('\n'), [...EVERY_KIND_LINES, ''])
  })

  it('NO_COLOR on a terminal: plain lines; bars drawn without colour; secrets masked', async () => {
    const lines = outputOn(true, { TERM: 'xterm', NO_COLOR: '1' })
    await writeEveryKind(lines.output)
    assert.ok(!lines.stream.text.includes(ESC), 'no escape byte in the lines')
    assert.match(lines.stream.text, /^warning: retrying with Basic \*\*\*$/m)

    const bars = outputOn(true, { TERM: 'xterm', NO_COLOR: '1' })
    await transferTwoBlobs(bars.output)
    bars.output.close()
    assert.ok(!SGR.test(bars.stream.text), 'no colour codes in the bars')
    assert.match(bars.stream.text, /sha256:aaaaaaaaaaaa\s+█+░+\s+50%\s+1\.0 MB \/ 2\.0 MB/)
    assertMasked(bars.stream.text)
  })

  it('on a terminal: coloured lines, live bars drawn by cli-progress, the messages kept, secrets masked', async () => {
    const { stream, output } = outputOn(true)
    assert.ok(output.progress, 'a progress listener on a terminal')
    await transferTwoBlobs(output)
    await writeEveryKind(output)
    output.close()
    const text = stream.text
    assert.match(text, SGR, 'colour codes')
    assert.ok(text.includes(`${ESC}[33m`), 'a yellow warning')
    assert.ok(text.includes(`${ESC}[31m`), 'a red error')
    // The bars: a determinate one with its share, one for a layer compressed on the fly.
    assert.match(text, /sha256:aaaaaaaaaaaa/)
    assert.match(text, /█+/)
    assert.match(text, /50%/)
    assert.match(text, /1\.0 MB \/ 2\.0 MB/)
    assert.match(text, /label \*\*\*/, 'the label of a bar is masked too')
    assert.match(text, /300\.0 KB sent, compressing/)
    // Every message is on the screen, once, in order, with the bars cleared away.
    const plain = stripVTControlCharacters(text)
    const messages = [
      'while drawing ***',
      'sha256:aaaaaaaaaaaa    2.0 MB  uploaded',
      'after the bars',
      ...EVERY_KIND_LINES,
    ]
    let from = 0
    for (const message of messages) {
      const at = plain.indexOf(message, from)
      assert.ok(at >= 0, `"${message}" after position ${from} in ${JSON.stringify(plain)}`)
      assert.equal(plain.indexOf(message, at + 1), -1, `"${message}" written once`)
      from = at + message.length
    }
    assertMasked(text)
  })

  it('a retried transfer starts its bar over; an error removes the bars before it is written', async () => {
    const { stream, output } = outputOn(true, { TERM: 'xterm', NO_COLOR: '1' })
    const progress = output.progress!
    progress.blobStarted('sha256:ccc', 'sha256:cccccccccccc', 1000)
    progress.blobBytes('sha256:ccc', 900)
    progress.blobStarted('sha256:ccc', 'sha256:cccccccccccc', 1000)
    progress.blobBytes('sha256:ccc', 100)
    await sleep(150)
    assert.match(stream.text, /10%\s+100 B \/ 1\.0 KB/)
    output.error('NETWORK_ERROR: the registry went away')
    const after = stream.text.length
    progress.blobBytes('sha256:ccc', 100)
    progress.blobDone('sha256:ccc', 'failed')
    await sleep(150)
    assert.equal(stream.text.length, after, 'nothing drawn after the error')
    assert.ok(stream.text.endsWith('error: NETWORK_ERROR: the registry went away\n'))
  })

  it('a status line (bench) is drawn on a terminal, masked, and removed; none off a terminal', async () => {
    const { stream, output } = outputOn(true)
    output.status!(`412 req/s p95 38 ms (${PASSWORD})`)
    await sleep(250)
    output.status!(`415 req/s p95 39 ms`)
    output.info('a log line')
    await sleep(250)
    output.status!(undefined)
    output.close()
    const screen = stripVTControlCharacters(stream.text)
    assert.match(screen, /412 req\/s p95 38 ms \(\*\*\*\)/)
    assert.match(screen, /415 req\/s p95 39 ms/)
    assert.match(screen, /a log line/)
    assert.ok(!stream.text.includes(PASSWORD))
    assert.equal(outputOn(false).output.status, undefined)
  })

  it('TERM=dumb: plain lines even on a terminal', async () => {
    const { stream, output } = outputOn(true, { TERM: 'dumb' })
    assert.equal(output.progress, undefined)
    await writeEveryKind(output)
    assert.ok(!stream.text.includes(ESC))
  })
})
