import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExceptionKind, ExceptionState, TrackingStatus } from '../../types-tracking';

const STATUS_COLORS: Record<TrackingStatus, string> = {
  Pending: 'default',
  InfoReceived: 'cyan',
  InTransit: 'blue',
  OutForDelivery: 'geekblue',
  AvailableForPickup: 'purple',
  AttemptFail: 'orange',
  Delivered: 'green',
  Exception: 'red',
  Expired: 'volcano',
};

export function TrackingStatusTag({ status }: { status: TrackingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {t(`tracking.statusName.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const KIND_COLORS: Record<ExceptionKind, string> = {
  stuck: 'orange',
  customs_hold: 'gold',
  returned_to_sender: 'magenta',
  attempt_failed: 'volcano',
  exception: 'red',
  expired: 'default',
  not_found: 'purple',
};

export function ExceptionKindTag({ kind }: { kind: ExceptionKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} data-kind={kind}>
      {t(`tracking.kind.${kind}`)}
    </Tag>
  );
}

const STATE_COLORS: Record<ExceptionState, string> = {
  open: 'red',
  acknowledged: 'blue',
  snoozed: 'default',
  resolved: 'green',
};

export function ExceptionStateTag({ state }: { state: ExceptionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-state={state}>
      {t(`tracking.state.${state}`)}
    </Tag>
  );
}
