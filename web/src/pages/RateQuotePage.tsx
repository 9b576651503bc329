import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { days, kg, money } from '../components/logistics/format';
import { useShop } from '../session';
import type { QuoteResult, RateOption } from '../types-logistics';

/** Rate shopping (route logistics/quote): a parcel in kg/cm → every option with its breakdown, and why others are excluded. */
export default function RateQuotePage() {
  const { t } = useTranslation();
  const shop = useShop();
  const [result, setResult] = useState<QuoteResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: {
    to: string;
    postcode?: string;
    weightKg: number;
    l?: number;
    w?: number;
    h?: number;
    battery?: boolean;
    dg?: boolean;
  }) => {
    setBusy(true);
    try {
      setResult(
        await api.post<QuoteResult>(shopPath(shop.slug, '/logistics/quote'), {
          destinationCountry: v.to.trim().toUpperCase(),
          postcode: v.postcode || null,
          weightKg: v.weightKg,
          dimsCm: v.l && v.w && v.h ? { l: v.l, w: v.w, h: v.h } : null,
          battery: !!v.battery,
          dangerousGoods: !!v.dg,
        }),
      );
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="rate-quote-page">
      <Typography.Title level={3}>{t('logistics.quote.title')}</Typography.Title>
      <Form
        layout="inline"
        onFinish={submit}
        initialValues={{ to: 'US', weightKg: 0.5 }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="to" label={t('logistics.quote.to')} rules={[{ required: true, len: 2 }]}>
          <Input style={{ width: 70 }} data-testid="quote-to" />
        </Form.Item>
        <Form.Item name="postcode" label={t('logistics.quote.postcode')}>
          <Input style={{ width: 110 }} data-testid="quote-postcode" />
        </Form.Item>
        <Form.Item name="weightKg" label={t('logistics.quote.weight')} rules={[{ required: true }]}>
          <InputNumber min={0.001} step={0.1} data-testid="quote-weight" />
        </Form.Item>
        <Form.Item label={t('logistics.quote.dims')}>
          <Space.Compact>
            <Form.Item name="l" noStyle>
              <InputNumber min={0.1} placeholder="L" data-testid="quote-l" />
            </Form.Item>
            <Form.Item name="w" noStyle>
              <InputNumber min={0.1} placeholder="W" data-testid="quote-w" />
            </Form.Item>
            <Form.Item name="h" noStyle>
              <InputNumber min={0.1} placeholder="H" data-testid="quote-h" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="battery" valuePropName="checked">
          <Checkbox data-testid="quote-battery">{t('logistics.quote.battery')}</Checkbox>
        </Form.Item>
        <Form.Item name="dg" valuePropName="checked">
          <Checkbox>{t('logistics.quote.dg')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="quote-submit">
          {t('logistics.quote.submit')}
        </Button>
      </Form>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      {result && (
        <>
          <Card title={t('logistics.quote.options')} size="small" style={{ marginBottom: 16 }}>
            {result.options.length === 0 && <Alert type="warning" title={t('logistics.quote.noOptions')} />}
            <Table<RateOption>
              rowKey="serviceId"
              size="small"
              pagination={false}
              dataSource={result.options}
              data-testid="quote-options"
              expandable={{
                defaultExpandAllRows: true,
                expandedRowRender: (o) => (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(l) => `${l.kind}-${l.label}`}
                    dataSource={o.breakdown}
                    data-testid={`quote-breakdown-${o.code}`}
                    columns={[
                      { title: t('logistics.quote.breakdown'), dataIndex: 'label' },
                      {
                        title: '',
                        dataIndex: 'amountMinor',
                        align: 'right',
                        render: (m: number) => money(m, o.currency),
                      },
                    ]}
                  />
                ),
              }}
              columns={[
                {
                  title: t('logistics.columns.code'),
                  dataIndex: 'code',
                  render: (c: string, o) => (
                    <span data-testid={`quote-option-${c}`}>
                      {c} · {o.name}
                    </span>
                  ),
                },
                {
                  title: t('logistics.quote.total'),
                  dataIndex: 'totalMinor',
                  render: (m: number, o) => <strong>{money(m, o.currency)}</strong>,
                },
                {
                  title: t('logistics.quote.chargeable'),
                  key: 'w',
                  render: (_, o) =>
                    `${kg(o.chargeableWeightG)} kg${o.volumetricWeightG !== null ? ` (${t('logistics.quote.volumetric', { kg: kg(o.volumetricWeightG) })})` : ''}`,
                },
                { title: t('logistics.quote.transit'), dataIndex: 'transitDays', render: days },
                { title: t('logistics.quote.zone'), dataIndex: 'zone' },
              ]}
            />
          </Card>
          {result.excluded.length > 0 && (
            <Card title={t('logistics.quote.excluded')} size="small" data-testid="quote-excluded">
              {result.excluded.map((e) => (
                <div key={e.serviceId} style={{ marginBottom: 6 }} data-testid={`quote-excluded-${e.code}`}>
                  <Tag color="red">{e.code}</Tag> {e.name}: {e.reasons.map((r) => r.message).join('; ')}
                </div>
              ))}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
