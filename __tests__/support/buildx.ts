/**
 * What `docker buildx build --output type=oci` writes for one platform with its default
 * provenance: index.json → an image index holding the image manifest and an attestation
 * manifest (platform unknown/unknown, in-toto layer). Built from a real OCI archive's blobs.
 */
import { createHash } from 'node:crypto'
import { readTarFile, writeTar, type TarEntry } from './tar-builder.ts'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const blobName = (digest: string): string => `blobs/sha256/${digest.slice('sha256:'.length)}`
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value))

export interface BuildxArchive {
  path: string
  /** Digest of the image index (what a push that keeps the bytes reports). */
  indexDigest: string
  imageManifestDigest: string
  attestationManifestDigest: string
}

export async function writeBuildxStyleArchive(
  source: string,
  path: string,
  name: string,
): Promise<BuildxArchive> {
  const entries = await readTarFile(source)
  const files: TarEntry[] = entries
    .filter((entry) => entry.type === 'file' && entry.name.startsWith('blobs/'))
    .map((entry) => ({ kind: 'file', name: entry.name, data: entry.data }))
  const index = JSON.parse(
    entries.find((entry) => entry.name === 'index.json')!.data.toString(),
  ) as {
    manifests: { mediaType: string; digest: string; size: number }[]
  }
  const image = index.manifests[0]!

  const statement = json({
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://slsa.dev/provenance/v0.2',
    subject: [{ digest: { sha256: image.digest.slice(7) } }],
    predicate: {},
  })
  const config = json({
    architecture: 'unknown',
    os: 'unknown',
    config: {},
    rootfs: { type: 'layers', diff_ids: [sha256(statement)] },
  })
  const attestation = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha256(config),
      size: config.length,
    },
    layers: [
      {
        mediaType: 'application/vnd.in-toto+json',
        digest: sha256(statement),
        size: statement.length,
        annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
      },
    ],
  })
  const imageIndex = json({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      {
        mediaType: OCI_MANIFEST,
        digest: image.digest,
        size: image.size,
        platform: { architecture: 'amd64', os: 'linux' },
      },
      {
        mediaType: OCI_MANIFEST,
        digest: sha256(attestation),
        size: attestation.length,
        annotations: {
          'vnd.docker.reference.digest': image.digest,
          'vnd.docker.reference.type': 'attestation-manifest',
        },
        platform: { architecture: 'unknown', os: 'unknown' },
      },
    ],
  })
  for (const blob of [statement, config, attestation, imageIndex])
    files.push({ kind: 'file', name: blobName(sha256(blob)), data: blob })
  const top = json({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      {
        mediaType: OCI_INDEX,
        digest: sha256(imageIndex),
        size: imageIndex.length,
        annotations: {
          'io.containerd.image.name': name,
          'org.opencontainers.image.ref.name': name.split(':').pop()!,
        },
      },
    ],
  })
  await writeTar(path, [
    { kind: 'file', name: 'oci-layout', data: json({ imageLayoutVersion: '1.0.0' }) },
    { kind: 'file', name: 'index.json', data: top },
    ...files,
  ])
  return {
    path,
    indexDigest: sha256(imageIndex),
    imageManifestDigest: image.digest,
    attestationManifestDigest: sha256(attestation),
  }
}
