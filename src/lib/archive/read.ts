import { TarPushError } from '../errors.ts'
import { algorithmOf, digestIn, matchesDigest, sha256 } from '../digest.ts'
import {
  readDescriptor,
  readImageConfig,
  readImageLayers,
  layersOf,
  parseManifest,
  type ImageConfig,
} from '../image/parse.ts'
import { JsonReader } from '../image/json.ts'
import { ANNOTATION_CONTAINERD_NAME, ANNOTATION_REF_NAME, blobPath } from '../image/layout.ts'
import { LIMITS } from '../image/limits.ts'
import { MediaType, flavorOfManifest } from '../image/media-types.ts'
import type { ImageSource } from '../image/source.ts'
import {
  type Artifact,
  type BlobContent,
  type Descriptor,
  type Image,
  type ImageIndex,
  type Layer,
  type RawJson,
  type SourceEntry,
} from '../image/model.ts'
import { openRangeReader, type ArchiveFiles } from './files.ts'
import { archiveName, openArchive } from './open.ts'
import { sniffCompression } from './sniff.ts'

/**
 * Reads the images of a tarball or layout directory, recognised by content: a `manifest.json`
 * means a docker save (legacy or Docker 25+, whose manifest.json points into an OCI layout),
 * `oci-layout` + `index.json` an OCI archive or layout. Validates structure and every JSON
 * document; layer bytes are verified later, while they are read for the upload.
 */
export async function readArchive(
  path: string,
  options: { spoolDir?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<ImageSource> {
  const archive = await openArchive(path, options)
  try {
    const entries = await readEntries(archive.files)
    return { name: archiveName(path), entries, close: () => archive.close() }
  } catch (error) {
    await archive.close()
    throw error
  }
}

async function readEntries(files: ArchiveFiles): Promise<SourceEntry[]> {
  if (files.sizeOf('manifest.json') !== undefined) return readDockerArchive(files)
  if (files.sizeOf('oci-layout') !== undefined && files.sizeOf('index.json') !== undefined) {
    return readOciLayout(files)
  }
  throw new TarPushError(
    'TARBALL_FORMAT',
    'no manifest.json (docker save) nor oci-layout and index.json (OCI) in it',
    {
      subject: files.name,
      hint: 'pass the output of docker save, podman save, skopeo copy docker-archive:/oci-archive: or buildx --output type=docker|oci',
    },
  )
}

const blobContent = (files: ArchiveFiles, name: string, size: number): BlobContent => ({
  origin: `${files.name}: ${name}`,
  size,
  open: async () => files.open(name),
  openReader: async () => {
    const { path, start, size } = files.rangeOf(name)
    return openRangeReader(path, start, size)
  },
  fileRange: () => files.rangeOf(name),
})

function requireSize(files: ArchiveFiles, name: string, referrer: string): number {
  const size = files.sizeOf(name)
  if (size === undefined) {
    throw new TarPushError(
      'TARBALL_MISSING_ENTRY',
      `"${name}", named by ${referrer}, is not in the archive`,
      {
        subject: files.name,
        hint: 'the tarball is incomplete; save the image again',
      },
    )
  }
  return size
}

/** Blob names that carry a digest: "blobs/sha256/<hex>", "<hex>.json", "<hex>/layer.tar" is not one. */
function digestInName(name: string): string | undefined {
  const blob = /(?:^|\/)blobs\/(sha256|sha512)\/([a-f0-9]{64,128})$/.exec(name)
  if (blob) return `${blob[1]}:${blob[2]}`
  const config = /(?:^|\/)([a-f0-9]{64})\.json$/.exec(name)
  return config ? `sha256:${config[1]}` : undefined
}

function digestMismatch(
  files: ArchiveFiles,
  name: string,
  expected: string,
  actual: string,
): TarPushError {
  return new TarPushError(
    'BLOB_DIGEST_MISMATCH',
    `"${name}" has digest ${actual}, but is named ${expected}`,
    {
      subject: files.name,
      hint: 'the archive is damaged or was altered after it was written; save the image again',
    },
  )
}

function readConfigBytes(document: string, bytes: Buffer): ImageConfig {
  const json = new JsonReader(document)
  return readImageConfig(json, json.parse(bytes))
}

function layerCountMismatch(
  files: ArchiveFiles,
  where: string,
  layers: number,
  diffIds: number,
): TarPushError {
  return new TarPushError(
    'LAYER_COUNT_MISMATCH',
    `${where} lists ${layers} layers but its config has ${diffIds} rootfs.diff_ids`,
    { subject: files.name, hint: 'the archive is inconsistent; save the image again' },
  )
}

async function readDockerArchive(files: ArchiveFiles): Promise<SourceEntry[]> {
  const json = new JsonReader(`${files.name}: manifest.json`)
  const manifest = json.array(
    json.parse(await files.readAll('manifest.json', LIMITS.manifestBytes)),
    '',
  )
  if (manifest.length === 0) throw json.fail('', 'lists no image')
  const entries: SourceEntry[] = []
  for (const [index, item] of manifest.entries()) {
    const at = `[${index}]`
    const record = json.object(item, at)
    const configName = json.string(record['Config'], `${at}.Config`)
    const repoTags =
      record['RepoTags'] == null ? [] : json.stringArray(record['RepoTags'], `${at}.RepoTags`)
    const layerNames = json.stringArray(record['Layers'], `${at}.Layers`)

    requireSize(files, configName, 'manifest.json')
    const configBytes = await files.readAll(configName, LIMITS.configBytes)
    const configDigest = sha256(configBytes)
    const namedDigest = digestInName(configName)
    if (namedDigest && algorithmOf(namedDigest) === 'sha256' && namedDigest !== configDigest) {
      throw digestMismatch(files, configName, namedDigest, configDigest)
    }
    const { diffIds, platform } = readConfigBytes(`${files.name}: ${configName}`, configBytes)
    if (layerNames.length !== diffIds.length) {
      throw layerCountMismatch(files, `manifest.json ${at}`, layerNames.length, diffIds.length)
    }
    const layers: Layer[] = []
    for (const [layerIndex, name] of layerNames.entries()) {
      const size = requireSize(files, name, `manifest.json ${at}.Layers[${layerIndex}]`)
      const compression = sniffCompression(await files.readHead(name, 8))
      const diffId = diffIds[layerIndex]!
      layers.push({
        diffId,
        compression,
        storedDigest: digestInName(name) ?? (compression === 'none' ? diffId : undefined),
        mediaType: undefined,
        isTar: true,
        content: blobContent(files, name, size),
      })
    }
    const config: RawJson = {
      bytes: configBytes,
      digest: configDigest,
      mediaType: MediaType.dockerConfig,
    }
    const image: Image = {
      kind: 'image',
      flavor: 'docker',
      config,
      diffIds,
      layers,
      manifest: undefined,
      platform,
    }
    entries.push({ refs: repoTags, artifact: image })
  }
  return entries
}

class OciReader {
  readonly #files: ArchiveFiles
  constructor(files: ArchiveFiles) {
    this.#files = files
  }

  blobName(digest: string): string {
    return blobPath(digest)
  }

  /** Reads a small blob whole and checks it against its descriptor. */
  async readBlob(descriptor: Descriptor, referrer: string, limit: number): Promise<RawJson> {
    const name = this.blobName(descriptor.digest)
    const size = requireSize(this.#files, name, referrer)
    if (size !== descriptor.size) throw this.sizeMismatch(name, descriptor.size, size)
    const bytes = await this.#files.readAll(name, limit)
    if (!matchesDigest(bytes, descriptor.digest)) {
      const actual = digestIn(algorithmOf(descriptor.digest), bytes)
      throw digestMismatch(this.#files, name, descriptor.digest, actual)
    }
    return { bytes, digest: descriptor.digest, mediaType: descriptor.mediaType }
  }

  sizeMismatch(name: string, expected: number, actual: number): TarPushError {
    return new TarPushError(
      'BLOB_DIGEST_MISMATCH',
      `"${name}" is ${actual} bytes, its descriptor says ${expected}`,
      {
        subject: this.#files.name,
        hint: 'the archive is damaged or was altered after it was written; save the image again',
      },
    )
  }

  async artifact(descriptor: Descriptor, referrer: string, depth: number): Promise<Artifact> {
    const manifest = await this.readBlob(descriptor, referrer, LIMITS.manifestBytes)
    const where = `${this.#files.name}: ${this.blobName(descriptor.digest)}`
    const json = new JsonReader(where)
    const parsed = parseManifest(json, manifest.bytes, {
      outerMediaType: descriptor.mediaType,
      name: where,
    })
    const raw = { ...manifest, mediaType: parsed.mediaType }
    if (parsed.kind === 'index') {
      if (depth >= LIMITS.indexDepth) throw json.fail('', 'nests indexes too deeply')
      const children: Image[] = []
      for (const [index, childDescriptor] of parsed.manifests.entries()) {
        const artifact = await this.artifact(
          childDescriptor,
          `${where} manifests[${index}]`,
          depth + 1,
        )
        if (artifact.kind !== 'image')
          throw json.fail(`manifests[${index}]`, 'is an index inside an index; not supported')
        children.push(artifact)
      }
      const index: ImageIndex = { kind: 'index', manifest: raw, children }
      return index
    }
    const config = await this.readBlob(parsed.config, `${where} config`, LIMITS.configBytes)
    const configJson = new JsonReader(`${this.#files.name}: ${this.blobName(parsed.config.digest)}`)
    const image = readImageLayers(configJson, config, parsed.layers, where)
    const diffIds = image?.diffIds ?? []
    const layers = layersOf(parsed.layers, image, (descriptor, index) => {
      const name = this.blobName(descriptor.digest)
      const size = requireSize(this.#files, name, `${where} layers[${index}]`)
      if (size !== descriptor.size) throw this.sizeMismatch(name, descriptor.size, size)
      return blobContent(this.#files, name, size)
    })
    return {
      kind: 'image',
      flavor: flavorOfManifest(raw.mediaType),
      config,
      diffIds,
      layers,
      manifest: raw,
      platform: image?.platform,
    }
  }
}

/** The name a descriptor of index.json carries: a full reference, or a tag alone (skopeo, umoci). */
function refOf(descriptor: Descriptor): string | undefined {
  return (
    descriptor.annotations?.[ANNOTATION_CONTAINERD_NAME] ??
    descriptor.annotations?.[ANNOTATION_REF_NAME]
  )
}

async function readOciLayout(files: ArchiveFiles): Promise<SourceEntry[]> {
  const layoutJson = new JsonReader(`${files.name}: oci-layout`)
  const layout = layoutJson.object(
    layoutJson.parse(await files.readAll('oci-layout', LIMITS.layoutFileBytes)),
    '',
  )
  layoutJson.string(layout['imageLayoutVersion'], 'imageLayoutVersion')

  const json = new JsonReader(`${files.name}: index.json`)
  const index = json.object(json.parse(await files.readAll('index.json', LIMITS.manifestBytes)), '')
  const reader = new OciReader(files)
  const descriptors = json
    .array(index['manifests'], 'manifests')
    .map((value, i) => readDescriptor(json, value, `manifests[${i}]`))
  if (descriptors.length === 0) throw json.fail('manifests', 'is empty: the layout holds no image')

  // One entry per manifest digest; several ref names on the same digest are several tags.
  const byDigest = new Map<string, { refs: string[]; artifact: Artifact }>()
  for (const [i, descriptor] of descriptors.entries()) {
    const ref = refOf(descriptor)
    const known = byDigest.get(descriptor.digest)
    if (known) {
      if (ref && !known.refs.includes(ref)) known.refs.push(ref)
      continue
    }
    const artifact = await reader.artifact(descriptor, `index.json manifests[${i}]`, 0)
    byDigest.set(descriptor.digest, { refs: ref ? [ref] : [], artifact })
  }
  return [...byDigest.values()]
}
