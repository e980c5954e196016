import { loadKnowledgeBase, type KnowledgeBase, type KnowledgeProblem } from './engine.ts';

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

const counts = (kb: KnowledgeBase | null) => ({ documents: kb?.documents.length ?? 0, facts: kb?.facts.length ?? 0 });

/**
 * Holds the live knowledge base. A refresh builds a new one aside and swaps the reference only
 * when the build is clean, so readers never see a half-built index and a broken folder leaves
 * the old answers served. Readers take `current` once per request and keep that snapshot.
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
	/** Store generation this process last loaded (see Store#bumpKnowledgeGeneration). */
	generation = 0;

	/** @param onRefresh told of every rebuild after startup, so the bot can count refreshes and failures. */
	constructor(
		readonly directory: string,
		private readonly onRefresh: (result: RefreshResult) => void = () => undefined,
	) {}

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
			const { knowledgeBase, problems } = await loadKnowledgeBase(this.directory);
			if (knowledgeBase) this.swap(knowledgeBase, by, performance.now() - started);
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

	private async rebuild(by: Actor): Promise<RefreshResult> {
		const before = counts(this.#current);
		const started = performance.now();
		let result: Awaited<ReturnType<typeof loadKnowledgeBase>>;
		try {
			result = await loadKnowledgeBase(this.directory);
		} catch (error) {
			return { ok: false, before, problems: [{ file: this.directory, issue: (error as Error).message }] };
		}
		const { knowledgeBase, problems } = result;
		if (!knowledgeBase || problems.length > 0) {
			return {
				ok: false,
				before,
				problems: problems.length > 0 ? problems : [{ file: this.directory, issue: 'no usable documents' }],
			};
		}
		const after = this.swap(knowledgeBase, by, performance.now() - started);
		return { ok: true, before, after };
	}

	private swap(kb: KnowledgeBase, by: Actor, ms: number): BuildInfo {
		this.#current = kb;
		this.#lastBuild = { at: new Date(), by, ms: Math.round(ms), ...counts(kb) };
		return this.#lastBuild;
	}
}
