import { accountSummary } from '../../../src/collectors/iam/account-summary.ts';
import { isRootDevice, virtualMfaDevices } from '../../../src/collectors/iam/virtual-mfa-devices.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { accountTarget } from '../lib/resources.ts';

export const rootHardwareMfa = defineCheck({
  id: 'iam.root-hardware-mfa',
  service: 'iam',
  severity: 'medium',
  cis: ['1.6'],
  securityHub: ['IAM.6'],
  scope: 'global',
  needs: [accountSummary, virtualMfaDevices],
  title: {
    en: 'Root user uses a hardware MFA device',
    ja: 'ルートユーザーでハードウェア MFA デバイスを使用している',
  },
  why: {
    en: 'A virtual MFA app lives on a phone or computer that can be lost, backed up to the cloud, or compromised along with the password. A hardware security key cannot be copied and is resistant to phishing.',
    ja: '仮想 MFA アプリは、紛失したり、クラウドにバックアップされたり、パスワードと一緒に侵害されたりし得るスマートフォンや PC 上にあります。ハードウェアセキュリティキーは複製できず、フィッシングにも強い方式です。',
  },
  guide: {
    en: '1. Sign in as the root user → account menu → Security credentials.\n2. Under Multi-factor authentication (MFA), choose Assign MFA device → Passkey or security key (or Hardware TOTP token) and register it.\n3. Sign out and back in with the new device, then remove the virtual MFA device.\n4. Keep the key in a safe place and record who holds it.\nCLI to check for a virtual root device: `aws iam list-virtual-mfa-devices --assignment-status Assigned`',
    ja: '1. ルートユーザーでサインインし、アカウントメニュー →「セキュリティ認証情報」を開きます。\n2.「多要素認証 (MFA)」で「MFA デバイスの割り当て」→「パスキーまたはセキュリティキー」(または「ハードウェア TOTP トークン」) を選んで登録します。\n3. いったんサインアウトし、新しいデバイスでサインインできることを確認してから、仮想 MFA デバイスを削除します。\n4. キーを安全な場所に保管し、保管者を記録します。\nルートの仮想デバイスを確認する CLI: `aws iam list-virtual-mfa-devices --assignment-status Assigned`',
  },
  evaluate([summary, devices], ctx) {
    const virtual = devices.filter(isRootDevice).map((d) => d.serialNumber);
    if (!summary.accountMfaEnabled) {
      return [
        {
          status: 'FAIL',
          ...accountTarget(ctx),
          evidence: ctx.text({ en: 'Root user has no MFA at all, hardware or virtual', ja: 'ルートユーザーには MFA がまったく設定されていません (ハードウェア、仮想とも)' }),
          details: { accountMfaEnabled: false, rootVirtualMfaDevices: virtual },
        },
      ];
    }
    const isVirtual = virtual.length > 0;
    return [
      {
        status: isVirtual ? 'FAIL' : 'PASS',
        ...accountTarget(ctx),
        evidence: isVirtual
          ? ctx.text({ en: `Root user's MFA includes a virtual device: ${virtual.join(', ')}`, ja: `ルートユーザーの MFA に仮想デバイスが含まれています: ${virtual.join('、')}` })
          : ctx.text({ en: 'Root user has MFA and no virtual MFA device', ja: 'ルートユーザーは MFA が有効で、仮想 MFA デバイスはありません' }),
        details: { accountMfaEnabled: true, rootVirtualMfaDevices: virtual },
      },
    ];
  },
});
