import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeName } from '../../countries';
import { useShop } from '../../session';
import { isValidLocale } from './translationUtils';

interface Props {
  value: string;
  onChange: (locale: string) => void;
  /** Locales that already have translations, shown even if not a shop target. */
  extra?: string[];
}

/** Target language select (shop targets first) plus a box to add any BCP 47 tag. */
export function LocalePicker({ value, onChange, extra = [] }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [added, setAdded] = useState<string[]>([]);
  const [text, setText] = useState('');
  const all = [...new Set([...shop.targetLocales, ...extra, ...added, value])].filter(
    (l) => l && l !== shop.sourceLocale,
  );

  const add = () => {
    const tag = isValidLocale(text);
    if (!tag) return void message.error(t('translations.badLocale'));
    setAdded((prev) => [...prev, tag]);
    setText('');
    onChange(tag);
  };

  return (
    <Space wrap>
      <Select
        data-testid="translation-locale"
        style={{ minWidth: 200 }}
        value={value}
        onChange={onChange}
        options={all.map((l) => ({ value: l, label: `${localeName(l, i18n.language)} (${l})` }))}
      />
      <Space.Compact>
        <Input
          style={{ width: 140 }}
          placeholder={t('translations.addLocalePlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={add}
          data-testid="translation-add-locale"
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!text.trim()}>
          {t('translations.addLocale')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
