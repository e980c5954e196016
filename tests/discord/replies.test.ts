import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/answering/types.ts';
import { answerPayload, confidenceMarker, infoPayload } from '../../src/discord/replies.ts';
import { clip } from '../../src/discord/limits.ts';

const base: Answer = {
	question: 'Who appoints the ombudsman?',
	answered: false,
	answer: "The documents I have don't say.",
	confidence: 0.1,
	sources: [],
	factIds: [],
	suggestions: [],
	ms: 1,
};

describe('answerPayload', () => {
	test('GIVEN an abstention with 7 suggestions THEN 5 buttons and a menu with all 7, labels within limits', () => {
		const suggestions = Array.from({ length: 7 }, (_, index) => `Suggestion ${index} ${'long '.repeat(40)}`);
		const payload = answerPayload({ ...base, suggestions }, 'abc', null);
		const [buttons, menu] = payload.components.map((row) => row.toJSON());
		expect(buttons!.components).toHaveLength(5);
		for (const button of buttons!.components as { label: string; custom_id: string }[]) {
			expect(button.label.length).toBeLessThanOrEqual(80);
			expect(button.custom_id).toMatch(/^dym:abc:\d$/);
		}
		expect((menu!.components[0] as { options: unknown[] }).options).toHaveLength(7);
		expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
	});

	test('GIVEN no answer id (the store failed) THEN no buttons at all', () => {
		expect(answerPayload({ ...base, answered: true, confidence: 0.9, factIds: ['a:1:0'] }, null, null).components).toEqual([]);
	});

	test('GIVEN a 10,000-character answer and question THEN the embed respects Discord limits', () => {
		const payload = answerPayload({ ...base, question: 'q'.repeat(10_000), answer: 'a'.repeat(10_000), answered: true, confidence: 0.8 }, 'abc', null);
		const embed = payload.embeds[0]!.toJSON();
		expect(embed.title!.length).toBeLessThanOrEqual(256);
		expect(embed.description!.length).toBeLessThanOrEqual(4_096);
	});
});

describe('confidenceMarker', () => {
	test.each([
		[{ answered: true, confidence: 0.9 }, '🟢 High confidence (90%)'],
		[{ answered: true, confidence: 0.5 }, '🟡 Moderate confidence (50%)'],
		[{ answered: false, confidence: 0.2 }, '🔴 Not in the documents (20%)'],
	])('GIVEN %o THEN %s', (answer, marker) => {
		expect(confidenceMarker(answer)).toBe(marker);
	});
});

describe('clip and infoPayload', () => {
	test('GIVEN an emoji on the cut THEN no half surrogate pair is left', () => {
		expect(clip('ab😀cd', 4)).toBe('ab…');
	});

	test('GIVEN 30 long fields THEN at most 25 and under 6,000 characters in all', () => {
		const embed = infoPayload('t', 'd', Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(2_000) }))).embeds[0]!.toJSON();
		const total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
		expect(embed.fields!.length).toBeLessThanOrEqual(25);
		expect(total).toBeLessThanOrEqual(6_000);
	});
});
