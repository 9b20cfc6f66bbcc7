import { describe, it, afterEach } from 'node:test'
import assert from 'node:assert/strict'
import { Worker } from 'node:worker_threads'
import { dismissSpareWorker, prestartWorker, startEvalWorker } from '../../src/lib/eval-worker.ts'

// Answers with what it was given, and its thread id (require works in it).
const BODY = `(port, workerData, require) => {
  const { threadId } = require('node:worker_threads')
  port.postMessage({ workerData, threadId })
}`

interface Answer {
  workerData: unknown
  threadId: number
}

const answerOf = (thread: Worker): Promise<Answer> =>
  new Promise((resolve, reject) => {
    thread.once('message', resolve)
    thread.once('error', reject)
  })

/**
 * Thread ids grow in the order the threads are created: a marker thread created now tells a
 * thread created before it (a lower id) from one created after it.
 */
const markerId = (): number => {
  const thread = new Worker('', { eval: true })
  // Read now: an ended thread's id reads -1.
  return thread.threadId
}

describe('eval workers (the hash and deflate threads)', () => {
  const started: Worker[] = []
  afterEach(async () => {
    dismissSpareWorker()
    await Promise.all(started.splice(0).map((thread) => thread.terminate()))
  })

  const keep = (thread: Worker): Worker => {
    started.push(thread)
    return thread
  }
  const start = (workerData: unknown): Worker => keep(startEvalWorker(BODY, workerData))

  it('runs a body given as source, with its data and require, on a new thread', async () => {
    const before = markerId()
    const thread = start({ slots: 2 })
    // Read now: the body answers and ends, and an ended thread's id reads -1.
    const threadId = thread.threadId
    const answer = await answerOf(thread)
    assert.deepEqual(answer.workerData, { slots: 2 })
    assert.equal(answer.threadId, threadId)
    assert.ok(answer.threadId > before, 'a thread started when the body was asked for')
  })

  it('hands a prestarted thread to the first body that asks, and only to it', async () => {
    prestartWorker()
    prestartWorker() // one spare at most
    const between = markerId()
    const first = await answerOf(start('first'))
    const second = await answerOf(start('second'))
    assert.equal(first.workerData, 'first')
    assert.equal(second.workerData, 'second')
    assert.ok(first.threadId < between, 'the first body runs on the prestarted thread')
    assert.ok(second.threadId > between, 'the second body gets a thread of its own')
  })

  it('ends a spare that nothing asked for', async () => {
    prestartWorker()
    const between = markerId()
    dismissSpareWorker()
    const answer = await answerOf(start('after'))
    assert.equal(answer.workerData, 'after')
    assert.ok(answer.threadId > between, 'the dismissed spare is not handed out')
  })
})
