import { ArrowLeftOutlined, CopyOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  message,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ExceptionActionModal } from '../components/tracking/ExceptionActionModal';
import { ExceptionKindTag, ExceptionStateTag, TrackingStatusTag } from '../components/tracking/TrackingTags';
import { formatDateTime } from '../hooks';
import { useCan, useShop } from '../session';
import type { JourneyDetail } from '../types-tracking';

/** One journey: milestones, legs, the merged timeline with raw statuses, exception and actions. */
export default function JourneyPage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const { id = '' } = useParams();
  const canAct = useCan('shipping:write');
  const [journey, setJourney] = useState<JourneyDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'resolve' | 'snooze' | null>(null);
  const load = useCallback(async () => {
    try {
      setJourney(
        await api.get<JourneyDetail>(shopPath(shop.slug, `/tracking/journeys/${encodeURIComponent(id)}`)),
      );
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [shop.slug, id]);
  useEffect(() => {
    void load();
  }, [load]);
  const base = `/shops/${encodeURIComponent(shop.slug)}`;
  if (error) return <ApiErrorAlert error={error} />;
  if (!journey) return <Spin />;
  const publicUrl = `${window.location.origin}${journey.publicPath}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(publicUrl);
      message.success(t('tracking.linkCopied'));
    } catch {
      message.info(publicUrl);
    }
  };
  // The furthest milestone reached is "current"; earlier ones may be skipped by some carriers.
  const furthest = journey.milestones.reduce((at, m, i) => (m.reachedAt ? i : at), -1);
  const when = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');
  const ex = journey.exception;
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Link to={`${base}/tracking`}>
          <ArrowLeftOutlined /> {t('tracking.title')}
        </Link>
      </Space>
      <Typography.Title level={3} data-testid="journey-reference">
        {journey.reference} <TrackingStatusTag status={journey.status} />
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text copyable={{ text: publicUrl }} data-testid="journey-public-link">
          <a href={journey.publicPath} target="_blank" rel="noreferrer">
            {journey.publicPath}
          </a>
        </Typography.Text>
        <Button size="small" icon={<CopyOutlined />} data-testid="journey-copy-link" onClick={copy}>
          {t('tracking.copyPublicLink')}
        </Button>
      </Space>
      {ex && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="journey-exception">
          <Space wrap>
            <ExceptionKindTag kind={ex.kind} />
            <ExceptionStateTag state={ex.state} />
            <span>{t('tracking.daysSince', { days: ex.daysStuck })}</span>
            {canAct && ex.state !== 'resolved' && (
              <>
                <Button
                  size="small"
                  type="primary"
                  data-testid="journey-resolve"
                  onClick={() => setDialog('resolve')}
                >
                  {t('tracking.resolve')}
                </Button>
                <Button size="small" onClick={() => setDialog('snooze')}>
                  {t('tracking.snooze')}
                </Button>
              </>
            )}
          </Space>
        </Card>
      )}
      <Card size="small" title={t('tracking.milestones')} style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          data-testid="journey-milestones"
          current={Math.max(0, furthest)}
          items={journey.milestones.map((m, i) => ({
            title: t(`tracking.milestoneName.${m.milestone}`),
            status: m.reachedAt
              ? i === furthest && journey.status !== 'Delivered'
                ? 'process'
                : 'finish'
              : 'wait',
            description: m.reachedAt ? when(m.reachedAt) : undefined,
          }))}
        />
      </Card>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('tracking.route')}>
          {`${journey.originCountry} → ${journey.destinationCountry}${journey.destinationCity ? ` (${journey.destinationCity})` : ''}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('tracking.service')}>{journey.serviceName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.promisedDays')}>
          {journey.promisedDays ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('tracking.shippedAt')}>{when(journey.shippedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.deliveredAt')}>{when(journey.deliveredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.order')}>
          {journey.orderId ? (
            <Link to={`${base}/orders/${journey.orderId}`}>{t('tracking.openOrder')}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('tracking.legs')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="seq"
          pagination={false}
          data-testid="journey-legs"
          dataSource={journey.legs}
          columns={[
            { title: '#', dataIndex: 'seq', width: 48 },
            {
              title: t('tracking.legKind'),
              dataIndex: 'kind',
              render: (k: string) => t(`tracking.legKindName.${k}`),
            },
            {
              title: t('tracking.mode'),
              dataIndex: 'mode',
              render: (m: string | null) => (m ? t(`tracking.modeName.${m}`) : '—'),
            },
            { title: t('tracking.carrier'), dataIndex: 'carrier' },
            {
              title: t('tracking.trackingNumber'),
              dataIndex: 'trackingNumber',
              render: (n: string) => <Typography.Text copyable>{n}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('tracking.timeline')} style={{ marginBottom: 16 }}>
        {journey.events.length === 0 ? (
          <Typography.Text type="secondary">{t('tracking.noEvents')}</Typography.Text>
        ) : (
          <Timeline
            data-testid="journey-timeline"
            items={journey.events.map((e) => ({
              color:
                e.status === 'Delivered'
                  ? 'green'
                  : e.status === 'Exception' || e.status === 'AttemptFail'
                    ? 'red'
                    : 'blue',
              children: (
                <div data-testid="journey-event">
                  <Space wrap size={4}>
                    <strong>{when(e.occurredAt)}</strong>
                    <TrackingStatusTag status={e.status} />
                    {e.subStatus && (
                      <Tag>{t(`tracking.subStatusName.${e.subStatus}`, { defaultValue: e.subStatus })}</Tag>
                    )}
                    {e.milestone && <Tag color="geekblue">{t(`tracking.milestoneName.${e.milestone}`)}</Tag>}
                  </Space>
                  <div>{e.description}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[e.location ?? e.city, e.country].filter(Boolean).join(', ')}
                    {' · '}
                    {e.carrier} {e.trackingNumber}
                    {e.legKind ? ` (${t(`tracking.legKindName.${e.legKind}`)})` : ''}
                    {' · '}
                    {t('tracking.rawStatus')}: {e.rawStatus ?? '—'} · {t('tracking.source')}:{' '}
                    {t(`tracking.sourceName.${e.source}`, { defaultValue: e.source })}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {journey.actions.length > 0 && (
        <Card size="small" title={t('tracking.actionHistory')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={journey.actions}
            columns={[
              { title: t('tracking.when'), dataIndex: 'at', render: when },
              {
                title: t('tracking.exceptionKind'),
                dataIndex: 'kind',
                render: (k: string) => t(`tracking.kind.${k}`),
              },
              {
                title: t('tracking.actions'),
                dataIndex: 'action',
                render: (a: string) => t(`tracking.actionName.${a}`),
              },
              { title: t('tracking.note'), dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
      {dialog && ex && (
        <ExceptionActionModal
          item={ex}
          action={dialog}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void load();
          }}
        />
      )}
    </div>
  );
}
