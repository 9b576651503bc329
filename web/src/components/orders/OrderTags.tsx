import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type OrderStatus, STATUS_COLORS } from '../../orders';

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {t(`orderStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function HoldTags({ holds }: { holds: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {holds.map((h) => (
        <Tag key={h} color="orange" data-hold={h}>
          {t(`orderHold.${h}`, { defaultValue: h })}
        </Tag>
      ))}
    </>
  );
}
