// The workbench's export: every order the list shows under the same filters and tab, as an Excel
// workbook, residents' phones masked as on the page. More rows than one file takes is refused with
// the count, never cut silently. The export is audited with its filters and row count.
import ExcelJS from 'exceljs';
import {
  ORDER_CHANNEL_LABELS,
  ORDER_PRIORITY_LABELS,
  ORDER_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
} from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { Invalid } from '../../platform/errors.ts';
import { filterOrders } from './order-filters.ts';
import { orderViewOf, selectOrders } from './order-view.ts';
import type { OrderExportQuery } from './orders.schema.ts';

/** Far above a county's year of orders; more is a sign the filters were forgotten. */
export const ORDER_EXPORT_LIMIT = 20_000;

/** `2026-12-07 09:29` in Beijing time (UTC+8, no daylight saving); '' for none. */
function beijing(iso: string | null): string {
  return iso
    ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    : '';
}

const label = (labels: Record<string, string>, code: string) => labels[code] ?? code;

export async function exportOrders(ctx: AppContext, actor: Actor, q: OrderExportQuery): Promise<Buffer> {
  return inScope(ctx.db.app, actor, async (tx) => {
    const now = ctx.now();
    const base = await filterOrders(tx, selectOrders(tx), q, now);
    let rows: Awaited<ReturnType<ReturnType<typeof selectOrders>['execute']>> = [];
    if (base) {
      const { n } = await base
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n) > ORDER_EXPORT_LIMIT)
        throw new Invalid(
          `符合条件的需求有 ${n} 条，超过一次导出的上限 ${ORDER_EXPORT_LIMIT} 条，请按单位或日期缩小范围后分批导出`,
          'EXPORT_TOO_LARGE',
        );
      // the list's order, so the file reads like the table
      rows = await base.orderBy('o.priority', 'desc').orderBy('o.stage_due_at').orderBy('o.id').execute();
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '文明实践云平台';
    const sheet = workbook.addWorksheet('群众需求');
    sheet.columns = [
      { header: '需求编号', key: 'no', width: 16 },
      { header: '村（社区）', key: 'org', width: 28 },
      { header: '服务类别', key: 'category', width: 12 },
      { header: '需求描述', key: 'description', width: 40 },
      { header: '服务地址', key: 'address', width: 30 },
      { header: '联系人', key: 'contact', width: 10 },
      { header: '联系电话', key: 'phone', width: 16 },
      { header: '来源', key: 'channel', width: 14 },
      { header: '优先级', key: 'priority', width: 8 },
      { header: '状态', key: 'status', width: 10 },
      { header: '环节时限', key: 'due', width: 18 },
      { header: '是否超时', key: 'overdue', width: 10 },
      { header: '创建时间', key: 'created', width: 18 },
      { header: '办结时间', key: 'closed', width: 18 },
    ];
    for (const row of rows) {
      const view = orderViewOf(ctx.cipher, row, now);
      sheet.addRow({
        no: view.orderNo,
        org: view.orgName,
        category: label(SERVICE_CATEGORY_LABELS, view.serviceCategory),
        description: view.description,
        address: view.address,
        contact: view.contactName,
        // masked as on the page: a file travels further than a screen
        phone: view.contactPhone ?? '',
        channel: label(ORDER_CHANNEL_LABELS, view.channel),
        priority: label(ORDER_PRIORITY_LABELS, view.priority),
        status: label(ORDER_STATUS_LABELS, view.status),
        due: beijing(view.stageDueAt),
        overdue: view.overdue ? '超时' : '',
        created: beijing(view.createdAt),
        closed: beijing(view.closedAt),
      });
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    await appendAudit(
      tx,
      {
        actor: auditActor(actor),
        action: 'order.export',
        resourceType: 'order',
        orgId: actor.orgId,
        orgPath: actor.orgPath,
        ip: actor.ip,
        summary: { rows: rows.length, ...filtersOf(q) },
      },
      now,
    );
    return Buffer.from(await workbook.xlsx.writeBuffer());
  });
}

/** The filters the export was made with, for its audit entry (the keyword may name a person: left out). */
function filtersOf(q: OrderExportQuery): Record<string, unknown> {
  const { keyword, ...rest } = q;
  return Object.fromEntries(
    Object.entries({ ...rest, keyword: keyword ? true : undefined }).filter(([, v]) => v !== undefined),
  );
}
