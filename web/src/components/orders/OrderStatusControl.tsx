import { Alert, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, shopPath } from '../../api';
import { errorMessage } from '../../errors';
import { NEXT_STATUSES, type OrderStatus } from '../../orders';
import { useShop } from '../../session';

const SHIPPING: OrderStatus[] = ['shipped', 'partially_shipped'];

/** Move the order one step; offers only the legal next statuses, shows the server's refusal. */
export function OrderStatusControl(props: { orderId: string; status: OrderStatus; onChanged: () => void }) {
  const { t } = useTranslation();
  const shop = useShop();
  const [next, setNext] = useState<OrderStatus | undefined>();
  const [tracking, setTracking] = useState('');
  const [carrier, setCarrier] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = NEXT_STATUSES[props.status] ?? [];

  const apply = async () => {
    if (!next) return;
    setSaving(true);
    setError(null);
    try {
      await api.post(shopPath(shop.slug, `/orders/${props.orderId}/status`), {
        status: next,
        ...(tracking.trim() ? { trackingNumber: tracking.trim() } : {}),
        ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
      });
      setNext(undefined);
      setTracking('');
      setCarrier('');
      props.onChanged();
    } catch (e) {
      setError(e);
      // Refused because the order moved meanwhile: reload so the page shows where it is now.
      if (isApiError(e) && e.code === 'CONFLICT') {
        setNext(undefined);
        props.onChanged();
      }
    } finally {
      setSaving(false);
    }
  };

  // A refused move (409) explains itself in the server message, which lists the legal statuses.
  const refusal = isApiError(error) && error.code === 'CONFLICT' ? error.message : null;
  return (
    <div>
      {options.length > 0 && (
        <Space wrap>
          <Select
            data-testid="order-status-select"
            style={{ width: 180 }}
            placeholder={t('orders.changeStatus')}
            value={next}
            onChange={setNext}
            options={options.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
          />
          {next && SHIPPING.includes(next) && (
            <>
              <Input
                placeholder={t('orders.carrier')}
                value={carrier}
                onChange={(e) => setCarrier(e.target.value)}
                style={{ width: 140 }}
                data-testid="order-carrier"
              />
              <Input
                placeholder={t('orders.trackingNumber')}
                value={tracking}
                onChange={(e) => setTracking(e.target.value)}
                style={{ width: 180 }}
                data-testid="order-tracking"
              />
            </>
          )}
          <Button
            type="primary"
            disabled={!next}
            loading={saving}
            onClick={() => void apply()}
            data-testid="order-status-apply"
          >
            {t('orders.applyStatus')}
          </Button>
        </Space>
      )}
      {error ? (
        <Alert
          type="error"
          showIcon
          data-testid="api-error"
          style={{ marginTop: 12 }}
          title={refusal ? t('orders.statusRefused') : errorMessage(error, t)}
          description={refusal ?? undefined}
        />
      ) : null}
    </div>
  );
}
