import { describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { type FolderLike, findDraftsFolder, findSentFolder } from '../../src/source/folders.js';

const f = (path: string, specialUse: string | null = null, flags: string[] = []): FolderLike => ({
  path,
  specialUse,
  flags,
});
const names = (...paths: string[]) => [f('INBOX'), f('Drafts', '\\Drafts'), ...paths.map((p) => f(p))];

describe('findSentFolder', () => {
  it.each([
    ['the \\Sent flag wins over names', [f('INBOX'), f('Sent'), f('Archive/Out', '\\Sent')], 'Archive/Out'],
    [
      'a \\Sent that only came as a LIST flag',
      [f('INBOX'), f('Sent'), f('Posted', null, ['\\HasNoChildren', '\\Sent'])],
      'Posted',
    ],
    ['Gmail', [f('INBOX'), f('[Gmail]/Sent Mail', '\\Sent'), f('[Gmail]/All Mail', '\\All')], '[Gmail]/Sent Mail'],
    ['Gmail without SPECIAL-USE', names('[Gmail]/Sent Mail', '[Gmail]/Drafts'), '[Gmail]/Sent Mail'],
    ['localized Gmail', names('[Google Mail]/Gesendet'), '[Google Mail]/Gesendet'],
    ['Courier namespace', names('INBOX.Sent', 'INBOX.Trash'), 'INBOX.Sent'],
    ['Cyrus with slash', names('INBOX/Sent Items'), 'INBOX/Sent Items'],
    ['a case difference', names('SENT'), 'SENT'],
  ])('%s', (_name, folders, sent) => expect(findSentFolder(folders)).toBe(sent));

  it.each([
    'Sent',
    'Sent Items',
    'Sent Messages',
    'Sent Mail',
    'Gesendet',
    'Gesendete Objekte',
    'Envoyés',
    'Éléments envoyés',
    'Enviados',
    'Elementos enviados',
    'Posta inviata',
    'Verzonden items',
    'Skickat',
    'Sendt',
    'Wysłane',
    'Отправленные',
  ])('knows the name "%s"', (name) => expect(findSentFolder(names(name))).toBe(name));

  it('matches a decomposed "é" (NFD) as well', () => {
    const nfd = 'Envoye\u0301s';
    expect(findSentFolder(names(nfd))).toBe(nfd);
  });

  it.each([
    ['the override, over the flag', [f('INBOX'), f('Sent', '\\Sent'), f('Outbox')], 'Outbox'],
    ['the override, exactly as given', [f('INBOX'), f('Sent'), f('Sent Items')], 'Sent Items'],
  ])('%s', (_name, folders, override) => expect(findSentFolder(folders, override)).toBe(override));
});

describe('findSentFolder refuses to guess', () => {
  const failure = (folders: FolderLike[], override?: string | null) => {
    try {
      findSentFolder(folders, override);
    } catch (error) {
      return error as FollowthruError;
    }
    throw new Error('expected a refusal');
  };
  it.each([
    ['two usual names', names('Sent', 'Sent Items'), null, /more than one.*"Sent", "Sent Items".*set imap\.sentFolder/],
    ['two \\Sent flags', [f('A', '\\Sent'), f('B', '\\Sent')], null, /more than one.*"A", "B"/],
    ['nothing like Sent', names('Archive'), null, /no Sent folder.*set imap\.sentFolder.*INBOX, Drafts, Archive/],
    ['an empty list', [], undefined, /no Sent folder/],
    ['an override that does not exist', names('Sent'), 'Sent Mail', /"Sent Mail" does not exist.*INBOX, Drafts, Sent/],
    ['an override in the wrong case', names('Sent'), 'sent', /"sent" does not exist/],
  ])('%s', (_name, folders, override, message) => {
    const error = failure(folders, override);
    expect(error).toBeInstanceOf(FollowthruError);
    expect(error.code).toBe('EIMAP_FOLDER');
    expect(error.message).toMatch(message);
  });
});

describe('findDraftsFolder', () => {
  it.each([
    ['the \\Drafts flag wins over names', [f('INBOX'), f('Drafts'), f('Work/Unsent', '\\Drafts')], null, 'Work/Unsent'],
    ['a \\Drafts that only came as a LIST flag', [f('INBOX'), f('Concepts', null, ['\\Drafts'])], null, 'Concepts'],
    ['Gmail without SPECIAL-USE', [f('INBOX'), f('[Gmail]/Drafts'), f('[Gmail]/Sent Mail')], null, '[Gmail]/Drafts'],
    ['a localized name', [f('INBOX'), f('INBOX.Entwürfe'), f('INBOX.Gesendet')], null, 'INBOX.Entwürfe'],
    ['the override always wins', [f('INBOX'), f('Drafts', '\\Drafts'), f('Templates')], 'Templates', 'Templates'],
  ])('%s', (_name, folders, override, drafts) => expect(findDraftsFolder(folders, override)).toBe(drafts));

  it.each([
    [
      'nothing like Drafts',
      [f('INBOX'), f('Sent', '\\Sent')],
      null,
      /no Drafts folder found \(no \\Drafts flag.*set imap\.draftsFolder/,
    ],
    ['two \\Drafts flags', [f('A', '\\Drafts'), f('B', '\\Drafts')], null, /more than one folder could be Drafts/],
    [
      'an override that does not exist',
      [f('INBOX'), f('Drafts')],
      'Brouillons',
      /imap\.draftsFolder "Brouillons" does not exist/,
    ],
  ])('%s is an error naming the setting', (_name, folders, override, message) => {
    expect(() => findDraftsFolder(folders, override)).toThrow(message);
  });
});
