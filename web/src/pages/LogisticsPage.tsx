import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ImportSheetModal } from '../components/logistics/ImportSheetModal';
import { RulesTab } from '../components/logistics/RulesTab';
import { ServiceModal } from '../components/logistics/ServiceModal';
import { useCan, useShop } from '../session';
import type { LogisticsService } from '../types-logistics';

/** Logistics services (route logistics): services with rate-card import, and assignment rules. */
export default function LogisticsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canManage = useCan('logistics:manage');
  const base = shopPath(shop.slug, '/logistics');
  const link = `/shops/${encodeURIComponent(shop.slug)}/logistics`;
  const [items, setItems] = useState<LogisticsService[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<LogisticsService | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [importing, setImporting] = useState<LogisticsService | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: LogisticsService[] }>(`${base}/services`)).items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);

  const services = (
    <>
      {canManage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => {
            setEditing(null);
            setModalOpen(true);
          }}
          data-testid="service-add"
        >
          {t('logistics.add')}
        </Button>
      )}
      <Table<LogisticsService>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="services-table"
        locale={{ emptyText: t('logistics.empty') }}
        columns={[
          {
            title: t('logistics.columns.code'),
            dataIndex: 'code',
            render: (c: string, s) => (
              <Link to={`${link}/services/${s.id}`} data-testid={`service-link-${c}`}>
                {c}
              </Link>
            ),
          },
          { title: t('logistics.columns.name'), dataIndex: 'name' },
          { title: t('logistics.columns.carrier'), dataIndex: 'carrier' },
          {
            title: t('logistics.columns.mode'),
            dataIndex: 'mode',
            render: (m: string) => t(`logistics.modes.${m}`),
          },
          {
            title: t('logistics.columns.card'),
            key: 'card',
            render: (_: unknown, s: LogisticsService) =>
              s.currentCard ? (
                <span data-testid={`service-card-${s.code}`}>
                  {t('logistics.cardVersion', { version: s.currentCard.version, count: s.versions ?? 1 })} ·{' '}
                  {s.currentCard.currency}
                </span>
              ) : (
                <Tag color="orange">{t('logistics.noCard')}</Tag>
              ),
          },
          {
            title: t('logistics.columns.promisedDays'),
            dataIndex: 'promisedDays',
            render: (d: number | null) => d ?? '—',
          },
          {
            title: t('logistics.columns.status'),
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? <Tag color="green">{t('logistics.active')}</Tag> : <Tag>{t('logistics.inactive')}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: t('logistics.columns.actions'),
                  key: 'actions',
                  render: (_: unknown, s: LogisticsService) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<UploadOutlined />}
                        onClick={() => setImporting(s)}
                        data-testid={`service-import-${s.code}`}
                      >
                        {t('logistics.import')}
                      </Button>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => {
                          setEditing(s);
                          setModalOpen(true);
                        }}
                      >
                        {t('logistics.edit')}
                      </Button>
                      <Popconfirm
                        title={t('logistics.delete')}
                        onConfirm={async () => {
                          await api.del(`${base}/services/${s.id}`);
                          message.success(t('logistics.deleted'));
                          await load();
                        }}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );

  return (
    <div data-testid="logistics-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{t('logistics.title')}</Typography.Title>
        <Space>
          <Link to={`${link}/quote`} data-testid="quote-link">
            {t('logistics.quoteLink')}
          </Link>
          <Link to={`${link}/carriers`}>{t('logistics.carriersLink')}</Link>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('logistics.intro')}</Typography.Paragraph>
      {!canManage && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('logistics.noPermission')} />
      )}
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Tabs
        items={[
          { key: 'services', label: t('logistics.tabs.services'), children: services },
          {
            key: 'rules',
            label: <span data-testid="rules-tab-label">{t('logistics.tabs.rules')}</span>,
            children: <RulesTab base={base} services={items} canManage={canManage} />,
          },
        ]}
      />
      <ServiceModal
        open={modalOpen}
        service={editing}
        base={base}
        onClose={() => setModalOpen(false)}
        onSaved={() => {
          setModalOpen(false);
          message.success(t('logistics.saved'));
          void load();
        }}
      />
      <ImportSheetModal
        service={importing}
        base={base}
        onClose={() => setImporting(null)}
        onImported={() => void load()}
      />
    </div>
  );
}
