/**
 * Which assignor a group uses, chosen as Kafka's classic coordinator does
 * (`GroupMetadata.selectProtocol`): candidates are the protocols every member supports; each
 * member votes for its most preferred candidate; most votes wins. Kafka breaks ties by map
 * order; we break them by the first member's preference, so the choice is deterministic.
 */
import { type GroupMember } from './group-member';
import { type GroupProtocol } from './coordinator-types';

/**
 * Whether a member may join with `protocolType` and `protocols`: with no other members, any
 * non-empty set; otherwise the same type and at least one protocol every other member supports.
 * The joining member's own current protocols do not count (unlike Kafka, where a lone member
 * cannot switch assignors without leaving first).
 */
export function supportsProtocols(
  others: readonly GroupMember[],
  protocolType: string,
  protocols: readonly GroupProtocol[],
): boolean {
  if (protocolType === '' || protocols.length === 0) return false;
  const first = others[0];
  if (first === undefined) return true;
  if (first.protocolType !== protocolType) return false;
  return protocols.some((p) => others.every((m) => m.protocols.some((q) => q.name === p.name)));
}

/** The protocol the group will use. `members` must be non-empty and share a protocol. */
export function chooseProtocol(members: readonly GroupMember[]): string {
  const candidates = (members[0]?.protocols ?? [])
    .map((p) => p.name)
    .filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
  const votes = new Map<string, number>(candidates.map((name) => [name, 0]));
  for (const m of members) {
    const choice = m.protocols.find((p) => votes.has(p.name));
    if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
  }
  let best = candidates[0] ?? '';
  for (const name of candidates) if ((votes.get(name) ?? 0) > (votes.get(best) ?? 0)) best = name;
  return best;
}
