/** What the library says while it works; the action and the CLI each supply one. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  debug(message: string): void
  /** Runs one phase of the work under a heading (a collapsible group in the Actions log). */
  group<T>(title: string, run: () => Promise<T>): Promise<T>
  /** Registers a secret so that no output ever shows it. */
  secret(value: string): void
}

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  debug: () => {},
  group: (_title, run) => run(),
  secret: () => {},
}

/** The forms of a credential that could leak into output: itself and its base64 encodings. */
export function secretForms(secret: string, username?: string): string[] {
  const forms = [secret, Buffer.from(secret).toString('base64')]
  if (username !== undefined) forms.push(Buffer.from(`${username}:${secret}`).toString('base64'))
  return forms.filter((form) => form.length >= 4)
}
