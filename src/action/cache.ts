import * as cache from '@actions/cache'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { DigestMapStore } from '../lib/engine/digest-map.ts'
import type { Logger } from '../lib/log.ts'
import { temporaryDirectory } from '../lib/paths.ts'

const KEY_PREFIX = 'tar-push-digest-map-v1-'

/**
 * The digest map across workflow runs through the Actions cache. The key holds a hash of the
 * image's diff_ids, so an unchanged image restores its own entry and saves nothing; another
 * image restores the newest map (restore key prefix) and saves under its own key.
 */
export function actionsCacheStore(logger: Logger): DigestMapStore {
  const directory = join(temporaryDirectory(), 'tar-push-digest-map')
  let key: string | undefined
  let exactHit = false
  return {
    async restore(diffIds) {
      if (!cache.isFeatureAvailable()) {
        logger.debug('the Actions cache is not available: the digest map lives for this job only')
        return directory
      }
      key = `${KEY_PREFIX}${createHash('sha256').update(diffIds.join('\n')).digest('hex').slice(0, 24)}`
      try {
        const restored = await cache.restoreCache([directory], key, [KEY_PREFIX])
        exactHit = restored === key
        logger.info(
          restored
            ? `digest map restored from the Actions cache (${restored})`
            : 'no digest map in the Actions cache yet',
        )
      } catch (error) {
        logger.warn(`could not restore the digest map: ${(error as Error).message}`)
      }
      return directory
    },
    async persist(changed) {
      // A cache key is written once: an exact hit already holds what this image needs.
      if (!key || exactHit || !changed) return
      try {
        await cache.saveCache([directory], key)
      } catch (error) {
        logger.warn(`could not save the digest map: ${(error as Error).message}`)
      }
    },
  }
}
