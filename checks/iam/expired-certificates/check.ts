import { serverCertificates } from '../../../src/collectors/iam/server-certificates.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { orAccountPass } from '../lib/resources.ts';
import { ageDays, isoDay } from '../lib/time.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const expiredCertificates = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [serverCertificates],
  evaluate([certificates], ctx) {
    const now = ctx.clock.now();
    const drafts = certificates.map((cert): ResultDraft => {
      const target = { region: GLOBAL_REGION, resourceType: 'AWS::IAM::ServerCertificate', resourceId: cert.name, resourceArn: cert.arn };
      if (!cert.expiresAt) {
        const reason = `ListServerCertificates gave no expiration date for ${cert.name}`;
        return {
          status: 'ERROR',
          ...target,
          evidence: ctx.say('noExpiry', { certificate: cert.name }),
          details: { reason },
        };
      }
      const expired = cert.expiresAt.getTime() <= now.getTime();
      return {
        status: expired ? 'FAIL' : 'PASS',
        ...target,
        evidence: expired
          ? ctx.say('expired', { certificate: cert.name, expiry: isoDay(cert.expiresAt), count: ageDays(cert.expiresAt, now) })
          : ctx.say('valid', { certificate: cert.name, expiry: isoDay(cert.expiresAt) }),
        details: { expiresAt: cert.expiresAt.toISOString(), uploadedAt: cert.uploadedAt?.toISOString() ?? null, expired },
      };
    });
    return orAccountPass(drafts, ctx, ctx.say('noCertificates'));
  },
});
