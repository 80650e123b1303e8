import { describe, expect, it } from 'vitest';
import { createSimulation } from '../create';
import type { TraceEvent } from '../kernel/trace';
import { scenarioLibrary } from '../scenario/library';
import {
  NARRATION_LANGS,
  findTemplate,
  narrationFormatters,
  narrationKeys,
  narrationResources,
  narrationWordKeys,
  renderNarration,
  type NarrationLang,
} from './render';

/*
 * Narration in two languages: every key in both, the same placeholders, the glossary's words,
 * and every line of every library run rendered in Chinese without a hole.
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*(?:,\s*([A-Za-z0-9_]+)\s*)?\}\}/g;
const NESTING = /\$t\(([^)]*)\)/g;

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** Parameters shown as node ids (`S{{from}}`), so both languages name the same nodes. */
function nodeRefs(template: string): string[] {
  return [...new Set([...template.matchAll(/S\{\{([A-Za-z0-9_]+)\}\}/g)].map((m) => m[1]))].sort();
}

function nestings(template: string): string[] {
  return [...new Set([...template.matchAll(NESTING)].map((m) => m[1]))].sort();
}

const resources = narrationResources();

/** Every narrate event of every library scenario, run to its `until`. */
const libraryNarrations: { id: string; e: Extract<TraceEvent, { k: 'narrate' }> }[] = [];
for (const entry of scenarioLibrary) {
  const sim = createSimulation(entry.scenario, {
    onTrace: (e) => {
      if (e.k === 'narrate') libraryNarrations.push({ id: entry.id, e });
    },
  });
  sim.runUntil(entry.until);
}

describe('narration in English and 简体中文', () => {
  it('has a Chinese template for every English key and no other, and the same words', () => {
    expect(narrationKeys('zh').sort()).toEqual(narrationKeys('en').sort());
    expect(narrationWordKeys('zh').sort()).toEqual(narrationWordKeys('en').sort());
    expect(narrationKeys('en').length).toBeGreaterThan(170);
    // No key is defined twice (a later table would silently hide an earlier one).
    for (const lang of NARRATION_LANGS) {
      const all = [...narrationKeys(lang), ...narrationWordKeys(lang)];
      expect(new Set(all).size, lang).toBe(all.length);
      expect(Object.keys(resources[lang]).length).toBe(all.length);
    }
  });

  it.each(narrationKeys('en'))('%s: the Chinese template has the same placeholders, node ids and nested words', (key) => {
    const en = findTemplate(key, 'en')!;
    const zh = findTemplate(key, 'zh')!;
    expect(placeholders(zh)).toEqual(placeholders(en));
    expect(nodeRefs(zh)).toEqual(nodeRefs(en));
    expect(nestings(zh)).toEqual(nestings(en));
    expect(zh).toMatch(/\p{Script=Han}/u);
    for (const template of [en, zh]) {
      for (const m of template.matchAll(PLACEHOLDER)) if (m[2] !== undefined) expect(Object.keys(narrationFormatters)).toContain(m[2]);
      // Node ids always render as S<id>.
      expect(template).not.toMatch(/[^S]\{\{node\}\}/);
    }
  });

  it('words are plain (no placeholders, no nesting), and every nested word exists for every value a run produced', () => {
    for (const lang of NARRATION_LANGS) {
      for (const key of narrationWordKeys(lang)) expect(resources[lang][key], key).not.toMatch(/\{\{|\$t\(/);
    }
    const prefixes = new Set(narrationKeys('en').flatMap((k) => nestings(findTemplate(k)!)).map((n) => n.replace(/\{\{.*$/, '')));
    for (const prefix of prefixes) {
      for (const lang of NARRATION_LANGS) expect(narrationWordKeys(lang).some((k) => k.startsWith(prefix)), `${lang} ${prefix}`).toBe(true);
    }
  });

  it('uses the glossary: protocol, message and role names in Latin letters, no stray English words', () => {
    const zh = narrationKeys('zh').map((k) => findTemplate(k, 'zh')!);
    const text = zh.join('\n');
    for (const word of ['Leader', 'Follower', 'Candidate', 'RequestVote', 'AppendEntries', 'PreVote', 'CheckQuorum', 'LOOKING', 'ZXID', 'epoch', 'ping-req']) {
      expect(text).toContain(word);
    }
    for (const word of ['任期', '投票', '过半', '心跳', '选举超时', '提交', '状态机', '疑似故障（suspect）', '已下线（dead）', '存活（alive）', '谣言']) {
      expect(text).toContain(word);
    }
    for (const template of zh) {
      const prose = template.replace(PLACEHOLDER, '').replace(NESTING, '');
      expect(prose, template).not.toMatch(/\b(leader|follower|candidate|term|votes?|commits?|quorum|server|nobody|none)\b/);
      // Chinese punctuation in Chinese prose.
      expect(prose, template).not.toMatch(/\p{Script=Han}[,:;]|[,:;]\p{Script=Han}/u);
    }
  });

  it('formats lists, entries and values in each language', () => {
    const { nodes, entry, txn } = narrationFormatters;
    expect([nodes([1, 2, 3], 'en'), nodes([1, 2, 3], 'zh')]).toEqual(['S1, S2 and S3', 'S1、S2 和 S3']);
    expect([nodes([4], 'en'), nodes([], 'en'), nodes([], 'zh')]).toEqual(['S4', 'nobody', '无']);
    expect([nodes('S1, S2, S4', 'en'), nodes('S1, S2, S4', 'zh')]).toEqual(['S1, S2, S4', 'S1、S2、S4']);
    expect([entry(null, 'en'), entry('x=1', 'en'), entry(null, 'zh'), entry('x=1', 'zh')]).toEqual(['no-op', '"x=1"', 'no-op 空日志', '“x=1”']);
    expect([txn('', 'en'), txn('', 'zh'), txn('x=1', 'zh')]).toEqual(['(empty)', '（空值）', 'x=1']);
  });

  it('words enums through nesting, and never nests what a parameter value says', () => {
    const params = { node: 2, value: '$t(kernel.command.join) {{node}}', leader: 1, role: 'candidate' };
    expect(renderNarration('raft.request.forward', params)).toBe(
      'S2 is a candidate, not the leader: it redirects the client’s “$t(kernel.command.join) {{node}}” to the leader it knows, S1.',
    );
    expect(renderNarration('raft.request.forward', params, 'zh')).toBe(
      'S2 是 Candidate（候选人），不是 Leader：它把客户端的“$t(kernel.command.join) {{node}}”转发给它所知道的 Leader S1。',
    );
    expect(renderNarration('raft.request.forward', { ...params, role: 'nonsense' }, 'zh')).toContain('$t(raft.role.nonsense)');
  });

  it('renders every narration of every library run in Chinese (and English) with no hole and no unknown key', () => {
    const keys = new Set<string>();
    for (const { id, e } of libraryNarrations) {
      keys.add(e.key);
      for (const lang of NARRATION_LANGS) {
        expect(findTemplate(e.key, lang), `${id}: ${e.key} (${lang})`).toBeDefined();
        for (const name of placeholders(findTemplate(e.key, lang)!)) expect(e.params[name], `${id}: ${e.key} {{${name}}}`).not.toBeUndefined();
        const text = renderNarration(e.key, e.params, lang);
        expect(text, `${id}: ${text}`).not.toMatch(/\{\{|\}\}|\$t\(|undefined|NaN|\[object|\bS(null|undefined|none|0)\b/);
        expect(text.includes(e.key), `${id}: ${text}`).toBe(false);
      }
    }
    // The library runs say most of what there is to say.
    expect(keys.size).toBeGreaterThan(100);
  });

  it('renders in English by default, exactly as before', () => {
    for (const { e } of libraryNarrations.slice(0, 300)) expect(renderNarration(e.key, e.params)).toBe(renderNarration(e.key, e.params, 'en'));
  });

  it('says it as a student would, in Chinese', () => {
    const zh = (id: string, key: string, where: (p: Record<string, unknown>, node: number) => boolean = () => true) => {
      const found = libraryNarrations.find(({ id: i, e }) => i === id && e.key === key && where(e.params, e.node));
      expect(found, `${id} ${key}`).toBeDefined();
      return { en: renderNarration(found!.e.key, found!.e.params, 'en'), zh: renderNarration(found!.e.key, found!.e.params, 'zh') };
    };
    const say = (lang: NarrationLang, line: { en: string; zh: string }) => line[lang];

    expect(say('zh', zh('raft-first-election', 'raft.election.start'))).toBe(
      'S3 选举超时，一直没有收到 Leader 的心跳，于是发起任期 1 的选举：先投自己一票，再向 S1、S2、S4、S5 发出投票请求（RequestVote）。',
    );
    expect(say('zh', zh('raft-first-election', 'raft.election.won'))).toBe(
      'S3 得到 S1、S3、S5 的选票（5 个节点中得 3 票，过半需要 3 票），赢得任期 1 的选举，成为 Leader。',
    );
    expect(say('zh', zh('raft-first-election', 'raft.commit.advance'))).toBe(
      'S3 提交索引 1（no-op 空日志，任期 1）：S2、S3、S4 已经保存了它，达到 5 个节点中至少 3 个的过半要求。它把这条日志应用到状态机。',
    );
    expect(say('zh', zh('raft-rejoin-without-prevote', 'raft.term.stepDown', (p) => p.role === 'leader'))).toBe(
      'S1 原本是任期 1 的 Leader（领导者），它在 S5 发来的 AppendEntriesResponse 中看到了更新的任期 13，于是退位为 Follower。',
    );
    expect(say('zh', zh('raft-stale-leader-checkquorum', 'raft.request.reject'))).toBe(
      'S1 目前是任期 1 的 Follower（跟随者），不知道谁是 Leader：它拒绝客户端的“x=2”，客户端需要稍后重试。',
    );
    expect(say('zh', zh('zab-leader-crash', 'zab.vote.switch.zxid'))).toBe('S3 改投 S1：epoch 相同，而 S1 的 ZXID 0x7b 比 0x7a 大。');
    expect(say('zh', zh('zab-two-rooms-5', 'zab.request.noLeader'))).toBe('S4 处于 LOOKING 状态，还没有可追随的 Leader：写请求 y=3 失败，客户端需要重试。');
    expect(say('zh', zh('gossip-swim-crash', 'gossip.dead', (p) => p.member === 7))).toMatch(/^S\d+ 宣布 S7 已下线（dead）：它被怀疑了 \d+ ms，一直没有反驳。$/);
    expect(say('zh', zh('gossip-rumor-100', 'gossip.rumorStart'))).toBe('S1 发起一条谣言；它以推送（push）的方式传播，每 200 ms 发给 3 个节点（扇出 fanout）。');
  });
});
