import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { errorMessage } from '../../errors';
import { categoryTree, useCategories } from '../../hooks';
import type { Category } from '../../types';

interface Props {
  shop: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/** Category tree select with an inline "add category" dialog (Form.Item friendly). */
export function CategoryPicker({ shop, value, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { items, loading, reload } = useCategories(shop);
  const tree = useMemo(() => categoryTree(items), [items]);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; parentId?: string }>();

  const create = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.post<Category>(shopPath(shop, '/categories'), {
        name: values.name.trim(),
        ...(values.parentId ? { parentId: values.parentId } : {}),
      });
      await reload();
      onChange?.(created.id);
      setOpen(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <TreeSelect
        allowClear
        showSearch
        treeDefaultExpandAll
        treeNodeFilterProp="title"
        loading={loading}
        data-testid="product-category"
        style={{ width: '100%' }}
        placeholder={t('product.categoryPlaceholder')}
        value={value ?? undefined}
        treeData={tree}
        onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      />
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="add-category">
        {t('product.addCategory')}
      </Button>
      <Modal
        open={open}
        title={t('product.addCategory')}
        okText={t('common.save')}
        confirmLoading={saving}
        onOk={() => void create()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ parentId: value ?? undefined }}>
          <Form.Item
            name="name"
            label={t('product.categoryName')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input data-testid="category-name" />
          </Form.Item>
          <Form.Item name="parentId" label={t('product.parentCategory')}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={tree} placeholder={t('product.noParent')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}
