import { App, Button, Card, Form, InputNumber, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { useItems } from '../../hooks';
import type { Warehouse } from '../../orders';
import { useShop } from '../../session';
import type { RmaDetail, RmaDisposition, RmaLine } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { newIdempotencyKey } from '../stock/idempotencyKey';

const DISPOSITIONS: RmaDisposition[] = ['sellable', 'quarantine', 'writeoff'];

/**
 * POST /returns/:id/receipts: quantity and condition per line into one warehouse. The form keeps
 * one idempotency key until it succeeds, so a double click or a retried request posts once.
 */
export function ReceiveReturnForm(props: { rma: RmaDetail; onReceived: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const warehouses = useItems<Warehouse>(shopPath(shop.slug, '/warehouses'));
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [dispositions, setDispositions] = useState<Record<string, RmaDisposition>>({});
  const [key, setKey] = useState(() => newIdempotencyKey());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const local = props.rma.touchesStock;
  const open = useMemo(() => props.rma.lines.filter((l) => l.received < l.quantity), [props.rma.lines]);

  const submit = async () => {
    const lines = open
      .filter((l) => (quantities[l.id] ?? 0) > 0)
      .map((l) => ({
        lineId: l.id,
        quantity: quantities[l.id]!,
        disposition: dispositions[l.id] ?? 'sellable',
        ...(local && warehouseId ? { warehouseId } : {}),
      }));
    if (!lines.length) {
      message.warning(t('returns.receive.nothing'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.post(shopPath(shop.slug, `/returns/${props.rma.id}/receipts`), {
        idempotencyKey: key,
        lines,
      });
      message.success(t('returns.receive.done'));
      setQuantities({});
      setKey(newIdempotencyKey());
      props.onReceived();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!open.length) return null;
  return (
    <Card
      size="small"
      title={t('returns.receive.title')}
      style={{ marginBottom: 16 }}
      data-testid="return-receive"
    >
      <ApiErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('returns.receive.help')}</Typography.Paragraph>
      {local && (
        <Form layout="vertical">
          <Form.Item label={t('returns.receive.warehouse')} required>
            <Select
              data-testid="return-receive-warehouse"
              placeholder={t('returns.receive.pickWarehouse')}
              value={warehouseId}
              onChange={setWarehouseId}
              loading={warehouses.loading}
              options={warehouses.items
                .filter((w) => w.active)
                .map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            />
          </Form.Item>
        </Form>
      )}
      <Table<RmaLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={open}
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t('returns.sku'),
            dataIndex: 'channelSku',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          {
            title: `${t('returns.received')} / ${t('returns.requested')}`,
            render: (_: unknown, l) => `${l.received} / ${l.quantity}`,
          },
          {
            title: t('returns.receive.quantity'),
            render: (_: unknown, l) => (
              <InputNumber
                data-testid={`return-receive-qty-${l.channelSku}`}
                min={0}
                max={l.quantity - l.received}
                precision={0}
                value={quantities[l.id] ?? 0}
                onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: Number(v ?? 0) }))}
              />
            ),
          },
          {
            title: t('returns.receive.disposition'),
            render: (_: unknown, l) => (
              <Select
                data-testid={`return-receive-disposition-${l.channelSku}`}
                style={{ minWidth: 220 }}
                value={dispositions[l.id] ?? 'sellable'}
                onChange={(v) => setDispositions((d) => ({ ...d, [l.id]: v }))}
                options={DISPOSITIONS.map((d) => ({ value: d, label: t(`returns.disposition.${d}`) }))}
              />
            ),
          },
        ]}
      />
      <Button
        type="primary"
        loading={saving}
        onClick={() => void submit()}
        data-testid="return-receive-submit"
      >
        {t('returns.receive.submit')}
      </Button>
    </Card>
  );
}
