// The ECharts options of the big screen, built from the server's figures: pure functions, so the
// page only hands a new option object to vue-echarts on each refresh (merged, no flicker). Only the
// chart types and components registered here are bundled (tree-shaken ECharts).
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import {
  ACTIVITY_FORM_SHORT,
  ORG_KIND_SHORT_LABELS,
  PLATFORM_LABELS,
  type ActivityForm,
  type OrgKind,
  type Platform,
} from '@civic/contracts';
import type { ScreenView } from '../../../api/assessment';

use([
  CanvasRenderer,
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
]);

export type ScreenOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export const SCREEN_COLORS = ['#4fc3f7', '#ffd54f', '#81c784', '#ff8a65', '#ba68c8', '#4db6ac', '#f06292'];
const TEXT = '#c8d6f0';
const AXIS = '#3a4d75';

const axisStyle = {
  axisLine: { lineStyle: { color: AXIS } },
  axisLabel: { color: TEXT, fontSize: 14 },
  splitLine: { lineStyle: { color: '#1e2c4d' } },
};

/** 近 12 个月: service hours as bars, activities and orders as lines on a second axis. */
export function trendOption(v: ScreenView): ScreenOption {
  const months = v.trend.map((m) => `${Number(m.month.slice(5))}月`);
  return {
    color: SCREEN_COLORS,
    tooltip: { trigger: 'axis' },
    legend: { textStyle: { color: TEXT, fontSize: 14 }, top: 0 },
    grid: { left: 56, right: 48, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: months, ...axisStyle },
    yAxis: [
      { type: 'value', name: '小时', nameTextStyle: { color: TEXT }, ...axisStyle },
      {
        type: 'value',
        name: '次/单',
        nameTextStyle: { color: TEXT },
        ...axisStyle,
        splitLine: { show: false },
      },
    ],
    series: [
      { name: '服务时长', type: 'bar', data: v.trend.map((m) => m.serviceHours), barMaxWidth: 22 },
      {
        name: '开展活动',
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        data: v.trend.map((m) => m.activitiesHeld),
      },
      {
        name: '群众点单',
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        data: v.trend.map((m) => m.ordersReceived),
      },
      { name: '办结', type: 'line', yAxisIndex: 1, smooth: true, data: v.trend.map((m) => m.ordersClosed) },
    ],
  };
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const platformLabel = (p: string | null) =>
  p === null ? '未归属平台' : (PLATFORM_LABELS[p as Platform] ?? p).replace(/平台$/, '');

/** 五大服务平台: the held activities of the last 12 months per platform, as a ring. */
export function platformOption(v: ScreenView): ScreenOption {
  return {
    color: SCREEN_COLORS,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = p as unknown as { name: string; value: number; percent: number };
        return `${escapeHtml(d.name)}：${d.value} 次（${d.percent}%）`;
      },
    },
    legend: { orient: 'vertical', right: 8, top: 'middle', textStyle: { color: TEXT, fontSize: 14 } },
    series: [
      {
        name: '平台',
        type: 'pie',
        radius: ['42%', '72%'],
        center: ['34%', '52%'],
        label: { show: false },
        data: [...v.platforms]
          .sort((a, b) => b.count - a.count)
          .map((p) => ({ name: platformLabel(p.platform), value: p.count })),
      },
    ],
  };
}

/** 讲评帮乐庆树行: the held activities of the last 12 months per form, as bars in a fixed order. */
export function formOption(v: ScreenView): ScreenOption {
  const forms = Object.keys(ACTIVITY_FORM_SHORT) as ActivityForm[];
  const count = new Map(v.forms.map((f) => [f.form, f.count]));
  return {
    color: [SCREEN_COLORS[2]!],
    tooltip: { trigger: 'axis' },
    grid: { left: 44, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: forms.map((f) => ACTIVITY_FORM_SHORT[f]), ...axisStyle },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle },
    series: [
      {
        name: '活动',
        type: 'bar',
        barMaxWidth: 28,
        data: forms.map((f) => count.get(f) ?? 0),
        label: { show: true, position: 'top', color: TEXT },
      },
    ],
  };
}

/**
 * The units on their coordinates (longitude, latitude) on a plain coordinate system — no map tiles,
 * nothing fetched — one series per kind, the symbol growing with this month's service hours.
 */
export function mapOption(v: ScreenView): ScreenOption {
  const kinds = [...new Set(v.units.map((u) => u.kind))];
  const max = Math.max(1, ...v.units.map((u) => u.serviceHours));
  return {
    color: SCREEN_COLORS,
    tooltip: {
      trigger: 'item',
      // the tooltip is HTML: a unit's name is text, escaped
      formatter: (p) => {
        const d = (p as unknown as { data: { name: string; value: [number, number, number] } }).data;
        return `${escapeHtml(d.name)}<br/>本月服务时长 ${d.value[2]} 小时`;
      },
    },
    legend: { textStyle: { color: TEXT, fontSize: 14 }, top: 0 },
    grid: { left: 16, right: 16, top: 36, bottom: 16 },
    xAxis: { type: 'value', scale: true, show: false },
    yAxis: { type: 'value', scale: true, show: false },
    series: kinds.map((kind) => ({
      name: ORG_KIND_SHORT_LABELS[kind as OrgKind] ?? kind,
      type: 'scatter' as const,
      data: v.units
        .filter((u) => u.kind === kind)
        .map((u) => ({ name: u.name, value: [u.longitude, u.latitude, u.serviceHours] })),
      symbolSize: (value: number[]) => 8 + 28 * Math.sqrt((value[2] ?? 0) / max),
      label: {
        // the centre and the towns are named; stations, posts and bases show their name on hover
        show: kind === 'center' || kind === 'institute',
        formatter: '{b}',
        position: 'right' as const,
        color: TEXT,
        fontSize: 13,
      },
      itemStyle: { opacity: 0.85 },
    })),
  };
}
