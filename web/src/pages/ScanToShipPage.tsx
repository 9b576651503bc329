import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Input, type InputRef, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, isApiError, shopPath } from '../api';
import { beep } from '../components/shipments/beep';
import { formatDateTime } from '../hooks';
import { useShop } from '../session';
import type { ScanOutcome, ScanResult } from '../types-shipments';

interface LogEntry extends ScanResult {
  at: string;
  seq: number;
}

const good: ScanOutcome[] = ['shipped'];
const warn: ScanOutcome[] = ['already_shipped'];
const tone = (o: ScanOutcome) => (good.includes(o) ? 'success' : warn.includes(o) ? 'warning' : 'error');
const tagColour = { success: 'green', warning: 'orange', error: 'red' } as const;

/**
 * Scan-to-ship: a barcode scanner types the shipment number (or a tracking number) and Enter.
 * The input keeps the focus so scanning never stops; each scan marks the shipment shipped or says
 * why not, in colour and with a sound, and goes into the session's log. Keyboard only.
 */
export default function ScanToShipPage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const input = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [log, setLog] = useState<LogEntry[]>([]);
  const base = `/shops/${encodeURIComponent(shop.slug)}`;

  const focus = useCallback(() => input.current?.focus(), []);
  useEffect(() => {
    focus();
  }, [focus]);

  // Scanners type fast: codes scanned while one is on its way wait in a queue, in order, and
  // the input is never disabled (a disabled input loses the focus the next scan needs).
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const drain = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    while (queue.current.length) {
      const value = queue.current.shift()!;
      let result: ScanResult;
      try {
        result = await api.post<ScanResult>(shopPath(shop.slug, '/shipments/scan'), { code: value });
      } catch (e) {
        result = { code: value, outcome: 'refused', message: isApiError(e) ? e.message : String(e) };
      }
      beep(tone(result.outcome) === 'success');
      setLog((prev) => [{ ...result, at: new Date().toISOString(), seq: prev.length + 1 }, ...prev]);
    }
    running.current = false;
    setBusy(false);
    focus();
  };
  const submit = () => {
    const value = code.trim();
    setCode('');
    if (!value) return;
    queue.current.push(value);
    void drain();
  };

  const last = log[0];
  const shippedCount = log.filter((l) => l.outcome === 'shipped').length;

  return (
    <div>
      <Typography.Title level={3}>{t('shipments.scan.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('shipments.scan.help')}</Typography.Paragraph>
      <Input
        ref={input}
        size="large"
        autoFocus
        autoComplete="off"
        data-testid="scan-input"
        placeholder={t('shipments.scan.placeholder')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={submit}
        // A click elsewhere must not stop the next scan from landing here.
        onBlur={() => setTimeout(focus, 150)}
        suffix={busy ? <LoadingOutlined /> : <span />}
        style={{ fontSize: 24, fontFamily: 'monospace', marginBottom: 16 }}
      />
      {last && (
        <Alert
          data-testid="scan-result"
          data-outcome={last.outcome}
          type={tone(last.outcome)}
          showIcon
          style={{ fontSize: 20, marginBottom: 16 }}
          message={
            <Space>
              <strong>{t(`shipments.scan.outcome.${last.outcome}`)}</strong>
              <span>{last.message}</span>
            </Space>
          }
        />
      )}
      <Typography.Text data-testid="scan-count">
        {t('shipments.scan.count', { count: shippedCount, total: log.length })}
      </Typography.Text>
      <Table<LogEntry>
        rowKey="seq"
        size="small"
        data-testid="scan-log"
        style={{ marginTop: 8 }}
        dataSource={log}
        pagination={false}
        locale={{ emptyText: t('shipments.scan.empty') }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 60 },
          {
            title: t('shipments.scan.time'),
            dataIndex: 'at',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          { title: t('shipments.scan.code'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
          {
            title: t('shipments.scan.result'),
            dataIndex: 'outcome',
            render: (o: ScanOutcome) => (
              <Tag color={tagColour[tone(o)]}>{t(`shipments.scan.outcome.${o}`)}</Tag>
            ),
          },
          {
            title: t('shipments.number'),
            dataIndex: 'number',
            render: (v: string | undefined, r) =>
              v && r.shipmentId ? <Link to={`${base}/shipments/${r.shipmentId}`}>{v}</Link> : '—',
          },
          { title: t('shipments.scan.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
