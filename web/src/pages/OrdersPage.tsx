import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { MappingQueue } from '../components/orders/MappingQueue';
import { OrderInbox } from '../components/orders/OrderInbox';
import { useCan, useShop } from '../session';

/** Orders: the inbox (`/orders`) and the SKU mapping queue (`/orders/mapping`). */
export default function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const shop = useShop();
  const canWrite = useCan('orders:write');
  const tab = location.pathname.endsWith('/mapping') ? 'mapping' : 'inbox';
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3}>{t('menu.orders')}</Typography.Title>
        {canWrite && (
          <Space>
            <Button
              icon={<PlusOutlined />}
              data-testid="orders-new-link"
              onClick={() => navigate(`/shops/${encodeURIComponent(shop.slug)}/orders/new`)}
            >
              {t('newOrder.button')}
            </Button>
            <Button
              type="primary"
              icon={<ImportOutlined />}
              data-testid="orders-import-link"
              onClick={() => navigate(`/shops/${encodeURIComponent(shop.slug)}/orders/import`)}
            >
              {t('adminOps.import.open')}
            </Button>
          </Space>
        )}
      </div>
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
