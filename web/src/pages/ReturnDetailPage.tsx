import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FullPageSpin } from '../components/FullPageSpin';
import { OrderStatusTag } from '../components/orders/OrderTags';
import { ReceiveReturnForm } from '../components/returns/ReceiveReturnForm';
import { ReturnStatusTag } from '../components/returns/ReturnTags';
import { formatDateTime } from '../hooks';
import { minorDigits, parseMinor } from '../money';
import { formatMoney, type OrderStatus } from '../orders';
import { useCan, useShop } from '../session';
import type { RmaDetail, RmaHold, RmaLine } from '../types';

type RmaEvent = RmaDetail['timeline'][number];

/** One line under a history entry: what came back and how, the refund, the settled hold. */
function EventDetail({ e, rma, money }: { e: RmaEvent; rma: RmaDetail; money: (n: number) => string }) {
  const { t } = useTranslation();
  const d = e.data as {
    lines?: { lineId: string; quantity: number; disposition: string }[];
    amountMinor?: number;
    sku?: string;
    quantity?: number;
    note?: string | null;
  };
  const sku = (lineId: string) => rma.lines.find((l) => l.id === lineId)?.channelSku ?? '';
  const parts: string[] = [];
  if (e.type === 'received' && d.lines) {
    for (const l of d.lines)
      parts.push(`${sku(l.lineId)} × ${l.quantity} · ${t(`returns.disposition.${l.disposition}`)}`);
  }
  if (e.type === 'refunded' && typeof d.amountMinor === 'number') parts.push(money(d.amountMinor));
  if (e.type.startsWith('quarantine_') && d.sku) parts.push(`${d.sku} × ${d.quantity}`);
  if (d.note) parts.push(d.note);
  return parts.length ? (
    <div>
      {parts.map((p) => (
        <div key={p}>{p}</div>
      ))}
    </div>
  ) : null;
}

export default function ReturnDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canWrite = useCan('orders:write');
  const canStock = useCan('stock:write');
  const [rma, setRma] = useState<RmaDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [amount, setAmount] = useState('');

  const load = useCallback(async () => {
    try {
      setRma(await api.get<RmaDetail>(shopPath(shop.slug, `/returns/${id}`)));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [shop.slug, id]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      setRma(await api.post<RmaDetail>(shopPath(shop.slug, `/returns/${id}/${path}`), body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!rma) return error ? <ApiErrorAlert error={error} /> : <FullPageSpin />;
  const money = (minor: number) => formatMoney(minor, rma.currency, i18n.language);
  const open = rma.status === 'requested' || rma.status === 'partially_received';
  const base = `/shops/${encodeURIComponent(shop.slug)}`;

  const refund = () => {
    const minor = parseMinor(amount, minorDigits(rma.currency));
    if (minor === null || Number.isNaN(minor) || minor <= 0) {
      message.warning(t('returns.refundCard.invalid'));
      return;
    }
    void act('refund', { amountMinor: minor });
  };

  const lineColumns = [
    {
      title: t('returns.sku'),
      dataIndex: 'channelSku',
      render: (v: string, l: RmaLine) => (
        <div>
          <Typography.Text code>{v}</Typography.Text>
          {l.title && <div>{l.title}</div>}
        </div>
      ),
    },
    {
      title: t('returns.components'),
      dataIndex: 'components',
      render: (c: RmaLine['components']) =>
        c ? (
          c.map((x) => <Tag key={x.variantId}>{`${x.sku} × ${x.quantity}`}</Tag>)
        ) : (
          <Tag color="orange">{t('returns.unmapped')}</Tag>
        ),
    },
    { title: t('returns.requested'), dataIndex: 'quantity', align: 'right' as const },
    { title: t('returns.received'), dataIndex: 'received', align: 'right' as const },
  ];

  const holdColumns = [
    { title: 'SKU', dataIndex: 'sku', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('returns.holds.warehouse'), dataIndex: 'warehouseCode' },
    { title: t('returns.holds.quantity'), dataIndex: 'quantity', align: 'right' as const },
    {
      title: t('returns.status'),
      dataIndex: 'status',
      render: (s: RmaHold['status']) => (
        <Tag color={s === 'held' ? 'orange' : s === 'released' ? 'green' : 'default'} data-status={s}>
          {t(`returns.holdStatus.${s}`)}
        </Tag>
      ),
    },
    {
      title: '',
      render: (_: unknown, h: RmaHold) =>
        canStock && h.status === 'held' ? (
          <Space>
            <Button
              size="small"
              loading={busy}
              data-testid={`hold-release-${h.sku}`}
              onClick={() => void act('quarantine-release', { holdId: h.id, to: 'sellable' })}
            >
              {t('returns.holds.release')}
            </Button>
            <Popconfirm
              title={t('returns.holds.confirmWriteoff', { quantity: h.quantity, sku: h.sku })}
              onConfirm={() => void act('quarantine-release', { holdId: h.id, to: 'writeoff' })}
            >
              <Button size="small" danger loading={busy} data-testid={`hold-writeoff-${h.sku}`}>
                {t('returns.holds.writeoff')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`${base}/returns`)}>
          {t('common.back')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="return-number">
          {t('returns.detailTitle', { number: rma.number })}
        </Typography.Title>
        <ReturnStatusTag status={rma.status} />
      </Space>
      {!rma.touchesStock && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('returns.fba')}
          data-testid="return-fba-note"
        />
      )}
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('returns.order')}>
                <Space>
                  <Link to={`${base}/orders/${rma.order.id}`} data-testid="return-order-link">
                    {rma.order.externalId}
                  </Link>
                  <OrderStatusTag status={rma.order.status as OrderStatus} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('returns.reason')}>
                {t(`returns.reasonName.${rma.reason}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('returns.createdAt')}>
                {formatDateTime(rma.createdAt, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('returns.refund')}>
                <span data-testid="return-refund">
                  {rma.refundMinor === null ? '—' : money(rma.refundMinor)}
                </span>
              </Descriptions.Item>
              {rma.note && <Descriptions.Item label={t('returns.note')}>{rma.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Table<RmaLine>
            rowKey="id"
            size="small"
            data-testid="return-lines"
            columns={lineColumns}
            dataSource={rma.lines}
            pagination={false}
            style={{ marginBottom: 16 }}
          />
          {canStock && open && <ReceiveReturnForm rma={rma} onReceived={() => void load()} />}
          {rma.holds.length > 0 && (
            <Card size="small" title={t('returns.holds.title')} style={{ marginBottom: 16 }}>
              <Table<RmaHold>
                rowKey="id"
                size="small"
                data-testid="return-holds"
                columns={holdColumns}
                dataSource={rma.holds}
                pagination={false}
              />
            </Card>
          )}
          {canWrite &&
            rma.refundMinor === null &&
            rma.status !== 'cancelled' &&
            rma.status !== 'rejected' && (
              <Card size="small" title={t('returns.refundCard.title')} style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary">
                  {t('returns.refundCard.max', { max: money(rma.order.refundableMinor) })}
                </Typography.Paragraph>
                <Space>
                  <Input
                    data-testid="return-refund-amount"
                    style={{ width: 200 }}
                    prefix={rma.currency}
                    value={amount}
                    onChange={(e) => setAmount(e.target.value)}
                    placeholder="12.50"
                  />
                  <Button type="primary" loading={busy} onClick={refund} data-testid="return-refund-submit">
                    {t('returns.refundCard.submit')}
                  </Button>
                </Space>
              </Card>
            )}
          {canWrite && rma.status === 'requested' && rma.refundMinor === null && (
            <Space style={{ marginBottom: 16 }}>
              <Popconfirm
                title={t('returns.confirmCancel')}
                onConfirm={() => void act('cancel', { reject: false })}
              >
                <Button data-testid="return-cancel">{t('returns.cancel')}</Button>
              </Popconfirm>
              <Popconfirm
                title={t('returns.confirmReject')}
                onConfirm={() => void act('cancel', { reject: true })}
              >
                <Button danger data-testid="return-reject">
                  {t('returns.reject')}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('returns.timeline')}>
            <Timeline
              data-testid="return-timeline"
              items={rma.timeline.map((e, i) => ({
                key: `${i}-${e.at}`,
                content: (
                  <div data-testid="return-event" data-type={e.type}>
                    <Typography.Text strong>
                      {t(`returns.event.${e.type}`, { defaultValue: e.type })}
                    </Typography.Text>
                    <EventDetail e={e} rma={rma} money={money} />
                    <div>
                      <Typography.Text type="secondary">
                        {formatDateTime(e.at, i18n.language)}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
