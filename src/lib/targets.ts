import { TarPushError } from './errors.ts'
import type { SourceEntry } from './model.ts'
import {
  isValidTag,
  parseReference,
  parseRepository,
  repositoryName,
  type Repository,
} from './reference.ts'

export interface PushTarget {
  entry: SourceEntry
  repository: Repository
  tags: string[]
}

export interface TargetOptions {
  /** Target repository (`image` input); when absent the tarball's own names decide. */
  image?: string | undefined
  /** Tags to push (`tags` input); when empty the tarball's own tags. */
  tags?: readonly string[] | undefined
  sourceName: string
}

/** A stored name is a whole reference, or a tag alone as skopeo and umoci write `ref.name`. */
const isTagOnly = (ref: string): boolean =>
  !ref.includes('/') && !ref.includes(':') && !ref.includes('@')

/**
 * Decides where each image of a tarball goes, as docker would: `image` and `tags` when given,
 * otherwise the names the tarball carries (RepoTags, OCI ref names), `latest` for a name without tag.
 */
export function resolveTargets(
  entries: readonly SourceEntry[],
  options: TargetOptions,
): PushTarget[] {
  for (const tag of options.tags ?? []) {
    if (!isValidTag(tag)) {
      throw new TarPushError('USAGE', `"${tag}" is not a valid tag`, {
        subject: tag,
        hint: 'tags are up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"',
      })
    }
  }
  if (options.image !== undefined && entries.length > 1) {
    throw new TarPushError(
      'USAGE',
      `${options.sourceName} holds ${entries.length} images; one image input cannot name them all`,
      {
        subject: options.sourceName,
        hint: 'omit image to push each image under its own name, or pass a tarball with one image',
      },
    )
  }
  return entries.flatMap((entry) => targetsOf(entry, options))
}

function targetsOf(entry: SourceEntry, options: TargetOptions): PushTarget[] {
  const named = entry.refs.filter((ref) => !isTagOnly(ref)).map((ref) => parseReference(ref))
  const storedTags = [
    ...entry.refs.filter(isTagOnly),
    ...named.map((reference) => reference.tag ?? 'latest'),
  ]
  const tags = unique(options.tags && options.tags.length > 0 ? options.tags : storedTags)
  if (tags.length === 0) {
    throw new TarPushError('NO_TAGS', `${options.sourceName} carries no tag and none was given`, {
      subject: options.sourceName,
      hint: 'pass tags (the tags input, or --tag on the command line)',
    })
  }
  if (options.image !== undefined)
    return [{ entry, repository: parseRepository(options.image), tags }]
  if (named.length === 0) {
    throw new TarPushError(
      'USAGE',
      `${options.sourceName} names no repository (only the tags ${storedTags.join(', ')})`,
      {
        subject: options.sourceName,
        hint: 'pass image, the target repository such as ghcr.io/org/app',
      },
    )
  }
  // Each repository the tarball names gets its own tags (or the given ones).
  const byRepository = new Map<string, PushTarget>()
  for (const reference of named) {
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

const unique = (values: readonly string[]): string[] => [...new Set(values)]
