import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { SkuPicker } from '../orders/SkuPicker';

/**
 * Several SKU lines in one form (Form.List `lines`): SKU picker, quantity and, for receipts, a lot.
 * Test ids carry the line index: `${testId}-sku-0`, `${testId}-qty-0`, `${testId}-lot-0`.
 */
export function StockLinesField({
  testId,
  withLot = false,
  min = 1,
}: {
  testId: string;
  withLot?: boolean;
  min?: number;
}) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('stock.required') }];
  return (
    <Form.List name="lines" initialValue={[{}]}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item name={[field.name, 'sku']} rules={required} style={{ marginBottom: 8 }}>
                <SkuPicker onChange={() => {}} testId={`${testId}-sku-${i}`} width={300} />
              </Form.Item>
              <Form.Item name={[field.name, 'quantity']} rules={required} style={{ marginBottom: 8 }}>
                <InputNumber
                  min={min}
                  precision={0}
                  placeholder={t('orders.quantity')}
                  aria-label={t('orders.quantity')}
                  data-testid={`${testId}-qty-${i}`}
                  style={{ width: 120 }}
                />
              </Form.Item>
              {withLot && (
                <Form.Item name={[field.name, 'lot']} style={{ marginBottom: 8 }}>
                  <Input
                    maxLength={100}
                    placeholder={t('adminOps.stock.lot')}
                    aria-label={t('adminOps.stock.lot')}
                    data-testid={`${testId}-lot-${i}`}
                    style={{ width: 160 }}
                  />
                </Form.Item>
              )}
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                disabled={fields.length === 1}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testId}-add-line`}>
            {t('adminOps.stock.addLine')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
