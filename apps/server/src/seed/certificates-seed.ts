// The demo county's certificates (志愿服务记录证明): over the past year, the demo station certifies a
// few of its volunteers, the demo institute a few of its town's, the demo volunteer has one of their
// own (self-service, from the nearest org of their chain that covers their service), and one of the
// institute's is revoked with a reason — so the console's 证明管理 list, the H5 page and the public
// verification page all have something to show. Issued through the module's own function (the same
// content and SM2 signature as a real issue); volunteers are picked by id and serials come from a
// seeded generator, so the plan is the same on every run (the signature's random nonce is not).
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import { chinaDate } from '../platform/time.ts';
import {
  chooseIssuerPath,
  issueCertificateIn,
  newSerial,
  SELF_SERVICE_HANDLER,
} from '../modules/certificates/index.ts';
import { confirmedRecordsInPeriod } from '../modules/hours/index.ts';
import { mulberry32 } from './county-data.ts';

const DAY_MS = 86_400_000;
const PER_ORG = 3;

export async function insertDemoCertificates(ctx: AppContext, tx: Tx): Promise<{ certificates: number }> {
  const rng = mulberry32(1814);
  const random = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rng() * 256)));
  const now = ctx.now();
  const period = { from: chinaDate(new Date(now.getTime() - 365 * DAY_MS)), to: chinaDate(now) };
  const users = await tx
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'o.path'])
    .where('u.username', 'in', ['demo-station', 'demo-institute', 'demo-volunteer'])
    .execute();
  const user = (name: string) => users.find((u) => u.username === name);
  let issued = 0;

  const issue = async (
    volunteerId: number,
    issuer: { id: number; path: string },
    handler: string,
    issuedBy: number,
    selfService: boolean,
  ) => {
    const result = await issueCertificateIn(ctx, tx, {
      ...period,
      volunteerId,
      issuer,
      handler,
      selfService,
      issuedBy,
      serial: newSerial(now, random),
      now,
    });
    issued += 1;
    return result;
  };

  // the station's and the institute's admins certify volunteers with confirmed hours in their subtree
  let toRevoke: number | null = null;
  for (const name of ['demo-station', 'demo-institute']) {
    const admin = user(name);
    if (!admin) continue;
    const candidates = await tx
      .selectFrom('service_records')
      .select('volunteer_id')
      .distinct()
      .where('status', '=', 'confirmed')
      .where('kind', '<>', 'opening')
      .where('ended_at', '>=', new Date(`${period.from}T00:00:00+08:00`))
      .where((eb) => eb('org_path', '<@', admin.path))
      .orderBy('volunteer_id')
      .limit(PER_ORG)
      .execute();
    for (const c of candidates) {
      const result = await issue(
        c.volunteer_id,
        { id: admin.org_id, path: admin.path },
        admin.display_name,
        admin.id,
        false,
      );
      if (name === 'demo-institute' && toRevoke === null) toRevoke = result.id;
    }
  }
  if (toRevoke !== null) {
    const reviser = user('demo-institute')!;
    await tx
      .updateTable('certificates')
      .set({
        revoked_at: now,
        revoke_reason: '服务记录更正后重新出具',
        revoked_by: reviser.id,
      })
      .where('id', '=', toRevoke)
      .execute();
  }

  // the demo volunteer's own, when they have confirmed hours in the year
  const me = user('demo-volunteer');
  const volunteer = me
    ? await tx
        .selectFrom('volunteers')
        .select(['id', 'org_path'])
        .where('user_id', '=', me.id)
        .executeTakeFirst()
    : undefined;
  if (me && volunteer) {
    const records = await confirmedRecordsInPeriod(tx, { volunteerId: volunteer.id, ...period });
    if (records.length > 0) {
      const path = chooseIssuerPath(
        volunteer.org_path,
        records.map((r) => r.orgPath),
      );
      await issue(
        volunteer.id,
        { id: Number(path.split('.').pop()), path },
        SELF_SERVICE_HANDLER,
        me.id,
        true,
      );
    }
  }
  return { certificates: issued };
}
