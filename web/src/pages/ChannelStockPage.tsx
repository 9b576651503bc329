import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, isApiError, shopPath, withQuery } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { RulesForm } from '../components/availability/StockRulesForm';
import { CursorPager, useCursorPages } from '../cursorPages';
import { formatDateTime, useDebounced, useItems } from '../hooks';
import { useCan, useShop } from '../session';
import type { AvailableStockRow, ChannelAccountFull, ChannelStockFile, StockPushResult } from '../types';

const formatsOf = (channel: string): ('amazon' | 'shopee')[] =>
  channel === 'amazon'
    ? ['amazon']
    : channel === 'shopee'
      ? ['shopee']
      : channel === 'other'
        ? ['amazon', 'shopee']
        : [];

/**
 * Available-to-sell of one channel account: channel SKU → Cunkou SKUs, stock per feeding
 * warehouse, what the channel should show after buffer/share/cap, what it last accepted; the rules
 * form; push through the API or download the channel's upload file and mark it uploaded.
 */
export default function ChannelStockPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const { id = '' } = useParams();
  const canManage = useCan('channels:manage');
  const base = shopPath(shop.slug, `/channel-accounts/${id}`);
  const accounts = useItems<ChannelAccountFull>(shopPath(shop.slug, '/channel-accounts'));
  const account = accounts.items.find((a) => a.id === id);
  const files = useItems<ChannelStockFile>(`${base}/stock-files`);
  const [search, setSearch] = useState('');
  const sku = useDebounced(search.trim());
  const [changed, setChanged] = useState(false);
  const pages = useCursorPages<AvailableStockRow>(`${base}/available-stock`, { sku, changed, limit: 50 });
  const [pushing, setPushing] = useState(false);
  const [pushError, setPushError] = useState<unknown>(null);
  const [noConnector, setNoConnector] = useState(false);
  const [result, setResult] = useState<StockPushResult | null>(null);
  const num = (v: number) => v.toLocaleString(i18n.language);

  const push = async (full: boolean) => {
    setPushing(true);
    setPushError(null);
    setNoConnector(false);
    try {
      const res = await api.post<StockPushResult>(`${base}/stock-pushes`, { full });
      if (res.sent === 0) message.info(t('availability.pushNothing'));
      else setResult(res);
      pages.reload();
    } catch (e) {
      if (isApiError(e) && e.code === 'PROVIDER_NOT_CONFIGURED') setNoConnector(true);
      else setPushError(e);
    } finally {
      setPushing(false);
    }
  };

  const markUploaded = async (fileId: string) => {
    try {
      const res = await api.post<{ marked: number }>(
        shopPath(shop.slug, `/channel-stock-files/${fileId}/uploaded`),
      );
      message.success(t('availability.markedUploaded', { n: res.marked }));
      void files.load();
      pages.reload();
    } catch (e) {
      setPushError(e);
    }
  };

  const columns: ColumnsType<AvailableStockRow> = [
    {
      title: t('availability.channelSku'),
      dataIndex: 'channelSku',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('availability.cunkouSkus'),
      key: 'components',
      render: (_, r) =>
        r.components.length ? (
          <Space direction="vertical" size={0}>
            {r.components.map((c) => (
              <span key={c.variantId}>
                <Typography.Text code>{c.sku}</Typography.Text>
                {c.quantity > 1 ? ` × ${c.quantity}` : ''}
              </span>
            ))}
            {r.mappedBy && (
              <Typography.Text type="secondary">{t(`availability.mappedBy.${r.mappedBy}`)}</Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('availability.perWarehouse'),
      key: 'byWarehouse',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          {r.components.map((c) => (
            <span key={c.variantId}>
              {r.components.length > 1 ? `${c.sku}: ` : ''}
              {Object.entries(c.byWarehouse)
                .map(([code, n]) => `${code} ${num(n)}`)
                .join(' · ') || '0'}
            </span>
          ))}
        </Space>
      ),
    },
    { title: t('availability.pool'), dataIndex: 'pool', align: 'right', render: num },
    {
      title: t('availability.toShow'),
      dataIndex: 'quantity',
      align: 'right',
      render: (v: number | null, r) =>
        v == null ? (
          '—'
        ) : (
          <Space size={4}>
            <Typography.Text strong data-testid="channel-stock-quantity">
              {num(v)}
            </Typography.Text>
            {r.override?.fixedQuantity != null && <Tag>{t('availability.fixed')}</Tag>}
          </Space>
        ),
    },
    {
      title: t('availability.lastPushed'),
      key: 'lastPushed',
      render: (_, r) =>
        r.lastPushed ? (
          <span>
            {num(r.lastPushed.quantity)}{' '}
            <Typography.Text type="secondary">
              {t(`availability.source.${r.lastPushed.source}`)} ·{' '}
              {formatDateTime(r.lastPushed.at, i18n.language)}
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('availability.state'),
      key: 'state',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          {r.status === 'unmapped' && <Tag color="warning">{t('availability.unmapped')}</Tag>}
          {r.status === 'do_not_sync' && <Tag>{t('availability.doNotSync')}</Tag>}
          {r.status === 'ok' &&
            (r.changed ? (
              <Tag color="processing" data-testid="channel-stock-changed">
                {t('availability.changed')}
              </Tag>
            ) : (
              <Tag color="success">{t('availability.inSync')}</Tag>
            ))}
          {r.lastAttempt?.outcome === 'refused' && (
            <Typography.Text type="danger">
              {t('availability.refused', { message: r.lastAttempt.message ?? '' })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Link to={`/shops/${encodeURIComponent(shop.slug)}/channels`}>{t('availability.back')}</Link>
      </Space>
      <Typography.Title level={3}>{t('availability.title', { name: account?.name ?? '' })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('availability.intro')}</Typography.Paragraph>
      <ApiErrorAlert error={pushError} onClose={() => setPushError(null)} />
      {noConnector && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="channel-stock-no-connector"
          title={t('availability.noConnector')}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        {canManage && (
          <>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={pushing}
              onClick={() => void push(false)}
              data-testid="channel-stock-push"
            >
              {t('availability.push')}
            </Button>
            <Button loading={pushing} onClick={() => void push(true)} data-testid="channel-stock-push-all">
              {t('availability.pushAll')}
            </Button>
          </>
        )}
        {account &&
          formatsOf(account.channel).map((format) => (
            <Space key={format} size={4}>
              <a
                href={withQuery(`${base}/stock-file`, { format })}
                download
                data-testid={`channel-stock-download-${format}`}
                onClick={() => setTimeout(() => void files.load(), 1500)}
              >
                <Button icon={<DownloadOutlined />}>
                  {t('availability.download', { format: t(`availability.format.${format}`) })}
                </Button>
              </a>
              <a
                href={withQuery(`${base}/stock-file`, { format, full: true })}
                download
                onClick={() => setTimeout(() => void files.load(), 1500)}
              >
                {t('availability.downloadAll')}
              </a>
            </Space>
          ))}
      </Space>

      <Space style={{ marginBottom: 12 }} wrap>
        <Input
          allowClear
          placeholder={t('availability.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 220 }}
          data-testid="channel-stock-search"
        />
        <Space>
          <Switch checked={changed} onChange={setChanged} data-testid="channel-stock-changed-only" />
          {t('availability.changedOnly')}
        </Space>
      </Space>
      <ApiErrorAlert error={pages.error} />
      <Table<AvailableStockRow>
        rowKey="channelSku"
        size="small"
        data-testid="channel-stock-table"
        loading={pages.loading}
        columns={columns}
        dataSource={pages.page?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('availability.empty') }}
        onRow={(r) =>
          ({
            'data-testid': 'channel-stock-row',
            'data-sku': r.channelSku,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <CursorPager pages={pages as never} />

      {files.items.length > 0 && (
        <Card size="small" title={t('availability.files')} style={{ marginTop: 24 }}>
          <Table<ChannelStockFile>
            rowKey="id"
            size="small"
            pagination={false}
            data-testid="channel-stock-files"
            dataSource={files.items}
            columns={[
              {
                title: t('availability.fileCreated'),
                dataIndex: 'createdAt',
                render: (v: string) => formatDateTime(v, i18n.language),
              },
              {
                title: t('availability.fileFormat'),
                dataIndex: 'format',
                render: (v: string) => t(`availability.format.${v}`),
              },
              { title: t('availability.fileItems'), dataIndex: 'items', align: 'right' },
              {
                title: t('availability.fileUploaded'),
                key: 'uploaded',
                render: (_, f) =>
                  f.uploadedAt ? (
                    formatDateTime(f.uploadedAt, i18n.language)
                  ) : canManage ? (
                    <Button
                      size="small"
                      onClick={() => void markUploaded(f.id)}
                      data-testid="channel-stock-mark-uploaded"
                    >
                      {t('availability.markUploaded')}
                    </Button>
                  ) : (
                    t('availability.notUploaded')
                  ),
              },
            ]}
          />
        </Card>
      )}

      <RulesForm base={base} canManage={canManage} onSaved={() => pages.reload()} />

      <Modal
        open={!!result}
        onCancel={() => setResult(null)}
        footer={null}
        title={t('availability.outcomes')}
        width={640}
      >
        {result && (
          <>
            <Typography.Paragraph data-testid="channel-stock-push-result">
              {t('availability.pushDone', {
                sent: result.sent,
                accepted: result.accepted,
                refused: result.refused,
              })}
            </Typography.Paragraph>
            <Table
              rowKey="channelSku"
              size="small"
              pagination={false}
              dataSource={result.outcomes}
              columns={[
                { title: t('availability.channelSku'), dataIndex: 'channelSku' },
                { title: t('availability.toShow'), dataIndex: 'quantity', align: 'right' },
                {
                  title: t('availability.state'),
                  dataIndex: 'ok',
                  render: (ok: boolean) =>
                    ok ? (
                      <Tag color="success">{t('availability.ok')}</Tag>
                    ) : (
                      <Tag color="error">{t('availability.refusedShort')}</Tag>
                    ),
                },
                { title: t('availability.message'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Modal>
    </div>
  );
}
