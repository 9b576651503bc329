/** Append to the list under `key`, creating it. */
export function pushTo<T>(record: Record<string, T[]>, key: string, item: T): void {
  const list = record[key];
  if (list) list.push(item);
  else record[key] = [item];
}
