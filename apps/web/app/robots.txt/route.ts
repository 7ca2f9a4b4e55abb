import { hostContext } from '../../lib/host';

export async function GET(): Promise<Response> {
  const { publicUrl } = await hostContext();
  const body = ['User-agent: *', 'Disallow: /search', 'Allow: /', '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join(
    '\n',
  );
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
