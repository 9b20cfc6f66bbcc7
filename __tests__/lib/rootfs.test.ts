import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rm,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { pack } from 'tar-stream'
import type { Header } from 'tar-stream'
import { RootfsWriter, type RootfsOptions } from '../../src/lib/write/rootfs.ts'
import { TarPushError } from '../../src/lib/errors.ts'
import type { Logger } from '../../src/lib/log.ts'
import { tarBytes, type TarEntry } from '../support/tar-builder.ts'

const MODULE_URL = pathToFileURL(join(import.meta.dirname, '../../src/lib/write/rootfs.ts')).href
const asRoot = process.getuid?.() === 0
const NOBODY = 65534
const MTIME = new Date('2021-02-03T04:05:06Z')

const bases: string[] = []
after(async () => {
  for (const base of bases) {
    await makeWritable(base)
    await rm(base, { recursive: true, force: true })
  }
})

/** A temp dir holding an empty `root` and, beside it, `outside/sentinel` that no layer may touch. */
async function fixture(): Promise<{ base: string; root: string; outside: string }> {
  const base = await mkdtemp(join(tmpdir(), 'rootfs-test-'))
  bases.push(base)
  // Readable by the unprivileged user of the non-root test.
  await chmod(base, 0o755)
  const root = join(base, 'root')
  const outside = join(base, 'outside')
  await mkdir(root)
  await mkdir(outside)
  await writeFile(join(outside, 'sentinel'), 'keep')
  return { base, root, outside }
}

async function assertOutsideUntouched(outside: string): Promise<void> {
  assert.deepEqual(await readdir(outside), ['sentinel'])
  assert.equal(await readFile(join(outside, 'sentinel'), 'utf8'), 'keep')
  assert.equal((await lstat(join(outside, 'sentinel'))).nlink, 1)
}

async function makeWritable(path: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined)
  if (!stats?.isDirectory()) return
  await chmod(path, 0o755)
  for (const child of await readdir(path)) await makeWritable(join(path, child))
}

interface RawEntry {
  header: Partial<Header> & Pick<Header, 'name'>
  data?: Buffer | string
}

/** A tar with full control of each header (modes, mtimes, owners), for what tarBytes cannot say. */
async function rawTar(entries: readonly RawEntry[]): Promise<Buffer> {
  const packer = pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of packer) chunks.push(chunk as Buffer)
  })()
  for (const { header, data } of entries) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolve())
      const full = { mtime: MTIME, uid: 0, gid: 0, ...header }
      if (data === undefined) packer.entry(full, done)
      else packer.entry(full, Buffer.from(data), done)
    })
  }
  packer.finalize()
  await collected
  return Buffer.concat(chunks)
}

async function unpackWith(
  root: string,
  layers: readonly (Buffer | TarEntry[])[],
  options: RootfsOptions = {},
): Promise<void> {
  const writer = new RootfsWriter(root, options)
  for (const [index, layer] of layers.entries()) {
    const bytes = Buffer.isBuffer(layer) ? layer : await tarBytes(layer)
    await writer.applyLayer(Readable.from([bytes]), `sha256:layer${index}`)
  }
  await writer.finish()
}

const isUnsafe =
  (pattern: RegExp, layer = /sha256:layer\d/) =>
  (error: unknown): boolean => {
    assert.ok(error instanceof TarPushError, `not a TarPushError: ${String(error)}`)
    assert.equal(error.code, 'LAYER_UNSAFE')
    assert.match(error.message, pattern)
    assert.match(error.message, layer)
    assert.match(error.subject ?? '', layer)
    assert.ok(error.hint)
    return true
  }

const read = (path: string) => readFile(path, 'utf8')
const modeOf = async (path: string) => (await lstat(path)).mode & 0o7777
const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  )

function recordingLogger(): Logger & { warnings: string[]; debugs: string[] } {
  const warnings: string[] = []
  const debugs: string[] = []
  return {
    warnings,
    debugs,
    info: () => {},
    warn: (message) => warnings.push(message),
    debug: (message) => debugs.push(message),
    group: (_title, run) => run(),
    secret: () => {},
  }
}

/** This Linux's open flags without the two Windows lacks. */
const WINDOWS_OPEN_FLAGS = {
  O_RDONLY: constants.O_RDONLY,
  O_WRONLY: constants.O_WRONLY,
  O_CREAT: constants.O_CREAT,
  O_EXCL: constants.O_EXCL,
}

// The writer's safety rules run with the Linux rules and, where the OS's own rules make no
// difference to an entry, with the Windows rules too (path.win32 separators and roots, the
// Windows open flags): the rootfs tests cannot run on a Windows runner, which lacks POSIX modes.
for (const platform of ['linux', 'win32'] as const)
  describe(`RootfsWriter (${platform} rules)`, () => {
    // Windows has neither O_NOFOLLOW nor O_DIRECTORY: the writer's checked opens must do without.
    const fileSystem = platform === 'win32' ? { constants: WINDOWS_OPEN_FLAGS } : {}
    const unpack = (
      root: string,
      layers: readonly (Buffer | TarEntry[])[],
      options: RootfsOptions = {},
    ) => unpackWith(root, layers, { platform, fileSystem, ...options })
    const writerFor = (root: string, options: RootfsOptions = {}) =>
      new RootfsWriter(root, { platform, fileSystem, ...options })

    it('applies files, directories, symlinks and hard links over two layers', async () => {
      const { root } = await fixture()
      await unpack(root, [
        [
          { kind: 'dir', name: 'etc/' },
          { kind: 'file', name: 'etc/hosts', data: 'old hosts' },
          { kind: 'symlink', name: 'etc/alias', target: 'hosts' },
          { kind: 'file', name: 'bin/tool', data: 'v1', mode: 0o755 },
          { kind: 'hardlink', name: 'bin/tool-link', target: 'bin/tool' },
          { kind: 'file', name: './usr/share/doc/readme', data: 'doc' },
        ],
        [
          { kind: 'file', name: 'etc/hosts', data: 'new hosts' },
          { kind: 'symlink', name: 'etc/alias', target: '/etc/other' },
          // Replacing one name of a hard-linked pair leaves the other alone.
          { kind: 'file', name: 'bin/tool', data: 'v2', mode: 0o700 },
          { kind: 'hardlink', name: 'etc/hosts.bak', target: '/etc/hosts' },
        ],
      ])
      assert.deepEqual((await readdir(root)).sort(), ['bin', 'etc', 'usr'])
      assert.ok((await lstat(join(root, 'etc'))).isDirectory())
      assert.equal(await read(join(root, 'etc/hosts')), 'new hosts')
      assert.equal(await readlink(join(root, 'etc/alias')), '/etc/other')
      assert.ok((await lstat(join(root, 'etc/alias'))).isSymbolicLink())
      assert.equal(await read(join(root, 'bin/tool')), 'v2')
      assert.equal(await modeOf(join(root, 'bin/tool')), 0o700)
      assert.equal(await read(join(root, 'bin/tool-link')), 'v1')
      assert.equal(await modeOf(join(root, 'bin/tool-link')), 0o755)
      const hosts = await lstat(join(root, 'etc/hosts'))
      const backup = await lstat(join(root, 'etc/hosts.bak'))
      assert.equal(hosts.ino, backup.ino)
      assert.equal(hosts.nlink, 2)
      assert.equal((await lstat(join(root, 'bin/tool-link'))).nlink, 1)
      assert.equal(await read(join(root, 'usr/share/doc/readme')), 'doc')
      assert.equal(await modeOf(join(root, 'usr/share')), 0o755)
    })

    it('sets modes, mtimes and (as root) owners from the headers', async () => {
      const { root } = await fixture()
      const fileTime = new Date('2020-01-01T00:00:00Z')
      const linkTime = new Date('2019-06-01T00:00:00Z')
      await unpack(root, [
        await rawTar([
          { header: { name: 'd/', type: 'directory', mode: 0o750, uid: 1234, gid: 5678 } },
          {
            header: {
              name: 'd/f',
              type: 'file',
              mode: 0o640,
              mtime: fileTime,
              uid: 1234,
              gid: 5678,
            },
            data: 'x',
          },
          {
            header: { name: 'd/l', type: 'symlink', linkname: 'f', mtime: linkTime, uid: 1234 },
          },
          { header: { name: 'c', type: 'contiguous-file', mode: 0o600 }, data: 'contiguous' },
        ]),
      ])
      const dir = await lstat(join(root, 'd'))
      const file = await lstat(join(root, 'd/f'))
      const link = await lstat(join(root, 'd/l'))
      assert.equal(dir.mode & 0o7777, 0o750)
      assert.equal(dir.mtime.getTime(), MTIME.getTime())
      assert.equal(file.mode & 0o7777, 0o640)
      assert.equal(file.mtime.getTime(), fileTime.getTime())
      assert.equal(link.mtime.getTime(), linkTime.getTime())
      assert.equal(await read(join(root, 'c')), 'contiguous')
      const owner = asRoot ? [1234, 5678] : [process.getuid?.(), process.getgid?.()]
      assert.deepEqual([dir.uid, dir.gid], owner)
      assert.deepEqual([file.uid, file.gid], owner)
      assert.equal(link.uid, owner[0])
    })

    it('removes a whited-out file and directory and writes no whiteout entries', async () => {
      const { root } = await fixture()
      await unpack(root, [
        [
          { kind: 'file', name: 'a/gone', data: '1' },
          { kind: 'file', name: 'a/stays', data: '2' },
          { kind: 'file', name: 'd/sub/deep', data: '3' },
          { kind: 'symlink', name: 'link', target: 'a' },
        ],
        [
          { kind: 'file', name: 'a/.wh.gone', data: '' },
          { kind: 'file', name: '.wh.d', data: '' },
          // A whiteout removes the link itself, not what it points to.
          { kind: 'file', name: '.wh.link', data: '' },
          { kind: 'file', name: 'a/.wh.never-existed', data: '' },
          { kind: 'file', name: 'missing/.wh.x', data: '' },
        ],
      ])
      assert.deepEqual((await readdir(root)).sort(), ['a'])
      assert.deepEqual(await readdir(join(root, 'a')), ['stays'])
    })

    for (const order of ['before', 'after'] as const) {
      it(`opaque marker ${order} the layer's own entries hides only lower content`, async () => {
        const { root } = await fixture()
        const marker: TarEntry = { kind: 'file', name: 'o/.wh..wh..opq', data: '' }
        const own: TarEntry[] = [
          { kind: 'dir', name: 'o/' },
          { kind: 'file', name: 'o/new', data: 'new' },
          { kind: 'file', name: 'o/sub/fresh', data: 'fresh' },
          { kind: 'dir', name: 'o/kept-dir/' },
        ]
        await unpack(root, [
          [
            { kind: 'file', name: 'o/old', data: 'old' },
            { kind: 'file', name: 'o/sub/stale', data: 'stale' },
            { kind: 'file', name: 'o/kept-dir/lower', data: 'lower' },
            { kind: 'file', name: 'o/new', data: 'lower new' },
            { kind: 'file', name: 'other/untouched', data: 'u' },
          ],
          order === 'before' ? [marker, ...own] : [...own, marker],
        ])
        assert.deepEqual((await readdir(join(root, 'o'))).sort(), ['kept-dir', 'new', 'sub'])
        assert.equal(await read(join(root, 'o/new')), 'new')
        assert.deepEqual(await readdir(join(root, 'o/sub')), ['fresh'])
        assert.deepEqual(await readdir(join(root, 'o/kept-dir')), [])
        assert.equal(await read(join(root, 'other/untouched')), 'u')
      })
    }

    it('refuses entries that climb out with ".." or carry a NUL', async () => {
      const { root, outside } = await fixture()
      for (const name of ['../outside/escape', 'a/../../outside/escape', 'a/b/../../../x']) {
        await assert.rejects(
          unpack(root, [[{ kind: 'file', name, data: 'x' }]]),
          isUnsafe(/climbs out/),
        )
      }
      await assert.rejects(
        unpack(root, [[{ kind: 'symlink', name: '../outside/link', target: '/' }]]),
        isUnsafe(/outside\/link/),
      )
      // A PAX path can hold a NUL that no filesystem name can.
      const nul = `${'a'.repeat(120)}\0b`
      await assert.rejects(
        unpack(root, [[{ kind: 'file', name: nul, data: 'x' }]]),
        isUnsafe(/NUL/),
      )
      await assertOutsideUntouched(outside)
      assert.deepEqual(await readdir(root), [])
    })

    it('keeps absolute names inside the root', async () => {
      const { root, outside } = await fixture()
      await unpack(root, [
        [
          { kind: 'file', name: '/etc/x', data: 'in root' },
          { kind: 'file', name: `${outside}/sentinel`, data: 'overwritten?' },
          { kind: 'file', name: '//./etc//./y', data: 'y' },
        ],
      ])
      assert.equal(await read(join(root, 'etc/x')), 'in root')
      assert.equal(await read(join(root, 'etc/y')), 'y')
      assert.equal(await read(join(root, outside, 'sentinel')), 'overwritten?')
      await assertOutsideUntouched(outside)
    })

    it('re-roots a symlinked parent written earlier in the same layer', async () => {
      const { root, outside } = await fixture()
      await unpack(root, [
        [
          { kind: 'symlink', name: 'evil', target: outside },
          { kind: 'file', name: 'evil/pwned', data: 'abs' },
          { kind: 'symlink', name: 'up', target: '../../../../../../..' },
          { kind: 'file', name: 'up/outside/pwned', data: 'rel' },
          { kind: 'symlink', name: 'd/up2', target: '../..' },
          { kind: 'hardlink', name: 'd/up2/outside/linked', target: 'up/outside/pwned' },
        ],
      ])
      assert.equal(await readlink(join(root, 'evil')), outside)
      assert.equal(await read(join(root, outside, 'pwned')), 'abs')
      assert.equal(await read(join(root, 'outside/pwned')), 'rel')
      assert.equal((await lstat(join(root, 'outside/linked'))).nlink, 2)
      await assertOutsideUntouched(outside)
    })

    for (const kind of ['absolute', 'relative'] as const) {
      it(`re-roots a lower layer's symlink with a ${kind} target`, async () => {
        const { base, root, outside } = await fixture()
        const target = kind === 'absolute' ? outside : '../../..'
        await unpack(root, [
          [
            { kind: 'symlink', name: 'evil', target },
            { kind: 'symlink', name: 'sub/evil', target },
          ],
          [
            { kind: 'file', name: 'evil/pwned', data: 'one' },
            { kind: 'file', name: 'sub/evil/outside/sentinel', data: 'two' },
            { kind: 'dir', name: 'evil/newdir/' },
          ],
        ])
        if (kind === 'absolute') {
          assert.equal(await read(join(root, outside, 'pwned')), 'one')
          assert.ok((await lstat(join(root, outside, 'newdir'))).isDirectory())
          assert.equal(await read(join(root, outside, 'outside/sentinel')), 'two')
        } else {
          assert.equal(await read(join(root, 'pwned')), 'one')
          assert.ok((await lstat(join(root, 'newdir'))).isDirectory())
          assert.equal(await read(join(root, 'outside/sentinel')), 'two')
        }
        assert.ok((await lstat(join(root, 'evil'))).isSymbolicLink())
        assert.deepEqual((await readdir(base)).sort(), ['outside', 'root'])
        await assertOutsideUntouched(outside)
      })
    }

    it('refuses a symlink loop on the way to an entry', async () => {
      const { root } = await fixture()
      await assert.rejects(
        unpack(root, [
          [
            { kind: 'symlink', name: 'a', target: 'b' },
            { kind: 'symlink', name: 'b', target: 'a/x' },
            { kind: 'file', name: 'a/file', data: 'x' },
          ],
        ]),
        isUnsafe(/too many symlinks.*a\/file/),
      )
    })

    it('lets no whiteout remove anything outside the root', async () => {
      const { root, outside } = await fixture()
      await assert.rejects(
        unpack(root, [[{ kind: 'file', name: '../outside/.wh.sentinel', data: '' }]]),
        isUnsafe(/climbs out/),
      )
      const dots = unpack(root, [[{ kind: 'file', name: 'a/.wh...', data: '' }]])
      // On Windows "..." is a name with trailing dots, never written: its whiteout removes nothing.
      if (platform === 'win32') await dots
      else await assert.rejects(dots, isUnsafe(/names no file/))
      await unpack(root, [
        [
          { kind: 'symlink', name: 'abs', target: outside },
          { kind: 'symlink', name: 'rel', target: '../../../..' },
          { kind: 'symlink', name: 'dir/rel', target: '../../outside' },
        ],
        [
          { kind: 'file', name: 'abs/.wh.sentinel', data: '' },
          { kind: 'file', name: 'rel/outside/.wh.sentinel', data: '' },
          { kind: 'file', name: 'dir/rel/.wh.sentinel', data: '' },
          { kind: 'file', name: 'dir/rel/.wh..wh..opq', data: '' },
          { kind: 'file', name: 'abs/.wh..wh..opq', data: '' },
        ],
      ])
      await assertOutsideUntouched(outside)
      assert.ok((await lstat(join(root, 'abs'))).isSymbolicLink())
      assert.ok((await lstat(join(root, 'dir/rel'))).isSymbolicLink())
    })

    it('refuses hard links to targets outside the root or missing from it', async () => {
      const { root, outside } = await fixture()
      const cases: [string, RegExp][] = [
        ['../outside/sentinel', /climbs out/],
        [`${outside}/sentinel`, /not in the image/],
        ['out/sentinel', /not in the image/],
        ['missing', /not in the image/],
        ['dir', /a directory/],
      ]
      for (const [target, pattern] of cases) {
        await assert.rejects(
          unpack(root, [
            [
              { kind: 'symlink', name: 'out', target: outside },
              { kind: 'dir', name: 'dir/' },
              { kind: 'hardlink', name: 'stolen', target },
            ],
          ]),
          isUnsafe(pattern),
        )
        assert.equal(await exists(join(root, 'stolen')), false)
      }
      await assertOutsideUntouched(outside)
    })

    it('replaces a file, or a symlink to one, with a directory when entries go under it', async () => {
      const { root } = await fixture()
      await unpack(root, [
        [
          { kind: 'file', name: 'x', data: 'file' },
          { kind: 'file', name: 'f', data: 'file' },
          { kind: 'symlink', name: 'l', target: 'f' },
          { kind: 'symlink', name: 'dangling', target: '/does/not/exist' },
        ],
        [
          { kind: 'file', name: 'x/y', data: 'under x' },
          { kind: 'file', name: 'l/z', data: 'under l' },
          { kind: 'file', name: 'dangling/w', data: 'under dangling' },
        ],
      ])
      assert.ok((await lstat(join(root, 'x'))).isDirectory())
      assert.equal(await read(join(root, 'x/y')), 'under x')
      // The link is resolved like any parent; what it points to gives way.
      assert.ok((await lstat(join(root, 'l'))).isSymbolicLink())
      assert.ok((await lstat(join(root, 'f'))).isDirectory())
      assert.equal(await read(join(root, 'f/z')), 'under l')
      assert.equal(await read(join(root, 'does/not/exist/w')), 'under dangling')
    })

    it('replaces entries of another type, a directory with all its content', async () => {
      const { root } = await fixture()
      await unpack(root, [
        [
          { kind: 'file', name: 'd/inner', data: 'x' },
          { kind: 'dir', name: 'became-dir/' },
          { kind: 'file', name: 'file', data: 'x' },
        ],
        [
          { kind: 'symlink', name: 'd', target: 'file' },
          { kind: 'file', name: 'became-dir', data: 'now a file' },
          { kind: 'dir', name: 'file/' },
        ],
      ])
      assert.equal(await readlink(join(root, 'd')), 'file')
      assert.equal(await read(join(root, 'became-dir')), 'now a file')
      assert.ok((await lstat(join(root, 'file'))).isDirectory())
    })

    it('writes into a read-only directory of a lower layer and restores its mode at the end', async () => {
      const { root } = await fixture()
      const writer = writerFor(root)
      await writer.applyLayer(
        Readable.from([
          await rawTar([
            { header: { name: 'ro/', type: 'directory', mode: 0o555 } },
            { header: { name: 'ro/old', type: 'file', mode: 0o444 }, data: 'old' },
          ]),
        ]),
        'sha256:layer0',
      )
      // Until finish() the directory stays writable by its owner.
      assert.equal(await modeOf(join(root, 'ro')), 0o755)
      await writer.applyLayer(
        Readable.from([
          await tarBytes([
            { kind: 'file', name: 'ro/new', data: 'new' },
            { kind: 'file', name: 'ro/.wh.old', data: '' },
          ]),
        ]),
        'sha256:layer1',
      )
      await writer.finish()
      assert.deepEqual(await readdir(join(root, 'ro')), ['new'])
      assert.equal(await modeOf(join(root, 'ro')), 0o555)
      assert.equal((await lstat(join(root, 'ro'))).mtime.getTime(), MTIME.getTime())
    })

    it('forgets the mode of a directory that was removed', async () => {
      const { root } = await fixture()
      await unpack(root, [
        await rawTar([{ header: { name: 'p/', type: 'directory', mode: 0o711 } }]),
        [
          { kind: 'file', name: '.wh.p', data: '' },
          { kind: 'file', name: 'p/file', data: 'x' },
        ],
      ])
      assert.equal(await modeOf(join(root, 'p')), 0o755)
      assert.notEqual((await lstat(join(root, 'p'))).mtime.getTime(), MTIME.getTime())
    })

    it('keeps the contents of a directory written over a directory', async () => {
      const { root } = await fixture()
      await unpack(root, [
        [{ kind: 'file', name: 'd/a', data: 'a' }],
        await rawTar([
          { header: { name: 'd', type: 'directory', mode: 0o700 } },
          { header: { name: 'd/b', type: 'file', mode: 0o644 }, data: 'b' },
          { header: { name: './', type: 'directory', mode: 0o751 } },
        ]),
      ])
      assert.deepEqual((await readdir(join(root, 'd'))).sort(), ['a', 'b'])
      assert.equal(await modeOf(join(root, 'd')), 0o700)
      assert.equal(await modeOf(root), 0o751)
      assert.equal((await lstat(root)).mtime.getTime(), MTIME.getTime())
    })

    it('drops setuid and setgid bits unless preserveSpecial', async () => {
      const layer = await rawTar([
        { header: { name: 'su', type: 'file', mode: 0o4755 }, data: 'x' },
        { header: { name: 'sg', type: 'file', mode: 0o2711 }, data: 'x' },
        { header: { name: 'tmp', type: 'directory', mode: 0o1777 } },
        { header: { name: 'mail', type: 'directory', mode: 0o2775 } },
      ])
      const plain = await fixture()
      await unpack(plain.root, [layer])
      assert.equal(await modeOf(join(plain.root, 'su')), 0o755)
      assert.equal(await modeOf(join(plain.root, 'sg')), 0o711)
      assert.equal(await modeOf(join(plain.root, 'tmp')), 0o1777)
      assert.equal(await modeOf(join(plain.root, 'mail')), 0o775)
      const special = await fixture()
      await unpack(special.root, [layer], { preserveSpecial: true })
      assert.equal(await modeOf(join(special.root, 'su')), 0o4755)
      assert.equal(await modeOf(join(special.root, 'sg')), 0o2711)
      assert.equal(await modeOf(join(special.root, 'mail')), 0o2775)
    })

    it('skips devices and FIFOs with one warning unless preserveSpecial', async () => {
      const layer: TarEntry[] = [
        { kind: 'char-device', name: 'dev/null', major: 1, minor: 3 },
        { kind: 'block-device', name: 'dev/sda', major: 8, minor: 0 },
        { kind: 'fifo', name: 'run/fifo' },
        { kind: 'file', name: 'dev/ok', data: 'ok' },
      ]
      const { root } = await fixture()
      const logger = recordingLogger()
      await unpack(root, [layer], { logger })
      assert.deepEqual(await readdir(join(root, 'dev')), ['ok'])
      assert.equal(await exists(join(root, 'run/fifo')), false)
      assert.equal(logger.warnings.length, 1)
      assert.match(logger.warnings[0], /sha256:layer0.*3 device/)

      // FIFOs need no privilege, so this part runs for everyone.
      const special = await fixture()
      const fifos: TarEntry[] = [
        { kind: 'fifo', name: 'run/fifo' },
        { kind: 'fifo', name: 'run/shared', mode: 0o666 }, // wider than the umask lets mkfifo make
      ]
      await unpack(special.root, [fifos], { preserveSpecial: true })
      const fifo = await lstat(join(special.root, 'run/fifo'))
      assert.ok(fifo.isFIFO())
      assert.equal(fifo.mode & 0o7777, 0o600)
      assert.equal((await lstat(join(special.root, 'run/shared'))).mode & 0o7777, 0o666)
    })

    it('skips entry types it does not know', async () => {
      const { root } = await fixture()
      const bytes = await tarBytes([
        { kind: 'file', name: 'sparse', data: 'sparse data' },
        { kind: 'file', name: 'after', data: 'after' },
      ])
      // Turn the first entry into a GNU sparse file ('S'), which tar-stream reports as type null.
      bytes[156] = 'S'.charCodeAt(0)
      bytes.fill(0x20, 148, 156)
      let sum = 0
      for (let i = 0; i < 512; i++) sum += bytes[i]
      bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
      const logger = recordingLogger()
      await unpack(root, [bytes], { logger })
      assert.deepEqual(await readdir(root), ['after'])
      assert.equal(await read(join(root, 'after')), 'after')
      assert.ok(logger.debugs.some((line) => /sparse.*unsupported type/.test(line)))
    })

    it('aborts past maxBytes counted over all layers', async () => {
      const { root } = await fixture()
      const writer = writerFor(root, { maxBytes: 10_000 })
      const layer = await tarBytes([{ kind: 'file', name: 'big', data: Buffer.alloc(6000) }])
      await writer.applyLayer(Readable.from([layer]), 'sha256:first')
      const second = Readable.from([layer])
      await assert.rejects(
        writer.applyLayer(second, 'sha256:second'),
        isUnsafe(/10000 bytes.*--max-size/, /sha256:second/),
      )
      assert.ok(second.destroyed)
      const bomb = await fixture()
      await assert.rejects(
        unpack(bomb.root, [[{ kind: 'file', name: 'bomb', data: Buffer.alloc(1024 * 1024) }]], {
          maxBytes: 64 * 1024,
        }),
        isUnsafe(/64 KiB.*--max-size/),
      )
    })

    it('aborts past maxEntries', async () => {
      const { root } = await fixture()
      const entries: TarEntry[] = Array.from({ length: 5 }, (_, i) => ({
        kind: 'file',
        name: `f${i}`,
        data: '',
      }))
      await assert.rejects(unpack(root, [entries], { maxEntries: 4 }), isUnsafe(/more than 4/))
    })

    it('fails and destroys the input when an entry fails', async () => {
      const { root } = await fixture()
      const layer = await tarBytes([{ kind: 'hardlink', name: 'link', target: 'missing' }])
      // An input that never ends: only destroying it lets applyLayer settle.
      const input = new Readable({ read() {} })
      input.push(layer.subarray(0, 1024))
      await assert.rejects(
        writerFor(root).applyLayer(input, 'sha256:layer0'),
        isUnsafe(/not in the image/),
      )
      assert.ok(input.destroyed)

      const truncated = await tarBytes([{ kind: 'file', name: 'f', data: Buffer.alloc(4096) }])
      await assert.rejects(
        writerFor(root).applyLayer(Readable.from([truncated.subarray(0, 2048)]), 'l'),
      )
    })

    it('resolves only once every entry is complete on disk', async () => {
      const { root } = await fixture()
      const size = 8 * 1024 * 1024
      const whole = await tarBytes([
        { kind: 'file', name: 'big', data: Buffer.alloc(size, 7) },
        { kind: 'symlink', name: 'a/b/c/d/e/last', target: '../../big' },
      ])
      // Without the end-of-archive blocks the parser finishes while the last entry is applied.
      const bytes = whole.subarray(0, whole.length - 1024)
      const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) =>
        bytes.subarray(i * 65536, (i + 1) * 65536),
      )
      await writerFor(root).applyLayer(Readable.from(chunks), 'sha256:layer0')
      assert.equal(await readlink(join(root, 'a/b/c/d/e/last')), '../../big')
      const content = await readFile(join(root, 'big'))
      assert.equal(content.length, size)
      assert.ok(content.every((byte) => byte === 7))
    })

    it('accepts a tar that stops after the last byte of its last file (as umoci 0.4 writes them)', async () => {
      const { root } = await fixture()
      const whole = await tarBytes([
        { kind: 'file', name: 'first', data: 'one' },
        { kind: 'file', name: 'last', data: 'x'.repeat(100) },
      ])
      // header, 3 bytes + padding, header, then only the 100 data bytes: no padding, no end blocks
      const cut = whole.subarray(0, 3 * 512 + 100)
      await writerFor(root).applyLayer(Readable.from([cut]), 'sha256:layer0')
      assert.equal(await read(join(root, 'last')), 'x'.repeat(100))
      await assert.rejects(
        writerFor(root).applyLayer(Readable.from([cut.subarray(0, 2 * 512 + 100)]), 'l'),
        isUnsafe(/not a readable tar/, /l/),
      )
    })
  })

describe('RootfsWriter, by the rules of each platform', () => {
  const unpack = unpackWith

  // Layers are made on Linux: names Windows cannot hold, and names that differ only by case.
  const FOREIGN_NAMES: TarEntry[] = [
    { kind: 'file', name: 'a\\b', data: 'backslash' },
    { kind: 'file', name: 'c:d', data: 'colon' },
    { kind: 'file', name: 'CON', data: 'device name' },
    { kind: 'file', name: 'Foo', data: 'upper' },
    { kind: 'file', name: 'foo', data: 'lower' },
    { kind: 'file', name: '..\\..\\escape', data: 'one name on Linux' },
    { kind: 'dir', name: 'Etc/' },
    { kind: 'file', name: 'etc/passwd', data: 'root' },
    { kind: 'file', name: 'ok/plain', data: 'plain' },
  ]

  it(
    'keeps on Linux every name Linux allows, as it is, and writes nothing outside',
    { skip: process.platform !== 'linux' && 'names that differ by case need a Linux filesystem' },
    async () => {
      const { base, root, outside } = await fixture()
      await unpack(root, [FOREIGN_NAMES])
      assert.deepEqual((await readdir(root)).sort(), [
        '..\\..\\escape',
        'CON',
        'Etc',
        'Foo',
        'a\\b',
        'c:d',
        'etc',
        'foo',
        'ok',
      ])
      assert.equal(await read(join(root, 'a\\b')), 'backslash')
      assert.equal(await read(join(root, 'c:d')), 'colon')
      assert.equal(await read(join(root, 'CON')), 'device name')
      assert.equal(await read(join(root, 'Foo')), 'upper')
      assert.equal(await read(join(root, 'foo')), 'lower')
      assert.equal(await read(join(root, '..\\..\\escape')), 'one name on Linux')
      assert.equal(await read(join(root, 'etc/passwd')), 'root')
      assert.deepEqual(await readdir(join(root, 'Etc')), [])
      assert.deepEqual((await readdir(base)).sort(), ['outside', 'root'])
      await assertOutsideUntouched(outside)
    },
  )

  it('refuses with Windows rules the names Windows cannot hold, listing them all', async () => {
    const { base, root, outside } = await fixture()
    await assert.rejects(
      unpack(root, [FOREIGN_NAMES.filter(({ name }) => !name.startsWith('..'))], {
        platform: 'win32',
      }),
      (error: unknown) => {
        assert.ok(error instanceof TarPushError)
        assert.equal(error.code, 'LAYER_UNSAFE')
        assert.match(
          error.message,
          /layer sha256:layer0: 5 name\(s\) cannot be written on Windows: /,
        )
        assert.match(error.message, /"a\\b" \("\\"\)/)
        assert.match(error.message, /"c:d" \(":"\)/)
        assert.match(error.message, /"CON" \(reserved device name CON\)/)
        assert.match(error.message, /"foo" \(differs only by case from "Foo"\)/)
        assert.match(error.hint ?? '', /Linux|format oci/)
        return true
      },
    )
    // "..\\..\\escape" climbs out on Windows: refused as unsafe on its own.
    const { root: other } = await fixture()
    await assert.rejects(
      unpack(other, [[{ kind: 'file', name: '..\\..\\escape', data: 'x' }]], {
        platform: 'win32',
      }),
      isUnsafe(/climbs out with "\.\."/),
    )
    assert.deepEqual((await readdir(base)).sort(), ['outside', 'root'])
    await assertOutsideUntouched(outside)
  })

  for (const platform of ['win32', 'darwin'] as const) {
    it(`refuses with ${platform} rules names that differ only by case, also through a directory`, async () => {
      const { root, outside } = await fixture()
      await assert.rejects(
        unpack(
          root,
          [
            [
              { kind: 'file', name: 'Foo', data: 'upper' },
              { kind: 'dir', name: 'Etc/' },
            ],
            [
              { kind: 'file', name: 'foo', data: 'lower' },
              { kind: 'file', name: 'etc/passwd', data: 'root' },
            ],
          ],
          { platform },
        ),
        (error: unknown) => {
          assert.ok(error instanceof TarPushError)
          assert.match(error.message, /layer sha256:layer1: 2 name\(s\)/)
          assert.match(error.message, /"foo" \(differs only by case from "Foo"\)/)
          assert.match(error.message, /"etc\/passwd" \("etc" differs only by case from "Etc"\)/)
          return true
        },
      )
      await assertOutsideUntouched(outside)
    })

    it(`with ${platform} rules, a name whited out frees its case-folded twin`, async () => {
      const { root } = await fixture()
      await unpack(
        root,
        [
          [{ kind: 'file', name: 'Foo', data: 'upper' }],
          [{ kind: 'file', name: '.wh.Foo', data: '' }],
          [{ kind: 'file', name: 'foo', data: 'lower' }],
        ],
        { platform },
      )
      assert.deepEqual(await readdir(root), ['foo'])
    })
  }

  it('with macOS rules, refuses two spellings of one name in NFC and NFD', async () => {
    const { root } = await fixture()
    await assert.rejects(
      unpack(
        root,
        [
          [
            { kind: 'file', name: 'caf\u00e9', data: 'nfc' },
            { kind: 'file', name: 'cafe\u0301', data: 'nfd' },
          ],
        ],
        { platform: 'darwin' },
      ),
      /differs only by case from/,
    )
  })

  it('with Windows rules, keeps ordinary names and re-roots a backslash symlink target', async () => {
    const { root, outside } = await fixture()
    await unpack(
      root,
      [
        [
          { kind: 'dir', name: 'etc/' },
          { kind: 'symlink', name: 'up', target: '..\\..\\outside' },
          { kind: 'file', name: 'up/pwned', data: 'inside' },
        ],
      ],
      { platform: 'win32' },
    )
    assert.equal(await read(join(root, 'outside/pwned')), 'inside')
    await assertOutsideUntouched(outside)
  })

  it('works as an unprivileged user', async () => {
    const { base, root, outside } = await fixture()
    if (asRoot) await chown(root, NOBODY, NOBODY)
    const layers = [
      await rawTar([
        { header: { name: 'ro/', type: 'directory', mode: 0o555 } },
        { header: { name: 'ro/sub/', type: 'directory', mode: 0o500 } },
        { header: { name: 'ro/old', type: 'file', mode: 0o444 }, data: 'old' },
        { header: { name: 'ro/sub/file', type: 'file', mode: 0o4755 }, data: 'suid' },
        // Unsearchable once finished: its child's mode must be set first.
        // 0o40000 is S_IFDIR: tar-stream would replace a plain 0 with its default mode.
        { header: { name: 'sealed/', type: 'directory', mode: 0o40000 } },
        { header: { name: 'sealed/inner/', type: 'directory', mode: 0o750 } },
        { header: { name: 'evil', type: 'symlink', linkname: outside } },
        { header: { name: 'fifo', type: 'fifo', mode: 0o644 } },
      ]),
      await tarBytes([
        { kind: 'file', name: 'ro/new', data: 'new' },
        { kind: 'file', name: 'ro/sub/more', data: 'more' },
        { kind: 'file', name: 'ro/.wh.old', data: '' },
        { kind: 'file', name: 'evil/pwned', data: 'pwned' },
      ]),
    ]
    const paths: string[] = []
    for (const [index, layer] of layers.entries()) {
      const path = join(base, `layer${index}.tar`)
      await writeFile(path, layer, { mode: 0o644 })
      paths.push(path)
    }
    const script = `
      import { createReadStream } from 'node:fs'
      const { RootfsWriter } = await import(process.env.ROOTFS_MODULE)
      const writer = new RootfsWriter(process.env.ROOTFS_ROOT)
      for (const [index, path] of JSON.parse(process.env.ROOTFS_LAYERS).entries()) {
        await writer.applyLayer(createReadStream(path), 'sha256:layer' + index)
      }
      await writer.finish()
      console.log('uid', process.getuid())
    `
    const env = {
      ...process.env,
      ROOTFS_MODULE: MODULE_URL,
      ROOTFS_ROOT: root,
      ROOTFS_LAYERS: JSON.stringify(paths),
    }
    const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      })
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, output }))
    })
    assert.equal(result.code, 0, result.output)
    assert.match(result.output, new RegExp(`uid ${asRoot ? NOBODY : process.getuid?.()}`))
    assert.deepEqual((await readdir(join(root, 'ro'))).sort(), ['new', 'sub'])
    assert.deepEqual((await readdir(join(root, 'ro/sub'))).sort(), ['file', 'more'])
    assert.equal(await modeOf(join(root, 'ro')), 0o555)
    assert.equal(await modeOf(join(root, 'ro/sub')), 0o500)
    assert.equal(await modeOf(join(root, 'ro/sub/file')), 0o755)
    assert.equal(await exists(join(root, 'fifo')), false)
    assert.equal(await read(join(root, outside, 'pwned')), 'pwned')
    if (asRoot) assert.equal((await lstat(join(root, 'ro/new'))).uid, NOBODY)
    assert.equal(await modeOf(join(root, 'sealed')), 0o000)
    await chmod(join(root, 'sealed'), 0o700)
    assert.equal(await modeOf(join(root, 'sealed/inner')), 0o750)
    await assertOutsideUntouched(outside)
  })
})
