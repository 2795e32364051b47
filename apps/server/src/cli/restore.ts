// npm run restore FILE — brings a backup made by `npm run backup` back into an empty DATA_DIR
// (embedded) or an empty DATABASE_URL database, and refuses to finish (exit 1, nothing left
// behind) unless the configured field-encryption key opens a sample of the encrypted fields and
// the audit chain verifies.
import { BackupError, restoreConfigured } from '../platform/backup/backup.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';

const logger = { info: (m: string) => console.log(m), warn: (m: string) => console.warn(m) };
const file = process.argv[2];

if (!file) {
  console.error('用法：npm run restore <备份文件.tar.gz>');
  process.exitCode = 2;
} else {
  try {
    const config = loadConfig();
    const report = await restoreConfigured(config, file, logger);
    console.log(
      `恢复完成：${report.manifest.createdAt} 的备份，${report.tables} 张表 ${report.rows} 行；` +
        `密钥解开了 ${report.keyCheck.checked} 个加密字段样本；审计日志哈希链完整（${report.audit.checked} 条）。`,
    );
    if (report.keyCheck.checked === 0) console.warn('注意：库中没有加密字段，无法用数据确认密钥。');
    for (const d of report.differences) {
      console.warn(
        `  ${d.table}：备份结束时 ${d.expected?.rows ?? '无'} 行，恢复得到 ${d.actual?.rows ?? '无'} 行（备份期间仍有写入）`,
      );
    }
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError) {
      console.error(`恢复失败：${error.message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
