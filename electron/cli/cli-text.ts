import { message } from '../core/messages.ts';

/** The command's language: Chinese first, English where the shell asks for it (LANG=en…, or STATION_LANG). */
export const cliLocale = (process.env.STATION_LANG ?? process.env.LANG ?? '').startsWith('en') ? 'en' : 'zh-CN';

/** A line the command prints, from the message catalogue. */
export const cliText = (key: string, params?: Record<string, string | number>): string => message(key, params, cliLocale);
