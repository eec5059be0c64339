import { defineActiveKeyCheck } from '../lib/active-keys.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const multipleActiveKeys = defineActiveKeyCheck({
  ...checkFolder(meta, en, ja),
  fails: (count) => count > 1,
  evidence: (row, active, ctx) =>
    active.length ? ctx.say('activeKeys', { user: row.user, count: active.length, keys: active }) : ctx.say('noActiveKeys', { user: row.user }),
});
