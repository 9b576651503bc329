import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, shopPath, withQuery } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ConfirmationsTable } from '../components/channel-shipments/ConfirmationsTable';
import { ExportBatches } from '../components/channel-shipments/ExportBatches';
import { useCan, useShop } from '../session';
import type {
  ShipmentConfirmationExport,
  ShipmentConfirmationList,
  ShipmentConfirmationPushResult,
  ShipmentConfirmationStatus,
} from '../types-shipment-confirmations';

const FILTERS: ('all' | ShipmentConfirmationStatus)[] = [
  'all',
  'pending',
  'failed',
  'sent',
  'file_exported',
  'uploaded',
];

/**
 * Write-back of shipments to one channel account: what was confirmed to the channel (carrier +
 * tracking number per order), what is waiting or failed with the channel's answer; push through
 * the API, or download the channel's upload file and mark it uploaded.
 */
export default function ChannelShipmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const { id = '' } = useParams();
  const canShip = useCan('shipping:write');
  const base = shopPath(shop.slug, `/channel-accounts/${id}/shipment-confirmations`);
  const [filter, setFilter] = useState<'all' | ShipmentConfirmationStatus>('all');
  const [data, setData] = useState<ShipmentConfirmationList | null>(null);
  const [exported, setExported] = useState<ShipmentConfirmationList['items']>([]);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [list, files] = await Promise.all([
        api.get<ShipmentConfirmationList>(withQuery(base, { status: filter === 'all' ? null : filter })),
        api.get<ShipmentConfirmationList>(withQuery(base, { status: 'file_exported', limit: 500 })),
      ]);
      setData(list);
      setExported(files.items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [base, filter]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      void load();
    }
  };
  const showPush = (r: ShipmentConfirmationPushResult) => {
    if (r.sent + r.failed === 0) void message.info(t('shipmentConfirmations.nothingToPush'));
    else if (r.failed > 0)
      void message.warning(t('shipmentConfirmations.pushed', { sent: r.sent, failed: r.failed }));
    else void message.success(t('shipmentConfirmations.pushed', { sent: r.sent, failed: r.failed }));
  };
  const push = () => act(async () => showPush(await api.post(`${base}/push`)));
  const retry = (rowId: string) => act(async () => showPush(await api.post(`${base}/${rowId}/retry`)));
  const fileUrl = (batch: string) => `${base}/files/${batch}`;
  const exportFile = () =>
    act(async () => {
      const file = await api.post<ShipmentConfirmationExport>(`${base}/export`);
      message.success(t('shipmentConfirmations.exported', { count: file.count }));
      // The file itself is a plain GET: the browser downloads it.
      const a = document.createElement('a');
      a.href = file.downloadUrl;
      a.download = file.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  const markUploaded = (batch: string) =>
    act(async () => {
      const r = await api.post<{ marked: number }>(`${fileUrl(batch)}/uploaded`);
      message.success(t('shipmentConfirmations.markedUploaded', { n: r.marked }));
    });

  const account = data?.account;
  const hasFile = account?.channel === 'amazon' || account?.channel === 'shopee';
  return (
    <div>
      <Link to={`/shops/${encodeURIComponent(shop.slug)}/channels`}>{t('shipmentConfirmations.back')}</Link>
      <Typography.Title level={3}>
        {t('shipmentConfirmations.title', { name: account?.name ?? '' })}
      </Typography.Title>
      {account && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={account.connected ? 'channel-shipments-api' : 'channel-shipments-file-only'}
          message={t(
            account.connected ? 'shipmentConfirmations.introApi' : 'shipmentConfirmations.introFile',
          )}
        />
      )}
      <ApiErrorAlert error={error} />
      {canShip && account && (
        <Space style={{ marginBottom: 16 }} wrap>
          {account.connected && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy}
              onClick={push}
              data-testid="channel-shipments-push"
            >
              {t('shipmentConfirmations.push')}
            </Button>
          )}
          {hasFile && (
            <Button
              icon={<DownloadOutlined />}
              loading={busy}
              onClick={exportFile}
              data-testid="channel-shipments-export"
            >
              {t('shipmentConfirmations.export')}
            </Button>
          )}
        </Space>
      )}
      <ExportBatches items={exported} fileUrl={fileUrl} canShip={canShip} onMarkUploaded={markUploaded} />
      <Segmented
        style={{ marginBottom: 12 }}
        data-testid="channel-shipments-filter"
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={FILTERS.map((f) => ({
          value: f,
          label: (
            <span data-testid={`channel-shipments-filter-${f}`}>
              {f === 'all' ? t('shipmentConfirmations.all') : t(`shipmentConfirmations.status.${f}`)}
              {f !== 'all' && data ? ` (${data.counts[f] ?? 0})` : ''}
            </span>
          ),
        }))}
      />
      <ConfirmationsTable items={data?.items ?? []} loading={loading} canRetry={canShip} onRetry={retry} />
    </div>
  );
}
