// The demo's card photos (志愿者电子证): demo-volunteer and a few star volunteers of the demo
// station have a photo on their card, so `npm start` shows a card with a photo beside one with
// the initial. The pictures are drawn here (a head-and-shoulders silhouette on a coloured ground,
// 96 × 128 PNG) — no real person's face in the demo. Stored as uploads under each volunteer's org,
// like a photo the station took.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';

const WIDTH = 96;
const HEIGHT = 128;
const GROUNDS: Array<[number, number, number]> = [
  [219, 234, 254],
  [220, 252, 231],
  [254, 243, 199],
  [243, 232, 255],
];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A head-and-shoulders silhouette, RGB, on ground colour `n`. */
export function silhouettePng(n: number): Buffer {
  const ground = GROUNDS[n % GROUNDS.length]!;
  const figure: [number, number, number] = [71, 85, 105];
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) {
      const head = (x - 48) ** 2 / 22 ** 2 + (y - 50) ** 2 / 26 ** 2 <= 1;
      const shoulders = y >= 84 && (x - 48) ** 2 / 44 ** 2 + (y - 128) ** 2 / 44 ** 2 <= 1;
      const [r, g, b] = head || shoulders ? figure : ground;
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function insertDemoCardPhotos(
  tx: Tx,
  now: Date,
  demoStation: { path: string },
): Promise<{ cardPhotos: number }> {
  const demo = await tx
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.id', 'v.org_path'])
    .where('u.username', '=', 'demo-volunteer')
    .executeTakeFirst();
  // a few star volunteers of the station: their printed cards show a photo too
  const starred = await tx
    .selectFrom('volunteers')
    .select(['id', 'org_path'])
    .where(sql<boolean>`org_path <@ ${demoStation.path}::ltree`)
    .where('status', '=', 'active')
    .where('lifetime_hours', '>=', 100)
    // the latest registered: the earliest stay without a photo, as most cards are
    .orderBy('id', 'desc')
    .limit(5)
    .execute();
  const people = [...(demo ? [demo] : []), ...starred.filter((v) => v.id !== demo?.id)];
  const admin = await tx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo-station')
    .executeTakeFirstOrThrow();
  let n = 0;
  for (const person of people) {
    const png = silhouettePng(n);
    const id = crypto.randomUUID();
    await tx
      .insertInto('uploads')
      .values({
        id,
        org_path: person.org_path,
        uploaded_by: admin.id,
        file_name: '志愿者证照片.png',
        mime_type: 'image/png',
        byte_size: png.length,
        sha256: crypto.createHash('sha256').update(png).digest('hex'),
        content: png,
        created_at: now,
      })
      .execute();
    await tx.updateTable('volunteers').set({ photo_id: id }).where('id', '=', person.id).execute();
    n += 1;
  }
  return { cardPhotos: n };
}
