// Pieces shared by the service-record dialogs (补录, 手工录入, 更正, 驳回): the reason/description
// rule and the evidence photos a new record must carry.
import { ref, watch, type Ref } from 'vue';
import type { FormInstance, FormItemRule } from 'element-plus';
import type { Photo } from '../../../api/sites';

/** A required free text of 2 to `max` characters (trimmed), e.g. textRule('补录原因', 200). */
export function textRule(subject: string, max: number): FormItemRule {
  return {
    trigger: 'blur',
    validator: (_rule, value: string, callback) => {
      const text = (value ?? '').trim();
      if (text.length < 2) callback(new Error(`请填写${subject}（至少 2 个字）`));
      else if (text.length > max) callback(new Error(`${subject}不超过 ${max} 个字`));
      else callback();
    },
  };
}

/** At least one evidence photo is required. */
export const evidenceRule: FormItemRule = {
  trigger: 'change',
  validator: (_rule, value: Photo[], callback) =>
    value.length === 0 ? callback(new Error('请上传证明材料（照片）')) : callback(),
};

/**
 * The evidence-photo field of a form whose model has `photos`: `uploading` counts uploads in flight
 * (submit waits for them), `uploaderKey` remounts the uploader empty when the dialog reopens
 * (`renew()`), and a photo uploaded after a refused submit clears the field's error at once.
 */
export function useEvidencePhotos(formRef: Ref<FormInstance | undefined>, form: { photos: Photo[] }) {
  const uploaderKey = ref(0);
  const uploading = ref(0);
  watch(
    () => form.photos.length,
    (count) => {
      if (count > 0) formRef.value?.clearValidate(['photos']);
    },
  );
  const renew = (): void => {
    uploaderKey.value += 1;
  };
  return { uploaderKey, uploading, renew };
}
