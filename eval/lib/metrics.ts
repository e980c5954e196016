/** One question's outcome: how sure the engine was, whether it answered, and whether that was right. */
export interface Outcome {
	set: string;
	abstain: boolean;
	answered: boolean;
	confidence: number;
	/** The answer it gave (or would have given) is right. */
	right: boolean;
}

export interface SetFigures {
	set: string;
	questions: number;
	accuracy: number;
	answered: number;
	answeredPrecision: number;
	/** Share of the answerable questions answered rightly. */
	recall: number;
	/** Share of the unanswerable questions declined. */
	declined: number;
	/** Expected calibration error over the answered questions, 10 bins, as the public scorer computes it. */
	calibrationError: number;
	/** Accuracy of declining everything, for reference. */
	declineAll: number;
}

/** Whether the engine's decision on the question is the right one: a right answer, or declining an unanswerable one. */
export function isCorrect(o: Outcome): boolean {
	return o.abstain ? !o.answered : o.answered && o.right;
}

export function figuresOf(set: string, outcomes: readonly Outcome[]): SetFigures {
	const answered = outcomes.filter((o) => o.answered);
	const answerable = outcomes.filter((o) => !o.abstain);
	const unanswerable = outcomes.filter((o) => o.abstain);
	return {
		set,
		questions: outcomes.length,
		accuracy: share(outcomes, isCorrect),
		answered: answered.length,
		answeredPrecision: share(answered, (o) => o.right && !o.abstain),
		recall: share(answerable, (o) => o.answered && o.right),
		declined: share(unanswerable, (o) => !o.answered),
		calibrationError: calibrationError(answered),
		declineAll: share(outcomes, (o) => o.abstain),
	};
}

/** Answered questions in ten confidence bins: the mean confidence shown against the share right. */
export function reliability(outcomes: readonly Outcome[]): { from: number; to: number; n: number; confidence: number; right: number }[] {
	const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, n: 0, confidence: 0, right: 0 }));
	for (const o of outcomes) {
		const bin = bins[Math.min(9, Math.floor(Math.max(0, Math.min(0.9999, o.confidence)) * 10))]!;
		bin.n++;
		bin.confidence += o.confidence;
		bin.right += o.right && !o.abstain ? 1 : 0;
	}
	return bins.map((b) => ({ ...b, confidence: b.n ? b.confidence / b.n : 0, right: b.n ? b.right / b.n : 0 }));
}

function calibrationError(answered: readonly Outcome[]): number {
	if (!answered.length) return 0;
	return reliability(answered).reduce((sum, b) => sum + (b.n / answered.length) * Math.abs(b.confidence - b.right), 0);
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
	return items.length ? items.filter(test).length / items.length : 0;
}

export function formatFigures(rows: readonly SetFigures[]): string {
	const header = '| set | questions | accuracy | declining all | answered | answered precision | answerable right | unanswerable declined | calibration error |';
	const line = '|---|---:|---:|---:|---:|---:|---:|---:|---:|';
	const body = rows.map(
		(r) =>
			`| ${r.set} | ${r.questions} | ${r.accuracy.toFixed(3)} | ${r.declineAll.toFixed(3)} | ${r.answered} | ${r.answeredPrecision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.declined.toFixed(3)} | ${r.calibrationError.toFixed(3)} |`,
	);
	return [header, line, ...body].join('\n');
}

export function formatReliability(outcomes: readonly Outcome[]): string {
	const rows = reliability(outcomes.filter((o) => o.answered)).filter((b) => b.n > 0);
	return ['| confidence | answered | mean confidence | share right |', '|---|---:|---:|---:|', ...rows.map((b) => `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${b.confidence.toFixed(3)} | ${b.right.toFixed(3)} |`)].join('\n');
}
