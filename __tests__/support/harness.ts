/**
 * The common frame of a push test file: one real registry, the valid corpus, and fault proxies
 * made on demand in front of that registry; all stopped when the file's tests end.
 */
import { after, before } from 'node:test'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildCorpus, type Fixture } from './fixtures.ts'
import { startRegistry, type RunningRegistry } from './registry.ts'
import { startProxy, type Fault, type RunningProxy } from './proxy.ts'

export interface Harness {
  readonly registry: RunningRegistry
  readonly corpus: Fixture[]
  proxyWith(faults?: Fault[]): Promise<RunningProxy>
}

export function registryHarness(): Harness {
  let registry: RunningRegistry | undefined
  let corpus: Fixture[] | undefined
  const proxies: RunningProxy[] = []
  before(async () => {
    ;[registry, corpus] = await Promise.all([
      startRegistry(),
      mkdtemp(join(tmpdir(), 'corpus-')).then(buildCorpus),
    ])
  })
  after(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()))
    await registry?.stop()
  })
  return {
    get registry() {
      if (!registry) throw new Error('the registry is started in before()')
      return registry
    },
    get corpus() {
      if (!corpus) throw new Error('the corpus is built in before()')
      return corpus
    },
    async proxyWith(faults = []) {
      const proxy = await startProxy({ target: this.registry, faults })
      proxies.push(proxy)
      return proxy
    },
  }
}
