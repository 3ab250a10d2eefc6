-- wms-service: delivery (picking) orders, at most one per order, and their items.
CREATE DATABASE IF NOT EXISTS wms_db DEFAULT CHARACTER SET utf8mb4;
USE wms_db;

-- status: 10 PICKING, 20 OUT_STOCK, 90 CANCELLED (fulfillment interception; the row and its items are kept, never
-- deleted, so under Seata AT they keep the cancelling global transaction's global lock until it has ended)
CREATE TABLE IF NOT EXISTS delivery_order (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  delivery_order_id VARCHAR(64) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  fulfill_id VARCHAR(64) NOT NULL,
  status TINYINT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_delivery_order_id (delivery_order_id),
  UNIQUE KEY uk_order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS delivery_order_item (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  delivery_order_id VARCHAR(64) NOT NULL,
  sku_code VARCHAR(64) NOT NULL,
  pick_quantity INT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  KEY idx_delivery_order_id (delivery_order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS undo_log (
  branch_id BIGINT NOT NULL, xid VARCHAR(128) NOT NULL, context VARCHAR(128) NOT NULL,
  rollback_info LONGBLOB NOT NULL, log_status INT NOT NULL, log_created DATETIME(6) NOT NULL, log_modified DATETIME(6) NOT NULL,
  UNIQUE KEY ux_undo_log (xid, branch_id), KEY ix_log_created (log_created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
