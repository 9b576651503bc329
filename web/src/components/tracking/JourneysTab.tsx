import { Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { shopPath } from '../../api';
import { CursorPager, useCursorPages } from '../../cursorPages';
import { formatDateTime, useDebounced } from '../../hooks';
import { useShop } from '../../session';
import { type JourneyListItem, TRACKING_STATUSES } from '../../types-tracking';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { TrackingStatusTag } from './TrackingTags';

/** Journeys newest first; search by reference, any leg's tracking number or order id. */
export function JourneysTab() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [destination, setDestination] = useState('');
  const [limit, setLimit] = useState(50);
  const search = useDebounced(q.trim(), 300);
  const dest = useDebounced(destination.trim(), 300);
  const pages = useCursorPages<JourneyListItem>(shopPath(shop.slug, '/tracking/journeys'), {
    q: search,
    status,
    destination: /^[a-z]{2}$/i.test(dest) ? dest : '',
    limit,
  });
  const base = `/shops/${encodeURIComponent(shop.slug)}`;
  const columns: ColumnsType<JourneyListItem> = [
    {
      title: t('tracking.reference'),
      dataIndex: 'reference',
      render: (v: string, r) => (
        <Link to={`${base}/tracking/journeys/${encodeURIComponent(r.id)}`} data-testid="journey-link">
          {v}
        </Link>
      ),
    },
    { title: t('tracking.status'), dataIndex: 'status', render: (s) => <TrackingStatusTag status={s} /> },
    {
      title: t('tracking.milestone'),
      dataIndex: 'milestone',
      render: (m: string | null) => (m ? t(`tracking.milestoneName.${m}`) : '—'),
    },
    {
      title: t('tracking.trackingNumbers'),
      dataIndex: 'trackingNumbers',
      render: (n: string[]) => n.join(' → '),
    },
    {
      title: t('tracking.route'),
      render: (_: unknown, r) =>
        `${r.originCountry} → ${r.destinationCountry}${r.destinationCity ? ` (${r.destinationCity})` : ''}`,
    },
    { title: t('tracking.service'), dataIndex: 'serviceName', render: (v: string | null) => v ?? '—' },
    {
      title: t('tracking.order'),
      dataIndex: 'orderId',
      render: (v: string | null) =>
        v ? <Link to={`${base}/orders/${v}`}>{t('tracking.openOrder')}</Link> : '—',
    },
    {
      title: t('tracking.lastEventAt'),
      dataIndex: 'lastEventAt',
      render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—'),
    },
  ];
  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          data-testid="journeys-search"
          allowClear
          style={{ width: 320 }}
          placeholder={t('tracking.searchJourneys')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select
          data-testid="journeys-status-filter"
          style={{ minWidth: 180 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t('tracking.allStatuses') },
            ...TRACKING_STATUSES.map((s) => ({ value: s, label: t(`tracking.statusName.${s}`) })),
          ]}
        />
        <Input
          data-testid="journeys-destination-filter"
          allowClear
          style={{ width: 140 }}
          maxLength={2}
          placeholder={t('tracking.destination')}
          value={destination}
          onChange={(e) => setDestination(e.target.value.toUpperCase())}
        />
      </Space>
      <ApiErrorAlert error={pages.error} />
      <Table<JourneyListItem>
        rowKey="id"
        size="small"
        data-testid="journeys-table"
        loading={pages.loading}
        columns={columns}
        dataSource={pages.page?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('tracking.noJourneys') }}
      />
      <CursorPager pages={pages} limit={limit} onLimit={setLimit} />
    </div>
  );
}
