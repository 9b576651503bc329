import { Alert, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import type { OrderDetail, OrderLine } from '../../orders';
import { useShop } from '../../session';
import type { RmaDetail } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { RMA_REASONS } from './ReturnTags';

/** POST /orders/:id/returns: pick lines and quantities, a reason and a note. */
export function CreateReturnModal(props: {
  order: OrderDetail;
  onClose: () => void;
  onCreated: (rma: RmaDetail) => void;
}) {
  const { t } = useTranslation();
  const shop = useShop();
  const [reason, setReason] = useState<string>('defective');
  const [note, setNote] = useState('');
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);

  const save = async () => {
    const lines = Object.entries(quantities)
      .filter(([, q]) => q > 0)
      .map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
    setNothing(lines.length === 0);
    if (!lines.length) return;
    setSaving(true);
    setError(null);
    try {
      const rma = await api.post<RmaDetail>(shopPath(shop.slug, `/orders/${props.order.id}/returns`), {
        reason,
        ...(note.trim() ? { note: note.trim() } : {}),
        lines,
      });
      props.onCreated(rma);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('returns.create.title', { id: props.order.externalId })}
      onCancel={props.onClose}
      onOk={() => void save()}
      okText={t('returns.create.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'create-return-submit' }}
    >
      {props.order.fulfillment === 'marketplace' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('returns.create.fba')} />
      )}
      <ApiErrorAlert error={error} />
      {nothing && <Alert type="warning" style={{ marginBottom: 16 }} title={t('returns.create.nothing')} />}
      <Form layout="vertical">
        <Form.Item label={t('returns.create.reason')} required>
          <Select
            data-testid="create-return-reason"
            value={reason}
            onChange={setReason}
            options={RMA_REASONS.map((r) => ({ value: r, label: t(`returns.reasonName.${r}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('returns.create.note')}>
          <Input.TextArea
            data-testid="create-return-note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
      <Table<OrderLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.order.lines}
        columns={[
          {
            title: t('returns.sku'),
            dataIndex: 'channelSku',
            render: (v: string, l) => (
              <div>
                <Typography.Text code>{v}</Typography.Text>
                {l.title && <div>{l.title}</div>}
              </div>
            ),
          },
          { title: t('returns.create.ordered'), dataIndex: 'quantity', align: 'right', width: 90 },
          {
            title: t('returns.create.quantity'),
            width: 140,
            render: (_: unknown, l) => (
              <InputNumber
                data-testid={`create-return-qty-${l.channelSku}`}
                min={0}
                max={l.quantity}
                precision={0}
                value={quantities[l.id] ?? 0}
                onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: Number(v ?? 0) }))}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
