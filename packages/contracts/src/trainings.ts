// Trainings (培训, issue 16; seed 004 §11 and §3): each institute trains its staff, its backbone
// volunteers and its newly recruited volunteers at least twice a year; the 茶乡微讲堂 leads get
// their own sessions. Shared by the server, the console and its tests.

export const TRAINING_KINDS = ['staff', 'backbone', 'new_volunteers', 'lecture_leads'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  staff: '所站工作人员',
  backbone: '文明实践骨干',
  new_volunteers: '新招募志愿者',
  lecture_leads: '微讲堂负责人',
};

/** planned → held (counts for the assessment) or → cancelled (with a reason). */
export const TRAINING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  planned: '计划中',
  held: '已举办',
  cancelled: '已取消',
};

/** Seed 004 §11: 每年不少于 2 次 (per institute, held trainings of its subtree). */
export const TRAININGS_PER_YEAR = 2;
/** The longest a session may run (a multi-day course included). */
export const TRAINING_MAX_DAYS = 7;
/** Materials: images and PDF, each at most this size. */
export const TRAINING_MATERIAL_MAX_BYTES = 20 * 1024 * 1024;
export const TRAINING_MATERIAL_MAX_COUNT = 20;
export const TRAINING_MATERIAL_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
