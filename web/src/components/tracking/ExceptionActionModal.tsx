import { Alert, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { useShop } from '../../session';
import type { ExceptionItem } from '../../types-tracking';
import { ApiErrorAlert } from '../ApiErrorAlert';

export type ActionKind = 'acknowledge' | 'resolve' | 'snooze';

/** Resolve (with a note) or snooze (until a date) one exception; acknowledging needs no dialog. */
export function ExceptionActionModal({
  item,
  action,
  onClose,
  onDone,
}: {
  item: ExceptionItem;
  action: 'resolve' | 'snooze';
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const shop = useShop();
  const [note, setNote] = useState('');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const [until, setUntil] = useState(tomorrow);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(shopPath(shop.slug, `/tracking/exceptions/${item.journeyId}/actions`), {
        action,
        note: note.trim() || undefined,
        // End of the chosen day in the browser's zone: "until the 5th" includes the 5th.
        snoozeUntil: action === 'snooze' ? new Date(`${until}T23:59:59`).toISOString() : undefined,
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(action === 'resolve' ? 'tracking.resolveTitle' : 'tracking.snoozeTitle', {
        reference: item.reference,
      })}
      okText={t(action === 'resolve' ? 'tracking.resolve' : 'tracking.snooze')}
      onOk={submit}
      okButtonProps={{
        loading: busy,
        disabled: action === 'resolve' && !note.trim(),
        ...({ 'data-testid': 'exception-action-submit' } as Record<string, string>),
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(`tracking.kind.${item.kind}`)}</Typography.Text>
        {action === 'snooze' && (
          <label htmlFor="exception-snooze-until">
            {t('tracking.snoozeUntil')}
            <Input
              id="exception-snooze-until"
              type="date"
              data-testid="exception-snooze-until"
              min={tomorrow}
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
          </label>
        )}
        <Input.TextArea
          data-testid="exception-note"
          rows={3}
          maxLength={2000}
          placeholder={t(
            action === 'resolve' ? 'tracking.resolveNotePlaceholder' : 'tracking.notePlaceholder',
          )}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {action === 'resolve' && <Alert type="info" showIcon message={t('tracking.reopenHint')} />}
        <ApiErrorAlert error={error} />
      </Space>
    </Modal>
  );
}
