import * as core from '@actions/core'
import { formatBytes } from '../lib/format.ts'
import { metadataOf } from '../lib/metadata.ts'
import { push, type PushResult } from '../lib/push.ts'
import { tagTracker, tagsSetBefore } from '../lib/cancel.ts'
import { getInputs, Output } from './inputs.ts'
import { actionsLogger } from './log.ts'
import { runStep } from './step.ts'
import { actionsCacheStore } from './cache.ts'
import { keepYoungGenerationSmall } from '../lib/v8-flags.ts'

/**
 * The push action: inputs → library → outputs and job summary; failures fail the step, and a
 * cancelled job stops the push with nothing tagged that was not tagged before the cancel.
 */
export function run(): Promise<void> {
  keepYoungGenerationSmall()
  return runStep('push', async (step) => {
    const inputs = getInputs()
    step.attempted = `push of ${inputs.tarball.join(', ')}${inputs.image ? ` to ${inputs.image}` : ''}`
    const what = `${step.attempted} not finished`
    const { tagged, onTagged } = tagTracker()
    step.unfinished = () => `${what}; ${tagsSetBefore(tagged)}`
    const result = await push({
      ...inputs,
      digestMapStore: inputs.cache ? actionsCacheStore(actionsLogger) : undefined,
      logger: actionsLogger,
      onTagged,
      signal: step.signal,
    })
    const first = result.images[0]!
    core.setOutput(Output.digest, first.digest)
    core.setOutput(Output.imageRef, first.imageRef)
    core.setOutput(Output.tags, result.images.flatMap((image) => image.references).join(','))
    core.setOutput(Output.metadata, JSON.stringify(metadataOf(result)))
    await writeSummary(result)
  })
}

async function writeSummary(result: PushResult): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const rows = result.images.map((image) => {
    const layers = image.images.flatMap((member) => member.layers)
    const uploaded = layers.filter((layer) => layer.status === 'uploaded').length
    return [
      { data: image.repository },
      {
        data: image.references
          .map((reference) => reference.slice(image.repository.length + 1))
          .join(', '),
      },
      { data: `<code>${image.digest}</code>` },
      { data: `${uploaded} / ${layers.length - uploaded}` },
      { data: formatBytes(image.bytesUploaded) },
      { data: result.seconds.toFixed(1) },
    ]
  })
  await core.summary
    .addHeading('tar-push', 3)
    .addTable([
      [
        { data: 'Image', header: true },
        { data: 'Tags', header: true },
        { data: 'Digest', header: true },
        { data: 'Layers uploaded / skipped', header: true },
        { data: 'Uploaded', header: true },
        { data: 'Seconds', header: true },
      ],
      ...rows,
    ])
    .write()
}
