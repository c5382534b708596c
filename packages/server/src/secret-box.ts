import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Secrets Roster must be able to read back (a webhook signing secret is an HMAC key; a directory
// source's credentials are sent to its API) are kept sealed with AES-256-GCM under
// ROSTER_ENCRYPTION_KEY, so a copy of the database alone does not hold them.
//
// Sealed text: `rsb1.<key id>.<base64url of 12-byte IV | ciphertext | 16-byte tag>`.
// `rsb1` names the format (a later one gets another version); the key id is the first 8 hex
// digits of the key's SHA-256, so a value sealed under another key is told apart from a
// tampered one. A context (e.g. the row the secret belongs to) is bound in as associated data:
// a sealed value copied to another row does not open there.

const VERSION = 'rsb1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const SEALED = /^rsb(\d+)\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * A 32-byte key from its base64 (or base64url) text, as `openssl rand -base64 32` prints it;
 * throws a message that says what is wrong.
 */
export function parseEncryptionKey(text: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new SecretBoxError('must be base64 (generate one with `openssl rand -base64 32`)');
  const key = Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`must decode to ${KEY_BYTES} bytes, not ${key.length} (generate one with \`openssl rand -base64 32\`)`);
  return key;
}

/** Whether a stored value is sealed text (of any version) rather than a plain secret. */
export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/** The id of the key a sealed value was sealed with, or undefined for plain text. */
export function sealedKeyId(value: string): string | undefined {
  return SEALED.exec(value)?.[2];
}

export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new SecretBoxError(`an encryption key has ${KEY_BYTES} bytes, not ${key.length}`);
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  seal(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${this.keyId}.${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** The plaintext of a value sealed with this key and context; throws SecretBoxError otherwise. */
  open(sealed: string, context = ''): string {
    const match = SEALED.exec(sealed);
    if (!match) throw new SecretBoxError('the value is not sealed text');
    const [, version, keyId, payload = ''] = match;
    if (`rsb${version}` !== VERSION) throw new SecretBoxError(`sealed text of version rsb${version} is not known to this version of Roster`);
    if (keyId !== this.keyId) throw new SecretBoxError(`the value was sealed with another key (key id ${keyId}; ROSTER_ENCRYPTION_KEY has id ${this.keyId})`);
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('the sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the sealed value does not open: it was altered, or belongs to another record');
    }
  }
}
