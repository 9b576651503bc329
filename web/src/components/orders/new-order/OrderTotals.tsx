import { Col, Form, type FormInstance, Input, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinor, minorDigits } from '../../../money';
import { formatMoney } from '../../../orders';
import { type Draft, minorOf, totals } from './draft';

/** Shipping fee, discount and the live total, all in the order currency's minor units. */
export function OrderTotals({ form }: { form: FormInstance<Draft> }) {
  const { t, i18n } = useTranslation();
  const currency = (Form.useWatch('currency', form) as string | undefined) ?? '';
  const lines = Form.useWatch('lines', form) as Draft['lines'];
  const shipping = Form.useWatch('shipping', form) as string | undefined;
  const discount = Form.useWatch('discount', form) as string | undefined;
  const digits = minorDigits(currency);
  const sum = totals({ currency, lines, shipping, discount });
  const money = (minor: number) =>
    Number.isFinite(minor)
      ? formatMoney(minor, /^[A-Z]{3}$/.test(currency) ? currency : 'USD', i18n.language)
      : '—';
  const amountRule = {
    validator: (_: unknown, v: string) =>
      Number.isNaN(minorOf(v, currency))
        ? Promise.reject(new Error(t('newOrder.errors.amount', { digits })))
        : Promise.resolve(),
  };

  return (
    <Row gutter={12} style={{ marginTop: 16 }} align="bottom">
      <Col xs={12} md={5}>
        <Form.Item name="shipping" label={t('newOrder.shipping')} rules={[amountRule]}>
          <Input inputMode="decimal" placeholder={formatMinor(0, digits)} data-testid="new-order-shipping" />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item
          name="discount"
          label={t('newOrder.discount')}
          rules={[
            amountRule,
            {
              validator: () =>
                sum.valid && sum.total < 0
                  ? Promise.reject(new Error(t('newOrder.errors.discountTooBig')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder={formatMinor(0, digits)} data-testid="new-order-discount" />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Statistic
          title={t('newOrder.itemsTotal')}
          value={money(sum.items)}
          styles={{ content: { fontSize: 16 } }}
        />
      </Col>
      <Col xs={12} md={9}>
        <div data-testid="new-order-total" data-minor={sum.valid ? sum.total : ''}>
          <Statistic
            title={t('newOrder.total')}
            value={money(sum.total)}
            styles={{ content: { fontSize: 24 } }}
          />
        </div>
      </Col>
    </Row>
  );
}
