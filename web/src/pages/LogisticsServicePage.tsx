import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { cm, days, kg, money } from '../components/logistics/format';
import { formatDateTime } from '../hooks';
import { useShop } from '../session';
import type { Bracket, RateCardDetail, RateCardVersion, ServiceDetail } from '../types-logistics';

/** One service (route logistics/services/:id): card versions, zones and brackets, settings and surcharges. */
export default function LogisticsServicePage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const { id } = useParams();
  const base = shopPath(shop.slug, `/logistics/services/${id}`);
  const [service, setService] = useState<ServiceDetail | null>(null);
  const [card, setCard] = useState<RateCardDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<ServiceDetail>(base)
      .then(async (s) => {
        setService(s);
        if (s.cards[0]) setCard(await api.get<RateCardDetail>(`${base}/rate-cards/${s.cards[0].id}`));
      })
      .catch(setError);
  }, [base]);
  const cur = card?.currency ?? '';
  const pricing = (b: Bracket) => {
    const p = b.pricing;
    if (p.kind === 'flat') return money(p.amountMinor, cur);
    if (p.kind === 'per_kg')
      return t('logistics.pricing.per_kg', { rate: money(p.perKgMinor), reg: money(p.registrationMinor) });
    return t('logistics.pricing.first_continued', {
      first: kg(p.firstG),
      firstPrice: money(p.firstMinor),
      step: kg(p.stepG),
      stepPrice: money(p.stepMinor),
    });
  };
  const s = card?.settings;
  const zones = card
    ? Object.entries(card.data.zones).map(([zone, z]) => ({
        zone,
        transit: z.transit,
        brackets: z.brackets,
        countries: Object.entries(card.data.countries)
          .filter(([, entries]) => entries.some((e) => e.zone === zone))
          .map(([c]) => c),
      }))
    : [];
  return (
    <div data-testid="logistics-service-page">
      <Link to={`/shops/${encodeURIComponent(shop.slug)}/logistics`}>← {t('logistics.service.back')}</Link>
      <ApiErrorAlert error={error} />
      {service && (
        <>
          <Typography.Title level={3}>
            {service.code} · {service.name} <Tag>{t(`logistics.modes.${service.mode}`)}</Tag>
          </Typography.Title>
          <Card title={t('logistics.service.versions')} size="small" style={{ marginBottom: 16 }}>
            {service.cards.length === 0 ? (
              <Alert type="info" title={t('logistics.service.noCards')} />
            ) : (
              <Table<RateCardVersion>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={service.cards}
                data-testid="card-versions"
                rowClassName={(c) => (c.id === card?.id ? 'ant-table-row-selected' : '')}
                onRow={(c) => ({
                  onClick: () => void api.get<RateCardDetail>(`${base}/rate-cards/${c.id}`).then(setCard),
                })}
                columns={[
                  { title: t('logistics.service.version'), dataIndex: 'version' },
                  {
                    title: t('logistics.service.validFrom'),
                    dataIndex: 'validFrom',
                    render: (d: string) => formatDateTime(d, i18n.language),
                  },
                  {
                    title: t('logistics.service.validTo'),
                    dataIndex: 'validTo',
                    render: (d: string | null) => (d ? formatDateTime(d, i18n.language) : '—'),
                  },
                  {
                    title: t('logistics.service.source'),
                    key: 'src',
                    render: (_, c) =>
                      `${c.source.file} (${c.source.sheets})${c.source.note ? ` · ${c.source.note}` : ''}`,
                  },
                  {
                    title: t('logistics.service.importedAt'),
                    key: 'at',
                    render: (_, c) => formatDateTime(c.source.importedAt, i18n.language),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
      {card && s && (
        <>
          <Card title={t('logistics.service.surcharges')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3} data-testid="card-settings">
              <Descriptions.Item label={t('logistics.settings.volumetric')}>
                {s.volumetricDivisor ?? t('logistics.settings.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.share')}>
                {s.volumetricSharePct}%
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.rounding')}>
                {kg(s.roundingG)} kg
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.minimum')}>
                {money(s.minimumMinor, cur)}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.fuel')}>{s.fuelBp / 100}%</Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.fuelOn')}>
                {s.fuelAppliesTo.join(', ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.remote')}>
                {s.remoteArea
                  ? t('logistics.settings.perKg', {
                      amount: money(s.remoteArea.perKgMinor),
                      min: money(s.remoteArea.minimumMinor),
                    })
                  : t('logistics.settings.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.battery')}>
                {s.battery.accepted
                  ? `${t('logistics.settings.accepted')} · ${t('logistics.settings.perParcel', { amount: money(s.battery.perParcelMinor), perKg: money(s.battery.perKgMinor) })}`
                  : t('logistics.settings.refused')}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.dg')}>
                {s.dangerousGoods.accepted
                  ? `${t('logistics.settings.accepted')} · ${money(s.dangerousGoods.perParcelMinor)}`
                  : t('logistics.settings.refused')}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.maxWeight')}>
                {s.maxWeightG === null ? '—' : `${kg(s.maxWeightG)} kg`}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.longest')}>
                {cm(s.maxLongestSideMm)}
              </Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.girth')}>{cm(s.maxGirthMm)}</Descriptions.Item>
              <Descriptions.Item label={t('logistics.settings.sum')}>
                {cm(s.maxSumOfSidesMm)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('logistics.service.zones')} size="small" style={{ marginBottom: 16 }}>
            <Table
              rowKey="zone"
              size="small"
              dataSource={zones}
              data-testid="card-zones"
              pagination={{ pageSize: 20 }}
              expandable={{
                expandedRowRender: (z) => (
                  <Table<Bracket>
                    size="small"
                    pagination={false}
                    rowKey={(b) => `${b.fromG}`}
                    dataSource={z.brackets}
                    columns={[
                      {
                        title: t('logistics.service.weight'),
                        key: 'w',
                        render: (_, b) =>
                          `${kg(b.fromG)} – ${b.toG === null ? t('logistics.service.open') : kg(b.toG)}`,
                      },
                      { title: t('logistics.service.price'), key: 'p', render: (_, b) => pricing(b) },
                      { title: '', dataIndex: 'cell' },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: t('logistics.sample.zone'), dataIndex: 'zone' },
                {
                  title: t('logistics.service.countries'),
                  dataIndex: 'countries',
                  render: (c: string[]) => c.join(', '),
                },
                { title: t('logistics.sample.brackets'), key: 'n', render: (_, z) => z.brackets.length },
                { title: t('logistics.sample.transit'), dataIndex: 'transit', render: days },
              ]}
            />
          </Card>
          {Object.keys(card.data.remote).length > 0 && (
            <Card title={t('logistics.service.remote')} size="small">
              <Space direction="vertical">
                {Object.entries(card.data.remote).map(([c, rules]) => (
                  <span key={c}>
                    <Tag>{c}</Tag>
                    {rules.map((r) => ('prefix' in r ? `${r.prefix}*` : `${r.from}–${r.to}`)).join(', ')}
                  </span>
                ))}
              </Space>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
