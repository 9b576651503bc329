import { SearchOutlined } from '@ant-design/icons';
import { Input, Select, Space, TreeSelect } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CategoryNode, useDebounced } from '../hooks';

export interface ProductFilterValues {
  q: string;
  status: string;
  categoryId: string;
  brand: string;
  tag: string;
  sort: string;
}

interface Props {
  value: ProductFilterValues;
  categories: CategoryNode[];
  onChange: (patch: Partial<ProductFilterValues>) => void;
}

/** A text box that reports its value after the user pauses typing. */
export function DebouncedInput(props: {
  value: string;
  placeholder: string;
  testId: string;
  width: number;
  icon?: boolean;
  onChange: (v: string) => void;
}) {
  const { value, onChange } = props;
  const [text, setText] = useState(value);
  const debounced = useDebounced(text, 300);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  // The last value this box reported: its echo back through the URL must not overwrite what the
  // user typed since (that echo can arrive a render later); any other outside change is shown.
  const sent = useRef(value);
  useEffect(() => {
    if (value !== sent.current) setText(value);
    sent.current = value;
  }, [value]);
  // Fire only when the debounced text itself changes, never because the outside value moved.
  useEffect(() => {
    if (debounced !== latest.current.value) {
      sent.current = debounced;
      latest.current.onChange(debounced);
    }
  }, [debounced]);
  return (
    <Input
      allowClear
      value={text}
      placeholder={props.placeholder}
      prefix={props.icon ? <SearchOutlined /> : undefined}
      data-testid={props.testId}
      style={{ width: props.width }}
      onChange={(e) => setText(e.target.value)}
    />
  );
}

export function ProductFilters({ value, categories, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <DebouncedInput
        icon
        width={280}
        testId="product-search"
        placeholder={t('products.searchPlaceholder')}
        value={value.q}
        onChange={(q) => onChange({ q })}
      />
      <Select
        allowClear
        data-testid="filter-status"
        style={{ width: 130 }}
        placeholder={t('fields.status')}
        value={value.status || undefined}
        onChange={(status) => onChange({ status: status ?? '' })}
        options={(['draft', 'active', 'archived'] as const).map((s) => ({
          value: s,
          label: t(`productStatus.${s}`),
        }))}
      />
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        data-testid="filter-category"
        style={{ width: 200 }}
        placeholder={t('fields.categoryId')}
        value={value.categoryId || undefined}
        treeData={categories}
        onChange={(categoryId) => onChange({ categoryId: (categoryId as string | undefined) ?? '' })}
      />
      <DebouncedInput
        width={140}
        testId="filter-brand"
        placeholder={t('fields.brand')}
        value={value.brand}
        onChange={(brand) => onChange({ brand })}
      />
      <DebouncedInput
        width={140}
        testId="filter-tag"
        placeholder={t('fields.tag')}
        value={value.tag}
        onChange={(tag) => onChange({ tag })}
      />
      <Select
        data-testid="product-sort"
        style={{ width: 170 }}
        value={value.sort || 'updated_desc'}
        onChange={(sort) => onChange({ sort })}
        options={['updated_desc', 'created_desc', 'title_asc'].map((s) => ({
          value: s,
          label: t(`products.sort.${s}`),
        }))}
      />
    </Space>
  );
}
