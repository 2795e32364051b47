import pg from 'pg';
import type { VerifyResult } from '../audit/audit.ts';
import type { FieldCipher } from '../crypto.ts';
import { BackupError, type Manifest } from './archive.ts';
import {
  auditChainAt,
  checkEncryptedSample,
  compareTables,
  tableStats,
  type KeyCheck,
  type TableDifference,
} from './checks.ts';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface RestoreReport {
  manifest: Manifest;
  tables: number;
  rows: number;
  /** Tables whose rows differ from the manifest (embedded copies: written to during the backup). */
  differences: TableDifference[];
  keyCheck: KeyCheck;
  audit: VerifyResult;
}

/**
 * The checks a restore must pass before it counts as done: the configured key opens a sample of
 * every encrypted column, the audit chain verifies, and (for a pg_dump, whose manifest was taken
 * in the dump's own snapshot) every table has the rows and checksum the manifest says.
 */
export async function verifyRestored(
  url: string,
  manifest: Manifest,
  cipher: FieldCipher,
  options: { exact: boolean },
): Promise<RestoreReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let stats;
  let keyCheck;
  try {
    keyCheck = await checkEncryptedSample(client, cipher);
    if (keyCheck.failed > 0) {
      const bad = keyCheck.columns
        .filter((c) => c.failed > 0)
        .map((c) => `${c.column} ${c.failed}/${c.checked}`);
      throw new BackupError(
        `配置的字段加密密钥无法解密备份中的加密字段（${bad.join('，')}）。` +
          '请设置备份时所用的 FIELD_ENCRYPTION_KEY，或放回当时的 secrets.json 后重新恢复；恢复未完成。',
      );
    }
    stats = await tableStats(client);
  } finally {
    await client.end();
  }
  const audit = await auditChainAt(url);
  if (!audit.ok) {
    throw new BackupError(
      `恢复后的审计日志哈希链断裂：第 ${audit.firstBrokenSeq} 条（${audit.reason}）。恢复未完成。`,
    );
  }
  const differences = compareTables(manifest.tables, stats);
  if (options.exact && differences.length) {
    const first = differences[0]!;
    throw new BackupError(
      `恢复后的表 ${first.table} 与备份清单不符（清单 ${first.expected?.rows ?? '无'} 行，恢复得到 ${first.actual?.rows ?? '无'} 行）。恢复未完成。`,
    );
  }
  return {
    manifest,
    tables: Object.keys(stats).length,
    rows: Object.values(stats).reduce((sum, t) => sum + t.rows, 0),
    differences,
    keyCheck,
    audit,
  };
}
