// Tag colours for the project stages and the menu-item statuses (labels from @civic/contracts).
import type { MenuItemStatus, ProjectStatus } from '@civic/contracts';
import type { TagType } from '../../components/tag-types';

export const PROJECT_STATUS_TAG: Record<ProjectStatus, TagType> = {
  established: 'info',
  recruiting: 'warning',
  implementing: 'primary',
  evaluating: 'success',
  optimizing: 'warning',
};

export const MENU_ITEM_STATUS_TAG: Record<MenuItemStatus, TagType> = {
  published: 'success',
  withdrawn: 'info',
};
