import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, fullPageUrl, isEmbed, shareBase } from './links';

describe('share and embed links', () => {
  it('the share base is origin + path, without query or hash', () => {
    expect(shareBase({ origin: 'https://host', pathname: '/app/' })).toBe('https://host/app/');
  });

  it('puts ?embed=1 before the hash, keeping the link’s query', () => {
    expect(embedUrl('https://host/app/#s=1.abc')).toBe('https://host/app/?embed=1#s=1.abc');
    expect(embedUrl('https://host/app/?x=2#s=1.abc')).toBe('https://host/app/?x=2&embed=1#s=1.abc');
    expect(embedUrl('https://host/app/?embed=0#s=1.abc')).toBe('https://host/app/?embed=1#s=1.abc');
    expect(embedUrl('https://host/')).toBe('https://host/?embed=1');
  });

  it('recognizes embed mode only for embed=1', () => {
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?x=1&embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('')).toBe(false);
  });

  it('the full page of an embed drops only embed', () => {
    expect(fullPageUrl({ origin: 'https://host', pathname: '/app/', search: '?embed=1', hash: '#s=1.abc' })).toBe('https://host/app/#s=1.abc');
    expect(fullPageUrl({ origin: 'https://host', pathname: '/', search: '?x=2&embed=1', hash: '' })).toBe('https://host/?x=2');
  });

  it('the iframe snippet escapes the title and the address as attribute text', () => {
    const snippet = embedSnippet('https://host/#s=1.a', 'Split "brain" <script>alert(1)</script> & more');
    expect(snippet).toBe(
      '<iframe src="https://host/?embed=1#s=1.a" title="Split &quot;brain&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" width="800" height="500" style="border:0" loading="lazy"></iframe>',
    );
  });
});
