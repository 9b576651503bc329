import { Card, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../countries';
import type { ProductForm } from './productForm';

const cell = { style: { marginBottom: 0 } };
const LITHIUM = ['none', 'PI965', 'PI966', 'PI967', 'PI968', 'PI969', 'PI970'] as const;
const HAZARDS = ['liquid', 'magnet', 'powder', 'blade'] as const;

/** Customs and shipping data per variant: HS code, declared names, origin, dangerous goods. */
export function TradeSection() {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<ProductForm>();
  const variants = Form.useWatch('variants', form) ?? [];
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  const text = (key: 'declaredNameEn' | 'declaredNameZh' | 'material', width: number) => ({
    title: t(`fields.${key}`),
    width,
    render: (_: unknown, f: FormListFieldData) => (
      <Form.Item name={[f.name, key]} {...cell}>
        <Input data-testid={`variant-${key}-${f.name}`} />
      </Form.Item>
    ),
  });

  const columns: ColumnsType<FormListFieldData> = [
    {
      title: t('fields.sku'),
      width: 140,
      fixed: 'left',
      render: (_, f) => <Typography.Text code>{variants[f.name]?.sku || `#${f.name + 1}`}</Typography.Text>,
    },
    {
      title: t('fields.hsCode'),
      width: 130,
      render: (_, f) => (
        <Form.Item
          name={[f.name, 'hsCode']}
          rules={[{ pattern: /^[\d.\s]{6,13}$/, message: t('product.hsCodeInvalid') }]}
          {...cell}
        >
          <Input inputMode="numeric" placeholder="950300" data-testid={`variant-hsCode-${f.name}`} />
        </Form.Item>
      ),
    },
    text('declaredNameEn', 170),
    text('declaredNameZh', 150),
    text('material', 130),
    {
      title: t('fields.originCountry'),
      width: 170,
      render: (_, f) => (
        <Form.Item name={[f.name, 'originCountry']} {...cell}>
          <Select showSearch optionFilterProp="label" options={countries} allowClear />
        </Form.Item>
      ),
    },
    {
      title: t('fields.lithiumBattery'),
      width: 190,
      render: (_, f) => (
        <Form.Item name={[f.name, 'dangerousGoods', 'lithiumBattery']} {...cell}>
          <Select options={LITHIUM.map((v) => ({ value: v, label: t(`lithium.${v}`) }))} />
        </Form.Item>
      ),
    },
    {
      title: t('product.otherHazards'),
      width: 260,
      render: (_, f) => (
        <Space size={4} wrap>
          {HAZARDS.map((h) => (
            <Form.Item key={h} name={[f.name, 'dangerousGoods', h]} valuePropName="checked" noStyle>
              <Checkbox data-testid={`variant-${h}-${f.name}`}>{t(`fields.${h}`)}</Checkbox>
            </Form.Item>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('product.trade')}>
      <Typography.Paragraph type="secondary">{t('product.tradeHelp')}</Typography.Paragraph>
      <Form.List name="variants">
        {(fields) => (
          <Table<FormListFieldData>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={fields}
            columns={columns}
          />
        )}
      </Form.List>
    </Card>
  );
}
