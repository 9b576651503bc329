import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, shopPath } from '../../api';
import { localeName } from '../../countries';
import { useShop } from '../../session';
import type { GlossaryTerm } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface Values {
  term: string;
  doNotTranslate: boolean;
  targetLocale?: string;
  translation?: string;
}

/** Add a glossary term: either "never translate" (brands) or a fixed translation for one language. */
interface Props {
  /** Terms already in the glossary, to catch duplicates before sending. */
  existing: GlossaryTerm[];
  onAdded: (term: GlossaryTerm) => void;
}

const sameRule = (g: GlossaryTerm, v: Values) =>
  g.term.trim().toLowerCase() === v.term.trim().toLowerCase() &&
  (v.doNotTranslate ? g.doNotTranslate : !g.doNotTranslate && g.targetLocale === v.targetLocale);

export function GlossaryForm({ existing, onAdded }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [form] = Form.useForm<Values>();
  const dnt = Form.useWatch('doNotTranslate', form) ?? false;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const locales = shop.targetLocales.filter((l) => l !== shop.sourceLocale);

  const submit = async (v: Values) => {
    if (existing.some((g) => sameRule(g, v))) {
      form.setFields([{ name: 'term', errors: [t('glossary.duplicate')] }]);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const body = v.doNotTranslate
        ? { term: v.term.trim(), doNotTranslate: true }
        : { term: v.term.trim(), targetLocale: v.targetLocale, translation: v.translation?.trim() };
      const created = await api.post<GlossaryTerm>(shopPath(shop.slug, '/glossary'), body);
      message.success(t('glossary.added', { term: created.term }));
      form.setFieldsValue({ term: '', translation: '' });
      onAdded(created);
    } catch (e) {
      setError(e);
      if (isApiError(e)) {
        form.setFields(e.issues.map((i) => ({ name: i.field as keyof Values, errors: [i.message] })));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('glossary.formHelp')}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{ doNotTranslate: false, targetLocale: locales[0] }}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="term"
          rules={[{ required: true, whitespace: true, message: t('glossary.termRequired') }]}
        >
          <Input
            placeholder={t('glossary.termPlaceholder')}
            style={{ width: 200 }}
            data-testid="glossary-term"
          />
        </Form.Item>
        <Form.Item name="doNotTranslate" valuePropName="checked">
          <Checkbox data-testid="glossary-dnt">{t('glossary.doNotTranslate')}</Checkbox>
        </Form.Item>
        {!dnt && (
          <>
            <Form.Item
              name="targetLocale"
              rules={[{ required: true, message: t('glossary.localeRequired') }]}
            >
              <Select
                data-testid="glossary-locale"
                style={{ width: 180 }}
                showSearch
                placeholder={t('fields.locale')}
                options={locales.map((l) => ({ value: l, label: `${localeName(l, i18n.language)} (${l})` }))}
              />
            </Form.Item>
            <Form.Item
              name="translation"
              rules={[{ required: true, whitespace: true, message: t('glossary.translationRequired') }]}
            >
              <Input
                placeholder={t('glossary.translationPlaceholder')}
                style={{ width: 220 }}
                data-testid="glossary-translation"
              />
            </Form.Item>
          </>
        )}
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={saving}
            data-testid="glossary-add"
          >
            {t('glossary.add')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
