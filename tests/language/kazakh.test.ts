import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { knowledgeBaseOf, knowledgeFolder } from '../helpers.ts';
import { kazakhPersonNames, kazakhQuestionsFrom, kazakhStem, kazakhSubject, onRussianKeyboard } from '../../src/language/kazakh.ts';
import { words } from '../../src/search/analyze.ts';
import { ConceptMatcher } from '../../src/search/concepts.ts';
import { expectationOf } from '../../src/search/expectation.ts';

describe('Kazakh suffix stripper', () => {
	it.each([
		['құқықтары', 'құқық'],
		['құқығын', 'құқық'],
		['балалардың', 'бала'],
		['форумға', 'форум'],
		['ұйымдармен', 'ұйым'],
		['омбудсменге', 'омбудсмен'],
		['мүшесі', 'мүше'],
		['үйде', 'үй'],
		['елдің', 'ел'],
		['партияның', 'партия'],
		['шағымдар', 'шағым'],
		// Stems that end like an ending keep it: one slot is stripped once.
		['шағым', 'шағым'],
		['адам', 'адам'],
		['уәкіл', 'уәкіл'],
		['тәуелсіздік', 'тәуелсіздік'],
		['заң', 'заң'],
		['қазақстан', 'қазақстан'],
		['қазақстанның', 'қазақстан'],
	])('%j → %j, spelled as on a Russian keyboard', (word, stem) => {
		expect(kazakhStem(word)).toBe(onRussianKeyboard(stem));
	});

	it.each([
		['әкімдікке', 'акимдикке'],
		['көмек', 'комек'],
		['шағымдардың', 'шагымдардын'],
		['құқығын', 'кукыгын'],
	])('gives %j and %j, typed without the Kazakh letters, one stem', (written, typed) => {
		expect(kazakhStem(typed)).toBe(kazakhStem(written));
	});

	it('leaves a short word whose end only looks like a case ending: "ата", "ана", "оны"', () => {
		expect(['ата', 'ана', 'оны'].map(kazakhStem)).toEqual(['ата', 'ана', 'оны']);
	});

	it('finds the lexicon\'s "қонақ үй" (hotel) in "қонақ үйде"', () => {
		const matcher = new ConceptMatcher([['hotel', 'қонақ үй']]);
		expect(matcher.match(words('форум қай қонақ үйде өтті', 'kk'))).toEqual([{ concept: '~0', start: 2, end: 4 }]);
	});

	it('stems a Kazakh word by its letters whatever the text, and a Russian-keyboard one in Kazakh text', () => {
		expect(words('балалардың')[0]!.stem).toBe('бала');
		expect(words('балалардын', 'kk')[0]!.stem).toBe('бала');
		expect(onRussianKeyboard('қонақ үй')).toBe('конак уй');
	});

	it('skips function and question words, typed either way', () => {
		expect(words('омбудсмен сот шешімін өзгерте ала ма', 'kk').filter((w) => w.isStopword).map((w) => w.surface)).toEqual(['ала', 'ма']);
		expect(words('кай', 'kk')[0]!.isStopword).toBe(true);
	});
});

describe('Kazakh question kinds', () => {
	it.each([
		['кездесуде қазақстан атынан кім болды', 'agent'],
		['қашан қабылданды', 'date'],
		['қай жылы құрылды', 'date'],
		['қанша шағым түсті', 'number'],
		['неше жылға сайланады', 'duration'],
		['форум қайда өтті', 'place'],
		['кай конак уйде отти', 'place'],
		['неге тәуелсіз', 'reason'],
	])('%j asks for %s', (question, kind) => {
		expect(expectationOf(question, 'kk').kind).toBe(kind);
	});
});

describe('Kazakh follow-up rules', () => {
	it.each([
		['19-шы жыл сайынғы форум қайда өтті?', '19-шы жыл сайынғы форум'],
		['Кездесу қашан болды?', 'Кездесу'],
		['Қазақстан форумға қашан мүше болды?', 'Қазақстан форумға'],
		['ол кім?', undefined],
	])('kazakhSubject(%j) → %j', (question, subject) => {
		expect(kazakhSubject(question)).toBe(subject);
	});

	it('finds people by Russian-style and "-ұлы" surnames, not a body in the genitive', () => {
		const names = kazakhPersonNames;
		expect(names('Адам құқықтары жөніндегі уәкіл Серік Жұмабекұлы баяндама жасады.')).toEqual(['Серік Жұмабекұлы']);
		expect(names('Уәкіл Айгүл Сәрсенованың айтуынша, шағымдар көбейді.')).toEqual(['Айгүл Сәрсенованың']);
		expect(names('Меморандум Управлением Верховного комиссара.')).toEqual([]);
	});
});

describe('questions made from a Kazakh sentence', () => {
	it.each([
		[
			'Уәкіл Айгүл Сәрсенова 2022 жылы Алматыда балалар үйлерін тексерді.',
			['Айгүл Сәрсенова кім?', 'Уәкіл Айгүл Сәрсенова қашан Алматыда балалар үйлерін тексерді?', 'Уәкіл Айгүл Сәрсенова 2022 жылы қайда балалар үйлерін тексерді?'],
		],
		['Комиссияға 530 өтініш келіп түсті.', ['Комиссияға қанша өтініш келіп түсті?']],
		['Омбудсмен жеті жылға тағайындалады.', ['Омбудсмен қанша жылға тағайындалады?']],
		// A surname in the genitive is no name to ask "кім?" of as it stands.
		['Уәкіл Айгүл Сәрсенованың айтуынша, шағымдар көбейді.', []],
	])('%j → %j', (sentence, questions) => {
		expect(kazakhQuestionsFrom(sentence)).toEqual(questions);
	});

	it('GIVEN a Kazakh note THEN the engine answers each question made from a sentence with that very sentence', async () => {
		const note = [
			'Уәкіл Серік Жұмабекұлы 2023 жылы парламентке жыл сайынғы баяндама жасады.',
			'Өткен жылы уәкілге 2400 шағым түсті.',
			'Уәкіл Женевада БҰҰ өкілдерімен кездесті.',
			'Уәкіл бес жылға сайланады.',
		].join('\n');
		const kb = await knowledgeBaseOf(knowledgeFolder({ 'note.md': `---\ntitle: Уәкіл баяндамасы\nlanguage: kk\n---\n${note}\n` }));
		const made = kb.facts.flatMap((fact) => kazakhQuestionsFrom(fact.standalone).map((question) => ({ question, fact })));
		expect(made.length).toBeGreaterThanOrEqual(5);
		for (const { question, fact } of made) expect(answer(question, kb).factIds, question).toContain(fact.id);
	});
});

describe('Kazakh counts and sums asked for', () => {
	it.each([
		['балалар үйінде неше психолог бар', 'number'],
		['уәкілдің жалақысы қандай', 'number'],
		['уакилдин жалакысы кандай', 'number'],
		// "қандай" alone asks no number: here a year.
		['кандай жылы курылды', 'date'],
		['қандай жылы құрылды', 'date'],
	] as const)('GIVEN %j THEN it asks for a %s', (question, kind) => {
		expect(expectationOf(question, 'kk').kind).toBe(kind);
	});

	it('GIVEN a count in words ("екі психолог") THEN it answers "неше психолог", as a count in digits does', async () => {
		const kb = await knowledgeBaseOf(knowledgeFolder({ 'home.md': '---\ntitle: Балалар үйі\nlanguage: kk\n---\nБалалар үйінде 63 бала тұрады.\nБалалар үйінде екі психолог жұмыс істейді.\n' }));
		const result = answer('балалар үйінде неше психолог жұмыс істейді', kb, { explain: true });
		expect(result.explain!.candidates[0]!.text).toMatch(/екі психолог/);
		expect(result.explain!.candidates[0]!.features.valueMissing).toBe(0);
	});
});
