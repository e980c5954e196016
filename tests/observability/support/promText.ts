/**
 * Reading Prometheus text exposition in tests: the value of one sample, by name and labels.
 * Enough for prom-client's output (one sample per line, labels quoted, no escapes in our values).
 */

/** The value of the sample `name` whose labels include `labels`; undefined when there is none. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
	for (const line of text.split('\n')) {
		if (line.startsWith('#')) continue;
		const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)/.exec(line);
		if (!match || match[1] !== name) continue;
		const found = new Map([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
		if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) return Number(match[3]);
	}
	return undefined;
}

/**
 * Scrapes until the sample satisfies `accept` (an observation recorded just after the event a test
 * waited for); throws after `timeoutMs` with the last value. Returns the accepted scrape.
 */
export async function waitForMetric(
	scrape: () => Promise<string>,
	name: string,
	labels: Record<string, string>,
	accept: (value: number) => boolean,
	timeoutMs = 5_000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = await scrape();
		const value = metricValue(text, name, labels);
		if (value !== undefined && accept(value)) return text;
		if (Date.now() > deadline) throw new Error(`${name}${JSON.stringify(labels)} stayed at ${value}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
