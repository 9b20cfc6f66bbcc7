// undici's own modules, loaded without its index (see undici.ts).
declare module 'undici/lib/dispatcher/dispatcher.js' {
  import type { Dispatcher } from 'undici'
  const value: typeof Dispatcher
  export default value
}
declare module 'undici/lib/api/index.js' {
  const value: Record<string, unknown>
  export default value
}
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici'
  const value: typeof Agent
  export default value
}
declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
  import type { EnvHttpProxyAgent } from 'undici'
  const value: typeof EnvHttpProxyAgent
  export default value
}
declare module 'undici/lib/core/connect.js' {
  import type { buildConnector } from 'undici'
  const value: typeof buildConnector
  export default value
}
