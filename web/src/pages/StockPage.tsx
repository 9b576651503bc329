import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { shopPath } from '../api';
import { StockLevels } from '../components/stock/StockLevels';
import { Warehouses } from '../components/stock/Warehouses';
import { useItems } from '../hooks';
import type { Warehouse } from '../orders';
import { useShop } from '../session';

/** Stock levels by SKU × warehouse, and the warehouses (`?tab=warehouses`). */
export default function StockPage() {
  const { t } = useTranslation();
  const shop = useShop();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'warehouses' ? 'warehouses' : 'levels';
  const warehouses = useItems<Warehouse>(shopPath(shop.slug, '/warehouses'));
  return (
    <div>
      <Typography.Title level={3}>{t('menu.stock')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'levels' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'levels',
            label: <span data-testid="stock-levels-tab">{t('stock.levels')}</span>,
            children: <StockLevels warehouses={warehouses.items} />,
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
