-- tms-service: logistic (shipping) orders, at most one per order.
CREATE DATABASE IF NOT EXISTS tms_db DEFAULT CHARACTER SET utf8mb4;
USE tms_db;

-- status: 10 CREATED, 20 IN_TRANSIT, 90 CANCELLED (fulfillment interception; the row is kept, never deleted, so
-- under Seata AT it keeps the cancelling global transaction's global lock until it has ended)
CREATE TABLE IF NOT EXISTS logistic_order (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  logistic_order_id VARCHAR(64) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  fulfill_id VARCHAR(64) NOT NULL,
  user_id VARCHAR(64) NOT NULL,
  status TINYINT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_logistic_order_id (logistic_order_id),
  UNIQUE KEY uk_order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS undo_log (
  branch_id BIGINT NOT NULL, xid VARCHAR(128) NOT NULL, context VARCHAR(128) NOT NULL,
  rollback_info LONGBLOB NOT NULL, log_status INT NOT NULL, log_created DATETIME(6) NOT NULL, log_modified DATETIME(6) NOT NULL,
  UNIQUE KEY ux_undo_log (xid, branch_id), KEY ix_log_created (log_created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
