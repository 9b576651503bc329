import ExcelJS from 'exceljs';
import { appError } from '../../../kernel/errors.ts';
import { cellText } from '../../../platform/files/tabular/cell-text.ts';
import { columnLetter } from '../../../platform/files/tabular/types.ts';

/** One worksheet as text cells, 1-based rows and columns like Excel. */
export interface Sheet {
  name: string;
  rowCount: number;
  text(row: number, col: number): string;
  /** Excel address: `Rates!D14`. */
  cell(row: number, col: number): string;
}

const isDateFormat = (fmt: string | undefined) =>
  !!fmt && /[ymd]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*]/g, ''));

/** Price sheets are small (a few thousand rows): the whole workbook is loaded in memory. */
export async function readWorkbook(bytes: Buffer, fileName: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw appError('BAD_FILE', 'logistics.import.notXlsx', { fileName }, { cause });
  }
  return wb.worksheets
    .filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden')
    .map((ws) => {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        const values: string[] = [];
        row.eachCell({ includeEmpty: false }, (c, col) => {
          const v = c.isMerged && c.master !== c ? '' : cellText(c.value, { isDate: isDateFormat(c.numFmt) });
          values[col - 1] = v.trim();
        });
        rows[r - 1] = values;
      });
      return {
        name: ws.name,
        rowCount: rows.length,
        text: (r: number, c: number) => rows[r - 1]?.[c - 1] ?? '',
        cell: (r: number, c: number) => `${ws.name}!${columnLetter(c - 1)}${r}`,
      };
    });
}
