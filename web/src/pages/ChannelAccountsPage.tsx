import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CHANNELS } from '../components/orders/OrderFilters';
import { formatDateTime, useItems } from '../hooks';
import { useCan, useShop } from '../session';
import type { ChannelAccountFull } from '../types';

/** Channels with an API connection page (Shopee Open Platform, Amazon SP-API). */
const CONNECTABLE = new Set(['shopee', 'amazon']);

interface Values {
  channel: string;
  name: string;
  marketplace?: string;
}

/** The shop's sales channels: marketplaces, own store, social, offline. Create and rename here. */
export default function ChannelAccountsPage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const canWrite = useCan('orders:write');
  const accounts = useItems<ChannelAccountFull>(shopPath(shop.slug, '/channel-accounts'));
  const [editing, setEditing] = useState<ChannelAccountFull | 'new' | null>(null);
  const base = `/shops/${encodeURIComponent(shop.slug)}/channels`;

  const columns: ColumnsType<ChannelAccountFull> = [
    {
      title: t('stock.name'),
      dataIndex: 'name',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('adminOps.channels.channel'),
      dataIndex: 'channel',
      render: (v: string) => t(`channels.${v}`, { defaultValue: v }),
    },
    {
      title: t('adminOps.channels.marketplace'),
      dataIndex: 'marketplace',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('adminOps.channels.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      key: 'actions',
      render: (_, a) => (
        <Space size="middle" wrap>
          {canWrite && (
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid="channel-edit"
              onClick={() => setEditing(a)}
            >
              {t('adminOps.channels.edit')}
            </Button>
          )}
          {CONNECTABLE.has(a.channel) && (
            <Link to={`${base}/${a.id}/connection`} data-testid="channel-connection-link">
              {t('adminOps.channels.connection')}
            </Link>
          )}
          <Link to={`${base}/${a.id}/stock`} data-testid="channel-stock-link">
            {t('adminOps.channels.stock')}
          </Link>
          <Link to={`${base}/${a.id}/shipments`} data-testid="channel-shipments-link">
            {t('shipmentConfirmations.link')}
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3}>{t('adminOps.channels.title')}</Typography.Title>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="channel-new"
            onClick={() => setEditing('new')}
          >
            {t('adminOps.channels.add')}
          </Button>
        )}
      </div>
      <ApiErrorAlert error={accounts.error} />
      <Table<ChannelAccountFull>
        rowKey="id"
        data-testid="channels-table"
        loading={accounts.loading}
        columns={columns}
        dataSource={accounts.items}
        pagination={false}
        locale={{ emptyText: t('adminOps.channels.empty') }}
        onRow={(a) =>
          ({ 'data-testid': 'channel-row', 'data-channel': a.channel }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {editing && (
        <ChannelAccountModal
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void accounts.load();
          }}
        />
      )}
    </div>
  );
}

function ChannelAccountModal(props: {
  account: ChannelAccountFull | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const channel = Form.useWatch('channel', form) ?? props.account?.channel;

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    const marketplace = v.marketplace?.trim() || null;
    try {
      if (props.account)
        await api.patch(shopPath(shop.slug, `/channel-accounts/${props.account.id}`), {
          name: v.name,
          marketplace,
        });
      else
        await api.post(shopPath(shop.slug, '/channel-accounts'), {
          channel: v.channel,
          name: v.name,
          marketplace,
        });
      message.success(t('adminOps.channels.saved'));
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('stock.required') }];
  return (
    <Modal
      open
      title={props.account ? t('adminOps.channels.editTitle') : t('adminOps.channels.add')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'channel-save' }}
    >
      <ApiErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          props.account
            ? {
                channel: props.account.channel,
                name: props.account.name,
                marketplace: props.account.marketplace ?? '',
              }
            : undefined
        }
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="channel"
          label={t('adminOps.channels.channel')}
          rules={required}
          extra={props.account ? t('adminOps.channels.channelFixed') : undefined}
        >
          <Select
            data-testid="channel-channel"
            disabled={Boolean(props.account)}
            options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('stock.name')} rules={required}>
          <Input maxLength={100} data-testid="channel-name" placeholder={t('adminOps.channels.nameHint')} />
        </Form.Item>
        <Form.Item
          name="marketplace"
          label={t('adminOps.channels.marketplace')}
          extra={t(
            channel === 'amazon'
              ? 'adminOps.channels.marketplaceAmazon'
              : channel === 'shopee' || channel === 'tiktok' || channel === 'lazada'
                ? 'adminOps.channels.marketplaceCountry'
                : 'adminOps.channels.marketplaceOptional',
          )}
        >
          <Input maxLength={20} data-testid="channel-marketplace" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
