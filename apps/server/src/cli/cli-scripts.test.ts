// The tools that read the county's database run from the repository root, as npm start does, so
// with no DATA_DIR they find the same ./data folder — not a new empty one under apps/server (which
// is what `npm run audit:verify` checked before: a fresh database, reported as "intact").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const scripts = (file: string) =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('database tools', () => {
  it('run from the repository root, where npm start runs', () => {
    const root = scripts('package.json');
    expect(root.start).toBe('node scripts/start.mjs');
    for (const name of [
      'audit:verify',
      'hours:verify',
      'points:verify',
      'assessment:rebuild',
      'backup',
      'restore',
    ]) {
      expect(root[name], name).toMatch(/^tsx apps\/server\/src\/cli\/[a-z-]+\.ts$/);
      expect(fs.existsSync(path.join(ROOT, root[name]!.slice('tsx '.length))), name).toBe(true);
    }
    // no workspace copy that would run with apps/server as its folder
    const server = scripts('apps/server/package.json');
    for (const name of [
      'audit:verify',
      'hours:verify',
      'points:verify',
      'assessment:rebuild',
      'backup',
      'restore',
    ])
      expect(server[name], name).toBeUndefined();
  });

  it('find the data folder npm start uses', () => {
    const fromRoot = loadConfig({ NODE_ENV: 'development' }, ROOT);
    expect(fromRoot.dataDir).toBe(path.join(ROOT, 'data'));
    expect(loadConfig({ NODE_ENV: 'development' }, path.join(ROOT, 'apps/server')).dataDir).not.toBe(
      fromRoot.dataDir,
    );
  });
});
