// Publicity pieces (宣传稿件, issue 16; seed 004 §13): each unit records the pieces media published on
// its civilisation practice (level, outlet, title, link, date, screenshot); a yearly summary per unit
// against the quota (省级 ≥ 1 incl. 中央级, 市级 ≥ 2, 县级 ≥ 3) and an Excel export. It owns
// publicity_pieces; the assessment reads its figures through publicityFigures.
import { defineModule } from '../../platform/module.ts';
import { publicityRoutes } from './publicity.routes.ts';

export { publicityFigures, type PublicityFigures } from './summary.ts';

export const publicityModule = defineModule({
  name: 'publicity',
  description:
    '宣传稿件：各单位登记各级媒体宣传报道稿件（级别、媒体、标题、链接、日期、截图），按年度对照定额统计与导出',
  routes: [publicityRoutes],
  permissions: ['publicity.read', 'publicity.write'],
  tables: ['publicity_pieces'],
});
