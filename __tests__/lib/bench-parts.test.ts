import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { buffer } from 'node:stream/consumers'
import { extract } from 'tar-stream'
import { layerBlobSize, randomImage, randomLayer } from '../../src/lib/loadtest/image.ts'
import { csvField, JTL_COLUMNS, jtlRow } from '../../src/lib/loadtest/jtl.ts'
import { requestKind, type RequestSample } from '../../src/lib/loadtest/requests.ts'
import { mixCycle, parseMix } from '../../src/lib/loadtest/schedule.ts'
import { parseDuration, parseSize } from '../../src/lib/loadtest/units.ts'
import { chartPoints, formatMs, mermaidChart } from '../../src/lib/loadtest/report.ts'
import { createHistogram, encodeHistogram, recordMs } from '../../src/lib/loadtest/histogram.ts'
import type { SecondResult } from '../../src/lib/loadtest/result.ts'

const DIGEST = `sha256:${'a'.repeat(64)}`

describe('bench: request kinds', () => {
  for (const [method, path, kind] of [
    ['GET', '/v2/', 'ping'],
    ['GET', '/token?scope=repository:a:pull&service=x', 'token'],
    ['GET', '/v2/auth?scope=repository:a:pull', 'token'],
    ['POST', '/oauth/token', 'token'],
    ['HEAD', '/v2/bench/vu-1/manifests/abc-1', 'manifest HEAD'],
    ['GET', `/v2/org/app/manifests/${DIGEST}`, 'manifest GET'],
    ['PUT', '/v2/a/b/c/manifests/latest', 'manifest PUT'],
    ['DELETE', `/v2/a/manifests/${DIGEST}`, 'manifest DELETE'],
    ['HEAD', `/v2/a/blobs/${DIGEST}`, 'blob HEAD'],
    ['GET', `/v2/a/blobs/${DIGEST}`, 'blob GET'],
    ['POST', '/v2/a/blobs/uploads/', 'blob POST'],
    ['POST', `/v2/a/blobs/uploads/?mount=${DIGEST}&from=b`, 'blob POST'],
    ['PATCH', '/v2/a/blobs/uploads/0f3e-11?_state=xyz', 'blob PATCH'],
    ['PUT', `/v2/a/blobs/uploads/0f3e-11?_state=xyz&digest=${DIGEST}`, 'blob PUT'],
    ['GET', '/v2/a/blobs/uploads/0f3e-11', 'upload GET'],
    ['DELETE', '/v2/a/blobs/uploads/0f3e-11', 'upload DELETE'],
    ['GET', '/v2/a/tags/list', 'tags GET'],
  ] as const) {
    it(`${method} ${path} is ${kind}`, () => assert.equal(requestKind(method, path), kind))
  }
})

describe('bench: options', () => {
  it('durations', () => {
    assert.equal(parseDuration('60s', '--duration'), 60_000)
    assert.equal(parseDuration('2m', '--duration'), 120_000)
    assert.equal(parseDuration('1m30s', '--duration'), 90_000)
    assert.equal(parseDuration('500ms', '--duration'), 500)
    assert.equal(parseDuration('1h', '--duration'), 3_600_000)
    assert.equal(parseDuration('1.5', '--duration'), 1500)
    assert.throws(() => parseDuration('soon', '--duration'), /--duration "soon" is not a duration/)
    assert.throws(() => parseDuration('', '--ramp-up'), /not a duration/)
  })

  it('sizes: KiB/MiB/GiB are binary, kB/MB/GB decimal', () => {
    assert.equal(parseSize('10MiB', '--layer-size'), 10 * 1024 * 1024)
    assert.equal(parseSize('512KiB', '--layer-size'), 512 * 1024)
    assert.equal(parseSize('1GB', '--layer-size'), 1e9)
    assert.equal(parseSize('4096', '--layer-size'), 4096)
    assert.throws(() => parseSize('ten', '--layer-size'), /--layer-size "ten" is not a size/)
    assert.throws(() => parseSize('1XB', '--layer-size'), /not a size/)
  })

  it('a mix is exact over each cycle and spread out', () => {
    assert.deepEqual(parseMix('push=20,pull=80'), { push: 20, pull: 80 })
    const cycle = mixCycle({ push: 20, pull: 80 })
    assert.deepEqual(cycle, ['pull', 'pull', 'push', 'pull', 'pull'])
    const three = mixCycle({ push: 1, pull: 2, head: 3 })
    assert.equal(three.length, 6)
    assert.equal(three.filter((name) => name === 'head').length, 3)
    assert.deepEqual(mixCycle({ pull: 1 }), ['pull'])
    assert.throws(() => parseMix('push=20,copy=80'), /"copy=80" is not scenario=weight/)
    assert.throws(() => parseMix('push=0'), /no scenario a weight/)
  })
})

describe('bench: random images', () => {
  it('a layer is a tar with one file of the asked size; the digest is of the bytes sent', async () => {
    const layer = await randomLayer(300_001, 'bench/x.bin')
    const bytes = await buffer(layer.open())
    assert.equal(bytes.length, layer.size)
    assert.equal(layer.size, layerBlobSize(300_001))
    assert.equal(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, layer.digest)
    // the same bytes every time it is opened
    assert.deepEqual(await buffer(layer.open()), bytes)
    const entries: { name: string; size: number }[] = []
    const reader = extract()
    reader.on('entry', (header, stream, next) => {
      entries.push({ name: header.name, size: header.size ?? -1 })
      stream.resume()
      stream.on('end', next)
    })
    const done = new Promise<void>((resolve, reject) => {
      reader.on('finish', () => resolve())
      reader.on('error', reject)
    })
    reader.end(bytes)
    await done
    assert.deepEqual(entries, [{ name: 'bench/x.bin', size: 300_001 }])
  })

  it('two layers never share bytes, and an image lists its layers as diff_ids', async () => {
    const [a, b] = await Promise.all([randomLayer(4096), randomLayer(4096)])
    assert.notEqual(a!.digest, b!.digest)
    const image = await randomImage({ layers: 2, layerSize: 1000, label: 't' })
    const config = JSON.parse(image.config.bytes.toString()) as { rootfs: { diff_ids: string[] } }
    assert.deepEqual(
      config.rootfs.diff_ids,
      image.layers.map((layer) => layer.digest),
    )
    const manifest = JSON.parse(image.manifest.bytes.toString()) as {
      config: { digest: string }
      layers: { digest: string; size: number }[]
    }
    assert.equal(manifest.config.digest, image.config.digest)
    assert.equal(image.blobBytes, image.config.size + image.layers[0]!.size * 2)
  })
})

describe('bench: reports', () => {
  const sample: RequestSample = {
    kind: 'blob PATCH',
    method: 'PATCH',
    url: 'http://127.0.0.1:5000/v2/a/blobs/uploads/x?_state=a,b',
    vu: 3,
    startedAt: 1_700_000_000_123.4,
    elapsedMs: 12.6,
    ttfbMs: 12.1,
    connectMs: 0.2,
    status: 503,
    statusText: 'Service Unavailable',
    errorCode: undefined,
    bytesSent: 1000,
    bytesReceived: 20,
    outcome: 'error',
    message: 'HTTP 503 "busy", try later',
  }

  it('a JTL row has every column, quoted where needed', () => {
    const row = jtlRow(sample, 4)
    assert.equal(
      row,
      '1700000000123,13,blob PATCH,503,Service Unavailable,bench 1-3,text,false,"HTTP 503 ""busy"", try later",20,1000,4,4,"http://127.0.0.1:5000/v2/a/blobs/uploads/x?_state=a,b",12,0,0',
    )
    assert.equal(JTL_COLUMNS.length, 17)
    assert.equal(csvField('plain'), 'plain')
    assert.equal(csvField('two\nlines'), '"two\nlines"')
  })

  it('durations read well', () => {
    assert.equal(formatMs(0.4213), '0.42 ms')
    assert.equal(formatMs(12.34), '12.3 ms')
    assert.equal(formatMs(845.2), '845 ms')
    assert.equal(formatMs(2310), '2.31 s')
  })

  it('chart points merge seconds (p95 from the merged histograms) and charts are mermaid', () => {
    const series: SecondResult[] = Array.from({ length: 130 }, (_, index) => {
      const histogram = createHistogram()
      for (let i = 0; i < 10; i++) recordMs(histogram, index < 65 ? 10 : 100)
      return {
        t: 1_700_000_000 + index,
        requests: 10,
        errors: 0,
        bytesSent: 1e6,
        bytesReceived: 0,
        iterations: 1,
        iterationErrors: 0,
        activeVus: 2,
        p95Ms: 0,
        latency: encodeHistogram(histogram),
        generatorCores: 0.1,
        registryCores: null,
      }
    })
    const points = chartPoints(series, 60)
    assert.equal(points.length, 44) // 3 seconds a point
    assert.equal(points[0]!.offset, 0)
    assert.equal(points[1]!.offset, 3)
    assert.equal(points[0]!.requestsPerSecond, 10)
    assert.ok(Math.abs(points[0]!.p95Ms - 10) < 0.02)
    assert.ok(Math.abs(points.at(-1)!.p95Ms - 100) < 0.2)
    const chart = mermaidChart('Throughput', 'requests/s', ['0', '3'], [10, 12.345])
    assert.match(chart, /^```mermaid\nxychart-beta\n {2}title "Throughput"\n/)
    assert.match(chart, /x-axis "seconds" \["0", "3"\]/)
    assert.match(chart, /line \[10, 12\.35\]\n```$/)
  })
})
