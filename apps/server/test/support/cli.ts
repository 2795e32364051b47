// Runs one of the server's command-line scripts (src/cli/…) against a test's database, as an
// operator would, and gives back its exit code and output instead of throwing on a non-zero exit.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestContext } from './context.ts';
import { TEST_KEY } from './keys.ts';

const run = promisify(execFile);
const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** `node --import tsx src/cli/<script> …args` on the test's database and key. */
export function runCli(t: TestContext, script: string, args: string[] = []): Promise<CliResult> {
  const env = {
    ...process.env,
    DATABASE_URL: t.databaseUrl,
    FIELD_ENCRYPTION_KEY: TEST_KEY,
    NODE_ENV: 'test',
  };
  return run(process.execPath, ['--import', 'tsx', `src/cli/${script}`, ...args], {
    cwd: SERVER_ROOT,
    env,
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}
