import type { Localized } from '../../../guidelines/catalog';

/** Messages for authentication gaps in container settings, shared by compose and Kubernetes rules. */
export const AUTH_MESSAGES: Record<string, Localized> = {
  trust: {
    en: '"{service}" ({image}) accepts every connection without a password ({setting}).',
    ja: '「{service}」（{image}）がパスワードなしですべての接続を受け付けます（{setting}）。',
  },
  emptyPassword: {
    en: '"{service}" ({image}) allows an empty root password ({setting}).',
    ja: '「{service}」（{image}）が空の root パスワードを許可しています（{setting}）。',
  },
  securityOff: {
    en: '"{service}" ({image}) switches security off ({setting}): no authentication, no TLS.',
    ja: '「{service}」（{image}）がセキュリティを無効にしています（{setting}）。認証も TLS もありません。',
  },
  noRootUser: {
    en: '"{service}" ({image}) sets no root user ({setting}), so MongoDB runs without access control.',
    ja: '「{service}」（{image}）が root ユーザー（{setting}）を設定しておらず、MongoDB がアクセス制御なしで動作します。',
  },
  noPassword: {
    en: '"{service}" ({image}) runs without a password ({setting}).',
    ja: '「{service}」（{image}）がパスワードなしで動作しています（{setting}）。',
  },
  noAuthByDefault: {
    en: '"{service}" ({image}) has no authentication by default ({setting}).',
    ja: '「{service}」（{image}）は既定で認証がありません（{setting}）。',
  },
};
