import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { localeName } from '../../countries';
import { errorMessage } from '../../errors';
import { useItems } from '../../hooks';
import { useCan, useShop } from '../../session';
import type { GlossaryTerm } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { GlossaryForm } from './GlossaryForm';

/** The shop glossary: terms machine translation must keep as-is or translate a fixed way. */
export function GlossarySection() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('catalog:write');
  const base = shopPath(shop.slug, '/glossary');

  const { items, loading, error, load } = useItems<GlossaryTerm>(base);

  const remove = async (g: GlossaryTerm) => {
    try {
      await api.del(`${base}/${encodeURIComponent(g.id)}`);
      message.success(t('glossary.deleted', { term: g.term }));
      await load();
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };

  const columns: ColumnsType<GlossaryTerm> = [
    { title: t('glossary.term'), dataIndex: 'term', render: (term: string) => <strong>{term}</strong> },
    {
      title: t('glossary.rule'),
      key: 'rule',
      width: 200,
      render: (_, g) =>
        g.doNotTranslate ? (
          <Tag color="purple">{t('glossary.doNotTranslateTag')}</Tag>
        ) : (
          <Tag color="blue">
            {g.targetLocale ? `${localeName(g.targetLocale, i18n.language)} (${g.targetLocale})` : '—'}
          </Tag>
        ),
    },
    {
      title: t('glossary.translation'),
      dataIndex: 'translation',
      render: (v: string | null, g) =>
        g.doNotTranslate ? <Typography.Text type="secondary">{g.term}</Typography.Text> : v,
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      width: 100,
      render: (_, g) => (
        <Popconfirm
          title={t('glossary.deleteConfirm', { term: g.term })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void remove(g)}
        >
          <Button danger size="small" icon={<DeleteOutlined />} data-testid="glossary-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('glossary.help')}</Typography.Paragraph>
      {canWrite && <GlossaryForm existing={items} onAdded={() => void load()} />}
      <ApiErrorAlert error={error} />
      <Table<GlossaryTerm>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        columns={columns}
        data-testid="glossary-table"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('glossary.empty') }}
        onRow={(g) => ({ 'data-testid': `glossary-row-${g.term}` }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
