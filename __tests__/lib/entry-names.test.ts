import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { constants } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import {
  FoldedNames,
  foldName,
  illegalEntryReason,
  illegalNameReason,
  isRootedTarget,
  nameRulesFor,
  splitEntryName,
  writerFlags,
} from '../../src/lib/write/entry-names.ts'
import { legalName, withCollisionSuffix } from '../../src/lib/write/legal-names.ts'
import { fileIdOf, openChecked } from '../../src/lib/write/no-follow.ts'

const LINUX = nameRulesFor('linux')
const WINDOWS = nameRulesFor('win32')
const MACOS = nameRulesFor('darwin')

describe('nameRulesFor', () => {
  it('takes the path module and folding of each platform', () => {
    assert.equal(LINUX.path, posix)
    assert.equal(LINUX.folding, 'none')
    assert.equal(WINDOWS.path, win32)
    assert.equal(WINDOWS.folding, 'case')
    assert.equal(MACOS.path, posix)
    assert.equal(MACOS.folding, 'nfd-case')
    assert.equal(nameRulesFor('freebsd').folding, 'none')
    assert.equal(nameRulesFor().label, nameRulesFor(process.platform).label)
  })
})

describe('splitEntryName', () => {
  it('splits on "/" only with path.posix: a backslash is part of a name', () => {
    assert.deepEqual(splitEntryName('./etc//a\\b/./c', LINUX), ['etc', 'a\\b', 'c'])
    assert.deepEqual(splitEntryName('..\\..\\x', LINUX), ['..\\..\\x'])
  })

  it('splits on "\\" too with path.win32: "..\\..\\x" climbs', () => {
    assert.deepEqual(splitEntryName('..\\..\\x', WINDOWS), ['..', '..', 'x'])
    assert.deepEqual(splitEntryName('etc\\sub/.\\f', WINDOWS), ['etc', 'sub', 'f'])
  })
})

describe('isRootedTarget', () => {
  it('knows the roots of each platform', () => {
    assert.equal(isRootedTarget('/etc', LINUX), true)
    assert.equal(isRootedTarget('\\etc', LINUX), false)
    assert.equal(isRootedTarget('C:\\etc', LINUX), false)
    assert.equal(isRootedTarget('\\etc', WINDOWS), true)
    assert.equal(isRootedTarget('C:\\etc', WINDOWS), true)
    assert.equal(isRootedTarget('c:etc', WINDOWS), true)
    assert.equal(isRootedTarget('etc', WINDOWS), false)
  })
})

describe('illegalNameReason', () => {
  it('keeps every name but NUL on Linux and macOS', () => {
    for (const rules of [LINUX, MACOS]) {
      for (const name of ['a\\b', 'c:d', 'CON', 'nul.txt', 'x.', 'y ', 'q?', '\u0001', 'Foo']) {
        assert.equal(illegalNameReason(name, rules), undefined, `${rules.label} ${name}`)
      }
      assert.match(illegalNameReason('a\0b', rules) ?? '', /NUL/)
    }
  })

  it('refuses on Windows what Windows cannot hold, saying why', () => {
    const cases: [string, RegExp][] = [
      ['c:d', /":"/],
      ['a*b', /"\*"/],
      ['a?b', /"\?"/],
      ['a"b', /"""/],
      ['a<b', /"<"/],
      ['a>b', /">"/],
      ['a|b', /"\|"/],
      ['a\\b', /"\\"/],
      ['tab\there', /control character 0x09/],
      ['\u001f', /control character 0x1f/],
      ['CON', /reserved device name CON/],
      ['con', /reserved device name CON/],
      ['nul.txt', /reserved device name NUL/],
      ['Aux.tar.gz', /reserved device name AUX/],
      ['COM1', /reserved device name COM1/],
      ['lpt9.log', /reserved device name LPT9/],
      ['PRN .txt', /reserved device name PRN/],
      ['file.', /trailing dot or space/],
      ['file ', /trailing dot or space/],
    ]
    for (const [name, why] of cases) {
      assert.match(illegalNameReason(name, WINDOWS) ?? 'kept', why, name)
    }
  })

  it('keeps ordinary Windows names, and names that only start like a reserved one', () => {
    for (const name of [
      'Foo',
      'CONFIG',
      'console.log',
      'COM10',
      'LPT0',
      'nullable',
      '.bashrc',
      'a b',
    ]) {
      assert.equal(illegalNameReason(name, WINDOWS), undefined, name)
    }
  })
})

describe('illegalEntryReason', () => {
  it('checks every component, and a backslash before splitting on Windows', () => {
    assert.equal(illegalEntryReason('etc/a\\b/c:d', LINUX), undefined)
    assert.match(illegalEntryReason('etc/a\\b', WINDOWS) ?? '', /"\\"/)
    assert.match(illegalEntryReason('dev/CON/x', WINDOWS) ?? '', /CON/)
    assert.match(illegalEntryReason('usr/share/x./y', WINDOWS) ?? '', /trailing dot/)
    assert.equal(illegalEntryReason('usr/share/doc/', WINDOWS), undefined)
  })
})

describe('foldName and FoldedNames', () => {
  it('folds as Windows (case) and macOS (NFD and case) compare names', () => {
    assert.equal(foldName('Foo', 'none'), 'Foo')
    assert.equal(foldName('Foo', 'case'), 'foo')
    // é precomposed (NFC) and decomposed (NFD) are one name on macOS, two on Windows and Linux.
    assert.equal(foldName('caf\u00e9', 'nfd-case'), foldName('CAFE\u0301', 'nfd-case'))
    assert.notEqual(foldName('caf\u00e9', 'case'), foldName('cafe\u0301', 'case'))
  })

  it('finds the earlier name a new one would overwrite, for each folding', () => {
    for (const folding of ['case', 'nfd-case'] as const) {
      const names = new FoldedNames(folding)
      assert.equal(names.claim('etc/Foo'), undefined)
      assert.equal(names.claim('etc/Foo'), undefined, 'the same name again is no collision')
      assert.equal(names.claim('etc/foo'), 'etc/Foo')
      assert.equal(names.claim('ETC'), undefined)
      assert.equal(names.claim('etc'), 'ETC')
      names.forget('ETC')
      assert.equal(names.claim('etc'), undefined, 'a removed name is free again')
    }
    const linux = new FoldedNames('none')
    assert.equal(linux.claim('Foo'), undefined)
    assert.equal(linux.claim('foo'), undefined)
  })

  it('forgets what was under a removed directory', () => {
    const names = new FoldedNames('case')
    names.claim('dir')
    names.claim('dir/File')
    names.claim('dirt')
    names.forget('DIR')
    assert.equal(names.claim('dir/file'), undefined)
    assert.equal(names.claim('DIRT'), 'dirt')
  })
})

describe('writerFlags', () => {
  it('keeps O_NOFOLLOW where the platform has it, and works without it (Windows)', () => {
    const posixLike = {
      O_RDONLY: 0,
      O_WRONLY: 1,
      O_CREAT: 0o100,
      O_EXCL: 0o200,
      O_NOFOLLOW: 0o400000,
      O_DIRECTORY: 0o200000,
    }
    const flags = writerFlags(posixLike)
    assert.equal(flags.newFile, 1 | 0o100 | 0o200 | 0o400000)
    assert.equal(flags.directory, 0o200000 | 0o400000)
    assert.equal(flags.noFollow, true)
    // Windows' fs.constants: no O_NOFOLLOW, no O_DIRECTORY.
    const windows = writerFlags({ O_RDONLY: 0, O_WRONLY: 1, O_CREAT: 0x100, O_EXCL: 0x400 })
    assert.equal(windows.newFile, 1 | 0x100 | 0x400)
    assert.equal(windows.directory, 0)
    assert.equal(windows.noFollow, false)
  })

  it(
    'has O_NOFOLLOW in both flag sets on this Linux',
    { skip: process.platform !== 'linux' },
    async () => {
      const { constants } = await import('node:fs')
      const flags = writerFlags()
      assert.equal(flags.noFollow, true)
      assert.ok(flags.newFile & constants.O_NOFOLLOW)
      assert.ok(flags.newFile & constants.O_EXCL)
      assert.ok(flags.directory & constants.O_NOFOLLOW)
      assert.ok(flags.directory & constants.O_DIRECTORY)
    },
  )
})

describe('legalName (--rename-illegal)', () => {
  it('percent-encodes only what makes a name illegal on Windows, and % in a renamed name', () => {
    const cases: [string, string][] = [
      ['a\\b', 'a%5Cb'],
      ['c:d', 'c%3Ad'],
      ['what?*', 'what%3F%2A'],
      ['"<x>|"', '%22%3Cx%3E%7C%22'],
      ['tab\there', 'tab%09here'],
      ['CON', 'CO%4E'],
      ['con.tar.gz', 'co%6E.tar.gz'],
      ['PRN .txt', 'PR%4E .txt'],
      ['COM\u00b9', 'COM%C2%B9'],
      ['file.', 'file%2E'],
      ['file..', 'file.%2E'],
      ['trailing ', 'trailing%20'],
      ['50%:off', '50%25%3Aoff'],
    ]
    for (const [name, legal] of cases) {
      assert.equal(legalName(name, WINDOWS), legal, name)
      assert.equal(illegalNameReason(legal, WINDOWS), undefined, legal)
      assert.equal(decodeURIComponent(legal), name, legal)
    }
  })

  it('leaves legal names alone, also ones with %', () => {
    for (const name of ['Foo', '100%', 'a%3Ab', 'CONFIG', '.bashrc']) {
      assert.equal(legalName(name, WINDOWS), undefined, name)
    }
    for (const rules of [LINUX, MACOS]) assert.equal(legalName('c:d', rules), undefined)
  })

  it('puts the ~N of a case twin before the extension', () => {
    assert.equal(withCollisionSuffix('foo', 1), 'foo~1')
    assert.equal(withCollisionSuffix('README.md', 2), 'README~2.md')
    assert.equal(withCollisionSuffix('.bashrc', 1), '.bashrc~1')
    assert.equal(withCollisionSuffix('a.tar.gz', 1), 'a.tar~1.gz')
  })
})

describe('openChecked', () => {
  // Windows' flags: without O_NOFOLLOW, open() follows a link at the last component too.
  const NO_NOFOLLOW = writerFlags({
    O_RDONLY: constants.O_RDONLY,
    O_WRONLY: constants.O_WRONLY,
    O_CREAT: constants.O_CREAT,
    O_EXCL: constants.O_EXCL,
  })

  it('refuses a directory that is a link, opened without O_NOFOLLOW, before any change', async () => {
    const base = await mkdtemp(join(tmpdir(), 'open-checked-'))
    try {
      await mkdir(join(base, 'outside'))
      await symlink(join(base, 'outside'), join(base, 'dir'))
      const parent = { path: base, id: fileIdOf(await lstat(base, { bigint: true })) }
      await assert.rejects(
        openChecked({
          path: join(base, 'dir'),
          name: 'dir',
          flags: NO_NOFOLLOW.directory,
          parent,
          creates: false,
        }),
        /the way to "dir" is no longer the directory tar-push made/,
      )
      // A new file in a parent that is now a link: opened outside, found, removed again.
      const made = await lstat(join(base, 'outside'), { bigint: true })
      await assert.rejects(
        openChecked({
          path: join(base, 'dir', 'file'),
          name: 'dir/file',
          flags: NO_NOFOLLOW.newFile,
          mode: 0o600,
          parent: { path: join(base, 'dir'), id: { dev: made.dev, ino: made.ino + 1n } },
          creates: true,
        }),
        /the way to "dir\/file"/,
      )
      assert.deepEqual(await readdir(join(base, 'outside')), [])
      const handle = await openChecked({
        path: join(base, 'file'),
        name: 'file',
        flags: NO_NOFOLLOW.newFile,
        mode: 0o600,
        parent,
        creates: true,
      })
      await handle.close()
    } finally {
      await rm(base, { recursive: true, force: true })
    }
  })
})
