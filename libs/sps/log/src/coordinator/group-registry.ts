/**
 * The coordinator's groups by id, and the one way to act on a group: `withGroup` runs a task
 * in the group's queue. A group is created by a first join, a simple commit or a reset, and
 * exists while it has members or committed indexes; deleting it (or expiring its last
 * indexes) marks it Dead and removes it here. A task that finds its group Dead — deleted
 * while the task was queued — looks the id up again (kfake's `goto start`), so it acts on the
 * group's successor or on "unknown".
 */
import { type ConsumerGroup } from './consumer-group';
import { unknownGroup } from './group-errors';

const DEAD = Symbol('dead');

export class GroupRegistry {
  private readonly groups = new Map<string, ConsumerGroup>();

  constructor(
    private readonly create: (groupId: string) => ConsumerGroup,
    private readonly assertOpen: () => void,
  ) {}

  /** Adds a group (on open: one per group with committed indexes). */
  add(group: ConsumerGroup): void {
    this.groups.set(group.groupId, group);
  }

  /** Called inside the group's queue once it is Dead. */
  remove(group: ConsumerGroup): void {
    if (this.groups.get(group.groupId) === group) this.groups.delete(group.groupId);
  }

  all(): ConsumerGroup[] {
    return [...this.groups.values()];
  }

  /**
   * Runs `task` in the queue of group `groupId`, creating the group if `create` is set;
   * otherwise an unknown group gets `unknown()` (default: SPS_ERR_UNKNOWN_GROUP).
   */
  async withGroup<T>(
    groupId: string,
    create: boolean,
    task: (group: ConsumerGroup) => T | Promise<T>,
    unknown: () => T | Promise<T> = () => {
      throw unknownGroup(groupId);
    },
  ): Promise<T> {
    for (;;) {
      this.assertOpen();
      let group = this.groups.get(groupId);
      if (!group) {
        if (!create) return unknown();
        group = this.create(groupId);
        this.groups.set(groupId, group);
      }
      const g = group;
      const result = await g.queue.run(() => (g.state === 'Dead' ? DEAD : task(g)));
      if (result !== DEAD) return result;
    }
  }
}
