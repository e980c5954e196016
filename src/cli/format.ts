import { quotedText } from '../answering/quote.ts';
import { citedDocuments } from '../answering/sources.ts';
import { chooseLanguage } from '../i18n/choose.ts';
import { percentOf, say, type Language } from '../i18n/index.ts';
import type { Answer, Explanation } from '../answering/types.ts';
import type { KnowledgeBase } from '../answering/knowledgeBase.ts';
import type { Fact, KnowledgeProblem, TopicName } from '../knowledge/types.ts';

/**
 * Human-readable renderings shared by the console and the CLI without `--json`, in the language of the bot's own
 * words (`--lang`; the documents' sentences stay as written). An answer names each cited document once, with its
 * date and source; a refusal says so without a percentage and numbers its suggestions. Its frame is in the language
 * answer() spoke in: the question's own when it shows one, else `lang`.
 */
export function formatAnswer(result: Answer, kb?: Pick<KnowledgeBase, 'documents'>, lang: Language = 'en'): string {
	// Small talk is the bot's own reply: no confidence, nothing cited.
	if (result.smallTalk) return result.answer;
	const language = replyLanguage(result.question, lang);
	// A follow-up says how it was read, so a wrong reading of "he" or "it" is seen at once.
	const lines: string[] = result.askedAs ? [say(language, 'cliReadAs', { question: result.askedAs })] : [];
	if (result.answered) {
		lines.push(result.answer, '');
		for (const cited of citedDocuments(result.sources, kb?.documents ?? [])) {
			const beside = [cited.date, cited.link ?? cited.origin].filter(Boolean).map((text) => ` · ${text}`).join('');
			lines.push(`  ${say(language, 'cliSource', { document: cited.document, lines: linesOf(cited.lines, language) })}${beside}`);
		}
		// Answered across languages, the reply says its source is in English, as on Discord.
		const sourceLanguages = result.sources.map((source) => kb?.documents.find((d) => d.id === source.document)?.language);
		if (language !== 'en' && sourceLanguages.length && sourceLanguages.every((l) => l === 'en')) lines.push(`  ${say(language, 'sourceInEnglish')}`);
		const topic = result.topic ? `  ${say(language, 'cliTopic', { topic: result.topic })}` : '';
		lines.push(`  ${say(language, 'cliConfidence', { percent: percentOf(result.confidence) })}${topic}`);
	} else {
		lines.push(result.answer);
		if (result.suggestions.length) {
			lines.push('', say(language, 'cliDidYouMean'));
			result.suggestions.forEach((suggestion, index) => lines.push(`  ${index + 1}. ${suggestion}`));
		}
	}
	return lines.join('\n');
}

/** The language answer() replies to a question in, given the door's `--lang` (see chooseLanguage). */
export function replyLanguage(question: string, lang: Language): Language {
	return chooseLanguage({ question, user: lang });
}

/** "line 5", "lines 5, 7 and 9", in the language asked. */
function linesOf(numbers: readonly number[], language: Language): string {
	if (numbers.length <= 1) return say(language, 'cliLine', { line: numbers[0] ?? '?' });
	return say(language, 'cliLines', { lines: numbers.slice(0, -1).join(', '), last: numbers[numbers.length - 1]! });
}

/** An explanation for a maintainer: the terms read, then each candidate's probability and its largest contributions. */
export function formatExplanation(explain: Explanation, shown = 3, contributions = 6): string {
	const lines = [
		`regime ${explain.regime}, threshold ${explain.threshold}, margin ${explain.margin}`,
		`terms: ${explain.terms.map((t) => `${t.label}${t.known ? '' : '?'} (${t.weight})`).join(', ') || 'none'}`,
	];
	if (explain.curated) lines.unshift(`decided by the curated question "${explain.curated.question}" (a moderator linked it to the fact below)`);
	for (const c of explain.candidates.slice(0, shown)) {
		const top = Object.entries(c.contributions)
			.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
			.slice(0, contributions)
			.map(([name, value]) => `${name} ${value >= 0 ? '+' : ''}${value}`);
		lines.push(`  ${Math.round(c.probability * 100)}% (logit ${c.logit}) ${c.document}:${c.line} ${c.text.slice(0, 90)}`, `      ${top.join(', ')}`);
	}
	return lines.join('\n');
}

export function formatTopic(topic: TopicName, facts: readonly Fact[], language: Language = 'en'): string {
	if (facts.length === 0) return say(language, 'cliTopicEmpty', { topic });
	return [say(language, 'cliTopicTitle', { topic, facts: factCount(facts.length, language) }), ...facts.map((f, i) => `${i + 1}. ${quotedText(f)}\n   ${factPlace(f, language)}`)].join('\n');
}

/** "(kazakhstan-joins-asia-pacific-forum, line 5)": where a fact is, after it in a list. */
export function factPlace(fact: Pick<Fact, 'document' | 'line'>, language: Language = 'en'): string {
	return say(language, 'cliFactPlace', { document: fact.document, line: fact.line });
}

/** "1 document, 21 facts, built in 110 ms": what the console greets with and `/sources` opens with. */
export function sourcesSummary(kb: KnowledgeBase, language: Language = 'en'): string {
	const documents = kb.documents.length === 1 ? say(language, 'countDocumentsOne') : say(language, 'countDocuments', { count: kb.documents.length });
	return say(language, 'cliSummary', { documents, facts: factCount(kb.facts.length, language), ms: kb.buildMs.toFixed(0) });
}

export function formatSources(kb: KnowledgeBase, language: Language = 'en'): string {
	return [
		`${sourcesSummary(kb, language)}.`,
		...kb.documents.map((d) => `  ${d.id}: ${d.title} (${factCount(d.facts.length, language)}${d.date ? `, ${d.date}` : ''})`),
	].join('\n');
}

function factCount(count: number, language: Language): string {
	return count === 1 ? say(language, 'countFactsOne') : say(language, 'countFacts', { count });
}

export function formatProblems(problems: readonly KnowledgeProblem[]): string {
	return problems.map((p) => `knowledge problem: ${p.file}: ${p.issue}`).join('\n');
}
