import { Button, ConfigProvider, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, shopPath, withQuery } from '../../api';
import { formatDateTime } from '../../hooks';
import { useShop } from '../../session';
import type { AuditEntry, Page } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { AuditChanges } from './AuditChanges';

const PAGE_SIZE = 50;

/** product.created → "创建商品"; unknown actions show as sent. */
export function actionLabel(action: string, t: TFunction): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

function actionColor(action: string): string {
  const verb = action.split('.').pop() ?? '';
  if (['created', 'added', 'imported'].includes(verb)) return 'green';
  if (['archived', 'deleted', 'removed', 'revoked'].includes(verb)) return 'red';
  if (verb === 'machine') return 'purple';
  return 'blue';
}

export function actorLabel(actor: string, t: TFunction): string {
  if (actor === 'system') return t('audit.system');
  if (actor.startsWith('token:')) return t('audit.token', { id: actor.slice(6, 14) });
  return actor;
}

interface Props {
  /** Only entries about this entity (e.g. a product id); all of the shop's otherwise. */
  entityId?: string;
  /** Show the "object" column (the whole-shop log). */
  showEntity?: boolean;
  /** Change it to load the log again from the top (e.g. the product version after a save). */
  reloadKey?: unknown;
}

/** The shop's audit log, newest first, with "load more" (cursor pagination). */
export function AuditLog({ entityId, showEntity = false, reloadKey }: Props) {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const path = withQuery(shopPath(shop.slug, '/audit'), { entityId, limit: PAGE_SIZE, cursor });
        const page = await api.get<Page<AuditEntry>>(path);
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [shop.slug, entityId],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey only triggers a fresh load
  useEffect(() => {
    void load(null);
  }, [load, reloadKey]);

  const entityCell = (e: AuditEntry) => {
    const type = t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType });
    const short = e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId;
    if (e.entityType !== 'product') return `${type} ${short}`;
    const to = `/shops/${encodeURIComponent(shop.slug)}/products/${encodeURIComponent(e.entityId)}`;
    return (
      <Link to={to} title={e.entityId}>
        {type} {short}
      </Link>
    );
  };

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 150,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      width: 200,
      ellipsis: true,
      render: (actor: string) => actorLabel(actor, t),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 140,
      render: (action: string) => <Tag color={actionColor(action)}>{actionLabel(action, t)}</Tag>,
    },
    ...(showEntity
      ? [
          {
            title: t('audit.entity'),
            key: 'entity',
            width: 160,
            render: (_: unknown, e: AuditEntry) => entityCell(e),
          },
        ]
      : []),
    {
      title: t('audit.changes'),
      dataIndex: 'changes',
      render: (changes: unknown) => <AuditChanges changes={changes} />,
    },
  ];

  return (
    // The product editor disables its form for read-only roles; the log must stay usable.
    <ConfigProvider componentDisabled={false}>
      <ApiErrorAlert error={error} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        data-testid="audit-log"
        locale={{ emptyText: t('audit.empty') }}
        onRow={(e) =>
          ({ 'data-testid': 'audit-row', 'data-action': e.action }) as HTMLAttributes<HTMLElement>
        }
      />
      <div style={{ marginTop: 12, textAlign: 'center' }}>
        {nextCursor ? (
          <Button onClick={() => void load(nextCursor)} loading={loading} data-testid="audit-more">
            {t('audit.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
        )}
      </div>
    </ConfigProvider>
  );
}
