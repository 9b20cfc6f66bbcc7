#!/usr/bin/env node
/**
 * The CLI entry. It loads nothing else before it has checked the Node.js version: on an older
 * Node the rest fails at import time or later on a missing API, with a stack trace instead of
 * a sentence. So the check is this module's only work, and the CLI is imported after it.
 */
import './startup.ts'
import { nodeTooOld } from './cli/node-version.ts'

const tooOld = nodeTooOld(process.versions.node)
if (tooOld !== undefined) {
  process.stderr.write(`${tooOld}\n`)
  process.exitCode = 1
} else {
  import('./cli/main.ts').then(
    (cli) => cli.run(),
    (error: unknown) => {
      process.stderr.write(`tar-push could not start: ${String(error)}\n`)
      process.exitCode = 1
    },
  )
}
