import { CheckOutlined, RobotOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, shopPath } from '../../api';
import { errorMessage } from '../../errors';
import { useCan, useShop } from '../../session';
import type { TranslationField, TranslationsResponse } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { TranslationStatusTag } from '../StatusTag';
import { LocalePicker } from './LocalePicker';
import { fieldKey, fromEditable, statusOf, testIdFor, toEditable } from './translationUtils';

export function TranslationsSection({
  productId,
  initialLocale,
}: {
  productId: string;
  initialLocale?: string | null;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('catalog:write');
  const base = shopPath(shop.slug, `/products/${encodeURIComponent(productId)}/translations`);
  const [data, setData] = useState<TranslationsResponse | null>(null);
  const [locale, setLocale] = useState<string>(initialLocale || shop.targetLocales[0] || 'en');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'load' | 'save' | 'machine' | null>('load');
  const [error, setError] = useState<unknown>(null);
  const [providerMissing, setProviderMissing] = useState(false);

  const load = useCallback(async () => {
    setBusy('load');
    try {
      setData(await api.get<TranslationsResponse>(base));
      setEdits({});
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);

  const pickLocale = (next: string) => {
    if (Object.keys(edits).length === 0) return setLocale(next);
    modal.confirm({
      title: t('translations.discardTitle'),
      content: t('translations.discardBody'),
      onOk: () => {
        setEdits({});
        setLocale(next);
      },
    });
  };

  const currentValue = (f: TranslationField) =>
    edits[fieldKey(f)] ?? toEditable(f.field, f.translations[locale]?.value ?? '');

  const save = async (fields: TranslationField[]) => {
    if (fields.length === 0) return void message.info(t('translations.nothingToSave'));
    setBusy('save');
    try {
      await api.put(`${base}/${encodeURIComponent(locale)}`, {
        fields: fields.map((f) => ({
          entityType: f.entityType,
          entityId: f.entityId,
          field: f.field,
          value: fromEditable(f.field, currentValue(f)),
        })),
      });
      message.success(t('translations.saved'));
      await load();
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const machine = async () => {
    setBusy('machine');
    setProviderMissing(false);
    try {
      await api.post(`${base}/${encodeURIComponent(locale)}/machine`);
      message.success(t('translations.machineDone'));
      await load();
    } catch (e) {
      if (isApiError(e) && e.code === 'PROVIDER_NOT_CONFIGURED') setProviderMissing(true);
      else message.error(errorMessage(e, t));
      setBusy(null);
    }
  };

  const fields = data?.fields ?? [];
  const dirty = fields.filter((f) => edits[fieldKey(f)] !== undefined);
  const unreviewed = fields.filter(
    (f) => currentValue(f).trim() !== '' && statusOf(f, locale) !== 'reviewed',
  );

  const columns: ColumnsType<TranslationField> = [
    {
      title: t('translations.field'),
      width: 150,
      render: (_, f) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{t(`fields.${f.field}`, { defaultValue: f.field })}</Typography.Text>
          {f.entityType === 'variant' && <Tag>{t('translations.variant')}</Tag>}
        </Space>
      ),
    },
    {
      title: `${t('translations.source')} (${data?.sourceLocale ?? shop.sourceLocale})`,
      render: (_, f) => (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', margin: 0 }}
          ellipsis={{ rows: 6, expandable: true }}
        >
          {toEditable(f.field, f.source)}
        </Typography.Paragraph>
      ),
    },
    {
      title: `${t('translations.translation')} (${locale})`,
      render: (_, f) => (
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 10 }}
          disabled={!canWrite}
          data-testid={testIdFor(f)}
          value={currentValue(f)}
          onChange={(e) => setEdits((prev) => ({ ...prev, [fieldKey(f)]: e.target.value }))}
        />
      ),
    },
    {
      title: t('fields.status'),
      width: 110,
      render: (_, f) =>
        edits[fieldKey(f)] !== undefined ? (
          <Tag color="purple">{t('translations.edited')}</Tag>
        ) : (
          <TranslationStatusTag status={statusOf(f, locale)} />
        ),
    },
  ];

  return (
    <Card title={t('product.translations')}>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <LocalePicker value={locale} onChange={pickLocale} extra={data?.locales ?? []} />
        {canWrite && (
          <Space wrap>
            <Button
              icon={<RobotOutlined />}
              loading={busy === 'machine'}
              onClick={() => void machine()}
              data-testid="machine-translate"
            >
              {t('translations.machine')}
            </Button>
            <Button
              icon={<CheckOutlined />}
              disabled={unreviewed.length === 0}
              onClick={() => void save(unreviewed)}
            >
              {t('translations.markReviewed')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={busy === 'save'}
              disabled={dirty.length === 0}
              onClick={() => void save(dirty)}
              data-testid="save-translations"
            >
              {t('translations.save')}
            </Button>
          </Space>
        )}
      </Space>
      {providerMissing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="provider-not-configured"
          title={t('errors.PROVIDER_NOT_CONFIGURED')}
          description={t('translations.providerHelp')}
          closable={{ onClose: () => setProviderMissing(false) }}
        />
      )}
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Table<TranslationField>
        rowKey={fieldKey}
        size="small"
        loading={busy === 'load'}
        pagination={false}
        columns={columns}
        dataSource={fields}
      />
    </Card>
  );
}
