// 代点单: the form model, its rules and the conversion to POST /api/orders' body.
import { CONTACT_PHONE_MESSAGE, isContactPhone, type ServiceCategory } from '@civic/contracts';
import type { FormRules } from 'element-plus';
import type { StaffOrderInput } from '../../../api/orders';

export interface OrderCreateForm {
  channel: 'phone' | 'visit';
  stationId: number | null;
  menuItemId: number | null;
  serviceCategory: ServiceCategory | '';
  description: string;
  address: string;
  contactName: string;
  contactPhone: string;
  preferredAt: Date | null;
}

export function emptyOrderForm(stationId: number | null = null): OrderCreateForm {
  return {
    channel: 'phone',
    stationId,
    menuItemId: null,
    serviceCategory: '',
    description: '',
    address: '',
    contactName: '',
    contactPhone: '',
    preferredAt: null,
  };
}

const required = (message: string, trigger: 'blur' | 'change' = 'blur') => ({
  required: true,
  whitespace: true,
  message,
  trigger,
});

/** `hasMenuItem` tells whether a menu item was chosen (then the category comes from it). */
export function orderFormRules(hasMenuItem: () => boolean): FormRules<OrderCreateForm> {
  return {
    channel: [required('请选择来源', 'change')],
    stationId: [{ required: true, message: '请选择群众所在的村（社区）', trigger: 'change' }],
    serviceCategory: [
      {
        validator: (_rule, value: string, callback) => {
          if (!value && !hasMenuItem()) callback(new Error('请选择服务类别或服务项目'));
          else callback();
        },
        trigger: 'change',
      },
    ],
    description: [
      required('请填写需求描述'),
      { max: 500, message: '需求描述不超过 500 个字', trigger: 'blur' },
    ],
    address: [required('请填写服务地址'), { max: 120, message: '服务地址不超过 120 个字', trigger: 'blur' }],
    contactName: [required('请填写联系人'), { max: 30, message: '联系人不超过 30 个字', trigger: 'blur' }],
    contactPhone: [
      required('请填写联系电话'),
      {
        validator: (_rule, value: string, callback) => {
          // a mobile or a landline with its area code: many elderly residents have only a landline
          if (value && !isContactPhone(value)) callback(new Error(CONTACT_PHONE_MESSAGE));
          else callback();
        },
        trigger: 'blur',
      },
    ],
    preferredAt: [
      {
        validator: (_rule, value: Date | null, callback) => {
          if (value && value.getTime() < Date.now() - 60_000) callback(new Error('期望时间不能早于现在'));
          else callback();
        },
        trigger: 'change',
      },
    ],
  };
}

/** Body for POST /api/orders: with a menu item the server takes the category from it. */
export function toOrderBody(form: OrderCreateForm): StaffOrderInput {
  const body: StaffOrderInput = {
    channel: form.channel,
    stationId: form.stationId as number,
    description: form.description.trim(),
    address: form.address.trim(),
    contactName: form.contactName.trim(),
    contactPhone: form.contactPhone.trim(),
  };
  if (form.menuItemId) body.menuItemId = form.menuItemId;
  else if (form.serviceCategory) body.serviceCategory = form.serviceCategory;
  if (form.preferredAt) body.preferredAt = form.preferredAt.toISOString();
  return body;
}
