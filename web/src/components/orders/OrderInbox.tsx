import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, shopPath, withQuery } from '../../api';
import { CursorPager, useCursorPages } from '../../cursorPages';
import { formatDateTime, useItems } from '../../hooks';
import { type ChannelAccount, formatMoney, type OrderListItem } from '../../orders';
import { useCan, useShop } from '../../session';
import type { Page } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { OrderBulkActions } from './OrderBulkActions';
import { ORDER_FILTER_KEYS, OrderFilters, type OrderFilterValues, orderQuery } from './OrderFilters';
import { OrderStatusTag } from './OrderTags';

/** The most ids POST /orders/bulk takes at once. */
const BULK_MAX = 1000;

/** The orders inbox: filters kept in the URL, keyset pagination like the product list. */
export function OrderInbox() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const accounts = useItems<ChannelAccount>(shopPath(shop.slug, '/channel-accounts'));
  const [limit, setLimit] = useState(50);
  const canWrite = useCan('orders:write');
  const [selected, setSelected] = useState<string[]>([]);
  // Status of every order we have seen selected (page rows and the "all matching" walk).
  const [statusOf, setStatusOf] = useState<Record<string, OrderListItem['status']>>({});
  const [matching, setMatching] = useState(false);

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
          setSelected([]);
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
  const query = orderQuery(filters);

  /**
   * "Select all matching": the bulk API takes ids (at most 1000), so walk the filtered list with
   * its cursor and collect them; more than that is refused with a message rather than cut short.
   */
  const selectAllMatching = async () => {
    setMatching(true);
    try {
      const ids: string[] = [];
      const seen: OrderListItem[] = [];
      let cursor: string | null = null;
      do {
        const res: Page<OrderListItem> = await api.get<Page<OrderListItem>>(
          withQuery(shopPath(shop.slug, '/orders'), { ...query, limit: 200, cursor }),
        );
        ids.push(...res.items.map((o) => o.id));
        seen.push(...res.items);
        cursor = res.nextCursor;
      } while (cursor && ids.length <= BULK_MAX);
      if (ids.length > BULK_MAX) setTooMany(true);
      else {
        setStatusOf((m) => ({ ...m, ...Object.fromEntries(seen.map((o) => [o.id, o.status])) }));
        setSelected(ids);
      }
    } finally {
      setMatching(false);
    }
  };
  const [tooMany, setTooMany] = useState(false);

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
    {
      title: t('orders.holds'),
      dataIndex: 'holds',
      render: (holds: string[]) =>
        // Person-set holds (compliance, manual) are labelled in this area, system ones in the base catalog.
        holds.map((h) => (
          <Tag key={h} color="orange" data-hold={h}>
            {t(`orderHold.${h}`, { defaultValue: t(`adminOps.hold.${h}`, { defaultValue: h }) })}
          </Tag>
        )),
    },
    {
      title: t('fields.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) =>
        tags.length ? (
          <span data-testid="order-tags">
            {tags.map((x) => (
              <Tag key={x}>{x}</Tag>
            ))}
          </span>
        ) : null,
    },
  ];

  return (
    <div>
      <OrderFilters value={filters} accounts={accounts.items} onChange={onFilterChange} />
      <ApiErrorAlert error={error ?? accounts.error} />
      {canWrite && (
        <OrderBulkActions
          ids={selected}
          statuses={[...new Set(selected.flatMap((id) => (statusOf[id] ? [statusOf[id]] : [])))]}
          labelOf={(id) => page?.items.find((o) => o.id === id)?.externalId ?? id.slice(0, 8)}
          onClear={() => {
            setSelected([]);
            setTooMany(false);
          }}
          onDone={() => {
            setSelected([]);
            pages.reload();
          }}
          extra={
            <>
              <Button
                data-testid="bulk-select-matching"
                loading={matching}
                disabled={!page?.items.length}
                onClick={() => void selectAllMatching()}
              >
                {t('adminOps.bulk.selectMatching')}
              </Button>
              {tooMany && (
                <Typography.Text type="danger" data-testid="bulk-too-many">
                  {t('adminOps.bulk.tooMany', { max: BULK_MAX })}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
      <Table<OrderListItem>
        rowSelection={
          canWrite
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys, rows) => {
                  setStatusOf((m) => ({
                    ...m,
                    ...Object.fromEntries(rows.filter(Boolean).map((o) => [o.id, o.status])),
                  }));
                  setSelected(keys as string[]);
                },
                getCheckboxProps: (o) =>
                  ({ 'data-testid': 'order-select', 'aria-label': o.externalId }) as never,
              }
            : undefined
        }
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
