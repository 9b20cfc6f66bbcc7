import * as core from '@actions/core'
import type { Logger } from '../lib/log.ts'

/** The library's Logger over @actions/core: groups per phase, secrets masked by the runner. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (title, run) => core.group(title, run),
  secret: (value) => core.setSecret(value),
}
