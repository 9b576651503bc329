import { AutoComplete, Collapse, Form, Input, Modal, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../../api';
import { useShop } from '../../../session';
import type { OrderImportMapping } from '../../../types';
import { ApiErrorAlert } from '../../ApiErrorAlert';

/** Fields of the generic order importer (src/domains/orders/import/formats/types.ts), most used first. */
export const GENERIC_FIELDS = [
  'orderId',
  'purchasedAt',
  'sku',
  'quantity',
  'status',
  'currency',
  'unitPrice',
  'linePrice',
  'orderTotal',
  'title',
  'buyerName',
  'buyerEmail',
  'buyerPhone',
  'shipName',
  'shipLine1',
  'shipLine2',
  'shipCity',
  'shipState',
  'shipPostcode',
  'shipCountry',
  'shipPhone',
  'orderShipping',
  'fees',
  'paymentMethod',
  'tracking',
  'carrier',
  'notes',
] as const;
const REQUIRED = new Set(['orderId', 'purchasedAt', 'sku', 'quantity']);
/** Shown at once; the rest (and the date/number settings) fold away under "more". */
const MAIN_FIELDS = 10;

/** POST /order-import-mappings: name + our field → the file's header. */
export function GenericMappingModal(props: {
  headers: string[];
  onClose: () => void;
  onSaved: (m: OrderImportMapping) => void;
}) {
  const { t } = useTranslation();
  const shop = useShop();
  const [form] = Form.useForm<Record<string, string | boolean>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = props.headers.map((h) => ({ value: h }));
  const fieldItem = (f: (typeof GENERIC_FIELDS)[number]) => (
    <Form.Item
      key={f}
      name={f}
      label={t(`adminOps.importField.${f}`)}
      rules={REQUIRED.has(f) ? [{ required: true, message: t('stock.required') }] : []}
      style={{ marginBottom: 8 }}
    >
      <AutoComplete
        allowClear
        options={options}
        data-testid={`mapping-${f}`}
        filterOption={(input, o) =>
          String(o?.value ?? '')
            .toLowerCase()
            .includes(input.toLowerCase())
        }
      />
    </Form.Item>
  );

  const save = async (values: Record<string, string | boolean>) => {
    const { name, defaultCurrency, dayFirst, decimalComma, ...rest } = values as Record<string, string> & {
      dayFirst?: boolean;
      decimalComma?: boolean;
    };
    const columns = Object.fromEntries(Object.entries(rest).filter(([, v]) => v?.trim()));
    const settings = {
      ...(defaultCurrency?.trim() ? { currency: defaultCurrency.trim().toUpperCase() } : {}),
      ...(dayFirst ? { dayFirst } : {}),
      ...(decimalComma ? { decimalComma } : {}),
    };
    setSaving(true);
    setError(null);
    try {
      const saved = await api.post<OrderImportMapping>(shopPath(shop.slug, '/order-import-mappings'), {
        name,
        columns,
        settings,
      });
      props.onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('adminOps.import.newMapping')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'mapping-save' }}
    >
      <ApiErrorAlert error={error} />
      <Typography.Paragraph type="secondary">
        {props.headers.length ? t('adminOps.import.mappingHelp') : t('adminOps.import.mappingTypeHelp')}
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 8 }} onFinish={(v) => void save(v)}>
        <Form.Item
          name="name"
          label={t('adminOps.import.mappingName')}
          rules={[{ required: true, message: t('stock.required') }]}
        >
          <Input maxLength={100} data-testid="mapping-name" />
        </Form.Item>
        {GENERIC_FIELDS.slice(0, MAIN_FIELDS).map(fieldItem)}
        <Collapse
          ghost
          items={[
            {
              key: 'more',
              label: t('adminOps.import.moreColumns'),
              children: (
                <>
                  {GENERIC_FIELDS.slice(MAIN_FIELDS).map(fieldItem)}
                  <Form.Item
                    name="defaultCurrency"
                    label={t('adminOps.import.defaultCurrency')}
                    extra={t('adminOps.import.defaultCurrencyHelp')}
                  >
                    <Input maxLength={3} style={{ width: 100 }} data-testid="mapping-default-currency" />
                  </Form.Item>
                  <Form.Item name="dayFirst" label={t('adminOps.import.dayFirst')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                  <Form.Item
                    name="decimalComma"
                    label={t('adminOps.import.decimalComma')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
