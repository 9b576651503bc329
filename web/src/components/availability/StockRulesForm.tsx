import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { useItems } from '../../hooks';
import type { Warehouse } from '../../orders';
import { useShop } from '../../session';
import type { ChannelStockRules } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';

type RulesValues = Omit<ChannelStockRules, 'accountId' | 'saved' | 'updatedAt'>;

/** Which warehouses feed the account, buffers, share, cap and per-SKU overrides. */
export function RulesForm({
  base,
  canManage,
  onSaved,
}: {
  base: string;
  canManage: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [form] = Form.useForm<RulesValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const warehouses = useItems<Warehouse>(shopPath(shop.slug, '/warehouses'));

  useEffect(() => {
    api
      .get<ChannelStockRules>(`${base}/stock-rules`)
      .then((r) => form.setFieldsValue({ ...r, warehouseIds: r.warehouseIds ?? [] }))
      .catch(setError);
  }, [base, form]);

  const save = async (values: RulesValues) => {
    setSaving(true);
    setError(null);
    try {
      const r = await api.put<ChannelStockRules>(`${base}/stock-rules`, {
        ...values,
        warehouseIds: values.warehouseIds?.length ? values.warehouseIds : null,
        cap: values.cap ?? null,
        overrides: (values.overrides ?? []).filter((o) => o?.channelSku),
      });
      form.setFieldsValue({ ...r, warehouseIds: r.warehouseIds ?? [] });
      message.success(t('availability.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const feeding = warehouses.items.filter((w) => w.kind !== 'marketplace' && w.active);
  return (
    <Card size="small" title={t('availability.rules')} style={{ marginTop: 24 }}>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Form<RulesValues>
        form={form}
        layout="vertical"
        disabled={!canManage}
        onFinish={(v) => void save(v)}
        data-testid="channel-stock-rules"
      >
        <Form.Item name="warehouseIds" label={t('availability.warehouses')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('availability.warehousesDefault')}
            options={feeding.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            data-testid="channel-stock-warehouses"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="bufferUnits" label={t('availability.bufferUnits')}>
            <InputNumber min={0} precision={0} data-testid="channel-stock-buffer-units" />
          </Form.Item>
          <Form.Item name="bufferPercent" label={t('availability.bufferPercent')}>
            <InputNumber min={0} max={100} precision={0} data-testid="channel-stock-buffer-percent" />
          </Form.Item>
          <Form.Item name="sharePercent" label={t('availability.sharePercent')}>
            <InputNumber min={0} max={100} precision={0} data-testid="channel-stock-share" />
          </Form.Item>
          <Form.Item name="cap" label={t('availability.cap')}>
            <InputNumber
              min={0}
              precision={0}
              placeholder={t('availability.noCap')}
              data-testid="channel-stock-cap"
            />
          </Form.Item>
          <Form.Item name="listing" label={t('availability.listing')}>
            <Select
              style={{ width: 280 }}
              data-testid="channel-stock-listing"
              options={[
                { value: 'known', label: t('availability.listingKnown') },
                { value: 'catalog', label: t('availability.listingCatalog') },
              ]}
            />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t('availability.overrides')}</Typography.Title>
        <Form.List name="overrides">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap data-testid="channel-stock-override">
                  <Form.Item name={[field.name, 'channelSku']} rules={[{ required: true }]}>
                    <Input placeholder={t('availability.channelSku')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'bufferUnits']}>
                    <InputNumber
                      min={0}
                      precision={0}
                      placeholder={t('availability.bufferUnits')}
                      style={{ width: 150 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'bufferPercent']}>
                    <InputNumber
                      min={0}
                      max={100}
                      precision={0}
                      placeholder={t('availability.bufferPercent')}
                      style={{ width: 150 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'cap']}>
                    <InputNumber
                      min={0}
                      precision={0}
                      placeholder={t('availability.cap')}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fixedQuantity']}>
                    <InputNumber
                      min={0}
                      precision={0}
                      placeholder={t('availability.fixedQuantity')}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'doNotSync']} valuePropName="checked">
                    <Checkbox>{t('availability.doNotSync')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined
                    aria-label={t('availability.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ doNotSync: false })}
                data-testid="channel-stock-add-override"
              >
                {t('availability.addOverride')}
              </Button>
            </div>
          )}
        </Form.List>
        {canManage && (
          <Button
            type="primary"
            htmlType="submit"
            loading={saving}
            style={{ marginTop: 16 }}
            data-testid="channel-stock-save-rules"
          >
            {t('availability.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
