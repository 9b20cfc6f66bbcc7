import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveCredentials } from '../../src/lib/registry/credentials.ts'

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
