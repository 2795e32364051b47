import pg from 'pg';

/** CREATE DATABASE … TEMPLATE …, retried while another session still holds the template. */
export async function createDatabaseFrom(maintenanceUrl: string, name: string, template: string) {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const statement = `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await client.query(statement);
        return;
      } catch (error) {
        // 55006 object_in_use: "source database … is being accessed by other users"
        if ((error as { code?: string }).code !== '55006' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
}
