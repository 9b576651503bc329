import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder: being built (issue 4). */
export default function CarrierAccountsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('menu.logistics')}</Typography.Title>;
}
