import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../types';
import { ApiErrorAlert } from './ApiErrorAlert';

export interface NewMember {
  email: string;
  name: string;
  role: Role;
  password: string;
}

interface ModalProps<T> {
  open: boolean;
  title: string;
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
}

function useSubmit<T>(onSubmit: (v: T) => Promise<void>, onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

const passwordRules = (t: (k: string) => string) => [
  { required: true, message: t('members.passwordRequired') },
  { min: 8, message: t('members.passwordShort') },
];

export function AddMemberModal({ open, title, onSubmit, onClose }: ModalProps<NewMember>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewMember>();
  const { busy, error, run } = useSubmit(onSubmit, onClose);
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      confirmLoading={busy}
      onOk={() => void form.validateFields().then(run)}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'member-save' }}
    >
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ role: 'operator' }} preserve={false}>
        <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email' }]}>
          <Input data-testid="member-email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('members.name')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="member-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('members.role')}
          rules={[{ required: true }]}
          extra={t('members.roleHelp')}
        >
          <Select
            data-testid="member-role"
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="password" label={t('members.initialPassword')} rules={passwordRules(t)}>
          <Input.Password data-testid="member-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ open, title, onSubmit, onClose }: ModalProps<{ password: string }>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const { busy, error, run } = useSubmit(onSubmit, onClose);
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      confirmLoading={busy}
      onOk={() => void form.validateFields().then(run)}
      onCancel={onClose}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label={t('members.newPassword')} rules={passwordRules(t)}>
          <Input.Password data-testid="reset-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
