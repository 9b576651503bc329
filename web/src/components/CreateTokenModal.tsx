import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ApiErrorAlert } from './ApiErrorAlert';

interface Props {
  open: boolean;
  base: string;
  permissions: string[];
  onClose: () => void;
  onCreated: () => void;
}

/** Create a token, then show it once with a copy button. */
export function CreateTokenModal({ open, base, permissions, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; scopes: string[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [token, setToken] = useState<string | null>(null);

  const close = () => {
    setToken(null);
    setError(null);
    onClose();
  };

  const create = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ id: string; token: string }>(base, {
        name: values.name.trim(),
        scopes: values.scopes,
      });
      setToken(res.token);
      onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token);
      message.success(t('tokens.copied'));
    } catch {
      message.warning(t('tokens.copyManually'));
    }
  };

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      onCancel={close}
      destroyOnHidden
      footer={
        token ? (
          <Button type="primary" onClick={close} data-testid="token-done">
            {t('tokens.done')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void create()}
              data-testid="token-create-submit"
            >
              {t('tokens.create')}
            </Button>
          </Space>
        )
      }
    >
      {token ? (
        <>
          <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 16 }} />
          <Space.Compact style={{ width: '100%' }}>
            <Input readOnly value={token} data-testid="token-value" style={{ fontFamily: 'monospace' }} />
            <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="token-copy">
              {t('tokens.copy')}
            </Button>
          </Space.Compact>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('tokens.usage')}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <ApiErrorAlert error={error} />
          <Form form={form} layout="vertical" initialValues={{ scopes: ['catalog:read'] }} preserve={false}>
            <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true }]}>
              <Input placeholder={t('tokens.namePlaceholder')} data-testid="token-name" />
            </Form.Item>
            <Form.Item
              name="scopes"
              label={t('tokens.scopes')}
              rules={[{ required: true, type: 'array', min: 1, message: t('tokens.scopesRequired') }]}
            >
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                options={permissions.map((p) => ({
                  value: p,
                  label: `${t(`permissions.${p.replace(':', '_')}`)} (${p})`,
                }))}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
