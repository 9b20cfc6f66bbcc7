import { glob, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { TarPushError, type ErrorCode } from './errors.ts'

/**
 * Paths as given, globs expanded: a name that exists is taken as it is even if it holds glob
 * characters; a pattern matching nothing is an error (`code`, naming `what` was looked for).
 * Matches are sorted so that the order, and what is built from it, is stable run to run.
 */
export async function expandPaths(
  patterns: readonly string[],
  what: string,
  code: ErrorCode,
): Promise<string[]> {
  const paths: string[] = []
  for (const pattern of patterns) {
    const exists = await stat(pattern).then(
      () => true,
      () => false,
    )
    if (exists || !/[*?[]/.test(pattern)) {
      paths.push(pattern)
      continue
    }
    const matches: string[] = []
    for await (const match of glob(pattern)) matches.push(match)
    if (matches.length === 0) {
      throw new TarPushError(code, `no ${what} matches "${pattern}"`, {
        subject: pattern,
        hint: 'check the pattern (relative paths start at the working directory)',
      })
    }
    paths.push(...matches.sort())
  }
  return [...new Set(paths)]
}

/**
 * Where temporary files go: RUNNER_TEMP on GitHub runners (emptied after each job; Windows'
 * TEMP can be on a small system drive), else the system's temporary directory.
 */
export function temporaryDirectory(): string {
  return process.env['RUNNER_TEMP'] || tmpdir()
}
