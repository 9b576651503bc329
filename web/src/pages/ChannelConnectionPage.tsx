import { ArrowLeftOutlined, LinkOutlined, SyncOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { errorMessage } from '../errors';
import { formatDateTime } from '../hooks';
import { useCan, useShop } from '../session';
import type { ChannelConnection, SyncRun } from '../types';

const FIELDS: Record<'shopee' | 'amazon', string[]> = {
  shopee: ['partnerId', 'partnerKey', 'baseUrl'],
  amazon: [
    'clientId',
    'clientSecret',
    'refreshToken',
    'sellerId',
    'region',
    'marketplaceId',
    'endpoint',
    'lwaUrl',
    'productType',
  ],
};
const SECRET = new Set(['partnerKey', 'clientId', 'clientSecret', 'refreshToken']);
const STATUS_COLOR: Record<SyncRun['status'], string> = {
  running: 'blue',
  ok: 'green',
  failed: 'red',
  throttled: 'orange',
};

/** One channel account's API connection: credentials (masked), Shopee authorisation, sync now, runs. */
export default function ChannelConnectionPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const canManage = useCan('channels:manage');
  const base = shopPath(shop.slug, `/channel-accounts/${encodeURIComponent(id)}`);
  const [conn, setConn] = useState<ChannelConnection | null>(null);
  const [runs, setRuns] = useState<SyncRun[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'auth' | 'sync' | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      if (canManage) setConn(await api.get<ChannelConnection>(`${base}/connection`));
      const r = await api.get<{ items: SyncRun[]; nextCursor: string | null }>(`${base}/sync-runs`);
      setRuns(r.items);
      setNextCursor(r.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [base, canManage]);
  useEffect(() => {
    void load();
  }, [load]);

  const more = async () => {
    if (!nextCursor) return;
    const r = await api.get<{ items: SyncRun[]; nextCursor: string | null }>(
      `${base}/sync-runs?cursor=${encodeURIComponent(nextCursor)}`,
    );
    setRuns((old) => [...old, ...r.items]);
    setNextCursor(r.nextCursor);
  };

  const save = async (values: Record<string, unknown>) => {
    setBusy('save');
    try {
      const { syncIntervalMinutes, ...rest } = values;
      const credentials = Object.fromEntries(
        Object.entries(rest).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
      ) as Record<string, string>;
      setConn(
        await api.put<ChannelConnection>(`${base}/credentials`, {
          credentials,
          ...(typeof syncIntervalMinutes === 'number' ? { syncIntervalMinutes } : {}),
        }),
      );
      for (const f of SECRET) form.setFieldValue(f, '');
      message.success(t('channelConnection.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const authorise = async () => {
    setBusy('auth');
    try {
      const r = await api.post<{ url: string }>(`${base}/shopee-authorization`);
      window.location.assign(r.url);
    } catch (e) {
      message.error(errorMessage(e, t));
      setBusy(null);
    }
  };

  const syncNow = async () => {
    setBusy('sync');
    try {
      const run = await api.post<SyncRun>(`${base}/sync`);
      const text = t('channelConnection.synced', {
        ...run,
        status: t(`channelConnection.runStatus.${run.status}`),
      });
      if (run.status === 'ok') message.success(text);
      else message.warning(run.error ? `${text} — ${run.error}` : text);
      await load();
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  const date = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');
  const provider = conn?.provider ?? null;

  return (
    <div data-testid="channel-connection-page">
      <Space style={{ marginBottom: 16 }}>
        <Link to={`/shops/${encodeURIComponent(shop.slug)}/channels`}>
          <ArrowLeftOutlined /> {t('channelConnection.back')}
        </Link>
      </Space>
      <Typography.Title level={3}>{t('channelConnection.title')}</Typography.Title>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      {search.get('authorised') && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('channelConnection.authorisedNow')}
        />
      )}
      {!canManage && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('channelConnection.noPermission')}
        />
      )}
      {canManage && conn && !provider && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('channelConnection.unsupported')} />
      )}
      {canManage && conn && provider && (
        <>
          <Card title={t('channelConnection.status')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('channelConnection.status')}>
                <span data-testid="connection-status">
                  {!conn.configured ? (
                    <Tag>{t('channelConnection.notConfigured')}</Tag>
                  ) : conn.authorised ? (
                    <Tag color="green">{t('channelConnection.authorised')}</Tag>
                  ) : (
                    <Tag color="orange">{t('channelConnection.notAuthorised')}</Tag>
                  )}
                </span>
              </Descriptions.Item>
              {conn.remoteShopId && (
                <Descriptions.Item label={t('channelConnection.remoteShop')}>
                  {conn.remoteShopId}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('channelConnection.syncedUpTo')}>
                {date(conn.syncedUpTo)}
              </Descriptions.Item>
            </Descriptions>
            {conn.resumePending && (
              <Typography.Text type="secondary">{t('channelConnection.resumePending')}</Typography.Text>
            )}
            <Space style={{ marginTop: 12 }}>
              {provider === 'shopee' && conn.configured && (
                <Button
                  icon={<LinkOutlined />}
                  loading={busy === 'auth'}
                  onClick={() => void authorise()}
                  data-testid="shopee-authorise"
                >
                  {t('channelConnection.authorise')}
                </Button>
              )}
              <Button
                type="primary"
                icon={<SyncOutlined />}
                disabled={!conn.authorised}
                loading={busy === 'sync'}
                onClick={() => void syncNow()}
                data-testid="sync-now"
              >
                {t('channelConnection.syncNow')}
              </Button>
            </Space>
          </Card>
          <Card title={t('channelConnection.credentials')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">
              {t('channelConnection.credentialsHelp')}
            </Typography.Paragraph>
            <Form
              form={form}
              layout="vertical"
              style={{ maxWidth: 560 }}
              initialValues={{
                syncIntervalMinutes: conn.syncIntervalMinutes,
                ...Object.fromEntries(Object.entries(conn.credentials).filter(([k]) => !SECRET.has(k))),
              }}
              onFinish={(v) => void save(v)}
              data-testid="credentials-form"
            >
              {FIELDS[provider].map((f) => (
                <Form.Item key={f} name={f} label={t(`channelConnection.fields.${f}`)}>
                  {f === 'region' ? (
                    <Select
                      data-testid={`credential-${f}`}
                      options={['na', 'eu', 'fe'].map((r) => ({
                        value: r,
                        label: t(`channelConnection.regions.${r}`),
                      }))}
                    />
                  ) : SECRET.has(f) ? (
                    <Input.Password
                      autoComplete="new-password"
                      data-testid={`credential-${f}`}
                      placeholder={
                        conn.credentials[f]
                          ? t('channelConnection.keepSaved', { hint: conn.credentials[f] })
                          : ''
                      }
                    />
                  ) : (
                    <Input data-testid={`credential-${f}`} />
                  )}
                </Form.Item>
              ))}
              <Form.Item name="syncIntervalMinutes" label={t('channelConnection.syncInterval')}>
                <InputNumber min={5} max={1440} data-testid="sync-interval" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy === 'save'}
                data-testid="save-credentials"
              >
                {t('channelConnection.save')}
              </Button>
            </Form>
          </Card>
        </>
      )}
      <Card title={t('channelConnection.runs')}>
        <Table<SyncRun>
          rowKey="id"
          size="small"
          dataSource={runs}
          pagination={false}
          data-testid="sync-runs-table"
          columns={[
            { title: t('channelConnection.col.startedAt'), dataIndex: 'startedAt', render: date },
            {
              title: t('channelConnection.col.trigger'),
              dataIndex: 'trigger',
              render: (v: SyncRun['trigger']) => t(`channelConnection.trigger.${v}`),
            },
            {
              title: t('channelConnection.col.status'),
              dataIndex: 'status',
              render: (v: SyncRun['status']) => (
                <Tag color={STATUS_COLOR[v]}>{t(`channelConnection.runStatus.${v}`)}</Tag>
              ),
            },
            { title: t('channelConnection.col.pages'), dataIndex: 'pages' },
            { title: t('channelConnection.col.created'), dataIndex: 'created' },
            { title: t('channelConnection.col.updated'), dataIndex: 'updated' },
            { title: t('channelConnection.col.unchanged'), dataIndex: 'unchanged' },
            { title: t('channelConnection.col.failed'), dataIndex: 'failed' },
            {
              title: t('channelConnection.col.error'),
              dataIndex: 'error',
              render: (v: string | null) => v ?? '',
            },
          ]}
        />
        {nextCursor && (
          <Button style={{ marginTop: 12 }} onClick={() => void more()} data-testid="sync-runs-more">
            {t('channelConnection.loadMore')}
          </Button>
        )}
      </Card>
    </div>
  );
}
