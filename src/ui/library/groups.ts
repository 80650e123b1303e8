import type { LibraryInfo, LibraryItem } from '../../worker/library';

/** The library's sections in display order, each with its entries in library order; empty sections are left out. */
export function libraryGroupsInOrder(library: LibraryInfo): { group: LibraryInfo['groups'][number]; items: LibraryItem[] }[] {
  return library.groups.map((group) => ({ group, items: library.items.filter((i) => i.group === group.id) })).filter((g) => g.items.length > 0);
}
