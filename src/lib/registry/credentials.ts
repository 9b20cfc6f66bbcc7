import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import nodePath, { type PlatformPath } from 'node:path'
import { TarPushError } from '../errors.ts'
import { DOCKER_HUB } from '../reference.ts'

export type Credentials =
  | { kind: 'password'; username: string; password: string }
  /** An OAuth2 refresh token (docker config `identitytoken`, helper username `<token>`). */
  | { kind: 'identity-token'; token: string }

export interface ResolvedCredentials {
  credentials: Credentials | undefined
  /** Where they came from, for the log: "inputs", "docker config (credHelpers: ecr-login)"… */
  source: string
}

export interface CredentialLookup {
  registry: string
  username?: string
  password?: string
  env?: NodeJS.ProcessEnv
}

/** Docker config keys for Docker Hub, in the forms docker login has written over the years. */
const DOCKER_HUB_KEYS = [
  'https://index.docker.io/v1/',
  'index.docker.io',
  'docker.io',
  'registry-1.docker.io',
]

/**
 * Credentials in docker's order of precedence: explicit inputs, then the docker config
 * (`credHelpers` for the host, `auths`, then `credsStore`), then `GITHUB_TOKEN` for ghcr.io.
 */
export async function resolveCredentials(lookup: CredentialLookup): Promise<ResolvedCredentials> {
  const env = lookup.env ?? process.env
  if (lookup.password) {
    if (!lookup.username) {
      throw new TarPushError('USAGE', 'a password was given without a username', {
        hint: 'pass username with password (for a token, any non-empty username works on most registries)',
      })
    }
    return {
      credentials: { kind: 'password', username: lookup.username, password: lookup.password },
      source: 'inputs',
    }
  }
  const fromConfig = await fromDockerConfig(lookup.registry, env)
  if (fromConfig) return fromConfig
  if (lookup.registry === 'ghcr.io' && env['GITHUB_TOKEN']) {
    const username = lookup.username || env['GITHUB_ACTOR'] || 'x-access-token'
    return {
      credentials: { kind: 'password', username, password: env['GITHUB_TOKEN'] },
      source: 'GITHUB_TOKEN',
    }
  }
  return { credentials: undefined, source: 'anonymous' }
}

interface DockerConfig {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >
  credHelpers?: Record<string, string>
  credsStore?: string
}

/** Where a platform's programs and files are looked up: injectable so Windows rules run on Linux. */
export interface HostPlatform {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  /** `path.win32` or `path.posix`. */
  path: PlatformPath
}

const hostOf = (env: NodeJS.ProcessEnv): HostPlatform => ({
  platform: process.platform,
  env,
  path: nodePath,
})

/**
 * The docker config directory as docker finds it: `DOCKER_CONFIG`, else `.docker` in the home
 * directory (`%USERPROFILE%` on Windows, `$HOME` elsewhere, the OS's answer when unset).
 */
export function dockerConfigDirectory(host: HostPlatform): string {
  const { env, path } = host
  if (env['DOCKER_CONFIG']) return env['DOCKER_CONFIG']
  const home = (host.platform === 'win32' ? env['USERPROFILE'] : env['HOME']) || homedir()
  return path.join(home, '.docker')
}

/** Windows' default PATHEXT, as cmd.exe has it when the variable is unset. */
const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD'

/**
 * The files `docker-credential-<name>` may be, in the order Windows looks: each `PATH` directory,
 * each `PATHEXT` extension (`.exe`, `.cmd`…). Elsewhere the bare name, found by the OS in `PATH`.
 * Windows env names are case-insensitive (`Path` is common), so they are matched so.
 */
export function credentialHelperCandidates(name: string, host: HostPlatform): string[] {
  const program = `docker-credential-${name}`
  if (host.platform !== 'win32') return [program]
  const lookup = (key: string) =>
    Object.entries(host.env).find(([k]) => k.toUpperCase() === key)?.[1]
  const directories = (lookup('PATH') ?? '')
    .split(';')
    .map((dir) => dir.trim().replace(/^"(.*)"$/, '$1'))
    .filter((dir) => dir !== '')
  const extensions = (lookup('PATHEXT') || DEFAULT_PATHEXT)
    .split(';')
    .map((ext) => ext.trim())
    .filter((ext) => ext.startsWith('.'))
  // A name given with its extension ("docker-credential-x.exe" in the config) is tried as is first.
  const hasExtension = extensions.some((ext) => program.toLowerCase().endsWith(ext.toLowerCase()))
  return directories.flatMap((dir) => [
    ...(hasExtension ? [host.path.join(dir, program)] : []),
    ...extensions.map((ext) => host.path.join(dir, `${program}${ext.toLowerCase()}`)),
  ])
}

/**
 * The helper to run: on Windows the first candidate that is a file (undefined when none is),
 * elsewhere the bare name. `isFile` is injectable for tests.
 */
export function findCredentialHelper(
  name: string,
  host: HostPlatform,
  isFile: (path: string) => boolean = isFileSync,
): string | undefined {
  const candidates = credentialHelperCandidates(name, host)
  if (host.platform !== 'win32') return candidates[0]
  return candidates.find(isFile)
}

function isFileSync(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

const normaliseKey = (key: string): string => key.replace(/^https?:\/\//, '').replace(/\/.*$/, '')

async function fromDockerConfig(
  registry: string,
  env: NodeJS.ProcessEnv,
): Promise<ResolvedCredentials | undefined> {
  const host = hostOf(env)
  const path = host.path.join(dockerConfigDirectory(host), 'config.json')
  let config: DockerConfig
  try {
    config = JSON.parse(await readFile(path, 'utf8')) as DockerConfig
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new TarPushError(
      'CREDENTIAL_HELPER',
      `cannot read docker config ${path}: ${(error as Error).message}`,
      {
        subject: path,
        hint: 'fix or remove the file, or pass username and password',
      },
    )
  }
  const keys = registry === DOCKER_HUB ? DOCKER_HUB_KEYS : [registry]
  const matches = (key: string) => keys.includes(key) || keys.includes(normaliseKey(key))
  const helperName = Object.entries(config.credHelpers ?? {}).find(([key]) => matches(key))?.[1]
  if (helperName) {
    const credentials = await runCredentialHelper(helperName, serverUrlFor(registry), host)
    if (credentials) return { credentials, source: `docker config credHelpers (${helperName})` }
  }
  const auth = Object.entries(config.auths ?? {}).find(([key]) => matches(key))?.[1]
  if (auth) {
    if (auth.identitytoken)
      return { credentials: { kind: 'identity-token', token: auth.identitytoken }, source: path }
    if (auth.auth) {
      const decoded = Buffer.from(auth.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0) {
        const credentials: Credentials = {
          kind: 'password',
          username: decoded.slice(0, colon),
          password: decoded.slice(colon + 1),
        }
        return { credentials, source: path }
      }
    }
    if (auth.username && auth.password) {
      return {
        credentials: { kind: 'password', username: auth.username, password: auth.password },
        source: path,
      }
    }
  }
  if (config.credsStore) {
    const credentials = await runCredentialHelper(config.credsStore, serverUrlFor(registry), host)
    if (credentials)
      return { credentials, source: `docker config credsStore (${config.credsStore})` }
  }
  return undefined
}

const serverUrlFor = (registry: string): string =>
  registry === DOCKER_HUB ? DOCKER_HUB_KEYS[0]! : registry

/** Runs `docker-credential-<name> get` as docker does; "not found" means no credentials. */
async function runCredentialHelper(
  name: string,
  serverUrl: string,
  host: HostPlatform,
): Promise<Credentials | undefined> {
  const program = `docker-credential-${name}`
  const file = findCredentialHelper(name, host)
  if (file === undefined) {
    throw new TarPushError(
      'CREDENTIAL_HELPER',
      `cannot run ${program}: no ${program} with an extension of PATHEXT (.exe, .cmd…) in PATH`,
      { subject: program, hint: `install ${program} or remove it from the docker config` },
    )
  }
  // Windows runs .cmd and .bat only through cmd.exe (Node refuses them without a shell).
  const throughShell = host.platform === 'win32' && /\.(cmd|bat)$/i.test(file)
  const { code, stdout, stderr } = await new Promise<{
    code: number | null
    stdout: string
    stderr: string
  }>((resolve, reject) => {
    const child = throughShell
      ? spawn(`"${file}"`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], shell: true })
      : spawn(file, ['get'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) =>
      reject(
        new TarPushError('CREDENTIAL_HELPER', `cannot run ${program}: ${error.message}`, {
          subject: program,
          hint: `install ${program} or remove it from the docker config`,
        }),
      ),
    )
    child.on('close', (exitCode) => resolve({ code: exitCode, stdout, stderr }))
    child.stdin.end(serverUrl)
  })
  const output = `${stdout}${stderr}`.trim()
  if (code !== 0) {
    if (/credentials not found/i.test(output)) return undefined
    throw new TarPushError(
      'CREDENTIAL_HELPER',
      `${program} get failed (exit ${code}): ${output.slice(0, 200)}`,
      {
        subject: program,
        hint: 'log in again with the helper, or pass username and password',
      },
    )
  }
  let reply: { Username?: string; Secret?: string }
  try {
    reply = JSON.parse(stdout) as { Username?: string; Secret?: string }
  } catch {
    throw new TarPushError(
      'CREDENTIAL_HELPER',
      `${program} get printed something that is not JSON`,
      { subject: program },
    )
  }
  if (!reply.Secret) return undefined
  if (reply.Username === '<token>') return { kind: 'identity-token', token: reply.Secret }
  return { kind: 'password', username: reply.Username ?? '', password: reply.Secret }
}
