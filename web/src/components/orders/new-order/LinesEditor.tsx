import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinor, minorDigits } from '../../../money';
import { formatMoney } from '../../../orders';
import { type Draft, type DraftLine, minorOf } from './draft';
import { VariantPicker } from './VariantPicker';

const grid = {
  display: 'grid',
  gridTemplateColumns: 'minmax(240px, 3fr) 90px 130px 130px 40px',
  gap: 8,
  alignItems: 'start',
} as const;

/**
 * Order lines: SKU (catalog search), quantity, unit price, live line total. Enter in quantity or
 * price adds a line and puts the cursor in its SKU search, so a whole order is typed without a mouse.
 */
export function LinesEditor({ form }: { form: FormInstance<Draft> }) {
  const { t, i18n } = useTranslation();
  const currency = Form.useWatch('currency', form) ?? '';
  const lines = (Form.useWatch('lines', form) ?? []) as DraftLine[];
  const [focusLine, setFocusLine] = useState<number | null>(0);
  const digits = minorDigits(currency);
  const money = (minor: number) =>
    Number.isFinite(minor) ? formatMoney(minor, currency || 'USD', i18n.language) : '—';

  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => {
        const addLine = () => {
          add({ quantity: 1 });
          setFocusLine(fields.length);
        };
        const onEnter = (e: React.KeyboardEvent) => {
          e.preventDefault();
          addLine();
        };
        return (
          <div data-testid="new-order-lines">
            <div style={{ ...grid, marginBottom: 4 }}>
              <Typography.Text type="secondary">{t('newOrder.lines.sku')}</Typography.Text>
              <Typography.Text type="secondary">{t('newOrder.lines.quantity')}</Typography.Text>
              <Typography.Text type="secondary">
                {t('newOrder.lines.unitPrice', { currency: currency || '' })}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ textAlign: 'right' }}>
                {t('newOrder.lines.lineTotal')}
              </Typography.Text>
              <span />
            </div>
            {fields.map((field, index) => {
              const line = lines[index] ?? {};
              const lineTotal = minorOf(line.unitPrice, currency) * (Number(line.quantity) || 0);
              return (
                <div key={field.key} style={grid} data-testid="new-order-line" data-index={index}>
                  <div>
                    <Form.Item
                      name={[field.name, 'sku']}
                      rules={[
                        {
                          // A blank extra line (Enter pressed once too often) is skipped, not an error.
                          validator: (_, v: string | undefined) =>
                            v ||
                            (fields.length > 1 && !form.getFieldValue(['lines', field.name, 'unitPrice']))
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('newOrder.errors.skuRequired'))),
                        },
                      ]}
                      style={{ marginBottom: 4 }}
                    >
                      <VariantPicker
                        testId={`new-order-sku-${index}`}
                        autoFocus={focusLine === index}
                        onPicked={(p) => {
                          form.setFieldValue(['lines', field.name, 'title'], p.title);
                          const current = form.getFieldValue(['lines', field.name, 'unitPrice']);
                          if (p.priceMinor !== null && p.priceCurrency === currency && !current)
                            form.setFieldValue(
                              ['lines', field.name, 'unitPrice'],
                              formatMinor(p.priceMinor, digits),
                            );
                        }}
                      />
                    </Form.Item>
                    {line.title && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {line.title}
                      </Typography.Text>
                    )}
                    <Form.Item name={[field.name, 'title']} hidden>
                      <Input />
                    </Form.Item>
                  </div>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    rules={[{ required: true, message: t('newOrder.errors.quantity') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      min={1}
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid={`new-order-qty-${index}`}
                      onPressEnter={onEnter}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unitPrice']}
                    rules={[
                      {
                        validator: (_, v: string | undefined) =>
                          v?.trim() || !form.getFieldValue(['lines', field.name, 'sku'])
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('newOrder.errors.priceRequired'))),
                      },
                      {
                        validator: (_, v: string) =>
                          Number.isNaN(minorOf(v, currency))
                            ? Promise.reject(new Error(t('newOrder.errors.amount', { digits })))
                            : Promise.resolve(),
                      },
                    ]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      inputMode="decimal"
                      placeholder={formatMinor(0, digits)}
                      data-testid={`new-order-price-${index}`}
                      onPressEnter={onEnter}
                    />
                  </Form.Item>
                  <div
                    style={{ textAlign: 'right', paddingTop: 5 }}
                    data-testid={`new-order-line-total-${index}`}
                  >
                    {money(lineTotal)}
                  </div>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('newOrder.lines.remove')}
                    data-testid={`new-order-remove-${index}`}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                  />
                </div>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={addLine} data-testid="new-order-add-line">
              {t('newOrder.lines.add')}
            </Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
              {t('newOrder.lines.enterHint')}
            </Typography.Text>
          </div>
        );
      }}
    </Form.List>
  );
}
