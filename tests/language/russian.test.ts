import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { knowledgeBaseOf, knowledgeFolder, LORVANIA_REPORT, PROJECT_KNOWLEDGE } from '../helpers.ts';
import { cyrillicPersonNames, genderOfName, placeOfAdjective, russianPlaces, russianQuestionsFrom, RUSSIAN_STOPWORDS, russianSubject } from '../../src/language/russian.ts';
import { readSentences, splitCyrillicSentences } from '../../src/knowledge/sentences.ts';
import { stem, words } from '../../src/search/analyze.ts';
import { expectationOf, holdsConstraints } from '../../src/search/expectation.ts';

describe('Russian stemming (Snowball)', () => {
	it.each([
		['омбудсмена', 'омбудсмен'],
		['уполномоченного', 'уполномоченному'],
		['жалоба', 'жалобы'],
		['пытки', 'пытка'],
		['независимость', 'независимости'],
		['Казахстана', 'Казахстан'],
		['оскольскую', 'Оскольская'],
	])('%j and %j share a stem', (a, b) => {
		expect(words(a, 'ru')[0]!.stem).toBe(words(b, 'ru')[0]!.stem);
	});

	it('keeps й and folds ё, so the stemmer sees the word as written', () => {
		expect(words('новый ёлка', 'ru').map((w) => w.surface)).toEqual(['новый', 'елка']);
		expect(stem('новый', 'ru')).toBe('нов');
	});

	it('reads "2013м" and "2008г" as the numbers', () => {
		expect(words('в 2013м, в 2008г', 'ru').map((w) => w.surface)).toEqual(['в', '2013', 'в', '2008']);
	});

	it('skips function and question words', () => {
		expect(words('кто был от Казахстана на этой встрече', 'ru').filter((w) => !w.isStopword).map((w) => w.surface)).toEqual(['казахстана', 'встрече']);
		expect(RUSSIAN_STOPWORDS.has('омбудсмен')).toBe(false);
	});

	it('finds the place an adjective is made from', () => {
		expect(placeOfAdjective(stem('таврийский', 'ru'))).toBe(stem('таврии', 'ru'));
		expect(placeOfAdjective(stem('казахстанский', 'ru'))).toBe('казахстан');
		expect(placeOfAdjective(stem('омбудсмен', 'ru'))).toBeUndefined();
	});
});

describe('Russian question kinds', () => {
	it.each([
		['когда оскольскую избрали уполномоченным', 'date'],
		['в каком году появилась должность', 'date'],
		['сколько обращений поступило', 'number'],
		['скока голосов нужно', 'number'],
		['на сколько лет выбирают омбудсмена', 'duration'],
		['кто избирает уполномоченного', 'agent'],
		['как зовут председателя', 'agent'],
		['где находится представительство', 'place'],
		['почему омбудсмен независим', 'reason'],
		['может ли омбудсмен отменить решение суда', 'none'],
	])('%j asks for %s', (question, kind) => {
		expect(expectationOf(question, 'ru').kind).toBe(kind);
	});

	it('"сколько X" counts X', () => {
		expect(expectationOf('сколько всего обращений поступило', 'ru').counted).toBe(stem('обращений', 'ru'));
	});
});

describe('Russian sentences', () => {
	it.each([
		['В 2008 г. мандат был расширен. Он стал шире.', ['В 2008 г. мандат был расширен.', 'Он стал шире.']],
		['Жалобы касались пенсий, пособий и т.д. Их стало больше.', ['Жалобы касались пенсий, пособий и т.д.', 'Их стало больше.']],
		['Это, т.е. работа, важно. Так сказал А. С. Иванов по ст. 12 закона.', ['Это, т.е. работа, важно.', 'Так сказал А. С. Иванов по ст. 12 закона.']],
		['«Мы смогли помочь», — сказала она. «Это важно!» Да.', ['«Мы смогли помочь», — сказала она.', '«Это важно!»', 'Да.']],
	])('%j splits into %j', (text, sentences) => {
		expect(splitCyrillicSentences(text).map((p) => p.text)).toEqual(sentences);
	});

	it.each([
		['МИРГРАД, 12 марта. Уполномоченный представил доклад.', 'Мирград'],
		['ДОРН, 17 апреля 2026 г. — Механизм провел 63 посещения.', 'Дорн'],
		['ВЕЛЬСК, 4 февраля 2026 года. Совет избрал омбудсмена.', 'Вельск'],
		['АСТАНА, 3 наурыз 2025 ж. — Уәкіл баяндама жасады.', 'Астана'],
	])('%j: the dateline %j, with or without its year, is kept out of the first fact', (text, place) => {
		const { sentences, dateline } = readSentences([{ line: 1, text }], 'ru');
		expect(dateline).toBe(place);
		expect(sentences).toHaveLength(1);
		expect(sentences[0]!.text).toMatch(/^\p{Lu}\p{Ll}+ /u);
	});
});

describe('Russian and Kazakh constraints: a word that picks one of several', () => {
	it.each([
		['кто второй заместитель омбудсмена', 'ru', stem('второй', 'ru')],
		['кто был предыдущим уполномоченным', 'ru', stem('предыдущим', 'ru')],
		['сколько жалоб было в прошлом году', 'ru', stem('прошлом', 'ru')],
		['уәкілдің екінші орынбасары кім', 'kk', stem('екінші', 'kk')],
		['өткен жылы қанша шағым түсті', 'kk', stem('өткен', 'kk')],
	] as const)('%j (%s) must be matched by a fact that says %j too', (question, language, constraint) => {
		expect(expectationOf(question, language).constraints).toContain(constraint);
	});

	it('a cardinal in words or "прошлом" before no period is no constraint', () => {
		expect(expectationOf('за пять лет', 'ru').constraints).toEqual([]);
		expect(expectationOf('о прошлом омбудсмена', 'ru').constraints).toEqual([]);
	});

	it('a fact that states the ordinal in another case holds it', () => {
		const asked = expectationOf('кто второй заместитель', 'ru');
		expect(holdsConstraints(words('Вторым заместителем назначен Иванов.', 'ru').map((w) => w.stem), asked)).toBe(true);
		expect(holdsConstraints(words('Первым заместителем назначен Иванов.', 'ru').map((w) => w.stem), asked)).toBe(false);
	});
});

describe('Russian follow-up rules', () => {
	it.each([
		['Где проходил 19-й ежегодный форум?', '19-й ежегодный форум'],
		['На какой срок избирается уполномоченный Лорвании?', 'уполномоченный Лорвании'],
		['Когда состоялась встреча омбудсменов?', 'встреча омбудсменов'],
		['Кто возглавляет комиссию, созданную в 2008 году?', '2008 году'],
		['кто он?', undefined],
	])('russianSubject(%j) → %j', (question, subject) => {
		expect(russianSubject(question)).toBe(subject);
	});

	it.each([
		['Askar Shakirov', 'masculine'],
		['Дарина Оскольская', 'feminine'],
		['Aigul Shakirova', 'feminine'],
		['Эмиль Варецкий', 'masculine'],
		['Lina Osei', undefined],
	])('genderOfName(%j) → %j', (name, gender) => {
		expect(genderOfName(name)).toBe(gender);
	});

	it('finds the places a sentence names with their preposition, the sentence\'s capital "В" lowered', () => {
		expect(russianPlaces('В Вельграде открылся музей, а омбудсмен выступил на конференции в Женеве.')).toEqual(['в Вельграде', 'в Женеве']);
		expect(russianPlaces('В марте доклад представили в парламенте.')).toEqual([]);
	});

	it('finds a person after the office and country of one capitalised run, not a body', () => {
		expect(cyrillicPersonNames('Уполномоченный по правам человека Республики Лорвания Эмиль Варецкий в среду представил доклад.')).toEqual(['Эмиль Варецкий']);
		expect(cyrillicPersonNames('Меморандум с Управлением Верховного комиссара ООН.')).toEqual([]);
	});
});

describe('questions made from a Russian sentence', () => {
	it.each([
		[
			'Омбудсмен Дарина Оскольская во вторник представила депутатам специальный доклад о пытках.',
			['Кто такая Дарина Оскольская?', 'Кто представил депутатам специальный доклад о пытках?', 'Когда омбудсмен Дарина Оскольская представила депутатам специальный доклад о пытках?'],
		],
		['В 2019 году уполномоченному поступило 812 обращений от осуждённых.', ['Когда уполномоченному поступило 812 обращений от осуждённых?', 'Сколько обращений поступило в 2019 году уполномоченному от осуждённых?']],
		['Комиссар назначается президентом на семилетний срок без права повторного назначения.', ['На какой срок назначается комиссар?']],
		['Уполномоченный вправе запрашивать документы у любых органов власти.', ['Вправе ли уполномоченный запрашивать документы у любых органов власти?']],
		// A quotation is no statement of the sentence's own to ask about.
		['«Мы добились многого», — сказал омбудсмен Оскольской.', []],
	])('%j → %j', (sentence, questions) => {
		expect(russianQuestionsFrom(sentence)).toEqual(questions);
	});

	it('GIVEN a Russian report THEN the engine answers each question made from a sentence with that very sentence', async () => {
		const kb = await knowledgeBaseOf(knowledgeFolder({ 'report.md': LORVANIA_REPORT }, PROJECT_KNOWLEDGE));
		const made = kb.facts.filter((f) => f.document === 'report').flatMap((fact) => russianQuestionsFrom(fact.standalone).map((question) => ({ question, fact })));
		expect(made.length).toBeGreaterThanOrEqual(5);
		for (const { question, fact } of made) expect(answer(question, kb).factIds, question).toContain(fact.id);
	});
});
