import {
  AimOutlined,
  ApiOutlined,
  AppstoreOutlined,
  CarOutlined,
  ContainerOutlined,
  DownOutlined,
  FieldTimeOutlined,
  HistoryOutlined,
  ImportOutlined,
  InboxOutlined,
  LogoutOutlined,
  RollbackOutlined,
  SendOutlined,
  ShopOutlined,
  TeamOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Result, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, shopPath } from '../api';
import { errorMessage } from '../errors';
import { ShopContext, useSession } from '../session';
import type { Shop } from '../types';
import { FullPageSpin } from './FullPageSpin';
import { LanguageSwitch } from './LanguageSwitch';

const MENU = [
  { key: 'products', icon: <AppstoreOutlined />, permission: 'catalog:read' },
  { key: 'import', icon: <ImportOutlined />, permission: 'catalog:write' },
  { key: 'orders', icon: <ContainerOutlined />, permission: 'orders:read' },
  { key: 'stock', icon: <InboxOutlined />, permission: 'stock:read' },
  // A page under stock (/stock/ageing); its label lives in the ageing i18n area.
  { key: 'stock/ageing', icon: <FieldTimeOutlined />, permission: 'stock:read', label: 'ageing.menu' },
  { key: 'returns', icon: <RollbackOutlined />, permission: 'orders:read', label: 'returns.menu' },
  { key: 'shipments', icon: <SendOutlined />, permission: 'shipping:read' },
  { key: 'tracking', icon: <AimOutlined />, permission: 'shipping:read' },
  { key: 'logistics', icon: <CarOutlined />, permission: 'shipping:read' },
  // Its label lives in the admin-ops i18n area (areas cannot add keys under `menu`).
  { key: 'channels', icon: <ShopOutlined />, permission: 'orders:read', label: 'adminOps.menu.channels' },
  { key: 'translations', icon: <TranslationOutlined />, permission: 'catalog:read' },
  { key: 'members', icon: <TeamOutlined />, permission: 'members:manage' },
  { key: 'tokens', icon: <ApiOutlined />, permission: 'tokens:manage' },
  { key: 'audit', icon: <HistoryOutlined />, permission: 'audit:read' },
] as const;

export function ShopLayout() {
  const { t } = useTranslation();
  const { shop: slug = '' } = useParams();
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [shop, setShop] = useState<Shop | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    setShop(null);
    setError(null);
    api
      .get<Shop>(shopPath(slug))
      .then((s) => alive && setShop(s))
      .catch((e) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [slug]);

  const segments = location.pathname.split('/');
  // Two-segment menu keys (stock/ageing) win over their first segment (stock).
  const section = MENU.some((m) => m.key === segments.slice(3, 5).join('/'))
    ? segments.slice(3, 5).join('/')
    : (segments[3] ?? 'products');
  const switchShop = (next: string) => navigate(`/shops/${encodeURIComponent(next)}/${section}`);
  const items = MENU.filter((m) => shop?.permissions.includes(m.permission)).map((m) => ({
    key: m.key,
    icon: m.icon,
    label: (
      <Link
        to={`/shops/${encodeURIComponent(slug)}/${m.key}`}
        data-testid={`menu-${m.key.replace('/', '-')}`}
      >
        {t('label' in m ? m.label : `menu.${m.key}`)}
      </Link>
    ),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 24px', fontWeight: 700, fontSize: 18 }}>
          {t('app.name')}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 400 }}>
            {t('app.tagline')}
          </Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={[section]} items={items} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Space>
            <Typography.Text type="secondary">{t('layout.shop')}</Typography.Text>
            <Select
              data-testid="shop-switch"
              style={{ minWidth: 180 }}
              value={slug}
              onChange={switchShop}
              options={(session?.shops ?? []).map((s) => ({ value: s.slug, label: s.name }))}
            />
          </Space>
          <Space>
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  {
                    key: 'role',
                    disabled: true,
                    label: shop ? t(`roles.${shop.role}`) : '',
                  },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: <span data-testid="logout">{t('layout.logout')}</span>,
                    onClick: () => void logout().then(() => navigate('/login')),
                  },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu" icon={<UserOutlined />}>
                {session?.user.name || session?.user.email} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {error ? (
            <Result
              status="warning"
              title={errorMessage(error, t)}
              extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
            />
          ) : shop ? (
            <ShopContext.Provider value={shop}>
              <Outlet />
            </ShopContext.Provider>
          ) : (
            <FullPageSpin />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
