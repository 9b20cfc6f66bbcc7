import { TarPushError } from '../errors.ts'
import type { Platform } from './model.ts'

/** Node's names for CPU architectures, in the OCI image-spec's (GOARCH) words. */
const ARCHITECTURES: Record<string, string> = {
  x64: 'amd64',
  ia32: '386',
  arm64: 'arm64',
  arm: 'arm',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
}

/** The platform this process runs on, as `docker pull` picks it by default. */
export function runnerPlatform(): Platform {
  const architecture = ARCHITECTURES[process.arch] ?? process.arch
  const platform: Platform = { os: 'linux', architecture }
  if (architecture === 'arm64') platform.variant = 'v8'
  if (architecture === 'arm') {
    const armVersion = (process.config.variables as { arm_version?: string }).arm_version
    platform.variant = `v${armVersion ?? '7'}`
  }
  return platform
}

/** Parses `os/arch[/variant]` (linux/amd64, linux/arm64/v8, linux/arm/v7). */
export function parsePlatform(value: string): Platform {
  const parts = value.trim().split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^[a-z0-9._-]+$/i.test(part))) {
    throw new TarPushError('USAGE', `invalid platform "${value}"`, {
      subject: value,
      hint: 'write a platform as os/architecture[/variant], e.g. linux/amd64 or linux/arm64/v8',
    })
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined]
  return { os, architecture, ...(variant ? { variant } : {}) }
}

export const formatPlatform = (platform: Platform): string =>
  [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')

/** Default variants, as containerd normalises them: arm64 means arm64/v8, arm means arm/v7. */
const normalVariant = (platform: Platform): string | undefined =>
  platform.variant ||
  (platform.architecture === 'arm64' ? 'v8' : platform.architecture === 'arm' ? 'v7' : undefined)

/** Whether an index entry's platform serves the wanted one (a variant, when wanted, must match). */
export function platformMatches(wanted: Platform, offered: Platform): boolean {
  if (wanted.os !== offered.os || wanted.architecture !== offered.architecture) return false
  const variant = normalVariant(wanted)
  return variant === undefined || variant === normalVariant(offered)
}

/** Attestation and other non-runnable entries of an index (buildx writes unknown/unknown). */
export const isRunnablePlatform = (platform: Platform | undefined): platform is Platform =>
  platform !== undefined && platform.os !== 'unknown' && platform.architecture !== 'unknown'
