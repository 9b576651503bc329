import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductStatus, TranslationStatus } from '../types';

const PRODUCT_COLORS: Record<ProductStatus, string> = { draft: 'default', active: 'green', archived: 'red' };

export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return <Tag color={PRODUCT_COLORS[status]}>{t(`productStatus.${status}`)}</Tag>;
}

const TRANSLATION_COLORS: Record<TranslationStatus | 'missing', string> = {
  missing: 'red',
  machine: 'blue',
  reviewed: 'green',
  stale: 'orange',
};

export function TranslationStatusTag({ status }: { status: TranslationStatus | 'missing' }) {
  const { t } = useTranslation();
  return (
    <Tag color={TRANSLATION_COLORS[status]} data-status={status}>
      {t(`translationStatus.${status}`)}
    </Tag>
  );
}
