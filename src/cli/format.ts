import { quotedText } from '../answering/quote.ts';
import { citedDocuments, linesText } from '../answering/sources.ts';
import type { Answer, Explanation } from '../answering/types.ts';
import type { KnowledgeBase } from '../answering/knowledgeBase.ts';
import type { Fact, KnowledgeProblem, TopicName } from '../knowledge/types.ts';

/**
 * Human-readable renderings shared by the console and the CLI without `--json`. An answer names each cited
 * document once, with its date and source; a refusal says so without a percentage and numbers its suggestions.
 */
export function formatAnswer(result: Answer, kb?: Pick<KnowledgeBase, 'documents'>): string {
	// Small talk is the bot's own reply: no confidence, nothing cited.
	if (result.smallTalk) return result.answer;
	// A follow-up says how it was read, so a wrong reading of "he" or "it" is seen at once.
	const lines: string[] = result.askedAs ? [`(read as: ${result.askedAs})`] : [];
	if (result.answered) {
		lines.push(result.answer, '');
		for (const cited of citedDocuments(result.sources, kb?.documents ?? [])) {
			const beside = [cited.date, cited.link ?? cited.origin].filter(Boolean).map((text) => ` · ${text}`).join('');
			lines.push(`  source: ${cited.document}, ${linesText(cited.lines)}${beside}`);
		}
		lines.push(`  confidence: ${Math.round(result.confidence * 100)}%${result.topic ? `  topic: ${result.topic}` : ''}`);
	} else {
		lines.push(result.answer);
		if (result.suggestions.length) {
			lines.push('', 'Did you mean:');
			result.suggestions.forEach((suggestion, index) => lines.push(`  ${index + 1}. ${suggestion}`));
		}
	}
	return lines.join('\n');
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

export function formatTopic(topic: TopicName, facts: readonly Fact[]): string {
	if (facts.length === 0) return `Nothing in the documents is about ${topic}.`;
	return [`${topic} (${plural(facts.length, 'fact')}):`, ...facts.map((f, i) => `${i + 1}. ${quotedText(f)}\n   (${f.document}, line ${f.line})`)].join('\n');
}

/** "1 document, 21 facts, built in 110 ms": what the console greets with and `/sources` opens with. */
export function sourcesSummary(kb: KnowledgeBase): string {
	return `${plural(kb.documents.length, 'document')}, ${plural(kb.facts.length, 'fact')}, built in ${kb.buildMs.toFixed(0)} ms`;
}

export function formatSources(kb: KnowledgeBase): string {
	return [
		`${sourcesSummary(kb)}:`,
		...kb.documents.map((d) => `  ${d.id}: ${d.title} (${plural(d.facts.length, 'fact')}${d.date ? `, ${d.date}` : ''})`),
	].join('\n');
}

export function formatProblems(problems: readonly KnowledgeProblem[]): string {
	return problems.map((p) => `knowledge problem: ${p.file}: ${p.issue}`).join('\n');
}

export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
