import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Up to three options (颜色, 尺码…), each with its list of values. */
export function OptionsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary">{t('product.noOptions')}</Typography.Paragraph>
          )}
          {fields.map((field, i) => (
            <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 8 }} wrap>
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('product.optionNameRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <Input
                  placeholder={t('product.optionName')}
                  style={{ width: 160 }}
                  data-testid={`option-name-${i}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'values']} style={{ marginBottom: 0 }}>
                <Select
                  mode="tags"
                  open={false}
                  tokenSeparators={[',', '，']}
                  placeholder={t('product.optionValues')}
                  style={{ minWidth: 320 }}
                  data-testid={`option-values-${i}`}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('common.delete')}
              />
            </Space>
          ))}
          {fields.length < 3 && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', values: [] })}>
              {t('product.addOption')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
