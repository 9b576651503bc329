import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { AssignmentRule, LogisticsService, RuleStrategy } from '../../types-logistics';
import { ApiErrorAlert } from '../ApiErrorAlert';

const strategies: RuleStrategy[] = ['cheapest', 'fastest', 'cheapest_within_days', 'fixed'];
const list = (s: string | undefined) =>
  (s ?? '')
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Assignment rules: first matching rule (lowest priority number) picks the service for an order. */
export function RulesTab(props: { base: string; services: LogisticsService[]; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rules, setRules] = useState<AssignmentRule[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setRules((await api.get<{ items: AssignmentRule[] }>(`${props.base}/rules`)).items);
    } catch (e) {
      setError(e);
    }
  }, [props.base]);
  useEffect(() => {
    void load();
  }, [load]);
  const save = async () => {
    const v = await form.validateFields();
    const conditions = {
      ...(list(v.channels).length ? { channels: list(v.channels) } : {}),
      ...(list(v.countries).length ? { countries: list(v.countries).map((c) => c.toUpperCase()) } : {}),
      ...(v.minWeightG != null ? { minWeightG: v.minWeightG } : {}),
      ...(v.maxWeightG != null ? { maxWeightG: v.maxWeightG } : {}),
      ...(list(v.skus).length ? { skus: list(v.skus) } : {}),
      ...(v.battery ? { battery: true } : {}),
    };
    try {
      await api.post(`${props.base}/rules`, {
        name: v.name,
        priority: v.priority,
        strategy: v.strategy,
        maxDays: v.maxDays ?? null,
        serviceId: v.serviceId ?? null,
        conditions,
      });
      setOpen(false);
      message.success(t('logistics.saved'));
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const code = (id: string | null) => props.services.find((s) => s.id === id)?.code ?? '';
  return (
    <div data-testid="rules-tab">
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      {props.canManage && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
          data-testid="rule-add"
        >
          {t('logistics.rules.add')}
        </Button>
      )}
      <Table<AssignmentRule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules}
        locale={{ emptyText: t('logistics.rules.empty') }}
        columns={[
          { title: t('logistics.rules.priority'), dataIndex: 'priority' },
          { title: t('logistics.rules.name'), dataIndex: 'name' },
          {
            title: t('logistics.rules.conditions'),
            key: 'c',
            render: (_, r) => {
              const c = r.conditions;
              const tags = [
                ...(c.channels ?? []),
                ...(c.countries ?? []),
                ...(c.skus ?? []),
                ...(c.minWeightG != null || c.maxWeightG != null
                  ? [`${c.minWeightG ?? 0}–${c.maxWeightG ?? '∞'} g`]
                  : []),
                ...(c.battery ? ['🔋'] : []),
              ];
              return tags.length ? (
                tags.map((x) => <Tag key={x}>{x}</Tag>)
              ) : (
                <Typography.Text type="secondary">{t('logistics.rules.any')}</Typography.Text>
              );
            },
          },
          {
            title: t('logistics.rules.strategy'),
            key: 's',
            render: (_, r) =>
              `${t(`logistics.rules.strategies.${r.strategy}`)}${r.maxDays ? ` (${r.maxDays})` : ''}${r.serviceId ? ` ${code(r.serviceId)}` : ''}`,
          },
          ...(props.canManage
            ? [
                {
                  title: '',
                  key: 'x',
                  render: (_: unknown, r: AssignmentRule) => (
                    <Button
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={async () => {
                        await api.del(`${props.base}/rules/${r.id}`);
                        await load();
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={open}
        title={t('logistics.rules.add')}
        onCancel={() => setOpen(false)}
        onOk={save}
        okText={t('logistics.save')}
        cancelText={t('logistics.cancel')}
      >
        <Form form={form} layout="vertical" initialValues={{ priority: 10, strategy: 'cheapest' }}>
          <Form.Item name="name" label={t('logistics.rules.name')} rules={[{ required: true }]}>
            <Input data-testid="rule-name" />
          </Form.Item>
          <Space>
            <Form.Item name="priority" label={t('logistics.rules.priority')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="strategy" label={t('logistics.rules.strategy')}>
              <Select
                style={{ width: 220 }}
                options={strategies.map((s) => ({ value: s, label: t(`logistics.rules.strategies.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="maxDays" label={t('logistics.rules.maxDays')}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          </Space>
          <Form.Item name="serviceId" label={t('logistics.rules.service')}>
            <Select
              allowClear
              options={props.services.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            />
          </Form.Item>
          <Form.Item name="channels" label={t('logistics.rules.channels')}>
            <Input placeholder="amazon, shopee" />
          </Form.Item>
          <Form.Item name="countries" label={t('logistics.rules.countries')}>
            <Input placeholder="US, CA" />
          </Form.Item>
          <Space>
            <Form.Item name="minWeightG" label={t('logistics.rules.minWeight')}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="maxWeightG" label={t('logistics.rules.maxWeight')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item name="skus" label={t('logistics.rules.skus')}>
            <Input placeholder="BAT-*, TOY-1" />
          </Form.Item>
          <Form.Item name="battery" label={t('logistics.rules.battery')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
