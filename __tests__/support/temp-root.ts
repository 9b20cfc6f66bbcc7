import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Loaded first in every test process (`npm test` imports it): the process's temporary
 * directories go under one root of its own, removed when it exits, so that a test run leaves
 * nothing behind whatever its tests forget to remove. Children started by the tests inherit the
 * root through TMPDIR. The product's own clean-up is tested where it matters (signals, runner
 * temp): those tests look inside directories of their own, not at what the root holds.
 */
if (!process.env.TAR_PUSH_TEST_ROOT) {
  const root = mkdtempSync(join(tmpdir(), 'tar-push-test-'))
  // As /tmp is: tests that run a child as an unprivileged user need to reach their directory.
  chmodSync(root, 0o1777)
  process.env.TAR_PUSH_TEST_ROOT = root
  process.env.TMPDIR = root
  process.on('exit', () => rmSync(root, { recursive: true, force: true }))
}
