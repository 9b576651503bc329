import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { shopPath } from '../../api';
import { CursorPager, useCursorPages } from '../../cursorPages';
import { formatDateTime, useItems } from '../../hooks';
import { type ChannelAccount, formatMoney, type OrderListItem } from '../../orders';
import { useShop } from '../../session';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ORDER_FILTER_KEYS, OrderFilters, type OrderFilterValues, orderQuery } from './OrderFilters';
import { HoldTags, OrderStatusTag } from './OrderTags';

/** The orders inbox: filters kept in the URL, keyset pagination like the product list. */
export function OrderInbox() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const accounts = useItems<ChannelAccount>(shopPath(shop.slug, '/channel-accounts'));
  const [limit, setLimit] = useState(50);

  const filters = useMemo(() => {
    const out = {} as OrderFilterValues;
    for (const key of ORDER_FILTER_KEYS) out[key] = params.get(key) ?? '';
    return out;
  }, [params]);

  const onFilterChange = useCallback(
    (patch: Partial<OrderFilterValues>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const pages = useCursorPages<OrderListItem>(shopPath(shop.slug, '/orders'), {
    ...orderQuery(filters),
    limit,
  });
  const { page, loading, error } = pages;

  const columns: ColumnsType<OrderListItem> = [
    {
      title: t('orders.externalId'),
      dataIndex: 'externalId',
      render: (v: string, o) => (
        <div>
          <Typography.Text strong style={{ fontFamily: 'monospace' }}>
            {v}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {o.accountName} · {t(`channels.${o.channel}`, { defaultValue: o.channel })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('orders.purchasedAt'),
      dataIndex: 'purchasedAt',
      width: 150,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    { title: t('orders.buyer'), dataIndex: 'buyerName', render: (v: string | null) => v ?? '—' },
    { title: t('orders.country'), dataIndex: 'country', width: 70, render: (v: string | null) => v ?? '—' },
    {
      title: t('orders.items'),
      key: 'items',
      width: 110,
      align: 'right',
      render: (_, o) => t('orders.linesUnits', { lines: o.lines, units: o.units }),
    },
    {
      title: t('orders.total'),
      dataIndex: 'totalMinor',
      width: 120,
      align: 'right',
      render: (v: number, o) => formatMoney(v, o.currency, i18n.language),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: OrderListItem['status']) => <OrderStatusTag status={s} />,
    },
    { title: t('orders.holds'), dataIndex: 'holds', render: (h: string[]) => <HoldTags holds={h} /> },
  ];

  return (
    <div>
      <OrderFilters value={filters} accounts={accounts.items} onChange={onFilterChange} />
      <ApiErrorAlert error={error ?? accounts.error} />
      <Table<OrderListItem>
        rowKey="id"
        size="middle"
        data-testid="orders-table"
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('orders.empty') }}
        onRow={(o) =>
          ({
            onClick: () => navigate(o.id),
            style: { cursor: 'pointer' },
            'data-testid': 'order-row',
            'data-status': o.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <CursorPager pages={pages} limit={limit} onLimit={setLimit} />
    </div>
  );
}
