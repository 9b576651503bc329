import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ExceptionsTab } from '../components/tracking/ExceptionsTab';
import { ImportTab } from '../components/tracking/ImportTab';
import { JourneysTab } from '../components/tracking/JourneysTab';
import { PerformanceTab } from '../components/tracking/PerformanceTab';
import { WebhooksTab } from '../components/tracking/WebhooksTab';

const TABS = ['journeys', 'exceptions', 'performance', 'import', 'webhooks'] as const;

/** Tracking: journeys, the exceptions worklist, transit performance, CSV import and webhooks. */
export default function TrackingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'journeys';
  const content = {
    journeys: <JourneysTab />,
    exceptions: <ExceptionsTab />,
    performance: <PerformanceTab />,
    import: <ImportTab />,
    webhooks: <WebhooksTab />,
  };
  return (
    <div>
      <Typography.Title level={3}>{t('tracking.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`tracking-tab-${key}`}>{t(`tracking.tab.${key}`)}</span>,
          children: content[key],
        }))}
      />
    </div>
  );
}
