import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShop } from '../../session';
import { CategoryPicker } from './CategoryPicker';

export function BasicsSection() {
  const { t } = useTranslation();
  const shop = useShop();
  return (
    <>
      <Card title={t('product.basics')} style={{ marginBottom: 16 }}>
        <Form.Item
          name="title"
          label={`${t('fields.title')} (${shop.sourceLocale})`}
          rules={[{ required: true, whitespace: true, message: t('product.titleRequired') }]}
        >
          <Input data-testid="product-title" maxLength={500} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('fields.status')}>
              <Select
                data-testid="product-status"
                options={(['draft', 'active', 'archived'] as const).map((s) => ({
                  value: s,
                  label: t(`productStatus.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="handle" label={t('fields.handle')} extra={t('product.handleHelp')}>
              <Input data-testid="product-handle" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="brand" label={t('fields.brand')}>
              <Input data-testid="product-brand" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="categoryId" label={t('fields.categoryId')}>
              <CategoryPicker shop={shop.slug} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('fields.tags')} extra={t('product.tagsHelp')}>
          <Select mode="tags" data-testid="product-tags" tokenSeparators={[',', '，']} open={false} />
        </Form.Item>
        <Form.Item
          name="descriptionHtml"
          label={t('product.descriptionHtml')}
          extra={t('product.descriptionHelp')}
        >
          <Input.TextArea rows={6} data-testid="product-description" />
        </Form.Item>
        <Form.Item label={t('fields.bulletPoints')} extra={t('product.bulletHelp')}>
          <Form.List name="bulletPoints">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space.Compact key={field.key} style={{ width: '100%', marginBottom: 8 }}>
                    <Form.Item name={field.name} noStyle>
                      <Input placeholder={t('product.bulletN', { n: i + 1 })} data-testid={`bullet-${i}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Space.Compact>
                ))}
                {fields.length < 10 && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add('')}
                    data-testid="add-bullet"
                  >
                    {t('product.addBullet')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
      </Card>
      <Card title={t('product.seo')}>
        <Form.Item name="seoTitle" label={t('fields.seoTitle')}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="seoDescription" label={t('fields.seoDescription')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Card>
    </>
  );
}
