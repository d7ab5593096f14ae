-- Following the numbers on orders: the delivery tracking numbers (送仓单号)
-- and the transfer numbers (转单号) of orders still under way are
-- subscribed to the tracking provider's pushes by a background job
-- (`orders::service::follow_numbers`). A number the provider refused is
-- tried again only after a while: this is when it was last tried (epoch
-- ms; NULL: never, or accepted, see `subscribed_at`).
ALTER TABLE tracking_numbers ADD COLUMN subscribe_tried_at BIGINT;
