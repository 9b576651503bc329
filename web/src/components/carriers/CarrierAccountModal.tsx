import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CarrierAccount } from '../../types-carriers';
import { ApiErrorAlert } from '../ApiErrorAlert';

/** Credential fields per carrier; all are write-only. */
const FIELDS: Record<CarrierAccount['carrier'], { name: string; required: boolean }[]> = {
  '4px': [
    { name: 'appKey', required: true },
    { name: 'appSecret', required: true },
    { name: 'accessToken', required: false },
  ],
  yunexpress: [
    { name: 'customerCode', required: true },
    { name: 'apiSecret', required: true },
  ],
};
const ALL_FIELDS = [...new Set(Object.values(FIELDS).flatMap((f) => f.map((x) => x.name)))];

interface Props {
  open: boolean;
  /** The account being edited, or null to add one. */
  account: CarrierAccount | null;
  basePath: string;
  onClose: () => void;
  onSaved: (a: CarrierAccount) => void;
}

/**
 * Add or edit a carrier account. Credentials are write-only: the inputs start empty with the
 * saved mask as placeholder, and empty inputs keep the saved value.
 */
export function CarrierAccountModal({ open, account, basePath, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const carrier = (Form.useWatch('carrier', form) ?? account?.carrier ?? '4px') as CarrierAccount['carrier'];

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      account
        ? { ...account, baseUrl: account.baseUrl ?? '' }
        : { carrier: '4px', environment: 'sandbox', active: true, productCode: '' },
    );
  }, [open, account, form]);

  const submit = async (v: Record<string, unknown>) => {
    setSaving(true);
    try {
      const credentials = Object.fromEntries(
        ALL_FIELDS.map((k) => [k, String(v[k] ?? '').trim()]).filter(([, x]) => x !== ''),
      );
      const body = {
        name: v.name,
        environment: v.environment,
        baseUrl: String(v.baseUrl ?? '').trim() || null,
        productCode: v.productCode,
        active: v.active,
        credentials,
      };
      const saved = account
        ? await api.patch<CarrierAccount>(`${basePath}/${account.id}`, body)
        : await api.post<CarrierAccount>(basePath, { ...body, carrier: v.carrier });
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('carriers.required') }];
  return (
    <Modal
      open={open}
      title={account ? t('carriers.edit') : t('carriers.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('carriers.save')}
      cancelText={t('carriers.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'carrier-save' } as Record<string, string>}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="carrier-form">
        <Form.Item name="carrier" label={t('carriers.fields.carrier')} rules={required}>
          <Select
            disabled={!!account}
            data-testid="carrier-carrier"
            options={(['4px', 'yunexpress'] as const).map((c) => ({
              value: c,
              label: t(`carriers.carrierNames.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('carriers.fields.name')} rules={required}>
          <Input data-testid="carrier-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="environment" label={t('carriers.fields.environment')} rules={required}>
          <Select
            data-testid="carrier-environment"
            options={(['sandbox', 'production'] as const).map((e) => ({
              value: e,
              label: t(`carriers.environments.${e}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="baseUrl"
          label={t('carriers.fields.baseUrl')}
          extra={t('carriers.fields.baseUrlHelp')}
        >
          <Input data-testid="carrier-baseUrl" placeholder="https://open-test.4px.com" />
        </Form.Item>
        <Form.Item name="productCode" label={t('carriers.fields.productCode')} rules={required}>
          <Input data-testid="carrier-productCode" maxLength={40} />
        </Form.Item>
        {FIELDS[carrier].map(({ name: k, required: needed }) => (
          <Form.Item
            key={k}
            name={k}
            label={t(`carriers.fields.${k}`)}
            extra={account ? t('carriers.secretHelp') : undefined}
            rules={!account && needed ? required : []}
          >
            <Input.Password
              autoComplete="new-password"
              data-testid={`carrier-${k}`}
              placeholder={
                account?.credentials[k]
                  ? t('carriers.savedMask', { mask: account.credentials[k] })
                  : undefined
              }
            />
          </Form.Item>
        ))}
        <Form.Item name="active" label={t('carriers.fields.active')} valuePropName="checked">
          <Switch data-testid="carrier-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
