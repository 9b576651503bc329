import type { ExceptionRow } from './exceptions-query.ts';

/** The JSON shape of one exception in the worklist and on the journey page. */
export function exceptionView(r: ExceptionRow) {
  return {
    journeyId: r.journey_id,
    reference: r.reference,
    orderId: r.order_id,
    kind: r.kind,
    state: r.state,
    since: r.since,
    daysStuck: r.days,
    thresholdDays: r.threshold_days,
    status: r.status,
    milestone: r.milestone,
    shippedAt: r.shipped_at,
    lastEvent: r.ev_at
      ? {
          occurredAt: r.ev_at,
          status: r.ev_status,
          subStatus: r.ev_sub_status,
          description: r.ev_description,
          city: r.ev_city,
          country: r.ev_country,
        }
      : null,
    route: {
      origin: r.origin_country,
      destination: r.destination_country,
      destinationCity: r.destination_city,
      mode: r.mode,
    },
    service: { id: r.service_id, name: r.service_name },
    action: r.act_action
      ? {
          action: r.act_action,
          note: r.act_note,
          at: r.act_at,
          actor: r.act_actor,
          snoozeUntil: r.act_snooze_until,
        }
      : null,
  };
}
export type ExceptionView = ReturnType<typeof exceptionView>;
