// The server's OpenAPI document, built without a database, and the web client's types generated
// from it (npm run api:generate writes them; a test checks the committed copy is current).
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import * as prettier from 'prettier';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { createEventBus } from '../platform/events.ts';
import { createFieldCipher } from '../platform/crypto.ts';
import type { Databases } from '../platform/db/database.ts';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';

export const WEB_TYPES_FILE = fileURLToPath(
  new URL('../../../web/src/api/generated/schema.d.ts', import.meta.url),
);

const HEADER = `// Generated from the server's OpenAPI document by \`npm run api:generate\`: do not edit.
// A test fails when this file no longer matches the server's routes.
`;

/** A database that is never connected: building the routes issues no query. */
function offlineDb(): Db {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** Builds the app on default configuration and an unconnected database and returns its document. */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const db = offlineDb();
  const databases: Databases = { system: db, app: db, close: () => db.destroy() };
  const ctx: AppContext = {
    config: loadConfig({}),
    db: databases,
    // a throwaway key: nothing is encrypted while the document is built
    cipher: createFieldCipher(crypto.randomBytes(32).toString('hex')),
    now: () => new Date(),
    events: createEventBus(),
  };
  const app = await buildApp(ctx, { webDist: '/nonexistent' });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
    await databases.close();
  }
}

/** The web client's types (`paths`, `components`, `operations`) for a document, formatted. */
export async function renderWebTypes(document: OpenAPI3): Promise<string> {
  // a deep copy: openapi-typescript's bundler annotates the object it is given
  const ast = await openapiTS(structuredClone(document), { silent: true });
  const source = HEADER + astToString(ast);
  const options = await prettier.resolveConfig(WEB_TYPES_FILE);
  return prettier.format(source, { ...options, filepath: WEB_TYPES_FILE });
}
