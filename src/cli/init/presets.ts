// Server settings of the common providers, by the address's domain. Pure.

export interface ServerPreset {
  host: string;
  port: number;
  secure: boolean;
}

export interface ProviderPreset {
  name: string;
  domains: readonly string[];
  imap: ServerPreset;
  smtp: ServerPreset;
  sentFolder: string | null;
  /** Shown to the user before asking for a password: where to create an app password, if one is needed. */
  passwordHelp: string | null;
  /** The oauth2 preset this provider signs in with (`followthru login`), or null for passwords only. */
  oauth2: 'microsoft' | 'google' | null;
}

export const PROVIDERS: readonly ProviderPreset[] = [
  {
    name: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    imap: { host: 'imap.gmail.com', port: 993, secure: true },
    smtp: { host: 'smtp.gmail.com', port: 465, secure: true },
    sentFolder: '[Gmail]/Sent Mail',
    passwordHelp:
      'Gmail needs an app password (2-Step Verification must be on): https://myaccount.google.com/apppasswords',
    oauth2: 'google',
  },
  {
    name: 'Outlook / Microsoft 365',
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'],
    imap: { host: 'outlook.office365.com', port: 993, secure: true },
    smtp: { host: 'smtp.office365.com', port: 587, secure: false },
    sentFolder: null,
    passwordHelp:
      'Microsoft switched passwords off for IMAP and SMTP: sign in with OAuth2 (a client ID you register, see README "Connect your own account"); work accounts may have IMAP disabled by the admin.',
    oauth2: 'microsoft',
  },
  {
    name: 'iCloud',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    imap: { host: 'imap.mail.me.com', port: 993, secure: true },
    smtp: { host: 'smtp.mail.me.com', port: 587, secure: false },
    sentFolder: null,
    passwordHelp: 'iCloud needs an app-specific password: https://account.apple.com → Sign-In and Security.',
    oauth2: null,
  },
  {
    name: 'Fastmail',
    domains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'],
    imap: { host: 'imap.fastmail.com', port: 993, secure: true },
    smtp: { host: 'smtp.fastmail.com', port: 465, secure: true },
    sentFolder: null,
    passwordHelp: 'Fastmail needs an app password: Settings → Privacy & Security → Manage app passwords.',
    oauth2: null,
  },
  {
    name: 'Yahoo',
    domains: ['yahoo.com', 'ymail.com', 'rocketmail.com'],
    imap: { host: 'imap.mail.yahoo.com', port: 993, secure: true },
    smtp: { host: 'smtp.mail.yahoo.com', port: 465, secure: true },
    sentFolder: null,
    passwordHelp: 'Yahoo needs an app password: Account Security → Generate app password.',
    oauth2: null,
  },
];

/** The provider for an address, or a guess from the domain's own name (imap.<domain>, smtp.<domain>). */
export function presetFor(address: string): ProviderPreset {
  const domain = address.split('@')[1]?.toLowerCase().trim() ?? '';
  const known = PROVIDERS.find((p) => p.domains.includes(domain));
  if (known) return known;
  return {
    name: `${domain} (guessed: imap.${domain} / smtp.${domain})`,
    domains: [domain],
    imap: { host: `imap.${domain}`, port: 993, secure: true },
    smtp: { host: `smtp.${domain}`, port: 587, secure: false },
    sentFolder: null,
    passwordHelp: null,
    oauth2: null,
  };
}
