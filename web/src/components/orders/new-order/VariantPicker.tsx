import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath, withQuery } from '../../../api';
import { useDebounced } from '../../../hooks';
import { useShop } from '../../../session';
import type { Page, Product, ProductListItem } from '../../../types';

export interface PickedVariant {
  sku: string;
  /** "Amber jar candle — Amber / Large": what the order line will show. */
  title: string;
  priceMinor: number | null;
  priceCurrency: string | null;
}

/**
 * Like SkuPicker (search the catalog by title or SKU), but it also tells which product and
 * variant was picked and its catalog price, so the line fills itself in.
 */
export function VariantPicker(props: {
  value?: string;
  onChange?: (sku: string | undefined) => void;
  onPicked: (picked: PickedVariant) => void;
  autoFocus?: boolean;
  testId?: string;
  status?: 'error';
}) {
  const { t } = useTranslation();
  const shop = useShop();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const [items, setItems] = useState<ProductListItem[]>([]);
  const [loading, setLoading] = useState(false);
  const products = useRef(new Map<string, Product>());

  useEffect(() => {
    let alive = true;
    setLoading(true);
    api
      .get<Page<ProductListItem>>(withQuery(shopPath(shop.slug, '/products'), { q: q.trim(), limit: 20 }))
      .then((res) => alive && setItems(res.items))
      .catch(() => alive && setItems([]))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [shop.slug, q]);

  const options = items.flatMap((p) =>
    p.skus.map((sku) => ({ value: sku, label: `${sku} — ${p.title}`, productId: p.id, title: p.title })),
  );

  async function picked(sku: string) {
    const option = options.find((o) => o.value === sku);
    if (!option) return;
    let product = products.current.get(option.productId);
    try {
      product ??= await api.get<Product>(shopPath(shop.slug, `/products/${option.productId}`));
      products.current.set(option.productId, product);
    } catch {
      // no catalog access or gone: the SKU alone is enough for the order
    }
    const variant = product?.variants.find((v) => v.sku === sku);
    const values = Object.values(variant?.optionValues ?? {}).filter(Boolean);
    props.onPicked({
      sku,
      title: values.length ? `${option.title} — ${values.join(' / ')}` : option.title,
      priceMinor: variant?.priceMinor ?? null,
      priceCurrency: variant?.priceCurrency ?? null,
    });
  }

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      // Fast entry: a line added from the keyboard is typed into at once.
      autoFocus={props.autoFocus}
      defaultActiveFirstOption
      data-testid={props.testId}
      status={props.status}
      style={{ width: '100%' }}
      placeholder={t('newOrder.lines.searchSku')}
      loading={loading}
      value={props.value}
      onChange={(v: string | undefined) => {
        props.onChange?.(v ?? undefined);
        if (v) void picked(v);
      }}
      options={options.map(({ value, label }) => ({ value, label }))}
      notFoundContent={loading ? undefined : t('newOrder.lines.noSku')}
    />
  );
}
