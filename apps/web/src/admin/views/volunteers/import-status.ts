// Import job statuses: labels, tag colours, and which ones still change (and are polled).
import type { ImportStatus } from '../../../api/volunteers';
import type { TagType } from '../../components/tag-types';

export const IMPORT_STATUS: Record<ImportStatus, { label: string; type: TagType }> = {
  validating: { label: '校验中', type: 'primary' },
  validated: { label: '待确认导入', type: 'warning' },
  importing: { label: '导入中', type: 'primary' },
  done: { label: '已完成', type: 'success' },
  failed: { label: '失败', type: 'danger' },
};

export function isRunning(status: ImportStatus): boolean {
  return status === 'validating' || status === 'importing';
}
