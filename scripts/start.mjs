// npm start: build the web app if needed, then run the server (TypeScript via tsx) in this process,
// so Ctrl-C and SIGTERM reach it directly and it can stop its embedded PostgreSQL cleanly.
import { register } from 'tsx/esm/api';
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
register();
await import('../apps/server/src/main.ts');
