import {
	ActionRowBuilder,
	ButtonBuilder,
	ButtonStyle,
	EmbedBuilder,
	MessageFlags,
	time,
	TimestampStyles,
	type StringSelectMenuBuilder,
} from 'discord.js';
import { formatExplanation } from '../cli/format.ts';
import { smallTalkReply } from '../answering/smallTalk.ts';
import { percentOf, say, type Language } from '../i18n/index.ts';
import { encodeCustomId } from './customIds.ts';
import { citedDocuments, exampleQuestions, institutionKey, institutionLabels, linesText, quotedText, type Answer, type CitedDocument, type Fact, type Institution, type KnowledgeBase } from './engine.ts';
import { STARTUP_ACTOR, type BuildInfo } from './knowledge.ts';
import { clip, LIMITS, plain } from './limits.ts';
import { clearLanguageOf } from '../i18n/choose.ts';

type Explanation = NonNullable<Answer['explain']>;

/** No reply may ping anyone: not users, roles, @everyone, nor the person replied to. */
const ALLOWED: { parse: []; repliedUser: false } = { parse: [], repliedUser: false };

type Row = ActionRowBuilder<ButtonBuilder> | ActionRowBuilder<StringSelectMenuBuilder>;

/** A reply usable for interactions and messages alike. */
export interface ReplyPayload {
	content?: string;
	embeds: EmbedBuilder[];
	components: Row[];
	allowedMentions: { parse: []; repliedUser: false };
	flags?: MessageFlags.Ephemeral;
}

const COLORS = { high: 0x2e7d32, medium: 0xf9a825, none: 0x9e9e9e, info: 0x1565c0, error: 0xc62828 } as const;

/** From this confidence an answer is marked 🟢 high; below it 🟡 moderate. */
export const HIGH_CONFIDENCE = 0.75;

/** The confidence marker shown beside an answer; a refusal has none (a percentage beside "no" only confuses). */
export function confidenceMarker(answer: Pick<Answer, 'confidence'>, language: Language = 'en'): string {
	return say(language, answer.confidence >= HIGH_CONFIDENCE ? 'confidenceHigh' : 'confidenceModerate', { percent: percentOf(answer.confidence) });
}

function documentTitle(kb: KnowledgeBase | null, id: string): string {
	return kb?.documents.find((document) => document.id === id)?.title ?? id;
}

/** "Title (`doc`, lines 12 and 13)": where to read in the documents. */
function whereToRead(title: string, document: string, lines: readonly number[]): string {
	return `${clip(plain(title), 120)} (\`${clip(plain(document), 80)}\`, ${linesText(lines)})`;
}

/** "Title (`doc`, line 12)": where to read the fact in the documents. */
export function citeLine(kb: KnowledgeBase | null, document: string, line: number): string {
	return whereToRead(documentTitle(kb, document), document, [line]);
}

/** A cited document once, with its date and, when it is no address, where it comes from: "Title (`doc`, lines 12 and 13) · 2024-03-01". */
export function citeDocument(cited: CitedDocument): string {
	const beside = [cited.date, cited.origin].filter((text): text is string => Boolean(text)).map((text) => clip(plain(text).replace(/\s+/g, ' '), 100));
	return [whereToRead(cited.title, cited.document, cited.lines), ...beside].join(' · ');
}

/** A link button per cited document whose `source` is an https address (no custom id: Discord opens it, the bot sees nothing). */
function sourceLinks(cited: readonly CitedDocument[], language: Language): ActionRowBuilder<ButtonBuilder> | undefined {
	const linked = cited.filter((c) => c.link).slice(0, LIMITS.buttonsPerRow);
	if (linked.length === 0) return undefined;
	return new ActionRowBuilder<ButtonBuilder>().addComponents(
		linked.map((c) =>
			new ButtonBuilder()
				.setStyle(ButtonStyle.Link)
				.setURL(c.link!)
				.setLabel(clip(say(language, 'sourceButton', { title: plain(c.title).replace(/\s+/g, ' ') }), LIMITS.buttonLabel)),
		),
	);
}

/** A plain text reply (ephemeral by default), for notices and errors. */
export function notice(text: string, options: { ephemeral?: boolean } = {}): ReplyPayload {
	return {
		content: clip(text, LIMITS.content),
		embeds: [],
		components: [],
		allowedMentions: ALLOWED,
		...(options.ephemeral === false ? {} : { flags: MessageFlags.Ephemeral }),
	};
}

/** Marks a payload ephemeral (ignored by DMs, where only the user sees it anyway). */
export function ephemeral(payload: ReplyPayload): ReplyPayload {
	return { ...payload, flags: MessageFlags.Ephemeral };
}

/** How many "did you mean" suggestions a refusal lists, each with its numbered button. */
export const SUGGESTIONS_SHOWN = 3;
/** A suggestion is listed in full; only a sentence past this (none in a news article) is cut, to fit three in an embed. */
const SUGGESTION_CHARS = 1_000;

/**
 * The reply to a question, under the question as its title. An answer: the text, a confidence marker, each
 * cited document once (with its date, and a link button when its source is an https address), buttons for
 * context and feedback. A refusal: says plainly that the documents don't answer it, with no percentage, and
 * lists up to three suggestions in full, numbered, with numbered buttons that answer one in a new reply.
 * Without `answerId` (the store could not record the answer) the buttons that need it are left out.
 *
 * In `language` (see `chooseLanguage`). A Russian or Kazakh question answered from an English document says the
 * source is in English; declined, with no document in the question's language, it says the documents are in
 * English and suggests asking in English, still listing the closest facts.
 */
export function answerPayload(answer: Answer, answerId: string | null, kb: KnowledgeBase | null, language: Language = 'en'): ReplyPayload {
	// The bot's own reply to chat: plain text, no confidence marker, nothing to vote on.
	if (answer.smallTalk) {
		const text = kb && language !== 'en' ? smallTalkReply(answer.smallTalk, kb, exampleQuestions(kb), language) : answer.answer;
		return notice(text, { ephemeral: false });
	}
	const embed = new EmbedBuilder()
		.setColor(!answer.answered ? COLORS.none : answer.confidence >= HIGH_CONFIDENCE ? COLORS.high : COLORS.medium)
		.setTitle(clip(plain(answer.question).replace(/\s+/g, ' ') || say(language, 'questionTitle'), LIMITS.embedTitle));
	const across = crossLanguage(answer, kb);
	const components: Row[] = [];
	if (answer.answered) {
		embed.setDescription(clip(answer.answer || '…', LIMITS.embedDescription)).addFields({ name: say(language, 'confidenceField'), value: confidenceMarker(answer, language), inline: true });
		const cited = citedDocuments(answer.sources, kb?.documents ?? []);
		if (cited.length > 0) {
			embed.addFields({
				name: say(language, cited.length > 1 ? 'sourcesField' : 'sourceField'),
				value: clip(cited.slice(0, 5).map((c) => `• ${citeDocument(c)}`).join('\n'), LIMITS.embedFieldValue),
				inline: false,
			});
		}
		if (across.sourceInEnglish) embed.addFields({ name: say(language, 'sourceLanguageField'), value: say(language, 'sourceInEnglish'), inline: false });
		if (answerId) {
			components.push(
				new ActionRowBuilder<ButtonBuilder>().addComponents(
					new ButtonBuilder()
						.setCustomId(encodeCustomId({ kind: 'context', answerId }))
						.setLabel(say(language, 'showContext'))
						.setStyle(ButtonStyle.Secondary)
						.setDisabled(answer.factIds.length === 0),
					new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'vote', answerId, vote: 1 })).setEmoji('👍').setStyle(ButtonStyle.Secondary),
					new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'vote', answerId, vote: -1 })).setEmoji('👎').setStyle(ButtonStyle.Secondary),
				),
			);
		}
		const links = sourceLinks(cited, language);
		if (links) components.push(links);
	} else {
		const suggestions = answer.suggestions.slice(0, SUGGESTIONS_SHOWN);
		// The buttons need the stored answer; without it the list still tells the asker what to ask instead.
		const pick = answerId && suggestions.length > 0 ? `\n\n${say(language, 'pickSuggestion')}` : '';
		const listed = suggestions.map((s, i) => `**${i + 1}.** ${clip(s.replace(/\s+/g, ' ').trim(), SUGGESTION_CHARS)}`);
		const english = across.documentsInEnglish;
		embed.setDescription(
			clip(
				suggestions.length > 0
					? say(language, english ? 'declinedEnglishWithSuggestions' : 'declinedWithSuggestions', { list: listed.join('\n') }) + pick
					: say(language, english ? 'declinedEnglishNothingClose' : 'declinedNothingClose'),
				LIMITS.embedDescription,
			),
		);
		if (answerId) {
			if (suggestions.length > 0) {
				components.push(
					new ActionRowBuilder<ButtonBuilder>().addComponents(
						suggestions.map((_, index) =>
							new ButtonBuilder()
								.setCustomId(encodeCustomId({ kind: 'suggest', answerId, index }))
								.setLabel(String(index + 1))
								.setStyle(ButtonStyle.Primary),
						),
					),
				);
			}
			// Shown to everyone (a public message cannot hide a button from some), checked on click: moderators only.
			// A refusal can be wrong too: 👎 says it should have been answered (a knowledge gap for moderators), 👍 that it was right.
			components.push(
				new ActionRowBuilder<ButtonBuilder>().addComponents(
					new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'vote', answerId, vote: 1 })).setEmoji('👍').setStyle(ButtonStyle.Secondary),
					new ButtonBuilder()
						.setCustomId(encodeCustomId({ kind: 'vote', answerId, vote: -1 }))
						.setEmoji('👎')
						.setLabel(say(language, 'shouldHaveAnswered'))
						.setStyle(ButtonStyle.Secondary),
					new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'why', answerId })).setLabel(say(language, 'whyButton')).setStyle(ButtonStyle.Secondary),
				),
			);
		}
	}
	// Only point to 👍/👎 where they are.
	const footer = say(language, answerId === null ? 'footerOnlyDocuments' : answer.answered ? 'footerVotes' : 'footerVotesDeclined');
	// A follow-up read with the conversation's words is shown as read, quietly: the asker can tell when the reading went wrong.
	const askedAs = answer.askedAs && say(language, 'askedAs', { question: clip(plain(answer.askedAs).replace(/\s+/g, ' '), 300) });
	embed.setFooter({ text: clip(askedAs ? `${askedAs}\n${footer}` : footer, LIMITS.embedFooter) });
	return { embeds: [embed], components, allowedMentions: ALLOWED };
}

/**
 * How the question's language and the documents' differ: an answer quoted from an English document to a Russian or
 * Kazakh question (`sourceInEnglish`), or a Russian or Kazakh question declined where no document is in its
 * language (`documentsInEnglish`: asking in English is then the asker's best chance).
 */
export function crossLanguage(answer: Pick<Answer, 'question' | 'sources'>, kb: KnowledgeBase | null): { sourceInEnglish: boolean; documentsInEnglish: boolean } {
	const asked = clearLanguageOf(answer.question);
	if (!kb || !asked || asked === 'en') return { sourceInEnglish: false, documentsInEnglish: false };
	const languages = new Map(kb.documents.map((document) => [document.id, document.language]));
	return {
		sourceInEnglish: answer.sources.some((source) => languages.get(source.document) === 'en'),
		documentsInEnglish: !kb.documents.some((document) => document.language === asked),
	};
}

/** One fact as a list item, with its citation under it; its institution before it, when the list mixes institutions. */
function factItem(kb: KnowledgeBase | null, fact: Fact, index: number, institution: string | undefined): string {
	const label = institution ? `**[${clip(plain(institution), 100)}]** ` : '';
	return `**${index}.** ${label}${clip(quotedText(fact) || fact.text, 900)}\n└ ${citeLine(kb, fact.document, fact.line)}`;
}

/** Splits facts into pages that each fit one embed description. Facts of different institutions are labelled with theirs. */
export function paginateFacts(kb: KnowledgeBase | null, facts: readonly Fact[], maxPerPage = 8, maxChars = 3_800): string[] {
	const pages: string[] = [];
	let current: string[] = [];
	let length = 0;
	const institutionOf = kb ? institutionLabels(kb, facts) : () => undefined;
	facts.forEach((fact, index) => {
		const item = factItem(kb, fact, index + 1, institutionOf(fact));
		if (current.length > 0 && (current.length >= maxPerPage || length + item.length + 2 > maxChars)) {
			pages.push(current.join('\n\n'));
			current = [];
			length = 0;
		}
		current.push(item);
		length += item.length + 2;
	});
	if (current.length > 0) pages.push(current.join('\n\n'));
	return pages;
}

const TOPIC_TITLES = {
	mandate: 'topicMandate',
	independence: 'topicIndependence',
	cooperation: 'topicCooperation',
} as const;

/** A topic's name as a title ("Mandate", "Мандат"); an unknown one as it is. */
function topicTitle(topic: string, language: Language): string {
	return topic in TOPIC_TITLES ? say(language, TOPIC_TITLES[topic as keyof typeof TOPIC_TITLES]) : topic;
}

/**
 * One page of a topic's facts, with ◀ ▶ buttons when there is more than one page; with `institution`, the facts
 * are that institution's, said in the title, and the buttons keep to it.
 */
export function topicPagePayload(
	kb: KnowledgeBase | null,
	topic: string,
	facts: readonly Fact[],
	page: number,
	ownerId: string,
	language: Language = 'en',
	institution?: Institution,
): ReplyPayload {
	const pages = paginateFacts(kb, facts);
	const title = topicTitle(topic, language);
	if (pages.length === 0) {
		return notice(say(language, 'topicEmpty', { topic: title.toLowerCase() }), { ephemeral: false });
	}
	const index = Math.max(0, Math.min(page, pages.length - 1));
	const embed = new EmbedBuilder()
		.setColor(COLORS.info)
		.setTitle(clip(say(language, 'topicTitle', { topic: title }) + (institution ? ` · ${plain(institution.name)}` : ''), LIMITS.embedTitle))
		.setDescription(clip(pages[index]!, LIMITS.embedDescription))
		.setFooter({ text: say(language, 'topicFooter', { page: index + 1, pages: pages.length, facts: facts.length }) });
	const components: Row[] = [];
	const pageId = (to: number) =>
		encodeCustomId(institution ? { kind: 'institution-page', topic, page: to, ownerId, institution: institutionKey(institution) } : { kind: 'page', topic, page: to, ownerId });
	if (pages.length > 1) {
		components.push(
			new ActionRowBuilder<ButtonBuilder>().addComponents(
				new ButtonBuilder()
					.setCustomId(pageId(Math.max(0, index - 1)))
					.setLabel(say(language, 'previousPage'))
					.setStyle(ButtonStyle.Secondary)
					.setDisabled(index === 0),
				new ButtonBuilder()
					.setCustomId(pageId(Math.min(pages.length - 1, index + 1)))
					.setLabel(say(language, 'nextPage'))
					.setStyle(ButtonStyle.Secondary)
					.setDisabled(index === pages.length - 1),
			),
		);
	}
	return { embeds: [embed], components, allowedMentions: ALLOWED };
}

/** The top matching facts for /search. */
export function searchPayload(kb: KnowledgeBase | null, query: string, hits: readonly { fact: Fact }[], language: Language = 'en'): ReplyPayload {
	const embed = new EmbedBuilder().setColor(COLORS.info).setTitle(clip(say(language, 'searchTitle', { query: plain(query).replace(/\s+/g, ' ') }), LIMITS.embedTitle));
	if (hits.length === 0) {
		embed.setDescription(say(language, 'searchNothing'));
	} else {
		const pages = paginateFacts(kb, hits.map((hit) => hit.fact), hits.length, LIMITS.embedDescription - 100);
		embed.setDescription(clip(pages[0] ?? '', LIMITS.embedDescription));
		embed.setFooter({ text: hits.length === 1 ? say(language, 'searchFooterOne') : say(language, 'searchFooter', { count: hits.length }) });
	}
	return { embeds: [embed], components: [], allowedMentions: ALLOWED };
}

/** "Show context": the cited fact among its neighbours, the cited one in bold. */
export function contextPayload(kb: KnowledgeBase | null, cited: Fact, around: readonly Fact[], language: Language = 'en'): ReplyPayload {
	const text = around
		.map((fact) => (fact.id === cited.id ? `**${clip(fact.text, 1_200)}**` : clip(fact.text, 800)))
		.join(' ');
	const embed = new EmbedBuilder()
		.setColor(COLORS.info)
		.setTitle(clip(say(language, 'contextTitle', { title: documentTitle(kb, cited.document) }), LIMITS.embedTitle))
		.setDescription(clip(text, LIMITS.embedDescription))
		.setFooter({ text: clip(say(language, 'contextFooter', { document: cited.document, line: cited.line }), LIMITS.embedFooter) });
	return { embeds: [embed], components: [], allowedMentions: ALLOWED, flags: MessageFlags.Ephemeral };
}

/** "coverage +0.40, valueMissing −1.10": a candidate's largest feature contributions (the constant bias says nothing about it). */
export function topContributions(candidate: Explanation['candidates'][number], count = 3): string {
	return Object.entries(candidate.contributions)
		.filter(([name]) => name !== 'bias')
		.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
		.slice(0, count)
		.map(([name, value]) => `${name} ${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`)
		.join(', ');
}

const FENCE = '```';

/**
 * "Why?": the maintainers' explanation (the same text as the console's `/why` and the CLI's `--explain`) of
 * a question re-run now, in a code block so feature names and fact text are shown as they are.
 */
export function explanationPayload(result: Answer, language: Language = 'en'): ReplyPayload {
	const explain = result.explain;
	const best = explain?.candidates[0];
	const percent = (value: number) => `${Math.round(value * 100)}%`;
	const verdict = !explain
		? say(language, 'whyNone')
		: say(language, result.answered ? 'whyAnswered' : 'whyDeclined', { confidence: percent(result.confidence), threshold: percent(explain.threshold), value: explain.threshold }) +
			(best ? say(language, 'whyLargest', { contributions: topContributions(best) }) : say(language, 'whyNoFact'));
	// Backticks in fact text would close the code block early.
	const body = explain ? clip(plain(formatExplanation(explain)), LIMITS.embedDescription - FENCE.length * 2 - 2) : '';
	const embed = new EmbedBuilder()
		.setColor(COLORS.info)
		.setTitle(clip(say(language, 'whyTitle', { question: plain(result.question).replace(/\s+/g, ' ') }), LIMITS.embedTitle))
		.setDescription(body ? `${FENCE}\n${body}\n${FENCE}` : '…')
		.addFields({ name: say(language, 'whyVerdict'), value: clip(verdict, LIMITS.embedFieldValue), inline: false })
		.setFooter({ text: say(language, 'whyFooter') });
	return { embeds: [embed], components: [], allowedMentions: ALLOWED, flags: MessageFlags.Ephemeral };
}

/** "5 minutes ago by alice" or "5 minutes ago, at start-up": when the knowledge base served now was built, and by whom. */
export function lastRefreshText(build: BuildInfo | null, language: Language = 'en'): string {
	if (!build) return say(language, 'refreshNever');
	const when = time(build.at, TimestampStyles.RelativeTime);
	// The start-up load is no person's doing: "by startup" read like a name.
	return build.by.id === STARTUP_ACTOR.id ? say(language, 'refreshAtStartup', { when }) : say(language, 'refreshBy', { when, name: clip(plain(build.by.name), 60) });
}

/** An informational embed (about, help, status, gaps). */
export function infoPayload(
	title: string,
	description: string,
	fields: { name: string; value: string; inline?: boolean }[] = [],
	options: { ephemeral?: boolean; error?: boolean } = {},
): ReplyPayload {
	const embed = new EmbedBuilder()
		.setColor(options.error ? COLORS.error : COLORS.info)
		.setTitle(clip(title, LIMITS.embedTitle))
		.setDescription(clip(description || '…', LIMITS.embedDescription));
	const kept = fields.slice(0, LIMITS.embedFields).map((field) => ({
		name: clip(field.name || '…', LIMITS.embedFieldName),
		value: clip(field.value || '…', LIMITS.embedFieldValue),
		inline: field.inline ?? false,
	}));
	// Keep the whole embed under Discord's 6,000-character total.
	let total = (embed.data.title?.length ?? 0) + (embed.data.description?.length ?? 0);
	const fitting = kept.filter((field) => {
		total += field.name.length + field.value.length;
		return total <= LIMITS.embedTotal - 100;
	});
	if (fitting.length > 0) embed.addFields(fitting);
	return { embeds: [embed], components: [], allowedMentions: ALLOWED, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}
