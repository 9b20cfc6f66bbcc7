import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { TarPushError } from '../errors.ts'
import type { BenchResult } from './result.ts'

/**
 * Writes (or appends) one of a run's files; its directory is made when missing. A failure names
 * the file and what asked for it (`--out`, `input result`).
 */
export async function writeBenchFile(
  label: string,
  path: string,
  text: string,
  append = false,
): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true })
    await (append ? appendFile(path, text) : writeFile(path, text))
  } catch (error) {
    throw new TarPushError(
      'OUTPUT_ERROR',
      `cannot write ${label} "${path}": ${(error as NodeJS.ErrnoException).code ?? error}`,
      { subject: path, hint: 'choose a path in a directory that exists and is writable' },
    )
  }
}

/** The JSON result file (`--out`): the format `bench merge` reads. */
export const resultJson = (result: BenchResult): string => `${JSON.stringify(result, null, 2)}\n`
