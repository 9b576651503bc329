import { DownloadOutlined, ImportOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Image, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { shopPath, withQuery } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ProductFilters, type ProductFilterValues } from '../components/ProductFilters';
import { ProductStatusTag } from '../components/StatusTag';
import { CursorPager, useCursorPages } from '../cursorPages';
import { categoryTree, formatDateTime, useCategories } from '../hooks';
import { useCan, useShop } from '../session';
import type { ProductListItem } from '../types';

const FILTER_KEYS = ['q', 'status', 'categoryId', 'brand', 'tag', 'sort'] as const;

export default function ProductListPage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const canWrite = useCan('catalog:write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const categories = useCategories(shop.slug);
  const tree = useMemo(() => categoryTree(categories.items), [categories.items]);
  const [limit, setLimit] = useState(50);

  const filters = useMemo(() => {
    const out = {} as ProductFilterValues;
    for (const key of FILTER_KEYS) out[key] = params.get(key) ?? '';
    return out;
  }, [params]);

  const onFilterChange = useCallback(
    (patch: Partial<ProductFilterValues>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const pages = useCursorPages<ProductListItem>(shopPath(shop.slug, '/products'), { ...filters, limit });
  const { page, loading, error } = pages;

  const columns: ColumnsType<ProductListItem> = [
    {
      key: 'thumb',
      width: 72,
      render: (_, p) =>
        p.thumbnailUrl ? (
          <Image src={p.thumbnailUrl} width={48} height={48} style={{ objectFit: 'cover' }} preview={false} />
        ) : (
          <div
            style={{ width: 48, height: 48, display: 'grid', placeItems: 'center', background: '#f5f5f5' }}
          >
            <PictureOutlined style={{ color: '#bbb' }} />
          </div>
        ),
    },
    {
      title: t('fields.title'),
      dataIndex: 'title',
      render: (title: string, p) => (
        <div>
          <Typography.Text strong>{title}</Typography.Text>
          <div>
            {p.brand && <Typography.Text type="secondary">{p.brand} </Typography.Text>}
            {p.tags.slice(0, 3).map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </div>
        </div>
      ),
    },
    {
      title: t('fields.sku'),
      dataIndex: 'skus',
      render: (skus: string[]) => (
        <span style={{ fontFamily: 'monospace' }}>
          {skus.slice(0, 3).join(', ')}
          {skus.length > 3 ? ` +${skus.length - 3}` : ''}
        </span>
      ),
    },
    { title: t('products.variantCount'), dataIndex: 'variantCount', width: 90, align: 'right' },
    { title: t('fields.categoryId'), dataIndex: 'categoryName', render: (v: string | null) => v ?? '—' },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ProductListItem['status']) => <ProductStatusTag status={s} />,
    },
    {
      title: t('products.updatedAt'),
      dataIndex: 'updatedAt',
      width: 160,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];

  const exportUrl = (format: 'xlsx' | 'csv') =>
    withQuery(shopPath(shop.slug, '/products/export'), { format });

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16, gap: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.products')}
        </Typography.Title>
        <Space wrap>
          <Dropdown
            menu={{
              items: (['xlsx', 'csv'] as const).map((format) => ({
                key: format,
                label: (
                  <a href={exportUrl(format)} download data-testid={`export-${format}`}>
                    {t(`products.export.${format}`)}
                  </a>
                ),
              })),
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="export-products">
              {t('products.export.button')}
            </Button>
          </Dropdown>
          {canWrite && (
            <Link to="../import" relative="path">
              <Button icon={<ImportOutlined />}>{t('products.import')}</Button>
            </Link>
          )}
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="new-product"
              onClick={() => navigate('new')}
            >
              {t('products.new')}
            </Button>
          )}
        </Space>
      </div>
      <ProductFilters value={filters} categories={tree} onChange={onFilterChange} />
      <ApiErrorAlert error={error} />
      <Table<ProductListItem>
        rowKey="id"
        size="middle"
        data-testid="product-table"
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('products.empty') }}
        onRow={(p) => ({ onClick: () => navigate(p.id), style: { cursor: 'pointer' } })}
      />
      <CursorPager pages={pages} limit={limit} onLimit={setLimit} />
    </div>
  );
}
