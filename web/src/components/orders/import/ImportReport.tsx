import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../hooks';
import { formatMoney } from '../../../orders';
import type { OrderImportError, OrderImportResult, OrderImportSample } from '../../../types';

/** Counts, row-level errors and (for a preview) the first orders as they would be imported. */
export function ImportReport({ result, testId }: { result: OrderImportResult; testId: string }) {
  const { t, i18n } = useTranslation();
  const counts = [
    { key: 'created', value: result.created, color: '#389e0d' },
    { key: 'updated', value: result.updated, color: '#1677ff' },
    { key: 'unchanged', value: result.unchanged, color: undefined },
    { key: 'failed', value: result.failed, color: result.failed ? '#cf1322' : undefined },
  ] as const;
  return (
    <div data-testid={testId}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {counts.map((c) => (
          <Col xs={12} md={6} key={c.key}>
            <Card size="small" data-testid={`${testId}-${c.key}`} data-count={c.value}>
              <Statistic
                title={t(`adminOps.import.count.${c.key}`)}
                value={c.value}
                styles={c.color ? { content: { color: c.color } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {result.errors.length > 0 && (
        <>
          <Typography.Title level={5}>
            {t('adminOps.import.errors', { count: result.errors.length })}
          </Typography.Title>
          <Table<OrderImportError>
            size="small"
            rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
            data-testid={`${testId}-errors`}
            dataSource={result.errors}
            pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('adminOps.import.row'), dataIndex: 'row', width: 80 },
              {
                title: t('adminOps.import.field'),
                dataIndex: 'field',
                width: 200,
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              { title: t('adminOps.import.message'), dataIndex: 'message' },
            ]}
            style={{ marginBottom: 16 }}
          />
        </>
      )}
      {result.sample && result.sample.length > 0 && (
        <>
          <Typography.Title level={5}>
            {t('adminOps.import.sample', { count: result.sample.length })}
          </Typography.Title>
          <Table<OrderImportSample>
            size="small"
            rowKey="externalId"
            data-testid={`${testId}-sample`}
            dataSource={result.sample}
            pagination={false}
            scroll={{ x: 800 }}
            columns={[
              {
                title: t('orders.externalId'),
                dataIndex: 'externalId',
                render: (v: string) => (
                  <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>
                ),
              },
              {
                title: t('fields.status'),
                dataIndex: 'status',
                width: 120,
                render: (v: string) => <Tag>{t(`orderStatus.${v}`, { defaultValue: v })}</Tag>,
              },
              {
                title: t('orders.purchasedAt'),
                dataIndex: 'purchasedAt',
                width: 150,
                render: (v: string) => formatDateTime(v, i18n.language),
              },
              { title: t('orders.country'), dataIndex: 'shipCountry', width: 70, render: (v) => v ?? '—' },
              {
                title: t('adminOps.import.lines'),
                key: 'lines',
                render: (_, o) =>
                  o.lines.map((l) => (
                    <div key={`${l.channelSku}-${l.quantity}`}>
                      <Typography.Text code>{l.channelSku}</Typography.Text> × {l.quantity}
                      {l.title ? (
                        <Typography.Text
                          type="secondary"
                          ellipsis
                          style={{ maxWidth: 260, marginInlineStart: 6 }}
                        >
                          {l.title}
                        </Typography.Text>
                      ) : null}
                    </div>
                  )),
              },
              {
                title: t('orders.total'),
                dataIndex: 'total',
                width: 110,
                align: 'right',
                render: (v: number, o) => formatMoney(v, o.currency, i18n.language),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
