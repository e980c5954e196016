import type { Language } from '../language/detect.ts';
import { en, type Catalogue, type MessageKey } from './en.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

export type { Catalogue, MessageKey };
export type { Language };

/** Every language's catalogue, by code. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, ru, kk };

/** The `{name}` placeholders of a template, sorted: what a translation must keep. */
export function placeholdersOf(template: string): string[] {
	return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

/**
 * A confidence as the whole percentage shown beside an answer: at most 99, since a sentence the retriever found is
 * never certain to answer (of the answers the verifier put at 0.9 or more, cross-validated, fewer than 90 in 100 were right).
 */
export function percentOf(confidence: number): number {
	return Math.min(99, Math.round(Math.max(0, confidence) * 100));
}

/**
 * A message in a language, its placeholders filled. A missing value leaves the placeholder visible rather than
 * printing "undefined", so a forgotten value shows in a test.
 * @example say('ru', 'flood', { seconds: 5 }) // 'Вы спрашиваете слишком часто: подождите 5 с …'
 */
export function say(language: Language, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
	const template = CATALOGUES[language][key];
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
