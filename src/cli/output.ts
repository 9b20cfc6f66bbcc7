import type { CliOutput } from './command.ts'

/** Plain-line output for terminals and CI logs; every secret is masked in every line. */
export function createCliOutput(options: { debug: boolean }): CliOutput {
  const secrets: string[] = []
  const mask = (message: string) =>
    secrets.reduce((line, secret) => line.split(secret).join('***'), message)
  const write = (message: string) => process.stderr.write(`${mask(message)}\n`)
  return {
    info: (message) => write(message),
    warn: (message) => write(`warning: ${message}`),
    error: (message) => write(`error: ${message}`),
    debug: (message) => (options.debug ? write(`debug: ${message}`) : undefined),
    group: async (title, run) => {
      write(`== ${title}`)
      return run()
    },
    secret: (value) => {
      if (value && !secrets.includes(value)) secrets.push(value)
      secrets.sort((a, b) => b.length - a.length)
    },
  }
}
