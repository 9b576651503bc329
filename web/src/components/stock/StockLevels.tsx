import { PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath, withQuery } from '../../api';
import { formatDateTime } from '../../hooks';
import type { StockLevel, Warehouse } from '../../orders';
import { useCan, useShop } from '../../session';
import type { Page } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { DebouncedInput } from '../ProductFilters';
import { AdjustStockModal, type AdjustTarget } from './AdjustStockModal';

/** Stock by SKU × warehouse, keyset-paginated; adjust with stock:write. */
export function StockLevels({ warehouses }: { warehouses: Warehouse[] }) {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const canWrite = useCan('stock:write');
  const [sku, setSku] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [low, setLow] = useState(false);
  const [threshold, setThreshold] = useState(5);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page<StockLevel> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [adjust, setAdjust] = useState<AdjustTarget | null>(null);
  const [reload, setReload] = useState(0);

  const filterKey = JSON.stringify([sku, warehouseId, low, threshold]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts again at page 1
  useEffect(() => setCursors([null]), [filterKey]);
  const cursor = cursors[cursors.length - 1] ?? null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` re-fetches after an adjustment
  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    const query = { sku: sku.trim(), warehouseId, lowStock: low ? threshold : undefined, cursor, limit: 50 };
    api
      .get<Page<StockLevel>>(withQuery(shopPath(shop.slug, '/stock'), query))
      .then((res) => alive && setPage(res))
      .catch((e) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [shop.slug, sku, warehouseId, low, threshold, cursor, reload]);

  const num = (v: number) => v.toLocaleString(i18n.language);
  const columns: ColumnsType<StockLevel> = [
    {
      title: t('fields.sku'),
      dataIndex: 'sku',
      render: (v: string, r) => (
        <div>
          <Typography.Text code>{v}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{r.productTitle}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('stock.warehouse'), key: 'wh', render: (_, r) => `${r.warehouseCode} · ${r.warehouseName}` },
    { title: t('stock.onHand'), dataIndex: 'onHand', align: 'right', render: num },
    { title: t('stock.reserved'), dataIndex: 'reserved', align: 'right', render: num },
    { title: t('stock.inTransit'), dataIndex: 'inTransit', align: 'right', render: num },
    {
      title: t('stock.available'),
      dataIndex: 'available',
      align: 'right',
      render: (v: number) => <Typography.Text type={v <= 0 ? 'danger' : undefined}>{num(v)}</Typography.Text>,
    },
    {
      title: t('products.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    ...(canWrite
      ? [
          {
            key: 'adjust',
            width: 90,
            render: (_: unknown, r: StockLevel) => (
              <Button
                size="small"
                data-testid="stock-adjust"
                onClick={() => setAdjust({ variantId: r.variantId, sku: r.sku, warehouseId: r.warehouseId })}
              >
                {t('stock.adjust')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16, gap: 8 }}>
        <Space wrap>
          <DebouncedInput
            value={sku}
            placeholder={t('stock.skuFilter')}
            testId="stock-sku"
            width={200}
            icon
            onChange={setSku}
          />
          <Select
            allowClear
            data-testid="stock-warehouse"
            placeholder={t('stock.allWarehouses')}
            style={{ width: 200 }}
            value={warehouseId}
            onChange={setWarehouseId}
            options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
          />
          <Switch checked={low} onChange={setLow} data-testid="stock-low" />
          <span>{t('stock.lowStock')}</span>
          {low && (
            <InputNumber
              min={0}
              precision={0}
              value={threshold}
              onChange={(v) => setThreshold(v ?? 0)}
              style={{ width: 80 }}
            />
          )}
        </Space>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="stock-adjust-new"
            onClick={() => setAdjust({})}
          >
            {t('stock.adjust')}
          </Button>
        )}
      </div>
      <ApiErrorAlert error={error} />
      <Table<StockLevel>
        rowKey={(r) => `${r.variantId}:${r.warehouseId}`}
        size="middle"
        data-testid="stock-table"
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('stock.empty') }}
        onRow={(r) =>
          ({ 'data-testid': 'stock-row', 'data-sku': r.sku }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
        <Button
          data-testid="prev-page"
          disabled={cursors.length <= 1 || loading}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('common.prevPage')}
        </Button>
        <Button
          data-testid="next-page"
          disabled={!page?.nextCursor || loading}
          onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor])}
        >
          {t('common.nextPage')}
        </Button>
      </Space>
      {adjust && (
        <AdjustStockModal
          target={adjust}
          warehouses={warehouses}
          onClose={() => setAdjust(null)}
          onSaved={() => {
            setAdjust(null);
            setReload((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
