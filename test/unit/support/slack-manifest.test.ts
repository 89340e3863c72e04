import { readFileSync } from 'node:fs';
import path from 'node:path';

// The two app manifests at the repo root (platform-facts A9; slackapi/manifest-schema v1 limits).

interface SlashCommand { command: string; url?: string; description: string; usage_hint?: string; should_escape?: boolean }
interface Manifest {
  display_information: { name: string; description?: string };
  features: { slash_commands: SlashCommand[]; app_home: Record<string, boolean>; bot_user: { display_name: string } };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string; message_menu_options_url?: string };
    socket_mode_enabled: boolean;
  };
}

const ROOT = path.join(__dirname, '../../..');
const load = (file: string): Manifest => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Manifest;
const MANIFESTS = ['slack-manifest.json', 'slack-manifest.socket-mode.json'];

/** Every string anywhere in the manifest that looks like a URL. */
function urls(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urls);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urls);
  return [];
}

/** Bot events and the scope each one needs (events without an entry need none). */
const EVENT_SCOPES: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  user_change: 'users:read',
};

describe.each(MANIFESTS)('%s', (file) => {
  const manifest = load(file);

  it('should stay within the manifest schema limits', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description?.length ?? 0).toBeLessThanOrEqual(140);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual(['/okr', '/kpi']);
    for (const c of commands) {
      expect(c.command).toMatch(/^\/.{1,31}$/);
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
      expect(c.should_escape).toBe(true);
    }
    for (const url of urls(manifest)) expect(url.length).toBeLessThanOrEqual(3000);
    for (const scope of manifest.oauth_config.scopes.bot) expect(scope.length).toBeLessThanOrEqual(50);
  });

  it('should subscribe to uninstall events and hold the scope of every bot event', () => {
    const { bot_events } = manifest.settings.event_subscriptions;
    expect(bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked', 'app_home_opened']));
    expect(new Set(bot_events).size).toBe(bot_events.length);
    for (const event of bot_events) {
      const scope = EVENT_SCOPES[event];
      if (scope) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});

describe('the two manifests', () => {
  it('should differ only in socket mode and request URLs', () => {
    const http = load('slack-manifest.json');
    const socket = load('slack-manifest.socket-mode.json');
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(urls(socket)).toEqual([]);
    expect(urls(http).every((u) => u.startsWith('https://YOUR-HOST/slack/'))).toBe(true);
    const stripped = structuredClone(http);
    for (const c of stripped.features.slash_commands) delete c.url;
    delete stripped.oauth_config.redirect_urls;
    delete stripped.settings.event_subscriptions.request_url;
    stripped.settings.interactivity = { is_enabled: true };
    stripped.settings.socket_mode_enabled = true;
    expect(socket).toEqual(stripped);
  });
});
