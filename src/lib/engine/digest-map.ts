import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * What earlier pushes learned, kept across runs (a cache directory; in Actions restored and saved
 * with @actions/cache): the digest and size a layer got under an encoding (diff_id + encoder +
 * level → blob), so the layer is not compressed again to find out; and which repositories of a
 * registry hold a blob, so it can be mounted instead of uploaded.
 */
export interface EncodedLayer {
  digest: string
  size: number
}

interface DigestMapFile {
  version: 1
  layers: Record<string, EncodedLayer>
  /** "registry digest" → repository paths that hold the blob, newest last. */
  blobs: Record<string, string[]>
}

const FILE_NAME = 'digest-map.json'
const MAX_REPOSITORIES_PER_BLOB = 8
const MAX_ENTRIES = 20_000

export class DigestMap {
  readonly #path: string | undefined
  #data: DigestMapFile
  #changed = false

  private constructor(path: string | undefined, data: DigestMapFile) {
    this.#path = path
    this.#data = data
  }

  /** Loads the map of `directory`; without a directory the map lives only for this push. */
  static async load(directory: string | undefined): Promise<DigestMap> {
    const empty: DigestMapFile = { version: 1, layers: {}, blobs: {} }
    if (!directory) return new DigestMap(undefined, empty)
    const path = join(directory, FILE_NAME)
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as Partial<DigestMapFile>
      // A map from another version or a damaged file is only a cache: start afresh.
      if (data.version !== 1 || typeof data.layers !== 'object' || typeof data.blobs !== 'object')
        return new DigestMap(path, empty)
      return new DigestMap(path, { version: 1, layers: data.layers ?? {}, blobs: data.blobs ?? {} })
    } catch {
      return new DigestMap(path, empty)
    }
  }

  get changed(): boolean {
    return this.#changed
  }

  encodedLayer(diffId: string, encoding: string): EncodedLayer | undefined {
    return this.#data.layers[`${diffId} ${encoding}`]
  }

  rememberEncodedLayer(diffId: string, encoding: string, layer: EncodedLayer): void {
    const key = `${diffId} ${encoding}`
    const known = this.#data.layers[key]
    if (known?.digest === layer.digest && known.size === layer.size) return
    this.#data.layers[key] = { digest: layer.digest, size: layer.size }
    this.#changed = true
  }

  repositoriesHolding(registry: string, digest: string): readonly string[] {
    return this.#data.blobs[`${registry} ${digest}`] ?? []
  }

  rememberBlob(registry: string, digest: string, repositoryPath: string): void {
    const key = `${registry} ${digest}`
    const holders = this.#data.blobs[key] ?? []
    if (holders[holders.length - 1] === repositoryPath) return
    this.#data.blobs[key] = [
      ...holders.filter((path) => path !== repositoryPath),
      repositoryPath,
    ].slice(-MAX_REPOSITORIES_PER_BLOB)
    this.#changed = true
  }

  /** Writes the map atomically (a crash leaves the old file), keeping the newest entries. */
  async save(): Promise<boolean> {
    if (!this.#path || !this.#changed) return false
    const trim = <T>(record: Record<string, T>) =>
      Object.fromEntries(Object.entries(record).slice(-MAX_ENTRIES))
    const data: DigestMapFile = {
      version: 1,
      layers: trim(this.#data.layers),
      blobs: trim(this.#data.blobs),
    }
    await mkdir(join(this.#path, '..'), { recursive: true })
    const temporary = `${this.#path}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(data))
    await rename(temporary, this.#path)
    this.#changed = false
    return true
  }
}

/**
 * Where the digest map's directory comes from and goes to: a plain directory for the CLI, the
 * Actions cache for the action (restored once the image's diff_ids are known, saved after).
 */
export interface DigestMapStore {
  restore(diffIds: readonly string[]): Promise<string | undefined>
  persist(changed: boolean): Promise<void>
}

export const directoryStore = (directory: string | undefined): DigestMapStore => ({
  restore: async () => directory,
  persist: async () => {},
})
