import { App, Button, Card, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import type { Warehouse } from '../../orders';
import { useCan, useShop } from '../../session';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { newIdempotencyKey } from './idempotencyKey';
import { StockLinesField } from './StockLinesField';

interface Values {
  warehouseId: string;
  receivedOn?: dayjs.Dayjs;
  reference?: string;
  lines: { sku: string; quantity: number; lot?: string }[];
}

interface Received {
  levels: { variantId: string; onHand: number; available: number }[];
}

/** After a receipt: each line's SKU with the warehouse's new on hand and available. */
interface ReceivedRow {
  sku: string;
  warehouse: string;
  onHand: number;
  available: number;
}

/** POST /stock/receipts: goods arrive (purchase order, factory delivery) — one movement per line. */
export function Receipts({ warehouses }: { warehouses: Warehouse[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('stock:write');
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<ReceivedRow[] | null>(null);
  // One key per receipt being entered: a double click or a retry after a timeout books it once.
  const [key, setKey] = useState(() => newIdempotencyKey());

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const res = await api.post<Received>(shopPath(shop.slug, '/stock/receipts'), {
        warehouseId: v.warehouseId,
        receivedOn: v.receivedOn?.format('YYYY-MM-DD'),
        reference: v.reference?.trim() || undefined,
        lines: v.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, lot: l.lot?.trim() || undefined })),
        idempotencyKey: key,
      });
      message.success(t('adminOps.stock.received'));
      const code = warehouses.find((w) => w.id === v.warehouseId)?.code ?? '';
      setLast(
        res.levels.map((l, i) => ({
          sku: v.lines[i]?.sku ?? '',
          warehouse: code,
          onHand: l.onHand,
          available: l.available,
        })),
      );
      setKey(newIdempotencyKey());
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!canWrite) return <Typography.Text type="secondary">{t('adminOps.stock.readOnly')}</Typography.Text>;
  return (
    <Card title={t('adminOps.stock.receiveTitle')} style={{ maxWidth: 900 }}>
      <ApiErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="warehouseId"
            label={t('stock.warehouse')}
            rules={[{ required: true, message: t('stock.required') }]}
            style={{ minWidth: 260 }}
          >
            <Select
              data-testid="receipt-warehouse"
              options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('adminOps.stock.receivedOn')}>
            <DatePicker data-testid="receipt-date" />
          </Form.Item>
          <Form.Item name="reference" label={t('adminOps.stock.reference')} style={{ minWidth: 240 }}>
            <Input
              maxLength={200}
              placeholder={t('adminOps.stock.referenceHint')}
              data-testid="receipt-reference"
            />
          </Form.Item>
        </div>
        <Form.Item label={t('adminOps.stock.lines')} required>
          <StockLinesField testId="receipt" withLot />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="receipt-save">
          {t('adminOps.stock.receive')}
        </Button>
      </Form>
      {last && (
        <Table<ReceivedRow>
          style={{ marginTop: 16 }}
          size="small"
          data-testid="receipt-result"
          rowKey={(l, i) => `${l.sku}-${i}`}
          pagination={false}
          dataSource={last}
          columns={[
            { title: t('fields.sku'), dataIndex: 'sku' },
            { title: t('stock.warehouse'), dataIndex: 'warehouse' },
            { title: t('stock.onHand'), dataIndex: 'onHand', align: 'right' },
            { title: t('stock.available'), dataIndex: 'available', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}
