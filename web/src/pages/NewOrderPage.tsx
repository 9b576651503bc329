import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, isApiError, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { BuyerAddress } from '../components/orders/new-order/BuyerAddress';
import {
  type Draft,
  defaultPayment,
  lastAccount,
  MANUAL_CHANNELS,
  PAYMENT_METHODS,
  rememberAccount,
  toPayload,
} from '../components/orders/new-order/draft';
import { fieldErrors } from '../components/orders/new-order/form-rules';
import { LinesEditor } from '../components/orders/new-order/LinesEditor';
import { OrderTotals } from '../components/orders/new-order/OrderTotals';
import type { ChannelAccount, OrderDetail } from '../orders';
import { useCan, useShop } from '../session';

/** Fast entry of an order sold in a chat (Facebook, WhatsApp, Instagram) or in person. */
export default function NewOrderPage() {
  const { t } = useTranslation();
  const shop = useShop();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canWrite = useCan('orders:write');
  const canManageChannels = useCan('channels:manage');
  const [form] = Form.useForm<Draft>();
  const [accounts, setAccounts] = useState<ChannelAccount[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [lastSaved, setLastSaved] = useState<{ id: string; externalId: string } | null>(null);
  const ordersPath = `/shops/${encodeURIComponent(shop.slug)}/orders`;

  useEffect(() => {
    api
      .get<{ items: ChannelAccount[] }>(shopPath(shop.slug, '/channel-accounts'))
      .then((res) => setAccounts(res.items))
      .catch((e) => {
        setAccounts([]);
        setError(e);
      });
  }, [shop.slug]);

  // Chat and offline accounts first: this form is mostly for them; marketplaces still work.
  const accountOptions = useMemo(() => {
    const label = (a: ChannelAccount) =>
      `${a.name} · ${t(`channels.${a.channel}`, { defaultValue: a.channel })}`;
    const all = accounts ?? [];
    const manual = all.filter((a) => MANUAL_CHANNELS.has(a.channel));
    const other = all.filter((a) => !MANUAL_CHANNELS.has(a.channel));
    return [
      ...(manual.length
        ? [
            {
              label: t('newOrder.account.manual'),
              options: manual.map((a) => ({ value: a.id, label: label(a) })),
            },
          ]
        : []),
      ...(other.length
        ? [
            {
              label: t('newOrder.account.marketplaces'),
              options: other.map((a) => ({ value: a.id, label: label(a) })),
            },
          ]
        : []),
    ];
  }, [accounts, t]);
  const hasManual = (accounts ?? []).some((a) => MANUAL_CHANNELS.has(a.channel));

  // The account used last on this device, else the first chat/offline account.
  useEffect(() => {
    if (!accounts?.length || form.getFieldValue('channelAccountId')) return;
    const remembered = accounts.find((a) => a.id === lastAccount(shop.slug));
    const pick = remembered ?? accounts.find((a) => MANUAL_CHANNELS.has(a.channel));
    if (pick) form.setFieldsValue({ channelAccountId: pick.id, paymentMethod: defaultPayment(pick.channel) });
  }, [accounts, form, shop.slug]);

  const fresh = (keep?: Draft): Draft => ({
    channelAccountId: keep?.channelAccountId,
    currency: keep?.currency ?? shop.defaultCurrency,
    paymentMethod: keep?.paymentMethod,
    lines: [{ quantity: 1 }],
    tags: [],
  });

  async function save(another: boolean) {
    if (saving) return;
    setError(null);
    let draft: Draft;
    try {
      draft = await form.validateFields();
      draft = form.getFieldsValue(true) as Draft;
    } catch {
      return; // the fields show what is wrong
    }
    setSaving(true);
    try {
      const order = await api.post<OrderDetail>(shopPath(shop.slug, '/orders'), toPayload(draft));
      if (draft.channelAccountId) rememberAccount(shop.slug, draft.channelAccountId);
      if (!another) {
        navigate(`${ordersPath}/${order.id}`);
        return;
      }
      setLastSaved({ id: order.id, externalId: order.externalId });
      message.success(t('newOrder.saved', { id: order.externalId }));
      form.resetFields();
      form.setFieldsValue(fresh(draft));
      // Straight back to the first SKU search for the next chat.
      setTimeout(() =>
        document.querySelector<HTMLInputElement>('[data-testid="new-order-sku-0"] input')?.focus(),
      );
    } catch (e) {
      setError(e);
      if (isApiError(e)) {
        form.setFields(fieldErrors(e.issues).map((f) => ({ name: f.name as never, errors: f.errors })));
        // The only conflict here: this order number is already on the account.
        if (e.code === 'CONFLICT') form.setFields([{ name: 'externalId', errors: [e.message] }]);
      }
    } finally {
      setSaving(false);
    }
  }

  // Ctrl/⌘ + Enter saves from anywhere on the page.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      void saveRef.current(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!canWrite) return <Alert type="warning" showIcon title={t('errors.FORBIDDEN')} />;

  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(ordersPath)}>
          {t('common.back')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('newOrder.title')}
        </Typography.Title>
      </Space>
      {lastSaved && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="new-order-last-saved"
          title={
            <span>
              {t('newOrder.saved', { id: lastSaved.externalId })}{' '}
              <Link to={`${ordersPath}/${lastSaved.id}`}>{t('newOrder.openSaved')}</Link>
            </span>
          }
        />
      )}
      {accounts && !hasManual && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="new-order-no-social"
          title={t('newOrder.account.noneManual')}
          action={
            canManageChannels ? (
              <Link to={`/shops/${encodeURIComponent(shop.slug)}/channels`}>{t('newOrder.account.add')}</Link>
            ) : undefined
          }
        />
      )}
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Form<Draft> form={form} layout="vertical" initialValues={fresh()}>
        <Card size="small" style={{ marginBottom: 16 }} title={t('newOrder.sections.sale')}>
          <Row gutter={12}>
            <Col xs={24} md={9}>
              <Form.Item
                name="channelAccountId"
                label={t('newOrder.account.label')}
                rules={[{ required: true, message: t('newOrder.errors.accountRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={accountOptions}
                  loading={!accounts}
                  data-testid="new-order-account"
                  onChange={(id: string) => {
                    const channel = accounts?.find((a) => a.id === id)?.channel;
                    const payment = defaultPayment(channel);
                    if (payment) form.setFieldValue('paymentMethod', payment);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item
                name="currency"
                label={t('newOrder.currency')}
                normalize={(v: string) => v.toUpperCase()}
                rules={[{ required: true, len: 3, message: t('newOrder.errors.currency') }]}
              >
                <Input maxLength={3} data-testid="new-order-currency" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="paymentMethod" label={t('newOrder.payment.label')}>
                <Select
                  allowClear
                  data-testid="new-order-payment"
                  options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`newOrder.payment.${m}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="externalId"
                label={t('newOrder.externalId')}
                extra={t('newOrder.externalIdHint')}
              >
                <Input data-testid="new-order-external-id" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" style={{ marginBottom: 16 }} title={t('newOrder.sections.lines')}>
          <LinesEditor form={form} />
          <OrderTotals form={form} />
        </Card>
        <Card size="small" style={{ marginBottom: 16 }} title={t('newOrder.sections.buyer')}>
          <BuyerAddress form={form} />
        </Card>
        <Card size="small" style={{ marginBottom: 16 }} title={t('newOrder.sections.notes')}>
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Form.Item name="notes" label={t('newOrder.notes')}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="new-order-notes" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="tags" label={t('newOrder.tags')}>
                <Select mode="tags" tokenSeparators={[',', '，']} open={false} data-testid="new-order-tags" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space wrap>
          <Button
            type="primary"
            loading={saving}
            onClick={() => void save(false)}
            data-testid="new-order-save"
          >
            {t('newOrder.save')}
          </Button>
          <Button loading={saving} onClick={() => void save(true)} data-testid="new-order-save-another">
            {t('newOrder.saveAnother')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('newOrder.saveHint')}
          </Typography.Text>
        </Space>
      </Form>
    </div>
  );
}
