/**
 * A forward proxy (absolute-form requests for http://, CONNECT tunnels for https://) that records
 * what went through it; enough to check that the proxy variables are honoured.
 */
import { createServer, request as httpRequest } from 'node:http'
import { connect, type AddressInfo } from 'node:net'

export interface RunningForwardProxy {
  url: string
  /** Absolute URLs requested through the proxy. */
  requested: string[]
  stop(): Promise<void>
}

export async function startForwardProxy(): Promise<RunningForwardProxy> {
  const requested: string[] = []
  const server = createServer((incoming, outgoing) => {
    requested.push(incoming.url ?? '')
    const target = new URL(incoming.url ?? '')
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: `${target.pathname}${target.search}`,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(outgoing)
      },
    )
    upstream.on('error', () => outgoing.destroy())
    incoming.pipe(upstream)
  })
  // CONNECT tunnels, as clients open for https:// through a proxy.
  server.on('connect', (incoming, client, head) => {
    requested.push(`CONNECT ${incoming.url}`)
    const [host, port] = (incoming.url ?? '').split(':')
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
