// Pure parts of certificates: the issuer a self-service certificate gets, the masks, the hour sum,
// the serial, and the SM2 signature over the canonical content (sign, verify, tamper).
import { describe, expect, it } from 'vitest';
import { sm2 } from 'sm-crypto-v2';
import { buildContent, maskName, parseContent, sumHours } from './certificate-content.ts';
import { chooseIssuerPath, newSerial } from './certificates.service.ts';
import { canonicalContent, privateKeyFrom, signContent, verifyContent } from './signature.ts';

describe('the issuer of a self-service certificate', () => {
  it('is the nearest org of the volunteer’s chain that holds every record', () => {
    expect(chooseIssuerPath('1.2.3', ['1.2.3', '1.2.3.9'])).toBe('1.2.3');
    expect(chooseIssuerPath('1.2.3', ['1.2.3', '1.2'])).toBe('1.2');
    expect(chooseIssuerPath('1.2.3', ['1.2.3', '1.5.6'])).toBe('1');
    // a prefix of a label is no ancestor: 1.2 does not hold 1.22
    expect(chooseIssuerPath('1.2.3', ['1.22'])).toBe('1');
    // outside the county altogether: the top of the chain (which then certifies none of it)
    expect(chooseIssuerPath('1.2.3', ['7.8'])).toBe('1');
  });
});

describe('certificate content', () => {
  it('masks names and ID numbers without the birth date', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
    const content = buildContent({
      serial: 'ZM2026-ABCDEFGHJKMN',
      volunteer: { name: '李四', idNumber: '610724199001011234', volunteerNo: 'ZY0000000001' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      records: [
        { endedAt: '2026-03-01T16:30:00.000Z', title: '活动', orgName: '东风社区', hours: 0.1 },
        { endedAt: '2026-03-02T02:00:00.000Z', title: '活动', orgName: '东风社区', hours: 0.2 },
      ],
      issuer: { orgId: 3, name: '东风社区新时代文明实践站', head: '王五', contactPhone: '0916-1234567' },
      handler: '平台自助出具',
      issuedAt: new Date('2026-12-06T17:00:00Z'),
    });
    expect(content.volunteer.idNumber).toBe('6****************4');
    expect(content.totalHours).toBe(0.3);
    // dates are China dates
    expect(content.records[0]!.date).toBe('2026-03-02');
    expect(content.issuedOn).toBe('2026-12-07');
    expect(parseContent(canonicalContent(content))).toEqual(content);
    expect(parseContent('{"serial":1}')).toBeNull();
    expect(parseContent('not json')).toBeNull();
  });

  it('sums hours in tenths', () => {
    expect(sumHours([0.1, 0.2, 0.3])).toBe(0.6);
    expect(sumHours([])).toBe(0);
  });

  it('gives unambiguous, random serials with the year', () => {
    const serial = newSerial(new Date('2026-12-31T17:00:00Z'));
    expect(serial).toMatch(/^ZM2027-[2-9A-HJKMNP-Z]{12}$/);
    expect(newSerial(new Date())).not.toBe(newSerial(new Date()));
  });
});

describe('the SM2 signature', () => {
  const privateKey = privateKeyFrom('ab'.repeat(32));
  const key = { privateKey, publicKey: sm2.getPublicKeyFromPrivateKey(privateKey), keyId: 'k' };

  it('maps any key material onto a valid private key', () => {
    for (const material of ['00'.repeat(32), 'ff'.repeat(32), 'ab'.repeat(32)]) {
      const d = BigInt(`0x${privateKeyFrom(material)}`);
      expect(d > 0n).toBe(true);
      expect(privateKeyFrom(material)).toHaveLength(64);
    }
  });

  it('verifies the canonical content it signed and nothing else', () => {
    const canonical = canonicalContent({ b: 2, a: '中文', n: 12.5 });
    expect(canonical).toBe('{"a":"中文","b":2,"n":12.5}');
    const signature = signContent(key, canonical);
    expect(verifyContent(key, canonical, signature)).toBe(true);
    expect(verifyContent(key, canonical.replace('12.5', '125'), signature)).toBe(false);
    expect(
      verifyContent(
        key,
        canonical,
        signature.replace(/^./, (c) => (c === '0' ? '1' : '0')),
      ),
    ).toBe(false);
    expect(verifyContent(key, canonical, 'zz')).toBe(false);
    const other = sm2.generateKeyPairHex();
    expect(verifyContent({ publicKey: other.publicKey }, canonical, signature)).toBe(false);
  });
});
