import type { FormatProfile } from './types.ts';

/**
 * Shopee Seller Centre order export `Order.all.<from>_<to>.xlsx` (My Orders › Export). One row per
 * product line; order-level columns repeat on every row. Seller Centre exports in the seller's
 * language: English headers from REFERENCE.md, pt-BR headers as Shopee Brasil labels them (the
 * localised names are kept in these lists so a correction is a one-line change). No currency
 * column: the account's country gives it (BR → BRL).
 */
export const shopee: FormatProfile = {
  format: 'shopee',
  channel: 'shopee',
  label: 'Shopee order export',
  columns: {
    orderId: ['Order ID', 'ID do pedido'],
    status: ['Order Status', 'Status do pedido'],
    purchasedAt: ['Order Creation Date', 'Data de criação do pedido'],
    paidAt: ['Order Paid Time', 'Hora do pagamento do pedido'],
    tracking: ['Tracking Number*', 'Tracking Number', 'Número de rastreamento'],
    carrier: ['Shipping Option', 'Opção de envio'],
    sku: [
      'SKU Reference No.',
      'Número de referência SKU',
      'Parent SKU Reference No.',
      'Nº de referência do SKU principal',
    ],
    title: ['Product Name', 'Nome do Produto'],
    variation: ['Variation Name', 'Nome da variação'],
    unitPrice: ['Deal Price', 'Preço acordado'],
    quantity: ['Quantity', 'Quantidade'],
    orderTotal: ['Total Amount', 'Valor Total'],
    fees: [
      'Service Fee',
      'Commission Fee',
      'Transaction Fee',
      'Taxa de serviço',
      'Taxa de comissão',
      'Taxa de transação',
    ],
    orderShipping: ['Estimated Shipping Fee', 'Taxa de envio estimada'],
    buyerName: ['Username (Buyer)', 'Nome de usuário (comprador)'],
    shipName: ['Receiver Name', 'Nome do destinatário'],
    shipPhone: ['Phone Number', 'Telefone'],
    shipLine1: ['Delivery Address', 'Endereço de entrega'],
    shipDistrict: ['District', 'Bairro'],
    shipCity: ['City', 'Cidade'],
    shipState: ['Province', 'UF', 'Estado'],
    shipPostcode: ['Zip Code', 'CEP'],
    shipCountry: ['Country', 'País'],
    notes: ['Remark from buyer', 'Observação do comprador'],
    paymentMethod: ['Payment Method', 'Método de pagamento'],
  },
  signature: [
    'Order ID|ID do pedido',
    'Order Status|Status do pedido',
    'SKU Reference No.|Número de referência SKU',
    'Deal Price|Preço acordado',
    'Return / Refund Status|Status da Devolução / Reembolso',
  ],
  required: ['orderId', 'purchasedAt', 'sku', 'quantity'],
  statuses: {
    unpaid: 'pending',
    'to ship': 'paid',
    'ready to ship': 'ready_to_ship',
    shipping: 'shipped',
    shipped: 'shipped',
    'to receive': 'shipped',
    delivered: 'delivered',
    completed: 'completed',
    cancelled: 'cancelled',
    'return/refund': 'return_requested',
    'a pagar': 'pending',
    'não pago': 'pending',
    'a enviar': 'paid',
    'pronto para envio': 'ready_to_ship',
    enviado: 'shipped',
    'a caminho': 'shipped',
    entregue: 'delivered',
    concluído: 'completed',
    cancelado: 'cancelled',
    'devolução/reembolso': 'return_requested',
  },
};
