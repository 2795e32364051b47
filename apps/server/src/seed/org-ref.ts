/** An org as the seed builders pass it around. */
export interface OrgRef {
  id: number;
  path: string;
  name: string;
  kind: string;
  parentId: number | null;
}
