/**
 * Words of the public tracking page, in the languages buyers read (the admin catalog has only
 * en and zh-CN; buyers of a cross-border shop read many more). Arabic pages are right-to-left.
 */
import type { Milestone, TrackingStatus } from '../tables.ts';

export const pageLocales = ['en', 'zh-CN', 'de', 'es', 'fr', 'pt', 'ar'] as const;
export type PageLocale = (typeof pageLocales)[number];

export interface PageStrings {
  title: string;
  search: string;
  searchButton: string;
  placeholder: string;
  destination: string;
  lastUpdate: string;
  shipment: string;
  history: string;
  noEvents: string;
  notFoundTitle: string;
  notFoundText: string;
  status: Record<TrackingStatus, string>;
  milestone: Record<Milestone, string>;
  times: string;
}

const en: PageStrings = {
  title: 'Track your parcel',
  search: 'Tracking or shipment number',
  searchButton: 'Track',
  placeholder: 'e.g. CK-000123 or RR123456785CN',
  destination: 'Destination',
  lastUpdate: 'Last update',
  shipment: 'Shipment',
  history: 'Tracking history',
  noEvents: 'No tracking events yet. The carrier usually reports the first scan within 1–3 days.',
  notFoundTitle: 'Not found yet',
  notFoundText:
    'We have no tracking information for this number yet. If your parcel was shipped recently, please check again later and make sure the number is typed correctly.',
  status: {
    Pending: 'Waiting for the first scan',
    InfoReceived: 'Label created',
    InTransit: 'In transit',
    OutForDelivery: 'Out for delivery',
    AvailableForPickup: 'Ready for pickup',
    AttemptFail: 'Delivery attempt failed',
    Delivered: 'Delivered',
    Exception: 'Needs attention',
    Expired: 'Tracking expired',
  },
  milestone: {
    picked_up: 'Picked up',
    export_customs_cleared: 'Export cleared',
    departed_origin: 'Departed origin',
    arrived_destination: 'Arrived in destination country',
    import_customs: 'Import customs',
    handed_to_last_mile: 'With local carrier',
    delivered: 'Delivered',
  },
  times: 'Times in UTC',
};

const zh: PageStrings = {
  title: '包裹追踪',
  search: '运单号或发货单号',
  searchButton: '查询',
  placeholder: '例如 CK-000123 或 RR123456785CN',
  destination: '目的地',
  lastUpdate: '最近更新',
  shipment: '发货单',
  history: '物流轨迹',
  noEvents: '暂无物流轨迹。承运商通常会在 1–3 天内上传首条扫描记录。',
  notFoundTitle: '暂未查到',
  notFoundText: '暂时没有该单号的物流信息。如果包裹刚刚发出，请稍后再查，并确认单号输入正确。',
  status: {
    Pending: '等待首次扫描',
    InfoReceived: '已下单',
    InTransit: '运输中',
    OutForDelivery: '派送中',
    AvailableForPickup: '待取件',
    AttemptFail: '投递失败',
    Delivered: '已签收',
    Exception: '异常',
    Expired: '追踪已过期',
  },
  milestone: {
    picked_up: '已揽收',
    export_customs_cleared: '出口清关完成',
    departed_origin: '已离开始发地',
    arrived_destination: '到达目的国',
    import_customs: '进口清关',
    handed_to_last_mile: '转交末端派送',
    delivered: '已签收',
  },
  times: '时间为 UTC',
};

const de: PageStrings = {
  title: 'Sendung verfolgen',
  search: 'Sendungs- oder Trackingnummer',
  searchButton: 'Verfolgen',
  placeholder: 'z. B. CK-000123 oder RR123456785CN',
  destination: 'Ziel',
  lastUpdate: 'Letzte Aktualisierung',
  shipment: 'Sendung',
  history: 'Sendungsverlauf',
  noEvents: 'Noch keine Sendungsdaten. Der erste Scan erscheint meist innerhalb von 1–3 Tagen.',
  notFoundTitle: 'Noch nicht gefunden',
  notFoundText:
    'Zu dieser Nummer liegen noch keine Sendungsdaten vor. Wurde das Paket gerade erst verschickt, schauen Sie bitte später noch einmal und prüfen Sie die Nummer.',
  status: {
    Pending: 'Warten auf den ersten Scan',
    InfoReceived: 'Sendungsdaten übermittelt',
    InTransit: 'Unterwegs',
    OutForDelivery: 'In Zustellung',
    AvailableForPickup: 'Zur Abholung bereit',
    AttemptFail: 'Zustellversuch fehlgeschlagen',
    Delivered: 'Zugestellt',
    Exception: 'Problem mit der Sendung',
    Expired: 'Verfolgung abgelaufen',
  },
  milestone: {
    picked_up: 'Abgeholt',
    export_customs_cleared: 'Ausfuhr freigegeben',
    departed_origin: 'Abgang im Ursprungsland',
    arrived_destination: 'Im Zielland angekommen',
    import_customs: 'Einfuhrzoll',
    handed_to_last_mile: 'Beim Zusteller vor Ort',
    delivered: 'Zugestellt',
  },
  times: 'Zeiten in UTC',
};

const es: PageStrings = {
  title: 'Sigue tu paquete',
  search: 'Número de seguimiento o de envío',
  searchButton: 'Buscar',
  placeholder: 'p. ej. CK-000123 o RR123456785CN',
  destination: 'Destino',
  lastUpdate: 'Última actualización',
  shipment: 'Envío',
  history: 'Historial de seguimiento',
  noEvents: 'Aún no hay eventos. El transportista suele registrar el primer escaneo en 1–3 días.',
  notFoundTitle: 'Aún no encontrado',
  notFoundText:
    'Todavía no hay información de seguimiento para este número. Si el paquete se envió hace poco, vuelve a consultarlo más tarde y comprueba que el número sea correcto.',
  status: {
    Pending: 'Esperando el primer escaneo',
    InfoReceived: 'Etiqueta creada',
    InTransit: 'En tránsito',
    OutForDelivery: 'En reparto',
    AvailableForPickup: 'Listo para recoger',
    AttemptFail: 'Intento de entrega fallido',
    Delivered: 'Entregado',
    Exception: 'Requiere atención',
    Expired: 'Seguimiento caducado',
  },
  milestone: {
    picked_up: 'Recogido',
    export_customs_cleared: 'Exportación despachada',
    departed_origin: 'Salió del origen',
    arrived_destination: 'Llegó al país de destino',
    import_customs: 'Aduana de importación',
    handed_to_last_mile: 'Con el transportista local',
    delivered: 'Entregado',
  },
  times: 'Horas en UTC',
};

const fr: PageStrings = {
  title: 'Suivre votre colis',
  search: 'Numéro de suivi ou d’expédition',
  searchButton: 'Suivre',
  placeholder: 'ex. CK-000123 ou RR123456785CN',
  destination: 'Destination',
  lastUpdate: 'Dernière mise à jour',
  shipment: 'Expédition',
  history: 'Historique de suivi',
  noEvents: 'Aucun événement pour l’instant. Le premier scan apparaît généralement sous 1 à 3 jours.',
  notFoundTitle: 'Pas encore trouvé',
  notFoundText:
    'Nous n’avons pas encore d’informations de suivi pour ce numéro. Si le colis vient d’être expédié, réessayez plus tard et vérifiez le numéro saisi.',
  status: {
    Pending: 'En attente du premier scan',
    InfoReceived: 'Étiquette créée',
    InTransit: 'En transit',
    OutForDelivery: 'En cours de livraison',
    AvailableForPickup: 'Disponible au retrait',
    AttemptFail: 'Échec de livraison',
    Delivered: 'Livré',
    Exception: 'Incident',
    Expired: 'Suivi expiré',
  },
  milestone: {
    picked_up: 'Pris en charge',
    export_customs_cleared: 'Dédouané à l’export',
    departed_origin: 'Parti du pays d’origine',
    arrived_destination: 'Arrivé dans le pays de destination',
    import_customs: 'Douane à l’import',
    handed_to_last_mile: 'Chez le transporteur local',
    delivered: 'Livré',
  },
  times: 'Heures en UTC',
};

const pt: PageStrings = {
  title: 'Rastreie sua encomenda',
  search: 'Número de rastreio ou de envio',
  searchButton: 'Rastrear',
  placeholder: 'ex.: CK-000123 ou RR123456785CN',
  destination: 'Destino',
  lastUpdate: 'Última atualização',
  shipment: 'Envio',
  history: 'Histórico de rastreio',
  noEvents: 'Ainda não há eventos. A transportadora costuma registrar a primeira leitura em 1–3 dias.',
  notFoundTitle: 'Ainda não encontrado',
  notFoundText:
    'Ainda não há informações de rastreio para este número. Se a encomenda foi enviada há pouco, consulte novamente mais tarde e confira o número digitado.',
  status: {
    Pending: 'Aguardando a primeira leitura',
    InfoReceived: 'Etiqueta criada',
    InTransit: 'Em trânsito',
    OutForDelivery: 'Saiu para entrega',
    AvailableForPickup: 'Disponível para retirada',
    AttemptFail: 'Tentativa de entrega falhou',
    Delivered: 'Entregue',
    Exception: 'Requer atenção',
    Expired: 'Rastreio expirado',
  },
  milestone: {
    picked_up: 'Coletado',
    export_customs_cleared: 'Exportação liberada',
    departed_origin: 'Saiu da origem',
    arrived_destination: 'Chegou ao país de destino',
    import_customs: 'Alfândega de importação',
    handed_to_last_mile: 'Com a transportadora local',
    delivered: 'Entregue',
  },
  times: 'Horários em UTC',
};

const ar: PageStrings = {
  title: 'تتبّع طردك',
  search: 'رقم التتبّع أو رقم الشحنة',
  searchButton: 'تتبّع',
  placeholder: 'مثال: CK-000123 أو RR123456785CN',
  destination: 'الوجهة',
  lastUpdate: 'آخر تحديث',
  shipment: 'الشحنة',
  history: 'سجلّ التتبّع',
  noEvents: 'لا توجد أحداث تتبّع بعد. عادةً تُسجِّل شركة الشحن أول مسح خلال 1–3 أيام.',
  notFoundTitle: 'لم يُعثر عليه بعد',
  notFoundText:
    'لا تتوفر لدينا معلومات تتبّع لهذا الرقم بعد. إذا شُحن الطرد مؤخرًا، يُرجى المحاولة لاحقًا والتأكد من كتابة الرقم بشكل صحيح.',
  status: {
    Pending: 'بانتظار أول مسح',
    InfoReceived: 'تم إنشاء الملصق',
    InTransit: 'قيد النقل',
    OutForDelivery: 'خرج للتوصيل',
    AvailableForPickup: 'جاهز للاستلام',
    AttemptFail: 'فشلت محاولة التوصيل',
    Delivered: 'تم التسليم',
    Exception: 'يحتاج إلى متابعة',
    Expired: 'انتهت صلاحية التتبّع',
  },
  milestone: {
    picked_up: 'تم الاستلام من المرسل',
    export_customs_cleared: 'تم التخليص للتصدير',
    departed_origin: 'غادر بلد المنشأ',
    arrived_destination: 'وصل إلى بلد الوجهة',
    import_customs: 'جمارك الاستيراد',
    handed_to_last_mile: 'لدى شركة التوصيل المحلية',
    delivered: 'تم التسليم',
  },
  times: 'الأوقات بتوقيت UTC',
};

export const pageStrings: Record<PageLocale, PageStrings> = { en, 'zh-CN': zh, de, es, fr, pt, ar };

/** ?lang= first, then Accept-Language (language-only matches: zh-TW → zh-CN, pt-BR → pt), else en. */
export function pickPageLocale(lang: string | undefined, acceptLanguage: string | undefined): PageLocale {
  const match = (tag: string): PageLocale | undefined => {
    const t = tag.trim().toLowerCase();
    if (!t) return undefined;
    const exact = pageLocales.find((l) => l.toLowerCase() === t);
    if (exact) return exact;
    const base = t.split('-')[0];
    return pageLocales.find((l) => l.split('-')[0]!.toLowerCase() === base);
  };
  const asked = lang ? match(lang) : undefined;
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.trim().slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    const hit = match(r.tag);
    if (hit) return hit;
  }
  return 'en';
}
