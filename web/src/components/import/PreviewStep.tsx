import { Alert, Card, Col, Radio, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportMode, ImportPreview } from '../../types';

interface Props {
  preview: ImportPreview;
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
}

export function PreviewStep({ preview, mode, onModeChange }: Props) {
  const { t } = useTranslation();
  const invalid = preview.totalRows - preview.validRows;
  return (
    <div data-testid="import-preview">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('import.totalRows')} value={preview.totalRows} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('import.validRows')}
              value={preview.validRows}
              styles={{ content: { color: '#15803d' } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('import.invalidRows')}
              value={invalid}
              styles={{ content: { color: invalid ? '#b91c1c' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('import.products')} value={preview.products} />
          </Card>
        </Col>
      </Row>
      {preview.errors.length > 0 ? (
        <>
          <Typography.Title level={5}>
            {t('import.errorsTitle')}
            {preview.errors.length >= 200 && (
              <Typography.Text type="secondary"> {t('import.first200')}</Typography.Text>
            )}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(r, i) => `${r.row}-${r.field}-${i}`}
            dataSource={preview.errors}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            data-testid="import-errors"
            columns={[
              { title: t('import.rowCol'), dataIndex: 'row', width: 80 },
              {
                title: t('import.fieldCol'),
                dataIndex: 'field',
                width: 200,
                render: (f: string) => t(`fields.${f}`, { defaultValue: f }),
              },
              { title: t('import.messageCol'), dataIndex: 'message' },
            ]}
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('import.noErrors')} style={{ marginBottom: 16 }} />
      )}
      <Card size="small" title={t('import.modeTitle')} style={{ marginTop: 16 }}>
        <Radio.Group value={mode} onChange={(e) => onModeChange(e.target.value as ImportMode)}>
          <Radio
            value="all_or_nothing"
            data-testid="import-mode-all"
            style={{ display: 'flex', marginBottom: 8 }}
          >
            {t('import.modeAll')}
          </Radio>
          <Radio value="valid_rows" data-testid="import-mode-valid" style={{ display: 'flex' }}>
            {t('import.modeValid')}
          </Radio>
        </Radio.Group>
        {mode === 'all_or_nothing' && invalid > 0 && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('import.allWillFail')} />
        )}
      </Card>
    </div>
  );
}
