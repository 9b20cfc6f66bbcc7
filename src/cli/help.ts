import type { Command, FlagSpecs } from './command.ts'

const FLAG_COLUMN = 28
const WIDTH = 100

const TRAILER = `Credentials, when not given: ~/.docker/config.json (or $DOCKER_CONFIG), its credential
helpers, then GITHUB_TOKEN for ghcr.io. Exit codes: 0 done, 2 bad input, 3 registry or auth
failure, 130 / 143 stopped by SIGINT / SIGTERM (after cleaning up; a second signal exits at
once). Every error code, what it means and what to do: the README's Errors section.`

/** `tar-push --help`: the commands, and the flags they share. */
export function formatUsage(commands: readonly Command[]): string {
  const lines = ['Usage:']
  for (const command of commands)
    lines.push(`  ${`tar-push ${command.synopsis}`.padEnd(44)} ${command.summary}`)
  lines.push(
    '',
    'Run tar-push COMMAND --help for its options and examples.',
    '',
    'Options of every command:',
    ...formatFlags(sharedFlags(commands)),
    `  ${'--version'.padEnd(FLAG_COLUMN - 2)}print the version`,
    '',
    TRAILER,
  )
  return lines.join('\n')
}

/** The flags every command takes, in the order of the first. */
function sharedFlags(commands: readonly Command[]): FlagSpecs {
  const [first, ...others] = commands
  return Object.fromEntries(
    Object.entries(first?.flags ?? {}).filter(([name]) =>
      others.every((command) => name in command.flags),
    ),
  )
}

/** `tar-push COMMAND --help`: synopsis, what it does, every flag, examples. */
export function formatCommandHelp(command: Command): string {
  const lines = [`Usage: tar-push ${command.synopsis}`, '', `${capitalise(command.summary)}.`]
  if (command.details) lines.push('', command.details)
  lines.push('', 'Options:', ...formatFlags(command.flags))
  lines.push('', 'Examples:', ...command.examples.map((line) => `  ${line}`), '', TRAILER)
  return lines.join('\n')
}

function formatFlags(flags: FlagSpecs): string[] {
  const lines: string[] = []
  for (const [name, spec] of Object.entries(flags)) {
    const short = spec.short ? `-${spec.short}, ` : ''
    const label = `${short}--${name}${spec.value ? ` ${spec.value}` : ''}`
    const text = wrap(spec.description, WIDTH - FLAG_COLUMN)
    const first = label.length <= FLAG_COLUMN - 3 ? label.padEnd(FLAG_COLUMN - 2) : undefined
    if (first) lines.push(`  ${first}${text[0]}`)
    else lines.push(`  ${label}`, `${' '.repeat(FLAG_COLUMN)}${text[0]}`)
    for (const rest of text.slice(1)) lines.push(`${' '.repeat(FLAG_COLUMN)}${rest}`)
  }
  return lines
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(line)
  return lines
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
