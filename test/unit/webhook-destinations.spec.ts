import { DestinationGuard } from '../../src/webhooks/delivery/destination-guard.js';
import { InvalidWebhook } from '../../src/webhooks/domain/webhook-types.js';

describe('where a webhook may be sent', () => {
  const strict = new DestinationGuard([]);

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.7', 'private'],
    ['172.16.4.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::ffff:10.0.0.1', 'private'],
    ['224.0.0.1', 'multicast'],
  ])('refuses %s (%s) unless allowed', (address, range) => {
    expect(strict.refusal(address, 'partner.example')).toContain(range);
  });

  it('takes public unicast addresses', () => {
    expect(strict.refusal('93.184.215.14', 'partner.example')).toBeNull();
    expect(strict.refusal('2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'partner.example')).toBeNull();
  });

  it('lets WEBHOOK_ALLOW_HOSTS name an address, a range or a host, and nothing next to them', () => {
    const guard = new DestinationGuard(['127.0.0.1', '10.8.0.0/16', 'hooks.internal']);
    expect(guard.refusal('127.0.0.1', '127.0.0.1')).toBeNull();
    expect(guard.refusal('::ffff:127.0.0.1', 'x.example')).toBeNull();
    expect(guard.refusal('127.0.0.2', '127.0.0.2')).toContain('loopback');
    expect(guard.refusal('::1', '::1')).toContain('loopback');
    expect(guard.refusal('10.8.3.4', 'x.example')).toBeNull();
    expect(guard.refusal('10.9.0.1', 'x.example')).toContain('private');
    expect(guard.refusal('192.168.0.9', 'hooks.internal')).toBeNull();
  });

  it('refuses at registration a name that resolves to loopback', async () => {
    await expect(strict.checkRegistration(new URL('http://localhost:9/hook'))).rejects.toBeInstanceOf(InvalidWebhook);
  });

  it('refuses at registration a name that does not resolve', async () => {
    await expect(strict.checkRegistration(new URL('http://no-such-host.invalid/hook'))).rejects.toThrow(
      'does not resolve',
    );
  });

  it('refuses a name that resolves to loopback when connecting too (DNS may change after registration)', async () => {
    const answer = await new Promise<Error | null>((resolve) =>
      strict.lookup('localhost', { all: true }, (error) => resolve(error)),
    );
    expect(answer?.name).toBe('DestinationRefused');
  });
});
