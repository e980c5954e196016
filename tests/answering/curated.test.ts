import { describe, expect, test } from 'vitest';
import { answer, buildKnowledgeBase } from '../../src/answering/index.ts';
import { CURATED_CONFIDENCE, curatedMatch, groupNearDuplicates, questionKey, sameQuestion } from '../../src/answering/curated.ts';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.ts';
import { shippedModel } from '../../src/verify/model.ts';
import { formatExplanation } from '../../src/cli/format.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';

const same = (a: string, b: string) => sameQuestion(questionKey(a), questionKey(b));

/** Two wordings of one question each, as people type them: chat spellings, typos, punctuation, word order, an added word. */
const PARAPHRASES: [string, string][] = [
	['whats the ombudsmans salary??', "What is the ombudsman's salary?"],
	['who represented kazakhstan', 'Who represented Kazakhstan?'],
	['Who represented Kazakhstan at the meeting?', 'who represented kazakhstan at the meeting??'],
	['when did kazakhstan join the apf', 'When did Kazakhstan join the APF?'],
	['where was the forum held', 'Where was the forum held?!'],
	['wher was the forum held', 'where was the forum held'],
	['wich hotel hosted the forum', 'Which hotel hosted the forum?'],
	['what hotel hosted the forum', 'which hotel hosted the forum'],
	['who was the meeting hosted by', 'The meeting was hosted by who?'],
	['hey, quick question: who represented kazakhstan at the meeting', 'Who represented Kazakhstan at the meeting?'],
	['What is the mandate of the ombudsman?', "what is the ombudsman's mandate"],
	['whats the ombudsmans mandate', 'What is the mandate of the ombudsman'],
	['how long is the ombudsman term', 'How long is the term of the ombudsman?'],
	['wen was the law adopted', 'When was the law adopted?'],
	['when was the national preventive mechanism law adopted', 'When was the National Preventive Mechanism law adopted?'],
	['is the ombudsman independent', 'Is the ombudsman independent?'],
	['can the ombudsman join a political party', 'Can the ombudsman join a political party?'],
	['who appoints the ombudsman', 'Who appoints the ombudsman?'],
	['what complaints does the ombudsman receive', 'What complaints does the ombudsman receive?'],
	['What complaints does the ombudsman recieve?', 'what complaints does the ombudsman receive'],
	['what is the ombudsmen salary', "What is the ombudsman's salary?"],
	['what is the ombudsman salery', "What is the ombudsman's salary?"],
	['which organisations does the ombudsman cooperate with', 'Which organisations does the ombudsman cooperate with?'],
	['Who chairs the Supreme Court?', 'who chairs the supreme court'],
	['how many days does the forum council last', 'How many days does the forum council last?'],
	['What did Shakirov say about independence?', 'what did shakirov say about independence'],
	['what did shakirov say about the independence of the office', 'What did Shakirov say about the office independence?'],
	['who coordinates the national preventive mechanism', 'Who coordinates the National Preventive Mechanism?'],
	['What kind of member is Kazakhstan?', 'what type of member is kazakhstan'],
	['when was the working group for prevention of torture created', 'When was the Working Group for the Prevention of Torture created?'],
	["who is kazakhstan's ombudsman", 'Who is the ombudsman of Kazakhstan?'],
];

/** Pairs that share most words but ask something else: another question word, tense, modal, negation, name or subject. */
const DIFFERENT: [string, string][] = [
	["What is the ombudsman's salary?", "What is the ombudsman's term of office?"],
	['Who appointed the ombudsman?', 'When was the ombudsman appointed?'],
	['Who hosted the forum?', 'Where was the forum hosted?'],
	['Can the ombudsman join a political party?', 'Did the ombudsman join a political party?'],
	['Can the ombudsman be dismissed?', 'Was the ombudsman dismissed?'],
	['Is the ombudsman independent?', 'Is the ombudsman not independent?'],
	["What is the ombudsman's salary in Kordania?", "What is the ombudsman's salary in Miroslavia?"],
	['Who represented Kazakhstan?', 'Who represented India?'],
	['When did Kazakhstan join the APF?', 'When did India join the APF?'],
	['Where was the 19th forum held?', 'Where was the 20th forum held?'],
	['What is the mandate of the ombudsman?', 'What is the mandate of the commission?'],
	['How long is the term?', 'How long is the meeting?'],
	['Who chairs the Supreme Court?', 'Who chairs the forum council?'],
	['What complaints does the ombudsman receive?', 'What complaints does the ombudsman reject?'],
	['When was the law adopted?', 'When was the law repealed?'],
	['What did Shakirov say about independence?', 'What did Shakirov say about cooperation?'],
	['Why is the ombudsman independent?', 'Is the ombudsman independent?'],
	['How many members does the forum have?', 'How many members does the council have?'],
	['Which hotel hosted the forum?', 'Which city hosted the forum?'],
	['Who should receive complaints?', 'Who receives complaints?'],
	["What is the ombudsman's salary?", 'What is the deputy ombudsman salary?'],
	['Who is the ombudsman?', 'Who was the ombudsman?'],
	['When was the working group created?', 'When was the working group dissolved?'],
	['What is the annual report?', 'What is the annual budget?'],
	['Who coordinates the preventive mechanism?', 'Who funds the preventive mechanism?'],
	['Where is the representative office?', 'Where is the head office?'],
	['What kind of member is Kazakhstan?', 'What kind of member is India?'],
	['Can the ombudsman adjudicate court decisions?', 'Can the ombudsman appeal court decisions?'],
	['How long does the forum council last?', 'How long does the forum last?'],
	['who?', 'what?'],
	['who got elected ombudsman in corvania', 'who elects the ombudsman of corvania'],
	['how many complaints did the ombudsman handle last year', 'how many complaints did the ombudsman handle the year before last'],
	['Above what depth does the ice flow?', 'Below what depth does the ice flow?'],
	['How much less water does drip irrigation use?', 'How much more water does drip irrigation use?'],
	["who is the country's human rights defender", "who elects the country's human rights defender"],
	['who is on the working group', 'who created the working group'],
	['When was the law on the preventive mechanism adopted?', 'When was the preventive mechanism law adopted in Kazakhstan?'],
];

describe('the curated-question rule', () => {
	test.each(PARAPHRASES)('GIVEN "%s" and "%s" THEN they ask the same question', (a, b) => {
		expect(same(a, b)).toBe(true);
		expect(same(b, a)).toBe(true);
	});

	test.each(DIFFERENT)('GIVEN "%s" and "%s" THEN they do not', (a, b) => {
		expect(same(a, b)).toBe(false);
		expect(same(b, a)).toBe(false);
	});

	test('GIVEN the pairs above THEN the documented confidence is no more than the rule is measured to deserve', () => {
		// Of the pairs the rule matches, how many truly ask the same question (Laplace's rule of succession).
		const matched = [...PARAPHRASES.map((p) => [p, true] as const), ...DIFFERENT.map((p) => [p, false] as const)].filter(([[a, b]]) => same(a, b));
		const right = matched.filter(([, truly]) => truly).length;
		expect((right + 1) / (matched.length + 2)).toBeGreaterThanOrEqual(CURATED_CONFIDENCE);
		for (const regime of Object.values(shippedModel().regimes)) expect(CURATED_CONFIDENCE).toBeGreaterThanOrEqual(regime.threshold);
	});

	test('GIVEN wordings in any order THEN near-duplicates are grouped under the first, and each group keeps its order', () => {
		const gaps = ["What is the ombudsman's salary?", 'Who appointed the ombudsman?', 'whats the ombudsmans salary??', 'When was the ombudsman appointed?', 'what is the ombudsman salery', 'who appointed the ombudsman'];
		expect(groupNearDuplicates(gaps, (q) => q)).toEqual([
			["What is the ombudsman's salary?", 'whats the ombudsmans salary??', 'what is the ombudsman salery'],
			['Who appointed the ombudsman?', 'who appointed the ombudsman'],
			['When was the ombudsman appointed?'],
		]);
	});
});

describe('curated questions in answer()', () => {
	async function withCurated(question: string, sentence: RegExp) {
		const base = await knowledgeBaseOf(PROJECT_KNOWLEDGE);
		const fact = base.facts.find((f) => sentence.test(f.text))!;
		const kb = await buildKnowledgeBase(PROJECT_KNOWLEDGE, { ...(await loadKnowledge(PROJECT_KNOWLEDGE)), curated: [{ question, factId: fact.id }] });
		return { base, kb, fact };
	}

	test('GIVEN a question the documents alone do not answer, linked by a moderator THEN it and a near-duplicate get the linked fact', async () => {
		const { base, kb, fact } = await withCurated('What does the ombudsman lose?', /renounce their political party membership/);
		expect(answer('What does the ombudsman lose?', base).answered).toBe(false);
		for (const wording of ['What does the ombudsman lose?', 'what does the ombudsmen lose??']) {
			const result = answer(wording, kb);
			expect(result).toMatchObject({ answered: true, confidence: CURATED_CONFIDENCE, question: wording });
			expect(result.factIds).toContain(fact.id);
			expect(result.sources.map((s) => s.line)).toContain(fact.line);
		}
	});

	test('GIVEN a clearly different question THEN the curated link does not decide it', async () => {
		const { kb, fact } = await withCurated("What is the ombudsman's salary?", /renounce their political party membership/);
		expect(curatedMatch(kb, "What is the ombudsman's term of office?")).toBeUndefined();
		const result = answer('Who represented Kazakhstan at the meeting?', kb, { explain: true });
		expect(result.factIds).not.toContain(fact.id);
		expect(result.explain!.curated).toBeUndefined();
	});

	test('GIVEN --explain THEN the explanation says the curated question decided', async () => {
		const { kb, fact } = await withCurated("What is the ombudsman's salary?", /renounce their political party membership/);
		const result = answer('whats the ombudsmans salary??', kb, { explain: true });
		expect(result.explain).toMatchObject({ curated: { question: "What is the ombudsman's salary?" }, candidates: [{ document: fact.document, line: fact.line, probability: CURATED_CONFIDENCE }] });
		expect(formatExplanation(result.explain!)).toMatch(/^decided by the curated question "What is the ombudsman's salary\?"/);
	});

	test('GIVEN small talk THEN a curated question never captures it', async () => {
		// Linked as the very words of small talk: the link matches them, yet small talk is read first.
		const { kb } = await withCurated('What documents do you have?', /represented Kazakhstan/);
		expect(curatedMatch(kb, 'what documents do you have')).toBeDefined();
		expect(answer('what documents do you have', kb).smallTalk).toBe('documents');
		expect(answer('thanks!', kb).smallTalk).toBe('thanks');
	});
});
