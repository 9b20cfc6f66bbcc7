import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chmod, mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildCorpus, fixtureByName, sha256, type Fixture } from './support/fixtures.ts'
import { ALICE, startRegistry, type RunningRegistry } from './support/registry.ts'
import { inspectRaw } from './support/skopeo.ts'
import { buildPlatformTarballs, writeMultiImageSave } from './support/platforms.ts'
import { runNode } from './support/run-node.ts'

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js')
let registry: RunningRegistry
let basic: RunningRegistry
let corpus: Fixture[]
let tarball: string
let emptyDockerConfig: string
let cacheHome: string

before(async () => {
  ;[registry, basic, corpus] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'basic' }),
    mkdtemp(join(tmpdir(), 'corpus-')).then(buildCorpus),
  ])
  tarball = fixtureByName(corpus, 'docker-archive-skopeo').path
  emptyDockerConfig = await mkdtemp(join(tmpdir(), 'docker-config-'))
  cacheHome = await mkdtemp(join(tmpdir(), 'xdg-cache-'))
})
after(async () => {
  await registry.stop()
  await basic.stop()
})

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env['PATH'],
  HOME: process.env['HOME'],
  DOCKER_CONFIG: emptyDockerConfig,
  XDG_CACHE_HOME: cacheHome,
  ...extra,
})

describe('tar-push CLI (dist/cli/index.js)', () => {
  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await runNode(CLI, ['--help'])
    assert.equal(code, 0)
    assert.match(stdout, /tar-push push TARBALL/)
    assert.match(stdout, /--password-stdin/)
  })

  it('--help per command shows its synopsis, every flag it takes and examples', async () => {
    for (const [command, flags] of [
      ['push', ['--image REPO', '--tag T', '--compression C', '--password-stdin', '--chunk-size']],
      ['pull', ['-o, --output PATH', '--format F', '--platform P', '--max-size', '--username U']],
    ] as const) {
      for (const args of [
        [command, '--help'],
        ['help', command],
        [command, '-h'],
      ]) {
        const { code, stdout } = await runNode(CLI, args)
        assert.equal(code, 0, args.join(' '))
        assert.match(stdout, new RegExp(`^Usage: tar-push ${command} `))
        for (const flag of flags) assert.ok(stdout.includes(flag), `${args.join(' ')}: ${flag}`)
        const examples = stdout.split('Examples:\n')[1] ?? ''
        assert.match(
          examples,
          new RegExp(`^  tar-push ${command} `, 'm'),
          'an example of the command',
        )
      }
    }
    const pullHelp = await runNode(CLI, ['pull', '--help'])
    assert.ok(!pullHelp.stdout.includes('--compression'), 'pull help lists only pull flags')
  })

  it('pushes, prints repository@digest, and exits 0', async () => {
    const image = `${registry.host}/cli/app`
    const { code, stdout, stderr } = await runNode(
      CLI,
      ['push', tarball, '--image', image, '--tag', '1.0,extra', '--tag', 'latest'],
      { env: env() },
    )
    assert.equal(code, 0, stderr)
    const [reference] = stdout.trim().split('\n')
    assert.match(reference!, new RegExp(`^${image.replace(/\./g, '\\.')}@sha256:[a-f0-9]{64}$`))
    for (const tag of ['1.0', 'extra', 'latest']) {
      assert.equal(
        `${image}@${sha256(await inspectRaw(`${image}:${tag}`, { registry }))}`,
        reference,
      )
    }
    assert.match(stderr, /uploaded/)
  })

  it('--json prints the metadata', async () => {
    const { code, stdout, stderr } = await runNode(
      CLI,
      ['push', tarball, '--image', `${registry.host}/cli/json`, '--tag', 'j', '--json'],
      { env: env() },
    )
    assert.equal(code, 0, stderr)
    const metadata = JSON.parse(stdout) as {
      images: {
        reference: string
        digest: string
        tags: string[]
        manifests: { layers: { status: string; digest: string; size: number }[] }[]
      }[]
    }
    const image = metadata.images[0]!
    assert.equal(image.reference, `${registry.host}/cli/json`)
    assert.deepEqual(image.tags, [`${registry.host}/cli/json:j`])
    assert.equal(
      image.manifests[0]!.layers.length,
      fixtureByName(corpus, 'docker-archive-skopeo').diffIds.length,
    )
    for (const layer of image.manifests[0]!.layers)
      assert.ok(['uploaded', 'skipped', 'mounted'].includes(layer.status))
  })

  it('keeps a digest map in the XDG cache dir: the next push to another repository mounts', async () => {
    const args = (repository: string) => pushArgs(repository, 'm', '--json')
    const first = await runNode(CLI, args('cli/map-a'), { env: env() })
    assert.equal(first.code, 0, first.stderr)
    const second = await runNode(CLI, args('cli/map-b'), { env: env() })
    assert.equal(second.code, 0, second.stderr)
    const layers = (
      JSON.parse(second.stdout) as { images: { manifests: { layers: { status: string }[] }[] }[] }
    ).images[0]!.manifests[0]!.layers
    assert.ok(
      layers.length > 0 && layers.every((layer) => layer.status === 'mounted'),
      second.stdout,
    )
    const isolated = await runNode(CLI, [...args('cli/map-c'), '--no-cache'], { env: env() })
    assert.ok(!isolated.stdout.includes('"mounted"'), '--no-cache learns nothing from earlier runs')
  })

  it('pushes a tarball of several images with --map and --select; several tarballs as one index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-multi-'))
    const save = await writeMultiImageSave(join(dir, 'two.tar'), tarball)
    const mapped = await runNode(
      CLI,
      [
        'push',
        save.path,
        '--map',
        `a:1 => ${registry.host}/cli/mapped-a`,
        '--map',
        `b:* => ${registry.host}/cli/mapped-b:*`,
        '--no-cache',
      ],
      { env: env() },
    )
    assert.equal(mapped.code, 0, mapped.stderr)
    assert.deepEqual(
      mapped.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('@')[0]),
      [`${registry.host}/cli/mapped-a`, `${registry.host}/cli/mapped-b`],
    )
    const selected = await runNode(
      CLI,
      [
        'push',
        save.path,
        '--select',
        'b:1',
        '--image',
        `${registry.host}/cli/selected`,
        '--no-cache',
      ],
      { env: env() },
    )
    assert.equal(selected.code, 0, selected.stderr)
    assert.match(selected.stderr, new RegExp(`pushed ${registry.host}/cli/selected:1`))
    const platforms = await buildPlatformTarballs(join(dir, 'platforms'), 'x.io/app:1', [
      { os: 'linux', architecture: 'amd64', format: 'docker-archive' },
      { os: 'linux', architecture: 'riscv64', format: 'docker-archive' },
    ])
    const index = await runNode(
      CLI,
      [
        'push',
        ...platforms.map((made) => made.path),
        '--registry',
        `${registry.host}/cli`,
        '--json',
      ],
      { env: env() },
    )
    assert.equal(index.code, 0, index.stderr)
    const result = JSON.parse(index.stdout) as { images: { mediaType: string; tags: string[] }[] }
    assert.equal(
      result.images[0]!.mediaType,
      'application/vnd.docker.distribution.manifest.list.v2+json',
    )
    assert.deepEqual(result.images[0]!.tags, [`${registry.host}/cli/app:1`])
  })

  it('exit 2 on usage errors and bad tarballs, with the code and a hint', async () => {
    const cases: [string[], RegExp][] = [
      [['push'], /USAGE: push needs a TARBALL/],
      [['frobnicate', 'x'], /USAGE: unknown command/],
      [['push', tarball, '--compression', 'lz4'], /USAGE: --compression must be one of/],
      [
        ['push', tarball, '--compression', 'gzip', '--compression-level', '12'],
        /USAGE: --compression-level/,
      ],
      [['push', tarball, '--bogus'], /USAGE/],
      [['push', '/nonexistent.tar', '--image', `${registry.host}/x`], /TARBALL_NOT_FOUND/],
      [
        [
          'push',
          fixtureByName(corpus, 'docker-archive-untagged').path,
          '--image',
          `${registry.host}/x`,
        ],
        /NO_TAGS[\s\S]*hint: pass tags/,
      ],
    ]
    for (const [args, pattern] of cases) {
      const { code, stderr } = await runNode(CLI, args, { env: env() })
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`)
      assert.match(stderr, pattern)
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace for an expected failure')
    }
  })

  it('exit 3 on a refused credential; the password never appears in any output', async () => {
    const password = 'hunter2: very secret'
    const { code, stdout, stderr } = await pushToBasicWithStdinPassword('cli/secret', password)
    assert.equal(code, 3, stderr)
    assert.match(stderr, /AUTH_FAILED/)
    assertNoSecret(stdout + stderr, ALICE.username, password)
  })

  it('--password-stdin pushes to a Basic-auth registry; nothing prints the password', async () => {
    const { code, stdout, stderr } = await pushToBasicWithStdinPassword('cli/stdin', ALICE.password)
    assert.equal(code, 0, stderr)
    assert.match(stderr, /debug: > PUT/, 'debug output shows the traffic')
    assertNoSecret(stdout + stderr, ALICE.username, ALICE.password)
  })

  it('uses a docker credential helper named in credHelpers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'helper-'))
    const bin = join(dir, 'bin')
    await mkdir(bin)
    const helper = join(bin, 'docker-credential-tptest')
    const reply = JSON.stringify({
      ServerURL: basic.host,
      Username: ALICE.username,
      Secret: ALICE.password,
    })
    await writeFile(
      helper,
      `#!/bin/sh\nread server\n[ "$server" = "${basic.host}" ] || { echo "credentials not found in native keychain"; exit 1; }\necho '${reply}'\n`,
    )
    await chmod(helper, 0o755)
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({ credHelpers: { [basic.host]: 'tptest' } }),
    )
    const { code, stderr } = await runNode(
      CLI,
      ['push', tarball, '--image', `${basic.host}/cli/helper`, '--tag', '1'],
      {
        env: { ...env(), DOCKER_CONFIG: dir, PATH: `${bin}:${process.env['PATH']}` },
      },
    )
    assert.equal(code, 0, stderr)
    assert.match(stderr, /credHelpers \(tptest\)/)
  })
})

describe('tar-push pull (dist/cli/index.js)', () => {
  it('pulls from a Basic-auth registry what it pushed, prints the path, --json the result', async () => {
    const image = `${basic.host}/cli/pulled:1`
    const pushed = await runNode(
      CLI,
      [
        'push',
        tarball,
        '--image',
        `${basic.host}/cli/pulled`,
        '--tag',
        '1',
        '--username',
        ALICE.username,
        '--password-stdin',
      ],
      { env: env(), stdin: ALICE.password },
    )
    assert.equal(pushed.code, 0, pushed.stderr)
    const digest = pushed.stdout.trim().split('@')[1]
    const output = join(await mkdtemp(join(tmpdir(), 'cli-pull-')), 'image.tar')
    const { code, stdout, stderr } = await runNode(
      CLI,
      ['pull', image, '-o', output, '--username', ALICE.username, '--password-stdin', '--json'],
      { env: env(), stdin: ALICE.password },
    )
    assert.equal(code, 0, stderr)
    const result = JSON.parse(stdout) as { digest: string; path: string; format: string }
    assert.deepEqual([result.digest, result.path, result.format], [digest, output, 'docker'])
    assertNoSecret(stdout + stderr, ALICE.username, ALICE.password)
  })

  it('exit 2 on a bad format or a push-only flag, exit 3 when the image is not there', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'cli-pull-')), 'x')
    const badFormat = await runNode(
      CLI,
      ['pull', `${registry.host}/a:1`, '-o', output, '--format', 'zip'],
      { env: env() },
    )
    assert.equal(badFormat.code, 2)
    assert.match(
      badFormat.stderr,
      /USAGE: --format must be one of docker, oci, oci-archive, rootfs/,
    )
    const pushFlag = await runNode(
      CLI,
      ['pull', `${registry.host}/a:1`, '-o', output, '--tag', '1'],
      { env: env() },
    )
    assert.equal(pushFlag.code, 2)
    assert.match(pushFlag.stderr, /--tag is not an option of pull/)
    const missing = await runNode(CLI, ['pull', `${registry.host}/cli/none:1`, '-o', output], {
      env: env(),
    })
    assert.equal(missing.code, 3, missing.stderr)
    assert.match(missing.stderr, /IMAGE_NOT_FOUND/)
  })
})

describe('HTTP_PROXY and NO_PROXY', () => {
  it('sends registry traffic through HTTP_PROXY, and not when NO_PROXY names the registry', async () => {
    const { startForwardProxy } = await import('./support/forward-proxy.ts')
    const proxy = await startForwardProxy()
    try {
      const args = (repository: string) => pushArgs(repository, '1', '--no-cache')
      const through = await runNode(CLI, args('proxy/through'), {
        env: env({ HTTP_PROXY: proxy.url, NO_PROXY: '' }),
      })
      assert.equal(through.code, 0, through.stderr)
      assert.ok(
        proxy.requested.some((url) => url === `http://${registry.host}/v2/`),
        proxy.requested.join('\n'),
      )
      assert.ok(proxy.requested.some((url) => url.includes('/v2/proxy/through/manifests/1')))
      const count = proxy.requested.length
      const bypass = await runNode(CLI, args('proxy/bypass'), {
        env: env({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }),
      })
      assert.equal(bypass.code, 0, bypass.stderr)
      assert.equal(proxy.requested.length, count, 'NO_PROXY bypasses the proxy')
    } finally {
      await proxy.stop()
    }
  })
})

/** `push` of the shared tarball to the anonymous registry. */
function pushArgs(repository: string, tag: string, ...flags: string[]): string[] {
  return ['push', tarball, '--image', `${registry.host}/${repository}`, '--tag', tag, ...flags]
}

/** A --debug push as alice to the Basic-auth registry, the password given on stdin. */
function pushToBasicWithStdinPassword(repository: string, password: string) {
  const args = ['push', tarball, '--image', `${basic.host}/${repository}`, '--tag', '1']
  return runNode(CLI, [...args, '--username', ALICE.username, '--password-stdin', '--debug'], {
    env: env(),
    stdin: `${password}\n`,
  })
}

function assertNoSecret(output: string, username: string, password: string): void {
  for (const form of [
    password,
    Buffer.from(password).toString('base64'),
    Buffer.from(`${username}:${password}`).toString('base64'),
  ]) {
    assert.ok(!output.includes(form), `output shows a secret form: ${form}`)
  }
}
