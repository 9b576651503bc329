import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RmaStatus } from '../../types';

export const RMA_STATUSES: RmaStatus[] = [
  'requested',
  'partially_received',
  'received',
  'closed',
  'cancelled',
  'rejected',
];
export const RMA_REASONS = [
  'defective',
  'damaged_in_transit',
  'wrong_item',
  'not_as_described',
  'no_longer_needed',
  'other',
] as const;

/** Order statuses a return can be opened from (the server checks the same list). */
export const RETURNABLE_ORDER_STATUSES = [
  'shipped',
  'partially_shipped',
  'delivered',
  'completed',
  'return_requested',
  'returned',
];

const COLORS: Record<RmaStatus, string> = {
  requested: 'gold',
  partially_received: 'blue',
  received: 'cyan',
  closed: 'green',
  cancelled: 'default',
  rejected: 'red',
};

export function ReturnStatusTag({ status }: { status: RmaStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="return-status" data-status={status}>
      {t(`returns.statusName.${status}`)}
    </Tag>
  );
}
