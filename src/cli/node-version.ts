/**
 * The oldest Node.js tar-push runs on: package.json's `engines` (a test keeps them equal). Older
 * ones lack APIs it uses (fs.glob, for one) and would fail half-way, with a stack trace.
 */
export const MINIMUM_NODE_MAJOR = 22

/**
 * The one line for a Node.js older than the minimum, or undefined when `version` (as in
 * process.versions.node) is new enough. Written for any Node that can load an ES module.
 */
export function nodeTooOld(version: string): string | undefined {
  const major = Number(version.split('.')[0])
  if (Number.isInteger(major) && major >= MINIMUM_NODE_MAJOR) return undefined
  return `tar-push needs Node.js ${MINIMUM_NODE_MAJOR} or newer; this is Node.js ${version} (${process.execPath}). Install a current Node.js (https://nodejs.org) and run it again.`
}
