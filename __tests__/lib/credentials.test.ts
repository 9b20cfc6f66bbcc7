import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import {
  credentialHelperCandidates,
  dockerConfigDirectory,
  findCredentialHelper,
  resolveCredentials,
} from '../../src/lib/registry/credentials.ts'

async function configDir(config: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-config-'))
  await writeFile(join(dir, 'config.json'), JSON.stringify(config))
  return dir
}

describe('resolveCredentials', () => {
  it('prefers explicit inputs', async () => {
    const dir = await configDir({
      auths: { 'ghcr.io': { auth: Buffer.from('a:b').toString('base64') } },
    })
    const resolved = await resolveCredentials({
      registry: 'ghcr.io',
      username: 'me',
      password: 'pw',
      env: { DOCKER_CONFIG: dir, GITHUB_TOKEN: 't' },
    })
    assert.deepEqual(resolved.credentials, { kind: 'password', username: 'me', password: 'pw' })
    assert.equal(resolved.source, 'inputs')
  })

  it('reads Docker Hub entries under the legacy index URL', async () => {
    const dir = await configDir({
      auths: {
        'https://index.docker.io/v1/': {
          auth: Buffer.from('hub:pass:with:colons').toString('base64'),
        },
      },
    })
    const resolved = await resolveCredentials({
      registry: 'docker.io',
      env: { DOCKER_CONFIG: dir },
    })
    assert.deepEqual(resolved.credentials, {
      kind: 'password',
      username: 'hub',
      password: 'pass:with:colons',
    })
  })

  it('takes an identity token as such', async () => {
    const dir = await configDir({ auths: { 'r.example': { identitytoken: 'refresh-me' } } })
    const resolved = await resolveCredentials({
      registry: 'r.example',
      env: { DOCKER_CONFIG: dir },
    })
    assert.deepEqual(resolved.credentials, { kind: 'identity-token', token: 'refresh-me' })
  })

  it('falls back to GITHUB_TOKEN for ghcr.io only', async () => {
    const dir = await configDir({})
    const ghcr = await resolveCredentials({
      registry: 'ghcr.io',
      env: { DOCKER_CONFIG: dir, GITHUB_TOKEN: 'ghs_x', GITHUB_ACTOR: 'octo' },
    })
    assert.deepEqual(ghcr.credentials, { kind: 'password', username: 'octo', password: 'ghs_x' })
    assert.equal(ghcr.source, 'GITHUB_TOKEN')
    const other = await resolveCredentials({
      registry: 'quay.io',
      env: { DOCKER_CONFIG: dir, GITHUB_TOKEN: 'ghs_x' },
    })
    assert.equal(other.credentials, undefined)
  })

  it('refuses a password without a username', async () => {
    await assert.rejects(
      resolveCredentials({ registry: 'r.example', password: 'x', env: {} }),
      /without a username/,
    )
  })

  it('names the helper that cannot be run', async () => {
    const dir = await configDir({ credHelpers: { 'r.example': 'does-not-exist' } })
    await assert.rejects(
      resolveCredentials({ registry: 'r.example', env: { DOCKER_CONFIG: dir } }),
      /docker-credential-does-not-exist/,
    )
  })
})

describe('credential helpers and the docker config on each platform', () => {
  const windows = (env: NodeJS.ProcessEnv) => ({ platform: 'win32' as const, env, path: win32 })
  const linux = (env: NodeJS.ProcessEnv) => ({ platform: 'linux' as const, env, path: posix })

  it('looks a helper up on Windows through PATH and PATHEXT (.exe, .cmd), in that order', () => {
    const env = {
      Path: 'C:\\Tools;"C:\\Program Files\\Docker\\bin";;',
      PATHEXT: '.COM;.EXE;.BAT;.CMD',
    }
    assert.deepEqual(credentialHelperCandidates('wincred', windows(env)), [
      'C:\\Tools\\docker-credential-wincred.com',
      'C:\\Tools\\docker-credential-wincred.exe',
      'C:\\Tools\\docker-credential-wincred.bat',
      'C:\\Tools\\docker-credential-wincred.cmd',
      'C:\\Program Files\\Docker\\bin\\docker-credential-wincred.com',
      'C:\\Program Files\\Docker\\bin\\docker-credential-wincred.exe',
      'C:\\Program Files\\Docker\\bin\\docker-credential-wincred.bat',
      'C:\\Program Files\\Docker\\bin\\docker-credential-wincred.cmd',
    ])
    const present = new Set([
      'C:\\Program Files\\Docker\\bin\\docker-credential-wincred.exe',
      'C:\\Tools\\docker-credential-wincred.cmd',
    ])
    assert.equal(
      findCredentialHelper('wincred', windows(env), (path) => present.has(path)),
      'C:\\Tools\\docker-credential-wincred.cmd',
    )
    assert.equal(
      findCredentialHelper('wincred', windows(env), () => false),
      undefined,
    )
  })

  it('uses the default PATHEXT when it is unset, and leaves the lookup to the OS elsewhere', () => {
    assert.deepEqual(credentialHelperCandidates('ecr-login', windows({ PATH: 'D:\\bin' })), [
      'D:\\bin\\docker-credential-ecr-login.com',
      'D:\\bin\\docker-credential-ecr-login.exe',
      'D:\\bin\\docker-credential-ecr-login.bat',
      'D:\\bin\\docker-credential-ecr-login.cmd',
    ])
    assert.deepEqual(credentialHelperCandidates('ecr-login', linux({ PATH: '/usr/bin' })), [
      'docker-credential-ecr-login',
    ])
    assert.equal(
      findCredentialHelper('ecr-login', linux({}), () => false),
      'docker-credential-ecr-login',
    )
  })

  it('finds the docker config in DOCKER_CONFIG, else %USERPROFILE%\\.docker or $HOME/.docker', () => {
    assert.equal(
      dockerConfigDirectory(windows({ USERPROFILE: 'C:\\Users\\me', HOME: '/ignored' })),
      'C:\\Users\\me\\.docker',
    )
    assert.equal(
      dockerConfigDirectory(windows({ DOCKER_CONFIG: 'D:\\cfg', USERPROFILE: 'C:\\Users\\me' })),
      'D:\\cfg',
    )
    assert.equal(dockerConfigDirectory(linux({ HOME: '/home/me' })), '/home/me/.docker')
  })

  it('runs a real helper found in PATH (a .cmd on Windows, a script elsewhere)', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'helper-bin-'))
    const reply = '{"Username":"helper-user","Secret":"helper-secret"}'
    if (process.platform === 'win32') {
      await writeFile(join(bin, 'docker-credential-fake.cmd'), `@echo off\r\necho ${reply}\r\n`)
    } else {
      const script = join(bin, 'docker-credential-fake')
      await writeFile(script, `#!/bin/sh\ncat >/dev/null\necho '${reply}'\n`)
      await chmod(script, 0o755)
    }
    const dir = await configDir({ credHelpers: { 'r.example': 'fake' } })
    const delimiter = process.platform === 'win32' ? ';' : ':'
    const saved = process.env['PATH']
    const path = `${bin}${delimiter}${saved ?? ''}`
    // Elsewhere the OS finds the helper in the PATH tar-push runs with.
    process.env['PATH'] = path
    try {
      const resolved = await resolveCredentials({
        registry: 'r.example',
        env: { ...process.env, DOCKER_CONFIG: dir, PATH: path },
      })
      assert.deepEqual(resolved.credentials, {
        kind: 'password',
        username: 'helper-user',
        password: 'helper-secret',
      })
      assert.equal(resolved.source, 'docker config credHelpers (fake)')
    } finally {
      process.env['PATH'] = saved
    }
  })
})
