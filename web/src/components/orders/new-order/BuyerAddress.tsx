import { Button, Col, Collapse, Form, type FormInstance, Input, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../../countries';
import type { Draft } from './draft';
import { callingCode, plausiblePhone } from './form-rules';
import { splitPastedAddress } from './paste-address';

/** Buyer and ship-to address, with a box that fills both from an address pasted out of a chat. */
export function BuyerAddress({ form }: { form: FormInstance<Draft> }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const country = Form.useWatch(['shipTo', 'country'], form);
  const code = callingCode(country);
  const [pasted, setPasted] = useState('');

  function fillFromPaste() {
    // Country names match in the UI language or in English (chats are often in English).
    const p = splitPastedAddress(pasted, [...countries, ...countryOptions('en')]);
    const keep = (v: string | undefined, old: string | undefined) => v ?? old;
    const draft = form.getFieldsValue(true) as Draft;
    form.setFieldsValue({
      buyer: {
        ...draft.buyer,
        name: keep(p.name, draft.buyer?.name),
        phone: keep(p.phone, draft.buyer?.phone),
        email: keep(p.email, draft.buyer?.email),
      },
      shipTo: {
        ...draft.shipTo,
        line1: keep(p.line1, draft.shipTo?.line1),
        line2: keep(p.line2, draft.shipTo?.line2),
        city: keep(p.city, draft.shipTo?.city),
        state: keep(p.state, draft.shipTo?.state),
        postcode: keep(p.postcode, draft.shipTo?.postcode),
        country: keep(p.country, draft.shipTo?.country),
      },
    });
    setPasted('');
  }

  return (
    <>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'paste',
            label: <span data-testid="new-order-paste-toggle">{t('newOrder.paste.title')}</span>,
            children: (
              <>
                <Input.TextArea
                  rows={5}
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  placeholder={t('newOrder.paste.placeholder')}
                  data-testid="new-order-paste"
                />
                <Button
                  style={{ marginTop: 8 }}
                  disabled={!pasted.trim()}
                  onClick={fillFromPaste}
                  data-testid="new-order-paste-apply"
                >
                  {t('newOrder.paste.apply')}
                </Button>
              </>
            ),
          },
        ]}
      />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['buyer', 'name']} label={t('newOrder.buyer.name')}>
            <Input data-testid="new-order-buyer-name" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['buyer', 'phone']}
            label={t('newOrder.buyer.phone')}
            extra={
              <span data-testid="new-order-phone-hint">
                {code
                  ? t('newOrder.buyer.phoneHint', { code: `+${code}` })
                  : t('newOrder.buyer.phoneHintIntl')}
              </span>
            }
            rules={[
              {
                validator: (_, v: string) =>
                  plausiblePhone(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('newOrder.errors.phone'))),
              },
            ]}
          >
            <Input data-testid="new-order-buyer-phone" inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['buyer', 'email']} label={t('newOrder.buyer.email')}>
            <Input data-testid="new-order-buyer-email" inputMode="email" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['shipTo', 'line1']} label={t('newOrder.address.line1')}>
            <Input data-testid="new-order-line1" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['shipTo', 'line2']} label={t('newOrder.address.line2')}>
            <Input data-testid="new-order-line2" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['shipTo', 'city']} label={t('newOrder.address.city')}>
            <Input data-testid="new-order-city" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['shipTo', 'state']} label={t('newOrder.address.state')}>
            <Input data-testid="new-order-state" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name={['shipTo', 'postcode']} label={t('newOrder.address.postcode')}>
            <Input data-testid="new-order-postcode" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['shipTo', 'country']} label={t('newOrder.address.country')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              options={countries}
              data-testid="new-order-country"
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
