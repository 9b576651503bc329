import { ArrowLeftOutlined, InboxOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { FieldIssue } from '../api';
import { api, isApiError, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { AuditLog } from '../components/audit/AuditLog';
import { FullPageSpin } from '../components/FullPageSpin';
import { BasicsSection } from '../components/product/BasicsSection';
import { ImagesSection } from '../components/product/ImagesSection';
import {
  emptyProductForm,
  formToInput,
  issuePath,
  type ProductForm,
  productToForm,
  tabForField,
} from '../components/product/productForm';
import { TradeSection } from '../components/product/TradeSection';
import { TranslationsSection } from '../components/product/TranslationsSection';
import { VariantsSection } from '../components/product/VariantsSection';
import { errorMessage } from '../errors';
import { useCan, useShop } from '../session';
import type { Product, ProductImage } from '../types';

export default function ProductEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('catalog:write');
  const canAudit = useCan('audit:read');
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProductForm>();
  const [product, setProduct] = useState<Product | null>(null);
  const [images, setImages] = useState<ProductImage[]>([]);
  const [loading, setLoading] = useState(!!id);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [search] = useSearchParams();
  const [tab, setTab] = useState(search.get('tab') ?? 'basics');
  const productsPath = `/shops/${encodeURIComponent(shop.slug)}/products`;

  const accept = useCallback(
    (p: Product) => {
      setProduct(p);
      setImages(p.images ?? []);
      form.setFieldsValue(productToForm(p, shop));
    },
    [form, shop],
  );

  useEffect(() => {
    if (!id) {
      setProduct(null);
      form.resetFields();
      form.setFieldsValue(emptyProductForm(shop));
      return;
    }
    setLoading(true);
    api
      .get<Product>(shopPath(shop.slug, `/products/${encodeURIComponent(id)}`))
      .then(accept)
      .catch(setError)
      .finally(() => setLoading(false));
  }, [id, shop, form, accept]);

  const showIssues = (issues: FieldIssue[]) => {
    form.setFields(issues.map((i) => ({ name: issuePath(i.field) as never, errors: [i.message] })));
    if (issues[0]) setTab(tabForField(issues[0].field));
  };

  const save = async () => {
    setError(null);
    let values: ProductForm;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true);
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setTab(tabForField(first.name.join('.')));
      message.error(t('product.fixErrors'));
      return;
    }
    const { input, issues } = formToInput(values, shop);
    if (issues.length > 0) {
      showIssues(issues.map((i) => ({ ...i, message: t('product.moneyInvalid', { example: '12.50' }) })));
      return;
    }
    setSaving(true);
    try {
      if (product) {
        const saved = await api.put<Product>(
          shopPath(shop.slug, `/products/${encodeURIComponent(product.id)}`),
          {
            ...input,
            version: product.version,
          },
        );
        accept(saved);
        message.success(t('product.saved'));
      } else {
        const created = await api.post<Product>(shopPath(shop.slug, '/products'), input);
        message.success(t('product.created'));
        navigate(`${productsPath}/${encodeURIComponent(created.id)}`, { replace: true });
      }
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.issues.length > 0) showIssues(e.issues);
    } finally {
      setSaving(false);
    }
  };

  const archive = async () => {
    if (!product) return;
    try {
      await api.del(shopPath(shop.slug, `/products/${encodeURIComponent(product.id)}`));
      message.success(t('product.archived'));
      navigate(productsPath);
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };

  if (loading) return <FullPageSpin />;
  const needsSave = <Empty description={t('product.saveFirst')} />;
  const conflict = isApiError(error) && error.code === 'CONFLICT';

  return (
    <div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          marginBottom: 16,
          gap: 8,
        }}
      >
        <Space>
          <Button
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(productsPath)}
            aria-label={t('common.back')}
          />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {product ? product.title : t('products.new')}
          </Typography.Title>
        </Space>
        {canWrite && (
          <Space>
            {product && product.status !== 'archived' && (
              <Popconfirm title={t('product.archiveConfirm')} onConfirm={() => void archive()}>
                <Button icon={<InboxOutlined />}>{t('product.archive')}</Button>
              </Popconfirm>
            )}
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              onClick={() => void save()}
              data-testid="save-product"
            >
              {t('common.save')}
            </Button>
          </Space>
        )}
      </div>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      {conflict && product && (
        <Button style={{ marginBottom: 16 }} onClick={() => navigate(0)}>
          {t('product.reload')}
        </Button>
      )}
      <Form<ProductForm> form={form} layout="vertical" disabled={!canWrite} scrollToFirstError>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'basics', label: t('product.tabBasics'), forceRender: true, children: <BasicsSection /> },
            {
              key: 'variants',
              label: t('product.tabVariants'),
              forceRender: true,
              children: <VariantsSection />,
            },
            { key: 'trade', label: t('product.tabTrade'), forceRender: true, children: <TradeSection /> },
            {
              key: 'images',
              label: t('product.tabImages'),
              children: product ? (
                <ImagesSection productId={product.id} images={images} onChange={setImages} />
              ) : (
                needsSave
              ),
            },
            {
              key: 'translations',
              label: t('product.tabTranslations'),
              children: product ? (
                <TranslationsSection productId={product.id} initialLocale={search.get('locale')} />
              ) : (
                needsSave
              ),
            },
            ...(product && canAudit
              ? [
                  {
                    key: 'history',
                    label: <span data-testid="history-tab">{t('product.tabHistory')}</span>,
                    // mounted only while open, so it is fresh after image or translation changes
                    children: tab === 'history' && (
                      <AuditLog entityId={product.id} reloadKey={product.version} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Form>
    </div>
  );
}
