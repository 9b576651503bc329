import type { Template } from '../types.ts';

/** Messages of the HTTP layer and pieces shared by every domain. */
export const commonMessages = {
  'common.fieldIssue': { en: '{field}: {message}', 'zh-CN': '「{field}」：{message}' },
  'common.rowIssue': { en: 'row {row}, {field}: {message}', 'zh-CN': '第 {row} 行「{field}」：{message}' },
  'common.pleaseCorrect': { en: 'Please correct: {list}', 'zh-CN': '请修改以下内容：{list}' },
  'common.invalid': { en: 'invalid', 'zh-CN': '无效' },
  'common.required': { en: 'required', 'zh-CN': '必填' },
  'common.wrongType': { en: 'expected {expected}', 'zh-CN': '类型不对，应为{expected}' },
  'http.uploadTooLarge': {
    en: 'The upload is larger than allowed.',
    'zh-CN': '上传的文件超过了允许的大小。',
  },
  'http.rateLimited': {
    en: 'Too many requests. Wait a minute and try again.',
    'zh-CN': '请求太频繁，请等一分钟再试。',
  },
  'http.internal': {
    en: 'Something went wrong on the server. Nothing was saved; try again.',
    'zh-CN': '服务器出错了，没有保存任何内容，请重试。',
  },
  'http.noRoute': { en: 'No such page or API route.', 'zh-CN': '没有这个页面或 API 路径。' },
  'http.badCursor': {
    en: 'The cursor is not valid; start again from the first page.',
    'zh-CN': '分页位置无效，请从第一页重新开始。',
  },
  'http.badCursorIssue': { en: 'not a cursor returned by this list', 'zh-CN': '不是此列表返回的分页位置' },
  'upload.chooseFile': { en: 'Choose a file to upload.', 'zh-CN': '请选择要上传的文件。' },
  'upload.tooLarge': {
    en: '"{fileName}" is larger than the upload limit.',
    'zh-CN': '「{fileName}」超过了上传大小限制。',
  },
  'upload.tooLargeMb': {
    en: '"{fileName}" is larger than {mb} MB.',
    'zh-CN': '「{fileName}」超过了 {mb} MB。',
  },
} as const satisfies Record<string, Template>;
