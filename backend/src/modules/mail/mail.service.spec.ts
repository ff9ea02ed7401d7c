import { createTransport } from 'nodemailer';
import { pooledUrl } from './mail.service';

describe('pooledUrl', () => {
  it('switches pooling on in the address, where nodemailer reads it', () => {
    const url = pooledUrl('smtp://127.0.0.1:2525');
    expect(url).toBe('smtp://127.0.0.1:2525?pool=true&maxConnections=20');
    const transport = createTransport(url) as unknown as { transporter: { name: string; options: { maxConnections: number } } };
    expect(transport.transporter.name).toBe('SMTP (pool)');
    expect(transport.transporter.options.maxConnections).toBe(20);
  });

  it('keeps what SMTP_URL says itself, and its credentials', () => {
    expect(pooledUrl('smtp://user:p%40ss@mail.gnesta.se:587?maxConnections=5')).toBe(
      'smtp://user:p%40ss@mail.gnesta.se:587?maxConnections=5&pool=true',
    );
  });
});
