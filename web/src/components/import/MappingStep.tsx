import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { errorMessage } from '../../errors';
import { useShop } from '../../session';
import type { ImportMapping, ImportUpload, TargetField } from '../../types';

export type Columns = Record<string, string | null>;

interface Props {
  upload: ImportUpload;
  columns: Columns;
  onChange: (columns: Columns) => void;
}

const hardRequired = (f: TargetField) => f.required === true || f.required === 'always';

/** Required target fields no column maps to (hard: always; soft: new products only), and doubles. */
export function mappingProblems(upload: ImportUpload, columns: Columns) {
  const used = Object.values(columns).filter((v): v is string => !!v);
  const unmapped = upload.targetFields.filter((f) => f.required && !used.includes(f.key));
  const missing = unmapped.filter(hardRequired);
  const softMissing = unmapped.filter((f) => !hardRequired(f));
  const duplicates = [...new Set(used.filter((v, i) => used.indexOf(v) !== i))];
  return { missing, softMissing, duplicates };
}

export function targetLabel(f: TargetField, t: TFunction, language: string): string {
  if (typeof f.label === 'string') return t(`fields.${f.key}`, { defaultValue: f.label });
  return language === 'en' ? f.label.en : f.label.zh;
}

export function MappingStep({ upload, columns, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const [saved, setSaved] = useState<ImportMapping[]>([]);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .get<{ items: ImportMapping[] }>(shopPath(shop.slug, '/import-mappings'))
      .then((r) => setSaved(r.items))
      .catch(() => setSaved([]));
  }, [shop.slug]);

  const applySaved = (id: string) => {
    const mapping = saved.find((m) => m.id === id);
    if (!mapping) return;
    onChange(Object.fromEntries(upload.headers.map((h) => [h, mapping.columns[h] ?? null])));
  };

  const saveMapping = async () => {
    setSaving(true);
    try {
      const mapped = Object.fromEntries(Object.entries(columns).filter(([, v]) => !!v));
      const created = await api.post<ImportMapping>(shopPath(shop.slug, '/import-mappings'), {
        name: name.trim(),
        columns: mapped,
      });
      setSaved((prev) => [...prev, created]);
      setName('');
      message.success(t('import.mappingSaved'));
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };

  const { missing, softMissing, duplicates } = mappingProblems(upload, columns);
  const label = (key: string) => {
    const field = upload.targetFields.find((f) => f.key === key);
    return field ? targetLabel(field, t, i18n.language) : key;
  };
  const targetOptions = upload.targetFields.map((f) => ({
    value: f.key,
    label: `${targetLabel(f, t, i18n.language)}${hardRequired(f) ? ' *' : ''}`,
  }));

  return (
    <div>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Select
          style={{ minWidth: 240 }}
          placeholder={t('import.useSavedMapping')}
          disabled={saved.length === 0}
          onChange={applySaved}
          data-testid="import-saved-mapping"
          options={saved.map((m) => ({ value: m.id, label: m.name }))}
        />
        <Space.Compact>
          <Input
            style={{ width: 220 }}
            placeholder={t('import.mappingName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="import-mapping-name"
          />
          <Button
            icon={<SaveOutlined />}
            loading={saving}
            disabled={!name.trim()}
            onClick={() => void saveMapping()}
          >
            {t('import.saveMapping')}
          </Button>
        </Space.Compact>
      </Space>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('import.missingRequired', { fields: missing.map((f) => label(f.key)).join('、') })}
        />
      )}
      {softMissing.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('import.softMissing', { fields: softMissing.map((f) => label(f.key)).join('、') })}
        />
      )}
      {duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('import.duplicateTargets', { fields: duplicates.map(label).join('、') })}
        />
      )}
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={upload.headers.map((header, i) => ({ header, sample: upload.sampleRows[0]?.[i] ?? '' }))}
        columns={[
          { title: t('import.fileColumn'), dataIndex: 'header', render: (h: string) => <strong>{h}</strong> },
          {
            title: t('import.sampleValue'),
            dataIndex: 'sample',
            render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
          },
          {
            title: t('import.targetField'),
            key: 'target',
            width: 280,
            render: (_, row, i) => (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: '100%' }}
                placeholder={t('import.ignoreColumn')}
                value={columns[row.header] ?? undefined}
                data-testid={`import-map-${i}`}
                onChange={(v) => onChange({ ...columns, [row.header]: v ?? null })}
                options={targetOptions}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
