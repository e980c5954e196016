import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ZodError } from 'zod';
import type { KnowledgeBase } from '../../src/answering/index.ts';
import { readQuestion } from '../../src/search/query.ts';
import { rankFacts, type RankedFact } from '../../src/search/rankFacts.ts';
import { FEATURE_NAMES, type FeatureName, type Features } from '../../src/verify/features.ts';
import { MODEL_FILE, parseModel, shippedModel } from '../../src/verify/model.ts';
import { candidateFeatures, contributionsOf, marginOf, rankSharesOf, verify } from '../../src/verify/verify.ts';
import { knowledgeBaseOf, knowledgeFolder, PROJECT_KNOWLEDGE } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);

/**
 * Sentences written so that one word decides a feature. Each date-less sentence stands alone in its document,
 * so no dated neighbour can serve as its companion.
 */
const controlled = await knowledgeBaseOf(
	knowledgeFolder({
		'office.txt': 'The office opened in 2009 in the capital.\n',
		'branch.txt': 'The office opened a branch in the northern town of Lakeby.\n',
		'regions.txt': [
			'Ostmark is a small region of Valdoria, with many hills and rivers.',
			'Sudmark is the smallest region of Valdoria, with many lakes and farms.',
			'Nordmark is the largest region of Valdoria, with many lakes.',
			'',
		].join('\n'),
		'report.txt': 'The annual report must exclude every complaint withdrawn by the member.\nThe annual report must include every complaint received by the office.\n',
	}),
);

interface Judged {
	candidates: RankedFact[];
	features: Features[];
}

/** The question's candidates and their features, as the engine computes them. */
function judge(base: KnowledgeBase, text: string): Judged {
	const read = readQuestion(text, base.index, base.options);
	const candidates = rankFacts(base.index, read, base.options, base.options.candidates);
	return { candidates, features: candidateFeatures(text, read, base.index, base.values, candidates) };
}

/** The features of the candidate whose text holds `phrase`; fails the test when no candidate does. */
function featuresFor(base: KnowledgeBase, text: string, phrase: string): Features {
	const { candidates, features } = judge(base, text);
	const at = candidates.findIndex((c) => c.fact.text.toLowerCase().includes(phrase.toLowerCase()));
	if (at < 0) throw new Error(`no candidate of "${text}" holds "${phrase}": ${candidates.map((c) => c.fact.text).join(' | ')}`);
	return features[at]!;
}

/** Two institutions' articles: each sentence earns its document's subject ("Таврия", "Велесия") without saying it. */
const institutions = await knowledgeBaseOf(
	knowledgeFolder({
		'tavria.md': '---\ntitle: Доклад уполномоченного Республики Таврия\nlanguage: ru\n---\nУполномоченный по правам человека Республики Таврия представил доклад.\nУполномоченного избирает Народное собрание тайным голосованием.\nУполномоченный посещает тюрьмы без предупреждения.\n',
		'velesia.md': '---\ntitle: Доклад уполномоченного Республики Велесия\nlanguage: ru\n---\nУполномоченный рассматривает жалобы граждан.\n',
	}),
);

describe('ownCoverage: the question weight held in the fact’s own words, its document’s subject left out', () => {
	test('GIVEN a sentence holding every word but the subject THEN all of it, though its coverage in its own words is not', () => {
		const features = featuresFor(institutions, 'кто избирает уполномоченного таврии', 'избирает');
		expect(features.ownCoverage).toBe(1);
		expect(features.directCoverage).toBeLessThan(1);
	});

	test('GIVEN a sibling sentence holding the office and the republic’s name THEN far less: the subject tells them nothing apart', () => {
		const features = featuresFor(institutions, 'кто избирает уполномоченного таврии', 'представил доклад');
		expect(features.ownCoverage).toBeLessThan(0.5);
		expect(features.directCoverage).toBeGreaterThan(features.ownCoverage);
	});
});

const bases = { shipped: kb, controlled } as const;
type Row = [base: keyof typeof bases, question: string, phrase: string, expected: number];

/** One feature over rows of (knowledge, question, phrase naming the candidate, expected value). */
function featureTable(feature: FeatureName, what: string, rows: Row[]): void {
	describe(`${feature}: ${what}`, () => {
		test.each(rows)('GIVEN (%s) "%s" and the fact with "%s" THEN it is %d', (base, question, phrase, expected) => {
			expect(featuresFor(bases[base], question, phrase)[feature]).toBe(expected);
		});
	});
}

featureTable('negationMismatch', '1 when only one of a wh-question and its fact denies; never for a yes/no question', [
	['shipped', 'What is the ombudsman not allowed to do?', 'interference is forbidden', 1],
	['shipped', 'What can the ombudsman adjudicate on?', 'cannot adjudicate', 1],
	['shipped', 'What is the ombudsman not allowed to do?', 'not allowed to participate', 0],
	['shipped', 'Can the ombudsman adjudicate on decisions outside the judiciary system?', 'cannot adjudicate', 0],
	['shipped', 'Is the ombudsman not independent?', "ensured the ombudsman's independence", 0],
]);

featureTable('constraintsMissing', '1 when the fact lacks a number, year or ordinal the question states', [
	['shipped', 'What happened at the 20th annual forum?', '19th annual forum', 1],
	['shipped', 'What was the mandate expanded with in 2013?', 'mandate of the commissioner', 1],
	['shipped', 'What happened at the 19th annual forum?', '19th annual forum', 0],
	['shipped', 'What was the mandate expanded with in 2013?', 'in 2013, the law', 0],
]);

featureTable('valueMissing', 'a "when" needs a date the question does not already state', [
	['controlled', 'When did the office open?', 'opened in 2009', 0],
	['shipped', 'When was the mandate expanded?', 'expanded in 2008', 0],
	['controlled', 'When did the office open?', 'branch', 1],
	['controlled', 'When did the office open a branch?', 'branch', 1],
	// The question's own year is no answer to it.
	['controlled', 'When did the office open in 2009?', 'opened in 2009', 1],
	['shipped', 'When was the mandate expanded in 2008?', 'expanded in 2008', 1],
]);

featureTable('nameWordsMissing', 'counts the names the question asks about that the fact does not name', [
	['shipped', 'Did Askar Shakirov represent India at the meeting?', 'represented Kazakhstan at the meeting', 1],
	['shipped', 'Did Askar Shakirov represent India at the meeting?', 'Commission of India', 2],
	['shipped', 'Did India and Astana host the meeting?', 'Commission of India', 1],
	['shipped', 'Who represented Kazakhstan at the meeting?', 'represented Kazakhstan at the meeting', 0],
]);

featureTable('antonymInFact', '1 when the fact says the opposite of a question word instead of the word', [
	['controlled', 'Is Ostmark a large region of Valdoria with hills and rivers?', 'small region', 1],
	['controlled', 'Is Ostmark the largest region of Valdoria with hills and rivers?', 'small region', 1],
	['controlled', 'Is Sudmark the largest region of Valdoria with lakes and farms?', 'smallest region', 1],
	['controlled', 'Must the annual report include every complaint withdrawn by the member?', 'exclude every complaint', 1],
	['controlled', 'Is Nordmark the largest region of Valdoria with many lakes?', 'largest region', 0],
	['controlled', 'Must the annual report include every complaint received by the office?', 'include every complaint', 0],
	['shipped', 'Is the ombudsman independent?', 'is independent', 0],
]);

describe('unknownShare: the weight of the question words no document holds', () => {
	test.each<[string, 'positive' | 'zero']>([
		['Who represented Germany at the meeting?', 'positive'],
		['How many employees work at the Leela Palace Hotel?', 'positive'],
		['Who represented Kazakhstan at the meeting?', 'zero'],
		['Is the ombudsman independent?', 'zero'],
	])('GIVEN "%s" THEN every candidate has a %s share', (question, sign) => {
		const read = readQuestion(question, kb.index, kb.options);
		const { candidates, features } = judge(kb, question);
		expect(candidates.length).toBeGreaterThan(0);
		const total = read.terms.reduce((sum, t) => sum + t.weight, 0);
		const unknown = read.terms.filter((t) => !t.known).reduce((sum, t) => sum + t.weight, 0);
		for (const f of features) {
			expect(f.unknownShare).toBeCloseTo(unknown / total, 12);
			if (sign === 'zero') expect(f.unknownShare).toBe(0);
			else expect(f.unknownShare).toBeGreaterThan(0);
		}
	});
});

describe('coverage: the share of the question the fact holds', () => {
	test.each<[keyof typeof bases, string]>([
		['shipped', 'Who represented Kazakhstan at the meeting?'],
		['shipped', 'Did Askar Shakirov represent India at the meeting?'],
		['shipped', 'What happened at the 20th annual forum?'],
		['controlled', 'Which region of Valdoria has many lakes and farms?'],
	])('GIVEN (%s) "%s" THEN every candidate’s coverage is within [0, 1]', (base, question) => {
		const { features } = judge(bases[base], question);
		expect(features.length).toBeGreaterThan(0);
		for (const f of features) {
			expect(f.coverage).toBeGreaterThanOrEqual(0);
			expect(f.coverage).toBeLessThanOrEqual(1);
		}
	});

	test.each<[keyof typeof bases, string, string, string]>([
		['controlled', 'Which region of Valdoria has many lakes and farms?', 'lakes and farms', 'Nordmark'],
		['shipped', 'Who represented Kazakhstan at the meeting?', 'represented Kazakhstan at the meeting', 'Commission of India'],
	])('GIVEN (%s) "%s" THEN the fact with "%s" covers more than the one with "%s"', (base, question, fuller, thinner) => {
		expect(featuresFor(bases[base], question, fuller).coverage).toBeGreaterThan(featuresFor(bases[base], question, thinner).coverage);
	});
});

describe('rankSharesOf: each candidate’s share of the ranker’s belief, as a log', () => {
	test('GIVEN logits THEN the shares are their softmax, and sum to one', () => {
		const logits = [2, 1, -1];
		const shares = rankSharesOf(logits).map(Math.exp);
		expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		expect(shares[0]! / shares[1]!).toBeCloseTo(Math.E, 12);
	});

	test('GIVEN a lone candidate THEN it has all of it, whatever its logit', () => {
		expect(rankSharesOf([-7])).toEqual([0]);
	});

	test('GIVEN every logit moved by one amount THEN no share changes (what all candidates share says nothing)', () => {
		expect(rankSharesOf([3, 2, 0])[1]).toBeCloseTo(rankSharesOf([-1, -2, -4])[1]!, 12);
	});
});

describe('marginOf: a candidate’s lead over the best of the others', () => {
	test.each<[number[], number, number]>([
		[[5, 2, 1], 0, 3],
		[[5, 2, 1], 1, -3],
		[[5, 2, 1], 2, -4],
		[[-1, -4], 0, 3],
		[[-1, -4], 1, -3],
		[[], 0, 0],
	])('GIVEN logits %j THEN the margin at %d is %d', (logits, at, expected) => {
		expect(marginOf(logits, at)).toBe(expected);
	});

	test.each([[0], [3.5], [-2]])('GIVEN a lone candidate with logit %d THEN it has no lead: one fact is weak retrieval, not a clear choice', (logit) => {
		expect(marginOf([logit], 0)).toBe(0);
	});
});

describe('the model: a verdict explains itself', () => {
	const model = shippedModel();
	const regime = model.regimes.curated;
	test.each([
		'Who represented Kazakhstan at the meeting?',
		'When was the mandate expanded?',
		'Did Askar Shakirov represent India at the meeting?',
		'How many employees work at the Leela Palace Hotel?',
		'Is the ombudsman not independent?',
	])('GIVEN "%s" THEN each verdict’s contributions sum to its logit and its probability is the logit’s sigmoid', (question) => {
		const read = readQuestion(question, kb.index, kb.options);
		const candidates = rankFacts(kb.index, read, kb.options, kb.options.candidates);
		const verification = verify(model, regime, question, read, kb.index, kb.values, candidates);
		expect(verification.verdicts).toHaveLength(candidates.length);
		expect(verification.verdicts.length).toBeGreaterThan(0);
		const probabilities = verification.verdicts.map((v) => v.probability);
		expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
		const logits = verification.verdicts.map((v) => v.rankLogit).sort((a, b) => b - a);
		expect(verification.margin).toBe(marginOf(logits, 0));
		for (const verdict of verification.verdicts) {
			const contributions = contributionsOf(model, regime, verdict);
			const sum = Object.values(contributions).reduce((a, b) => a + b, 0);
			expect(Math.abs(sum - verdict.logit)).toBeLessThan(1e-9);
			expect(Object.keys(contributions).sort()).toEqual(['bias', ...model.features, 'rankLogit', 'rankShare'].sort());
			expect(verdict.probability).toBe(1 / (1 + Math.exp(-verdict.logit)));
		}
		expect(verification.confidence).toBe(verification.verdicts[0]!.probability);
	});
});

describe('parseModel: rejects a model that does not fit together', () => {
	const shippedJson = () => JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as Record<string, any>;

	test('GIVEN the shipped model THEN it parses and names only known features', () => {
		const model = parseModel(shippedJson());
		expect(model.features.every((name) => (FEATURE_NAMES as readonly string[]).includes(name))).toBe(true);
	});

	const lengths = /differ in length/;
	test.each<[string, (m: Record<string, any>) => void, RegExp | typeof ZodError]>([
		['a curated answer weight short', (m) => m.regimes.curated.answer.weights.pop(), lengths],
		['a curated step on an unknown input', (m) => (m.regimes.curated.answer.stumps[0].input = 'shoeSize'), ZodError],
		['a generic step without a threshold', (m) => delete m.regimes.generic.answer.stumps[0].threshold, ZodError],
		['a ranker weight extra', (m) => m.regimes.generic.ranker.weights.push(0), lengths],
		['a feature dropped', (m) => m.features.pop(), lengths],
		['a mean short', (m) => m.regimes.curated.mean.pop(), lengths],
		['an unknown feature', (m) => (m.features[0] = 'shoeSize'), ZodError],
		['a zero scale', (m) => (m.regimes.curated.scale[0] = 0), ZodError],
	])('GIVEN %s THEN it throws', (_what, spoil, expected) => {
		const data = shippedJson();
		spoil(data);
		expect(() => parseModel(data)).toThrow(expected);
	});
});

const russian = await knowledgeBaseOf(
	knowledgeFolder({
		'report.md': '---\ntitle: Доклад\nlanguage: ru\n---\nВересов окончил юридический факультет Вельского университета в 1990 году.\nВересов окончил курсы медиаторов в Тарнове.\n',
	}),
);

describe('askedNounMissing in Russian: "какой университет" asks for a university', () => {
	test.each([
		['какой университет окончил вересов', 'университета', 0],
		['какую академию окончил вересов', 'университета', 1],
		['в каком году окончил вересов', 'университета', 0],
	])('GIVEN %j THEN the fact with %j has askedNounMissing %i (a noun of a date, "году", asks for no noun)', (question, phrase, missing) => {
		expect(featuresFor(russian, question, phrase).askedNounMissing).toBe(missing);
	});
});
