// What the shipping service keeps about a parcel. The label PDF is stored with it but read
// separately (it is the only large column).

/** A shipment about to be created; everything but the label is known before rendering it. */
export interface NewShipment {
  orderId: string;
  /** `SS` + 16 digits + check digit, derived from the order id. */
  trackingNumber: string;
  carrier: string;
  /** ISO 3166-1 alpha-2 destination, e.g. `DE`. */
  country: string;
  /** Units in the parcel. */
  units: number;
  /** The weight estimate printed on the label. */
  weightGrams: number;
}

/** The contracts' `Shipment.status` values. */
export type ShipmentStatus = 'label_created' | 'shipped';

/** A stored shipment (without its label bytes: see `findLabel`). */
export interface StoredShipment extends NewShipment {
  /** The `event-id` of the `order.placed` record that created it. */
  eventId: string;
  status: ShipmentStatus;
  createdAt: Date;
}

/** Where an event came from: the inbox row written with its effect. */
export interface InboxEntry {
  /** The `event-id` header: the idempotency key. */
  eventId: string;
  consumerGroup: string;
  stream: string;
  partition: number;
  /** The record's index in its partition (Kafka: offset). */
  index: bigint;
}

/**
 * What {@link ShipmentRepository.createLabelOnce} did:
 * - `created`: a new event of a new order: inbox row, shipment and label written;
 * - `duplicate-event`: this event was handled before (redelivery): nothing written, no render;
 * - `duplicate-order`: a new event for an order that has its label already: only the inbox
 *   row is written; the first label stays the only one.
 */
export type LabelOutcome = 'created' | 'duplicate-event' | 'duplicate-order';
