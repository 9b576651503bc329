import { Button, Collapse, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { useCan, useShop } from '../../session';
import type { ExceptionRule } from '../../types-tracking';
import { ApiErrorAlert } from '../ApiErrorAlert';

const MODES = ['*', 'courier', 'express', 'postal', 'air', 'rail', 'sea', 'truck'];
type Row = Omit<ExceptionRule, 'id' | 'source' | 'validFrom' | 'validTo'> & {
  id?: string;
  source?: string | null;
  builtIn: boolean;
};

/**
 * Stuck thresholds per route: the shop's own rules over the built-in defaults (a more specific
 * route wins). Owners and operators edit them (logistics:manage).
 */
export function ExceptionRules() {
  const { t } = useTranslation();
  const shop = useShop();
  const canManage = useCan('logistics:manage');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState({ kind: 'stuck', destinationCountry: '*', mode: '*', days: 7 });
  const path = shopPath(shop.slug, '/tracking/exception-rules');
  const load = useCallback(async () => {
    try {
      const res = await api.get<{ rules: ExceptionRule[]; defaults: Omit<Row, 'builtIn'>[] }>(path);
      setRows([
        ...res.rules.map((r) => ({ ...r, builtIn: false })),
        ...res.defaults.map((d) => ({ ...d, builtIn: true })),
      ]);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  const add = async () => {
    try {
      await api.post(path, draft);
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (id: string) => {
    try {
      await api.del(`${path}/${id}`);
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const any = (v: string) => (v === '*' ? t('tracking.any') : v);
  return (
    <Collapse
      style={{ marginTop: 24 }}
      items={[
        {
          key: 'rules',
          label: t('tracking.rulesTitle'),
          children: (
            <div data-testid="exception-rules">
              <ApiErrorAlert error={error} />
              <Table<Row>
                rowKey={(r) => r.id ?? `default-${r.kind}-${r.destinationCountry}-${r.mode}`}
                size="small"
                pagination={false}
                dataSource={rows}
                columns={[
                  {
                    title: t('tracking.ruleKind'),
                    dataIndex: 'kind',
                    render: (k) => t(`tracking.ruleKindName.${k}`),
                  },
                  { title: t('tracking.destination'), dataIndex: 'destinationCountry', render: any },
                  {
                    title: t('tracking.mode'),
                    dataIndex: 'mode',
                    render: (m: string) => (m === '*' ? t('tracking.any') : t(`tracking.modeName.${m}`)),
                  },
                  { title: t('tracking.days'), dataIndex: 'days', align: 'right' },
                  {
                    title: t('tracking.ruleSource'),
                    render: (_: unknown, r) =>
                      r.builtIn ? <Tag>{t('tracking.builtIn')}</Tag> : (r.source ?? ''),
                  },
                  {
                    title: '',
                    render: (_: unknown, r) =>
                      canManage && r.id ? (
                        <Popconfirm title={t('tracking.deleteRule')} onConfirm={() => remove(r.id!)}>
                          <Button size="small" danger>
                            {t('tracking.delete')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]}
              />
              {canManage && (
                <Space style={{ marginTop: 12 }} wrap>
                  <Select
                    value={draft.kind}
                    style={{ width: 160 }}
                    onChange={(kind) => setDraft({ ...draft, kind })}
                    options={['stuck', 'not_found'].map((k) => ({
                      value: k,
                      label: t(`tracking.ruleKindName.${k}`),
                    }))}
                  />
                  <Input
                    data-testid="rule-destination"
                    style={{ width: 100 }}
                    maxLength={2}
                    value={draft.destinationCountry}
                    onChange={(e) =>
                      setDraft({ ...draft, destinationCountry: e.target.value.toUpperCase() || '*' })
                    }
                  />
                  <Select
                    value={draft.mode}
                    style={{ width: 140 }}
                    onChange={(mode) => setDraft({ ...draft, mode })}
                    options={MODES.map((m) => ({
                      value: m,
                      label: m === '*' ? t('tracking.any') : t(`tracking.modeName.${m}`),
                    }))}
                  />
                  <InputNumber
                    data-testid="rule-days"
                    min={1}
                    max={365}
                    value={draft.days}
                    onChange={(v) => setDraft({ ...draft, days: Number(v ?? 1) })}
                    addonAfter={t('tracking.days')}
                  />
                  <Button data-testid="rule-add" onClick={add}>
                    {t('tracking.addRule')}
                  </Button>
                </Space>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
