/**
 * Writes the inputs and outputs tables of README.md from each action's action.yml (action.yml,
 * pull/, bench/, bench/merge/; between the marker comments), so they cannot drift:
 * `npm run docs`; the tests fail when the README is stale.
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
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`
}

/** Each action's tables go between its own markers (inputs, pull-inputs, …). */
const ACTIONS = [
  { file: 'action.yml', prefix: '' },
  { file: 'pull/action.yml', prefix: 'pull-' },
  { file: 'bench/action.yml', prefix: 'bench-' },
  { file: 'bench/merge/action.yml', prefix: 'bench-merge-' },
]

export async function renderReadme(): Promise<string> {
  let readme = await readFile(resolve(ROOT, 'README.md'), 'utf8')
  for (const action of ACTIONS) {
    const tables = actionTables(await readFile(resolve(ROOT, action.file), 'utf8'))
    readme = replaceBetween(readme, `${action.prefix}inputs`, tables.inputs)
    readme = replaceBetween(readme, `${action.prefix}outputs`, tables.outputs)
  }
  return readme
}

if (import.meta.main) {
  await writeFile(resolve(ROOT, 'README.md'), await renderReadme())
}
