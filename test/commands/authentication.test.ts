import { describe, expect, it } from 'vitest';
import { authenticationFailure } from '../../src/commands/authentication.js';

const OWNER = 'northwind.example';
const MX = 'mx.northwind.example';
const lines = (...headers: string[]) => headers.join('\n');

describe("authenticationFailure: the provider's Authentication-Results", () => {
  it.each([
    [
      'dmarc=fail for the owner',
      lines(`${MX}; spf=pass smtp.mailfrom=dana@northwind.example; dmarc=fail (p=none) header.from=northwind.example`),
      null,
      'dmarc=fail',
    ],
    [
      'spf=fail for the owner',
      lines(`${MX}; spf=fail smtp.mailfrom=dana@northwind.example; dkim=none`),
      null,
      'spf=fail',
    ],
    ['a fail that names no domain', lines(`${MX}; dmarc=fail`), null, 'dmarc=fail'],
    [
      'comments holding ";"',
      lines(`${MX} (by mx; v1); spf=fail (sender IP 6.6.6.6; not permitted) smtp.mailfrom=northwind.example`),
      null,
      'spf=fail',
    ],
    [
      'the configured id, below a forged pass',
      lines(
        'evil.example; dmarc=pass header.from=northwind.example',
        `${MX}; dmarc=fail header.from=northwind.example`,
      ),
      MX,
      'dmarc=fail',
    ],
    [
      'the configured id, in another case',
      lines(`MX.Northwind.Example; dmarc=fail header.from=Northwind.Example`),
      MX,
      'dmarc=fail',
    ],
  ])('refuses %s', (_name, headers, id, reason) => {
    expect(authenticationFailure(headers, id, OWNER)).toBe(reason);
  });

  it.each([
    ['no header at all', undefined, null],
    [
      'a pass',
      lines(
        `${MX}; spf=pass smtp.mailfrom=northwind.example; dkim=pass header.d=northwind.example; dmarc=pass header.from=northwind.example`,
      ),
      null,
    ],
    [
      "a fail about a forwarder's bounce domain",
      lines(`${MX}; spf=fail smtp.mailfrom=bounces@list.example; dmarc=pass header.from=northwind.example`),
      null,
    ],
    [
      'a forged fail below the topmost header (none configured)',
      lines(`${MX}; dmarc=pass header.from=northwind.example`, 'x.example; dmarc=fail'),
      null,
    ],
    [
      'a fail under another id than the configured one',
      lines('evil.example; dmarc=fail header.from=northwind.example'),
      MX,
    ],
    ['softfail and none', lines(`${MX}; spf=softfail smtp.mailfrom=northwind.example; dmarc=none`), null],
  ])('accepts %s', (_name, headers, id) => {
    expect(authenticationFailure(headers, id, OWNER)).toBeNull();
  });
});
