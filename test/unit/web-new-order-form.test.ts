import { describe, expect, it } from 'vitest';
import {
  callingCode,
  fieldErrors,
  issueField,
  plausiblePhone,
} from '../../web/src/components/orders/new-order/form-rules.ts';
import { splitPastedAddress } from '../../web/src/components/orders/new-order/paste-address.ts';

const countries = [
  { value: 'PH', label: 'Philippines (PH)' },
  { value: 'MY', label: 'Malaysia (MY)' },
];

describe('new order form ↔ API issues, phone checks', () => {
  it('maps API issue paths to form fields', () => {
    expect(issueField('buyer.email')).toEqual(['buyer', 'email']);
    expect(issueField('lines.1.unitPriceMinor')).toEqual(['lines', 1, 'unitPrice']);
    expect(issueField('shippingMinor')).toEqual(['shipping']);
    expect(issueField('tags.2')).toEqual(['tags']);
    expect(issueField('lines')).toEqual(['lines']);
    expect(issueField('request')).toBeNull();
    expect(
      fieldErrors([
        { field: 'buyer.email', message: 'bad' },
        { field: 'buyer.email', message: 'worse' },
        { field: 'request', message: 'x' },
      ]),
    ).toEqual([{ name: ['buyer', 'email'], errors: ['bad', 'worse'] }]);
  });

  it('refuses phones with letters or too few digits', () => {
    expect(plausiblePhone('0917 123 4567')).toBe(true);
    expect(plausiblePhone('+63 (917) 123-4567')).toBe(true);
    expect(plausiblePhone('')).toBe(true);
    expect(plausiblePhone('0917 CALL ME')).toBe(false);
    expect(plausiblePhone('123')).toBe(false);
    expect(callingCode('ph')).toBe('63');
    expect(callingCode('AQ')).toBeNull();
  });
});

describe('address pasted from a chat', () => {
  it('reads labelled lines in English and Chinese', () => {
    expect(
      splitPastedAddress(
        'Name: Maria Santos\nContact no: 0917 123 4567\nAddress: 12 Rizal St, Quezon City 1100\nCountry: Philippines',
        countries,
      ),
    ).toEqual({
      name: 'Maria Santos',
      phone: '0917 123 4567',
      line1: '12 Rizal St',
      city: 'Quezon City',
      postcode: '1100',
      country: 'PH',
    });
    expect(splitPastedAddress('收件人：王丽\n手机：+86 138 0013 8000\n国家：MY', countries)).toEqual({
      name: '王丽',
      phone: '+86 138 0013 8000',
      country: 'MY',
    });
  });

  it('guesses unlabelled blocks by their shape', () => {
    expect(
      splitPastedAddress(
        'Juan Cruz\n09187654321\njuan@example.com\nUnit 5, Tower B\n45 Mabini St, Makati 1200, Philippines',
        countries,
      ),
    ).toEqual({
      name: 'Juan Cruz',
      phone: '09187654321',
      email: 'juan@example.com',
      line1: 'Unit 5, Tower B',
      line2: '45 Mabini St',
      city: 'Makati',
      postcode: '1200',
      country: 'PH',
    });
  });
});
