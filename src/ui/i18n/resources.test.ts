import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { i18n, loadLanguage } from './index';
import { pickLanguage } from './language';
import { zh } from './zh';

// The Chinese table loads on demand (the page's first paint does not need it).
beforeAll(() => loadLanguage('zh'));

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** `{{name}}` placeholders (with or without a format), sorted, counted once. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]))].sort();
}

const english = leaves(en as unknown as Tree);
const chinese = leaves(zh as unknown as Tree);

describe('UI resources: English and 简体中文', () => {
  it('every English key has a Chinese string, and no Chinese key is left over', () => {
    expect([...english.keys()].filter((k) => !chinese.has(k))).toEqual([]);
    expect([...chinese.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('every Chinese string has the same interpolation placeholders as the English one', () => {
    const mismatched = [...english].filter(([key, text]) => placeholders(text).join() !== placeholders(chinese.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('no string is empty, and the Chinese ones are written in Chinese (apart from names kept in Latin letters)', () => {
    expect([...english, ...chinese].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    const latinOnly = new Set([
      'playback.traceHash',
      'settings.nodesRange',
      'settings.protocolNames.raft',
      'network.groupSeparator',
      'logs.next',
      'logs.match',
      'inspector.message',
      'node.separator',
      'node.epoch',
      'node.shortEpoch',
      'node.vote',
      'node.roles.follower',
      'node.roles.precandidate',
      'node.roles.candidate',
      'node.roles.leader',
      'node.roles.looking',
      'node.roles.following',
      'node.roles.leading',
      'node.roles.observing',
    ]);
    const untranslated = [...chinese].filter(([key, text]) => !latinOnly.has(key) && !/[\u3000-\u9fff\uff00-\uffef]/.test(text));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('keeps Contract 3’s control names in English', () => {
    expect([en.playback.play, en.playback.pause, en.playback.step, en.playback.reset, en.playback.share, en.playback.time, en.playback.speed, en.share.link]).toEqual([
      'Play',
      'Pause',
      'Step',
      'Reset',
      'Share',
      'Time',
      'Speed',
      'Share link',
    ]);
    expect([en.menu.crash, en.menu.restart, en.menu.pause, en.menu.timeout, en.menu.request]).toEqual(['Crash', 'Restart', 'Pause', 'Time out', 'Client request']);
  });

  it('i18next fills placeholders and plurals in both languages', async () => {
    expect(i18n.t('status.leaderTerm', { id: 3, term: 4, lng: 'en' })).toBe('Leader: S3, term 4');
    expect(i18n.t('status.leaderTerm', { id: 3, term: 4, lng: 'zh' })).toBe('Leader：S3，任期 4');
    expect(i18n.t('status.branchedActions', { at: '1.000 s', reached: '5.000 s', count: 1, lng: 'en' })).toContain('1 later action of yours was discarded');
    expect(i18n.t('status.branchedActions', { at: '1.000 s', reached: '5.000 s', count: 2, lng: 'en' })).toContain('2 later actions of yours were discarded');
    expect(i18n.t('playback.eventCount', { count: 46, lng: 'en' })).toBe('46 events');
    expect(i18n.t('playback.eventCount', { count: 1, lng: 'zh' })).toBe('1 个事件');
    expect(i18n.t('linkError.reasons.newerCodec', { version: 2, reads: 1, lng: 'zh' })).toContain('编码版本 2');
  });
});

describe('pickLanguage', () => {
  it('a remembered choice wins; else Chinese browsers get 中文, everyone else English', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('zh', ['en-US'])).toBe('zh');
    expect(pickLanguage(null, ['zh-CN', 'en'])).toBe('zh');
    expect(pickLanguage(null, ['zh-TW'])).toBe('zh');
    expect(pickLanguage(null, ['zh'])).toBe('zh');
    expect(pickLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(pickLanguage('fr', ['de-DE'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});
