import type { Language } from '@infocig/shared';
import { en } from './en.ts';
import { it, type WidgetTexts } from './it.ts';

export type { WidgetTexts };
export const TEXTS: Record<Language, WidgetTexts> = { it, en };
