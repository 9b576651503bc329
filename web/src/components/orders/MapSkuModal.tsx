import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import type { MappingQueueItem } from '../../orders';
import { useShop } from '../../session';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { SkuPicker } from './SkuPicker';

interface Row {
  key: number;
  sku?: string;
  quantity: number;
}

/** Map one channel SKU to one catalog SKU × quantity, or to several (a bundle). */
export function MapSkuModal(props: { item: MappingQueueItem; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [rows, setRows] = useState<Row[]>([{ key: 0, quantity: 1 }]);
  const [thisAccount, setThisAccount] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const ready = rows.every((r) => r.sku && r.quantity >= 1);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const res = await api.post<{ resolvedOrders: number }>(shopPath(shop.slug, '/sku-mappings'), {
        channelAccountId: thisAccount ? props.item.accountId : null,
        channelSku: props.item.channelSku,
        components: rows.map((r) => ({ sku: r.sku, quantity: r.quantity })),
      });
      message.success(t('orders.mapping.saved', { n: res.resolvedOrders }));
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
      width={620}
      title={t('orders.mapping.modalTitle', { sku: props.item.channelSku })}
      onCancel={props.onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      okButtonProps={{ disabled: !ready, loading: saving, 'data-testid': 'mapping-save' }}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph type="secondary">{t('orders.mapping.modalHelp')}</Typography.Paragraph>
      <ApiErrorAlert error={error} />
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.map((r, i) => (
          <Space key={r.key} align="center">
            <SkuPicker value={r.sku} onChange={(sku) => update(r.key, { sku })} testId={`mapping-sku-${i}`} />
            <span>×</span>
            <InputNumber
              min={1}
              max={1000}
              precision={0}
              value={r.quantity}
              data-testid={`mapping-qty-${i}`}
              onChange={(v) => update(r.key, { quantity: v ?? 1 })}
            />
            {rows.length > 1 && (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              />
            )}
          </Space>
        ))}
        <Button
          icon={<PlusOutlined />}
          data-testid="mapping-add-component"
          onClick={() => setRows((rs) => [...rs, { key: Date.now(), quantity: 1 }])}
        >
          {t('orders.mapping.addComponent')}
        </Button>
        <Checkbox checked={thisAccount} onChange={(e) => setThisAccount(e.target.checked)}>
          {t('orders.mapping.thisAccountOnly', { account: props.item.accountName })}
        </Checkbox>
      </Space>
    </Modal>
  );
}
