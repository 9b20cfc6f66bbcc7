import { TarPushError } from './errors.ts'
import type { SourceEntry } from './image/model.ts'
import {
  DOCKER_HUB,
  familiarRepository,
  formatReference,
  isValidTag,
  parseReference,
  repositoryName,
  type Reference,
  type Repository,
} from './reference.ts'

export interface PushTarget {
  entry: SourceEntry
  repository: Repository
  /** Tags to set; none when the image is pushed by digest only (`image` names a digest). */
  tags: string[]
  /** The digest `image` named: the pushed manifest must have it, or nothing is published. */
  digest?: string | undefined
}

/** One line of the `images` input: `SOURCE => TARGET`, `*` in SOURCE carried into TARGET. */
export interface ImageMapping {
  source: string
  target: string
}

export interface TargetOptions {
  /**
   * Target repository (`image` input), optionally with a tag or digest as docker and crane take
   * it (ghcr.io/org/app:1); when absent the tarball's own names decide.
   */
  image?: string | undefined
  /** Tags to push (`tags` input); when empty the tarball's own tags. */
  tags?: readonly string[] | undefined
  /** Registry, optionally with a namespace (ghcr.io/org), the stored names are moved to. */
  registry?: string | undefined
  /** Explicit SOURCE => TARGET names; only the images they match are pushed. */
  mappings?: readonly ImageMapping[] | undefined
  /** Push only the image carrying this name (`*` allowed). */
  select?: string | undefined
  sourceName: string
}

/** A stored name is a whole reference, or a tag alone as skopeo and umoci write `ref.name`. */
const isTagOnly = (ref: string): boolean =>
  !ref.includes('/') && !ref.includes(':') && !ref.includes('@')

const usage = (message: string, hint: string, subject?: string): TarPushError =>
  new TarPushError('USAGE', message, { hint, ...(subject ? { subject } : {}) })

/**
 * Whether a command-line operand reads as a push target rather than a file (crane's order,
 * `push TARBALL TARGET`): an image reference that names its registry (ghcr.io/org/app,
 * localhost:5000/app) or, unless `registryNeeded`, a tag or digest (app:1). The caller checks
 * first that no such file exists.
 */
export function looksLikeTarget(operand: string, registryNeeded = false): boolean {
  let reference: Reference
  try {
    reference = parseReference(operand)
  } catch {
    return false
  }
  const namesRegistry =
    reference.registry !== DOCKER_HUB ||
    /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//.test(operand.trim())
  if (registryNeeded) return namesRegistry
  return namesRegistry || reference.tag !== undefined || reference.digest !== undefined
}

/** Parses `images` lines: `SOURCE => TARGET`; blank lines and `#` comments are ignored. */
export function parseMappings(lines: readonly string[]): ImageMapping[] {
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const parts = line.split('=>').map((part) => part.trim())
      if (parts.length !== 2 || !parts[0] || !parts[1]) {
        throw usage(
          `"${line}" is not a mapping`,
          'write each line as SOURCE => TARGET, e.g. app:1 => ghcr.io/org/app:1 or example.com/* => ghcr.io/org/*',
          line,
        )
      }
      return { source: parts[0], target: parts[1] }
    })
}

/**
 * Decides where each image of a tarball goes, as docker would: `image` and `tags` when given,
 * otherwise the names the tarball carries (RepoTags, OCI ref names), `latest` for a name without
 * tag — moved to `registry` when given, or renamed by `mappings`; `select` narrows to one image.
 */
export function resolveTargets(
  entries: readonly SourceEntry[],
  options: TargetOptions,
): PushTarget[] {
  const image = checkTargetOptions(options)
  const hasMappings = (options.mappings?.length ?? 0) > 0
  const selected = options.select !== undefined ? [selectEntry(entries, options)] : entries
  if (image !== undefined && selected.length > 1) {
    throw usage(
      `${options.sourceName} holds ${selected.length} images; one image input cannot name them all`,
      'omit image to push each image under its own name, pick one with select, or map them with images',
      options.sourceName,
    )
  }
  const targets = hasMappings
    ? mappedTargets(selected, options.mappings!, options)
    : selected.flatMap((entry) => targetsOf(entry, options, image))
  refuseCollisions(targets)
  return targets
}

/**
 * What can be told wrong about the target options before any tarball is read: a malformed tag,
 * `image` with `registry` or `images`, a malformed `image`, a tag given both in `image` and in
 * `tags`. Returns `image` as read.
 */
export function checkTargetOptions(
  options: Omit<TargetOptions, 'sourceName'>,
): ImageTarget | undefined {
  for (const tag of options.tags ?? []) {
    if (!isValidTag(tag)) {
      throw new TarPushError('USAGE', `"${tag}" is not a valid tag`, {
        subject: tag,
        hint: 'tags are up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"',
      })
    }
  }
  const hasMappings = (options.mappings?.length ?? 0) > 0
  if (options.image !== undefined && (hasMappings || options.registry !== undefined)) {
    throw usage(
      `image names the one target repository; it does not go with ${hasMappings ? 'images' : 'registry'}`,
      'pass image for a tarball with one image, registry or images to move the names a tarball carries',
    )
  }
  return options.image !== undefined ? imageTarget(options.image, options.tags) : undefined
}

/** The `image` input read as docker push and crane read a target: REPO[:TAG][@DIGEST]. */
export interface ImageTarget {
  repository: Repository
  /** The tags it names or that go with it; undefined: the tarball's own. */
  tags: string[] | undefined
  digest: string | undefined
}

/**
 * A tag in `image` is the tag to push; given again in `tags`, it must be the same one, since
 * either way of writing it could be the one meant. A digest pushes by digest (no tag unless
 * one is given) and is checked against what is pushed.
 */
function imageTarget(image: string, tags: readonly string[] | undefined): ImageTarget {
  const reference = parseReference(image)
  const repository = { registry: reference.registry, path: reference.path }
  const given = unique(tags ?? [])
  if (reference.tag !== undefined) {
    if (given.length > 0 && (given.length > 1 || given[0] !== reference.tag)) {
      throw usage(
        `the tag is given twice: image ${image} names ${reference.tag}, tags name ${given.join(', ')}`,
        `give the tags in one place: image ${repositoryName(reference)} with tags ${given.join(',')}, or image ${repositoryName(reference)}:${reference.tag} without tags`,
        image,
      )
    }
    return { repository, tags: [reference.tag], digest: reference.digest }
  }
  if (given.length > 0) return { repository, tags: given, digest: reference.digest }
  return {
    repository,
    tags: reference.digest !== undefined ? [] : undefined,
    digest: reference.digest,
  }
}

function selectEntry(entries: readonly SourceEntry[], options: TargetOptions): SourceEntry {
  const pattern = options.select!
  const matching = entries.filter((entry) => entry.refs.some((ref) => matchRef(pattern, ref)))
  if (matching.length === 1) return matching[0]!
  const names = entries.flatMap((entry) => entry.refs).join(', ') || 'none'
  if (matching.length === 0) {
    throw new TarPushError(
      'NO_MATCHING_IMAGE',
      `no image in ${options.sourceName} is named ${pattern}`,
      {
        subject: options.sourceName,
        hint: `the names it carries: ${names}`,
      },
    )
  }
  throw usage(
    `select ${pattern} matches ${matching.length} images of ${options.sourceName}`,
    `name one of: ${names}`,
    options.sourceName,
  )
}

function targetsOf(
  entry: SourceEntry,
  options: TargetOptions,
  image: ImageTarget | undefined,
): PushTarget[] {
  const named = entry.refs.filter((ref) => !isTagOnly(ref)).map((ref) => parseReference(ref))
  const storedTags = [
    ...entry.refs.filter(isTagOnly),
    ...named.map((reference) => reference.tag ?? 'latest'),
  ]
  const tags = unique(
    image?.tags ?? (options.tags && options.tags.length > 0 ? options.tags : storedTags),
  )
  if (tags.length === 0 && image?.digest === undefined) {
    throw new TarPushError('NO_TAGS', `${options.sourceName} carries no tag and none was given`, {
      subject: options.sourceName,
      hint: 'pass tags (the tags input, or --tag on the command line), or a tag in image (ghcr.io/org/app:1)',
    })
  }
  if (image !== undefined)
    return [{ entry, repository: image.repository, tags, digest: image.digest }]
  if (named.length === 0) {
    throw usage(
      `${options.sourceName} names no repository (only the tags ${storedTags.join(', ')})`,
      'pass image, the target repository such as ghcr.io/org/app',
      options.sourceName,
    )
  }
  // Each repository the tarball names gets its own tags (or the given ones).
  const byRepository = new Map<string, PushTarget>()
  for (const stored of named) {
    const reference = options.registry ? rebase(stored, options.registry) : stored
    const key = repositoryName(reference)
    const target = byRepository.get(key) ?? {
      entry,
      repository: { registry: reference.registry, path: reference.path },
      tags: [],
    }
    byRepository.set(key, target)
    const ownTags =
      options.tags && options.tags.length > 0
        ? options.tags
        : [reference.tag ?? 'latest', ...entry.refs.filter(isTagOnly)]
    target.tags = unique([...target.tags, ...ownTags])
  }
  return [...byRepository.values()]
}

/** example.com/team/app:1 on ghcr.io/org → ghcr.io/org/team/app:1; Docker Hub's library/ dropped. */
function rebase(reference: Reference, registry: string): Reference {
  const base = registry.replace(/\/+$/, '')
  const path = reference.registry === 'docker.io' ? familiarRepository(reference) : reference.path
  const moved = parseReference(`${base}/${path}`)
  return { ...moved, tag: reference.tag, digest: undefined }
}

function mappedTargets(
  entries: readonly SourceEntry[],
  mappings: readonly ImageMapping[],
  options: TargetOptions,
): PushTarget[] {
  const used = new Set<ImageMapping>()
  const byRepository = new Map<string, PushTarget>()
  for (const entry of entries) {
    for (const ref of entry.refs) {
      for (const mapping of mappings) {
        const captures = matchRef(mapping.source, ref)
        if (!captures) continue
        used.add(mapping)
        const target = parseReference(substitute(mapping.target, captures))
        if (target.digest !== undefined)
          throw usage(`${mapping.target}: a target takes a tag, not a digest`, 'drop the @digest')
        const storedTag = isTagOnly(ref) ? ref : (parseReference(ref).tag ?? 'latest')
        const tags =
          target.tag !== undefined
            ? [target.tag]
            : options.tags && options.tags.length > 0
              ? options.tags
              : [storedTag]
        const key = `${repositoryName(target)}\0${entries.indexOf(entry)}`
        const pushTarget = byRepository.get(key) ?? {
          entry,
          repository: { registry: target.registry, path: target.path },
          tags: [],
        }
        byRepository.set(key, pushTarget)
        pushTarget.tags = unique([...pushTarget.tags, ...tags])
        break
      }
    }
  }
  const unused = mappings.filter((mapping) => !used.has(mapping))
  if (unused.length > 0) {
    const names = entries.flatMap((entry) => entry.refs).join(', ') || 'none'
    throw new TarPushError(
      'NO_MATCHING_IMAGE',
      `no image in ${options.sourceName} matches ${unused.map((mapping) => mapping.source).join(', ')}`,
      { subject: options.sourceName, hint: `the names it carries: ${names}` },
    )
  }
  return [...byRepository.values()]
}

/**
 * Does a stored name match a pattern? Without `*`, as references (a pattern without tag matches
 * every tag of the repository); with `*` (any characters), against the full name
 * (docker.io/library/app:1), the familiar one (app:1) or the name as stored. Returns the texts
 * the `*`s stood for, or undefined.
 */
export function matchRef(pattern: string, ref: string): string[] | undefined {
  const forms = namesOf(ref)
  if (!pattern.includes('*')) {
    // A tag-only ref name (OCI) matches only itself; a pattern is otherwise a reference.
    if (isTagOnly(ref)) return pattern === ref ? [] : undefined
    const wanted = parseReference(pattern)
    const stored = parseReference(ref)
    const same =
      repositoryName(wanted) === repositoryName(stored) &&
      (wanted.tag === undefined || wanted.tag === (stored.tag ?? 'latest'))
    return same ? [] : undefined
  }
  const expression = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.*)')}$`,
  )
  for (const form of forms) {
    const match = expression.exec(form)
    if (match) return match.slice(1)
  }
  return undefined
}

function namesOf(ref: string): string[] {
  if (isTagOnly(ref)) return [ref]
  const reference = parseReference(ref)
  const tagged = { ...reference, tag: reference.tag ?? 'latest' }
  return unique([formatReference(tagged), `${familiarRepository(tagged)}:${tagged.tag}`, ref])
}

function substitute(target: string, captures: readonly string[]): string {
  let index = 0
  return target.replace(/\*/g, () => captures[index++] ?? '')
}

/** Two images under one repository:tag would silently overwrite each other: refuse. */
function refuseCollisions(targets: readonly PushTarget[]): void {
  const owner = new Map<string, SourceEntry>()
  for (const target of targets) {
    for (const tag of target.tags) {
      const name = `${repositoryName(target.repository)}:${tag}`
      const previous = owner.get(name)
      if (previous && previous !== target.entry) {
        throw usage(
          `two images of the tarball would both be pushed as ${name}`,
          'map them to different names with images, or push one with select; several platforms of one image go in as separate tarballs, pushed together as one index',
          name,
        )
      }
      owner.set(name, target.entry)
    }
  }
}

const unique = (values: readonly string[]): string[] => [...new Set(values)]
