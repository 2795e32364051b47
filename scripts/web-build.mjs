// Builds the web app when its build is missing or older than its sources (used by start and test).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const contracts = path.join(root, 'packages/contracts/src');

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function ensureWebBuild() {
  const built = path.join(web, 'dist/index.html');
  const sources = [
    path.join(web, 'src'),
    path.join(web, 'public'),
    contracts,
    ...fs
      .readdirSync(web)
      .filter((f) => /\.(html|ts|json)$/.test(f))
      .map((f) => path.join(web, f)),
  ];
  const sourceTime = Math.max(...sources.map(newestMtime));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sourceTime) return false;
  console.log('[civic] 正在构建前端页面（首次启动或源码有更新）…');
  execSync('npm run build -w apps/web', { cwd: root, stdio: 'inherit' });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuild();
