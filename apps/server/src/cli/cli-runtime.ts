// The database a command-line tool works on is the one `npm start` uses: run from the repository
// root, the default data folder is the same (./data), a running server's embedded PostgreSQL is
// joined rather than started twice, and DATABASE_URL wins when set. The tool says which it is.
import { loadConfig } from '../platform/config.ts';
import { startRuntime } from '../platform/runtime.ts';

const quiet = { info: () => undefined, warn: (m: string) => console.warn(m), debug: () => undefined };

export async function cliRuntime() {
  const config = loadConfig();
  const where = config.databaseUrl
    ? `DATABASE_URL 指定的数据库（${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname}）`
    : `内置 PostgreSQL（数据目录 ${config.dataDir}）`;
  console.log(`校验对象：${where}`);
  return startRuntime(config, quiet, { attach: true });
}
