/**
 * The edges a new user hits on the first day (issue 19), each done the way the user did it:
 * the CLI as a child process (node src/cli.ts), a real registry, real pipes and signals, a real
 * older Node.js. What is checked is what the user sees: the exit code, the one line that says
 * what happened, and what was (not) written.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { StdioOptions } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, openSync, closeSync } from 'node:fs'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { registryHarness } from './support/harness.ts'
import { dockerSave25Entries, fixtureByName, sha256 } from './support/fixtures.ts'
import { buildPlatformTarballs } from './support/platforms.ts'
import { ALICE, httpRequest, startRegistry, type RunningRegistry } from './support/registry.ts'
import { putImage, putIndex } from './support/remote-image.ts'
import { inspectRaw } from './support/skopeo.ts'
import { tarBytes, writeTar } from './support/tar-builder.ts'
import { startProcess, waitUntil, type Ended, type RunningChild } from './support/child.ts'
import { push } from '../src/lib/push.ts'
import { TarPushError } from '../src/lib/errors.ts'
import { MINIMUM_NODE_MAJOR } from '../src/cli/node-version.ts'

const ROOT = resolve(import.meta.dirname, '..')
const CLI = join(ROOT, 'src/cli.ts')
const harness = registryHarness()
let basic: RunningRegistry
let work: string
let dockerConfig: string
/** A small docker save (two small layers), named example.com/edges/app:1. */
let app: string

before(async () => {
  basic = await startRegistry({ auth: 'basic' })
  work = await mkdtemp(join(tmpdir(), 'cli-edges-'))
  dockerConfig = await mkdtemp(join(tmpdir(), 'docker-config-'))
  const layers = [
    await tarBytes([{ kind: 'file', name: 'etc/one', data: 'one\n' }]),
    await tarBytes([{ kind: 'file', name: 'etc/two', data: randomBytes(64 * 1024) }]),
  ]
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['/bin/true'] },
      rootfs: { type: 'layers', diff_ids: layers.map(sha256) },
      history: layers.map(() => ({ created_by: 'cli.edges.test.ts' })),
    }),
  )
  app = join(work, 'app.tar')
  await writeTar(app, dockerSave25Entries({ config, layers }, ['example.com/edges/app:1']))
})
after(async () => {
  await basic.stop()
})

type Ran = Ended

/** The environment of a user's shell: no docker login, a private cache and TMPDIR. */
async function userEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    DOCKER_CONFIG: dockerConfig,
    XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), 'edges-cache-')),
    TMPDIR: await mkdtemp(join(tmpdir(), 'edges-tmp-')),
    ...extra,
  }
}

/** A command started in the work directory (the user's current directory), its stdin a pipe. */
const started = (
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; stdio?: StdioOptions; input?: string },
): RunningChild =>
  startProcess(command, args, {
    ...options,
    stdio: options.stdio ?? ['pipe', 'pipe', 'pipe'],
    cwd: work,
  })

/** `tar-push ARGS` as a user types it, standard input empty unless given. */
async function cli(args: readonly string[], env?: NodeJS.ProcessEnv, input = ''): Promise<Ran> {
  return started(process.execPath, [CLI, ...args], { env: env ?? (await userEnv()), input }).ended
}

/** A shell line, for the pipes: `cat app.tar | tar-push push - …`. $CLI is the CLI. */
async function shell(line: string, env?: NodeJS.ProcessEnv): Promise<Ran> {
  const environment = { ...(env ?? (await userEnv())), CLI: `${process.execPath} ${CLI}` }
  return started('sh', ['-c', line], { env: environment, input: '' }).ended
}

const noStack = (ran: Ran) =>
  assert.doesNotMatch(ran.stderr, /\n\s+at /, `no stack trace:\n${ran.stderr}`)

async function tagsOf(repository: string): Promise<string[]> {
  const answer = await httpRequest(`${harness.registry.url}/v2/${repository}/tags/list`)
  if (answer.status === 404) return []
  return (JSON.parse(answer.body) as { tags: string[] | null }).tags ?? []
}

async function manifestExists(repository: string, reference: string): Promise<boolean> {
  const answer = await httpRequest(
    `${harness.registry.url}/v2/${repository}/manifests/${reference}`,
    {
      method: 'HEAD',
      headers: {
        accept:
          'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json',
      },
    },
  )
  return answer.status === 200
}

/** The digest a tag names, read back with skopeo. */
async function digestOf(reference: string): Promise<string> {
  return sha256(await inspectRaw(reference, { registry: harness.registry }))
}

describe('1. a tag (or digest) inside --image', () => {
  it('push app.tar --image registry/app:v1 pushes the tag v1', async () => {
    const image = `${harness.registry.host}/edges/tagged`
    const ran = await cli(['push', app, '--image', `${image}:v1`])
    assert.equal(ran.code, 0, ran.stderr)
    assert.equal(ran.stdout.trim(), `${image}@${await digestOf(`${image}:v1`)}`)
    assert.deepEqual(await tagsOf('edges/tagged'), ['v1'])
    assert.match(ran.stderr, new RegExp(`pushed ${image.replace(/\./g, '\\.')}:v1`))
  })

  it('the same tag in --image and --tag is no clash; a different one is a USAGE error before any work', async () => {
    const image = `${harness.registry.host}/edges/clash`
    const same = await cli(['push', app, '--image', `${image}:v1`, '--tag', 'v1'])
    assert.equal(same.code, 0, same.stderr)
    const clash = await cli(['push', app, '--image', `${image}:v2`, '--tag', 'v3,latest'])
    assert.equal(clash.code, 2, clash.stderr)
    assert.match(
      clash.stderr,
      /error: USAGE: the tag is given twice: image \S+\/edges\/clash:v2 names v2, tags name v3, latest\n {2}hint: give the tags in one place/,
    )
    noStack(clash)
    assert.doesNotMatch(clash.stderr, /== Reading/, 'refused before the tarball is read')
    assert.deepEqual(await tagsOf('edges/clash'), ['v1'])
  })

  it('a digest in --image pushes by digest (no tag), and refuses an image that is another digest', async () => {
    const oci = fixtureByName(harness.corpus, 'oci-archive-gzip')
    const image = `${harness.registry.host}/edges/bydigest`
    const ran = await cli(['push', oci.path, '--image', `${image}@${oci.manifestDigest}`])
    assert.equal(ran.code, 0, ran.stderr)
    assert.equal(ran.stdout.trim(), `${image}@${oci.manifestDigest}`)
    assert.match(ran.stderr, /by digest, no tag/)
    assert.deepEqual(await tagsOf('edges/bydigest'), [])
    assert.ok(await manifestExists('edges/bydigest', oci.manifestDigest!))

    const wrong = `sha256:${'0'.repeat(64)}`
    const refused = await cli([
      'push',
      oci.path,
      '--image',
      `${harness.registry.host}/edges/wrong@${wrong}`,
      '--tag',
      'x',
    ])
    assert.equal(refused.code, 2, refused.stderr)
    assert.match(
      refused.stderr,
      new RegExp(
        `USAGE: image names \\S+/edges/wrong@${wrong}, but the image pushed is ${oci.manifestDigest}; nothing was published`,
      ),
    )
    assert.ok(!(await manifestExists('edges/wrong', oci.manifestDigest!)), 'no manifest')
    assert.deepEqual(await tagsOf('edges/wrong'), [], 'no tag')
  })

  it('the action reads its image input the same way (one resolution in the library)', async () => {
    const image = `${harness.registry.host}/edges/action`
    const result = await push({ tarball: app, image: `${image}:from-input` })
    assert.deepEqual(result.images[0]!.references, [`${image}:from-input`])
    await assert.rejects(
      push({ tarball: app, image: `${image}:a`, tags: ['b'] }),
      (error: unknown) =>
        error instanceof TarPushError &&
        error.code === 'USAGE' &&
        /given twice/.test(error.message),
    )
  })
})

describe("2. a positional target (crane's order: tarball, then target)", () => {
  it('push app.tar registry/app:v1', async () => {
    const image = `${harness.registry.host}/edges/positional`
    const ran = await cli(['push', app, `${image}:v1`])
    assert.equal(ran.code, 0, ran.stderr)
    assert.equal(ran.stdout.trim(), `${image}@${await digestOf(`${image}:v1`)}`)
  })

  it('several tarballs then the target: one index; a target without a tag takes --tag', async () => {
    const platforms = await buildPlatformTarballs(join(work, 'platforms'), 'x.io/app:1', [
      { os: 'linux', architecture: 'amd64', format: 'docker-archive' },
      { os: 'linux', architecture: 'riscv64', format: 'oci-archive' },
    ])
    const image = `${harness.registry.host}/edges/multi`
    const ran = await cli(['push', ...platforms.map((p) => p.path), image, '--tag', '2'])
    assert.equal(ran.code, 0, ran.stderr)
    const index = JSON.parse(
      (await inspectRaw(`${image}:2`, { registry: harness.registry })).toString(),
    )
    assert.equal(index.manifests.length, 2)
  })

  it('a second tarball that is missing is still TARBALL_NOT_FOUND, not a target', async () => {
    const ran = await cli(['push', app, 'other.tar', '--image', `${harness.registry.host}/edges/x`])
    assert.equal(ran.code, 2)
    assert.match(ran.stderr, /TARBALL_NOT_FOUND: cannot read "other\.tar"/)
  })

  it('the target twice, or a target without a tarball, is a USAGE error saying so', async () => {
    const host = harness.registry.host
    const twice = await cli(['push', app, `${host}/edges/a:1`, '--image', `${host}/edges/b`])
    assert.equal(twice.code, 2)
    assert.match(
      twice.stderr,
      /USAGE: the target is given twice: --image \S+\/edges\/b and \S+\/edges\/a:1/,
    )
    const alone = await cli(['push', `${host}/edges/a:1`])
    assert.equal(alone.code, 2)
    assert.match(
      alone.stderr,
      /USAGE: push needs a TARBALL before the target \S+\/edges\/a:1\n {2}hint: tar-push push app\.tar/,
    )
    assert.deepEqual(await tagsOf('edges/a'), [])
  })
})

describe('3. the tarball from a pipe: - and /dev/stdin', () => {
  const spoolsLeft = async (env: NodeJS.ProcessEnv) => readdir(env['TMPDIR']!)

  it('cat app.tar | tar-push push - registry/app:1, and nothing stays in TMPDIR', async () => {
    const env = await userEnv()
    const image = `${harness.registry.host}/edges/stdin`
    const ran = await shell(`cat "${app}" | $CLI push - ${image}:1`, env)
    assert.equal(ran.code, 0, ran.stderr)
    assert.match(ran.stderr, /== Reading standard input/)
    assert.equal(ran.stdout.trim(), `${image}@${await digestOf(`${image}:1`)}`)
    assert.deepEqual(await spoolsLeft(env), [])
  })

  it('--image with /dev/stdin as the tarball, from a pipe', async () => {
    const env = await userEnv()
    const image = `${harness.registry.host}/edges/devstdin`
    const ran = await shell(`cat "${app}" | $CLI push /dev/stdin --image ${image} --tag 1`, env)
    assert.equal(ran.code, 0, ran.stderr)
    assert.deepEqual(await tagsOf('edges/devstdin'), ['1'])
    assert.deepEqual(await spoolsLeft(env), [])
  })

  it('gzip- and zstd-compressed tarballs on standard input', async () => {
    for (const [wrapper, bytes] of [
      ['gzip', gzipSync(await readFile(app))],
      ['zstd', zstdCompressSync(await readFile(app))],
    ] as const) {
      const file = join(work, `app.tar.${wrapper}`)
      await writeFile(file, bytes)
      const env = await userEnv()
      const image = `${harness.registry.host}/edges/stdin-${wrapper}`
      const ran = await shell(`cat "${file}" | $CLI push - ${image}:1`, env)
      assert.equal(ran.code, 0, `${wrapper}: ${ran.stderr}`)
      assert.deepEqual(await tagsOf(`edges/stdin-${wrapper}`), ['1'])
      assert.deepEqual(await spoolsLeft(env), [], wrapper)
    }
  })

  it('standard input redirected from a file (< app.tar) is read in place', async () => {
    const env = await userEnv()
    const image = `${harness.registry.host}/edges/redirected`
    const fd = openSync(app, 'r')
    try {
      const ran = await started(process.execPath, [CLI, 'push', '-', `${image}:1`], {
        env,
        stdio: [fd, 'pipe', 'pipe'],
      }).ended
      assert.equal(ran.code, 0, ran.stderr)
    } finally {
      closeSync(fd)
    }
    assert.deepEqual(await tagsOf('edges/redirected'), ['1'])
  })

  it('what is not an image on standard input is named; an empty pipe says the command before it failed', async () => {
    const env = await userEnv()
    const host = harness.registry.host
    const empty = await shell(`true | $CLI push - ${host}/edges/empty:1`, env)
    assert.equal(empty.code, 2)
    assert.match(
      empty.stderr,
      /TARBALL_FORMAT: standard input is empty \(0 bytes\), not an image tarball\n {2}hint: nothing came through the pipe/,
    )
    const json = await shell(`echo '{"not": "an image"}' | $CLI push - ${host}/edges/json:1`, env)
    assert.equal(json.code, 2)
    assert.match(
      json.stderr,
      /TARBALL_FORMAT: standard input is a JSON document, not an image tarball/,
    )
    for (const ran of [empty, json]) noStack(ran)
    assert.deepEqual(await spoolsLeft(env), [])
  })

  it('SIGINT while the pipe is read: exit 130, one line, the spool removed', async () => {
    const env = await userEnv()
    const running = started(
      process.execPath,
      [CLI, 'push', '-', `${harness.registry.host}/edges/stopped:1`],
      { env },
    )
    // Half the tarball, and the pipe kept open: tar-push waits for the rest.
    const bytes = await readFile(app)
    running.child.stdin!.write(bytes.subarray(0, bytes.length >> 1))
    const spooled = async () => {
      for (const dir of await readdir(env['TMPDIR']!)) {
        const files = await readdir(join(env['TMPDIR']!, dir)).catch((): string[] => [])
        if (files.includes('input')) return true
      }
      return false
    }
    await waitUntil(spooled, 'the spool of standard input', running)
    running.kill('SIGINT')
    const ran = await running.ended
    assert.equal(ran.code, 130, ran.stderr)
    assert.match(
      ran.stderr,
      /stopped by SIGINT: push of standard input to \S+ not finished; nothing was tagged/,
    )
    noStack(ran)
    assert.deepEqual(await spoolsLeft(env), [])
    assert.deepEqual(await tagsOf('edges/stopped'), [])
  })

  const hasScript = (() => {
    try {
      execFileSync('script', ['--version'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()

  it(
    '- on a terminal is refused: the tarball must be piped in',
    { skip: hasScript ? false : 'no script(1) to give the CLI a terminal' },
    async () => {
      const command = `${process.execPath} ${CLI} push - ${harness.registry.host}/edges/tty:1`
      // script(1) runs the CLI on a pseudo-terminal, as a user's shell does.
      const ran = await started('script', ['-qec', command, '/dev/null'], {
        env: await userEnv({ NO_COLOR: '1', SHELL: '/bin/sh' }),
        input: '',
      }).ended
      assert.equal(ran.code, 2, ran.stdout)
      assert.match(
        ran.stdout,
        /USAGE: the tarball is read from standard input \(-\), but standard input is a terminal\r?\n {2}hint: pipe the tarball in/,
      )
    },
  )

  it('--password-stdin and - both want standard input: refused', async () => {
    const ran = await cli([
      'push',
      '-',
      `${basic.host}/edges/x:1`,
      '--username',
      ALICE.username,
      '--password-stdin',
    ])
    assert.equal(ran.code, 2)
    assert.match(ran.stderr, /USAGE: --password-stdin and the tarball - both read standard input/)
  })
})

describe('4. --platform that the image does not have: an error listing what it has, nothing written', () => {
  before(async () => {
    const layer = await tarBytes([{ kind: 'file', name: 'etc/arch', data: 's390x? no\n' }])
    await putImage(harness.registry, 'edges/single', '1', { layers: [layer] })
    const other = await tarBytes([{ kind: 'file', name: 'etc/arch', data: 'mips64le\n' }])
    await putImage(harness.registry, 'edges/foreign', '1', {
      layers: [other],
      architecture: 'mips64le',
    })
    const amd64 = await putImage(harness.registry, 'edges/index', undefined, { layers: [layer] })
    const arm64 = await putImage(harness.registry, 'edges/index', undefined, {
      layers: [other],
      architecture: 'arm64',
      variant: 'v8',
    })
    await putIndex(harness.registry, 'edges/index', '1', [
      { image: amd64, platform: { os: 'linux', architecture: 'amd64' } },
      { image: arm64, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    ])
  })

  it('pull of a single-platform image with --platform linux/s390x', async () => {
    const output = join(work, 'single-s390x.tar')
    const ran = await cli([
      'pull',
      `${harness.registry.host}/edges/single:1`,
      '-o',
      output,
      '--platform',
      'linux/s390x',
    ])
    assert.equal(ran.code, 3, ran.stderr)
    assert.match(
      ran.stderr,
      /PLATFORM_NOT_FOUND: \S+\/edges\/single:1 has no image for linux\/s390x; it has linux\/amd64 \(a single-platform image\)/,
    )
    noStack(ran)
    assert.ok(!existsSync(output), 'nothing written')
  })

  it('copy with --platform linux/s390x, of a single-platform image and of an index', async () => {
    const host = harness.registry.host
    for (const [source, has] of [
      ['edges/single:1', /it has linux\/amd64 \(a single-platform image\)/],
      ['edges/index:1', /it has linux\/amd64, linux\/arm64\/v8/],
    ] as const) {
      const target = `edges/copied-${source.split(/[/:]/)[1]}`
      const ran = await cli([
        'copy',
        `${host}/${source}`,
        `${host}/${target}:1`,
        '--platform',
        'linux/s390x',
      ])
      assert.equal(ran.code, 3, ran.stderr)
      assert.match(ran.stderr, /PLATFORM_NOT_FOUND: .*has no image for linux\/s390x/)
      assert.match(ran.stderr, has)
      assert.deepEqual(await tagsOf(target), [], `nothing copied from ${source}`)
    }
  })

  it('without --platform a single-platform image of another platform is pulled (as docker does), with a warning', async () => {
    const output = join(work, 'foreign.tar')
    const ran = await cli(['pull', `${harness.registry.host}/edges/foreign:1`, '-o', output])
    assert.equal(ran.code, 0, ran.stderr)
    assert.match(
      ran.stderr,
      /warning: \S+ is a single-platform image for linux\/mips64le, not linux\/\S+ \(this machine's\); pulling it anyway/,
    )
    assert.ok(existsSync(output))
  })
})

describe('5. credentials on the command line', () => {
  it('--username without a password is refused before any work, naming what is missing', async () => {
    const ran = await cli(['push', app, '--image', `${basic.host}/edges/auth`, '--username', 'bob'])
    assert.equal(ran.code, 2)
    assert.match(
      ran.stderr,
      /^error: USAGE: --username bob is given without a password\n {2}hint: pipe the password or token in with --password-stdin/,
    )
    assert.doesNotMatch(ran.stderr, /== Reading/, 'the tarball was not even read')
    const noUser = await cli(
      ['push', app, '--image', `${basic.host}/edges/auth`, '--password-stdin'],
      undefined,
      'secret\n',
    )
    assert.equal(noUser.code, 2)
    assert.match(noUser.stderr, /USAGE: --password-stdin is given without --username/)
  })

  it('--username with --password-stdin pushes to a registry that needs them', async () => {
    const ran = await cli(
      ['push', app, `${basic.host}/edges/auth:1`, '--username', ALICE.username, '--password-stdin'],
      undefined,
      `${ALICE.password}\n`,
    )
    assert.equal(ran.code, 0, ran.stderr)
    assert.match(ran.stdout, /\/edges\/auth@sha256:/)
  })
})

describe('8. a file that is not a tar says what it is', () => {
  it('a zip, a JSON file, random bytes, an empty file, an HTML page', async () => {
    const files: [string, Buffer, RegExp][] = [
      [
        'app.zip',
        execFileSync('zip', ['-q', '-', app], { cwd: work }),
        /app\.zip is a zip archive, not an image tarball\n {2}hint: unzip it/,
      ],
      [
        'manifest.json',
        Buffer.from('[{"Config":"c.json","RepoTags":["app:1"],"Layers":[]}]'),
        /manifest\.json is a JSON document \(an image manifest or index/,
      ],
      [
        'random.tar',
        randomBytes(4096),
        /random\.tar is binary data of no format tar-push knows \(it starts [0-9a-f ]+\)/,
      ],
      [
        'empty.tar',
        Buffer.alloc(0),
        /empty\.tar is empty \(0 bytes\), not an image tarball\n {2}hint: an empty file usually means/,
      ],
      [
        'page.tar.gz',
        gzipSync('<html><body>Forbidden</body></html>'),
        /page\.tar\.gz is gzip-compressed, but what it holds is an HTML page/,
      ],
    ]
    for (const [name, bytes, says] of files) {
      const path = join(work, name)
      await writeFile(path, bytes)
      const ran = await cli(['push', path, '--image', `${harness.registry.host}/edges/notatar`])
      assert.equal(ran.code, 2, `${name}: ${ran.stderr}`)
      assert.match(ran.stderr, /error: TARBALL_FORMAT: /, name)
      assert.match(ran.stderr, says, name)
      assert.doesNotMatch(ran.stderr, /truncated/, name)
      noStack(ran)
    }
  })
})

describe('10. an older Node.js than package.json engines allows', () => {
  it('MINIMUM_NODE_MAJOR is package.json engines.node', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string }
    }
    assert.equal(pkg.engines.node, `>=${MINIMUM_NODE_MAJOR}`)
  })

  // The Debian nodejs package (or any node on the machine older than the minimum).
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
    try {
      const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
      return Number(version.slice(1).split('.')[0]) < MINIMUM_NODE_MAJOR
    } catch {
      return false
    }
  })

  it(
    'the bundled CLI run by that node prints one line naming the version needed',
    { skip: oldNode ? false : 'no Node.js older than the minimum on this machine' },
    async () => {
      // The CLI as it ships: the ncc bundle of src/cli.ts (built here, so it is this source's).
      const out = await mkdtemp(join(tmpdir(), 'edges-bundle-'))
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
          'build',
          join(ROOT, 'src/cli.ts'),
          '-o',
          out,
          '--transpile-only',
          '--quiet',
        ],
        { cwd: ROOT, stdio: 'ignore' },
      )
      const bundle = join(out, 'index.js')
      const version = execFileSync(oldNode!, ['--version'], { encoding: 'utf8' }).trim()
      for (const args of [
        ['push', app, '--image', `${harness.registry.host}/edges/old`],
        ['push', 'x-*.tar'],
        ['--version'],
      ]) {
        const ran = await started(oldNode!, [bundle, ...args], { env: await userEnv(), input: '' })
          .ended
        assert.equal(ran.code, 1, `${args.join(' ')}: ${ran.stderr}`)
        assert.equal(ran.stdout, '')
        assert.equal(
          ran.stderr,
          `tar-push needs Node.js ${MINIMUM_NODE_MAJOR} or newer; this is Node.js ${version.slice(1)} (${oldNode}). Install a current Node.js (https://nodejs.org) and run it again.\n`,
        )
      }
      assert.deepEqual(await tagsOf('edges/old'), [])
      // The same bundle on this Node works.
      const current = await started(process.execPath, [bundle, '--version'], {
        env: await userEnv(),
        input: '',
      }).ended
      assert.equal(current.code, 0, current.stderr)
      assert.match(current.stdout, /^tar-push \d+\.\d+\.\d+\n$/)
    },
  )
})

describe('11. a run that ends without finishing never exits 0', () => {
  /** A process that runs the CLI's guard around work that never settles, as main.ts does. */
  async function guarded(body: string): Promise<Ran> {
    const script = join(work, `guarded-${randomBytes(4).toString('hex')}.ts`)
    await writeFile(
      script,
      `import { guardUnfinished } from ${JSON.stringify(join(ROOT, 'src/cli/unfinished.ts'))}
const unguard = guardUnfinished(
  () => 'tar-push push did not finish',
  () => 'push of app.tar to r.io/app not finished; nothing was tagged',
  (line) => process.stderr.write('error: ' + line + '\\n'),
)
${body}
`,
    )
    return started(process.execPath, [script], { env: await userEnv(), input: '' }).ended
  }

  it('work that can never settle (a stream closed without its end): exit 1 and what was not done', async () => {
    // A promise nothing resolves, as one waiting on the 'end' of a stream that closed.
    const ran = await guarded(`
import { PassThrough } from 'node:stream'
const stream = new PassThrough()
new Promise((resolve) => stream.on('end', resolve)).then(() => unguard())
stream.destroy()
`)
    assert.equal(ran.code, 1, ran.stderr)
    assert.equal(
      ran.stderr,
      'error: tar-push push did not finish: its work stopped with nothing left to wait for (a stream that closed before its end, or an answer that never came), so it cannot complete; push of app.tar to r.io/app not finished; nothing was tagged\n',
    )
  })

  it('a process.exit(0) while the work runs is turned into exit 1', async () => {
    const ran = await guarded(
      `setTimeout(() => process.exit(0), 10)\nsetTimeout(() => unguard(), 60_000)`,
    )
    assert.equal(ran.code, 1)
    assert.match(ran.stderr, /did not finish/)
  })

  it('work that finishes exits 0 and says nothing', async () => {
    const ran = await guarded(`setTimeout(() => unguard(), 10)`)
    assert.equal(ran.code, 0, ran.stderr)
    assert.equal(ran.stderr, '')
  })
})
