import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';

/** One button that flips between 中文 and English; shows the language you would switch to. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const { setLocale } = useSession();
  const isEn = i18n.language === 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      onClick={() => setLocale(isEn ? 'zh-CN' : 'en')}
    >
      {isEn ? '中文' : 'English'}
    </Button>
  );
}
