import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { MappingQueue } from '../components/orders/MappingQueue';
import { OrderInbox } from '../components/orders/OrderInbox';
import { useShop } from '../session';

/** Orders: the inbox (`/orders`) and the SKU mapping queue (`/orders/mapping`). */
export default function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const shop = useShop();
  const tab = location.pathname.endsWith('/mapping') ? 'mapping' : 'inbox';
  return (
    <div>
      <Typography.Title level={3}>{t('menu.orders')}</Typography.Title>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) =>
          navigate(`/shops/${encodeURIComponent(shop.slug)}/orders${key === 'mapping' ? '/mapping' : ''}`)
        }
        items={[
          {
            key: 'inbox',
            label: <span data-testid="orders-inbox-tab">{t('orders.inbox')}</span>,
            children: <OrderInbox />,
          },
          {
            key: 'mapping',
            label: <span data-testid="mapping-tab">{t('orders.mapping.title')}</span>,
            children: <MappingQueue />,
          },
        ]}
      />
    </div>
  );
}
