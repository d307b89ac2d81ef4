import type { Kind } from '../subjects/subject';
import type { Op } from '../suites/result';

const MAP_COLUMNS: { op: Op; label: string }[] = [
  { op: 'set', label: 'set' },
  { op: 'settle', label: 'set→gc' },
  { op: 'get', label: 'get' },
  { op: 'has', label: 'has' },
  { op: 'replace', label: 'replace' },
  { op: 'delete', label: 'delete' },
  { op: 'iterate', label: 'iterate' },
  { op: 'values', label: 'values()' },
  { op: 'keys', label: 'keys()' },
  { op: 'forEach', label: 'forEach' },
  { op: 'churn', label: 'churn' },
  { op: 'reclaim', label: 'reclaim ns/dead' },
  { op: 'memory', label: 'B/entry' },
];

/** The operations a suite reports, in table order, with their column labels. */
export const COLUMNS: Record<Kind, { op: Op; label: string }[]> = {
  'value-map': MAP_COLUMNS,
  'key-map': MAP_COLUMNS,
  set: [
    { op: 'set', label: 'add' },
    { op: 'settle', label: 'add→gc' },
    { op: 'has', label: 'has' },
    { op: 'replace', label: 're-add' },
    { op: 'delete', label: 'delete' },
    { op: 'iterate', label: 'iterate' },
    { op: 'churn', label: 'churn' },
    { op: 'reclaim', label: 'reclaim ns/dead' },
    { op: 'memory', label: 'B/entry' },
  ],
  ref: [
    { op: 'create', label: 'create' },
    { op: 'deref', label: 'deref' },
    { op: 'churn', label: 'churn' },
    { op: 'reclaim', label: 'reclaim ns/dead' },
    { op: 'memory', label: 'B/ref' },
  ],
};
