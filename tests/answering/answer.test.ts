import { describe, expect, test } from 'vitest';
import { answer, loadKnowledgeBase } from '../../src/answering/index.ts';
import { UserError } from '../../src/errors.ts';
import { shippedModel } from '../../src/verify/model.ts';
import { shownFacts } from '../../src/answering/answer.ts';
import { readQuestion } from '../../src/search/query.ts';
import { rankFacts } from '../../src/search/rankFacts.ts';
import { knowledgeBaseOf, knowledgeFolder, PROJECT_KNOWLEDGE, twoInstitutions } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);
const two = await knowledgeBaseOf(twoInstitutions());

describe('answer: finds the fact however the question is typed', () => {
	const cases: [string, string, string][] = [
		['plain words', 'Where was the 19th annual forum held?', 'leela palace hotel'],
		['a misspelt keyword pair', 'politcal party membrship', 'political party membership'],
		['word forms', 'Is the commissioner independant?', 'independen'],
		['an abbreviation from the lexicon', 'What does the ombudsman coordinate in the NPM?', 'coordinator'],
		['a synonym from the lexicon', 'Does the human rights commissioner cooperate with the OIC?', 'organization of islamic cooperation'],
		['a keyword-only query', 'supreme court memorandum', 'memorandum'],
		['a question wrapped in small talk', 'hey all, long day here. Which year was the mandate widened? thanks!', '2008'],
		['a pronoun sentence found by the name it leans on', 'What did Askar Shakirov say about sharing experience with the region?', 'ready to share'],
	];
	for (const [how, question, expected] of cases) {
		test(`GIVEN ${how} THEN it answers with the right fact`, () => {
			const result = answer(question, kb);
			expect(result.answered).toBe(true);
			expect(result.answer.toLowerCase()).toContain(expected);
			expect(result.sources[0]).toMatchObject({ document: 'kazakhstan-joins-asia-pacific-forum', line: expect.any(Number) });
		});
	}
});

describe('answer: abstains when the documents do not say', () => {
	const unrelated = [
		'What is the tallest mountain in Europe?',
		'How do I reset my router password?',
		'qwertyuiop zxcvbnm',
		'What is the ombudsman’s monthly salary?',
		'How many employees work at the Leela Palace Hotel?',
		'🙂🙂🙂',
	];
	for (const question of unrelated) {
		test(`GIVEN "${question}" THEN it says so plainly and cites nothing`, () => {
			const result = answer(question, kb);
			expect(result.answered).toBe(false);
			expect(result.sources).toEqual([]);
			expect(result.answer).toMatch(/documents .*don't say/i);
		});
	}

	test('GIVEN an abstention THEN confidence is under the threshold and answered facts are over it', () => {
		const no = answer('Who won the cricket world cup?', kb);
		const yes = answer('Who hosted the meeting this year?', kb);
		expect(no.confidence).toBeLessThan(shippedModel().regimes.curated.threshold);
		expect(yes.confidence).toBeGreaterThanOrEqual(shippedModel().regimes.curated.threshold);
		expect(yes.confidence).toBeLessThanOrEqual(1);
	});

	test('GIVEN a near miss THEN "did you mean" offers the closest facts in full, and a suggestion asked in turn is answered', () => {
		const result = answer('When was the forum founded?', kb);
		expect(result.answered).toBe(false);
		expect(result.suggestions.length).toBeGreaterThan(0);
		expect(result.suggestions.length).toBeLessThanOrEqual(3);
		for (const suggestion of result.suggestions) expect(kb.facts.map((f) => f.standalone)).toContain(suggestion);
		// As the "did you mean" button does: the suggestion, asked as a question, answers with the fact it named.
		const followUp = answer(result.suggestions[0]!, kb);
		expect(followUp.answered).toBe(true);
		expect(kb.facts.filter((f) => followUp.factIds.includes(f.id)).map((f) => f.standalone)).toContain(result.suggestions[0]);
	});
});

test('GIVEN a "why" whose reason is in the sentence before THEN the candidate shows both, in order', () => {
	// What an answer on this candidate shows, whether or not the verifier is sure enough to answer.
	const question = 'Why is most attention given to the rights of children?';
	const candidates = rankFacts(kb.index, readQuestion(question, kb.index, kb.options), kb.options, kb.options.candidates);
	const withReason = candidates.find((c) => c.fact.text.includes('Thus, most of our attention'));
	expect(withReason?.companion?.text).toMatch(/The main sphere of our activity/);
	const shown = shownFacts(kb, withReason!);
	expect(shown.map((f) => f.standalone).join(' ')).toMatch(/^Askar Shakirov further said: The main sphere .* Thus, most of our attention/);
	expect(shown.map((f) => f.line)).toEqual([22, 22]);
});

/** The verifier's first choice, answered or not: what ranking alone must get right. */
function firstChoice(question: string, knowledgeBase: typeof kb): string {
	return answer(question, knowledgeBase, { explain: true }).explain!.candidates[0]!.text;
}

test('GIVEN the answer leans on the sentence before ("This ensured …") THEN both are shown, in order', () => {
	const result = answer('What ensured the independence of the ombudsman?', kb);
	// The document says "he": the name put in for it is marked, in the answer and in what it cites.
	expect(result.answer).toMatch(/not a part of any branch of government\. This, \[Askar Shakirov\] said, ensured/);
	expect(result.sources[1]!.text).toBe("This, [Askar Shakirov] said, ensured the ombudsman's independence in all aspects.");
	expect(result.sources).toHaveLength(2);
});

describe('answer: offices', () => {
	const folder = () =>
		knowledgeFolder(
			// The deputy's sentence comes first and is shorter: on words alone it would win.
			{ 'office.txt': 'The deputy ombudsman, Ivo Lind, leads the office.\nOmbudsman Anna Berg, who spent twenty years in the courts, leads the office and its staff.\n' },
			PROJECT_KNOWLEDGE,
		);

	test('GIVEN a question about the office THEN its deputy is not the answer', async () => {
		const { knowledgeBase } = await loadKnowledgeBase(folder());
		expect(answer('Who leads the office of the ombudsman?', knowledgeBase!).answer).toMatch(/Anna Berg/);
	});

	test('GIVEN a question about the deputy THEN the deputy is the answer', async () => {
		const { knowledgeBase } = await loadKnowledgeBase(folder());
		expect(answer('Who is the deputy ombudsman?', knowledgeBase!).answer).toMatch(/Ivo Lind/);
	});
});

describe('answer: many documents', () => {
	test('GIVEN a question naming the institution THEN the fact that only says "it" answers it', () => {
		const result = answer('Can the Valdorian ombudsman annul court rulings?', two);
		expect(result.answered).toBe(true);
		expect(result.sources[0]!.document).toBe('valdorian-ombudsman-office');
		expect(result.answer).toMatch(/cannot annul a court ruling/);
	});

	test('GIVEN a count question THEN the fact that counts that thing is the first choice', () => {
		expect(firstChoice('How many people does the Valdoria ombudsman office employ?', two)).toMatch(/employs 64 people/);
	});

	test('GIVEN a question about one institution and a name only another document mentions THEN it declines', () => {
		// Valdoria's article never mentions the forum; Kazakhstan's facts about it speak of another institution.
		const result = answer('Is the Ombudsman of Valdoria a member of the Asia Pacific Forum?', two);
		expect(result.answered).toBe(false);
	});

	test('GIVEN the headline repeats the name THEN it is not a fact that wins on the name', () => {
		expect(firstChoice('When was the Ombudsman of Valdoria founded?', two)).toMatch(/founded in 2009/);
	});
});

test('GIVEN typos THEN the right fact is the first choice', () => {
	expect(firstChoice('who represnted kazakstan at the forum', kb).toLowerCase()).toContain('askar shakirov');
});

describe('answer: bad input', () => {
	test.each(['', '   ', '\u0000\u0007'])('GIVEN %j THEN a UserError says the question is empty', (question) => {
		expect(() => answer(question, kb)).toThrow(UserError);
	});

	test('GIVEN a 10,000-character question THEN it is answered or declined without error', () => {
		const result = answer('Who represented Kazakhstan at the meeting? '.repeat(360), kb);
		expect(typeof result.answered).toBe('boolean');
		expect(result.question.length).toBeGreaterThan(1000);
	});

	test.each(['**bold** `code` > quote', '<@123456789012345678> @everyone who hosted', '\u202Eevil\u202C text'])('GIVEN markup %j THEN it does not throw', (question) => {
		expect(() => answer(question, kb)).not.toThrow();
	});
});
