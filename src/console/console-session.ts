import { randomUUID } from 'node:crypto';
import { parseChatText } from '../domain/command/parse-command';
import { LOCALES, type Actor, type Locale } from '../domain/member';
import type { Logger } from '../logger';
import { findMemberById, findMembersByName, updateMember, upsertWorkspace } from '../db/member.repository';
import { createTranslator } from '../i18n/translate';
import { renderParseError, renderUseCaseError } from '../render/text/render-error';
import { renderOutcome } from '../render/text/render-outcome';
import type { UseCaseDeps } from '../use-cases/deps';
import { identifyMember } from '../use-cases/identify-member';
import { runCommand } from '../use-cases/run-command';
import { consoleCsv } from './console-csv';
import { listConsoleMembers } from './list-console-members';
import { consoleNotifier } from './console-notifier';
import { MAX_TRAVEL_MS, parseDuration, travel as travelInTime } from './time-travel';
import type { ChatNotifier } from '../ports/chat-notifier';
import type { AdjustableClock } from '../ports/clock';
import { formatDateTime } from '../i18n/format';

export const CONSOLE_WORKSPACE = 'local';

export interface ConsoleOptions {
  readonly defaultLocale: Locale;
  readonly defaultTimeZone: string;
  readonly logger: Logger;
  /** Loads the demo company; returns false when the workspace already had goals. */
  readonly loadDemo: () => Promise<boolean>;
  /** `:tick` moves this clock (the one in deps) and runs the scheduler tick by tick. */
  readonly timeTravel?: { readonly clock: AdjustableClock; readonly tickMs: number };
}

export interface ConsoleReply {
  readonly text: string;
  readonly quit?: boolean;
}

/**
 * One person at the terminal, acting as any member of the local workspace. It speaks the same
 * grammar as Slack and WeCom through the same parser and use-cases; only the rendering is text.
 */
export class ConsoleSession {
  #actor: (Actor & { displayName: string }) | undefined;
  /** What the scheduler delivered during a `:tick`, as printed. */
  readonly #arrivals: string[] = [];
  readonly #notifier: ChatNotifier;

  constructor(
    private readonly deps: UseCaseDeps,
    private readonly options: ConsoleOptions,
  ) {
    this.#notifier = consoleNotifier(deps.db, deps.clock, (text) => this.#arrivals.push(text));
  }

  get actorName(): string | undefined {
    return this.#actor?.displayName;
  }

  private get locale(): Locale {
    return this.#actor?.locale ?? this.options.defaultLocale;
  }

  private context() {
    return { locale: this.locale, timeZone: this.#actor?.timeZone ?? this.options.defaultTimeZone, now: this.deps.clock.now() };
  }

  /** Handles one typed line and returns what to print. Never throws. */
  async handle(line: string): Promise<ConsoleReply> {
    const text = line.trim();
    if (text === '') return { text: '' };
    try {
      return text.startsWith(':') ? await this.consoleCommand(text) : await this.chat(text);
    } catch (error) {
      const id = randomUUID().slice(0, 8);
      this.options.logger.error({ err: error, correlationId: id }, 'console command failed');
      return { text: createTranslator(this.locale)('common.somethingWentWrong', { id }) };
    }
  }

  private async chat(text: string): Promise<ConsoleReply> {
    const t = createTranslator(this.locale);
    if (!this.#actor) return { text: t('console.noActor') };
    const parsed = parseChatText(text);
    if (!parsed.ok) return { text: renderParseError(parsed.error, this.context()) };
    // Roles change from chat (`role @me member`); act with the one stored now, not the one at `:as`.
    const row = await findMemberById(this.deps.db, this.#actor.workspaceId, this.#actor.memberId);
    if (row && row.role !== this.#actor.role) this.#actor = { ...this.#actor, role: row.role };
    const result = await runCommand(this.deps, this.#actor, parsed.value, 'console');
    return { text: result.ok ? renderOutcome(result.value, this.context()) : renderUseCaseError(result.error, this.context()) };
  }

  private async consoleCommand(text: string): Promise<ConsoleReply> {
    const [command = '', ...rest] = text.slice(1).trim().split(/\s+/);
    const argument = rest.join(' ').trim();
    const t = createTranslator(this.locale);
    switch (command.toLowerCase()) {
      case 'as':
        return argument ? this.actAs(argument) : { text: t('console.help') };
      case 'lang':
        return this.setLanguage(argument);
      case 'demo':
        return { text: (await this.options.loadDemo()) ? t('console.demoLoaded') : t('console.demoAlreadyLoaded') };
      case 'who':
        return { text: await listConsoleMembers(this.deps.db, CONSOLE_WORKSPACE, t) };
      case 'quit':
      case 'exit':
      case 'q':
        return { text: '', quit: true };
      case 'tick':
        return this.tick(argument);
      case 'export':
      case 'import':
        return { text: this.#actor ? await consoleCsv(this.deps, this.#actor, command.toLowerCase() as 'import' | 'export', argument, t) : t('console.noActor') };
      case 'help':
        return { text: t('console.help') };
      default:
        return { text: `${t('console.unknownCommand', { command: `:${command}` })}\n${t('console.help')}` };
    }
  }

  private async actAs(name: string): Promise<ConsoleReply> {
    const displayName = name.replace(/^@/, '').slice(0, 80);
    const ws = await upsertWorkspace(this.deps.db, {
      platform: 'console',
      externalId: CONSOLE_WORKSPACE,
      name: 'Local workspace',
      locale: this.options.defaultLocale,
      timeZone: this.options.defaultTimeZone,
    });
    const lowered = displayName.toLowerCase();
    const [existing] = (await findMembersByName(this.deps.db, ws.id, displayName)).filter((m) => m.display_name.toLowerCase() === lowered);
    const actor = await identifyMember(this.deps.db, {
      platform: 'console',
      workspaceExternalId: CONSOLE_WORKSPACE,
      workspaceName: 'Local workspace',
      userExternalId: existing?.external_id ?? `console:${lowered}`,
      displayName,
      timeZone: this.options.defaultTimeZone,
      locale: this.options.defaultLocale,
    });
    this.#actor = actor;
    const t = createTranslator(actor.locale);
    const role = t(`role.${actor.role}`);
    const line = actor.created ? t('console.joined', { name: actor.displayName, role }) : t('console.actingAs', { name: actor.displayName, role });
    return { text: line };
  }

  private async tick(argument: string): Promise<ConsoleReply> {
    const t = createTranslator(this.locale);
    const travel = this.options.timeTravel;
    const ms = parseDuration(argument || '1d');
    if (!travel || ms === null || ms > MAX_TRAVEL_MS) return { text: t('console.tickUsage') };
    this.#arrivals.length = 0;
    const arrived = await travelInTime(this.deps, travel.clock, (platform) => (platform === 'console' ? this.#notifier : undefined), ms, travel.tickMs);
    const ctx = this.context();
    const summary = t('console.ticked', { time: formatDateTime(ctx.locale, ctx.now, ctx.timeZone), count: arrived });
    return { text: [...this.#arrivals.splice(0), summary].join('\n\n') };
  }

  private async setLanguage(argument: string): Promise<ConsoleReply> {
    const locale = LOCALES.find((l) => l.toLowerCase() === argument.toLowerCase() || (argument.toLowerCase().startsWith('zh') && l === 'zh-CN'));
    if (!locale) return { text: createTranslator(this.locale)('console.help') };
    if (this.#actor) {
      await updateMember(this.deps.db, this.#actor.workspaceId, this.#actor.memberId, { locale });
      this.#actor = { ...this.#actor, locale };
    }
    return { text: createTranslator(locale)('console.languageSet') };
  }
}
