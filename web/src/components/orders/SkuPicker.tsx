import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath, withQuery } from '../../api';
import { useDebounced } from '../../hooks';
import { useShop } from '../../session';
import type { Page, ProductListItem } from '../../types';

/** Pick a catalog SKU by searching products (title or SKU); each product's SKUs are options. */
export function SkuPicker(props: {
  value?: string;
  onChange: (sku: string | undefined) => void;
  testId?: string;
  width?: number | string;
}) {
  const { t } = useTranslation();
  const shop = useShop();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    api
      .get<Page<ProductListItem>>(withQuery(shopPath(shop.slug, '/products'), { q: q.trim(), limit: 20 }))
      .then((res) => {
        if (!alive) return;
        setOptions(
          res.items.flatMap((p) => p.skus.map((sku) => ({ value: sku, label: `${sku} — ${p.title}` }))),
        );
      })
      .catch(() => alive && setOptions([]))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [shop.slug, q]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      data-testid={props.testId}
      style={{ width: props.width ?? 320 }}
      placeholder={t('orders.mapping.searchSku')}
      loading={loading}
      value={props.value}
      onChange={(v) => props.onChange(v ?? undefined)}
      options={options}
      notFoundContent={loading ? undefined : t('orders.mapping.noSku')}
    />
  );
}
