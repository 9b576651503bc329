import { Alert, App, InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { useShop } from '../../session';
import type { StockTransfer, StockTransferLine } from '../../types';
import { ImportErrorAlert } from '../orders/import/ImportErrorAlert';

/** POST /transfers/:id/receive with what was counted per line; less than shipped is a shortfall. */
export function TransferReceiveModal(props: {
  transfer: StockTransfer;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [counts, setCounts] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(props.transfer.lines.map((l) => [l.variantId, l.quantity])),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const short = props.transfer.lines.reduce(
    (n, l) => n + Math.max(0, l.quantity - (counts[l.variantId] ?? 0)),
    0,
  );
  const complete = props.transfer.lines.every((l) => typeof counts[l.variantId] === 'number');

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.post(shopPath(shop.slug, `/transfers/${props.transfer.id}/receive`), {
        lines: props.transfer.lines.map((l) => ({
          variantId: l.variantId,
          received: counts[l.variantId] ?? 0,
        })),
      });
      message.success(
        short ? t('adminOps.stock.receivedShort', { count: short }) : t('adminOps.stock.receivedFull'),
      );
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
      width={640}
      title={t('adminOps.stock.receiveTransfer', { reference: props.transfer.reference ?? '' })}
      onCancel={props.onClose}
      onOk={() => void save()}
      okText={t('adminOps.stock.receive')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, disabled: !complete, 'data-testid': 'transfer-receive-save' }}
    >
      <ImportErrorAlert error={error} codes={['CONFLICT']} />
      <Typography.Paragraph type="secondary">{t('adminOps.stock.receiveHelp')}</Typography.Paragraph>
      <Table<StockTransferLine>
        size="small"
        rowKey="variantId"
        pagination={false}
        dataSource={props.transfer.lines}
        columns={[
          {
            title: t('fields.sku'),
            dataIndex: 'sku',
            render: (v: string | null | undefined, l) => (
              <Typography.Text code>{v ?? l.variantId.slice(0, 8)}</Typography.Text>
            ),
          },
          { title: t('adminOps.stock.shipped'), dataIndex: 'quantity', align: 'right', width: 100 },
          {
            title: t('adminOps.stock.receivedQty'),
            key: 'received',
            width: 150,
            render: (_, l, i) => (
              <InputNumber
                min={0}
                max={l.quantity}
                precision={0}
                value={counts[l.variantId]}
                aria-label={`${t('adminOps.stock.receivedQty')} ${l.sku ?? ''}`}
                data-testid={`transfer-received-${i}`}
                onChange={(v) => setCounts((c) => ({ ...c, [l.variantId]: v }))}
              />
            ),
          },
        ]}
      />
      {short > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="transfer-short-warning"
          title={t('adminOps.stock.willBeShort', { count: short })}
        />
      )}
    </Modal>
  );
}
