import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardedLookup, isPrivateAddress, literalAddress } from './ssrf-guard.js';

test('isPrivateAddress: private, loopback, link-local and IPv4 hidden in IPv6 are refused; public addresses pass', () => {
  const cases: [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::a9fe:a9fe', true],
    ['2002:7f00:0001::', true],
    ['2606:4700:4700::1111', false],
    ['not an ip', true],
  ];
  for (const [address, expected] of cases) assert.equal(isPrivateAddress(address), expected, address);
});

test('literalAddress reads bracketed IPv6 and IPv4 hosts; names are not literal', () => {
  assert.equal(literalAddress('[::1]'), '::1');
  assert.equal(literalAddress('10.0.0.1'), '10.0.0.1');
  assert.equal(literalAddress('example.com'), undefined);
});

test('guardedLookup refuses a name that resolves to loopback', async () => {
  const error = await new Promise<Error | null>((resolve) => guardedLookup('localhost', {}, (failure) => resolve(failure)));
  assert.match(String(error?.message), /refused: localhost resolves to/);
});
