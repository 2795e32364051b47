import { describe, expect, it } from 'vitest';
import {
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_TRANSITIONS,
  projectTransitionError,
  type ProjectStatus,
} from './projects.ts';

describe('the project lifecycle', () => {
  it('runs 确立 → 招募 → 实施 → 评估 → 优化, then 招募 again for the next round', () => {
    expect(PROJECT_STATUSES).toEqual([
      'established',
      'recruiting',
      'implementing',
      'evaluating',
      'optimizing',
    ]);
    const path: ProjectStatus[] = [...PROJECT_STATUSES, 'recruiting'];
    for (let i = 1; i < path.length; i += 1)
      expect(projectTransitionError(path[i - 1]!, path[i]!)).toBeNull();
  });

  it('refuses every other move, naming the current stage and the legal next one', () => {
    let legal = 0;
    for (const from of PROJECT_STATUSES) {
      for (const to of PROJECT_STATUSES) {
        const error = projectTransitionError(from, to);
        if (PROJECT_TRANSITIONS[from].includes(to)) {
          legal += 1;
          expect(error).toBeNull();
        } else {
          expect(error).toContain(PROJECT_STATUS_LABELS[from]);
          expect(error).toContain(PROJECT_STATUS_LABELS[PROJECT_TRANSITIONS[from][0]!]);
        }
      }
    }
    expect(legal).toBe(5);
    expect(projectTransitionError('established', 'implementing')).toBe(
      '项目当前处于“确立项目”阶段，不能转到“实施项目”，下一步应为“招募志愿者”',
    );
  });
});
