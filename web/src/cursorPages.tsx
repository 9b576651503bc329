import { Button, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from './api';
import type { Page } from './types';

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * A keyset-paginated list: cursors[i] loads page i (page 1 has none), any change of the path or the
 * query starts again at page 1, and `reload` fetches the current page again (after an edit).
 */
export function useCursorPages<T>(path: string, query: Query) {
  const key = JSON.stringify([path, query]);
  const [nav, setNav] = useState<{ key: string; cursors: (string | null)[] }>({ key: '', cursors: [null] });
  const cursors = nav.key === key ? nav.cursors : [null];
  const move = (fn: (c: (string | null)[]) => (string | null)[]) =>
    setNav((n) => ({ key, cursors: fn(n.key === key ? n.cursors : [null]) }));
  const cursor = cursors[cursors.length - 1] ?? null;
  const [page, setPage] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path + query; `tick` forces a reload
  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    api
      .get<Page<T>>(withQuery(path, { ...query, cursor }))
      .then((res) => alive && setPage(res))
      .catch((e) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [key, cursor, tick]);

  return {
    page,
    loading,
    error,
    pageNumber: cursors.length,
    canPrev: cursors.length > 1 && !loading,
    canNext: !!page?.nextCursor && !loading,
    prev: () => move((c) => c.slice(0, -1)),
    next: () => page?.nextCursor && move((c) => [...c, page.nextCursor]),
    reload: () => setTick((n) => n + 1),
  };
}

interface PagerProps {
  pages: ReturnType<typeof useCursorPages<unknown>>;
  limit?: number;
  onLimit?: (n: number) => void;
}

/** Page number, previous/next and (optionally) the page size, under a cursor-paginated table. */
export function CursorPager({ pages, limit, onLimit }: PagerProps) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
      <Typography.Text type="secondary">{t('products.pageN', { n: pages.pageNumber })}</Typography.Text>
      <Button data-testid="prev-page" disabled={!pages.canPrev} onClick={pages.prev}>
        {t('common.prevPage')}
      </Button>
      <Button data-testid="next-page" disabled={!pages.canNext} onClick={pages.next}>
        {t('common.nextPage')}
      </Button>
      {limit !== undefined && onLimit && (
        <Select
          value={limit}
          onChange={onLimit}
          style={{ width: 110 }}
          options={[20, 50, 100].map((n) => ({ value: n, label: t('common.perPage', { n }) }))}
        />
      )}
    </Space>
  );
}
