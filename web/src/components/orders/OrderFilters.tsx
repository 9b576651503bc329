import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ChannelAccount, HOLDS, ORDER_STATUSES } from '../../orders';
import { DebouncedInput } from '../ProductFilters';

/** Channels an order can come from (src/domains/orders/tables.ts). */
export const CHANNELS = [
  'amazon',
  'shopee',
  'tiktok',
  'aliexpress',
  'temu',
  'lazada',
  'mercadolibre',
  'alibaba',
  'own_store',
  'facebook',
  'whatsapp',
  'instagram',
  'offline',
  'other',
] as const;

export const ORDER_FILTER_KEYS = [
  'q',
  'channel',
  'accountId',
  'status',
  'country',
  'hold',
  'from',
  'to',
] as const;
export type OrderFilterValues = Record<(typeof ORDER_FILTER_KEYS)[number], string>;

interface Props {
  value: OrderFilterValues;
  accounts: ChannelAccount[];
  onChange: (patch: Partial<OrderFilterValues>) => void;
}

/** Inbox filters; `from`/`to` are local dates (YYYY-MM-DD), `to` inclusive. */
export function OrderFilters({ value, accounts, onChange }: Props) {
  const { t } = useTranslation();
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <DebouncedInput
        value={value.q}
        placeholder={t('orders.searchPlaceholder')}
        testId="order-search"
        width={240}
        icon
        onChange={(q) => onChange({ q })}
      />
      <Select
        allowClear
        data-testid="filter-channel"
        aria-label={t('adminOps.filters.channel')}
        placeholder={t('adminOps.filters.channel')}
        style={{ width: 150 }}
        value={value.channel || undefined}
        onChange={(v) => onChange({ channel: v ?? '' })}
        options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
      />
      <Select
        allowClear
        data-testid="filter-account"
        placeholder={t('orders.account')}
        style={{ width: 180 }}
        value={value.accountId || undefined}
        onChange={(v) => onChange({ accountId: v ?? '' })}
        options={accounts.map((a) => ({
          value: a.id,
          label: `${a.name} · ${t(`channels.${a.channel}`, { defaultValue: a.channel })}`,
        }))}
      />
      <Select
        allowClear
        data-testid="filter-order-status"
        placeholder={t('fields.status')}
        style={{ width: 140 }}
        value={value.status || undefined}
        onChange={(v) => onChange({ status: v ?? '' })}
        options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
      />
      <Select
        allowClear
        data-testid="filter-hold"
        placeholder={t('orders.hold')}
        style={{ width: 150 }}
        value={value.hold || undefined}
        onChange={(v) => onChange({ hold: v ?? '' })}
        options={[
          { value: '*', label: t('orders.anyHold') },
          ...HOLDS.map((h) => ({ value: h, label: t(`orderHold.${h}`) })),
          ...(['compliance', 'manual'] as const).map((h) => ({ value: h, label: t(`adminOps.hold.${h}`) })),
        ]}
      />
      <DebouncedInput
        value={value.country}
        placeholder={t('orders.country')}
        testId="filter-country"
        width={110}
        onChange={(country) => onChange({ country: country.trim().toUpperCase() })}
      />
      <DatePicker.RangePicker
        data-testid="filter-dates"
        value={range}
        onChange={(dates) =>
          onChange({
            from: dates?.[0]?.format('YYYY-MM-DD') ?? '',
            to: dates?.[1]?.format('YYYY-MM-DD') ?? '',
          })
        }
      />
    </Space>
  );
}

/** URL filter values → the list endpoint's query. */
export function orderQuery(f: OrderFilterValues) {
  const country = /^[A-Za-z]{2}$/.test(f.country) ? f.country.toUpperCase() : undefined;
  return {
    q: f.q.trim() || undefined,
    channel: f.channel || undefined,
    accountId: f.accountId || undefined,
    status: f.status || undefined,
    country,
    hold: f.hold && f.hold !== '*' ? f.hold : undefined,
    held: f.hold === '*' ? true : undefined,
    from: f.from ? dayjs(f.from).startOf('day').toISOString() : undefined,
    to: f.to ? dayjs(f.to).add(1, 'day').startOf('day').toISOString() : undefined,
  };
}
