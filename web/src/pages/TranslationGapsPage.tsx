import { Alert, Button, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, shopPath, withQuery } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { GlossarySection } from '../components/glossary/GlossarySection';
import { LocalePicker } from '../components/product/LocalePicker';
import { useShop } from '../session';
import type { TranslationGap } from '../types';

/** Translations: per-language gaps, and the shop glossary (`?tab=glossary`). */
export default function TranslationGapsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'glossary' ? 'glossary' : 'gaps';
  return (
    <div>
      <Typography.Title level={3}>{t('menu.translations')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'gaps' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'gaps',
            label: <span data-testid="gaps-tab">{t('translations.gapsTitle')}</span>,
            children: <GapsSection />,
          },
          {
            key: 'glossary',
            label: <span data-testid="glossary-tab">{t('glossary.title')}</span>,
            children: <GlossarySection />,
          },
        ]}
      />
    </div>
  );
}

function GapsSection() {
  const { t } = useTranslation();
  const shop = useShop();
  const navigate = useNavigate();
  const [locale, setLocale] = useState(shop.targetLocales[0] ?? 'en');
  const [items, setItems] = useState<TranslationGap[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    api
      .get<{ items: TranslationGap[] }>(withQuery(shopPath(shop.slug, '/translations/gaps'), { locale }))
      .then((r) => alive && setItems(r.items))
      .catch((e) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [shop.slug, locale]);

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('translations.gapsHelp')}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <LocalePicker value={locale} onChange={setLocale} />
      </div>
      <ApiErrorAlert error={error} />
      {!loading && !error && items.length === 0 ? (
        <Alert type="success" showIcon title={t('translations.noGaps')} />
      ) : (
        <Table<TranslationGap>
          rowKey="productId"
          loading={loading}
          dataSource={items}
          data-testid="translation-gaps"
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: t('fields.title'), dataIndex: 'title' },
            {
              title: t('translationStatus.missing'),
              dataIndex: 'missing',
              width: 110,
              render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
            },
            {
              title: t('translationStatus.stale'),
              dataIndex: 'stale',
              width: 110,
              render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0),
            },
            {
              key: 'open',
              width: 120,
              render: (_, g) => (
                <Button
                  onClick={() =>
                    navigate(
                      `/shops/${encodeURIComponent(shop.slug)}/products/${encodeURIComponent(g.productId)}?tab=translations&locale=${encodeURIComponent(locale)}`,
                    )
                  }
                >
                  {t('translations.translate')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
