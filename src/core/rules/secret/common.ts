import type { Localized } from '../../guidelines/catalog';

/** Guidelines every secret rule cites, primary first. */
export const SECRET_GUIDELINES: string[] = ['ppc-gl-10-6', 'ppc-faq-10-19', 'nisc-tkb-auth', 'jpcert-java-msc03j', 'cto-a-dxcriteria-system-8-7', 'iso-5.17'];

/** Guidelines for private keys and cloud credentials (key management first). */
export const KEY_GUIDELINES: string[] = ['ppc-gl-10-6', 'nisc-tkb-auth', 'iso-8.24', 'iso-5.17'];

export const SECRET_DESCRIPTION: Localized = {
  en: 'A credential in a repository is copied to every clone, fork, CI runner and laptop, and stays in history after deletion. The PPC guideline requires identification and authentication of whoever accesses personal data (technical security measures 10-6); a shared, leaked credential defeats both. Move the value to a secret manager or an environment variable, then revoke and reissue it.',
  ja: 'リポジトリ内の認証情報は、すべてのクローン・フォーク・CI 環境・端末に複製され、削除後も履歴に残ります。個人情報保護委員会のガイドラインは、個人データにアクセスする者の識別と認証を技術的安全管理措置（10-6）として求めており、漏えいした共有の認証情報はこれを無効にします。値をシークレットマネージャーまたは環境変数に移し、失効させて再発行してください。',
};
