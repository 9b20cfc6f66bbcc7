/**
 * Throw-away key material for the test registries, made once per process with the `openssl` CLI:
 * a CA with a server certificate for 127.0.0.1/localhost (tls mode), and a self-signed RSA
 * certificate whose key signs the bearer tokens (the registry's `rootcertbundle`).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface CertAndKey {
  certPem: string
  keyPem: string
}

export interface TestCertificates {
  /** CA that signed `server`; what a client must trust to talk to a tls-mode registry. */
  caPem: string
  /** Server certificate with SAN IP:127.0.0.1 and DNS:localhost. */
  server: CertAndKey
  /** Self-signed RSA certificate + key that sign bearer tokens (RS256). */
  tokenSigner: CertAndKey
}

// EC keys for TLS keep generation fast; the token signer must be RSA for RS256. Certificates are
// valid from "now" for two days: a test process never lives that long.
const EC_KEY = '-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes'
const RSA_KEY = '-newkey rsa:2048 -nodes'

/** Runs openssl with `words` (split on spaces) followed by `more` (arguments that contain spaces). */
async function openssl(dir: string, words: string, ...more: string[]): Promise<void> {
  const args = [...words.split(' '), ...more]
  try {
    await run('openssl', args, { cwd: dir })
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? ''
    throw new Error(`openssl ${args.join(' ')} failed: ${stderr || String(err)}`, { cause: err })
  }
}

async function makeCa(dir: string): Promise<void> {
  await openssl(
    dir,
    `req -x509 ${EC_KEY} -days 2 -keyout ca.key -out ca.crt`,
    ...['-subj', '/CN=tar-push test CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  )
}

async function makeServerCert(dir: string): Promise<void> {
  await openssl(dir, `req -new ${EC_KEY} -keyout server.key -out server.csr -subj /CN=localhost`)
  const extensions = [
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature',
    'extendedKeyUsage=serverAuth',
  ]
  await writeFile(join(dir, 'server.ext'), extensions.join('\n'))
  await openssl(
    dir,
    'x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out server.crt',
  )
}

async function makeTokenSigner(dir: string): Promise<void> {
  await openssl(
    dir,
    `req -x509 ${RSA_KEY} -days 2 -keyout token.key -out token.crt`,
    ...['-subj', '/CN=tar-push test token signer'],
  )
}

async function generate(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'tar-push-certs-'))
  try {
    await Promise.all([makeCa(dir).then(() => makeServerCert(dir)), makeTokenSigner(dir)])
    const read = (name: string) => readFile(join(dir, name), 'utf8')
    return {
      caPem: await read('ca.crt'),
      server: { certPem: await read('server.crt'), keyPem: await read('server.key') },
      tokenSigner: { certPem: await read('token.crt'), keyPem: await read('token.key') },
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

let cached: Promise<TestCertificates> | undefined

/** The process-wide test certificates (generated on first use, ~0.5 s, then reused). */
export function testCertificates(): Promise<TestCertificates> {
  cached ??= generate()
  return cached
}
