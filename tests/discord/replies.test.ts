import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/answering/types.ts';
import type { KnowledgeBase } from '../../src/answering/knowledgeBase.ts';
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
	test('GIVEN a refusal with 7 long suggestions THEN the question as title, no percentage, three listed in full and numbered, buttons 1-3', () => {
		const suggestions = Array.from({ length: 7 }, (_, index) => `Suggestion ${index} ${'long '.repeat(40)}end.`);
		const payload = answerPayload({ ...base, suggestions }, 'abc', null);
		const embed = payload.embeds[0]!.toJSON();
		expect(embed.title).toBe(base.question);
		expect(embed.description).toMatch(/^The documents I have don't answer this\./);
		for (const index of [0, 1, 2]) expect(embed.description).toContain(`**${index + 1}.** ${suggestions[index]!.replace(/\s+/g, ' ')}`);
		expect(embed.description).not.toContain('Suggestion 3');
		const text = JSON.stringify(payload.embeds.map((e) => e.toJSON()));
		expect(text).not.toMatch(/%|🔴|confidence|👍/i);
		const [numbers, why] = payload.components.map((row) => row.toJSON());
		expect((numbers!.components as { label: string; custom_id: string }[]).map((b) => [b.label, b.custom_id])).toEqual([
			['1', 'dym:abc:0'],
			['2', 'dym:abc:1'],
			['3', 'dym:abc:2'],
		]);
		// A refusal can be voted on too: 👎 says it should have been answered.
		expect((why!.components as { custom_id: string; label?: string }[]).map((b) => [b.custom_id, b.label])).toEqual([
			['vote:abc:up', undefined],
			['vote:abc:down', 'Should have been answered'],
			['why:abc', 'Why? (moderators)'],
		]);
		expect(embed.footer?.text).toMatch(/👎 if this should have been answered/);
		expect(payload.components).toHaveLength(2);
		expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
	});

	test('GIVEN a refusal with nothing close THEN it says so plainly, with the votes and the moderators\' button', () => {
		const payload = answerPayload(base, 'abc', null);
		expect(payload.embeds[0]!.toJSON().description).toMatch(/don't answer this, and nothing in them comes close/);
		expect(payload.components.map((row) => row.toJSON().components.map((c) => ('custom_id' in c ? c.custom_id : '')))).toEqual([['vote:abc:up', 'vote:abc:down', 'why:abc']]);
	});

	test('GIVEN no answer id (the store failed) THEN a refusal has no buttons and points to no votes', () => {
		const payload = answerPayload(base, null, null);
		expect(payload.components).toEqual([]);
		expect(payload.embeds[0]!.toJSON().footer?.text).toBe('Answers come only from the documents.');
	});

	test('GIVEN a follow-up read with the conversation\'s words THEN the footer says how it was asked, above the usual line', () => {
		const payload = answerPayload({ ...base, answered: true, answer: 'Askar Shakirov, Commissioner for Human Rights.', confidence: 0.9, askedAs: 'who is Askar Shakirov?' }, 'abc', null);
		expect(payload.embeds[0]!.toJSON().footer?.text).toBe('Asked as: who is Askar Shakirov?\nAnswers come only from the documents. Use 👍/👎 to tell moderators how it did.');
		expect(answerPayload({ ...base, askedAs: 'who is Askar Shakirov?' }, 'abc', null, 'ru').embeds[0]!.toJSON().footer?.text).toMatch(/^Понято как: who is Askar Shakirov\?\n/);
	});

	test('GIVEN two sentences of one document and one of another THEN each document once, its lines together, dates beside, https sources as link buttons', () => {
		const kb = {
			documents: [
				{ id: 'report', title: 'Annual report', source: 'https://example.org/report-2024', date: '2024-03-01' },
				{ id: 'news', title: 'A news article', source: 'News article (seed document)' },
				{ id: 'plain', title: 'Plain http', source: 'http://example.org/x' },
			],
		} as unknown as KnowledgeBase;
		const sources = [
			{ document: 'report', line: 13, text: 'b' },
			{ document: 'report', line: 12, text: 'a' },
			{ document: 'news', line: 4, text: 'c' },
			{ document: 'plain', line: 2, text: 'd' },
		];
		const payload = answerPayload({ ...base, answered: true, confidence: 0.9, sources, factIds: ['report:12:0'] }, 'abc', kb);
		const field = payload.embeds[0]!.toJSON().fields!.find((f) => f.name === 'Sources')!;
		expect(field.value.split('\n')).toEqual([
			'• Annual report (`report`, lines 12 and 13) · 2024-03-01',
			'• A news article (`news`, line 4) · News article (seed document)',
			'• Plain http (`plain`, line 2) · http://example.org/x',
		]);
		const links = payload.components.map((row) => row.toJSON()).at(-1)!.components as { style: number; url: string; label: string; custom_id?: string }[];
		expect(links).toEqual([{ type: 2, style: 5, url: 'https://example.org/report-2024', label: 'Source: Annual report' }]);
		expect(payload.embeds[0]!.toJSON().footer!.text).toMatch(/👍\/👎/);
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
		// Never shown as certain: a retrieved sentence is not (the top bin is right fewer than 90 times in 100).
		[{ answered: true, confidence: 0.996 }, '🟢 High confidence (99%)'],
		[{ answered: true, confidence: 1 }, '🟢 High confidence (99%)'],
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
