import type { Entity } from '../knowledge/factTypes';

/** Places that contain `entity` (its `within` chain and country), itself included. */
export function containers(entity: Entity, entities: ReadonlyMap<string, Entity>): Set<string> {
  const out = new Set<string>([entity.id]);
  const queue: string[] = [];
  const enqueueContainersOf = (e: Entity): void => {
    for (const id of e.within ?? []) queue.push(id);
    if (e.country) queue.push(e.country);
  };
  enqueueContainersOf(entity);
  // a cursor, not shift(): each id is read once however long the chain
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next];
    if (out.has(id)) continue;
    out.add(id);
    const e = entities.get(id);
    if (e) enqueueContainersOf(e);
  }
  return out;
}

/** Kinds of place that can stand in for one another in a conflict (a city for a city, a base for a base). */
export { PLACE_CLASSES } from './factWords';
