/**
 * The benchmark's test images, made with real tools (umoci builds an OCI layout, skopeo saves it
 * as docker-archive and oci-archive) and cached under the work dir by a content stamp: a rerun
 * with the same recipe, the same /usr files and the same tools reuses them at once.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import {
  copyFile,
  lstat,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import {
  FIXED_MTIME,
  pinMtimes,
  writeLogFiles,
  writeRandomFile,
  writeSmallFiles,
} from './generate.ts'
import { runChecked } from './process.ts'

export interface ImageProfile {
  name: 'full' | 'quick'
  /** Real files from this machine's /usr for the base layer. */
  baseBytes: number
  randomBytes: number
  textBytes: number
  smallFiles: number
  /** The single-layer image for the memory measurement. */
  bigBytes: number
}

const MiB = 1024 * 1024

export const PROFILES: Record<ImageProfile['name'], ImageProfile> = {
  full: {
    name: 'full',
    baseBytes: 150_000_000,
    randomBytes: 50 * MiB,
    textBytes: 45_000_000,
    smallFiles: 5_000,
    bigBytes: 1024 * MiB,
  },
  quick: {
    name: 'quick',
    baseBytes: 30_000_000,
    randomBytes: 10 * MiB,
    textBytes: 12_000_000,
    smallFiles: 1_200,
    bigBytes: 256 * MiB,
  },
}

export type Transport = 'docker-archive' | 'oci-archive'

export interface Archive {
  path: string
  transport: Transport
  bytes: number
}

export interface BenchImages {
  /** ~300 MB, 6 layers, uncompressed layers: the main case. */
  main: Archive
  /** The same image as an OCI archive with gzip layers. */
  oci: Archive
  /** `main` with its text layer regenerated from another seed; every other layer identical. */
  changed: Archive
  /** One big layer (1 GiB, or 256 MiB with --quick). */
  big: Archive
  layers: number
  stamp: string
  reused: boolean
}

/** Bump when the recipe below changes, so cached images are rebuilt. */
const RECIPE_VERSION = 1
const BUILD_TIMEOUT_MS = 20 * 60_000
const BASE_ROOTS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/bin']
const CREATED = FIXED_MTIME.toISOString()

const FILES = {
  main: 'bench.tar',
  oci: 'bench-oci.tar',
  changed: 'bench-changed.tar',
  big: 'big.tar',
} as const

interface BaseFile {
  path: string
  size: number
  mtimeMs: number
}

/** Returns the cached images for `profile`, building them first when the stamp does not match. */
export async function prepareImages(
  workDir: string,
  profile: ImageProfile,
  log: (message: string) => void,
): Promise<BenchImages> {
  const cacheDir = join(workDir, 'images', profile.name)
  const baseFiles = await selectBaseFiles(profile.baseBytes)
  const stamp = await contentStamp(profile, baseFiles)
  const stampFile = join(cacheDir, 'stamp')
  const cached = (await readFile(stampFile, 'utf8').catch(() => '')) === stamp
  const reused = cached && Object.values(FILES).every((file) => existsSync(join(cacheDir, file)))
  if (!reused) {
    log(`building the ${profile.name} test images in ${cacheDir} (first run only)`)
    const started = Date.now()
    await rm(cacheDir, { recursive: true, force: true })
    await buildImages(cacheDir, profile, baseFiles)
    await writeFile(stampFile, stamp)
    log(`built the test images in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  const archive = async (file: string, transport: Transport): Promise<Archive> => {
    const path = join(cacheDir, file)
    return { path, transport, bytes: (await stat(path)).size }
  }
  const main = await archive(FILES.main, 'docker-archive')
  const changed = await archive(FILES.changed, 'docker-archive')
  const layers = await checkOneLayerChanged(main, changed)
  return {
    main,
    oci: await archive(FILES.oci, 'oci-archive'),
    changed,
    big: await archive(FILES.big, 'docker-archive'),
    layers,
    stamp,
    reused,
  }
}

/** Deterministic base: per root, regular files in sorted order until that root's share is used. */
async function selectBaseFiles(budget: number): Promise<BaseFile[]> {
  const roots = BASE_ROOTS.filter((root) => existsSync(root))
  const selected: BaseFile[] = []
  for (const root of roots) {
    const share = budget / roots.length
    let used = 0
    for (const file of await listRegularFiles(root)) {
      if (used + file.size > share) continue
      selected.push(file)
      used += file.size
    }
  }
  return selected
}

async function listRegularFiles(root: string): Promise<BaseFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  const files: BaseFile[] = []
  for (const path of paths) {
    const info = await lstat(path)
    files.push({ path, size: info.size, mtimeMs: info.mtimeMs })
  }
  return files
}

async function contentStamp(profile: ImageProfile, baseFiles: BaseFile[]): Promise<string> {
  const tools = await Promise.all(
    [
      ['umoci', '--version'],
      ['skopeo', '--version'],
    ].map(async ([tool, flag]) => (await runChecked(tool, [flag], { timeoutMs: 30_000 })).stdout),
  )
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ RECIPE_VERSION, profile, tools }))
  for (const file of baseFiles) hash.update(`${file.path}\0${file.size}\0${file.mtimeMs}\n`)
  return hash.digest('hex')
}

/**
 * Layers: base (/usr files), 50 MiB random, log text, 5000 small files, an empty layer, a config
 * file. `changed` branches after the random layer with another text seed and re-inserts the
 * same later layers, which umoci turns into byte-identical tars.
 */
async function buildImages(
  cacheDir: string,
  profile: ImageProfile,
  baseFiles: BaseFile[],
): Promise<void> {
  const build = join(cacheDir, 'build')
  const stage = (name: string) => join(build, 'stage', name)
  const layout = join(build, 'layout')
  await mkdir(build, { recursive: true })

  await stageBase(stage('base'), baseFiles)
  await writeRandomFile(join(stage('random'), 'blob.bin'), profile.randomBytes, 'layer')
  await writeLogFiles(stage('text'), profile.textBytes, 4, 'original')
  await writeLogFiles(stage('text-changed'), profile.textBytes, 4, 'changed')
  await writeSmallFiles(stage('small'), profile.smallFiles, 'small')
  await mkdir(stage('config'), { recursive: true })
  await writeFile(join(stage('config'), 'app.json'), `${JSON.stringify(APP_CONFIG, null, 2)}\n`)
  await writeRandomFile(join(stage('big'), 'big.bin'), profile.bigBytes, 'big', 8)
  const emptyTar = join(build, 'empty.tar')
  await writeFile(emptyTar, Buffer.alloc(1024)) // end-of-archive marker only: an empty layer
  await pinMtimes(await listTree(join(build, 'stage')))

  await umoci(['init', '--layout', layout])
  await umoci(['new', '--image', `${layout}:s0`])
  await insert(layout, 's0', 's1', stage('base'), '/usr')
  await insert(layout, 's1', 's2', stage('random'), '/opt/data')
  for (const [text, name] of [
    [stage('text'), 'app'],
    [stage('text-changed'), 'changed'],
  ]) {
    await insert(layout, 's2', `${name}3`, text, '/var/log/app')
    await insert(layout, `${name}3`, `${name}4`, stage('small'), '/app/node_modules')
    await addEmptyLayer(layout, `${name}4`, `${name}5`, emptyTar)
    await insert(layout, `${name}5`, `${name}6`, stage('config'), '/etc/bench')
    await configure(layout, `${name}6`, name)
  }
  await insert(layout, 's0', 'big1', stage('big'), '/data')
  await configure(layout, 'big1', 'big')

  const out = (file: string) => join(build, file)
  await skopeoCopy(`oci:${layout}:app`, `docker-archive:${out(FILES.main)}:bench/app:1`)
  await skopeoCopy(`oci:${layout}:app`, `oci-archive:${out(FILES.oci)}:1`)
  await skopeoCopy(`oci:${layout}:changed`, `docker-archive:${out(FILES.changed)}:bench/app:1`)
  await skopeoCopy(`oci:${layout}:big`, `docker-archive:${out(FILES.big)}:bench/big:1`)
  for (const file of Object.values(FILES)) await rename(out(file), join(cacheDir, file))
  await rm(build, { recursive: true, force: true })
}

const APP_CONFIG = { service: 'bench-app', port: 8080, workers: 4, features: ['a', 'b', 'c'] }

/** Copies the selected /usr files to `dir` (keeping their paths below /usr and their modes). */
async function stageBase(dir: string, files: BaseFile[]): Promise<void> {
  for (const file of files) {
    const target = join(dir, relative('/usr', file.path))
    await mkdir(dirname(target), { recursive: true })
    await copyFile(file.path, target)
  }
}

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return [dir, ...entries.map((entry) => join(entry.parentPath, entry.name))]
}

function historyFlags(createdBy: string): string[] {
  return ['--history.created', CREATED, '--history.created_by', createdBy]
}

function insert(layout: string, from: string, to: string, source: string, target: string) {
  return umoci([
    'insert',
    '--rootless',
    '--image',
    `${layout}:${from}`,
    '--tag',
    to,
    ...historyFlags(`COPY ${target}`),
    source,
    target,
  ])
}

function addEmptyLayer(layout: string, from: string, to: string, emptyTar: string) {
  return umoci([
    'raw',
    'add-layer',
    '--image',
    `${layout}:${from}`,
    '--tag',
    to,
    ...historyFlags('RUN true # empty layer'),
    emptyTar,
  ])
}

function configure(layout: string, from: string, to: string) {
  return umoci([
    'config',
    '--image',
    `${layout}:${from}`,
    '--tag',
    to,
    '--created',
    CREATED,
    ...historyFlags('CONFIG'),
    '--config.entrypoint',
    '/usr/bin/true',
    '--config.env',
    'APP_ENV=bench',
    '--config.workingdir',
    '/app',
  ])
}

async function umoci(args: string[]): Promise<void> {
  await runChecked('umoci', args, { timeoutMs: BUILD_TIMEOUT_MS })
}

async function skopeoCopy(source: string, destination: string): Promise<void> {
  await runChecked('skopeo', ['copy', '--quiet', '--insecure-policy', source, destination], {
    timeoutMs: BUILD_TIMEOUT_MS,
  })
}

/** Guards the "one layer changed" case: same layer count, exactly one different diff_id. */
async function checkOneLayerChanged(main: Archive, changed: Archive): Promise<number> {
  const [mainIds, changedIds] = await Promise.all([diffIds(main), diffIds(changed)])
  const differing = mainIds.filter((id, index) => changedIds[index] !== id).length
  if (mainIds.length !== changedIds.length || differing !== 1) {
    throw new Error(
      `${changed.path} should differ from ${main.path} in exactly one layer, not ${differing} ` +
        `(layers: ${mainIds.length} vs ${changedIds.length}); remove the image cache and rerun`,
    )
  }
  return mainIds.length
}

async function diffIds(archive: Archive): Promise<string[]> {
  const { stdout } = await runChecked(
    'skopeo',
    ['inspect', '--config', '--raw', `${archive.transport}:${archive.path}`],
    { timeoutMs: 120_000 },
  )
  return (JSON.parse(stdout) as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids
}
