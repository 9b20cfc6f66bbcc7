/**
 * LICENSE, CHANGELOG.md, SECURITY.md and CONTRIBUTING.md: present, in their formats, and saying
 * what the code does — the commands, paths, names and claims they hold are checked here.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { constants } from 'node:fs'
import { access, readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { pullCommand } from '../src/cli/pull.ts'
import { pushCommand } from '../src/cli/push.ts'
import { secretForms } from '../src/lib/log.ts'
import * as quirks from '../src/lib/registry/quirks.ts'

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '..')
const read = (file: string) => readFile(join(ROOT, file), 'utf8')
const exists = (path: string) =>
  access(join(ROOT, path)).then(
    () => true,
    () => false,
  )

interface PackageJson {
  version: string
  license: string
  files: string[]
  scripts: Record<string, string>
}
const packageJson = async () => JSON.parse(await read('package.json')) as PackageJson

/** Runs of spaces and line breaks as one space, so that wrapping does not matter. */
const words = (text: string) => text.replace(/\s+/g, ' ')

/** The text of a `## heading` section, up to the next heading of that level or above. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  assert.ok(start >= 0, `a "## ${heading}" section`)
  const rest = markdown.slice(start + heading.length + 5)
  const end = rest.search(/\n#{1,2} /)
  return end === -1 ? rest : rest.slice(0, end)
}

/** The lines of the first fenced block (```lang) in `markdown`. */
function firstBlock(markdown: string, lang: string): string[] {
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(markdown)
  assert.ok(match, `a \`\`\`${lang} block`)
  return match[1]!.split('\n')
}

/** Inline code spans (`…`) of a text. */
const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)

/** Every file and directory of the repository (directories end in /), as relative paths. */
async function repositoryPaths(): Promise<string[]> {
  const skip = new Set(['node_modules', '.git', '.tools', 'build', '.tmp'])
  const paths: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        paths.push(`${relative(ROOT, path)}/`)
        await walk(path)
      } else paths.push(relative(ROOT, path))
    }
  }
  await walk(ROOT)
  return paths
}

describe('LICENSE', () => {
  it('is the MIT license of the tar-push contributors, as package.json says', async () => {
    const license = await read('LICENSE')
    assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 tar-push contributors\n/)
    assert.ok(license.includes('Permission is hereby granted, free of charge, to any person'))
    assert.ok(license.includes('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'))
    assert.equal((await packageJson()).license, 'MIT')
  })
})

describe('CHANGELOG.md', () => {
  const SUBSECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']

  it('follows Keep a Changelog 1.1.0: Unreleased first, then versions newest first, dated', async () => {
    const changelog = await read('CHANGELOG.md')
    assert.match(changelog, /^# Changelog\n/)
    assert.ok(changelog.includes('https://keepachangelog.com/en/1.1.0/'))
    assert.ok(changelog.includes('https://semver.org/spec/v2.0.0.html'))
    const headings = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]!)
    assert.equal(headings[0], '[Unreleased]')
    const versions = headings.slice(1).map((heading) => {
      const match = /^\[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$/.exec(heading)
      assert.ok(match, `"## ${heading}" is "## [X.Y.Z] - YYYY-MM-DD"`)
      assert.equal(new Date(match[4]!).toISOString().slice(0, 10), match[4], 'a real date')
      return [Number(match[1]), Number(match[2]), Number(match[3])] as const
    })
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [versions[i - 1]!, versions[i]!]
      const newer = a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
      assert.ok(newer > 0, `${a.join('.')} is listed above ${b.join('.')}, so it must be newer`)
    }
    for (const subsection of changelog.matchAll(/^### (.+)$/gm))
      assert.ok(SUBSECTIONS.includes(subsection[1]!), `"### ${subsection[1]}" is a KaC kind`)
    // Every heading links to its comparison or release.
    for (const heading of headings) {
      const name = /^\[([^\]]+)\]/.exec(heading)![1]!.toLowerCase()
      assert.match(changelog, new RegExp(`^\\[${name.replace(/\./g, '\\.')}\\]: https://`, 'im'))
    }
  })

  it("has a dated section with entries for package.json's version", async () => {
    const changelog = await read('CHANGELOG.md')
    const { version } = await packageJson()
    const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`)
    const title = changelog.split('\n').find((line) => heading.test(line))
    assert.ok(title, `a "## [${version}] - date" section`)
    const body = section(changelog, title.slice(3))
    assert.match(body, /^### Added$/m)
    assert.ok(body.split('\n').filter((line) => line.startsWith('- ')).length >= 5)
    // What exists is in it: push, pull, the formats, auth, retries, the digest map, chunks…
    for (const word of [
      'tar-push push',
      'tar-push pull',
      'docker save',
      'OCI',
      'zstd',
      'docker config',
      'Retry-After',
      'digest map',
      'chunk',
      'action.yml',
      'pull@v1',
    ])
      assert.ok(words(body).includes(word), `the ${version} entry mentions ${word}`)
  })

  it('ships in the npm package with LICENSE and README; SECURITY and CONTRIBUTING do not', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: ROOT })
    const packed = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map(
      (file) => file.path,
    )
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md']) assert.ok(packed.includes(file))
    for (const file of ['SECURITY.md', 'CONTRIBUTING.md']) assert.ok(!packed.includes(file))
  })
})

describe('SECURITY.md', () => {
  it('says how to report privately and which versions get fixes', async () => {
    const security = await read('SECURITY.md')
    const reporting = words(section(security, 'Reporting a vulnerability'))
    assert.match(reporting, /privately/)
    assert.match(reporting, /Report a vulnerability/)
    assert.match(reporting, /private vulnerability reporting/)
    assert.match(reporting, /security advisory/)
    const [major, minor] = (await packageJson()).version.split('.')
    assert.match(
      section(security, 'Supported versions'),
      new RegExp(`^\\| ${major}\\.${minor}\\.x \\(newest\\) +\\| yes +\\|$`, 'm'),
      "the supported line is package.json's",
    )
  })

  it('describes what is done with credentials, and the claims hold', async () => {
    const credentials = words(
      section(await read('SECURITY.md'), 'What tar-push does with credentials'),
    )
    for (const claim of [
      'credHelpers',
      'credsStore',
      'identitytoken',
      'GITHUB_TOKEN',
      '--password-stdin',
      'realm',
      'Authorization',
      'redirect',
      'Never written to disk',
      'core.setSecret',
      'base64',
      'progress bars',
      'ca-file',
      'insecure',
    ])
      assert.ok(credentials.includes(claim), claim)
    // "the CLI takes no password on its command line"
    for (const command of [pushCommand, pullCommand]) {
      assert.ok('password-stdin' in command.flags)
      assert.ok(!('password' in command.flags), `${command.name} has no --password flag`)
    }
    // "itself, its base64 encoding and the base64 of username:password"
    const b64 = (text: string) => Buffer.from(text).toString('base64')
    assert.deepEqual(secretForms('s3cr3t', 'me'), ['s3cr3t', b64('s3cr3t'), b64('me:s3cr3t')])
  })
})

describe('CONTRIBUTING.md', () => {
  it("has the README's two commands, and they are there to run", async () => {
    const readmeCommands = firstBlock(await read('README.md'), 'sh')
    const contributing = await read('CONTRIBUTING.md')
    assert.deepEqual(firstBlock(section(contributing, 'The two commands'), 'sh'), readmeCommands)
    const commands = readmeCommands.map((line) => line.split('#')[0]!.trim())
    assert.deepEqual(commands, ['script/demo', 'script/test'])
    for (const command of commands) await access(join(ROOT, command), constants.X_OK)
  })

  it('runs only npm scripts that exist', async () => {
    const { scripts } = await packageJson()
    const used = [...(await read('CONTRIBUTING.md')).matchAll(/npm run ([\w-]+(?::[\w-]+)*)/g)]
    assert.ok(used.length > 0)
    for (const [, name] of used) assert.ok(name! in scripts, `npm run ${name}`)
  })

  it('lays out paths that exist, and every directory of src/ and of the top level', async () => {
    const layout = firstBlock(section(await read('CONTRIBUTING.md'), 'Layout'), 'text')
    const listed = layout.filter((line) => !line.startsWith(' ')).map((line) => line.split(' ')[0]!)
    for (const path of listed) assert.ok(await exists(path), `${path} exists`)
    const paths = await repositoryPaths()
    const directories = paths.filter(
      (path) =>
        path.endsWith('/') &&
        (path.startsWith('src/') || (path.split('/').length === 2 && !path.startsWith('.'))),
    )
    for (const directory of directories)
      assert.ok(
        listed.some((path) => path.startsWith(directory)),
        `${directory} is in the layout`,
      )
  })

  it('names files that exist, and fault kinds the proxy has', async () => {
    const contributing = await read('CONTRIBUTING.md')
    const paths = await repositoryPaths()
    const ignored = (await read('.gitignore')).split('\n').filter(Boolean)
    for (const span of codeSpans(contributing)) {
      const pathLike =
        /^[\w.-]+\/[\w./-]*$/.test(span) || /^[\w.-]+\.(ts|js|yml|md|json|sh)$/.test(span)
      if (!pathLike || ignored.some((entry) => span.startsWith(entry))) continue
      assert.ok(
        paths.some((path) => path === span || path.endsWith(`/${span}`)),
        `${span} is a file or directory of the repository`,
      )
    }
    const proxy = await read('__tests__/support/proxy.ts')
    const kinds = /\*\*The fault proxy\.\*\*[\s\S]*?(?=\n- \*\*)/.exec(contributing)![0]
    for (const [, kind] of kinds.matchAll(/\(`([a-z-]+)`\)/g))
      assert.ok(proxy.includes(`kind: '${kind}'`), `the proxy has a ${kind} fault`)
  })

  it("describes adding a registry quirk with quirks.ts's own names and tests", async () => {
    const steps = section(await read('CONTRIBUTING.md'), 'Adding a registry quirk')
    const source = await read('src/lib/registry/quirks.ts')
    for (const name of ['KNOWN_QUIRKS', 'quirksFor', 'knownQuirksOf'])
      assert.ok(steps.includes(`\`${name}\``) && name in quirks, name)
    for (const name of ['RegistryQuirks', 'NO_QUIRKS'])
      assert.ok(steps.includes(`\`${name}\``) && source.includes(name), name)
    // The fields an entry is said to have are the fields entries have.
    const fields = ['registry', 'quirk', 'handling', 'hosts', 'settings']
    for (const field of fields) assert.ok(steps.includes(`\`${field}\``), field)
    for (const entry of quirks.KNOWN_QUIRKS)
      for (const key of Object.keys(entry)) assert.ok(fields.includes(key), `${key} is described`)
    // The examples it points to are there.
    assert.ok(steps.includes('`__tests__/lib/quirks.test.ts`'))
    const faults = await read('__tests__/push.faults.test.ts')
    for (const registry of ['Harbor', 'Docker Hub', 'Artifactory', 'ACR'])
      assert.ok(steps.includes(registry) && faults.includes(registry), registry)
  })
})
