import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShipmentStatus } from '../../types-shipments';

const colour: Record<ShipmentStatus, string> = {
  draft: 'default',
  packed: 'blue',
  labelled: 'purple',
  shipped: 'green',
  cancelled: 'red',
};

export function ShipmentStatusTag({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colour[status]} data-testid="shipment-status">
      {t(`shipments.status.${status}`)}
    </Tag>
  );
}
