-- CreateEnum
CREATE TYPE "shipment_status" AS ENUM ('label_created', 'shipped');

-- CreateTable
CREATE TABLE "shipments" (
    "order_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "status" "shipment_status" NOT NULL DEFAULT 'label_created',
    "country" CHAR(2) NOT NULL,
    "units" INTEGER NOT NULL,
    "weight_grams" INTEGER NOT NULL,
    "label_pdf" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "inbox_events" (
    "event_id" TEXT NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "index" BIGINT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shipments_tracking_number_key" ON "shipments"("tracking_number");
