import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { type LogisticsService, serviceModes } from '../../types-logistics';
import { ApiErrorAlert } from '../ApiErrorAlert';

const carriers = [
  'yunexpress',
  '4px',
  'yanwen',
  'cainiao',
  'chinapost',
  'ems',
  'sfexpress',
  'dhl',
  'ups',
  'fedex',
  'usps',
  'royalmail',
  'postnl',
  'correos',
  'laposte',
  'deutschepost',
  'auspost',
  'canadapost',
  'japanpost',
  'jtexpress',
  'zto',
  'yto',
  'sto',
  'yunda',
  'jd',
  'railway',
  'sea',
  'other',
];

/** Create or edit a logistics service. */
export function ServiceModal(props: {
  open: boolean;
  service: LogisticsService | null;
  base: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (props.open) {
      setError(null);
      form.setFieldsValue(
        props.service ?? {
          code: '',
          name: '',
          carrier: 'yunexpress',
          mode: 'postal',
          active: true,
          promisedDays: null,
          notes: '',
        },
      );
    }
  }, [props.open, props.service, form]);
  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, notes: v.notes || null, promisedDays: v.promisedDays ?? null };
    setSaving(true);
    try {
      if (props.service) await api.patch(`${props.base}/services/${props.service.id}`, body);
      else await api.post(`${props.base}/services`, body);
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.service ? t('logistics.edit') : t('logistics.add')}
      onCancel={props.onClose}
      onOk={save}
      okText={t('logistics.save')}
      cancelText={t('logistics.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'service-save' } as Record<string, string>}
    >
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={t('logistics.fields.code')} rules={[{ required: true }]}>
          <Input data-testid="service-code" maxLength={64} />
        </Form.Item>
        <Form.Item name="name" label={t('logistics.fields.name')} rules={[{ required: true }]}>
          <Input data-testid="service-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="carrier" label={t('logistics.fields.carrier')} rules={[{ required: true }]}>
          <Select
            data-testid="service-carrier"
            showSearch
            options={carriers.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('logistics.fields.mode')} rules={[{ required: true }]}>
          <Select
            data-testid="service-mode"
            options={serviceModes.map((m) => ({ value: m, label: t(`logistics.modes.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="promisedDays" label={t('logistics.fields.promisedDays')}>
          <InputNumber min={1} max={365} data-testid="service-promised" />
        </Form.Item>
        <Form.Item name="active" label={t('logistics.fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="notes" label={t('logistics.fields.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
