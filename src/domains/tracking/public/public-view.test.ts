import { describe, expect, it } from 'vitest';
import { pickPageLocale } from './page-strings.ts';
import { scrubDescription } from './public-view.ts';

describe('public page: personal data scrubbing', () => {
  it.each([
    ['Delivered, signed by JOHN SMITH.', 'Delivered, signed by ***.'],
    ['已签收，签收人：张三。', '已签收，签收人：***。'],
    ['Left with neighbour Maria, door 3', 'Left with ***, door 3'],
    ['Call +49 170 1234567 to rebook', 'Call *** to rebook'],
    ['Contact buyer@example.com', 'Contact ***'],
  ])('%j → %j', (input, output) => {
    expect(scrubDescription(input)).toBe(output);
  });
  it('keeps the journey’s own tracking numbers and ordinary text', () => {
    expect(scrubDescription('Handed to USPS 9400111201080805483016', ['9400111201080805483016'])).toBe(
      'Handed to USPS 9400111201080805483016',
    );
    expect(scrubDescription('Arrived at Los Angeles hub 2')).toBe('Arrived at Los Angeles hub 2');
  });
});

describe('public page: language', () => {
  it.each([
    [undefined, 'zh-CN,zh;q=0.9', 'zh-CN'],
    [undefined, 'zh-TW', 'zh-CN'],
    [undefined, 'pt-BR,pt;q=0.8', 'pt'],
    [undefined, 'ja,fr;q=0.5', 'fr'],
    [undefined, 'en;q=0.1,de;q=0.9', 'de'],
    ['ar', 'de', 'ar'],
    ['xx', 'es', 'es'],
    [undefined, undefined, 'en'],
  ])('?lang=%s, Accept-Language %s → %s', (lang, header, expected) => {
    expect(pickPageLocale(lang, header)).toBe(expected);
  });
});
