// Projects (项目库) and the service menu (服务清单). The project lifecycle of seed 004 §7 —
// 确立项目 → 招募志愿者 → 实施项目 → 评估效果 → 优化项目 — is data here, in one place; the server
// enforces it and the pages use the same table to offer the next step.

export const PROJECT_STATUS_LABELS = {
  established: '确立项目',
  recruiting: '招募志愿者',
  implementing: '实施项目',
  evaluating: '评估效果',
  optimizing: '优化项目',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUS_LABELS;
export const PROJECT_STATUSES = Object.keys(PROJECT_STATUS_LABELS) as ProjectStatus[];

/** The legal next statuses; after 优化 the project starts its next round with 招募. */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  established: ['recruiting'],
  recruiting: ['implementing'],
  implementing: ['evaluating'],
  evaluating: ['optimizing'],
  optimizing: ['recruiting'],
};

/** Null when `from → to` is legal, else the message for the user. */
export function projectTransitionError(from: ProjectStatus, to: ProjectStatus): string | null {
  if (PROJECT_TRANSITIONS[from].includes(to)) return null;
  const next = PROJECT_TRANSITIONS[from].map((s) => `“${PROJECT_STATUS_LABELS[s]}”`).join('、');
  return `项目当前处于“${PROJECT_STATUS_LABELS[from]}”阶段，不能转到“${PROJECT_STATUS_LABELS[to]}”，下一步应为${next}`;
}

export const MENU_ITEM_STATUS_LABELS = { published: '已上架', withdrawn: '已下架' } as const;
export type MenuItemStatus = keyof typeof MENU_ITEM_STATUS_LABELS;
export const MENU_ITEM_STATUSES = Object.keys(MENU_ITEM_STATUS_LABELS) as MenuItemStatus[];
