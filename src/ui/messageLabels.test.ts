import { describe, expect, it } from 'vitest';
import { messageFamily, messageLabel, messageTitle } from './messageLabels';

describe('messageLabel', () => {
  it('abbreviates Raft messages and says what a reply answered', () => {
    expect(messageLabel('RequestVote', { term: 2 })).toBe('RV');
    expect(messageLabel('RequestVoteResponse', { voteGranted: true })).toBe('RV✓');
    expect(messageLabel('AppendEntriesResponse', { success: false })).toBe('AE✗');
    expect(messageLabel('AppendEntries', { entries: [] })).toBe('HB');
    expect(messageLabel('AppendEntries', { entries: [{}, {}] })).toBe('AE+2');
  });
  it('abbreviates ZooKeeper messages', () => {
    expect(messageLabel('NOTIFICATION', { leader: 3 })).toBe('vote');
    expect(messageLabel('PROPOSAL', {})).toBe('PROP');
    expect(messageFamily('COMMIT')).toBe('append');
    expect(messageFamily('PING')).toBe('probe');
  });
  it('falls back to initials for types it does not know', () => {
    expect(messageLabel('FollowerInfo', {})).toBe('FI');
    expect(messageLabel('Notification', null)).toBe('N');
  });
});

describe('messageFamily', () => {
  it('groups messages for color', () => {
    expect(messageFamily('PreVoteResponse')).toBe('vote');
    expect(messageFamily('AppendEntries')).toBe('append');
    expect(messageFamily('ClientRequest')).toBe('client');
    expect(messageFamily('pingReq')).toBe('probe');
    expect(messageFamily('Hello')).toBe('other');
  });
});

describe('messageTitle', () => {
  it('names a heartbeat', () => {
    expect(messageTitle('AppendEntries', { entries: [] })).toBe('AppendEntries (heartbeat)');
  });
});
