import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import type { Warehouse } from '../../orders';
import { useShop } from '../../session';
import { ImportErrorAlert } from '../orders/import/ImportErrorAlert';
import { newIdempotencyKey } from './idempotencyKey';
import { StockLinesField } from './StockLinesField';

interface Values {
  fromWarehouseId: string;
  toWarehouseId: string;
  reference?: string;
  lines: { sku: string; quantity: number }[];
}

/** POST /transfers: stock leaves A now (transfer out) and is in transit to B until received. */
export function TransferCreateModal(props: {
  warehouses: Warehouse[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(() => newIdempotencyKey());
  const options = props.warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }));
  const required = [{ required: true, message: t('stock.required') }];

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await api.post(shopPath(shop.slug, '/transfers'), {
        fromWarehouseId: v.fromWarehouseId,
        toWarehouseId: v.toWarehouseId,
        reference: v.reference?.trim() || undefined,
        lines: v.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        idempotencyKey: key,
      });
      message.success(t('adminOps.stock.transferCreated'));
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('adminOps.stock.newTransfer')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('adminOps.stock.ship')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'transfer-save' }}
    >
      <ImportErrorAlert error={error} codes={['CONFLICT']} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="fromWarehouseId"
            label={t('adminOps.stock.from')}
            rules={required}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Select data-testid="transfer-from" options={options} />
          </Form.Item>
          <Form.Item
            name="toWarehouseId"
            label={t('adminOps.stock.to')}
            dependencies={['fromWarehouseId']}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v && v === getFieldValue('fromWarehouseId')
                    ? Promise.reject(new Error(t('adminOps.stock.sameWarehouse')))
                    : Promise.resolve(),
              }),
            ]}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Select data-testid="transfer-to" options={options} />
          </Form.Item>
        </div>
        <Form.Item name="reference" label={t('adminOps.stock.reference')}>
          <Input
            maxLength={200}
            placeholder={t('adminOps.stock.transferReferenceHint')}
            data-testid="transfer-reference"
          />
        </Form.Item>
        <Form.Item label={t('adminOps.stock.lines')} required>
          <StockLinesField testId="transfer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
