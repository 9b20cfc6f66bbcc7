/**
 * The parts of undici we use, loaded on their own. Its index also loads fetch, WebSocket, the
 * HTTP caches, mocks and more: 7 MB resident on every run, for a push whose memory target is
 * 120 MB (issue 4). undici has no exports map; these are its own CommonJS modules, pinned by the
 * bundle and exercised by every test that talks to a registry, through a proxy too.
 */
import type { Dispatcher } from 'undici'
import DispatcherBase from 'undici/lib/dispatcher/dispatcher.js'
import api from 'undici/lib/api/index.js'
import AgentModule from 'undici/lib/dispatcher/agent.js'
import EnvHttpProxyAgentModule from 'undici/lib/dispatcher/env-http-proxy-agent.js'

// What undici's index does on load: dispatchers get request(), connect() (proxy tunnels) etc.
Object.assign(DispatcherBase.prototype, api)

export const Agent = AgentModule
export const EnvHttpProxyAgent = EnvHttpProxyAgentModule
export type { Dispatcher }

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & {
  dispatcher: Dispatcher
}

/** undici's `request(url, options)` with an explicit dispatcher: the URL gives origin and path. */
export function request(
  url: string | URL,
  options: RequestOptions,
): Promise<Dispatcher.ResponseData> {
  const target = typeof url === 'string' ? new URL(url) : url
  const { dispatcher, ...rest } = options
  return dispatcher.request({
    ...rest,
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
  })
}
