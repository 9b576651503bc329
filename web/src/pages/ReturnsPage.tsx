import { Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ReturnStatusTag, RMA_STATUSES } from '../components/returns/ReturnTags';
import { CursorPager, useCursorPages } from '../cursorPages';
import { formatDateTime, useDebounced } from '../hooks';
import { formatMoney } from '../orders';
import { useShop } from '../session';
import type { RmaListItem } from '../types';

/** Returns newest first; status filter and search kept in the URL. */
export default function ReturnsPage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const search = useDebounced(q.trim(), 300);
  const [limit, setLimit] = useState(50);
  const pages = useCursorPages<RmaListItem>(shopPath(shop.slug, '/returns'), { status, q: search, limit });
  const base = `/shops/${encodeURIComponent(shop.slug)}`;

  const setStatus = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('status', value);
        else next.delete('status');
        return next;
      },
      { replace: true },
    );

  const columns: ColumnsType<RmaListItem> = [
    {
      title: t('returns.number'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Link to={`${base}/returns/${r.id}`} data-testid="return-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('returns.order'),
      dataIndex: 'orderExternalId',
      render: (v: string, r) => <Link to={`${base}/orders/${r.orderId}`}>{v}</Link>,
    },
    { title: t('returns.status'), dataIndex: 'status', render: (s) => <ReturnStatusTag status={s} /> },
    { title: t('returns.reason'), dataIndex: 'reason', render: (v: string) => t(`returns.reasonName.${v}`) },
    {
      title: t('returns.units'),
      align: 'right',
      render: (_: unknown, r) => `${r.received} / ${r.units}`,
    },
    {
      title: t('returns.refund'),
      align: 'right',
      render: (_: unknown, r) =>
        r.refundMinor === null ? '—' : formatMoney(r.refundMinor, r.currency, i18n.language),
    },
    {
      title: t('returns.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];

  return (
    <div>
      <Typography.Title level={3}>{t('returns.title')}</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          data-testid="returns-status-filter"
          style={{ minWidth: 180 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t('returns.allStatuses') },
            ...RMA_STATUSES.map((s) => ({ value: s, label: t(`returns.statusName.${s}`) })),
          ]}
        />
        <Input.Search
          data-testid="returns-search"
          allowClear
          style={{ width: 280 }}
          placeholder={t('returns.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </Space>
      <ApiErrorAlert error={pages.error} />
      <Table<RmaListItem>
        rowKey="id"
        size="small"
        data-testid="returns-table"
        loading={pages.loading}
        columns={columns}
        dataSource={pages.page?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('returns.empty') }}
      />
      <CursorPager pages={pages} limit={limit} onLimit={setLimit} />
    </div>
  );
}
