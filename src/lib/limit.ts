/** Runs at most `concurrency` tasks at a time; the one limiter used for parallel work. */
export function createLimiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    running--
    waiting.shift()?.()
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await task()
    } finally {
      release()
    }
  }
}

/** Settles every task, then throws the first failure: no task is left running behind an error. */
export async function allOrFirstError<T>(tasks: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks)
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) throw (failure as PromiseRejectedResult).reason
  return results.map((result) => (result as PromiseFulfilledResult<T>).value)
}
