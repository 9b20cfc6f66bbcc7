import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Where a registry redirects blob requests to: a storage host on 127.0.0.1 serving one blob. */
export interface RunningStorage {
  /** The URL to put in a redirect's Location. */
  url: string
  /** The headers of every request it got (a registry's Authorization must not be among them). */
  headers: IncomingHttpHeaders[]
  stop(): Promise<void>
}

export async function startBlobStorage(blob: Buffer): Promise<RunningStorage> {
  const headers: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    headers.push(request.headers)
    response.writeHead(200, { 'content-length': String(blob.length) }).end(blob)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/blob`,
    headers,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
