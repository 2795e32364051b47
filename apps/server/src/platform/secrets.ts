import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets generated on first start and kept in DATA_DIR (mode 0600): the field-encryption key when
 * FIELD_ENCRYPTION_KEY is unset, and the embedded database superuser password. Never logged.
 */
export interface LocalSecrets {
  fieldEncryptionKey: string;
  embeddedDbPassword: string;
}

export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (parsed.fieldEncryptionKey && parsed.embeddedDbPassword) return parsed as LocalSecrets;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    fieldEncryptionKey: crypto.randomBytes(32).toString('hex'),
    embeddedDbPassword: crypto.randomBytes(24).toString('base64url'),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
