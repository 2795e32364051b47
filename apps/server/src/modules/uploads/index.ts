// Uploads: images kept in the database and served within the caller's data scope.
import { defineModule } from '../../platform/module.ts';
import { uploadsRoutes } from './uploads.routes.ts';

export { attachUploads, cleanFileName, detectImageType, uploadUrl } from './uploads.service.ts';
export {
  readRecordDocument,
  readRecordImage,
  storeRecordDocument,
  storeRecordImage,
  type StoredImage,
} from './record-images.ts';

export const uploadsModule = defineModule({
  name: 'uploads',
  description: '图片上传（存数据库，按数据范围访问）',
  routes: [uploadsRoutes],
  tables: ['uploads'],
});
