import { useCallback, useEffect, useState } from 'react';
import { api, shopPath } from './api';
import type { Category } from './types';

export function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export interface CategoryNode {
  value: string;
  title: string;
  children: CategoryNode[];
}

export function categoryTree(items: Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const c of items) nodes.set(c.id, { value: c.id, title: c.name, children: [] });
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function useCategories(shop: string) {
  const [items, setItems] = useState<Category[]>([]);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api.get<{ items: Category[] }>(shopPath(shop, '/categories'));
      setItems(res.items);
      return res.items;
    } finally {
      setLoading(false);
    }
  }, [shop]);
  useEffect(() => {
    reload().catch(() => setItems([]));
  }, [reload]);
  return { items, loading, reload };
}

export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Load `{ items }` from a list endpoint, with loading and error state and a `load` to refresh. */
export function useItems<T>(url: string) {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await api.get<{ items: T[] }>(url)).items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);
  return { items, loading, error, load };
}
