import * as core from '@actions/core'
import { TarPushError } from '../lib/errors.ts'
import type { Logger } from '../lib/log.ts'

/** The library's Logger over @actions/core: groups per phase, secrets masked by the runner. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (title, run) => core.group(title, run),
  secret: (value) => core.setSecret(value),
}

/** A failure as a step reports it: the error (code, message, subject) and what to do. */
export interface Failure {
  error: string
  hint: string | undefined
}

/** The library's hints name the CLI's flags; in a workflow the same thing is done with inputs. */
const ACTION_HINTS: readonly (readonly [RegExp, string])[] = [
  [
    /pass username and password \(--username, --password-stdin\), or log in with docker login first/,
    'set the inputs username and password (the password from a secret), or log in in an earlier step with docker/login-action',
  ],
]

const BUG_HINT =
  "a bug in tar-push: please report it with this step's log, which holds the stack trace"

export function failureOf(error: unknown): Failure {
  if (error instanceof TarPushError) {
    const subject =
      error.subject && !error.message.includes(error.subject) ? ` [${error.subject}]` : ''
    let hint = error.hint
    for (const [cli, action] of ACTION_HINTS) hint = hint?.replace(cli, action)
    return { error: `${error.code}: ${error.message}${subject}`, hint }
  }
  return {
    error: `unexpected error: ${(error as Error)?.message ?? String(error)}`,
    hint: BUG_HINT,
  }
}

/**
 * Fails the step with one annotation: the error's code, subject and hint. The stack of a bug of
 * ours goes to the log, not into the annotation.
 */
export function failStep(error: unknown): void {
  if (!(error instanceof TarPushError) && (error as Error)?.stack)
    core.info((error as Error).stack!)
  const { error: text, hint } = failureOf(error)
  core.setFailed(hint ? `${text}\n  hint: ${hint}` : text)
}
