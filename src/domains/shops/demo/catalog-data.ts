/** Word lists for the demo candle factory (a Fushun-style candle maker selling to US, DE and ES). */
export const scents = [
  { zh: '薰衣草', en: 'Lavender', de: 'Lavendel', es: 'Lavanda', color: '#9b7fd1' },
  { zh: '香草', en: 'Vanilla', de: 'Vanille', es: 'Vainilla', color: '#f3e1b6' },
  { zh: '檀香', en: 'Sandalwood', de: 'Sandelholz', es: 'Sándalo', color: '#b8875a' },
  { zh: '玫瑰', en: 'Rose', de: 'Rose', es: 'Rosa', color: '#e58fa6' },
  { zh: '柠檬', en: 'Lemon', de: 'Zitrone', es: 'Limón', color: '#f4e04d' },
  { zh: '海洋', en: 'Ocean Breeze', de: 'Meeresbrise', es: 'Brisa Marina', color: '#6fb7d6' },
  { zh: '雪松', en: 'Cedarwood', de: 'Zedernholz', es: 'Cedro', color: '#7a8f5c' },
  { zh: '茉莉', en: 'Jasmine', de: 'Jasmin', es: 'Jazmín', color: '#fbf7e9' },
  { zh: '桂花', en: 'Osmanthus', de: 'Osmanthus', es: 'Osmanto', color: '#f0a63a' },
  { zh: '肉桂', en: 'Cinnamon', de: 'Zimt', es: 'Canela', color: '#a0522d' },
] as const;

export const kinds = [
  {
    key: 'jar',
    zh: '大豆蜡香薰蜡烛',
    en: 'Soy Wax Scented Jar Candle',
    de: 'Duftkerze im Glas aus Sojawachs',
    es: 'Vela aromática de cera de soja en tarro',
    shape: 'jar',
    sizes: [
      ['200g', 200, 310],
      ['400g', 400, 560],
    ],
    cost: [1250, 2100],
    price: [1599, 2499],
    hs: '3406000000',
    category: '家居 > 蜡烛 > 香薰蜡烛',
  },
  {
    key: 'pillar',
    zh: '柱形蜡烛',
    en: 'Pillar Candle',
    de: 'Stumpenkerze',
    es: 'Vela de pilar',
    shape: 'pillar',
    sizes: [
      ['7x10cm', 350, 380],
      ['7x15cm', 520, 560],
    ],
    cost: [680, 950],
    price: [1099, 1499],
    hs: '3406000000',
    category: '家居 > 蜡烛 > 柱形蜡烛',
  },
  {
    key: 'taper',
    zh: '锥形长蜡烛',
    en: 'Taper Candles',
    de: 'Spitzkerzen',
    es: 'Velas cónicas',
    shape: 'taper',
    sizes: [
      ['4支装', 240, 260],
      ['12支装', 700, 760],
    ],
    cost: [520, 1380],
    price: [899, 1999],
    hs: '3406000000',
    category: '家居 > 蜡烛 > 锥形蜡烛',
  },
  {
    key: 'tealight',
    zh: '茶蜡',
    en: 'Tealight Candles',
    de: 'Teelichter',
    es: 'Velas de té',
    shape: 'tealight',
    sizes: [
      ['24粒', 330, 360],
      ['100粒', 1350, 1420],
    ],
    cost: [450, 1600],
    price: [799, 2299],
    hs: '3406000000',
    category: '家居 > 蜡烛 > 茶蜡',
  },
  {
    key: 'gift',
    zh: '香薰蜡烛礼盒',
    en: 'Scented Candle Gift Set',
    de: 'Duftkerzen-Geschenkset',
    es: 'Set de regalo de velas aromáticas',
    shape: 'jar',
    sizes: [
      ['3件套', 650, 820],
      ['6件套', 1250, 1480],
    ],
    cost: [2600, 4600],
    price: [3499, 5999],
    hs: '3406000000',
    category: '家居 > 蜡烛 > 礼盒',
  },
] as const;

export const sizeWord = { zh: '规格', en: 'Size', de: 'Größe', es: 'Tamaño' } as const;

export const descriptions = {
  zh: (scent: string, kind: string) =>
    `<p>${scent}${kind}，采用天然大豆蜡手工灌制，棉芯无烟，燃烧均匀。</p><ul><li>天然香精</li><li>可回收包装</li></ul>`,
  en: (scent: string, kind: string) =>
    `<p>${scent} ${kind}, hand-poured from natural soy wax with a cotton wick for a clean, even burn.</p><ul><li>Natural fragrance oils</li><li>Recyclable packaging</li></ul>`,
  de: (scent: string, kind: string) =>
    `<p>${kind} – ${scent}, von Hand aus natürlichem Sojawachs gegossen, mit Baumwolldocht für ein sauberes, gleichmäßiges Abbrennen.</p><ul><li>Natürliche Duftöle</li><li>Recycelbare Verpackung</li></ul>`,
  es: (scent: string, kind: string) =>
    `<p>${kind} de ${scent}, vertida a mano con cera de soja natural y mecha de algodón para una combustión limpia y uniforme.</p><ul><li>Aceites aromáticos naturales</li><li>Embalaje reciclable</li></ul>`,
};
