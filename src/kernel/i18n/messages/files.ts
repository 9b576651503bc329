import type { Template } from '../types.ts';

/** Reading seller spreadsheets (src/platform/files/tabular). */
export const filesMessages = {
  'file.problem': { en: 'File "{fileName}": {problem}', 'zh-CN': '文件「{fileName}」：{problem}' },
  'file.problemAtRow': {
    en: 'File "{fileName}", row {row}: {problem}',
    'zh-CN': '文件「{fileName}」第 {row} 行：{problem}',
  },
  'file.empty': { en: 'File "{fileName}" is empty.', 'zh-CN': '文件「{fileName}」是空的。' },
  'file.unsupported': {
    en: 'File "{fileName}" cannot be imported: {why}. Open it in Excel or WPS and use "Save As" → "Excel Workbook (*.xlsx)" or "CSV UTF-8", then upload again.',
    'zh-CN':
      '文件「{fileName}」无法导入：{why}。请用 Excel 或 WPS 打开，选择“另存为”→“Excel 工作簿 (*.xlsx)”或“CSV UTF-8”，然后重新上传。',
  },
  'file.oldXls': {
    en: 'it is an old Excel 97-2003 workbook (.xls), which cannot be read',
    'zh-CN': '这是旧版 Excel 97-2003 工作簿（.xls），无法读取',
  },
  'file.otherBinary': {
    en: 'it is a {kind}, not a spreadsheet',
    'zh-CN': '这是{kind}，不是表格',
  },
  'file.kind.pdf': { en: 'PDF', 'zh-CN': ' PDF 文件' },
  'file.kind.png': { en: 'PNG image', 'zh-CN': ' PNG 图片' },
  'file.kind.jpeg': { en: 'JPEG image', 'zh-CN': ' JPEG 图片' },
  'file.kind.gif': { en: 'GIF image', 'zh-CN': ' GIF 图片' },
  'file.kind.gzip': { en: 'gzip archive', 'zh-CN': ' gzip 压缩包' },
  'file.kind.rar': { en: 'RAR archive', 'zh-CN': ' RAR 压缩包' },
  'file.kind.7z': { en: '7z archive', 'zh-CN': ' 7z 压缩包' },
  'file.notSpreadsheet': {
    en: 'it is not a spreadsheet or CSV file',
    'zh-CN': '这不是表格或 CSV 文件',
  },
  'file.htmlOrXml': {
    en: 'it is a web page or XML export, not a real spreadsheet',
    'zh-CN': '这是网页或 XML 导出文件，不是真正的表格',
  },
  'file.tooLarge': {
    en: 'File "{fileName}" is {size} MB; the limit is {limit} MB. Split it into smaller files and upload them one by one.',
    'zh-CN': '文件「{fileName}」有 {size} MB，上限是 {limit} MB。请拆成几个小文件，逐个上传。',
  },
  'file.cannotOpen': {
    en: 'the file could not be opened. Upload it again.',
    'zh-CN': '文件无法打开，请重新上传。',
  },
  'file.noHeader': {
    en: 'the sheet is empty: no header row was found.',
    'zh-CN': '工作表是空的：没有找到表头行。',
  },
  'file.duplicateHeader': {
    en: 'Column name "{name}" is used more than once (columns {letters}).',
    'zh-CN': '列名「{name}」重复出现（第 {letters} 列）。',
  },
  'file.duplicateHeaders': {
    en: 'File "{fileName}", row {row}: {list} Rename or delete the extra columns and upload again.',
    'zh-CN': '文件「{fileName}」第 {row} 行：{list}请重命名或删除多余的列，然后重新上传。',
  },
  'file.noWorksheet': {
    en: 'the workbook has no any worksheet.{names}',
    'zh-CN': '工作簿里没有任何工作表。{names}',
  },
  'file.noSheetNamed': {
    en: 'the workbook has no a sheet named "{sheet}".{names}',
    'zh-CN': '工作簿里没有名为「{sheet}」的工作表。{names}',
  },
  'file.sheetsFound': { en: ' Sheets found: {names}.', 'zh-CN': '找到的工作表：{names}。' },
  'file.damagedWorkbook': {
    en: 'the workbook is damaged or incomplete. Save it again in Excel and re-upload.',
    'zh-CN': '工作簿已损坏或不完整。请在 Excel 中重新保存后再上传。',
  },
  'file.incompleteWorkbook': {
    en: 'the workbook is incomplete (the upload may have been cut off). Upload it again.',
    'zh-CN': '工作簿不完整（可能上传中断了），请重新上传。',
  },
  'file.csvIncomplete': {
    en: 'the file could not be read completely.',
    'zh-CN': '文件无法完整读取。',
  },
  'file.csvQuoteNotClosed': {
    en: 'a cell starts with a double quote (") that is never closed. Fix the quote and upload again.',
    'zh-CN': '有单元格以双引号（"）开头，但没有闭合。请修正引号后重新上传。',
  },
  'file.csvRowTooLong': {
    en: 'the row is far too long, usually because a double quote (") is never closed.',
    'zh-CN': '这一行太长了，通常是因为有双引号（"）没有闭合。',
  },
  'file.csvUnparsable': {
    en: 'the CSV cannot be parsed ({code}). Save it again from Excel as "CSV UTF-8".',
    'zh-CN': 'CSV 无法解析（{code}）。请在 Excel 中另存为“CSV UTF-8”。',
  },
} as const satisfies Record<string, Template>;
