import { KeyOutlined, PlusOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { AddMemberModal, type NewMember, ResetPasswordModal } from '../components/MemberModals';
import { errorMessage } from '../errors';
import { useItems } from '../hooks';
import { useSession, useShop } from '../session';
import { type Member, ROLES, type Role } from '../types';

export default function MembersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const { session } = useSession();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<Member | null>(null);
  const base = shopPath(shop.slug, '/members');

  const { items, loading, error, load } = useItems<Member>(base);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await load();
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };

  const add = async (m: NewMember) => {
    await api.post(base, { ...m, email: m.email.trim(), name: m.name.trim() });
    message.success(t('members.added'));
    await load();
  };

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.members')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="add-member"
        >
          {t('members.add')}
        </Button>
      </div>
      <ApiErrorAlert error={error} />
      <Table<Member>
        rowKey="userId"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="members-table"
        columns={[
          {
            title: t('members.name'),
            dataIndex: 'name',
            render: (name: string, m) => (
              <>
                {name} {m.userId === session?.user.id && <Tag>{t('members.you')}</Tag>}
              </>
            ),
          },
          { title: t('login.email'), dataIndex: 'email' },
          {
            title: t('members.role'),
            dataIndex: 'role',
            width: 180,
            render: (role: Role, m) => (
              <Select
                value={role}
                style={{ width: 150 }}
                disabled={m.userId === session?.user.id}
                onChange={(next) =>
                  void act(
                    () => api.patch(`${base}/${encodeURIComponent(m.userId)}`, { role: next }),
                    t('members.roleChanged'),
                  )
                }
                options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
            ),
          },
          {
            key: 'actions',
            width: 240,
            render: (_, m) => (
              <Space>
                <Button icon={<KeyOutlined />} onClick={() => setResetting(m)}>
                  {t('members.resetPassword')}
                </Button>
                <Popconfirm
                  title={t('members.removeConfirm', { name: m.name || m.email })}
                  onConfirm={() =>
                    void act(() => api.del(`${base}/${encodeURIComponent(m.userId)}`), t('members.removed'))
                  }
                >
                  <Button danger icon={<UserDeleteOutlined />} disabled={m.userId === session?.user.id}>
                    {t('members.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <AddMemberModal
        open={adding}
        title={t('members.add')}
        onSubmit={add}
        onClose={() => setAdding(false)}
      />
      <ResetPasswordModal
        open={!!resetting}
        title={t('members.resetFor', { name: resetting?.name || resetting?.email })}
        onClose={() => setResetting(null)}
        onSubmit={async ({ password }) => {
          if (!resetting) return;
          await api.post(`${base}/${encodeURIComponent(resetting.userId)}/reset-password`, { password });
          message.success(t('members.passwordReset'));
        }}
      />
    </div>
  );
}
