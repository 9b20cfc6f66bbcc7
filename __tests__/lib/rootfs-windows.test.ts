import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { constants } from 'node:fs'
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { TarPushError } from '../../src/lib/errors.ts'
import type { Logger } from '../../src/lib/log.ts'
import { RootfsWriter, type RootfsOptions } from '../../src/lib/write/rootfs.ts'
import { tarBytes, type TarEntry } from '../support/tar-builder.ts'

/**
 * What a rootfs pull does on Windows and macOS, run on Linux: the platform's name rules
 * (path.win32, case folding), its open flags (no O_NOFOLLOW) and its symlink() (EPERM without
 * Developer Mode) are injected into the writer.
 */

const bases: string[] = []
after(async () => {
  for (const base of bases) await rm(base, { recursive: true, force: true })
})

async function fixture(): Promise<{ base: string; root: string; outside: string }> {
  const base = await mkdtemp(join(tmpdir(), 'rootfs-windows-'))
  bases.push(base)
  const root = join(base, 'root')
  const outside = join(base, 'outside')
  await mkdir(root)
  await mkdir(outside)
  return { base, root, outside }
}

/** Windows' fs.constants, in this Linux's numbers: no O_NOFOLLOW, no O_DIRECTORY. */
const WINDOWS_OPEN_FLAGS = {
  O_RDONLY: constants.O_RDONLY,
  O_WRONLY: constants.O_WRONLY,
  O_CREAT: constants.O_CREAT,
  O_EXCL: constants.O_EXCL,
}

/** symlink() as Windows answers it without Developer Mode or SeCreateSymbolicLinkPrivilege. */
async function symlinkRefused(_target: string, path: string): Promise<void> {
  throw Object.assign(new Error(`EPERM: operation not permitted, symlink -> '${path}'`), {
    code: 'EPERM',
    syscall: 'symlink',
    path,
  })
}

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

const WINDOWS: RootfsOptions = { platform: 'win32', fileSystem: { constants: WINDOWS_OPEN_FLAGS } }

async function unpack(
  root: string,
  layers: readonly TarEntry[][],
  options: RootfsOptions = {},
): Promise<void> {
  const writer = new RootfsWriter(root, options)
  for (const [index, layer] of layers.entries()) {
    await writer.applyLayer(Readable.from([await tarBytes(layer)]), `sha256:layer${index}`)
  }
  await writer.finish()
}

const read = (path: string) => readFile(path, 'utf8')

/** Every path under `dir`, relative, sorted ("a", "a/b"). */
async function tree(dir: string, prefix = ''): Promise<string[]> {
  const paths: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`
    paths.push(rel)
    if (entry.isDirectory()) paths.push(...(await tree(join(dir, entry.name), `${rel}/`)))
  }
  return paths.sort()
}

const LINKED_IMAGE: TarEntry[][] = [
  [
    { kind: 'file', name: 'usr/lib/libc.so', data: 'libc' },
    { kind: 'symlink', name: 'lib', target: 'usr/lib' },
    { kind: 'file', name: 'bin/busybox', data: 'busybox' },
    { kind: 'symlink', name: 'bin/sh', target: 'busybox' },
  ],
  [{ kind: 'file', name: 'lib/libm.so', data: 'libm' }],
]

describe('symbolic links the OS does not let us make (Windows without Developer Mode)', () => {
  it('fail the pull by default, with every link of the layer and what to do', async () => {
    const { root, outside } = await fixture()
    await assert.rejects(
      unpack(root, LINKED_IMAGE, { ...WINDOWS, fileSystem: { symlink: symlinkRefused } }),
      (error: unknown) => {
        assert.ok(error instanceof TarPushError, String(error))
        assert.equal(error.code, 'OUTPUT_ERROR')
        assert.match(
          error.message,
          /layer sha256:layer0: Windows does not let this process make symbolic links \(symlink: EPERM\); the layer has 2: "lib" → "usr\/lib", "bin\/sh" → "busybox"/,
        )
        assert.match(error.hint ?? '', /Developer Mode/)
        assert.match(error.hint ?? '', /--symlinks skip/)
        assert.match(error.hint ?? '', /format oci or docker/)
        return true
      },
    )
    assert.deepEqual(await readdir(outside), [])
  })

  it('with symlinks: skip, are left out and listed, never copied; later entries still go through them', async () => {
    const { root, outside } = await fixture()
    const logger = recordingLogger()
    await unpack(root, LINKED_IMAGE, {
      ...WINDOWS,
      fileSystem: { constants: WINDOWS_OPEN_FLAGS, symlink: symlinkRefused },
      symlinks: 'skip',
      logger,
    })
    // lib/libm.so lands where the image puts it: in usr/lib, through the link not made.
    assert.deepEqual(await tree(root), [
      'bin',
      'bin/busybox',
      'usr',
      'usr/lib',
      'usr/lib/libc.so',
      'usr/lib/libm.so',
    ])
    assert.equal(await read(join(root, 'usr/lib/libm.so')), 'libm')
    assert.equal(logger.warnings.length, 1)
    assert.match(
      logger.warnings[0]!,
      /layer sha256:layer0: left out 2 symbolic link\(s\) Windows does not let this process make \(symlinks: skip\): "lib" → "usr\/lib", "bin\/sh" → "busybox"/,
    )
    assert.deepEqual(await readdir(outside), [])
  })

  it('with symlinks: skip, a link not made is whited out or replaced like a real one', async () => {
    const { root } = await fixture()
    await unpack(
      root,
      [
        [
          { kind: 'dir', name: 'usr/lib/' },
          { kind: 'symlink', name: 'lib', target: 'usr/lib' },
          { kind: 'symlink', name: 'opt/app', target: '/usr/lib' },
          { kind: 'symlink', name: 'opt/tool', target: '/usr/lib' },
        ],
        [
          { kind: 'file', name: '.wh.lib', data: '' },
          { kind: 'file', name: 'opt/.wh..wh..opq', data: '' },
          { kind: 'file', name: 'opt/tool/x', data: 'tool' },
        ],
        // No link at lib any more: this is a directory of its own.
        [{ kind: 'file', name: 'lib/own', data: 'own' }],
      ],
      { ...WINDOWS, fileSystem: { symlink: symlinkRefused }, symlinks: 'skip' },
    )
    assert.deepEqual(await tree(root), [
      'lib',
      'lib/own',
      'opt',
      'opt/tool',
      'opt/tool/x',
      'usr',
      'usr/lib',
    ])
  })

  it('are made as they are where the OS allows them, also with symlinks: skip', async () => {
    const { root } = await fixture()
    await unpack(root, LINKED_IMAGE, { ...WINDOWS, symlinks: 'skip' })
    assert.equal(await readlink(join(root, 'lib')), 'usr/lib')
    assert.equal(await readlink(join(root, 'bin/sh')), 'busybox')
    assert.equal(await read(join(root, 'usr/lib/libm.so')), 'libm')
  })

  it('fail on any other error of symlink() as it is', async () => {
    const { root } = await fixture()
    const full = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), {
        code: 'ENOSPC',
        syscall: 'symlink',
      })
    }
    await assert.rejects(
      unpack(root, LINKED_IMAGE, { ...WINDOWS, fileSystem: { symlink: full } }),
      /ENOSPC/,
    )
  })
})

// Made on Linux: names Windows cannot hold, and names that differ only by case.
const FOREIGN_NAMES: TarEntry[] = [
  { kind: 'file', name: 'a\\b', data: 'backslash' },
  { kind: 'file', name: 'c:d', data: 'colon' },
  { kind: 'file', name: 'CON', data: 'device name' },
  { kind: 'file', name: 'nul.txt', data: 'device name with extension' },
  { kind: 'file', name: 'dots..', data: 'trailing dots' },
  { kind: 'file', name: '50%:off', data: 'percent' },
  { kind: 'file', name: 'Foo', data: 'upper' },
  { kind: 'file', name: 'foo', data: 'lower' },
  { kind: 'file', name: '..\\..\\escape', data: 'one name on Linux' },
  { kind: 'dir', name: 'Etc/' },
  { kind: 'file', name: 'etc/passwd', data: 'root' },
  { kind: 'file', name: 'ok/plain', data: 'plain' },
]

describe('rename-illegal: names the platform cannot hold, renamed and listed', () => {
  it('with Windows rules, percent-encodes what is illegal and suffixes case twins with ~N', async () => {
    const { base, root, outside } = await fixture()
    const logger = recordingLogger()
    await unpack(root, [FOREIGN_NAMES], { ...WINDOWS, illegalNames: 'rename', logger })
    assert.deepEqual(await tree(root), [
      '..%5C..%5Cescape',
      '50%25%3Aoff',
      'CO%4E',
      'Etc',
      'Foo',
      'a%5Cb',
      'c%3Ad',
      'dots.%2E',
      'etc~1',
      'etc~1/passwd',
      'foo~1',
      'nu%6C.txt',
      'ok',
      'ok/plain',
    ])
    assert.equal(await read(join(root, 'a%5Cb')), 'backslash')
    assert.equal(await read(join(root, '..%5C..%5Cescape')), 'one name on Linux')
    assert.equal(await read(join(root, 'foo~1')), 'lower')
    assert.equal(await read(join(root, 'etc~1/passwd')), 'root')
    // Percent-decoding a renamed name gives the layer's name back.
    for (const name of ['a\\b', 'c:d', 'CON', 'nul.txt', 'dots..', '50%:off', '..\\..\\escape']) {
      assert.ok(
        (await tree(root)).some((written) => decodeURIComponent(written) === name),
        name,
      )
    }
    assert.equal(logger.warnings.length, 1)
    const [warning] = logger.warnings
    assert.match(warning!, /layer sha256:layer0: renamed 9 name\(s\) Windows cannot hold/)
    for (const rename of [
      '"a\\b" → "a%5Cb"',
      '"CON" → "CO%4E"',
      '"foo" → "foo~1"',
      '"etc" → "etc~1"',
      '"50%:off" → "50%25%3Aoff"',
    ]) {
      assert.ok(warning!.includes(rename), rename)
    }
    assert.equal(logger.debugs.filter((line) => line.includes('renamed "')).length, 9)
    assert.deepEqual((await readdir(base)).sort(), ['outside', 'root'])
    assert.deepEqual(await readdir(outside), [])
  })

  it('keeps a renamed name for the whole image: upper layers, whiteouts and hard links find it', async () => {
    const { root } = await fixture()
    await unpack(
      root,
      [
        [
          { kind: 'file', name: 'Foo', data: 'upper' },
          { kind: 'file', name: 'foo', data: 'lower' },
          { kind: 'file', name: 'c:d', data: 'one' },
          { kind: 'file', name: 'x?', data: 'gone soon' },
        ],
        [
          { kind: 'file', name: 'foo', data: 'lower, again' },
          { kind: 'file', name: 'c:d', data: 'two' },
          { kind: 'hardlink', name: 'e:f', target: 'c:d' },
          { kind: 'file', name: '.wh.x?', data: '' },
          { kind: 'file', name: 'dir:1/inner', data: 'inner' },
        ],
        [{ kind: 'file', name: 'dir:1/.wh.inner', data: '' }],
      ],
      { ...WINDOWS, illegalNames: 'rename' },
    )
    assert.deepEqual(await tree(root), ['Foo', 'c%3Ad', 'dir%3A1', 'e%3Af', 'foo~1'])
    assert.equal(await read(join(root, 'foo~1')), 'lower, again')
    assert.equal(await read(join(root, 'e%3Af')), 'two')
    assert.equal((await lstat(join(root, 'c%3Ad'))).nlink, 2)
  })

  it('a legal name already taken by a renamed one gets a suffix too', async () => {
    const { root } = await fixture()
    await unpack(
      root,
      [
        [
          { kind: 'file', name: 'a%3Ab', data: 'legal as it is' },
          { kind: 'file', name: 'a:b', data: 'renamed' },
        ],
      ],
      { ...WINDOWS, illegalNames: 'rename' },
    )
    assert.equal(await read(join(root, 'a%3Ab')), 'legal as it is')
    assert.equal(await read(join(root, 'a%3Ab~1')), 'renamed')
  })

  it('with macOS rules, one name in NFC and NFD, and case twins, get ~N', async () => {
    const { root } = await fixture()
    const logger = recordingLogger()
    await unpack(
      root,
      [
        [
          { kind: 'file', name: 'caf\u00e9', data: 'nfc' },
          { kind: 'file', name: 'cafe\u0301', data: 'nfd' },
          { kind: 'file', name: 'README.md', data: 'upper' },
          { kind: 'file', name: 'readme.md', data: 'lower' },
          // Legal on macOS: kept as it is.
          { kind: 'file', name: 'c:d', data: 'colon' },
        ],
      ],
      { platform: 'darwin', illegalNames: 'rename', logger },
    )
    assert.deepEqual(
      await tree(root),
      ['README.md', 'c:d', 'caf\u00e9', 'cafe\u0301~1', 'readme~1.md'].sort(),
    )
    assert.match(logger.warnings[0] ?? '', /renamed 2 name\(s\) macOS cannot hold/)
  })

  it('with Linux rules changes nothing', async () => {
    const { root } = await fixture()
    const logger = recordingLogger()
    await unpack(root, [FOREIGN_NAMES], { platform: 'linux', illegalNames: 'rename', logger })
    assert.ok((await tree(root)).includes('a\\b'))
    assert.ok((await tree(root)).includes('foo'))
    assert.deepEqual(logger.warnings, [])
  })

  it('still refuses what no renaming makes safe', async () => {
    const { root, outside } = await fixture()
    await assert.rejects(
      unpack(root, [[{ kind: 'file', name: '../outside/x', data: 'x' }]], {
        ...WINDOWS,
        illegalNames: 'rename',
      }),
      /climbs out/,
    )
    assert.deepEqual(await readdir(outside), [])
  })
})

describe('no link is followed while writing, also when the output changes under the writer', () => {
  /** A layer of `count` files in `dir/`, big enough to be mid-write when the swap comes. */
  const manyFiles = (dir: string, count: number): TarEntry[] => [
    { kind: 'dir', name: `${dir}/` },
    ...Array.from({ length: count }, (_, index) => ({
      kind: 'file' as const,
      name: `${dir}/file-${index}`,
      data: `content ${index}\n`.repeat(64),
    })),
  ]

  /**
   * Waits until the writer has put `after` files in `root/dir`, then puts a symlink to
   * `outside` in the directory's place (the directory moved aside, still inside the root).
   */
  async function swapWhileWriting(root: string, dir: string, outside: string, after: number) {
    const path = join(root, dir)
    for (;;) {
      const written = await readdir(path).catch(() => [])
      if (written.length >= after) break
      await new Promise((resolve) => setImmediate(resolve))
    }
    await rename(path, join(root, `${dir}.moved`))
    await symlink(outside, path)
  }

  for (const [flags, options] of [
    ['with O_NOFOLLOW (Linux)', {}],
    ['without O_NOFOLLOW (Windows)', WINDOWS],
  ] as const) {
    it(`a directory swapped for a link to outside mid-layer: the writer stops, outside stays empty (${flags})`, async () => {
      const { root, outside } = await fixture()
      const layer = await tarBytes(manyFiles('data', 3000))
      const writer = new RootfsWriter(root, options)
      const writing = writer.applyLayer(Readable.from([layer]), 'sha256:layer0')
      const swapping = swapWhileWriting(root, 'data', outside, 20)
      await assert.rejects(writing, (error: unknown) => {
        assert.ok(error instanceof TarPushError, String(error))
        assert.equal(error.code, 'OUTPUT_ERROR')
        assert.match(
          error.message,
          /the output directory changed while it was written: the way to "data\/file-\d+"/,
        )
        assert.match(error.message, /nothing was written through it/)
        return true
      })
      await swapping
      assert.deepEqual(await readdir(outside), [])
      // What was written before the swap is in the directory moved aside, inside the root.
      assert.ok((await readdir(join(root, 'data.moved'))).length >= 20)
    })
  }

  it('a directory swapped for a link before the modes are applied: finish stops, changes nothing outside', async () => {
    const { root, outside } = await fixture()
    await chmod(outside, 0o700)
    const writer = new RootfsWriter(root, WINDOWS)
    const layer = await tarBytes([
      { kind: 'dir', name: 'etc/' },
      { kind: 'file', name: 'etc/hosts', data: 'hosts' },
    ])
    await writer.applyLayer(Readable.from([layer]), 'sha256:layer0')
    await rename(join(root, 'etc'), join(root, 'etc.moved'))
    await symlink(outside, join(root, 'etc'))
    await assert.rejects(writer.finish(), /the way to "etc" is no longer the directory/)
    assert.equal((await lstat(outside)).mode & 0o7777, 0o700)
    assert.notEqual((await lstat(outside)).mtime.getTime(), 0)
  })

  it('a hard link whose target directory was swapped for a link takes nothing from outside', async () => {
    const { root, outside } = await fixture()
    await writeFile(join(outside, 'secret'), 'outside')
    const writer = new RootfsWriter(root, WINDOWS)
    await writer.applyLayer(
      Readable.from([await tarBytes([{ kind: 'file', name: 'd/secret', data: 'inside' }])]),
      'sha256:layer0',
    )
    await rename(join(root, 'd'), join(root, 'd.moved'))
    await symlink(outside, join(root, 'd'))
    await assert.rejects(
      writer.applyLayer(
        Readable.from([await tarBytes([{ kind: 'hardlink', name: 'stolen', target: 'd/secret' }])]),
        'sha256:layer1',
      ),
      /changed while it was written/,
    )
    assert.deepEqual((await readdir(root)).sort(), ['d', 'd.moved'])
    assert.equal((await lstat(join(outside, 'secret'))).nlink, 1)
  })

  it('an entry that replaces a directory swapped for a link removes nothing outside', async () => {
    const { root, outside } = await fixture()
    await writeFile(join(outside, 'sentinel'), 'keep')
    const writer = new RootfsWriter(root, WINDOWS)
    await writer.applyLayer(
      Readable.from([await tarBytes([{ kind: 'file', name: 'd/sentinel', data: 'inside' }])]),
      'sha256:layer0',
    )
    await rename(join(root, 'd'), join(root, 'd.moved'))
    await symlink(outside, join(root, 'd'))
    await assert.rejects(
      writer.applyLayer(
        Readable.from([await tarBytes([{ kind: 'file', name: 'd/.wh.sentinel', data: '' }])]),
        'sha256:layer1',
      ),
      /changed while it was written/,
    )
    assert.equal(await read(join(outside, 'sentinel')), 'keep')
  })
})
