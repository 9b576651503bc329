import { Button, Input, InputNumber, message, Select, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, shopPath } from '../../api';
import { CursorPager, useCursorPages } from '../../cursorPages';
import { formatDateTime, useDebounced } from '../../hooks';
import { useCan, useShop } from '../../session';
import { EXCEPTION_KINDS, type ExceptionItem, type ExceptionPage } from '../../types-tracking';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ExceptionActionModal } from './ExceptionActionModal';
import { ExceptionRules } from './ExceptionRules';
import { ExceptionKindTag, ExceptionStateTag } from './TrackingTags';

/** The exceptions worklist: oldest silence first, filters, and acknowledge / resolve / snooze. */
export function ExceptionsTab() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const canAct = useCan('shipping:write');
  const [kind, setKind] = useState('');
  const [state, setState] = useState('active');
  const [destination, setDestination] = useState('');
  const [service, setService] = useState('');
  const [minDays, setMinDays] = useState<number | null>(null);
  const [limit, setLimit] = useState(50);
  const [dialog, setDialog] = useState<{ item: ExceptionItem; action: 'resolve' | 'snooze' } | null>(null);
  const dest = useDebounced(destination.trim(), 300);
  const serviceName = useDebounced(service.trim(), 300);
  const pages = useCursorPages<ExceptionItem>(shopPath(shop.slug, '/tracking/exceptions'), {
    kind,
    state,
    destination: /^[a-z]{2}$/i.test(dest) ? dest : '',
    service: serviceName,
    minDays: minDays ?? '',
    limit,
  });
  const counts = (pages.page as ExceptionPage | null)?.counts ?? null;
  const base = `/shops/${encodeURIComponent(shop.slug)}`;

  const acknowledge = async (item: ExceptionItem) => {
    try {
      await api.post(shopPath(shop.slug, `/tracking/exceptions/${item.journeyId}/actions`), {
        action: 'acknowledge',
      });
      message.success(t('tracking.acknowledged'));
      pages.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<ExceptionItem> = [
    {
      title: t('tracking.reference'),
      dataIndex: 'reference',
      render: (v: string, r) => (
        <Link to={`${base}/tracking/journeys/${r.journeyId}`} data-testid="exception-journey-link">
          {v}
        </Link>
      ),
    },
    { title: t('tracking.exceptionKind'), dataIndex: 'kind', render: (k) => <ExceptionKindTag kind={k} /> },
    { title: t('tracking.stateLabel'), dataIndex: 'state', render: (s) => <ExceptionStateTag state={s} /> },
    {
      title: t('tracking.daysStuck'),
      dataIndex: 'daysStuck',
      align: 'right',
      render: (d: number, r) =>
        r.thresholdDays ? (
          <Tooltip
            title={t('tracking.thresholdTip', { days: r.thresholdDays })}
          >{`${d} / ${r.thresholdDays}`}</Tooltip>
        ) : (
          d
        ),
    },
    {
      title: t('tracking.since'),
      dataIndex: 'since',
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      title: t('tracking.lastEvent'),
      render: (_: unknown, r) =>
        r.lastEvent
          ? `${r.lastEvent.description}${r.lastEvent.city ? ` · ${r.lastEvent.city}` : ''}${r.lastEvent.country ? ` ${r.lastEvent.country}` : ''}`
          : t('tracking.noEvents'),
    },
    {
      title: t('tracking.route'),
      render: (_: unknown, r) =>
        `${r.route.origin} → ${r.route.destination}${r.route.mode ? ` · ${t(`tracking.modeName.${r.route.mode}`)}` : ''}`,
    },
    { title: t('tracking.service'), render: (_: unknown, r) => r.service.name ?? '—' },
    {
      title: t('tracking.order'),
      dataIndex: 'orderId',
      render: (v: string | null) =>
        v ? <Link to={`${base}/orders/${v}`}>{t('tracking.openOrder')}</Link> : '—',
    },
    {
      title: t('tracking.actions'),
      render: (_: unknown, r) =>
        canAct && r.state !== 'resolved' ? (
          <Space size={4} wrap>
            {r.state === 'open' && (
              <Button
                size="small"
                data-testid={`exception-ack-${r.reference}`}
                onClick={() => acknowledge(r)}
              >
                {t('tracking.acknowledge')}
              </Button>
            )}
            <Button
              size="small"
              type="primary"
              data-testid={`exception-resolve-${r.reference}`}
              onClick={() => setDialog({ item: r, action: 'resolve' })}
            >
              {t('tracking.resolve')}
            </Button>
            <Button
              size="small"
              data-testid={`exception-snooze-${r.reference}`}
              onClick={() => setDialog({ item: r, action: 'snooze' })}
            >
              {t('tracking.snooze')}
            </Button>
          </Space>
        ) : r.action?.note ? (
          <Tooltip title={r.action.note}>{t(`tracking.state.${r.state}`)}</Tooltip>
        ) : null,
    },
  ];

  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          data-testid="exceptions-kind-filter"
          style={{ minWidth: 220 }}
          value={kind}
          onChange={setKind}
          options={[
            { value: '', label: t('tracking.allKinds') },
            ...EXCEPTION_KINDS.map((k) => ({
              value: k,
              label: `${t(`tracking.kind.${k}`)}${counts ? ` (${counts[k] ?? 0})` : ''}`,
            })),
          ]}
        />
        <Select
          data-testid="exceptions-state-filter"
          style={{ minWidth: 160 }}
          value={state}
          onChange={setState}
          options={['active', 'open', 'acknowledged', 'snoozed', 'resolved', 'all'].map((s) => ({
            value: s,
            label: t(`tracking.stateFilter.${s}`),
          }))}
        />
        <Input
          data-testid="exceptions-destination-filter"
          allowClear
          style={{ width: 140 }}
          maxLength={2}
          placeholder={t('tracking.destination')}
          value={destination}
          onChange={(e) => setDestination(e.target.value.toUpperCase())}
        />
        <Input
          data-testid="exceptions-service-filter"
          allowClear
          style={{ width: 180 }}
          placeholder={t('tracking.service')}
          value={service}
          onChange={(e) => setService(e.target.value)}
        />
        <InputNumber
          data-testid="exceptions-min-days"
          min={0}
          style={{ width: 160 }}
          placeholder={t('tracking.minDays')}
          value={minDays}
          onChange={(v) => setMinDays(typeof v === 'number' ? v : null)}
        />
      </Space>
      <ApiErrorAlert error={pages.error} />
      <Table<ExceptionItem>
        rowKey="journeyId"
        size="small"
        data-testid="exceptions-table"
        loading={pages.loading}
        columns={columns}
        dataSource={pages.page?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('tracking.noExceptions') }}
      />
      <CursorPager pages={pages} limit={limit} onLimit={setLimit} />
      {dialog && (
        <ExceptionActionModal
          item={dialog.item}
          action={dialog.action}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            message.success(t(dialog.action === 'resolve' ? 'tracking.resolved' : 'tracking.snoozed'));
            pages.reload();
          }}
        />
      )}
      <ExceptionRules />
    </div>
  );
}
