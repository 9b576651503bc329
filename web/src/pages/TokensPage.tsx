import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CreateTokenModal } from '../components/CreateTokenModal';
import { errorMessage } from '../errors';
import { formatDateTime, useItems } from '../hooks';
import { useShop } from '../session';
import { type ApiToken, PERMISSIONS } from '../types';

export default function TokensPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [creating, setCreating] = useState(false);
  const base = shopPath(shop.slug, '/tokens');
  const permissions = [...new Set([...PERMISSIONS, ...shop.permissions])];

  const { items, loading, error, load } = useItems<ApiToken>(base);

  const revoke = async (token: ApiToken) => {
    try {
      await api.del(`${base}/${encodeURIComponent(token.id)}`);
      message.success(t('tokens.revoked'));
      await load();
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };

  const date = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.tokens')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="create-token"
        >
          {t('tokens.create')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('tokens.help')}</Typography.Paragraph>
      <ApiErrorAlert error={error} />
      <Table<ApiToken>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="tokens-table"
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          {
            title: t('tokens.scopes'),
            dataIndex: 'scopes',
            render: (scopes: string[]) => scopes.map((s) => <Tag key={s}>{s}</Tag>),
          },
          { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: date },
          { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: date },
          {
            key: 'actions',
            width: 140,
            render: (_, tok) =>
              tok.revokedAt ? (
                <Tag color="red">{t('tokens.revokedAt', { at: date(tok.revokedAt) })}</Tag>
              ) : (
                <Popconfirm title={t('tokens.revokeConfirm')} onConfirm={() => void revoke(tok)}>
                  <Button danger icon={<StopOutlined />}>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <CreateTokenModal
        open={creating}
        base={base}
        permissions={permissions}
        onClose={() => setCreating(false)}
        onCreated={() => void load()}
      />
    </div>
  );
}
