import { describe, expect, it } from 'vitest';
import { taskReportProblem, taskRequirementsText, taskState } from './tasks.ts';

const now = new Date('2026-11-30T08:00:00Z');
const before = new Date('2026-11-30T07:59:59Z');
const after = new Date('2026-11-30T08:00:01Z');

describe('taskState', () => {
  it('is overdue only for pending or returned assignments past their deadline', () => {
    expect(taskState('pending', before, 'open', now)).toBe('overdue');
    expect(taskState('returned', before, 'open', now)).toBe('overdue');
    expect(taskState('pending', after, 'open', now)).toBe('pending');
    // the deadline itself is still in time
    expect(taskState('pending', now, 'open', now)).toBe('pending');
    expect(taskState('submitted', before, 'open', now)).toBe('submitted');
    expect(taskState('approved', before, 'open', now)).toBe('approved');
  });
  it('shows every assignment of a withdrawn task as cancelled', () => {
    expect(taskState('approved', after, 'cancelled', now)).toBe('cancelled');
    expect(taskState('pending', before, 'cancelled', now)).toBe('cancelled');
  });
});

describe('taskReportProblem', () => {
  const strict = { requiresText: true, minPhotos: 2, allowLinks: false };
  it('asks for the text, the photos and no links when the task says so', () => {
    expect(taskReportProblem(strict, { text: '  ', photoCount: 2, linkCount: 0 })).toMatch('说明');
    expect(taskReportProblem(strict, { text: '已完成', photoCount: 1, linkCount: 0 })).toMatch('至少 2 张');
    expect(taskReportProblem(strict, { text: '已完成', photoCount: 2, linkCount: 1 })).toMatch('链接');
    expect(taskReportProblem(strict, { text: '已完成', photoCount: 2, linkCount: 0 })).toBeNull();
  });
  it('refuses an empty report even when nothing in particular is required', () => {
    const loose = { requiresText: false, minPhotos: 0, allowLinks: true };
    expect(taskReportProblem(loose, { text: '', photoCount: 0, linkCount: 0 })).toMatch('为空');
    expect(taskReportProblem(loose, { text: '', photoCount: 0, linkCount: 1 })).toBeNull();
  });
  it('describes the requirements in words', () => {
    expect(taskRequirementsText(strict)).toBe('须填写说明，至少 2 张照片，不接受链接');
  });
});
