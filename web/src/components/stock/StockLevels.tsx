import { PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shopPath } from '../../api';
import { CursorPager, useCursorPages } from '../../cursorPages';
import { formatDateTime } from '../../hooks';
import type { StockLevel, Warehouse } from '../../orders';
import { useCan, useShop } from '../../session';
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
  const [adjust, setAdjust] = useState<AdjustTarget | null>(null);

  const pages = useCursorPages<StockLevel>(shopPath(shop.slug, '/stock'), {
    sku: sku.trim(),
    warehouseId,
    lowStock: low ? threshold : undefined,
    limit: 50,
  });
  const { page, loading, error } = pages;

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
      <CursorPager pages={pages} />
      {adjust && (
        <AdjustStockModal
          target={adjust}
          warehouses={warehouses}
          onClose={() => setAdjust(null)}
          onSaved={() => {
            setAdjust(null);
            pages.reload();
          }}
        />
      )}
    </div>
  );
}
