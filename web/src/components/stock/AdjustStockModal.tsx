import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import type { Warehouse } from '../../orders';
import { useShop } from '../../session';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { SkuPicker } from '../orders/SkuPicker';

export interface AdjustTarget {
  sku?: string;
  variantId?: string;
  warehouseId?: string;
}

interface Values {
  sku?: string;
  warehouseId?: string;
  delta?: number;
  reason?: string;
}

/** POST /stock/adjustments: +/- on hand for one SKU in one warehouse, with a reason. */
export function AdjustStockModal(props: {
  target: AdjustTarget;
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
  const fixed = Boolean(props.target.variantId);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await api.post(shopPath(shop.slug, '/stock/adjustments'), {
        ...(fixed ? { variantId: props.target.variantId } : { sku: v.sku }),
        warehouseId: v.warehouseId,
        delta: v.delta,
        reason: v.reason ?? '',
      });
      message.success(t('stock.adjusted'));
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
      title={t('stock.adjustTitle')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'adjust-save' }}
    >
      <ApiErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ sku: props.target.sku, warehouseId: props.target.warehouseId }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="sku"
          label={t('fields.sku')}
          rules={[{ required: true, message: t('stock.required') }]}
        >
          {fixed ? (
            <Input disabled />
          ) : (
            <SkuPicker onChange={(sku) => form.setFieldValue('sku', sku)} testId="adjust-sku" width="100%" />
          )}
        </Form.Item>
        <Form.Item
          name="warehouseId"
          label={t('stock.warehouse')}
          rules={[{ required: true, message: t('stock.required') }]}
        >
          <Select
            data-testid="adjust-warehouse"
            disabled={fixed && Boolean(props.target.warehouseId)}
            options={props.warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="delta"
          label={t('stock.delta')}
          extra={t('stock.deltaHelp')}
          rules={[
            { required: true, message: t('stock.required') },
            {
              validator: (_, v) =>
                v === 0 ? Promise.reject(new Error(t('stock.deltaZero'))) : Promise.resolve(),
            },
          ]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="adjust-delta" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('stock.reason')}
          rules={[{ required: true, message: t('stock.required') }]}
        >
          <Input maxLength={500} data-testid="adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
