// Notifications: in-app messages for console staff (the bell: their org's, and their own) and for
// volunteers on H5, and the outbound queue to the SMS/WeChat gateway (webhook_outbox) with its
// signed, retried delivery.
import { defineModule } from '../../platform/module.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { webhookJob } from './webhook.job.ts';

export { notifyOrg, notifyUsers, notifyVolunteers, type NotificationContent } from './notify.ts';
export { queueOutboundMessage, type OutboundMessage } from './outbox.ts';
export { signWebhook, webhookJob } from './webhook.job.ts';

export const notificationsModule = defineModule({
  name: 'notifications',
  description: '消息提醒：管理端与志愿者 H5，外发短信/微信网关（Webhook）',
  routes: [notificationsRoutes],
  jobs: [webhookJob],
  tables: ['notifications', 'webhook_outbox'],
});
