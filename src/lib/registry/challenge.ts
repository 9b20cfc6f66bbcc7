/** A parsed `WWW-Authenticate` header (RFC 7235), as registries send it. */
export interface Challenge {
  scheme: 'basic' | 'bearer'
  params: Record<string, string>
}

/** Parses the first Basic or Bearer challenge; registries send one. */
export function parseChallenge(header: string | string[] | undefined): Challenge | undefined {
  for (const value of Array.isArray(header) ? header : header ? [header] : []) {
    const match = /^\s*(basic|bearer)\b\s*(.*)$/i.exec(value)
    if (!match) continue
    const params: Record<string, string> = {}
    const pattern = /([a-zA-Z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g
    for (let param = pattern.exec(match[2]!); param; param = pattern.exec(match[2]!)) {
      params[param[1]!.toLowerCase()] =
        param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3]!
    }
    return { scheme: match[1]!.toLowerCase() as Challenge['scheme'], params }
  }
  return undefined
}
