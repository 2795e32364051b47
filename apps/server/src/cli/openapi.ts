// npm run api:generate — writes the web client's types from the server's OpenAPI document.
// Without arguments it prints the document (JSON) instead: tsx src/cli/openapi.ts > openapi.json
// Neither needs a database.
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildOpenApiDocument, renderWebTypes, WEB_TYPES_FILE } from './openapi-document.ts';

const document = await buildOpenApiDocument();
if (process.argv.includes('--web-types')) {
  await fs.mkdir(path.dirname(WEB_TYPES_FILE), { recursive: true });
  await fs.writeFile(WEB_TYPES_FILE, await renderWebTypes(document));
  console.log(`已生成前端接口类型：${path.relative(process.cwd(), WEB_TYPES_FILE)}`);
} else {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
