import { YAMLParseError } from 'yaml';
import { z } from 'zod';
import { LANGUAGES } from '../language/detect.ts';
import { TOPIC_NAMES } from './types.ts';

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** Optional YAML front matter of a knowledge document (between `---` lines at the top). */
export const frontMatterSchema = z
	.object({
		title: nonEmptyText.optional(),
		source: nonEmptyText.optional(),
		date: z.union([nonEmptyText, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
		aliases: z.array(nonEmptyText).default([]),
		/** The language the document is written in; without it, detected from the text. */
		language: z.enum(LANGUAGES).optional(),
	})
	.strict();
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const topicSchema = z
	.object({
		description: nonEmptyText,
		/** Words and phrases that mark a sentence as belonging to the topic. */
		markers: z.array(nonEmptyText).min(1),
	})
	.strict();

/**
 * `knowledge/lexicon.json`: general knowledge of the field, never the wording of a question.
 * Each synonym group lists names of one thing; a term may belong to one group only.
 */
export const lexiconSchema = z
	.object({
		synonyms: z.array(z.array(nonEmptyText).min(2, 'a synonym group needs at least two terms')),
		topics: z.object(Object.fromEntries(TOPIC_NAMES.map((name) => [name, topicSchema])) as Record<
			(typeof TOPIC_NAMES)[number],
			typeof topicSchema
		>),
	})
	.strict()
	.superRefine((lexicon, ctx) => {
		const seen = new Map<string, number>();
		lexicon.synonyms.forEach((group, index) => {
			for (const term of group) {
				const key = term.toLowerCase();
				const earlier = seen.get(key);
				if (earlier !== undefined && earlier !== index) {
					ctx.addIssue({
						code: 'custom',
						path: ['synonyms', index],
						message: `"${term}" is already in synonym group ${earlier + 1}`,
					});
				}
				seen.set(key, index);
			}
		});
	});
export type Lexicon = z.infer<typeof lexiconSchema>;

export const EMPTY_LEXICON: Lexicon = Object.freeze({
	synonyms: [],
	topics: Object.fromEntries(TOPIC_NAMES.map((name) => [name, { description: name, markers: [name] }])) as Lexicon['topics'],
});

/**
 * A YAML parser's complaint as one sentence about the file, after `what` ("front matter is not valid YAML"): its own
 * position ("at line 2, column 7:", followed by a code snippet) becomes the file's line, the parsed text starting on
 * `firstLine`, and the complaint is not cut before its snippet ("… column 17:").
 */
export function describeYamlError(what: string, error: unknown, firstLine = 1): string {
	const complaint = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
	const position = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
	const where = position ? ` on line ${position.line + firstLine - 1}, column ${position.col}` : '';
	return `${what}${where}: ${complaint}`;
}

/** Turns a zod error into one line a moderator can act on. */
export function describeZodError(error: z.ZodError): string {
	return error.issues
		.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
		.join('; ');
}
