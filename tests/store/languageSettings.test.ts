import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Store } from '../../src/store/store.ts';

let dir: string;
let store: Store;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'ombudsbot-store-'));
	store = Store.open(dir);
});

afterEach(() => {
	store.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('language settings', () => {
	test('GIVEN a user and a server setting THEN each is kept apart, replaced, cleared, and survives reopening', () => {
		expect(store.getLanguage('user', '1')).toBeNull();
		store.setLanguage('user', '1', 'kk');
		store.setLanguage('guild', '1', 'ru');
		expect(store.getLanguage('user', '1')).toBe('kk');
		expect(store.getLanguage('guild', '1')).toBe('ru');
		store.setLanguage('user', '1', 'en');
		store.close();
		store = Store.open(dir);
		expect(store.getLanguage('user', '1')).toBe('en');
		store.setLanguage('user', '1', null);
		expect(store.getLanguage('user', '1')).toBeNull();
		expect(store.getLanguage('guild', '1')).toBe('ru');
	});
});
