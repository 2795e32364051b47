// Publicity pieces for tests: valid bodies with an XSS payload in every free-text field (the console
// must render them as text), created through the route as a signed-in admin.
import { expect } from 'vitest';
import type { as } from './context.ts';
import { XSS, XSS_SHORT } from './xss.ts';

type Client = ReturnType<typeof as>;
let counter = 0;

/** A China date `days` before today. */
export function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

export function pieceBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    level: 'county',
    outlet: `西乡融媒${XSS_SHORT}`,
    title: `我县开展新时代文明实践志愿服务活动 ${counter} ${XSS}`,
    url: 'https://www.example.cn/news/1.html',
    publishedOn: daysAgo(3),
    note: `备注${XSS}`,
    ...overrides,
  };
}

export interface PieceView {
  id: number;
  orgId: number;
  orgName: string;
  level: string;
  outlet: string;
  title: string;
  url: string | null;
  publishedOn: string;
  hasScreenshot: boolean;
  screenshotUrl: string | null;
  createdBy: string | null;
  canEdit: boolean;
}

export async function createPiece(
  client: Client,
  overrides: Record<string, unknown> = {},
): Promise<PieceView> {
  const res = await client.post('/api/publicity', pieceBody(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PieceView;
}
