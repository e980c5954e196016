import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/answering/types.ts';
import type { Fact } from '../../src/knowledge/types.ts';
import { answerPayload, confidenceMarker, explanationPayload, infoPayload, searchPayload, topContributions } from '../../src/discord/replies.ts';
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

describe('explanationPayload', () => {
	const candidate = (text: string) => ({
		document: 'doc',
		line: 3,
		text,
		probability: 0.34,
		logit: -0.66,
		contributions: { bias: -2.5, coverage: 0.4, valueMissing: -1.1, proximity: 0.05, retrievalRank: 0.2 },
		features: {},
	});

	test('GIVEN contributions THEN the largest few, bias left out, signed', () => {
		expect(topContributions(candidate('x'))).toBe('valueMissing −1.10, coverage +0.40, retrievalRank +0.20');
	});

	test('GIVEN a huge explanation with backticks and mentions THEN one code block within Discord limits, ephemeral, pinging nobody', () => {
		const explain = {
			regime: 'curated' as const,
			threshold: 0.53,
			margin: 0.2,
			terms: Array.from({ length: 800 }, (_, i) => ({ label: `word${i}`, weight: 1, known: true, variants: [] })),
			candidates: Array.from({ length: 10 }, () => candidate('```@everyone <@1> ``` '.repeat(20))),
		};
		const payload = explanationPayload({ ...base, question: 'q '.repeat(500), explain });
		const embed = payload.embeds[0]!.toJSON();
		expect(embed.title!.length).toBeLessThanOrEqual(256);
		expect(embed.description!.length).toBeLessThanOrEqual(4_096);
		expect(embed.description!.match(/```/g)).toHaveLength(2);
		expect(embed.description).toMatch(/^```\n[\s\S]*\n```$/);
		expect(embed.fields![0]!.value).toMatch(/Declined: the best candidate has 10%, answering needs 53% \(threshold 0\.53\)/);
		expect(payload.flags).toBe(64);
		expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
	});
});

describe('searchPayload', () => {
	const fact = (line: number): Fact => ({
		id: `doc:${line}:0`, document: 'doc', line, position: line, text: `Fact ${line}.`, standalone: `Fact ${line}.`, mentions: [], leansOnPrevious: false, topics: [], names: [],
	});
	test('GIVEN one hit THEN "1 best matching fact", and two THEN "2 best matching facts"', () => {
		expect(searchPayload(null, 'q', [{ fact: fact(1) }]).embeds[0]!.toJSON().footer?.text).toBe('1 best matching fact');
		expect(searchPayload(null, 'q', [{ fact: fact(1) }, { fact: fact(2) }]).embeds[0]!.toJSON().footer?.text).toBe('2 best matching facts');
	});
});
