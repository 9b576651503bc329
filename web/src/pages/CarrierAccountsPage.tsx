import { ApiOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CarrierAccountModal } from '../components/carriers/CarrierAccountModal';
import { CarrierLabelsTable } from '../components/carriers/CarrierLabelsTable';
import { errorMessage } from '../errors';
import { formatDateTime } from '../hooks';
import { useCan, useShop } from '../session';
import type { CarrierAccount, CarrierTestResult } from '../types-carriers';

/** Carrier API accounts (route logistics/carriers): list, add/edit, test connection. */
export default function CarrierAccountsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canManage = useCan('logistics:manage');
  const canShip = useCan('shipping:write');
  const base = shopPath(shop.slug, '/carrier-accounts');
  const [items, setItems] = useState<CarrierAccount[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<CarrierAccount | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [testing, setTesting] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: CarrierAccount[] }>(base)).items);
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

  const test = async (a: CarrierAccount) => {
    setTesting(a.id);
    try {
      const r = await api.post<CarrierTestResult>(`${base}/${a.id}/test`);
      if (r.ok) message.success(r.message);
      else message.error(r.message);
      await load();
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setTesting(null);
    }
  };

  const open = (a: CarrierAccount | null) => {
    setEditing(a);
    setModalOpen(true);
  };

  return (
    <div data-testid="carrier-accounts-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{t('carriers.title')}</Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="carrier-add">
            {t('carriers.add')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('carriers.intro')}</Typography.Paragraph>
      {!canManage && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('carriers.noPermission')} />
      )}
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Table<CarrierAccount>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="carrier-accounts-table"
        locale={{ emptyText: t('carriers.empty') }}
        columns={[
          { title: t('carriers.columns.name'), dataIndex: 'name' },
          {
            title: t('carriers.columns.carrier'),
            dataIndex: 'carrier',
            render: (c: string) => t(`carriers.carrierNames.${c}`),
          },
          {
            title: t('carriers.columns.environment'),
            dataIndex: 'environment',
            render: (e: CarrierAccount['environment']) => (
              <Tag color={e === 'production' ? 'blue' : 'default'}>{t(`carriers.environments.${e}`)}</Tag>
            ),
          },
          { title: t('carriers.columns.productCode'), dataIndex: 'productCode' },
          {
            title: t('carriers.columns.credentials'),
            key: 'credentials',
            render: (_, a) => (
              <span data-testid={`carrier-credentials-${a.id}`}>
                {Object.entries(a.credentials)
                  .map(([k, v]) => `${t(`carriers.fields.${k}`)} ${v}`)
                  .join(' · ')}
              </span>
            ),
          },
          {
            title: t('carriers.columns.lastTest'),
            key: 'lastTest',
            render: (_, a) => (
              <span data-testid={`carrier-test-result-${a.id}`}>
                {!a.lastTest ? (
                  <Tag>{t('carriers.never')}</Tag>
                ) : (
                  <>
                    <Tag color={a.lastTest.ok ? 'green' : 'red'}>
                      {a.lastTest.ok ? t('carriers.testOk') : t('carriers.testFailed')}
                    </Tag>
                    <Typography.Text type="secondary">
                      {a.lastTest.message} · {formatDateTime(a.lastTest.at, i18n.language)}
                    </Typography.Text>
                  </>
                )}
              </span>
            ),
          },
          {
            title: t('carriers.columns.status'),
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? <Tag color="green">{t('carriers.active')}</Tag> : <Tag>{t('carriers.inactive')}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: t('carriers.columns.actions'),
                  key: 'actions',
                  render: (_: unknown, a: CarrierAccount) => (
                    <Space>
                      <Button
                        icon={<EditOutlined />}
                        onClick={() => open(a)}
                        data-testid={`carrier-edit-${a.id}`}
                      >
                        {t('carriers.edit')}
                      </Button>
                      <Button
                        icon={<ApiOutlined />}
                        loading={testing === a.id}
                        onClick={() => void test(a)}
                        data-testid={`carrier-test-${a.id}`}
                      >
                        {t('carriers.test')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CarrierLabelsTable basePath={shopPath(shop.slug, '/carrier-labels')} canWrite={canShip} />
      <CarrierAccountModal
        open={modalOpen}
        account={editing}
        basePath={base}
        onClose={() => setModalOpen(false)}
        onSaved={() => {
          setModalOpen(false);
          message.success(t('carriers.saved'));
          void load();
        }}
      />
    </div>
  );
}
