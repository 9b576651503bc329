import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FullPageSpin } from '../components/FullPageSpin';
import { OrderStatusControl } from '../components/orders/OrderStatusControl';
import { HoldTags, OrderStatusTag } from '../components/orders/OrderTags';
import { OrderTimeline } from '../components/orders/OrderTimeline';
import { CreateReturnModal } from '../components/returns/CreateReturnModal';
import { RETURNABLE_ORDER_STATUSES, ReturnStatusTag } from '../components/returns/ReturnTags';
import { formatDateTime, useItems } from '../hooks';
import { formatMoney, type OrderDetail, type OrderLine } from '../orders';
import { useCan, useShop } from '../session';
import type { RmaListItem } from '../types';

const AMOUNTS = [
  'itemTotalMinor',
  'shippingMinor',
  'taxMinor',
  'discountMinor',
  'feesMinor',
  'totalMinor',
] as const;

export default function OrderDetailPage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canWrite = useCan('orders:write');
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creatingReturn, setCreatingReturn] = useState(false);
  const returns = useItems<RmaListItem>(shopPath(shop.slug, `/returns?orderId=${encodeURIComponent(id)}`));

  const load = useCallback(async () => {
    try {
      setOrder(await api.get<OrderDetail>(shopPath(shop.slug, `/orders/${id}`)));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [shop.slug, id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!order) return error ? <ApiErrorAlert error={error} /> : <FullPageSpin />;
  const money = (minor: number) => formatMoney(minor, order.currency, i18n.language);
  const s = order.shipTo;
  const address = [
    s.name,
    s.line1,
    s.line2,
    [s.postcode, s.city, s.state].filter(Boolean).join(' '),
    s.country,
  ]
    .filter(Boolean)
    .join('\n');

  const columns: ColumnsType<OrderLine> = [
    {
      title: t('orders.mapping.channelSku'),
      dataIndex: 'channelSku',
      render: (v: string, l) => (
        <div>
          <Typography.Text code>{v}</Typography.Text>
          {l.title && <div>{l.title}</div>}
        </div>
      ),
    },
    {
      title: t('orders.components'),
      dataIndex: 'components',
      render: (c: OrderLine['components']) =>
        c ? (
          c.map((x) => <Tag key={x.variantId}>{`${x.sku} × ${x.quantity}`}</Tag>)
        ) : (
          <Tag color="orange">{t('orderHold.unmapped_sku')}</Tag>
        ),
    },
    { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right', width: 80 },
    { title: t('orders.unitPrice'), dataIndex: 'unitPriceMinor', align: 'right', render: money },
    { title: t('orders.lineTotal'), dataIndex: 'lineTotalMinor', align: 'right', render: money },
  ];

  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('..', { relative: 'path' })}>
          {t('common.back')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('orders.detailTitle', { id: order.externalId })}
        </Typography.Title>
        <OrderStatusTag status={order.status} />
        <HoldTags holds={order.holds} />
        {canWrite && RETURNABLE_ORDER_STATUSES.includes(order.status) && (
          <Button data-testid="order-create-return" onClick={() => setCreatingReturn(true)}>
            {t('returns.create.button')}
          </Button>
        )}
        {['paid', 'ready_to_ship', 'partially_shipped'].includes(order.status) &&
          order.fulfillment === 'merchant' && (
            <Button
              data-testid="order-create-shipment"
              onClick={() =>
                navigate(
                  `/shops/${encodeURIComponent(shop.slug)}/shipments?order=${encodeURIComponent(order.id)}`,
                )
              }
            >
              {t('shipments.createFromOrder')}
            </Button>
          )}
      </Space>
      {creatingReturn && (
        <CreateReturnModal
          order={order}
          onClose={() => setCreatingReturn(false)}
          onCreated={(rma) => navigate(`/shops/${encodeURIComponent(shop.slug)}/returns/${rma.id}`)}
        />
      )}
      <ApiErrorAlert error={error} />
      {canWrite && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('orders.changeStatus')}>
          <OrderStatusControl orderId={order.id} status={order.status} onChanged={() => void load()} />
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('orders.account')}>
                {order.account.name} · {t(`channels.${order.channel}`, { defaultValue: order.channel })}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.purchasedAt')}>
                {formatDateTime(order.purchasedAt, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.buyer')}>
                {[order.buyer.name, order.buyer.email, order.buyer.phone ?? order.buyer.phoneRaw]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.paymentMethod')}>
                {order.paymentMethod ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.shipTo')}>
                <span style={{ whiteSpace: 'pre-line' }}>{address || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.trackingNumber')}>
                {[order.carrier, order.trackingNumber].filter(Boolean).join(' ') || '—'}
              </Descriptions.Item>
              {order.notes && <Descriptions.Item label={t('orders.notes')}>{order.notes}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Table<OrderLine>
            rowKey="id"
            size="small"
            data-testid="order-lines"
            columns={columns}
            dataSource={order.lines}
            pagination={false}
            style={{ marginBottom: 16 }}
          />
          <Card size="small" title={t('orders.amounts')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="order-amounts">
              {AMOUNTS.map((k) => (
                <Descriptions.Item key={k} label={t(`orders.amount.${k}`)}>
                  {k === 'totalMinor' ? <strong>{money(order.amounts[k])}</strong> : money(order.amounts[k])}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          {returns.items.length > 0 && (
            <Card size="small" title={t('returns.orderReturns')} style={{ marginBottom: 16 }}>
              {returns.items.map((r) => (
                <div key={r.id} data-testid="order-return">
                  <Link to={`/shops/${encodeURIComponent(shop.slug)}/returns/${r.id}`}>{r.number}</Link>{' '}
                  <ReturnStatusTag status={r.status} />
                </div>
              ))}
            </Card>
          )}
          <Card size="small" title={t('orders.timeline')}>
            <OrderTimeline events={order.timeline} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
