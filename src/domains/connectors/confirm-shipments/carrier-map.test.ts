import { describe, expect, it } from 'vitest';
import { channelCarrier } from './carrier-map.ts';

describe('channelCarrier', () => {
  it('maps our codes to Amazon carrier-code values confirmed on Amazon lists', () => {
    expect(channelCarrier('amazon', 'yunexpress', 'YunExpress')).toEqual({
      code: 'Yun Express',
      name: 'YunExpress',
    });
    expect(channelCarrier('amazon', 'chinapost', '')).toEqual({ code: 'China Post', name: 'China Post' });
    expect(channelCarrier('amazon', '4px', '')).toMatchObject({ code: '4PX' });
    expect(channelCarrier('amazon', 'UPS', '')).toMatchObject({ code: 'UPS' });
  });

  it('sends unlisted carriers to Amazon as Other with the carrier name', () => {
    expect(channelCarrier('amazon', 'railway', 'Alashankou rail')).toEqual({
      code: 'Other',
      name: 'Alashankou rail',
    });
    expect(channelCarrier('amazon', 'cainiao', '')).toEqual({ code: 'Other', name: 'Cainiao' });
    expect(channelCarrier('amazon', 'other', '')).toEqual({ code: 'Other', name: 'Other' });
  });

  it('keeps our code for Shopee and names the carrier', () => {
    expect(channelCarrier('shopee', 'jtexpress', '')).toEqual({ code: 'jtexpress', name: 'J&T Express' });
    expect(channelCarrier('shopee', 'other', 'Local courier')).toEqual({
      code: 'other',
      name: 'Local courier',
    });
  });
});
