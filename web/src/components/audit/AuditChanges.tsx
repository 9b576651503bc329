import { Collapse, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localeName } from '../../countries';
import { fieldLabel } from '../../errors';
import i18n from '../../i18n';
import { diffList } from './auditDiff';

type Scalar = string | number | boolean | null | undefined;
type Obj = Record<string, unknown>;

const isScalar = (v: unknown): v is Scalar => v === null || v === undefined || typeof v !== 'object';
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A scalar or a short list of scalars (tags, SKUs): fits on one line. */
const isSimple = (v: unknown): boolean =>
  isScalar(v) || (Array.isArray(v) && v.length <= 12 && v.every(isScalar));
const isFromTo = (v: unknown): v is { from: unknown; to: unknown } =>
  isObj(v) && 'from' in v && 'to' in v && Object.keys(v).length === 2;

const MAX = 120;

/** "title" → "标题"; audit-only keys (fileName, fromMemory…) have their own labels. */
export function changeLabel(key: string, t: TFunction): string {
  return t(`audit.fields.${key}`, { defaultValue: fieldLabel(key, t) });
}

function text(v: unknown, t: TFunction, key?: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    // translation.saved lists "product.title"-style names
    const items = key === 'fields' ? v.map((s) => changeLabel(String(s).split('.').pop() ?? '', t)) : v;
    return items.map((s) => text(s, t)).join(', ');
  }
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if ((key === 'locale' || key === 'targetLocale') && s) return `${localeName(s, i18n.language)} (${s})`;
  return s.length > MAX ? `${s.slice(0, MAX)}…` : s;
}

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: 'json',
          label: t('audit.details'),
          children: (
            <pre
              style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12, whiteSpace: 'pre-wrap' }}
            >
              {JSON.stringify(value, null, 2)}
            </pre>
          ),
        },
      ]}
    />
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ lineHeight: 1.7 }}>
      <Typography.Text type="secondary">{label}: </Typography.Text>
      {children}
    </div>
  );
}

function FromTo({ name, from, to }: { name: string; from: unknown; to: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text delete type="secondary">
        {text(from, t, name)}
      </Typography.Text>
      {' → '}
      <Typography.Text>{text(to, t, name)}</Typography.Text>
    </>
  );
}

/** Variants / options: one line per changed item, then the full before/after collapsed. */
function ListChanges({ from, to }: { from: unknown; to: unknown }) {
  const { t } = useTranslation();
  const items = diffList(from, to) ?? [];
  return (
    <>
      {items.map((item) => (
        <div key={`${item.kind}-${item.name}`} style={{ paddingInlineStart: 12 }}>
          <Typography.Text strong>{item.name}</Typography.Text>{' '}
          {item.kind === 'changed' ? (
            item.fields.map((f, i) => (
              <span key={f.key}>
                {i > 0 && '; '}
                <Typography.Text type="secondary">{changeLabel(f.key, t)}: </Typography.Text>
                <FromTo name={f.key} from={f.from} to={f.to} />
              </span>
            ))
          ) : (
            <Tag color={item.kind === 'added' ? 'green' : 'red'}>{t(`audit.item_${item.kind}`)}</Tag>
          )}
        </div>
      ))}
      <Json value={{ [t('audit.before')]: from, [t('audit.after')]: to }} />
    </>
  );
}

function Value({ name, value }: { name: string; value: unknown }) {
  const { t } = useTranslation();
  if (isFromTo(value)) {
    if (diffList(value.from, value.to)?.length) return <ListChanges from={value.from} to={value.to} />;
    if (isSimple(value.from) && isSimple(value.to))
      return <FromTo name={name} from={value.from} to={value.to} />;
    return <Json value={{ [t('audit.before')]: value.from, [t('audit.after')]: value.to }} />;
  }
  if (isSimple(value)) return <Typography.Text>{text(value, t, name)}</Typography.Text>;
  if (isObj(value) && Object.values(value).every(isSimple)) {
    return (
      <span>
        {Object.entries(value)
          .map(([k, v]) => `${changeLabel(k, t)}: ${text(v, t, k)}`)
          .join('; ')}
      </span>
    );
  }
  return <Json value={value} />;
}

/** Renders the `changes` object of an audit entry: field → value or field: from → to. */
export function AuditChanges({ changes }: { changes: unknown }) {
  const { t } = useTranslation();
  let value = changes;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      // keep the raw text
    }
  }
  if (!isObj(value)) return isSimple(value) ? <span>{text(value, t)}</span> : <Json value={value} />;
  const entries = Object.entries(value);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      {entries.map(([key, v]) => (
        <Line key={key} label={changeLabel(key, t)}>
          <Value name={key} value={v} />
        </Line>
      ))}
    </div>
  );
}
