import { TarPushError } from './errors.ts'
import { isDigest } from './digest.ts'

/** The registry name docker uses for Docker Hub, and the host that actually serves its API. */
export const DOCKER_HUB = 'docker.io'
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io'

const TAG = /^[\w][\w.-]{0,127}$/
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d+)?$/

/** A repository: where blobs and manifests live. */
export interface Repository {
  /** As docker names it: docker.io, ghcr.io, 127.0.0.1:5000. */
  readonly registry: string
  /** Path inside the registry, Docker Hub's `library/` included: library/alpine. */
  readonly path: string
}

export interface Reference extends Repository {
  readonly tag: string | undefined
  readonly digest: string | undefined
}

const invalid = (value: string, why: string): TarPushError =>
  new TarPushError('INVALID_REFERENCE', `invalid image reference "${value}": ${why}`, {
    subject: value,
    hint: 'use a reference such as ghcr.io/org/app, 127.0.0.1:5000/app or app:1.0',
  })

/** The first component names a registry when it looks like a host, as docker decides it. */
const looksLikeRegistry = (component: string): boolean =>
  component.includes('.') ||
  component.includes(':') ||
  component === 'localhost' ||
  component.startsWith('[')

/** Parses `[registry/]path[:tag][@digest]` with docker's normalisation (app → docker.io/library/app). */
export function parseReference(value: string): Reference {
  const input = value.trim()
  if (input === '') throw invalid(value, 'it is empty')
  let rest = input
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!isDigest(digest)) throw invalid(value, `"${digest}" is not a digest`)
  }
  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!TAG.test(tag)) throw invalid(value, `"${tag}" is not a valid tag`)
  }
  const { registry, path } = splitRepository(rest, value)
  return { registry, path, tag, digest }
}

/** Parses a repository name without tag or digest. */
export function parseRepository(value: string): Repository {
  const reference = parseReference(value)
  if (reference.tag !== undefined || reference.digest !== undefined) {
    throw invalid(value, 'a repository takes no tag or digest here (pass tags separately)')
  }
  return { registry: reference.registry, path: reference.path }
}

function splitRepository(name: string, original: string): Repository {
  const components = name.split('/')
  let registry = DOCKER_HUB
  if (components.length > 1 && looksLikeRegistry(components[0]!)) {
    registry = components.shift()!
    if (!HOST.test(registry)) throw invalid(original, `"${registry}" is not a registry host`)
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST) registry = DOCKER_HUB
  if (registry === DOCKER_HUB && components.length === 1) components.unshift('library')
  for (const component of components) {
    if (!PATH_COMPONENT.test(component)) {
      throw invalid(
        original,
        `"${component}" is not a valid path component (lowercase letters, digits, separators)`,
      )
    }
  }
  const path = components.join('/')
  if (path.length + registry.length > 255)
    throw invalid(original, 'it is longer than 255 characters')
  return { registry, path }
}

export const isValidTag = (tag: string): boolean => TAG.test(tag)

export const repositoryName = (repository: Repository): string =>
  `${repository.registry}/${repository.path}`

/** The host that serves the registry API (Docker Hub's differs from its name). */
export const apiHost = (registry: string): string =>
  registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry

/** The name as docker shows it: Docker Hub without docker.io/ and library/ (alpine, org/app). */
export function familiarRepository(repository: Repository): string {
  if (repository.registry !== DOCKER_HUB) return repositoryName(repository)
  return repository.path.startsWith('library/') ? repository.path.slice(8) : repository.path
}

export function formatReference(reference: Reference): string {
  let text = repositoryName(reference)
  if (reference.tag !== undefined) text += `:${reference.tag}`
  if (reference.digest !== undefined) text += `@${reference.digest}`
  return text
}

/** Loopback registries speak plain HTTP without asking, as docker and crane allow. */
export function isLoopback(registry: string): boolean {
  const host = registry.startsWith('[')
    ? registry.slice(1, registry.indexOf(']'))
    : registry.replace(/:\d+$/, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '::1'
  )
}
