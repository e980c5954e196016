import { buildKnowledgeBase } from '../answering/index.ts';
import { readCuratedText } from '../knowledge/curated.ts';
import { loadKnowledge, type KnowledgeLayerInput } from '../knowledge/loadKnowledge.ts';
import type { KnowledgeChange, KnowledgeLayer } from '../store/store.ts';
import type { KnowledgeBase, KnowledgeProblem } from './engine.ts';

/** Who triggered a (re)load, for /kb status and the audit log. */
export interface Actor {
	id: string;
	name: string;
}

/** The bot itself, loading the knowledge folder as it starts (in the audit log as `startup`). */
export const STARTUP_ACTOR: Actor = Object.freeze({ id: 'startup', name: 'startup' });

/** The last successful build. */
export interface BuildInfo {
	at: Date;
	by: Actor;
	ms: number;
	documents: number;
	facts: number;
}

export type RefreshResult =
	| { ok: true; before: { documents: number; facts: number }; after: BuildInfo }
	| { ok: false; before: { documents: number; facts: number }; problems: KnowledgeProblem[] };

/** How many documents and facts `kb` holds (none without one), as refresh results and build records count them. */
export const counts = (kb: KnowledgeBase | null) => ({ documents: kb?.documents.length ?? 0, facts: kb?.facts.length ?? 0 });

/** The store's documents (PostgreSQL), read afresh for every build. */
export type LayerSource = () => Promise<KnowledgeLayer>;

type Layer = KnowledgeLayerInput & { generation: number };

/** `layer` as it will be once `change` is committed. */
function withChange(layer: Layer, change: KnowledgeChange): Layer {
	if (change.kind === 'curated') return { ...layer, curated: change.content };
	const documents = layer.documents.filter((document) => document.id !== change.id);
	const removed = layer.removed.filter((id) => id !== change.id);
	if (change.kind === 'remove') return { ...layer, documents, removed: [...removed, change.id], ...(change.curated === undefined ? {} : { curated: change.curated }) };
	return { ...layer, documents: [...documents, { id: change.id, file: change.file, content: change.content }], removed };
}

/**
 * Holds the live knowledge base. A refresh builds a new one aside and swaps the reference only
 * when the build is clean, so readers never see a half-built index and a broken folder leaves
 * the old answers served. Readers take `current` once per request and keep that snapshot.
 *
 * With a {@link LayerSource} (PostgreSQL), every build layers the store's documents (and curated questions) over
 * the folder, and documents are added and removed, and questions curated, through {@link changeNow}: built aside
 * first, committed to the store only when clean, so the database never holds a change that does not build.
 *
 * @example
 * const holder = new KnowledgeHolder('knowledge');
 * await holder.load(STARTUP_ACTOR);
 * const kb = holder.current; // snapshot for this request
 */
export class KnowledgeHolder {
	#current: KnowledgeBase | null = null;
	#lastBuild: BuildInfo | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	/**
	 * Store generation the served knowledge base reflects (see Store#bumpKnowledgeGeneration); -1 when it may
	 * lack a change, so that the next sync rebuilds whatever the store says.
	 */
	generation = 0;

	/**
	 * @param onRefresh told of every rebuild after startup, so the bot can count refreshes and failures.
	 * @param layer the store's documents, with PostgreSQL: shared by every process.
	 */
	constructor(
		readonly directory: string,
		private readonly onRefresh: (result: RefreshResult) => void = () => undefined,
		private readonly layer?: LayerSource,
	) {}

	/** True when documents live in the store (PostgreSQL), layered over the folder, rather than in the folder alone. */
	get shared(): boolean {
		return this.layer !== undefined;
	}

	/** The live knowledge base, or null when none could be built yet. */
	get current(): KnowledgeBase | null {
		return this.#current;
	}

	get lastBuild(): BuildInfo | null {
		return this.#lastBuild;
	}

	/**
	 * Runs `task` alone: refreshes and folder edits never interleave (a second /kb add waits
	 * for the first to finish, instead of reading a folder the first is changing).
	 */
	exclusive<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task, task);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * Startup load: keeps whatever could be built, even with skipped files (collect, don't crash).
	 * Returns the problems for the log.
	 */
	load(by: Actor): Promise<{ problems: KnowledgeProblem[] }> {
		return this.exclusive(async () => {
			const started = performance.now();
			const { knowledgeBase, problems, generation } = await this.build();
			if (knowledgeBase) this.swap(knowledgeBase, by, performance.now() - started);
			if (generation !== undefined) this.generation = generation;
			return { problems };
		});
	}

	/**
	 * Moderator refresh: swaps only when the whole folder built cleanly; otherwise keeps the old
	 * knowledge base and returns the problems (file and reason). Call inside {@link exclusive}
	 * when combined with folder edits; alone it queues itself.
	 */
	refresh(by: Actor): Promise<RefreshResult> {
		return this.exclusive(() => this.refreshNow(by));
	}

	/** {@link refresh} without queueing: only for callers already inside {@link exclusive}. */
	async refreshNow(by: Actor): Promise<RefreshResult> {
		const result = await this.rebuild(by);
		this.onRefresh(result);
		return result;
	}

	/**
	 * With the store's layer: builds aside with `change` applied and, only if the build is clean, `commit`s it
	 * (recording it in the store, which returns the new generation) and swaps. A failed build commits nothing;
	 * a failed commit swaps nothing and throws. Call inside {@link exclusive}.
	 */
	async changeNow(by: Actor, change: KnowledgeChange, commit: () => Promise<number>): Promise<RefreshResult> {
		if (!this.layer) throw new Error('documents are changed through the store only when it holds them (PostgreSQL)');
		const result = await this.rebuild(by, { change, commit });
		this.onRefresh(result);
		return result;
	}

	/**
	 * The curated questions' text as the next build reads it: the store's when it holds one (PostgreSQL), else the
	 * folder's `curated.yaml`; null when there is neither. Throws when the folder's file cannot be read. Read inside
	 * {@link exclusive}, as the basis of a curated change.
	 */
	async curatedText(): Promise<string | null> {
		const stored = this.layer ? (await this.layer()).curated : undefined;
		if (stored !== undefined) return stored;
		const text = await readCuratedText(this.directory);
		if (text instanceof Error) throw text;
		return text;
	}

	/**
	 * Rebuilds when the store's generation differs from the one served (another process changed the knowledge
	 * base); returns null when nothing had changed. Queued like any refresh.
	 */
	sync(by: Actor, readGeneration: () => Promise<number>): Promise<RefreshResult | null> {
		return this.exclusive(async () => {
			const generation = await readGeneration();
			if (generation === this.generation) return null;
			// Without a layer, the store's number read now is the one this build reflects (the folder is read after it).
			if (!this.layer) this.generation = generation;
			return this.refreshNow(by);
		});
	}

	private async build(change?: KnowledgeChange): Promise<{ knowledgeBase: KnowledgeBase | null; problems: KnowledgeProblem[]; generation?: number }> {
		let layer: Layer | undefined = this.layer ? await this.layer() : undefined;
		if (layer && change) layer = withChange(layer, change);
		const loaded = await loadKnowledge(this.directory, layer ? { layer } : {});
		const knowledgeBase = loaded.documents.length > 0 ? await buildKnowledgeBase(this.directory, loaded) : null;
		return { knowledgeBase, problems: loaded.problems, ...(layer ? { generation: layer.generation } : {}) };
	}

	private async rebuild(by: Actor, edit?: { change: KnowledgeChange; commit: () => Promise<number> }): Promise<RefreshResult> {
		const before = counts(this.#current);
		const started = performance.now();
		let result: Awaited<ReturnType<KnowledgeHolder['build']>>;
		try {
			result = await this.build(edit?.change);
		} catch (error) {
			return { ok: false, before, problems: [{ file: this.directory, issue: (error as Error).message }] };
		}
		const { knowledgeBase, problems, generation } = result;
		if (!knowledgeBase || problems.length > 0) {
			return {
				ok: false,
				before,
				problems: problems.length > 0 ? problems : [{ file: this.directory, issue: 'no usable documents' }],
			};
		}
		let served = generation;
		if (edit && generation !== undefined) {
			const committed = await edit.commit();
			// Another process's change landed between reading the layer and committing: this build lacks it.
			served = committed === generation + 1 ? committed : -1;
		}
		const after = this.swap(knowledgeBase, by, performance.now() - started);
		if (served !== undefined) this.generation = served;
		return { ok: true, before, after };
	}

	private swap(kb: KnowledgeBase, by: Actor, ms: number): BuildInfo {
		this.#current = kb;
		this.#lastBuild = { at: new Date(), by, ms: Math.round(ms), ...counts(kb) };
		return this.#lastBuild;
	}
}
