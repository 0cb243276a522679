import type { Language } from '@infocig/shared';
import { en } from './en.ts';
import { type ConsoleTexts, it } from './it.ts';

export type { ConsoleTexts };
export const TEXTS: Record<Language, ConsoleTexts> = { it, en };
