/**
 * Deterministic file content for the test images: the same seed gives the same bytes on every
 * run and machine, so a rebuilt image has the same layer digests and reruns compare like with like.
 */
import { createCipheriv, createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { once } from 'node:events'

/** Every generated file and directory gets this mtime, so layer tars are byte-identical. */
export const FIXED_MTIME = new Date('2024-01-01T00:00:00Z')

const MiB = 1024 * 1024

/** Small, fast, seedable PRNG (mulberry32); `Math.random` cannot be seeded. */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Incompressible bytes: AES-256-CTR keystream (fast, and seeded unlike /dev/urandom). With
 * `zeroEvery` = n, every n-th MiB is zeros instead, like the sparse parts of real big images.
 */
export async function writeRandomFile(
  path: string,
  bytes: number,
  seed: string,
  zeroEvery = 0,
): Promise<void> {
  const key = createHash('sha256').update(`random:${seed}`).digest()
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16))
  const zeros = Buffer.alloc(MiB)
  await writeChunks(path, function* () {
    for (let offset = 0, index = 0; offset < bytes; offset += MiB, index++) {
      const size = Math.min(MiB, bytes - offset)
      const keystream = cipher.update(zeros.subarray(0, size))
      const isZeroChunk = zeroEvery > 0 && index % zeroEvery === zeroEvery - 1
      yield isZeroChunk ? zeros.subarray(0, size) : keystream
    }
  })
}

const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'DEBUG', 'WARN', 'ERROR']
const COMPONENTS = ['http.server', 'db.pool', 'cache', 'auth', 'worker.queue', 'scheduler']
const PATHS = ['/api/v1/items', '/api/v1/users', '/healthz', '/api/v2/orders', '/static/app.js']
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE']
const STATUSES = [200, 200, 200, 201, 204, 304, 400, 404, 500]

/** Log-like text (compresses about 5-8x with gzip), split over `files` files in `dir`. */
export async function writeLogFiles(
  dir: string,
  totalBytes: number,
  files: number,
  seed: string,
): Promise<void> {
  const random = seededRandom(`text:${seed}`)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  let clock = Date.parse('2024-01-01T00:00:00Z')
  const line = () => {
    clock += Math.floor(random() * 250)
    const id = Math.floor(random() * 0xffffffff).toString(16)
    const status = pick(STATUSES)
    const ms = (random() * 400).toFixed(1)
    return `${new Date(clock).toISOString()} ${pick(LEVELS).padEnd(5)} [${pick(COMPONENTS)}] request_id=${id} method=${pick(METHODS)} path=${pick(PATHS)}/${Math.floor(random() * 10_000)} status=${status} duration_ms=${ms} user=user${Math.floor(random() * 500)}\n`
  }
  for (let file = 0; file < files; file++) {
    const bytes = Math.floor(totalBytes / files)
    await writeChunks(join(dir, `app.log.${file}`), function* () {
      for (let written = 0; written < bytes;) {
        let chunk = ''
        while (chunk.length < 256 * 1024) chunk += line()
        written += chunk.length
        yield Buffer.from(chunk)
      }
    })
  }
}

/**
 * `count` small source-like files in 50 directories, 512 B to 14 KiB each (one in ten binary),
 * like a node_modules or site-packages layer.
 */
export async function writeSmallFiles(dir: string, count: number, seed: string): Promise<void> {
  const random = seededRandom(`small:${seed}`)
  const words = ['const', 'return', 'function', 'value', 'options', 'export', 'import', 'await']
  for (let index = 0; index < count; index++) {
    const path = join(dir, `pkg-${String(index % 50).padStart(3, '0')}`, `module-${index}.js`)
    const size = 512 + Math.floor(random() * 13_824)
    let content: Buffer
    if (index % 10 === 9) {
      content = Buffer.alloc(size)
      for (let i = 0; i < size; i++) content[i] = Math.floor(random() * 256)
    } else {
      let text = ''
      while (text.length < size) {
        const word = words[Math.floor(random() * words.length)]
        text += `${word} item${Math.floor(random() * 1000)} = ${Math.floor(random() * 1e6)};\n`
      }
      content = Buffer.from(text.slice(0, size))
    }
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, content)
  }
}

/** Sets the fixed mtime on every path; call it once all files exist (creating one bumps its dir). */
export async function pinMtimes(paths: readonly string[]): Promise<void> {
  for (const path of paths) await utimes(path, FIXED_MTIME, FIXED_MTIME)
}

async function writeChunks(path: string, chunks: () => Iterable<Buffer>): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const out = createWriteStream(path)
  for (const chunk of chunks()) {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}
