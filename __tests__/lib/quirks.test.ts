import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { quirksFor } from '../../src/lib/registry/quirks.ts'

describe('registry quirks', () => {
  it('ACR never gets a chunked transfer encoding', () => {
    assert.equal(quirksFor('myreg.azurecr.io').contentLengthRequired, true)
    assert.equal(quirksFor('ghcr.io').contentLengthRequired, false)
  })

  it('ECR chunks are at least 5 MiB', () => {
    assert.equal(
      quirksFor('123456789012.dkr.ecr.eu-west-1.amazonaws.com').minChunkSize,
      5 * 1024 * 1024,
    )
    assert.equal(quirksFor('127.0.0.1:5000').minChunkSize, 0)
  })
})
