-- CreateTable
CREATE TABLE "sent_messages" (
    "event_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "smtp_response" TEXT,

    CONSTRAINT "sent_messages_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sent_messages_message_id_key" ON "sent_messages"("message_id");

-- CreateIndex
CREATE INDEX "sent_messages_order_id_idx" ON "sent_messages"("order_id");
