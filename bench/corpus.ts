/**
 * Deterministic synthetic knowledge folders: news-style articles about invented human rights institutions,
 * written as `.txt` files with front matter beside a copy of the project's real knowledge (the seed article
 * and lexicon.json), so they go through the same ingestion as a moderator's documents and the real questions
 * still have their answers.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from './random.ts';
import {
	CITIES,
	COUNTRIES,
	CURRENCIES,
	FACILITIES,
	FIRST_NAMES,
	INSTITUTION_KINDS,
	ISSUES,
	LAST_NAMES,
	MONTHS,
	NETWORKS,
	OFF_TOPIC_QUESTIONS,
	PARTNERS,
	QUOTES,
	RECOMMENDATIONS,
	UN_BODIES,
	VICTIMS,
	WEEKDAYS,
	type Country,
} from './vocabulary.ts';

export type QueryKind = 'exact' | 'typo' | 'paraphrase' | 'keyword' | 'unanswerable';
export const QUERY_KINDS: readonly QueryKind[] = ['exact', 'typo', 'paraphrase', 'keyword', 'unanswerable'];

export interface BenchQuery {
	kind: QueryKind;
	text: string;
	/** A phrase a right answer contains (compared like ../shared/eval/run.mjs); absent for unanswerable ones. */
	expect?: string;
}

export interface Corpus {
	directory: string;
	documents: number;
	/** Sentences written (the engine's fact count may differ slightly: it splits and filters sentences itself). */
	sentences: number;
	queries: BenchQuery[];
}

/** A question a generated sentence answers, in the ways a person might ask it. */
interface QuestionSet {
	exact: string;
	paraphrase: string;
	keyword: string;
	expect: string;
}

interface Sentence {
	text: string;
	question?: QuestionSet;
}

interface Person {
	name: string;
	pronoun: 'He' | 'She';
}

/** What one article is about: everything its sentences refer back to. */
interface Story {
	country: Country;
	institution: string;
	kind: (typeof INSTITUTION_KINDS)[number];
	/** "the Merovian ombudsperson": how a paraphrase names the institution. */
	alternative: string;
	head: Person;
	deputy: Person;
	city: string;
	year: number;
	/** Who the last sentence quoted or named, for "He said …" sentences. */
	speaker: Person | undefined;
}

const number = (n: number) => n.toLocaleString('en-US');

/** The sentence kinds of an article body, each with the question (if any) it answers. */
const TEMPLATES: ((s: Story, r: Random) => Sentence)[] = [
	(s, r) => {
		const network = r.pick(NETWORKS);
		const day = r.pick(WEEKDAYS);
		return {
			text: `${s.country.name} joined the ${network} as ${r.pick(['a full', 'an associate', 'a founding', 'an observer'])} member on ${day}.`,
			question: {
				exact: `When did ${s.country.name} join the ${network}?`,
				paraphrase: `On what day did ${s.country.name} become a member of the ${network}?`,
				keyword: `${s.country.name} ${network} membership`,
				expect: day,
			},
		};
	},
	(s, r) => {
		const n = r.int(300, 48_000);
		const year = r.int(2005, 2024);
		return {
			text: `The ${s.institution} received ${number(n)} complaints in ${year}, ${r.int(2, 40)} percent more than the year before.`,
			question: {
				exact: `How many complaints did the ${s.institution} receive in ${year}?`,
				paraphrase: `What number of petitions reached the ${s.alternative} during ${year}?`,
				keyword: `${s.country.name} complaints ${year}`,
				expect: number(n),
			},
		};
	},
	(s, r) => {
		s.speaker = s.head;
		const year = s.year - r.int(1, 6);
		return {
			text: `${s.head.name} was appointed ${s.kind.title} by the parliament of ${s.country.name} in ${r.pick(MONTHS)} ${year}.`,
			question: {
				exact: `When was ${s.head.name} appointed ${s.kind.title}?`,
				paraphrase: `In which year did ${s.head.name} take office as ${s.kind.paraphrase}?`,
				keyword: `${s.head.name} appointed`,
				expect: String(year),
			},
		};
	},
	(s, r) => ({ text: `The ${s.kind.title} is elected for a term of ${r.int(4, 7)} years and may serve ${r.pick(['one further term', 'only once', 'two terms at most'])}.` }),
	(s, r) => {
		const n = r.int(12, 900);
		const place = r.pick(FACILITIES);
		const year = r.int(2008, 2024);
		return {
			text: `In ${year}, staff of the ${s.institution} made ${number(n)} unannounced visits to ${place} across ${s.country.name}.`,
			question: {
				exact: `How many unannounced visits did the ${s.institution} make to ${place} in ${year}?`,
				paraphrase: `How often did inspectors of the ${s.alternative} go to ${place} in ${year}?`,
				keyword: `${s.country.name} visits ${place}`,
				expect: number(n),
			},
		};
	},
	(s, r) => {
		const issue = r.pick(ISSUES);
		const date = `${r.int(1, 28)} ${r.pick(MONTHS)}`;
		return {
			text: `The ${s.institution} presented its annual report on ${issue.text} to parliament on ${r.pick(WEEKDAYS)}, ${date}.`,
			question: {
				exact: `When did the ${s.institution} present its annual report on ${issue.text}?`,
				paraphrase: `On which date was the yearly report about ${issue.keyword} submitted by the ${s.alternative}?`,
				keyword: `${s.country.name} annual report ${issue.keyword}`,
				expect: date,
			},
		};
	},
	(s, r) => {
		const person = r.chance(0.6) ? s.head : s.deputy;
		s.speaker = person;
		return { text: `"${r.pick(QUOTES)}," ${person.name} said.` };
	},
	(s, r) => {
		const n = r.int(3, 140);
		const issue = r.pick(ISSUES);
		const speaker = s.speaker ?? s.head;
		return {
			text: `${s.speaker ? speaker.pronoun : speaker.name} said the office had opened ${n} own-motion investigations into ${issue.text}.`,
			question: {
				exact: `How many own-motion investigations into ${issue.text} did the ${s.institution} open?`,
				paraphrase: `How many inquiries on ${issue.keyword} has the ${s.alternative} started on its own initiative?`,
				keyword: `${s.country.name} investigations ${issue.keyword}`,
				expect: `${n} own motion investigations`,
			},
		};
	},
	(s, r) => {
		const amount = `${r.int(1, 90)}.${r.int(1, 9)} million ${r.pick(CURRENCIES)}`;
		return {
			text: `The ${s.institution} has an annual budget of ${amount} and a staff of ${r.int(15, 600)}.`,
			question: {
				exact: `What is the annual budget of the ${s.institution}?`,
				paraphrase: `How much money does the ${s.alternative} get each year?`,
				keyword: `${s.country.name} ${s.kind.name} budget`,
				expect: amount,
			},
		};
	},
	(s, r) => {
		const partner = r.pick(PARTNERS);
		const issue = r.pick(ISSUES);
		return {
			text: `The ${s.institution} signed a memorandum of understanding with ${partner} on ${issue.text}.`,
			question: {
				exact: `What did the ${s.institution} sign with ${partner}?`,
				paraphrase: `Does the ${s.alternative} have an agreement with ${partner}?`,
				keyword: `${s.country.name} ${partner.replace(/^the /, '')} memorandum`,
				expect: 'memorandum of understanding',
			},
		};
	},
	(s, r) => {
		const body = r.pick(UN_BODIES);
		const session = r.int(20, 90);
		const issue = r.pick(ISSUES);
		return {
			text: `The ${body} reviewed ${s.country.name}'s record on ${issue.text} at its ${ordinal(session)} session in Geneva.`,
			question: {
				exact: `At which session did the ${body} review ${s.country.name}'s record on ${issue.text}?`,
				paraphrase: `When did the ${body} examine ${s.country.adjective} compliance on ${issue.keyword}?`,
				keyword: `${body} ${s.country.name} review`,
				expect: `${ordinal(session)} session`,
			},
		};
	},
	(s, r) => {
		const grade = r.pick(['A', 'A', 'B']);
		return {
			text: `In ${s.year - r.int(0, 8)}, the Sub-Committee on Accreditation granted the ${s.institution} ${grade} status under the Paris Principles.`,
			question: {
				exact: `What accreditation status does the ${s.institution} have?`,
				paraphrase: `Which grade under the Paris Principles was given to the ${s.alternative}?`,
				keyword: `${s.country.name} accreditation status`,
				expect: `${grade} status`,
			},
		};
	},
	(s, r) => {
		const adopted = r.int(1992, 2012);
		return {
			text: `The law on the ${s.institution} was adopted in ${adopted} and amended in ${adopted + r.int(2, 10)} to give it the functions of a national preventive mechanism.`,
			question: {
				exact: `When was the law on the ${s.institution} adopted?`,
				paraphrase: `In what year did parliament pass the statute that set up the ${s.alternative}?`,
				keyword: `${s.country.name} ${s.kind.name} law adopted`,
				expect: String(adopted),
			},
		};
	},
	(s, r) => {
		const n = r.int(2, 24);
		return {
			text: `The ${s.institution} has ${n} regional offices, the largest of them in ${s.city}.`,
			question: {
				exact: `How many regional offices does the ${s.institution} have?`,
				paraphrase: `How many branches does the ${s.alternative} run outside the capital?`,
				keyword: `${s.country.name} regional offices`,
				expect: `${n} regional offices`,
			},
		};
	},
	(s, r) => {
		const n = r.int(40, 9000);
		const issue = r.pick(ISSUES);
		const month = r.pick(MONTHS);
		return {
			text: `A free telephone hotline run by the ${s.institution} answered ${number(n)} calls about ${issue.text} in ${month}.`,
			question: {
				exact: `How many calls about ${issue.text} did the hotline of the ${s.institution} answer in ${month}?`,
				paraphrase: `How many people phoned the ${s.alternative} helpline about ${issue.keyword} in ${month}?`,
				keyword: `${s.country.name} hotline calls ${issue.keyword}`,
				expect: number(n),
			},
		};
	},
	(_s, r) => ({
		text: `More than ${number(r.int(50, 4000))} police officers, judges and prison staff took part in training on ${r.pick(ISSUES).text} organised with ${r.pick(PARTNERS)}.`,
	}),
	(s, r) => {
		const n = r.int(8, 120);
		return {
			text: `The conference in ${s.city} brought together representatives of ${n} national human rights institutions and ${r.int(10, 300)} non-governmental organizations.`,
			question: {
				exact: `How many national human rights institutions were represented at the conference in ${s.city}?`,
				paraphrase: `How many NHRIs sent delegates to the ${s.city} meeting?`,
				keyword: `${s.city} conference institutions`,
				expect: `${n} national human rights institutions`,
			},
		};
	},
	(s, r) => ({ text: `The ${s.institution} recommended that the government ${r.pick(RECOMMENDATIONS)}.` }),
	(s, r) => {
		const n = r.int(20, 160);
		const k = r.int(5, n);
		return {
			text: `The government accepted ${k} of the ${n} recommendations made by the ${s.institution} last year.`,
			question: {
				exact: `How many recommendations of the ${s.institution} did the government accept?`,
				paraphrase: `What share of the ${s.alternative}'s recommendations were taken up by the government?`,
				keyword: `${s.country.name} recommendations accepted`,
				expect: `${k} of the ${n}`,
			},
		};
	},
	(s) => {
		s.speaker = s.head;
		return { text: `${s.head.name} said the ${s.kind.title} cannot be dismissed before the end of the term except by a two-thirds vote of parliament.` };
	},
	(s, r) => {
		const issue = r.pick(ISSUES);
		return {
			text: `${s.deputy.name} serves as deputy to the ${s.kind.title} with responsibility for ${issue.text}.`,
			question: {
				exact: `Who is the deputy responsible for ${issue.text} at the ${s.institution}?`,
				paraphrase: `Which deputy of the ${s.alternative} handles ${issue.keyword}?`,
				keyword: `${s.country.name} deputy ${issue.keyword}`,
				expect: s.deputy.name,
			},
		};
	},
	(s, r) => {
		const other = r.pick(COUNTRIES);
		return { text: `A delegation from ${other.name} visited ${s.city} to learn from the work of the ${s.institution} on ${r.pick(ISSUES).text}.` };
	},
	(_s, r) => ({ text: `The meeting ended with a joint statement on ${r.pick(ISSUES).text}.` }),
	() => ({ text: 'Representatives of civil society welcomed the decision and called for it to be implemented without delay.' }),
	(s, r) => ({ text: `The next session will take place in ${r.pick(CITIES)} in ${r.pick(MONTHS)} ${s.year + 1}.` }),
	(s, r) => {
		const n = r.int(3, 400);
		const victim = r.pick(VICTIMS);
		const place = r.pick(FACILITIES);
		return {
			text: `In one case, the ${s.institution} found that a ${victim} had been held in one of the ${place} for ${n} days without access to a lawyer.`,
			question: {
				exact: `How long was the ${victim} held without a lawyer according to the ${s.institution}?`,
				paraphrase: `For how many days was a ${victim} denied a lawyer in the case the ${s.alternative} found?`,
				keyword: `${s.country.name} ${victim} held without lawyer`,
				expect: `${n} days`,
			},
		};
	},
	(s, r) => {
		const amount = `${number(r.int(10, 900) * 1000)} ${r.pick(CURRENCIES)}`;
		return {
			text: `Following the intervention of the ${s.institution}, ${r.int(3, 300)} families received compensation totalling ${amount}.`,
			question: {
				exact: `How much compensation did families receive after the intervention of the ${s.institution}?`,
				paraphrase: `What did the ${s.alternative}'s intervention win the families in compensation?`,
				keyword: `${s.country.name} families compensation`,
				expect: amount,
			},
		};
	},
	(s, r) => {
		const pct = r.int(4, 45);
		const issue = r.pick(ISSUES);
		const speaker = s.speaker ?? s.head;
		return {
			text: `${s.speaker ? speaker.pronoun : speaker.name} added that ${pct} percent of all complaints concerned ${issue.text}.`,
			question: {
				exact: `What share of complaints to the ${s.institution} concerned ${issue.text}?`,
				paraphrase: `What percentage of grievances sent to the ${s.alternative} were about ${issue.keyword}?`,
				keyword: `${s.country.name} complaints percent ${issue.keyword}`,
				expect: `${pct} percent`,
			},
		};
	},
];

function ordinal(n: number): string {
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
}

function person(r: Random): Person {
	const first = r.pick(FIRST_NAMES);
	return { name: `${first.name} ${r.pick(LAST_NAMES)}`, pronoun: first.pronoun };
}

const HEADLINES = [
	'ombudsman reports rise in complaints',
	'human rights body presents annual report',
	'national institution joins regional network',
	'commission calls for prison reform',
	'rights office marks anniversary',
	'UN committee reviews human rights record',
];

interface Article {
	id: string;
	text: string;
	sentences: number;
	questions: QuestionSet[];
	story: Story;
}

function writeArticle(r: Random, serial: number, sentenceCount: number): Article {
	const country = r.zipf(COUNTRIES, 0.3);
	const kind = r.pick(INSTITUTION_KINDS);
	const institution = `${kind.name} of ${country.name}`;
	const story: Story = {
		country,
		institution,
		kind,
		alternative: `${country.adjective} ${kind.paraphrase}`,
		head: person(r),
		deputy: person(r),
		city: r.pick(CITIES),
		year: r.int(2010, 2024),
		speaker: undefined,
	};
	const headline = `${country.name}: ${r.pick(HEADLINES)}`;
	const date = `${story.year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
	const sentences: Sentence[] = [];
	// The lead names the institution and its head, as a news article's first paragraph does.
	sentences.push({
		text: `The ${institution} said on ${r.pick(WEEKDAYS)} that it would step up its work on ${r.pick(ISSUES).text}, ${story.head.name}, the ${kind.title}, told reporters.`,
	});
	story.speaker = story.head;
	while (sentences.length < sentenceCount) {
		const template = r.pick(TEMPLATES);
		const speakerBefore: Person | undefined = story.speaker;
		sentences.push(template(story, r));
		if (story.speaker === speakerBefore && r.chance(0.3)) story.speaker = undefined;
	}
	// Paragraphs of one to three sentences; now and then a sentence broken across two lines, or site furniture.
	const lines: string[] = [`${story.city.toUpperCase()}: ${sentences[0]!.text}`, ''];
	for (let i = 1; i < sentences.length; ) {
		const size = r.int(1, 3);
		const paragraph = sentences.slice(i, i + size).map((s) => s.text);
		i += size;
		for (const text of paragraph) {
			const space = text.indexOf(' ', Math.floor(text.length / 2));
			if (r.chance(0.08) && space > 0) lines.push(text.slice(0, space), text.slice(space + 1));
			else lines.push(text);
		}
		if (r.chance(0.03)) lines.push('', 'Also Read');
		lines.push('');
	}
	const id = `${String(serial).padStart(6, '0')}-${country.name.toLowerCase()}-${kind.name.toLowerCase().replace(/[^a-z]+/g, '-')}`;
	const frontMatter = ['---', `title: "${headline}"`, `source: Synthetic benchmark article ${serial}`, `date: "${date}"`, '---'];
	return {
		id,
		text: `${frontMatter.join('\n')}\n${lines.join('\n')}\n`,
		sentences: sentences.length,
		questions: sentences.flatMap((s) => (s.question ? [s.question] : [])),
		story,
	};
}

/** Makes one or two typing slips in the longer words of a question: a swap, a dropped or a doubled letter. */
export function withTypos(text: string, r: Random): string {
	const words = text.split(' ');
	const candidates = words.map((w, i) => (/^[A-Za-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
	if (candidates.length === 0) return text;
	const slips = Math.min(candidates.length, r.int(1, 2));
	for (const i of r.shuffle([...candidates]).slice(0, slips)) {
		const w = words[i]!;
		const at = r.int(1, w.length - 2);
		const op = r.int(0, 2);
		words[i] = op === 0 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : op === 1 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + w[at] + w.slice(at);
	}
	return words.join(' ');
}

/**
 * Writes a knowledge folder of about `targetFacts` facts: the project's knowledge (seed article and
 * lexicon) plus synthetic articles of 10 to 40 sentences. Returns the mixed query set for it.
 * @param seedDirectory the project's knowledge folder, copied in first.
 * @param queriesPerKind how many queries of each kind to draw.
 */
export function writeCorpus(directory: string, targetFacts: number, seedDirectory: string, queriesPerKind: number, seed = 0x0b5d): Corpus {
	mkdirSync(directory, { recursive: true });
	cpSync(seedDirectory, directory, { recursive: true });
	const seedFiles = readdirSync(seedDirectory).filter((f) => /\.(txt|md)$/.test(f)).length;
	const r = new Random(seed ^ targetFacts);
	// About 20 facts come from the seed article; the rest are written here.
	let sentences = 0;
	let serial = 0;
	const pool: { question: QuestionSet; story: Story }[] = [];
	let seen = 0;
	const poolSize = queriesPerKind * 8;
	const stories: Story[] = [];
	while (sentences < targetFacts - 20) {
		const count = Math.min(r.int(10, 40), Math.max(3, targetFacts - 20 - sentences));
		const article = writeArticle(r, ++serial, count);
		writeFileSync(join(directory, `${article.id}.txt`), article.text);
		sentences += article.sentences;
		if (stories.length < 200) stories.push(article.story);
		// Reservoir sampling keeps the question pool uniform over the whole folder without holding it all.
		for (const question of article.questions) {
			seen++;
			if (pool.length < poolSize) pool.push({ question, story: article.story });
			else {
				const j = Math.floor(r.next() * seen);
				if (j < poolSize) pool[j] = { question, story: article.story };
			}
		}
	}
	const qr = new Random(seed + 1);
	const picked = qr.shuffle(pool).slice(0, queriesPerKind);
	const queries: BenchQuery[] = [];
	for (const { question } of picked) queries.push({ kind: 'exact', text: question.exact, expect: question.expect });
	for (const { question } of picked) queries.push({ kind: 'typo', text: withTypos(question.exact, qr), expect: question.expect });
	for (const { question } of picked) queries.push({ kind: 'paraphrase', text: question.paraphrase, expect: question.expect });
	for (const { question } of picked) queries.push({ kind: 'keyword', text: question.keyword, expect: question.expect });
	for (let i = 0; i < queriesPerKind; i++) {
		const story = qr.pick(stories);
		const inDomain = [
			`What is the favourite colour of ${story.head.name}?`,
			`Does the ${story.institution} own a helicopter?`,
			`How many parking spaces does the headquarters of the ${story.institution} have?`,
			`Which football club does the ${story.kind.title} of ${story.country.name} support?`,
		];
		queries.push({ kind: 'unanswerable', text: i % 2 === 0 ? OFF_TOPIC_QUESTIONS[(i / 2) % OFF_TOPIC_QUESTIONS.length]! : qr.pick(inDomain) });
	}
	return { directory, documents: serial + seedFiles, sentences, queries };
}
