/**
 * Writes the inputs and outputs tables of the documentation from each action's action.yml
 * (action.yml and pull/ into README.md; bench/ and bench/merge/ into docs/load-testing.md;
 * between the marker comments), so they cannot drift: `npm run docs`; the tests fail when a
 * document is stale.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parse } from 'yaml'

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const ROOT = resolve(import.meta.dirname, '..')
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()

export function actionTables(actionYaml: string): { inputs: string; outputs: string } {
  const action = parse(actionYaml) as ActionYaml
  const inputs = [
    '| input | default | what it does |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(([name, input]) => {
      const fallback = input.required ? '(required)' : input.default ? `\`${input.default}\`` : ''
      return `| \`${name}\` | ${fallback} | ${cell(input.description)} |`
    }),
  ].join('\n')
  const outputs = [
    '| output | what it holds |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(
      ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
    ),
  ].join('\n')
  return { inputs, outputs }
}

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`the document lacks the ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`
}

/** Each action's tables go between its own markers (inputs, pull-inputs, …) of its document. */
export const DOCUMENTS = {
  'README.md': [
    { file: 'action.yml', prefix: '' },
    { file: 'pull/action.yml', prefix: 'pull-' },
  ],
  'docs/load-testing.md': [
    { file: 'bench/action.yml', prefix: 'bench-' },
    { file: 'bench/merge/action.yml', prefix: 'bench-merge-' },
  ],
} as const

export type DocumentName = keyof typeof DOCUMENTS

export async function renderDocument(name: DocumentName): Promise<string> {
  let text = await readFile(resolve(ROOT, name), 'utf8')
  for (const action of DOCUMENTS[name]) {
    const tables = actionTables(await readFile(resolve(ROOT, action.file), 'utf8'))
    text = replaceBetween(text, `${action.prefix}inputs`, tables.inputs)
    text = replaceBetween(text, `${action.prefix}outputs`, tables.outputs)
  }
  return text
}

if (import.meta.main) {
  for (const name of Object.keys(DOCUMENTS) as DocumentName[]) {
    await writeFile(resolve(ROOT, name), await renderDocument(name))
  }
}
