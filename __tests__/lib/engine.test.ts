import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { copyArtifact } from '../../src/lib/engine/copy.ts'
import { LayerChecks } from '../../src/lib/engine/verify.ts'
import { TarPushError } from '../../src/lib/errors.ts'
import { silentLogger } from '../../src/lib/log.ts'
import type { Image, RawJson } from '../../src/lib/image/model.ts'
import type { BlobToPut, ImageSink } from '../../src/lib/image/sink.ts'
import { tarBytes } from '../support/tar-builder.ts'

const sha256 = (bytes: Buffer | string) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

const document = (value: unknown, mediaType: string): RawJson => {
  const bytes = Buffer.from(JSON.stringify(value))
  return { bytes, digest: sha256(bytes), mediaType }
}

/** An image whose config names `diffId` for its one gzip layer (a lie when it is not the tar's). */
async function imageWithDiffId(diffId: (tar: Buffer) => string, remote: boolean): Promise<Image> {
  const tar = await tarBytes([{ kind: 'file', name: 'a', data: 'real bytes' }])
  const stored = gzipSync(tar)
  const config = document(
    { os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [diffId(tar)] } },
    'application/vnd.oci.image.config.v1+json',
  )
  const layerType = 'application/vnd.oci.image.layer.v1.tar+gzip'
  const manifest = document(
    {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: config.mediaType, digest: config.digest, size: config.bytes.length },
      layers: [{ mediaType: layerType, digest: sha256(stored), size: stored.length }],
    },
    'application/vnd.oci.image.manifest.v1+json',
  )
  return {
    kind: 'image',
    flavor: 'oci',
    config,
    diffIds: [diffId(tar)],
    layers: [
      {
        diffId: diffId(tar),
        compression: 'gzip',
        storedDigest: sha256(stored),
        mediaType: layerType,
        isTar: true,
        content: {
          origin: 'test layer',
          size: stored.length,
          remote,
          open: async () => Readable.from([stored]),
        },
      },
    ],
    manifest,
    platform: { os: 'linux', architecture: 'amd64' },
  }
}

/**
 * A sink that, like a registry answering a monolithic PUT, is done once it has `size` bytes: it
 * does not wait for the body's end (where the verifier's last check runs).
 */
function eagerSink(held: ReadonlySet<string> = new Set()) {
  const calls: string[] = []
  const sink: ImageSink = {
    name: 'eager',
    takesStreamedBlobs: false,
    hasBlob: async (digest) => held.has(digest),
    putBlob: async (blob: BlobToPut) => {
      const body = await blob.open()
      let received = 0
      for await (const chunk of body as AsyncIterable<Buffer>) {
        received += chunk.length
        if (received >= blob.size) break
      }
      calls.push(`blob ${blob.digest}`)
    },
    putManifest: async (manifest) => void calls.push(`manifest ${manifest.digest}`),
    commit: async () => void calls.push('commit'),
    abort: async () => void calls.push('abort'),
  }
  return { sink, calls }
}

describe('the copy engine', () => {
  it('the last bytes come only after every check passed: a sink that stops at the declared size never gets a layer whose diff_id lies', async () => {
    const image = await imageWithDiffId(() => sha256('something else'), true)
    const { sink, calls } = eagerSink()
    await assert.rejects(
      copyArtifact(image, ['1'], { sink, compression: 'none', logger: silentLogger }),
      (error: unknown) => error instanceof TarPushError && error.code === 'DIFF_ID_MISMATCH',
    )
    assert.ok(!calls.some((call) => call.startsWith('manifest')), calls.join(', '))
    assert.equal(calls.at(-1), 'abort')
    assert.ok(!calls.includes('commit'))
  })

  it('a local layer the sink holds already is still read and checked', async () => {
    const image = await imageWithDiffId(() => sha256('something else'), false)
    const { sink, calls } = eagerSink(new Set([image.layers[0]!.storedDigest!]))
    await assert.rejects(
      copyArtifact(image, ['1'], { sink, compression: 'none', logger: silentLogger }),
      (error: unknown) => error instanceof TarPushError && error.code === 'DIFF_ID_MISMATCH',
    )
    assert.deepEqual(calls, ['abort'])
  })

  it('a good image: blobs, then the manifest under its tag, then commit', async () => {
    const image = await imageWithDiffId(sha256, true)
    const { sink, calls } = eagerSink()
    const report = await copyArtifact(image, ['1'], {
      sink,
      compression: 'none',
      logger: silentLogger,
    })
    assert.equal(report.digest, image.manifest!.digest, 'the manifest is copied unchanged')
    assert.deepEqual(calls.slice(-2), [`manifest ${image.manifest!.digest}`, 'commit'])
  })

  it('tags one at a time, each reported as set: a stop between two tags knows which are set', async () => {
    const image = await imageWithDiffId(sha256, true)
    const { sink, calls } = eagerSink()
    const controller = new AbortController()
    const putManifest = sink.putManifest
    sink.putManifest = async (manifest, target) => {
      await putManifest(manifest, target)
      if (target.tags[0] === '1') controller.abort()
    }
    const tagged: string[] = []
    await assert.rejects(
      copyArtifact(image, ['1', '2'], {
        sink,
        compression: 'none',
        logger: silentLogger,
        signal: controller.signal,
        onTagged: (reference) => tagged.push(reference),
      }),
      (error: unknown) => error instanceof TarPushError && error.code === 'CANCELLED',
    )
    assert.deepEqual(tagged, ['eager:1'])
    assert.equal(calls.filter((call) => call.startsWith('manifest')).length, 1, calls.join(', '))
  })
})

describe("the checks of a push's local layers", () => {
  /** The image's one layer, local, with its reads counted. */
  async function countedImage(): Promise<{ image: Image; opens: () => number }> {
    const image = await imageWithDiffId(sha256, false)
    const content = image.layers[0]!.content
    const open = content.open
    let opens = 0
    content.open = () => {
      opens++
      return open()
    }
    return { image, opens: () => opens }
  }

  it('are shared by the copies of one push: a layer read for one target is not read again for the next', async () => {
    for (const [shared, firstHolds] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ]) {
      const { image, opens } = await countedImage()
      const layerChecks = shared ? new LayerChecks(undefined) : undefined
      for (const target of ['a', 'b']) {
        // The first target holds the layer (it is checked) or not (it is uploaded, through the
        // verifier); the second holds it.
        const held = target === 'b' || firstHolds
        const { sink } = eagerSink(new Set(held ? [image.layers[0]!.storedDigest!] : []))
        await copyArtifact(image, ['1'], {
          sink: { ...sink, name: target },
          compression: 'none',
          logger: silentLogger,
          layerChecks,
        })
      }
      assert.equal(opens(), shared ? 1 : 2, `shared ${shared}, first holds ${firstHolds}`)
    }
  })

  it('a layer compressed for one target (checked as it was read) is not read again for the next', async () => {
    const tar = await tarBytes([{ kind: 'file', name: 'a', data: 'layer bytes '.repeat(1000) }])
    const config = document(
      { os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [sha256(tar)] } },
      'application/vnd.docker.container.image.v1+json',
    )
    let opens = 0
    const image: Image = {
      kind: 'image',
      flavor: 'docker',
      config,
      diffIds: [sha256(tar)],
      manifest: undefined,
      platform: { os: 'linux', architecture: 'amd64' },
      layers: [
        {
          diffId: sha256(tar),
          compression: 'none',
          storedDigest: undefined,
          mediaType: undefined,
          isTar: true,
          content: {
            origin: 'test layer',
            size: tar.length,
            open: async () => {
              opens++
              return Readable.from([tar])
            },
          },
        },
      ],
    }
    const layerChecks = new LayerChecks(undefined)
    const first = eagerSink()
    const report = await copyArtifact(image, ['1'], {
      sink: first.sink,
      compression: 'gzip',
      logger: silentLogger,
      layerChecks,
    })
    const layer = report.images[0]!.layers[0]!
    assert.equal(layer.status, 'uploaded')
    assert.equal(opens, 1)
    // The next target holds the compressed blob; the target tag says so.
    const second = eagerSink(new Set([layer.digest]))
    await copyArtifact(image, ['1'], {
      sink: { ...second.sink, name: 'b' },
      compression: 'gzip',
      logger: silentLogger,
      layerChecks,
      knownBlob: () => ({ digest: layer.digest, size: layer.size }),
    })
    assert.equal(opens, 1, 'read once for both targets')
  })

  it('a guess that fails is reported by the step that needs it, and stop() ends one nobody needs', async () => {
    const lying = await imageWithDiffId(() => sha256('something else'), false)
    const checks = new LayerChecks(undefined)
    checks.guess(lying.layers[0]!)
    await assert.rejects(
      checks.once(lying.layers[0]!, undefined),
      (error: unknown) => error instanceof TarPushError && error.code === 'DIFF_ID_MISMATCH',
    )

    const endless = await imageWithDiffId(sha256, false)
    let destroyed = false
    endless.layers[0]!.content.open = async () =>
      new Readable({
        read() {
          setTimeout(() => this.push(Buffer.alloc(16)), 5)
        },
        destroy(error, done) {
          destroyed = true
          done(error)
        },
      })
    const stopping = new LayerChecks(undefined)
    stopping.guess(endless.layers[0]!)
    await new Promise((resolve) => setTimeout(resolve, 30))
    stopping.stop()
    await assert.rejects(stopping.once(endless.layers[0]!, undefined), { name: 'AbortError' })
    assert.ok(destroyed, "the layer's stream is closed")
  })
})
