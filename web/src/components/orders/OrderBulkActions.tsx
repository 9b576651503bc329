import { Alert, App, Button, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { HOLDS, NEXT_STATUSES, ORDER_STATUSES, type OrderStatus } from '../../orders';
import { useShop } from '../../session';
import type { BulkOrdersResult } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';

type Action = 'status' | 'addTags' | 'removeTags' | 'addHold' | 'releaseHold';

/** Holds people set (POST /orders/holds); the system sets and lifts the others itself. */
const PERSON_HOLDS = ['compliance', 'manual'] as const;

interface Props {
  ids: string[];
  /** Current statuses of the selected orders: only moves legal from at least one are offered. */
  statuses: OrderStatus[];
  /** How a selected order is named to people (its channel order number when we have it). */
  labelOf: (id: string) => string;
  onDone: () => void;
  onClear: () => void;
  /** Extra control to widen the selection ("select all matching"). */
  extra?: React.ReactNode;
}

/**
 * POST /orders/bulk for the selected orders: status change, add/remove tags, release a hold.
 * The server checks each transition; refusals come back per order and are listed, not hidden.
 */
export function OrderBulkActions({ ids, statuses, labelOf, onDone, onClear, extra }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [action, setAction] = useState<Action | null>(null);
  const [status, setStatus] = useState<OrderStatus | undefined>();
  const [tags, setTags] = useState<string[]>([]);
  const [hold, setHold] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BulkOrdersResult | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});

  /** The server explains a refused move in English ("cannot go from X to Y"); say it in the reader's language. */
  const reasonText = (reason: string) => {
    const already = /^already on hold: (\w+)$/.exec(reason);
    if (already)
      return t('adminOps.bulk.alreadyHeld', {
        hold: t(`adminOps.hold.${already[1]}`, { defaultValue: already[1] }),
      });
    const m = /^cannot go from (\w+) to (\w+)$/.exec(reason);
    return m
      ? t('adminOps.bulk.cannotGo', {
          from: t(`orderStatus.${m[1]}`, { defaultValue: m[1] }),
          to: t(`orderStatus.${m[2]}`, { defaultValue: m[2] }),
        })
      : reason;
  };

  const open = (a: Action) => {
    setAction(a);
    setError(null);
    setResult(null);
  };
  const close = () => {
    setAction(null);
    setStatus(undefined);
    setTags([]);
    setHold(undefined);
  };

  const body = () => {
    if (action === 'status') return status ? { action, ids, status } : null;
    if (action === 'addTags' || action === 'removeTags') {
      const clean = tags.map((x) => x.trim()).filter(Boolean);
      return clean.length ? { action, ids, tags: clean } : null;
    }
    if (action === 'releaseHold' || action === 'addHold') return hold ? { action, ids, hold } : null;
    return null;
  };

  const apply = async () => {
    const payload = body();
    if (!payload) return;
    setSaving(true);
    setError(null);
    try {
      const res =
        payload.action === 'addHold'
          ? await api.post<BulkOrdersResult>(shopPath(shop.slug, '/orders/holds'), {
              ids: payload.ids,
              hold: payload.hold,
            })
          : await api.post<BulkOrdersResult>(shopPath(shop.slug, '/orders/bulk'), payload);
      if (res.updated) message.success(t('adminOps.bulk.updated', { count: res.updated }));
      if (res.skipped.length || res.notFound) {
        // Name the refused orders now: after the reload they may no longer be on the page.
        setLabels(Object.fromEntries(res.skipped.map((s) => [s.id, labelOf(s.id)])));
        setResult(res);
      }
      close();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="bulk-bar" style={{ marginBottom: 12 }}>
      <Space wrap>
        <Typography.Text strong data-testid="bulk-count">
          {t('adminOps.bulk.selected', { count: ids.length })}
        </Typography.Text>
        {extra}
        <Button data-testid="bulk-status" disabled={!ids.length} onClick={() => open('status')}>
          {t('adminOps.bulk.changeStatus')}
        </Button>
        <Button data-testid="bulk-add-tags" disabled={!ids.length} onClick={() => open('addTags')}>
          {t('adminOps.bulk.addTags')}
        </Button>
        <Button data-testid="bulk-remove-tags" disabled={!ids.length} onClick={() => open('removeTags')}>
          {t('adminOps.bulk.removeTags')}
        </Button>
        <Button data-testid="bulk-add-hold" disabled={!ids.length} onClick={() => open('addHold')}>
          {t('adminOps.bulk.addHold')}
        </Button>
        <Button data-testid="bulk-release-hold" disabled={!ids.length} onClick={() => open('releaseHold')}>
          {t('adminOps.bulk.releaseHold')}
        </Button>
        <Button type="link" data-testid="bulk-clear" disabled={!ids.length} onClick={onClear}>
          {t('adminOps.bulk.clear')}
        </Button>
      </Space>
      {result && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          data-testid="bulk-refusals"
          style={{ marginTop: 12 }}
          title={t('adminOps.bulk.refused', { count: result.skipped.length + result.notFound })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.skipped.map((s) => (
                <li key={s.id}>
                  <Typography.Text code>{labels[s.id] ?? s.id.slice(0, 8)}</Typography.Text>{' '}
                  {reasonText(s.reason)}
                </li>
              ))}
              {result.notFound > 0 && <li>{t('adminOps.bulk.notFound', { count: result.notFound })}</li>}
            </ul>
          }
        />
      )}
      <Modal
        open={action !== null}
        title={action ? t(`adminOps.bulk.${action === 'status' ? 'changeStatus' : action}`) : ''}
        onCancel={close}
        onOk={() => void apply()}
        okText={t('adminOps.bulk.apply', { count: ids.length })}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: saving, disabled: !body(), 'data-testid': 'bulk-apply' }}
      >
        <ApiErrorAlert error={error} />
        {action === 'status' && (
          <>
            <Select
              data-testid="bulk-status-select"
              style={{ width: '100%' }}
              placeholder={t('adminOps.bulk.pickStatus')}
              value={status}
              onChange={setStatus}
              options={ORDER_STATUSES.filter((s) =>
                statuses.some((from) => NEXT_STATUSES[from].includes(s)),
              ).map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
              notFoundContent={t('adminOps.bulk.noLegalStatus')}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('adminOps.bulk.statusHelp')}
            </Typography.Paragraph>
          </>
        )}
        {(action === 'addTags' || action === 'removeTags') && (
          <Select
            mode="tags"
            data-testid="bulk-tags-input"
            style={{ width: '100%' }}
            placeholder={t('adminOps.bulk.tagsPlaceholder')}
            value={tags}
            onChange={setTags}
            tokenSeparators={[',', '，']}
            open={false}
            aria-label={t('adminOps.bulk.tagsPlaceholder')}
          />
        )}
        {(action === 'releaseHold' || action === 'addHold') && (
          <Select
            data-testid="bulk-hold-select"
            style={{ width: '100%' }}
            placeholder={t(action === 'addHold' ? 'adminOps.bulk.pickNewHold' : 'adminOps.bulk.pickHold')}
            value={hold}
            onChange={setHold}
            options={[
              ...(action === 'releaseHold'
                ? HOLDS.map((h) => ({ value: h, label: t(`orderHold.${h}`) }))
                : []),
              ...PERSON_HOLDS.map((h) => ({ value: h, label: t(`adminOps.hold.${h}`) })),
            ]}
          />
        )}
      </Modal>
    </div>
  );
}
