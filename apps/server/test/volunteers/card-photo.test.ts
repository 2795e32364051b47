// The volunteer card's photo and privileges (志愿者电子证) on a real PostgreSQL: the volunteer sets
// their photo on H5 and an admin of their station sets it in the console; the H5 card and the
// printable card show it; only the volunteer and the admins of their org or above read it (not a
// team leader, not another volunteer); bad files change nothing; the card lists the star privileges
// of the volunteer's org and above that their level earns.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import {
  auditDigest,
  multipartBody,
  orgOfUser,
  tableDigest,
  TINY_PNG,
  type OrgRef,
} from '../support/org-factories.ts';
import { signedInVolunteers, type SignedInVolunteer } from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let stationAdmin: Session;
let institute: Session;
let center: Session;
let otherTown: Session;
let leader: Session;
let volunteer: SignedInVolunteer;
let neighbour: SignedInVolunteer;
const CHINESE = /[\u4e00-\u9fa5]/;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);

function sendPhoto(session: Session, url: string, data: Buffer, name = 'me.png', type = 'image/png') {
  const body = multipartBody(name, type, data);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

function expect4xx(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().message).toMatch(CHINESE);
}

async function unchanged(work: () => Promise<void>) {
  const digest = () =>
    Promise.all([
      tableDigest(t.ctx.db.system, 'volunteers'),
      tableDigest(t.ctx.db.system, 'uploads'),
      auditDigest(t.ctx.db.system),
    ]);
  const before = await digest();
  await work();
  expect(await digest()).toEqual(before);
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  stationAdmin = await login(t.app, 'demo-station');
  institute = await login(t.app, 'demo-institute');
  center = await login(t.app, 'demo-center');
  otherTown = await login(t.app, 'demo-station2');
  leader = await login(t.app, 'demo-leader');
  const two = await signedInVolunteers(t, station, 2);
  volunteer = two[0]!;
  neighbour = two[1]!;
}, 120_000);
afterAll(async () => t?.close());

describe('the photo', () => {
  let photoUrl = '';

  it('is on the card as the record says (none: the card shows a placeholder)', async () => {
    const { photo_id: photoId } = await t.ctx.db.system
      .selectFrom('volunteers')
      .select('photo_id')
      .where('id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    const card = await as(t.app, volunteer.session).get('/api/me/volunteer-card');
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().photoUrl).toBe(photoId ? `/api/me/volunteer-card/photo/${photoId}` : null);
  });

  it('is set by the volunteer on H5, shown on their card and read back by them only', async () => {
    const res = await sendPhoto(volunteer.session, '/api/me/volunteer-card/photo', TINY_PNG);
    expect(res.statusCode, res.body).toBe(200);
    const set = res.json();
    expect(set.photoUrl).toBe(`/api/me/volunteer-card/photo/${set.photoId}`);
    photoUrl = set.photoUrl;
    const card = (await as(t.app, volunteer.session).get('/api/me/volunteer-card')).json();
    expect(card.photoUrl).toBe(photoUrl);
    const me = (await as(t.app, volunteer.session).get('/api/me/volunteer')).json();
    expect(me.photoUrl).toBe(photoUrl);

    const image = await as(t.app, volunteer.session).get(photoUrl);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toContain('private');
    expect(image.rawPayload.equals(TINY_PNG)).toBe(true);

    // stored under the volunteer's own org, sent by their account, audited
    const row = await t.ctx.db.system
      .selectFrom('uploads')
      .select(['org_path', 'uploaded_by'])
      .where('id', '=', set.photoId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ org_path: volunteer.orgPath, uploaded_by: volunteer.userId });
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['action', 'resource_id'])
      .where('action', '=', 'volunteer.photo.set')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.resource_id).toBe(String(volunteer.id));

    // another volunteer of the same station cannot read it, even knowing its id
    const other = await as(t.app, neighbour.session).get(photoUrl);
    expect4xx(other, 404);
  });

  it('is read by the admins of the volunteer’s org and above, on the printable card and the detail', async () => {
    const photoId = photoUrl.split('/').pop()!;
    const consolePath = `/api/volunteers/${volunteer.id}/photo/${photoId}`;
    for (const admin of [stationAdmin, institute, center]) {
      const print = (await as(t.app, admin).get(`/api/volunteers/${volunteer.id}/card`)).json();
      expect(print.photoUrl).toBe(consolePath);
      const detail = (await as(t.app, admin).get(`/api/volunteers/${volunteer.id}`)).json();
      expect(detail.photoUrl).toBe(consolePath);
      const image = await as(t.app, admin).get(consolePath);
      expect(image.statusCode, image.body).toBe(200);
      expect(image.rawPayload.equals(TINY_PNG)).toBe(true);
    }
  });

  it('is not read by another town, a team leader or through the general upload route', async () => {
    const photoId = photoUrl.split('/').pop()!;
    const consolePath = `/api/volunteers/${volunteer.id}/photo/${photoId}`;
    expect4xx(await as(t.app, otherTown).get(consolePath), 404);
    expect4xx(await as(t.app, otherTown).get(`/api/uploads/${photoId}`), 404);
    // a team leader may see a member's details, never their photo
    const byLeader = await as(t.app, leader).get(consolePath);
    expect([403, 404]).toContain(byLeader.statusCode);
    expect(byLeader.json().message).toMatch(CHINESE);
    // a volunteer does not read a photo through the console path, even their own
    expect4xx(await as(t.app, volunteer.session).get(consolePath), 403);
  });

  it('is replaced by an admin of the station in the console; the old one is no longer served', async () => {
    const old = photoUrl;
    const res = await sendPhoto(
      stationAdmin,
      `/api/volunteers/${volunteer.id}/photo`,
      JPEG,
      'scan.jpg',
      'image/jpeg',
    );
    expect(res.statusCode, res.body).toBe(200);
    const set = res.json();
    expect(set.photoUrl).toBe(`/api/volunteers/${volunteer.id}/photo/${set.photoId}`);
    const card = (await as(t.app, volunteer.session).get('/api/me/volunteer-card')).json();
    expect(card.photoUrl).toBe(`/api/me/volunteer-card/photo/${set.photoId}`);
    const image = await as(t.app, volunteer.session).get(card.photoUrl);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect4xx(await as(t.app, volunteer.session).get(old), 404);
    photoUrl = card.photoUrl;
  });

  it('refuses bad files and foreign volunteers with a Chinese 4xx that changes nothing', async () => {
    await unchanged(async () => {
      expect4xx(
        await sendPhoto(
          volunteer.session,
          '/api/me/volunteer-card/photo',
          Buffer.from('<svg/>'),
          'x.svg',
          'image/svg+xml',
        ),
        415,
      );
      expect4xx(await sendPhoto(volunteer.session, '/api/me/volunteer-card/photo', Buffer.alloc(0)), 400);
      expect4xx(
        await sendPhoto(
          volunteer.session,
          '/api/me/volunteer-card/photo',
          Buffer.alloc(6 * 1024 * 1024, 1),
          'big.png',
        ),
        413,
      );
      expect4xx(await sendPhoto(otherTown, `/api/volunteers/${volunteer.id}/photo`, TINY_PNG), 404);
      expect4xx(await sendPhoto(volunteer.session, `/api/volunteers/${neighbour.id}/photo`, TINY_PNG), 403);
      expect4xx(await as(t.app, volunteer.session).get('/api/me/volunteer-card/photo/not-a-uuid'), 400);
    });
  });

  it('cannot be pointed at someone else’s upload, even by writing the row directly as the volunteer', async () => {
    const foreign = await sendPhoto(stationAdmin, '/api/uploads', TINY_PNG);
    expect(foreign.statusCode, foreign.body).toBe(200);
    const foreignId = foreign.json().id as string;
    await expect(
      t.ctx.db.app.transaction().execute(async (tx) => {
        await sql`SELECT set_config('app.scope', ${`${volunteer.orgPath}.self`}, true),
          set_config('app.volunteer', ${String(volunteer.id)}, true)`.execute(tx);
        await tx
          .updateTable('volunteers')
          .set({ photo_id: foreignId })
          .where('id', '=', volunteer.id)
          .execute();
      }),
    ).rejects.toThrow(/photo/);
  });
});

describe('the privileges on the card', () => {
  it('are the active privileges of the volunteer’s org and above that their star level earns', async () => {
    // a seeded volunteer of the station's subtree with a star (lifetime hours ≥ 100)
    const [starred] = await signedInVolunteers(t, station, 1, 100);
    const make = async (session: Session, name: string, minStar: number) => {
      const res = await as(t.app, session).post('/api/honours/privileges', { name, minStar });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: number };
    };
    const near = await make(stationAdmin, '社区卫生室优先就诊', 1);
    const county = await make(center, '县图书馆优先借阅', 1);
    const high = await make(stationAdmin, '五星志愿者年度体检', 5);
    const far = await make(otherTown, '外镇礼遇', 1);
    const stopped = await make(stationAdmin, '已停用的礼遇', 1);
    expect(
      (await as(t.app, stationAdmin).patch(`/api/honours/privileges/${stopped.id}`, { active: false }))
        .statusCode,
    ).toBe(200);

    const card = (await as(t.app, starred!.session).get('/api/me/volunteer-card')).json();
    const res = await as(t.app, starred!.session).get('/api/me/volunteer-card/privileges');
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json();
    expect(mine.starLevel).toBe(card.starLevel);
    const ids = mine.privileges.map((p: { id: number }) => p.id);
    expect(mine.starLevel).toBeGreaterThanOrEqual(1);
    expect(ids).toEqual(expect.arrayContaining([near.id, county.id]));
    expect(mine.privileges.find((p: { id: number }) => p.id === county.id).orgName).toMatch(CHINESE);
    expect(ids).not.toContain(high.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(stopped.id);
    for (const p of mine.privileges) expect(p.minStar).toBeLessThanOrEqual(mine.starLevel);

    // the printable card, printed by the station (whose own scope hides the county's privileges)
    const printed = await as(t.app, stationAdmin).get(`/api/volunteers/${starred!.id}/card/privileges`);
    expect(printed.statusCode, printed.body).toBe(200);
    expect(printed.json()).toEqual(mine);
    // not for another town, a team leader or a volunteer
    expect4xx(await as(t.app, otherTown).get(`/api/volunteers/${starred!.id}/card/privileges`), 404);
    // a team leader reads them exactly when they may print the member's card (the same rule)
    const byLeader = await as(t.app, leader).get(`/api/volunteers/${starred!.id}/card/privileges`);
    const leaderCard = await as(t.app, leader).get(`/api/volunteers/${starred!.id}/card`);
    expect(byLeader.statusCode).toBe(leaderCard.statusCode);
    expect4xx(await as(t.app, volunteer.session).get(`/api/volunteers/${starred!.id}/card/privileges`), 403);

    // a volunteer without a star earns none
    const none = (await as(t.app, neighbour.session).get('/api/me/volunteer-card/privileges')).json();
    if (none.starLevel === 0) expect(none.privileges).toEqual([]);
  });
});

describe('the demo seed', () => {
  it('gives demo-volunteer’s card a photo they can read', async () => {
    const demo = as(t.app, await login(t.app, 'demo-volunteer'));
    const card = (await demo.get('/api/me/volunteer-card')).json();
    expect(card.photoUrl).toMatch(/^\/api\/me\/volunteer-card\/photo\//);
    const image = await demo.get(card.photoUrl);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
  });
});
