import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder: being built (issue 4). */
export default function JourneyPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('menu.tracking')}</Typography.Title>;
}
