import { Button, Result } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { FullPageSpin } from './components/FullPageSpin';
import { ShopLayout } from './components/ShopLayout';
import { LoginPage } from './pages/LoginPage';
import { useSession } from './session';

const ProductListPage = lazy(() => import('./pages/ProductListPage'));
const ProductEditPage = lazy(() => import('./pages/ProductEditPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const MembersPage = lazy(() => import('./pages/MembersPage'));
const TokensPage = lazy(() => import('./pages/TokensPage'));
const TranslationGapsPage = lazy(() => import('./pages/TranslationGapsPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const OrdersPage = lazy(() => import('./pages/OrdersPage'));
const OrderDetailPage = lazy(() => import('./pages/OrderDetailPage'));
const StockPage = lazy(() => import('./pages/StockPage'));
const StockAgeingPage = lazy(() => import('./pages/StockAgeingPage'));
const OrderImportPage = lazy(() => import('./pages/OrderImportPage'));
const NewOrderPage = lazy(() => import('./pages/NewOrderPage'));
const ChannelAccountsPage = lazy(() => import('./pages/ChannelAccountsPage'));
const ChannelStockPage = lazy(() => import('./pages/ChannelStockPage'));
const ReturnsPage = lazy(() => import('./pages/ReturnsPage'));
const ReturnDetailPage = lazy(() => import('./pages/ReturnDetailPage'));
const ChannelConnectionPage = lazy(() => import('./pages/ChannelConnectionPage'));
const ChannelShipmentsPage = lazy(() => import('./pages/ChannelShipmentsPage'));
const LogisticsPage = lazy(() => import('./pages/LogisticsPage'));
const LogisticsServicePage = lazy(() => import('./pages/LogisticsServicePage'));
const RateQuotePage = lazy(() => import('./pages/RateQuotePage'));
const CarrierAccountsPage = lazy(() => import('./pages/CarrierAccountsPage'));
const TrackingPage = lazy(() => import('./pages/TrackingPage'));
const JourneyPage = lazy(() => import('./pages/JourneyPage'));
const ShipmentsPage = lazy(() => import('./pages/ShipmentsPage'));
const ShipmentDetailPage = lazy(() => import('./pages/ShipmentDetailPage'));
const ScanToShipPage = lazy(() => import('./pages/ScanToShipPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function Home() {
  const { session } = useSession();
  const first = session?.shops[0];
  if (!first) return <NoShop />;
  return <Navigate to={`/shops/${encodeURIComponent(first.slug)}/products`} replace />;
}

function NoShop() {
  const { t } = useTranslation();
  const { logout } = useSession();
  return (
    <Result
      status="info"
      title={t('app.noShop')}
      extra={<Button onClick={() => void logout()}>{t('layout.logout')}</Button>}
    />
  );
}

const page = (node: ReactNode) => <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/shops/:shop"
        element={
          <RequireAuth>
            <ShopLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="products" replace />} />
        <Route path="products" element={page(<ProductListPage />)} />
        <Route path="products/new" element={page(<ProductEditPage />)} />
        <Route path="products/:id" element={page(<ProductEditPage />)} />
        <Route path="import" element={page(<ImportPage />)} />
        <Route path="translations" element={page(<TranslationGapsPage />)} />
        <Route path="members" element={page(<MembersPage />)} />
        <Route path="tokens" element={page(<TokensPage />)} />
        <Route path="audit" element={page(<AuditPage />)} />
        <Route path="orders" element={page(<OrdersPage />)} />
        <Route path="orders/mapping" element={page(<OrdersPage />)} />
        <Route path="orders/import" element={page(<OrderImportPage />)} />
        <Route path="orders/new" element={page(<NewOrderPage />)} />
        <Route path="channels" element={page(<ChannelAccountsPage />)} />
        <Route path="channels/:id/stock" element={page(<ChannelStockPage />)} />
        <Route path="channels/:id/connection" element={page(<ChannelConnectionPage />)} />
        <Route path="orders/:id" element={page(<OrderDetailPage />)} />
        <Route path="stock" element={page(<StockPage />)} />
        <Route path="stock/ageing" element={page(<StockAgeingPage />)} />
        <Route path="returns" element={page(<ReturnsPage />)} />
        <Route path="returns/:id" element={page(<ReturnDetailPage />)} />
        <Route path="channels/:id/shipments" element={page(<ChannelShipmentsPage />)} />
        <Route path="logistics" element={page(<LogisticsPage />)} />
        <Route path="logistics/quote" element={page(<RateQuotePage />)} />
        <Route path="logistics/carriers" element={page(<CarrierAccountsPage />)} />
        <Route path="logistics/services/:id" element={page(<LogisticsServicePage />)} />
        <Route path="shipments" element={page(<ShipmentsPage />)} />
        <Route path="shipments/scan" element={page(<ScanToShipPage />)} />
        <Route path="shipments/:id" element={page(<ShipmentDetailPage />)} />
        <Route path="tracking" element={page(<TrackingPage />)} />
        <Route path="tracking/journeys/:id" element={page(<JourneyPage />)} />
      </Route>
      <Route
        path="*"
        element={
          <RequireAuth>
            <Home />
          </RequireAuth>
        }
      />
    </Routes>
  );
}
