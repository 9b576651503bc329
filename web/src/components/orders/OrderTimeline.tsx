import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../hooks';
import type { OrderEvent } from '../../orders';

/** One line of detail for an event: status move, hold, mapped SKU, source. */
function EventDetail({ e }: { e: OrderEvent }) {
  const { t } = useTranslation();
  const d = e.data ?? {};
  if (e.fromStatus || e.toStatus)
    return (
      <>
        {e.fromStatus ? t(`orderStatus.${e.fromStatus}`) : '—'} →{' '}
        {e.toStatus ? t(`orderStatus.${e.toStatus}`) : '—'}
      </>
    );
  if (typeof d.hold === 'string') return <>{t(`orderHold.${d.hold}`, { defaultValue: d.hold })}</>;
  if (typeof d.channelSku === 'string') return <Typography.Text code>{d.channelSku}</Typography.Text>;
  // Return events (src/domains/returns) name their RMA.
  if (typeof d.number === 'string' && e.type.startsWith('return_'))
    return <Typography.Text code>{d.number}</Typography.Text>;
  if (typeof d.source === 'string') return <>{t(`orders.source.${d.source}`, { defaultValue: d.source })}</>;
  return null;
}

export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      data-testid="order-timeline"
      items={events.map((e, i) => ({
        key: `${i}-${e.at}`,
        content: (
          <div data-testid="timeline-event" data-type={e.type}>
            <Typography.Text strong>
              {t([`orderEvent.${e.type}`, `returns.orderEvent.${e.type}`], { defaultValue: e.type })}
            </Typography.Text>{' '}
            <EventDetail e={e} />
            <div>
              <Typography.Text type="secondary">{formatDateTime(e.at, i18n.language)}</Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
