import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuditLog } from '../components/audit/AuditLog';

export default function AuditPage() {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={3}>{t('menu.audit')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.help')}</Typography.Paragraph>
      <AuditLog showEntity />
    </div>
  );
}
