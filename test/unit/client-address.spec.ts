import { clientAddress } from '../../src/kernel/index.js';

const handshake = (forwardedFor?: string | string[]) => ({
  address: '10.0.0.9',
  headers: { 'x-forwarded-for': forwardedFor },
});

describe('the client address a budget is kept for', () => {
  it('is the peer address when no load balancer is trusted, whatever the headers claim', () => {
    expect(clientAddress(handshake('203.0.113.7'), 0)).toBe('10.0.0.9');
  });

  it('is the address the trusted load balancer saw, not what the client wrote before it', () => {
    expect(clientAddress(handshake('198.51.100.1, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(handshake(['198.51.100.1', '203.0.113.7, 192.0.2.4']), 2)).toBe('203.0.113.7');
  });

  it('falls back to the furthest hop known when there are fewer entries than trusted proxies', () => {
    expect(clientAddress(handshake(), 1)).toBe('10.0.0.9');
    expect(clientAddress(handshake('203.0.113.7'), 3)).toBe('203.0.113.7');
  });
});
