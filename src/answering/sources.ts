import type { KnowledgeDocument } from '../knowledge/types.ts';
import type { Citation } from './types.ts';

/** One document an answer cites, once however many of its sentences it cites, with what its front matter says of it. */
export interface CitedDocument {
	document: string;
	title: string;
	/** Cited lines, ascending, each once. */
	lines: number[];
	/** The front matter's `date`, as written. */
	date?: string;
	/** The front matter's `source` when it is an https address: what a link may open. */
	link?: string;
	/** The front matter's `source` when it is anything else ("News article"): shown as text, never opened. */
	origin?: string;
}

/** Discord refuses longer link buttons; an address that long is no source a reader would follow anyway. */
const MAX_LINK = 512;

/**
 * The document's `source` as a link a reply may offer: https only (a reader is sent nowhere unencrypted, nor to
 * `javascript:` or a file), no credentials, no spaces; anything else is no link.
 * @example httpsLink('https://example.org/report') // → "https://example.org/report"
 */
export function httpsLink(source: string | undefined): string | undefined {
	if (!source || /\s/.test(source) || source.length > MAX_LINK) return undefined;
	let url: URL;
	try {
		url = new URL(source);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return undefined;
	return url.href.length > MAX_LINK ? undefined : url.href;
}

/**
 * An answer's citations grouped by document, in the order first cited: an answer built on two sentences of one
 * document (the sentence a "This …" leans on and the fact) names that document once.
 */
export function citedDocuments(sources: readonly Citation[], documents: readonly KnowledgeDocument[]): CitedDocument[] {
	const byId = new Map<string, CitedDocument>();
	for (const source of sources) {
		let cited = byId.get(source.document);
		if (!cited) {
			const document = documents.find((d) => d.id === source.document);
			const link = httpsLink(document?.source);
			cited = {
				document: source.document,
				title: document?.title ?? source.document,
				lines: [],
				...(document?.date ? { date: document.date } : {}),
				...(link ? { link } : document?.source ? { origin: document.source } : {}),
			};
			byId.set(source.document, cited);
		}
		if (!cited.lines.includes(source.line)) cited.lines.push(source.line);
	}
	for (const cited of byId.values()) cited.lines.sort((a, b) => a - b);
	return [...byId.values()];
}

/**
 * "line 12", "lines 12 and 13", "lines 12, 13 and 15".
 * @example linesText([12, 13]) // → "lines 12 and 13"
 */
export function linesText(lines: readonly number[]): string {
	if (lines.length <= 1) return `line ${lines[0] ?? '?'}`;
	return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}
