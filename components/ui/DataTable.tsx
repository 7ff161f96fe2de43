'use client';

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
  }
}

export interface ServerSorting {
  /** Column id sorted on, and direction. */
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
}

/**
 * A table of rows. Sorting is in the browser, or, with `serverSorting`, on the server (the URL holds the state).
 * Numeric columns are right-aligned with tabular figures.
 */
export function DataTable<T>({
  data,
  columns,
  serverSorting,
  initialSorting = [],
  rowTestId,
  getRowId,
  dense = false,
}: {
  data: T[];
  columns: Array<ColumnDef<T, unknown>>;
  serverSorting?: ServerSorting;
  initialSorting?: SortingState;
  rowTestId?: string;
  getRowId?: (row: T, index: number) => string;
  dense?: boolean;
}) {
  const [localSorting, setLocalSorting] = useState<SortingState>(initialSorting);
  const sorting = serverSorting?.sorting ?? localSorting;
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    manualSorting: Boolean(serverSorting),
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (serverSorting) serverSorting.onSortingChange(next);
      else setLocalSorting(next);
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: serverSorting ? undefined : getSortedRowModel(),
    getRowId,
  });
  const pad = dense ? 'px-2 py-1.5' : 'px-3 py-2';
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const numeric = header.column.columnDef.meta?.numeric;
                const canSort = header.column.getCanSort();
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={`${pad} whitespace-nowrap border-b border-slate-200 ${numeric ? 'text-right' : ''}`}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={`inline-flex items-center gap-1 uppercase hover:text-slate-900 ${sorted ? 'text-slate-900' : ''}`}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="text-[10px]">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50" data-testid={rowTestId}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`${pad} ${cell.column.columnDef.meta?.numeric ? 'num' : ''}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
