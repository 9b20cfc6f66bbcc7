import { afterEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { getPullInputs } from '../src/action/inputs.ts'
import { TarPushError } from '../src/lib/errors.ts'

/** The pull action's rootfs inputs, read as the runner passes them (INPUT_<NAME> variables). */

const SET: string[] = []
function input(name: string, value: string): void {
  const key = `INPUT_${name.toUpperCase()}`
  process.env[key] = value
  SET.push(key)
}

afterEach(() => {
  for (const key of SET.splice(0)) delete process.env[key]
})

describe('pull action inputs rename-illegal and symlinks', () => {
  it('default to refusing illegal names and failing on links the OS refuses', () => {
    input('image', '127.0.0.1:5000/app:1')
    input('output', 'rootfs')
    input('format', 'rootfs')
    const inputs = getPullInputs()
    assert.equal(inputs.illegalNames, 'refuse')
    assert.equal(inputs.symlinks, 'error')
  })

  it('rename-illegal: true and symlinks: skip reach the pull', () => {
    input('image', '127.0.0.1:5000/app:1')
    input('output', 'rootfs')
    input('format', 'rootfs')
    input('rename-illegal', 'true')
    input('symlinks', 'skip')
    const inputs = getPullInputs()
    assert.equal(inputs.illegalNames, 'rename')
    assert.equal(inputs.symlinks, 'skip')
  })

  it('a symlinks mode it does not know is a usage error naming the input', () => {
    input('image', '127.0.0.1:5000/app:1')
    input('output', 'rootfs')
    input('symlinks', 'copy')
    assert.throws(getPullInputs, (error: unknown) => {
      assert.ok(error instanceof TarPushError)
      assert.equal(error.code, 'USAGE')
      assert.match(error.message, /input symlinks must be one of error, skip, not "copy"/)
      return true
    })
  })
})
