import { DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shopPath } from '../../api';
import { CursorPager, useCursorPages } from '../../cursorPages';
import { formatDateTime } from '../../hooks';
import type { Warehouse } from '../../orders';
import { useShop } from '../../session';
import type { StockMovement } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { DebouncedInput } from '../ProductFilters';

export const MOVEMENT_KINDS = [
  'receipt',
  'reservation',
  'release',
  'shipment',
  'transfer_out',
  'transfer_in',
  'adjustment',
  'stocktake',
  'return',
  'writeoff',
] as const;

const KIND_COLORS: Record<string, string> = {
  receipt: 'green',
  reservation: 'blue',
  release: 'default',
  shipment: 'purple',
  transfer_out: 'orange',
  transfer_in: 'cyan',
  adjustment: 'gold',
  stocktake: 'geekblue',
  return: 'lime',
  writeoff: 'red',
};

/** The append-only ledger, newest first: every stock change with its reason, reference, lot and actor. */
export function Movements({ warehouses }: { warehouses: Warehouse[] }) {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const [sku, setSku] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>(null);
  const [limit, setLimit] = useState(50);

  const pages = useCursorPages<StockMovement>(shopPath(shop.slug, '/stock/movements'), {
    sku: sku.trim(),
    warehouseId,
    kind,
    from: range ? range[0].startOf('day').toISOString() : undefined,
    to: range ? range[1].add(1, 'day').startOf('day').toISOString() : undefined,
    limit,
  });
  const { page, loading, error } = pages;

  const delta = (v: number) =>
    v === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Typography.Text type={v < 0 ? 'danger' : 'success'}>
        {v > 0 ? '+' : ''}
        {v.toLocaleString(i18n.language)}
      </Typography.Text>
    );

  const columns: ColumnsType<StockMovement> = [
    {
      title: t('adminOps.stock.at'),
      dataIndex: 'at',
      width: 150,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      title: t('adminOps.stock.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: string) => (
        <Tag color={KIND_COLORS[k]}>{t(`adminOps.movementKind.${k}`, { defaultValue: k })}</Tag>
      ),
    },
    {
      title: t('fields.sku'),
      dataIndex: 'sku',
      width: 170,
      render: (v: string | null, m) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {v ?? m.variantId.slice(0, 8)}
        </Typography.Text>
      ),
    },
    {
      title: t('stock.warehouse'),
      dataIndex: 'warehouseCode',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('stock.onHand'), dataIndex: 'onHandDelta', align: 'right', width: 90, render: delta },
    { title: t('stock.reserved'), dataIndex: 'reservedDelta', align: 'right', width: 90, render: delta },
    { title: t('stock.inTransit'), dataIndex: 'inTransitDelta', align: 'right', width: 90, render: delta },
    {
      title: t('stock.reason'),
      dataIndex: 'reason',
      width: 200,
      render: (v: string | null) => v ?? '—',
      ellipsis: true,
    },
    {
      title: t('adminOps.stock.reference'),
      key: 'ref',
      width: 170,
      render: (_, m) =>
        m.refType ? (
          <Typography.Text type="secondary" title={m.refId ?? undefined}>
            {/* A receipt's reference is the seller's own (PO number); others are our ids, shortened. */}
            {m.refType === 'receipt'
              ? m.refId
              : `${t(`adminOps.refType.${m.refType}`, { defaultValue: m.refType })}${m.refId ? ` · ${m.refId.length > 24 ? `${m.refId.slice(0, 8)}…` : m.refId}` : ''}`}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('adminOps.stock.lot'),
      key: 'lot',
      width: 180,
      render: (_, m) =>
        m.lot ? `${m.lot}${m.receivedOn ? ` (${m.receivedOn})` : ''}` : (m.receivedOn ?? '—'),
    },
    {
      title: t('adminOps.stock.actor'),
      dataIndex: 'actorEmail',
      width: 170,
      ellipsis: true,
      render: (v: string | null) => v ?? t('adminOps.stock.system'),
    },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <DebouncedInput
          value={sku}
          placeholder={t('stock.skuFilter')}
          testId="movements-sku"
          width={200}
          icon
          onChange={setSku}
        />
        <Select
          allowClear
          data-testid="movements-warehouse"
          aria-label={t('stock.warehouse')}
          placeholder={t('stock.allWarehouses')}
          style={{ width: 200 }}
          value={warehouseId}
          onChange={setWarehouseId}
          options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
        />
        <Select
          allowClear
          data-testid="movements-kind"
          aria-label={t('adminOps.stock.kind')}
          placeholder={t('adminOps.stock.allKinds')}
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`adminOps.movementKind.${k}`) }))}
        />
        <DatePicker.RangePicker
          data-testid="movements-dates"
          value={range}
          onChange={(d) => setRange(d?.[0] && d[1] ? [d[0], d[1]] : null)}
        />
      </Space>
      <ApiErrorAlert error={error} />
      <Table<StockMovement>
        rowKey="id"
        size="small"
        data-testid="movements-table"
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        pagination={false}
        scroll={{ x: 1500 }}
        locale={{ emptyText: t('adminOps.stock.noMovements') }}
        onRow={(m) =>
          ({ 'data-testid': 'movement-row', 'data-kind': m.kind }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <CursorPager pages={pages} limit={limit} onLimit={setLimit} />
    </div>
  );
}
