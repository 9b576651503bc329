import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShipmentDetail } from '../../types-shipments';

/**
 * Labelling: a service bought through a carrier API needs nothing typed; an own label may carry
 * carrier tracking numbers the user got elsewhere (checked by the server; typos are refused).
 */
export function LabelForm({
  shipment,
  busy,
  onLabel,
}: {
  shipment: ShipmentDetail;
  busy: boolean;
  onLabel: (numbers: { parcelNo: number; trackingNumber: string }[]) => void;
}) {
  const { t } = useTranslation();
  const [numbers, setNumbers] = useState<Record<number, string>>({});
  const viaApi = !!shipment.service?.viaApi;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!viaApi &&
        shipment.parcels.map((p) => (
          <Input
            key={p.parcelNo}
            data-testid={`label-tracking-${p.parcelNo}`}
            addonBefore={t('shipments.parcelNo', { no: p.parcelNo })}
            placeholder={t('shipments.trackingOptional')}
            value={numbers[p.parcelNo] ?? ''}
            onChange={(e) => setNumbers((n) => ({ ...n, [p.parcelNo]: e.target.value }))}
          />
        ))}
      <Button
        type="primary"
        loading={busy}
        data-testid="shipment-label"
        onClick={() =>
          onLabel(
            Object.entries(numbers)
              .filter(([, v]) => v.trim())
              .map(([k, v]) => ({ parcelNo: Number(k), trackingNumber: v.trim() })),
          )
        }
      >
        {viaApi
          ? t('shipments.buyLabel', { carrier: shipment.service?.name ?? '' })
          : t('shipments.makeLabel')}
      </Button>
    </Space>
  );
}
