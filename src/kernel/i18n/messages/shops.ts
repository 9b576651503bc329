import type { Template } from '../types.ts';

/** Login, sessions, members, roles and API tokens (src/domains/shops) and the CLI's shop choice. */
export const shopsMessages = {
  'auth.invalidCredentials': { en: 'Wrong email or password.', 'zh-CN': '邮箱或密码错误。' },
  'auth.locked': {
    en: 'Too many wrong passwords. The account is locked; try again in {minutes} minutes or ask the shop owner to reset your password.',
    'zh-CN': '密码错误次数太多，账号已被锁定。请 {minutes} 分钟后再试，或请店主为你重置密码。',
  },
  'auth.tokenUnknown': { en: 'The API token is unknown or revoked.', 'zh-CN': 'API 令牌无效或已被撤销。' },
  'auth.csrf': {
    en: 'This request is missing its security token. Reload the page and try again.',
    'zh-CN': '请求缺少安全令牌，请刷新页面后重试。',
  },
  'auth.loginRequired': { en: 'Please log in.', 'zh-CN': '请先登录。' },
  'auth.loginOrToken': { en: 'Please log in or send an API token.', 'zh-CN': '请先登录，或提供 API 令牌。' },
  'shop.notFound': { en: 'No shop "{slug}" that you can open.', 'zh-CN': '找不到你能打开的店铺「{slug}」。' },
  'shop.tokenLacksScope': {
    en: 'This API token lacks the scope "{scope}".',
    'zh-CN': '这个 API 令牌没有「{scope}」权限。',
  },
  'role.owner': { en: 'owner', 'zh-CN': '店主' },
  'role.operator': { en: 'operator', 'zh-CN': '运营' },
  'role.warehouse': { en: 'warehouse', 'zh-CN': '仓库' },
  'role.finance': { en: 'finance', 'zh-CN': '财务' },
  'role.service': { en: 'service', 'zh-CN': '客服' },
  'shop.roleForbidden': {
    en: 'Your role ({role}) may not do this. Ask the shop owner.',
    'zh-CN': '你的角色（{role}）不能执行此操作，请联系店主。',
  },
  'shop.slugInvalid': {
    en: 'The shop slug may use a–z, 0–9 and hyphens (2–63 characters).',
    'zh-CN': '店铺标识只能使用 a–z、0–9 和连字符（2–63 个字符）。',
  },
  'shop.slugInvalidIssue': { en: 'use a–z, 0–9 and -', 'zh-CN': '只能使用 a–z、0–9 和 -' },
  'shop.slugTaken': {
    en: 'A shop with the slug "{slug}" already exists.',
    'zh-CN': '店铺标识「{slug}」已被使用。',
  },
  'password.tooShort': {
    en: 'The password must have at least 8 characters.',
    'zh-CN': '密码至少需要 8 个字符。',
  },
  'password.tooShortIssue': { en: 'at least 8 characters', 'zh-CN': '至少 8 个字符' },
  'member.badEmail': { en: '"{email}" is not an email address.', 'zh-CN': '「{email}」不是有效的邮箱地址。' },
  'member.badEmailIssue': { en: 'not an email address', 'zh-CN': '不是有效的邮箱地址' },
  'member.needsPassword': {
    en: 'This person has no account yet: give them a first password.',
    'zh-CN': '这个人还没有账号，请为他设置初始密码。',
  },
  'member.needsPasswordIssue': { en: 'required for a new account', 'zh-CN': '新账号必填' },
  'member.lastOwner': {
    en: 'A shop needs at least one owner. Make someone else owner first.',
    'zh-CN': '店铺至少需要一位店主。请先把其他人设为店主。',
  },
  'member.notFound': {
    en: 'This person is not a member of this shop.',
    'zh-CN': '这个人不是本店铺的成员。',
  },
  'member.otherShop': {
    en: 'This person also belongs to another shop; they must change their password themselves.',
    'zh-CN': '这个人也属于其他店铺，只能由本人修改密码。',
  },
  'token.chooseScopes': { en: 'Choose scopes from: {list}.', 'zh-CN': '请从以下权限中选择：{list}。' },
  'token.unknownScopes': { en: 'unknown: {list}', 'zh-CN': '未知权限：{list}' },
  'token.chooseOne': { en: 'choose at least one', 'zh-CN': '至少选择一项' },
  'token.notFound': {
    en: 'No active token with this id in this shop.',
    'zh-CN': '本店铺中没有这个有效的令牌。',
  },
  'token.scopesBeyond': {
    en: 'You may not grant scopes you do not have: {list}.',
    'zh-CN': '你不能授予自己没有的权限：{list}。',
  },
  'cli.shopRequired': { en: 'Say which shop with --shop SLUG.', 'zh-CN': '请用 --shop 店铺标识 指定店铺。' },
  'cli.shopNotFound': {
    en: 'No shop "{slug}". List shops with the admin or create one: cunkou shop create {slug} "Name"',
    'zh-CN': '没有店铺「{slug}」。请在后台查看店铺，或新建一个：cunkou shop create {slug} "名称"',
  },
  'cli.badMode': {
    en: '--mode must be all_or_nothing or valid_rows',
    'zh-CN': '--mode 只能是 all_or_nothing 或 valid_rows',
  },
  'cli.mappingNotFound': {
    en: 'No saved mapping "{mapping}" in shop {slug}.',
    'zh-CN': '店铺 {slug} 中没有保存名为「{mapping}」的列对应关系。',
  },
  'cli.error': { en: 'Error: {message}', 'zh-CN': '错误：{message}' },
} as const satisfies Record<string, Template>;
