import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { shopPath } from '../api';
import { Movements } from '../components/stock/Movements';
import { Receipts } from '../components/stock/Receipts';
import { StockLevels } from '../components/stock/StockLevels';
import { Stocktakes } from '../components/stock/Stocktakes';
import { Transfers } from '../components/stock/Transfers';
import { Warehouses } from '../components/stock/Warehouses';
import { useItems } from '../hooks';
import type { Warehouse } from '../orders';
import { useShop } from '../session';

const TABS = ['levels', 'movements', 'receipts', 'transfers', 'stocktakes', 'warehouses'] as const;
type Tab = (typeof TABS)[number];

/**
 * Stock: levels by SKU × warehouse, the movements ledger, receipts, transfers, stocktakes and the
 * warehouses, one tab each (`?tab=`). Tabs are rebuilt when shown, so each shows fresh figures.
 */
export default function StockPage() {
  const { t } = useTranslation();
  const shop = useShop();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'levels';
  const warehouses = useItems<Warehouse>(shopPath(shop.slug, '/warehouses'));
  const label = (key: Tab, text: string) => <span data-testid={`stock-${key}-tab`}>{text}</span>;
  return (
    <div>
      <Typography.Title level={3}>{t('menu.stock')}</Typography.Title>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setParams(key === 'levels' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'levels',
            label: label('levels', t('stock.levels')),
            children: <StockLevels warehouses={warehouses.items} />,
          },
          {
            key: 'movements',
            label: label('movements', t('adminOps.stock.movements')),
            children: <Movements warehouses={warehouses.items} />,
          },
          {
            key: 'receipts',
            label: label('receipts', t('adminOps.stock.receipts')),
            children: <Receipts warehouses={warehouses.items} />,
          },
          {
            key: 'transfers',
            label: label('transfers', t('adminOps.stock.transfers')),
            children: <Transfers warehouses={warehouses.items} />,
          },
          {
            key: 'stocktakes',
            label: label('stocktakes', t('adminOps.stock.stocktakes')),
            children: <Stocktakes warehouses={warehouses.items} />,
          },
          {
            key: 'warehouses',
            label: <span data-testid="warehouses-tab">{t('stock.warehouses')}</span>,
            children: (
              <Warehouses
                items={warehouses.items}
                loading={warehouses.loading}
                error={warehouses.error}
                reload={() => void warehouses.load()}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
