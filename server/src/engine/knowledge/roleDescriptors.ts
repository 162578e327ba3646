import type { Entity } from './factTypes';

/**
 * Descriptions a reporter writes for the holder of a role, derived from the role ("president of Egypt"):
 * "Egypt's president", "the Egyptian president", "president of Egypt", "Egypt president", and through a
 * place that stands for the country, "Cairo's president". A role held by more than one entity ("president
 * of the United States", by two people at different dates) gives no description: it would name either.
 * Hand-written descriptors stay as they are; these only add to them.
 *
 * @param titleForms every way each title id is written ("foreign minister", "top diplomat")
 * @returns entity id -> descriptions
 */
export function roleDescriptors(
  entities: ReadonlyMap<string, Entity>,
  titleForms: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const holders = new Map<string, Set<string>>();
  for (const entity of entities.values()) {
    for (const role of entity.roles ?? []) {
      if (!role.of) continue;
      const key = `${role.title}\u0000${role.of}`;
      const set = holders.get(key) ?? new Set<string>();
      set.add(entity.id);
      holders.set(key, set);
    }
  }
  const standIns = new Map<string, Entity[]>();
  for (const entity of entities.values()) {
    for (const id of entity.standsFor ?? []) standIns.set(id, [...(standIns.get(id) ?? []), entity]);
  }
  const out = new Map<string, string[]>();
  for (const [key, ids] of holders) {
    if (ids.size !== 1) continue;
    const [title, of] = key.split('\u0000');
    const place = entities.get(of);
    const forms = titleForms.get(title);
    if (!place || !forms) continue;
    const names = [place.name, ...(place.aliases ?? [])];
    const standInNames = (standIns.get(of) ?? []).flatMap((e) => [e.name, ...(e.aliases ?? [])]);
    const described = new Set<string>();
    for (const form of forms) {
      for (const name of names) {
        described.add(`${name}'s ${form}`);
        described.add(`${name} ${form}`);
        described.add(`${form} of ${name}`);
      }
      for (const adjective of place.adjectives ?? []) described.add(`${adjective} ${form}`);
      for (const name of standInNames) described.add(`${name}'s ${form}`);
    }
    const [id] = ids;
    out.set(id, [...described]);
  }
  return out;
}
