import { type FieldIssue, issue } from '../../../kernel/errors.ts';
import type { MessageKey, MessageParams } from '../../../kernel/i18n/index.ts';

/** Problems found in a price sheet, each at a cell (`Rates!D14`) with its row; capped so a bad file stays readable. */
export class Issues {
  readonly list: FieldIssue[] = [];
  constructor(private readonly max = 200) {}
  add(cell: string, row: number | undefined, key: MessageKey, params?: MessageParams) {
    const found = issue(cell, key, params, row);
    // The same cell can fail once per zone column (zone matrix): report it once.
    if (this.list.some((i) => i.field === cell && i.message === found.message)) return;
    if (this.list.length < this.max) this.list.push(found);
  }
  get count() {
    return this.list.length;
  }
}
