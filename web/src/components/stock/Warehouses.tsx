import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { WAREHOUSE_KINDS, type Warehouse } from '../../orders';
import { useCan, useShop } from '../../session';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface Values {
  code: string;
  name: string;
  kind: string;
  country: string;
  priority?: number;
}

/** The shop's warehouses, and (stock:write) a form to add one. */
export function Warehouses(props: {
  items: Warehouse[];
  loading: boolean;
  error: unknown;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('stock:write');
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await api.post(shopPath(shop.slug, '/warehouses'), { ...v, country: v.country.trim().toUpperCase() });
      message.success(t('stock.warehouseSaved'));
      setOpen(false);
      form.resetFields();
      props.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Warehouse> = [
    { title: t('stock.code'), dataIndex: 'code', render: (v: string) => <strong>{v}</strong> },
    { title: t('stock.name'), dataIndex: 'name' },
    {
      title: t('stock.kind'),
      dataIndex: 'kind',
      render: (k: string) => t(`warehouseKind.${k}`, { defaultValue: k }),
    },
    { title: t('orders.country'), dataIndex: 'country' },
    { title: t('stock.priority'), dataIndex: 'priority', align: 'right' },
    {
      title: t('fields.status'),
      dataIndex: 'active',
      render: (a: boolean) => (
        <Tag color={a ? 'green' : 'default'}>{t(a ? 'stock.active' : 'stock.inactive')}</Tag>
      ),
    },
  ];

  return (
    <div>
      {canWrite && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="add-warehouse"
            onClick={() => setOpen(true)}
          >
            {t('stock.addWarehouse')}
          </Button>
        </div>
      )}
      <ApiErrorAlert error={props.error} />
      <Table<Warehouse>
        rowKey="id"
        size="middle"
        data-testid="warehouses-table"
        loading={props.loading}
        columns={columns}
        dataSource={props.items}
        pagination={false}
      />
      <Modal
        open={open}
        title={t('stock.addWarehouse')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: saving, 'data-testid': 'warehouse-save' }}
      >
        <ApiErrorAlert error={error} />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'factory' }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="code"
            label={t('stock.code')}
            rules={[{ required: true, message: t('stock.required') }]}
          >
            <Input maxLength={40} data-testid="warehouse-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('stock.name')}
            rules={[{ required: true, message: t('stock.required') }]}
          >
            <Input maxLength={200} data-testid="warehouse-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('stock.kind')} rules={[{ required: true }]}>
            <Select
              data-testid="warehouse-kind"
              options={WAREHOUSE_KINDS.map((k) => ({ value: k, label: t(`warehouseKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="country"
            label={t('orders.country')}
            rules={[{ required: true, pattern: /^[A-Za-z]{2}$/, message: t('stock.countryHelp') }]}
          >
            <Input maxLength={2} style={{ width: 100 }} data-testid="warehouse-country" />
          </Form.Item>
          <Form.Item name="priority" label={t('stock.priority')}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
