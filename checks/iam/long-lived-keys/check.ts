import { defineActiveKeyCheck } from '../lib/active-keys.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const longLivedKeys = defineActiveKeyCheck({
  ...checkFolder(meta, en, ja),
  fails: (count) => count > 0,
  evidence: (row, active, ctx) =>
    active.length > 0 ? ctx.say('holdsKeys', { user: row.user, count: active.length, keys: active }) : ctx.say('holdsNone', { user: row.user }),
});
