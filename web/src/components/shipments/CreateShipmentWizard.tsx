import { Alert, Button, InputNumber, Modal, Radio, Space, Steps, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { formatMoney, type OrderListItem } from '../../orders';
import type { ShipmentDetail, ShipmentPreview } from '../../types-shipments';
import { ApiErrorAlert } from '../ApiErrorAlert';

type Grid = Record<string, number[]>; // orderLineId → quantity per parcel

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/**
 * Create a shipment in four steps: orders (same address to merge) → parcels (split lines, weights)
 * → service (the rules' pick with its reason, or any quoted option) → confirm. The client key
 * makes a double click or a retry create one shipment, not two.
 */
export function CreateShipmentWizard({
  shop,
  open,
  initialOrders,
  onClose,
  onCreated,
}: {
  shop: string;
  open: boolean;
  initialOrders: string[];
  onClose: () => void;
  onCreated: (s: ShipmentDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState(0);
  const [orders, setOrders] = useState<OrderListItem[]>([]);
  const [selected, setSelected] = useState<string[]>(initialOrders);
  const [preview, setPreview] = useState<ShipmentPreview | null>(null);
  const [grid, setGrid] = useState<Grid>({});
  const [weights, setWeights] = useState<(number | null)[]>([null]);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [clientKey] = useState(newKey);

  useEffect(() => {
    if (!open) return;
    setStep(0);
    setSelected(initialOrders);
    Promise.all(
      ['paid', 'ready_to_ship', 'partially_shipped'].map((status) =>
        api.get<{ items: OrderListItem[] }>(`${shopPath(shop, '/orders')}?status=${status}&limit=200`),
      ),
    )
      .then((pages) => setOrders(pages.flatMap((p) => p.items).filter((o) => o.fulfillment === 'merchant')))
      .catch(setError);
  }, [open, shop, initialOrders]);

  const parcelsBody = () =>
    weights
      .map((w, i) => ({
        ...(w ? { weightG: w } : {}),
        lines: Object.entries(grid)
          .map(([orderLineId, q]) => ({ orderLineId, quantity: q[i] ?? 0 }))
          .filter((l) => l.quantity > 0),
      }))
      .filter((p) => p.lines.length);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toParcels = () =>
    run(async () => {
      const p = await api.post<ShipmentPreview>(shopPath(shop, '/shipments/preview'), { orderIds: selected });
      setPreview(p);
      setGrid(
        Object.fromEntries(p.lines.filter((l) => l.remaining > 0).map((l) => [l.orderLineId, [l.remaining]])),
      );
      setWeights([null]);
      setStep(1);
    });
  const toService = () =>
    run(async () => {
      const p = await api.post<ShipmentPreview>(shopPath(shop, '/shipments/preview'), {
        orderIds: selected,
        parcels: parcelsBody(),
      });
      setPreview(p);
      setServiceId(p.assigned.serviceId ?? p.options[0]?.serviceId ?? null);
      setStep(2);
    });
  const create = () =>
    run(async () => {
      const s = await api.post<ShipmentDetail>(shopPath(shop, '/shipments'), {
        orderIds: selected,
        parcels: parcelsBody(),
        clientKey,
        // The rules' own pick is sent as no choice, so the shipment keeps the rule's reason.
        ...(serviceId && serviceId !== preview?.assigned.serviceId ? { serviceId } : {}),
      });
      onCreated(s);
    });

  const lines = useMemo(() => (preview?.lines ?? []).filter((l) => l.remaining > 0), [preview]);
  const setQty = (lineId: string, parcel: number, q: number) =>
    setGrid((g) => {
      const row = [...(g[lineId] ?? [])];
      row[parcel] = q;
      return { ...g, [lineId]: row };
    });

  const steps = [
    t('shipments.wizard.orders'),
    t('shipments.wizard.parcels'),
    t('shipments.wizard.service'),
    t('shipments.wizard.confirm'),
  ];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={960}
      footer={null}
      title={t('shipments.create')}
      destroyOnHidden
    >
      <Steps
        current={step}
        size="small"
        items={steps.map((title) => ({ title }))}
        style={{ marginBottom: 16 }}
      />
      <ApiErrorAlert error={error} />
      {step === 0 && (
        <>
          <Table<OrderListItem>
            rowKey="id"
            size="small"
            data-testid="wizard-orders"
            dataSource={orders}
            pagination={{ pageSize: 10 }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { title: t('shipments.order'), dataIndex: 'externalId' },
              { title: t('shipments.recipient'), dataIndex: 'buyerName' },
              { title: t('shipments.country'), dataIndex: 'country' },
              { title: t('shipments.units'), dataIndex: 'units' },
              {
                title: t('shipments.value'),
                render: (_: unknown, o) => formatMoney(o.totalMinor, o.currency, i18n.language),
              },
            ]}
          />
          <Button
            type="primary"
            disabled={!selected.length}
            loading={busy}
            onClick={() => void toParcels()}
            data-testid="wizard-next"
          >
            {t('shipments.wizard.next')}
          </Button>
        </>
      )}
      {step === 1 && preview && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{`${preview.shipTo.name}, ${preview.shipTo.city}, ${preview.shipTo.country}`}</Typography.Text>
          <Table
            rowKey="orderLineId"
            size="small"
            pagination={false}
            dataSource={lines}
            columns={[
              { title: t('shipments.order'), dataIndex: 'orderRef' },
              { title: 'SKU', dataIndex: 'sku' },
              { title: t('shipments.remaining'), dataIndex: 'remaining' },
              ...weights.map((_, i) => ({
                title: t('shipments.parcelNo', { no: i + 1 }),
                key: `p${i}`,
                render: (_: unknown, l: (typeof lines)[number]) => (
                  <InputNumber
                    min={0}
                    max={l.remaining}
                    value={grid[l.orderLineId]?.[i] ?? 0}
                    onChange={(v) => setQty(l.orderLineId, i, v ?? 0)}
                  />
                ),
              })),
            ]}
          />
          <Space wrap>
            {weights.map((w, i) => (
              <InputNumber
                // biome-ignore lint/suspicious/noArrayIndexKey: parcels are positional
                key={i}
                min={1}
                addonBefore={t('shipments.parcelNo', { no: i + 1 })}
                addonAfter="g"
                placeholder={t('shipments.weightDefault')}
                value={w}
                onChange={(v) => setWeights((ws) => ws.map((x, j) => (j === i ? v : x)))}
              />
            ))}
            <Button onClick={() => setWeights((ws) => [...ws, null])} data-testid="wizard-add-parcel">
              {t('shipments.addParcel')}
            </Button>
          </Space>
          <Space>
            <Button onClick={() => setStep(0)}>{t('shipments.wizard.back')}</Button>
            <Button type="primary" loading={busy} onClick={() => void toService()} data-testid="wizard-next">
              {t('shipments.wizard.next')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 2 && preview && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            message={t('shipments.assigned', {
              name: preview.assigned.name ?? '—',
              reason: preview.assigned.reason,
            })}
          />
          {preview.quoteProblem && <Alert type="warning" showIcon message={preview.quoteProblem} />}
          <Radio.Group
            value={serviceId}
            onChange={(e) => setServiceId(e.target.value)}
            data-testid="wizard-services"
          >
            <Space direction="vertical">
              {preview.options.map((o) => (
                <Radio key={o.serviceId} value={o.serviceId}>
                  {`${o.name} · ${formatMoney(o.totalMinor, o.currency, i18n.language)}${o.transitDays ? ` · ${o.transitDays.min}–${o.transitDays.max} d` : ''}`}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          {preview.excluded.map((x) => (
            <Typography.Text
              key={x.serviceId}
              type="secondary"
            >{`${x.name}: ${x.reasons.map((r) => r.message).join('; ')}`}</Typography.Text>
          ))}
          <Space>
            <Button onClick={() => setStep(1)}>{t('shipments.wizard.back')}</Button>
            <Button type="primary" onClick={() => setStep(3)} data-testid="wizard-next">
              {t('shipments.wizard.next')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 3 && preview && (
        <Space direction="vertical">
          <Typography.Text>
            {t('shipments.confirmSummary', {
              orders: preview.orders.map((o) => o.ref).join(', '),
              parcels: parcelsBody().length,
            })}
          </Typography.Text>
          <Space>
            <Button onClick={() => setStep(2)}>{t('shipments.wizard.back')}</Button>
            <Button type="primary" loading={busy} onClick={() => void create()} data-testid="wizard-create">
              {t('shipments.create')}
            </Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}
