import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shopPath } from '../../api';
import { CursorPager, useCursorPages } from '../../cursorPages';
import { formatDateTime } from '../../hooks';
import type { Warehouse } from '../../orders';
import { useCan, useShop } from '../../session';
import type { StockTransfer, StockTransferLine } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { TransferCreateModal } from './TransferCreateModal';
import { TransferReceiveModal } from './TransferReceiveModal';

/** Transfers between warehouses (head-haul to overseas 3PL / FBA): in transit until received. */
export function Transfers({ warehouses }: { warehouses: Warehouse[] }) {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const canWrite = useCan('stock:write');
  const [status, setStatus] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [receiving, setReceiving] = useState<StockTransfer | null>(null);
  const pages = useCursorPages<StockTransfer>(shopPath(shop.slug, '/transfers'), { status, limit: 20 });
  const { page, loading, error } = pages;
  const code = (id: string, label?: string | null) =>
    label ?? warehouses.find((w) => w.id === id)?.code ?? '—';
  const units = (lines: StockTransferLine[]) => lines.reduce((n, l) => n + l.quantity, 0);

  const columns: ColumnsType<StockTransfer> = [
    {
      title: t('adminOps.stock.shippedAt'),
      dataIndex: 'shippedAt',
      width: 150,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      title: t('adminOps.stock.route'),
      key: 'route',
      render: (_, r) => (
        <span>
          <Typography.Text strong>{code(r.fromWarehouseId, r.fromWarehouseCode)}</Typography.Text> →{' '}
          <Typography.Text strong>{code(r.toWarehouseId, r.toWarehouseCode)}</Typography.Text>
        </span>
      ),
    },
    { title: t('adminOps.stock.reference'), dataIndex: 'reference', render: (v: string | null) => v ?? '—' },
    {
      title: t('adminOps.stock.units'),
      key: 'units',
      align: 'right',
      width: 120,
      render: (_, r) => t('adminOps.stock.linesUnits', { lines: r.lines.length, units: units(r.lines) }),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 200,
      render: (s: StockTransfer['status'], r) => {
        const short = r.lines.reduce((n, l) => n + (l.shortfall ?? 0), 0);
        return (
          <Space size={4} wrap>
            <Tag color={s === 'received' ? 'green' : 'blue'}>{t(`adminOps.transferStatus.${s}`)}</Tag>
            {short > 0 && (
              <Tag color="red" data-testid="transfer-short">
                {t('adminOps.stock.shortBy', { count: short })}
              </Tag>
            )}
          </Space>
        );
      },
    },
    {
      title: t('adminOps.stock.receivedAt'),
      dataIndex: 'receivedAt',
      width: 150,
      render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—'),
    },
    {
      key: 'actions',
      width: 110,
      render: (_, r) =>
        canWrite && r.status === 'in_transit' ? (
          <Button size="small" data-testid="transfer-receive" onClick={() => setReceiving(r)}>
            {t('adminOps.stock.receive')}
          </Button>
        ) : null,
    },
  ];

  const lineColumns: ColumnsType<StockTransferLine> = [
    {
      title: t('fields.sku'),
      dataIndex: 'sku',
      render: (v: string | null | undefined, l) => (
        <Typography.Text code>{v ?? l.variantId.slice(0, 8)}</Typography.Text>
      ),
    },
    { title: t('adminOps.stock.shipped'), dataIndex: 'quantity', align: 'right' },
    {
      title: t('adminOps.stock.receivedQty'),
      dataIndex: 'received',
      align: 'right',
      render: (v?: number) => v ?? '—',
    },
    {
      title: t('adminOps.stock.shortfall'),
      dataIndex: 'shortfall',
      align: 'right',
      render: (v?: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v === 0 ? 0 : '—'),
    },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Select
          allowClear
          data-testid="transfers-status"
          aria-label={t('fields.status')}
          placeholder={t('adminOps.stock.allStatuses')}
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          options={(['in_transit', 'received'] as const).map((s) => ({
            value: s,
            label: t(`adminOps.transferStatus.${s}`),
          }))}
        />
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="transfer-new"
            onClick={() => setCreating(true)}
          >
            {t('adminOps.stock.newTransfer')}
          </Button>
        )}
      </Space>
      <ApiErrorAlert error={error} />
      <Table<StockTransfer>
        rowKey="id"
        size="middle"
        data-testid="transfers-table"
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('adminOps.stock.noTransfers') }}
        expandable={{
          expandedRowRender: (r) => (
            <Table<StockTransferLine>
              size="small"
              rowKey="variantId"
              pagination={false}
              columns={lineColumns}
              dataSource={r.lines}
              data-testid="transfer-lines"
            />
          ),
        }}
        onRow={(r) =>
          ({ 'data-testid': 'transfer-row', 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <CursorPager pages={pages} />
      {creating && (
        <TransferCreateModal
          warehouses={warehouses}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            pages.reload();
          }}
        />
      )}
      {receiving && (
        <TransferReceiveModal
          transfer={receiving}
          onClose={() => setReceiving(null)}
          onSaved={() => {
            setReceiving(null);
            pages.reload();
          }}
        />
      )}
    </div>
  );
}
