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

/** Fails the step with the error's code, subject and hint (a stack only for a bug of ours). */
export function failStep(error: unknown): void {
  core.setFailed(
    error instanceof TarPushError
      ? error.describe()
      : `unexpected error: ${(error as Error)?.stack ?? String(error)}`,
  )
}
