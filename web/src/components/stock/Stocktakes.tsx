import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath, withQuery } from '../../api';
import type { StockLevel, Warehouse } from '../../orders';
import { useCan, useShop } from '../../session';
import type { Page, StocktakeReport } from '../../types';
import { ImportErrorAlert } from '../orders/import/ImportErrorAlert';
import { SkuPicker } from '../orders/SkuPicker';

interface CountRow {
  sku: string;
  title: string;
  counted: number | null;
}

/**
 * Stocktake: pick a warehouse, enter what is on the shelves per SKU (blind: the system figure is
 * not shown while counting), record it → variance report (expected vs counted) → apply, which
 * books one 'stocktake' movement per differing SKU. Only SKUs with a count are submitted.
 */
export function Stocktakes({ warehouses }: { warehouses: Warehouse[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('stock:write');
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [rows, setRows] = useState<CountRow[]>([]);
  const [extraSku, setExtraSku] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<StocktakeReport | null>(null);

  // The SKUs the ledger knows in this warehouse, as the count sheet (up to 200; add others below).
  useEffect(() => {
    if (!warehouseId) return;
    let alive = true;
    setLoading(true);
    setReport(null);
    setError(null);
    api
      .get<Page<StockLevel>>(withQuery(shopPath(shop.slug, '/stock'), { warehouseId, limit: 200 }))
      .then(
        (res) =>
          alive && setRows(res.items.map((l) => ({ sku: l.sku, title: l.productTitle, counted: null }))),
      )
      .catch((e) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [shop.slug, warehouseId]);

  const counted = rows.filter((r) => typeof r.counted === 'number');

  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<StocktakeReport>(shopPath(shop.slug, '/stocktakes'), {
        warehouseId,
        counted: counted.map((r) => ({ sku: r.sku, quantity: r.counted })),
      });
      setReport(res);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!report) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await api.post<StocktakeReport>(shopPath(shop.slug, `/stocktakes/${report.id}/apply`)));
      message.success(t('adminOps.stock.stocktakeApplied'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setReport(null);
    setRows((r) => r.map((x) => ({ ...x, counted: null })));
  };

  if (!canWrite) return <Typography.Text type="secondary">{t('adminOps.stock.readOnly')}</Typography.Text>;

  if (report) {
    const differing = report.variance.filter((v) => v.variance !== 0);
    return (
      <Card
        title={t('adminOps.stock.varianceReport')}
        extra={
          <Tag color={report.status === 'applied' ? 'green' : 'blue'} data-testid="stocktake-status">
            {t(`adminOps.stocktakeStatus.${report.status}`)}
          </Tag>
        }
        style={{ maxWidth: 900 }}
      >
        <ImportErrorAlert error={error} codes={['CONFLICT']} />
        <Typography.Paragraph>
          {t('adminOps.stock.varianceSummary', {
            counted: report.variance.length,
            differing: differing.length,
          })}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="variantId"
          pagination={false}
          data-testid="variance-table"
          dataSource={report.variance}
          columns={[
            {
              title: t('fields.sku'),
              dataIndex: 'sku',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            { title: t('adminOps.stock.expected'), dataIndex: 'expected', align: 'right' },
            { title: t('adminOps.stock.counted'), dataIndex: 'counted', align: 'right' },
            {
              title: t('adminOps.stock.variance'),
              dataIndex: 'variance',
              align: 'right',
              render: (v: number) => (
                <Typography.Text
                  type={v < 0 ? 'danger' : v > 0 ? 'success' : 'secondary'}
                  data-testid="variance-value"
                >
                  {v > 0 ? `+${v}` : v}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          {report.status === 'counted' ? (
            <>
              <Button onClick={restart}>{t('common.previous')}</Button>
              <Button
                type="primary"
                loading={busy}
                onClick={() => void apply()}
                data-testid="stocktake-apply"
              >
                {t('adminOps.stock.applyStocktake', { count: differing.length })}
              </Button>
            </>
          ) : (
            <Button onClick={restart} data-testid="stocktake-new">
              {t('adminOps.stock.newStocktake')}
            </Button>
          )}
        </Space>
      </Card>
    );
  }

  return (
    <Card title={t('adminOps.stock.stocktakeTitle')} style={{ maxWidth: 900 }}>
      <ImportErrorAlert error={error} codes={['CONFLICT']} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="stocktake-warehouse"
          aria-label={t('stock.warehouse')}
          placeholder={t('adminOps.stock.pickWarehouse')}
          style={{ width: 260 }}
          value={warehouseId}
          onChange={setWarehouseId}
          options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
        />
      </Space>
      {warehouseId && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('adminOps.stock.blindHelp')} />
          <Table<CountRow>
            size="small"
            rowKey="sku"
            loading={loading}
            pagination={false}
            data-testid="stocktake-sheet"
            dataSource={rows}
            locale={{ emptyText: t('adminOps.stock.noSkusHere') }}
            columns={[
              {
                title: t('fields.sku'),
                dataIndex: 'sku',
                render: (v: string, r) => (
                  <div>
                    <Typography.Text code>{v}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">{r.title}</Typography.Text>
                    </div>
                  </div>
                ),
              },
              {
                title: t('adminOps.stock.counted'),
                key: 'counted',
                width: 160,
                render: (_, r) => (
                  <InputNumber
                    min={0}
                    precision={0}
                    value={r.counted}
                    aria-label={`${t('adminOps.stock.counted')} ${r.sku}`}
                    data-testid={`count-${r.sku}`}
                    onChange={(v) =>
                      setRows((all) => all.map((x) => (x.sku === r.sku ? { ...x, counted: v ?? null } : x)))
                    }
                  />
                ),
              },
            ]}
          />
          <Space wrap style={{ marginTop: 12 }}>
            <SkuPicker value={extraSku} onChange={setExtraSku} testId="stocktake-add-sku" width={300} />
            <Button
              icon={<PlusOutlined />}
              disabled={!extraSku || rows.some((r) => r.sku === extraSku)}
              onClick={() => {
                if (extraSku) setRows((r) => [...r, { sku: extraSku, title: '', counted: null }]);
                setExtraSku(undefined);
              }}
            >
              {t('adminOps.stock.addSku')}
            </Button>
          </Space>
          <div style={{ marginTop: 16 }}>
            <Button
              type="primary"
              loading={busy}
              disabled={!counted.length}
              onClick={() => void record()}
              data-testid="stocktake-record"
            >
              {t('adminOps.stock.recordCount', { count: counted.length })}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
