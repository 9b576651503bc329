import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ChannelAccount, HOLDS, ORDER_STATUSES } from '../../orders';
import { DebouncedInput } from '../ProductFilters';

export const ORDER_FILTER_KEYS = ['q', 'accountId', 'status', 'country', 'hold', 'from', 'to'] as const;
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
    accountId: f.accountId || undefined,
    status: f.status || undefined,
    country,
    hold: f.hold && f.hold !== '*' ? f.hold : undefined,
    held: f.hold === '*' ? true : undefined,
    from: f.from ? dayjs(f.from).startOf('day').toISOString() : undefined,
    to: f.to ? dayjs(f.to).add(1, 'day').startOf('day').toISOString() : undefined,
  };
}
