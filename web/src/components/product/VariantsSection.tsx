import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { minorDigits, parseMinor } from '../../money';
import { useShop } from '../../session';
import type { ProductOption } from '../../types';
import { OptionsEditor } from './OptionsEditor';
import { emptyVariant, generateVariants, type ProductForm } from './productForm';

const cell = { style: { marginBottom: 0 } };

export function VariantsSection() {
  const { t } = useTranslation();
  const shop = useShop();
  const form = Form.useFormInstance<ProductForm>();
  const options = (Form.useWatch('options', form) ?? []) as Partial<ProductOption>[];
  const named = options.filter((o) => o?.name);
  const currency = shop.defaultCurrency;
  const moneyRule = (digits: number) => ({
    validator: (_: unknown, v: string | undefined) =>
      Number.isNaN(parseMinor(v, digits))
        ? Promise.reject(new Error(t('product.moneyInvalid', { example: digits ? '12.50' : '1250' })))
        : Promise.resolve(),
  });
  const mm = (key: 'lengthMm' | 'widthMm' | 'heightMm') => ({
    title: t(`fields.${key}`),
    width: 90,
    render: (_: unknown, f: FormListFieldData) => (
      <Form.Item name={[f.name, key]} {...cell}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    ),
  });

  return (
    <>
      <Card title={t('product.options')} style={{ marginBottom: 16 }}>
        <OptionsEditor />
      </Card>
      <Form.List name="variants">
        {(fields, { add, remove }) => {
          const columns: ColumnsType<FormListFieldData> = [
            {
              title: t('fields.sku'),
              width: 170,
              fixed: 'left',
              render: (_, f) => (
                <Form.Item
                  name={[f.name, 'sku']}
                  rules={[{ required: true, whitespace: true, message: t('product.skuRequired') }]}
                  {...cell}
                >
                  <Input data-testid={`variant-sku-${f.name}`} />
                </Form.Item>
              ),
            },
            ...named.map((o, oi) => ({
              title: o.name,
              width: 130,
              key: `opt-${oi}`,
              render: (_: unknown, f: FormListFieldData) => (
                <Form.Item name={[f.name, 'optionValues', o.name as string]} {...cell}>
                  <Select
                    allowClear
                    data-testid={`variant-option-${f.name}-${oi}`}
                    options={(o.values ?? []).map((v) => ({ value: v, label: v }))}
                  />
                </Form.Item>
              ),
            })),
            {
              title: t('fields.gtin'),
              width: 150,
              render: (_, f) => (
                <Form.Item name={[f.name, 'gtin']} {...cell}>
                  <Input inputMode="numeric" data-testid={`variant-gtin-${f.name}`} />
                </Form.Item>
              ),
            },
            {
              title: `${t('fields.priceMinor')} (${currency})`,
              width: 120,
              render: (_, f) => (
                <Form.Item name={[f.name, 'priceMinor']} rules={[moneyRule(minorDigits(currency))]} {...cell}>
                  <Input inputMode="decimal" placeholder="0.00" data-testid={`variant-price-${f.name}`} />
                </Form.Item>
              ),
            },
            {
              title: `${t('fields.costPriceMinor')} (¥)`,
              width: 120,
              render: (_, f) => (
                <Form.Item name={[f.name, 'costPriceMinor']} rules={[moneyRule(2)]} {...cell}>
                  <Input inputMode="decimal" placeholder="12.50" data-testid={`variant-cost-${f.name}`} />
                </Form.Item>
              ),
            },
            {
              title: t('fields.weightG'),
              width: 100,
              render: (_, f) => (
                <Form.Item name={[f.name, 'weightG']} {...cell}>
                  <InputNumber
                    min={0}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid={`variant-weight-${f.name}`}
                  />
                </Form.Item>
              ),
            },
            mm('lengthMm'),
            mm('widthMm'),
            mm('heightMm'),
            {
              width: 56,
              fixed: 'right',
              render: (_, f) => (
                <Popconfirm title={t('product.removeVariant')} onConfirm={() => remove(f.name)}>
                  <Button
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    aria-label={t('common.delete')}
                  />
                </Popconfirm>
              ),
            },
          ];
          return (
            <Card
              title={t('product.variants')}
              extra={
                <Space>
                  <Button
                    icon={<ThunderboltOutlined />}
                    disabled={named.length === 0}
                    onClick={() =>
                      form.setFieldValue('variants', generateVariants(form.getFieldsValue(true), currency))
                    }
                    data-testid="generate-variants"
                  >
                    {t('product.generateVariants')}
                  </Button>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add(emptyVariant(currency))}
                    data-testid="add-variant"
                  >
                    {t('product.addVariant')}
                  </Button>
                </Space>
              }
            >
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={fields}
                columns={columns}
              />
            </Card>
          );
        }}
      </Form.List>
    </>
  );
}
