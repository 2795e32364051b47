// Trainings (培训, issue 16; seed 004 §11 and §3): the sessions a unit holds for its staff, backbone
// volunteers, new volunteers and 微讲堂 leads — planned, held or cancelled — with their attendance
// (volunteers from the register plus a count of other staff) and materials (images, PDF), and the
// yearly counts per unit (每年不少于2次). It owns trainings, training_attendees and
// training_materials; the assessment reads its figures through trainingFigures.
import { defineModule } from '../../platform/module.ts';
import { trainingsRoutes } from './trainings.routes.ts';

export { trainingFigures, type TrainingFigures } from './figures.ts';

export const trainingsModule = defineModule({
  name: 'trainings',
  description:
    '培训：所站工作人员、文明实践骨干、新招募志愿者和微讲堂负责人的集中培训，签到名单、培训材料与年度统计',
  routes: [trainingsRoutes],
  permissions: ['training.read', 'training.write'],
  tables: ['trainings', 'training_attendees', 'training_materials'],
});
