import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { z } from 'zod';

/**
 * A backup is one dated .tar.gz: `manifest.json` (what it is, from which PostgreSQL, every table's
 * row count and checksum, and a SHA-256 of every other file in the archive) beside the database
 * itself — the embedded cluster's folder (`pg/`) or an external database's `pg_dump` file. The
 * field-encryption key is never in it.
 */
export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'civic-practice-cloud-backup';
const FORMAT_VERSION = 1;

/** Why a backup or restore stopped, in words for the person running it. */
export class BackupError extends Error {}

const tableStatsSchema = z.object({ rows: z.number().int().nonnegative(), checksum: z.string() });
export type TableStats = z.infer<typeof tableStatsSchema>;

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  kind: z.enum(['embedded-base-backup', 'pg-dump']),
  createdAt: z.string(),
  /** How the copy was made: "pg_backup_start/pg_backup_stop" or "pg_dump 15.20". */
  method: z.string(),
  tool: z.object({ name: z.string(), major: z.number().int() }),
  postgres: z.object({ version: z.string(), major: z.number().int() }),
  database: z.string(),
  migrations: z.array(z.string()),
  /**
   * Per table ("schema.table"): rows and a checksum over every row's text. Exact for pg_dump (taken
   * in the dump's snapshot); for the embedded copy they are read as the backup ends, so tables
   * written to during the backup may differ by those writes.
   */
  tables: z.record(z.string(), tableStatsSchema),
  /** Where recovery of the embedded copy starts and must at least reach. */
  wal: z.object({ startLsn: z.string(), stopLsn: z.string(), files: z.array(z.string()) }).optional(),
  /** SHA-256 of every file in the archive except this manifest, by its path in the archive. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestContent = Omit<Manifest, 'format' | 'formatVersion' | 'files'>;

export function backupFileName(now: Date): string {
  return `civic-backup-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z.tar.gz`;
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file below `dir`, as archive paths (forward slashes). */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * Writes `staging` (which holds the database files) with its manifest as `outDir/<dated name>`,
 * mode 0600; the archive appears under its final name only once complete.
 */
export async function writeArchive(
  staging: string,
  content: ManifestContent,
  outDir: string,
): Promise<{ file: string; manifest: Manifest }> {
  const files: Record<string, string> = {};
  for (const rel of listFiles(staging).sort()) files[rel] = await sha256File(path.join(staging, rel));
  const manifest: Manifest = { format: FORMAT, formatVersion: FORMAT_VERSION, ...content, files };
  fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

  let name = backupFileName(new Date(content.createdAt));
  for (let n = 2; fs.existsSync(path.join(outDir, name)); n += 1)
    name = backupFileName(new Date(content.createdAt)).replace('.tar.gz', `-${n}.tar.gz`);
  const target = path.join(outDir, name);
  const partial = `${target}.partial`;
  const entries = [MANIFEST_FILE, ...fs.readdirSync(staging).filter((e) => e !== MANIFEST_FILE)];
  await tar.c({ gzip: { level: 3 }, file: partial, cwd: staging, portable: true }, entries);
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
  return { file: target, manifest };
}

/**
 * Unpacks `file` into the empty folder `into` and checks it: a manifest of this format, every file
 * it lists present with its SHA-256, and nothing it does not list.
 */
export async function readArchive(file: string, into: string): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件 ${file}`);
  try {
    await tar.x({ file, cwd: into, strict: true });
  } catch (error) {
    throw new BackupError(`备份文件 ${file} 无法解开（不是完整的 .tar.gz）：${(error as Error).message}`);
  }
  const manifestPath = path.join(into, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath))
    throw new BackupError(`${file} 不是本平台的备份（缺少 ${MANIFEST_FILE}）`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    throw new BackupError(`${file} 的 ${MANIFEST_FILE} 不是有效的 JSON`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    throw new BackupError(`${file} 不是本平台可识别的备份格式（${result.error.issues[0]?.message ?? ''}）`);
  }
  const manifest = result.data;
  const present = new Set(listFiles(into).filter((rel) => rel !== MANIFEST_FILE));
  for (const [rel, expected] of Object.entries(manifest.files)) {
    if (!present.delete(rel)) throw new BackupError(`备份不完整：缺少文件 ${rel}`);
    if ((await sha256File(path.join(into, rel))) !== expected)
      throw new BackupError(`备份已损坏：文件 ${rel} 的校验和不符`);
  }
  if (present.size) throw new BackupError(`备份中有清单未列出的文件：${[...present][0]}`);
  return manifest;
}
