import type { Readable } from 'node:stream'
import { TarPushError } from '../errors.ts'
import { matchesDigest, sha256 } from '../digest.ts'
import type { RawJson } from '../image/model.ts'
import { StreamRefused } from '../image/sink.ts'
import { readBytesLimited } from './auth.ts'
import type { BodyFactory, RegistryClient, RegistryRequest, RegistryResponse } from './client.ts'
import { errorCodeOf, transportError } from '../http/transport.ts'
import { ChunkCutter } from './chunks.ts'
import { FALLBACK_CHUNK_SIZE, quirksFor, type RegistryQuirks } from './quirks.ts'

export interface BlobUpload {
  digest: string
  size: number
  /** Opens the bytes afresh; the stream should fail rather than end if they do not match `digest`. */
  open: () => Promise<Readable>
}

export type UploadMethod = 'monolithic' | 'patch'

/**
 * A registry refused an upload body for its form, not its bytes: too large (413; GHCR answers
 * 416 to a big PATCH) — send chunks; or a streamed body without Content-Length (411, or 400 as
 * ACR answers Transfer-Encoding: chunked) — compress to a spool file to know the length first.
 */
export class BodyRefused extends StreamRefused {
  readonly reason: 'too-large' | 'length-required'

  constructor(
    status: number,
    url: string,
    options: { reason: BodyRefused['reason']; retryable: boolean },
  ) {
    super(
      'REGISTRY_ERROR',
      options.reason === 'too-large'
        ? `the registry refused an upload body as too large (HTTP ${status}) at ${url}`
        : `the registry refused a streamed upload body without Content-Length (HTTP ${status}) at ${url}`,
      {
        subject: url,
        hint:
          options.reason === 'too-large'
            ? 'set chunk-size (--chunk-size) to a size the registry accepts'
            : 'use upload-mode spool (--upload-mode spool) for this registry',
        retryable: options.retryable,
      },
    )
    this.reason = options.reason
  }
}

const LENGTH_REQUIRED_STATUSES = new Set([400, 411])
const BODY_TOO_LARGE_STATUSES = new Set([413, 416])

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * Failures after which asking the registry to cancel an upload session would only wait: it
 * cannot be reached, or it stopped answering (a timeout would likely be waited out again).
 */
const NO_CANCEL_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

/** A mount refused for want of access to the source: the blob is uploaded instead. */
const MOUNT_REFUSALS = new Set(['AUTH_FAILED', 'AUTH_DENIED'])

/**
 * Adds `digest=` to an upload Location, keeping its query (`_state`, session ids) byte for byte:
 * some registries sign it, so it is never decoded and encoded again.
 */
export function withDigest(location: string, digest: string): string {
  const url = new URL(location)
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !/^digest=/i.test(part))
  url.search = [...kept, `digest=${encodeURIComponent(digest)}`].join('&')
  return url.toString()
}

/** One blob's upload across its retries. */
interface Exchange {
  /** The last try failed after its committing request (`PUT ?digest=`) went out. */
  committing: boolean
}

/** Answers to a monolithic PUT that mean "this registry wants PATCH, then PUT" (Artifactory). */
const PATCH_FALLBACK_STATUSES = new Set([405, 416, 501])

/** Blob and manifest operations on one repository of a registry (distribution spec endpoints). */
export class RepositoryClient {
  readonly client: RegistryClient
  readonly path: string
  readonly scope: string
  uploadMethod: UploadMethod = 'monolithic'
  /** 0: one request per blob; otherwise PATCH chunks of this size (then PUT ?digest=). */
  chunkSize = 0
  readonly quirks: RegistryQuirks

  constructor(client: RegistryClient, path: string, access: 'pull' | 'push' = 'push') {
    this.client = client
    this.path = path
    this.scope = `repository:${path}:${access === 'push' ? 'pull,push' : 'pull'}`
    this.quirks = quirksFor(client.registry)
    if (this.quirks.patchUploads) this.uploadMethod = 'patch'
  }

  #request(method: string, url: string, extra: Partial<RegistryRequest> = {}): RegistryRequest {
    return { method, url, scope: this.scope, ...extra }
  }

  /** A request inside an upload exchange: the exchange is retried whole, not this request. */
  #uploadRequest(
    method: string,
    url: string,
    extra: Partial<RegistryRequest> = {},
  ): RegistryRequest {
    return this.#request(method, url, { ...extra, retry: false })
  }

  async hasBlob(digest: string): Promise<boolean> {
    const request = this.#request('HEAD', `/v2/${this.path}/blobs/${digest}`)
    const response = await this.#followRedirects(request, await this.client.send(request))
    await response.body.dump()
    if (response.statusCode === 200) return true
    if (response.statusCode === 404) return false
    throw await this.client.unexpected(request, response)
  }

  /**
   * Uploads a blob; a transient failure anywhere in the exchange restarts it cleanly with a new
   * session and the body reopened from its source (never buffered for the purpose). A failure
   * once the committing request (`PUT ?digest=`) went out may hide a commit whose answer was
   * lost: the blob is HEADed first, and uploaded again only if the registry does not have it.
   */
  uploadBlob(blob: BlobUpload): Promise<void> {
    const exchange: Exchange = { committing: false }
    return this.client.withRetries(`upload of ${blob.digest}`, async () => {
      if (await this.#committedAnyway(exchange, blob.digest)) return
      await this.#uploadBlobOnce(blob, exchange)
    })
  }

  async #uploadBlobOnce(blob: BlobUpload, exchange: Exchange): Promise<void> {
    if (this.chunkSize === 0 && this.uploadMethod === 'monolithic') {
      const status = await this.#uploadMonolithic(blob, exchange)
      if (status === 'done') return
      if (status === 'too-large') this.chunkSize = FALLBACK_CHUNK_SIZE
      else this.uploadMethod = 'patch'
    }
    await this.#uploadChunked(blob, this.chunkSize || blob.size, exchange)
  }

  /**
   * Before an upload is tried again: if the last try failed after its committing request went
   * out (the answer lost to a reset or a timeout, as when GHCR takes long to commit a large
   * blob), whether the registry committed the blob all the same. One HEAD, not retried: when it
   * fails, the upload goes again as it would have.
   */
  async #committedAnyway(exchange: Exchange, digest: string | undefined): Promise<boolean> {
    if (!exchange.committing || digest === undefined) return false
    exchange.committing = false
    const request = this.#request('HEAD', `/v2/${this.path}/blobs/${digest}`, { retry: false })
    try {
      const response = await this.#followRedirects(request, await this.client.send(request))
      await response.body.dump()
      if (response.statusCode !== 200) return false
    } catch (error) {
      if (this.client.signal?.aborted) throw error
      this.client.logger.debug(`HEAD of ${digest} after a lost commit failed: ${String(error)}`)
      return false
    }
    this.client.logger.info(
      `${digest}: the registry committed it though its answer was lost; not uploading it again`,
    )
    return true
  }

  async #startUpload(): Promise<string> {
    return (await this.#startSession()).location
  }

  async #startSession(): Promise<{ location: string; minChunkSize: number }> {
    const request = this.#uploadRequest('POST', `/v2/${this.path}/blobs/uploads/`, {
      headers: { 'content-length': '0' },
    })
    const response = await this.client.send(request)
    if (response.statusCode !== 202) throw await this.client.unexpected(request, response)
    await response.body.dump()
    const location = response.headers['location']
    if (typeof location !== 'string' || location === '') {
      throw new TarPushError(
        'REGISTRY_ERROR',
        `POST ${this.client.resolve(request.url)} answered 202 without a Location header`,
        {
          subject: this.client.registry,
          hint: 'the registry does not follow the distribution spec; report it to its operators',
        },
      )
    }
    // OCI-Chunk-Min-Length: the smallest PATCH body this registry takes (distribution spec 1.1).
    const minimum = Number(response.headers['oci-chunk-min-length'] ?? 0)
    // Location may be relative or carry its own query (_state, session ids): resolve, never rebuild.
    return {
      location: this.client.resolve(location),
      minChunkSize: Number.isSafeInteger(minimum) && minimum > 0 ? minimum : 0,
    }
  }

  async #uploadMonolithic(
    blob: BlobUpload,
    exchange: Exchange,
  ): Promise<'done' | 'needs-patch' | 'too-large'> {
    const location = await this.#startUpload()
    const request = this.#uploadRequest('PUT', withDigest(location, blob.digest), {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
      body: blob.open as BodyFactory,
    })
    exchange.committing = true
    const response = await this.#inSession(location, () => this.client.send(request))
    // An answer came: nothing was lost.
    exchange.committing = false
    if (response.statusCode === 201) {
      await response.body.dump()
      return 'done'
    }
    if (response.statusCode === 413) {
      await response.body.dump()
      return 'too-large'
    }
    if (PATCH_FALLBACK_STATUSES.has(response.statusCode)) {
      await response.body.dump()
      return 'needs-patch'
    }
    throw await this.client.unexpected(request, response)
  }

  /**
   * PATCHes the blob in chunks of `chunkSize` (one chunk: the whole blob) with Content-Range
   * (inclusive end, as the distribution spec has it), following each new Location, then commits
   * with `PUT ?digest=`. The blob is read once, front to back.
   */
  async #uploadChunked(blob: BlobUpload, chunkSize: number, exchange: Exchange): Promise<void> {
    const session = await this.#startSession()
    const size = Math.max(chunkSize, session.minChunkSize, this.quirks.minChunkSize, 1)
    let cutter = new ChunkCutter(await blob.open())
    let location = session.location
    let resumes = 0
    for (let offset = 0; offset < blob.size;) {
      const length = Math.min(size, blob.size - offset)
      const patch = this.#chunkRequest(location, cutter, offset, length)
      let patched: RegistryResponse
      try {
        patched = await this.client.send(patch)
      } catch (error) {
        // A chunk broke off: ask the session where it stands and go on from there.
        if (!(error instanceof TarPushError) || !error.retryable || resumes >= this.client.retries)
          throw error
        resumes++
        const status = await this.#uploadStatus(location)
        this.client.logger.warn(
          `chunk ${offset}-${offset + length - 1} of ${blob.digest} failed (${error.message}); resuming at byte ${status.offset}`,
        )
        location = status.location
        offset = status.offset
        cutter.close()
        cutter = new ChunkCutter(await blob.open())
        await cutter.skip(offset)
        continue
      }
      if (BODY_TOO_LARGE_STATUSES.has(patched.statusCode) && length > FALLBACK_CHUNK_SIZE) {
        await patched.body.dump()
        this.chunkSize = FALLBACK_CHUNK_SIZE
        // Retried whole, now in smaller chunks.
        throw new BodyRefused(patched.statusCode, location, {
          reason: 'too-large',
          retryable: true,
        })
      }
      if (patched.statusCode !== 202) throw await this.client.unexpected(patch, patched)
      await patched.body.dump()
      location = this.#nextLocation(patched, location)
      offset += length
    }
    await cutter.finish()
    const put = this.#uploadRequest('PUT', withDigest(location, blob.digest), {
      headers: { 'content-length': '0' },
    })
    exchange.committing = true
    const response = await this.client.send(put)
    exchange.committing = false
    if (response.statusCode !== 201) throw await this.client.unexpected(put, response)
    await response.body.dump()
  }

  #chunkRequest(
    location: string,
    cutter: ChunkCutter,
    offset: number,
    length: number,
  ): RegistryRequest {
    return this.#uploadRequest('PATCH', location, {
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(length),
        'content-range': `${offset}-${offset + length - 1}`,
      },
      body: async () => cutter.part(length),
    })
  }

  /**
   * Sends the body of an upload session. When it breaks (a reset, a body that failed its own
   * checks) the session is cancelled with DELETE, as docker does, so the registry can drop the
   * partial bytes; the upload then starts over in a new session. Best effort: a registry that
   * cannot be reached, or stopped answering (a timeout), is not asked.
   */
  async #inSession<T>(location: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send()
    } catch (error) {
      // The network's code sits under our error (whose own code is NETWORK_ERROR).
      const code = errorCodeOf(error instanceof TarPushError ? error.cause : error)
      if (!NO_CANCEL_CODES.has(code ?? '')) await this.#cancelSession(location)
      throw error
    }
  }

  /** DELETEs an upload session no longer wanted; best effort, never an error of the push. */
  async #cancelSession(location: string): Promise<void> {
    try {
      const response = await this.client.send(this.#uploadRequest('DELETE', location))
      await response.body.dump()
      this.client.logger.debug(`upload session cancelled (HTTP ${response.statusCode})`)
    } catch (error) {
      this.client.logger.debug(`could not cancel an upload session: ${(error as Error).message}`)
    }
  }

  /** Each step of an upload may move the session: follow its Location, else stay. */
  #nextLocation(response: RegistryResponse, current: string): string {
    const next = response.headers['location']
    return typeof next === 'string' && next ? this.client.resolve(next) : current
  }

  /** Where an upload session stands (distribution spec: GET the upload URL, 204 with Range). */
  async #uploadStatus(location: string): Promise<{ location: string; offset: number }> {
    const request = this.#request('GET', location)
    const response = await this.client.send(request)
    if (response.statusCode !== 204 && response.statusCode !== 202) {
      throw await this.client.unexpected(request, response)
    }
    await response.body.dump()
    const range = /^(?:bytes=)?0-(\d+)$/.exec(String(response.headers['range'] ?? ''))
    return {
      location: this.#nextLocation(response, location),
      offset: range ? Number(range[1]) + 1 : 0,
    }
  }

  /**
   * Uploads bytes whose digest is known only once they have all been sent (compressed on the
   * fly): one PATCH with a streamed body, then `PUT ?digest=` to commit. A body that fails its
   * own checks fails the PATCH, and nothing is committed.
   */
  uploadStreamed(open: () => Promise<Readable>, digestAfterBody: () => string): Promise<void> {
    // The digest is known once a body went whole, and so before any committing PUT.
    const exchange: Exchange = { committing: false }
    return this.client.withRetries('streamed upload', async () => {
      if (
        await this.#committedAnyway(exchange, exchange.committing ? digestAfterBody() : undefined)
      )
        return
      await this.#uploadStreamedOnce(open, digestAfterBody, exchange)
    })
  }

  async #uploadStreamedOnce(
    open: () => Promise<Readable>,
    digestAfterBody: () => string,
    exchange: Exchange,
  ): Promise<void> {
    const location = await this.#startUpload()
    const patch = this.#uploadRequest('PATCH', location, {
      headers: { 'content-type': 'application/octet-stream' },
      body: open as BodyFactory,
    })
    const patched = await this.#inSession(location, () => this.client.send(patch))
    const reason = BODY_TOO_LARGE_STATUSES.has(patched.statusCode)
      ? 'too-large'
      : LENGTH_REQUIRED_STATUSES.has(patched.statusCode)
        ? 'length-required'
        : undefined
    if (reason) {
      await patched.body.dump()
      // The caller compresses to a spool file instead: its length is known (and allows chunks).
      throw new BodyRefused(patched.statusCode, location, { reason, retryable: false })
    }
    if (patched.statusCode !== 202) throw await this.client.unexpected(patch, patched)
    await patched.body.dump()
    const put = this.#uploadRequest(
      'PUT',
      withDigest(this.#nextLocation(patched, location), digestAfterBody()),
      {
        headers: { 'content-length': '0' },
      },
    )
    exchange.committing = true
    const response = await this.client.send(put)
    exchange.committing = false
    if (response.statusCode !== 201) throw await this.client.unexpected(put, response)
    await response.body.dump()
  }

  /**
   * Asks the registry to link a blob from another repository instead of uploading it
   * (distribution spec: POST ?mount=&from=). 201 means mounted; a 202 opens an ordinary upload
   * session instead (Docker Hub across namespaces), which is cancelled here so the caller
   * uploads as usual; a refusal (401 from Harbor, 403, 404) also leaves the blob to upload.
   */
  async mountBlob(digest: string, fromPath: string): Promise<boolean> {
    const query = new URLSearchParams({ mount: digest, from: fromPath })
    const request = this.#request('POST', `/v2/${this.path}/blobs/uploads/?${query}`, {
      headers: { 'content-length': '0' },
      scope: `${this.scope} repository:${fromPath}:pull`,
    })
    let response: RegistryResponse
    try {
      response = await this.client.send(request)
    } catch (error) {
      // Harbor answers 401 when the user may not read the source: upload instead, never fail.
      if (!(error instanceof TarPushError) || !MOUNT_REFUSALS.has(error.code)) throw error
      this.client.logger.debug(`mount of ${digest} from ${fromPath} refused (${error.message})`)
      return false
    }
    await response.body.dump()
    if (response.statusCode === 201) return true
    const location = response.headers['location']
    if (response.statusCode === 202 && typeof location === 'string' && location) {
      // Nothing was mounted (Docker Hub across namespaces): drop the session it opened instead.
      this.client.logger.debug(`mount of ${digest} from ${fromPath} answered 202: not mounted`)
      await this.#cancelSession(this.client.resolve(location))
    }
    return false
  }

  /** GETs a small blob (a config) whole, checking its digest. */
  getBlobBytes(digest: string, limit: number): Promise<Buffer | undefined> {
    const request = this.#request('GET', `/v2/${this.path}/blobs/${digest}`, { retry: false })
    return this.client.withRetries(`GET ${request.url}`, async () => {
      const response = await this.#followRedirects(request, await this.client.send(request))
      if (response.statusCode === 404) {
        await response.body.dump()
        return undefined
      }
      if (response.statusCode !== 200) throw await this.client.unexpected(request, response)
      const bytes = await this.#readBody(request, response, limit)
      return matchesDigest(bytes, digest) ? bytes : undefined
    })
  }

  /**
   * GETs a blob from byte `offset` on (a Range request, to resume a broken download), following
   * redirects to storage. The answer is 200 (whole blob) or 206 (the range); the caller reads
   * and verifies the body.
   */
  async openBlob(digest: string, offset = 0): Promise<RegistryResponse> {
    const request = this.#request('GET', `/v2/${this.path}/blobs/${digest}`, {
      headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
    })
    const response = await this.#followRedirects(request, await this.client.send(request))
    if (response.statusCode === 200 || response.statusCode === 206) return response
    throw await this.client.unexpected(request, response)
  }

  /**
   * A blob's bytes handed to `onChunk` as they arrive (redirects followed), with no stream: the
   * load generator's pulls. Sent once: a failure half-way cannot be replayed into the consumer.
   */
  async readBlob(digest: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    const request = this.#request('GET', `/v2/${this.path}/blobs/${digest}`, {
      retry: false,
      onBodyChunk: onChunk,
    })
    const response = await this.#followRedirects(request, await this.client.send(request))
    if (response.statusCode === 200) return
    throw await this.client.unexpected(request, response)
  }

  /** PUTs a manifest under a tag or digest; the registry's digest must equal ours. */
  async putManifest(reference: string, manifest: RawJson): Promise<string> {
    const request = this.#request('PUT', `/v2/${this.path}/manifests/${reference}`, {
      headers: { 'content-type': manifest.mediaType },
      body: async () => manifest.bytes,
    })
    const response = await this.client.send(request)
    if (response.statusCode !== 201 && response.statusCode !== 200)
      throw await this.client.unexpected(request, response)
    await response.body.dump()
    const digest = sha256(manifest.bytes)
    const answered = response.headers['docker-content-digest']
    if (typeof answered === 'string' && answered !== '' && answered !== digest) {
      throw new TarPushError(
        'MANIFEST_DIGEST_MISMATCH',
        `the registry stored the manifest of ${this.path}:${reference} as ${answered}, we sent ${digest}`,
        {
          subject: this.client.resolve(request.url),
          hint: 'the registry rewrote the manifest (it may not support this manifest type); do not rely on the digest',
        },
      )
    }
    return digest
  }

  /** GETs a manifest; undefined when it does not exist. */
  getManifest(
    reference: string,
    accept: readonly string[],
    limit = 4 * 1024 * 1024,
  ): Promise<(RawJson & { registryDigest: string | undefined }) | undefined> {
    const request = this.#request('GET', `/v2/${this.path}/manifests/${reference}`, {
      headers: { accept: accept.join(', ') },
      retry: false,
    })
    // The body is read inside the attempt: a response cut half-way is retried whole.
    return this.client.withRetries(`GET ${request.url}`, async () => {
      const response = await this.client.send(request)
      if (response.statusCode === 404) {
        await response.body.dump()
        return undefined
      }
      if (response.statusCode !== 200) throw await this.client.unexpected(request, response)
      const bytes = await this.#readBody(request, response, limit)
      const contentType = response.headers['content-type']
      const registryDigest = response.headers['docker-content-digest']
      return {
        bytes,
        digest: sha256(bytes),
        registryDigest: typeof registryDigest === 'string' ? registryDigest : undefined,
        mediaType: typeof contentType === 'string' ? contentType.split(';')[0]!.trim() : '',
      }
    })
  }

  /**
   * Registries may redirect blob GETs and HEADs to storage (S3, GCS, a CDN). The client sends
   * the registry's Authorization header only to the registry's own host.
   */
  async #followRedirects(
    request: RegistryRequest,
    first: RegistryResponse,
  ): Promise<RegistryResponse> {
    let response = first
    for (let hops = 0; hops < 5 && REDIRECTS.has(response.statusCode); hops++) {
      const location = response.headers['location']
      if (typeof location !== 'string') break
      await response.body.dump()
      const redirected = {
        ...request,
        url: new URL(location, this.client.resolve(request.url)).toString(),
      }
      response = await this.client.send(redirected)
    }
    return response
  }

  async #readBody(
    request: RegistryRequest,
    response: RegistryResponse,
    limit: number,
  ): Promise<Buffer> {
    try {
      return await readBytesLimited(
        response,
        limit,
        `${request.method} ${this.client.resolve(request.url)}`,
      )
    } catch (error) {
      throw transportError(error, request.method, this.client.resolve(request.url))
    }
  }
}
