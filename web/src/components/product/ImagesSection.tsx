import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Image, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { errorMessage } from '../../errors';
import { useCan, useShop } from '../../session';
import type { ProductImage } from '../../types';

const MAX_BYTES = 10 * 1024 * 1024;

interface Props {
  productId: string;
  images: ProductImage[];
  /** Receives an updater so uploads finishing in any order all land. */
  onChange: (update: (prev: ProductImage[]) => ProductImage[]) => void;
}

export function ImagesSection({ productId, images, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('catalog:write');
  const [uploading, setUploading] = useState(0);
  const base = shopPath(shop.slug, `/products/${encodeURIComponent(productId)}/images`);
  const sorted = [...images].sort((a, b) => a.position - b.position);

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(t('errors.FILE_TOO_LARGE'));
      return;
    }
    setUploading((n) => n + 1);
    try {
      const image = await api.upload<ProductImage>(base, file);
      onChange((prev) => [...prev, image]);
    } catch (e) {
      message.error(`${file.name}: ${errorMessage(e, t)}`);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = async (image: ProductImage) => {
    try {
      await api.del(`${base}/${encodeURIComponent(image.id)}`);
      onChange((prev) => prev.filter((i) => i.id !== image.id));
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };

  return (
    <Card
      title={t('product.images')}
      extra={
        canWrite && (
          <Upload
            multiple
            accept="image/jpeg,image/png,image/webp,image/gif"
            showUploadList={false}
            customRequest={({ file }) => void upload(file as File)}
            data-testid="image-upload"
          >
            <Button icon={<UploadOutlined />} loading={uploading > 0}>
              {t('product.uploadImages')}
            </Button>
          </Upload>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('product.imagesHelp')}</Typography.Paragraph>
      {sorted.length === 0 ? (
        <Empty description={t('product.noImages')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap size={12}>
            {sorted.map((img) => (
              <div key={img.id} style={{ position: 'relative' }} data-testid="product-image">
                <Image
                  src={img.thumbUrl}
                  preview={{ src: img.url }}
                  width={120}
                  height={120}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                />
                {canWrite && (
                  <Popconfirm title={t('product.deleteImage')} onConfirm={() => void remove(img)}>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      style={{ position: 'absolute', top: 4, right: 4 }}
                      aria-label={t('common.delete')}
                    />
                  </Popconfirm>
                )}
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
