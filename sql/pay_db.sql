-- pay-service: the stand-in payment gateway's pre-pay transactions, captured payments and refunds.
CREATE DATABASE IF NOT EXISTS pay_db DEFAULT CHARACTER SET utf8mb4;
USE pay_db;

-- status: 10 WAITING
CREATE TABLE IF NOT EXISTS pay_transaction (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  out_trade_no VARCHAR(64) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  user_id VARCHAR(64) NOT NULL,
  pay_type TINYINT NOT NULL,
  pay_amount INT NOT NULL,
  status TINYINT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_out_trade_no (out_trade_no),
  UNIQUE KEY uk_order_pay_type (order_id, pay_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per payment the gateway took (its notification): the refunds of a trade never exceed its capture.
CREATE TABLE IF NOT EXISTS pay_capture (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  out_trade_no VARCHAR(64) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  pay_type TINYINT NOT NULL,
  pay_amount INT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_out_trade_no (out_trade_no),
  KEY idx_order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- status: 20 SUCCESS. One row per refund request id: a repeated request never refunds twice.
-- refund_request_id: derived from an order id of up to 64 characters plus a prefix (PayRefundRequest's limit).
CREATE TABLE IF NOT EXISTS pay_refund (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  refund_request_id VARCHAR(96) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  out_trade_no VARCHAR(64) NULL,
  pay_type TINYINT NOT NULL,
  refund_amount INT NOT NULL,
  status TINYINT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_refund_request_id (refund_request_id),
  KEY idx_order_id (order_id),
  KEY idx_out_trade_no (out_trade_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
ALTER TABLE pay_refund MODIFY refund_request_id VARCHAR(96) NOT NULL;

CREATE TABLE IF NOT EXISTS undo_log (
  branch_id BIGINT NOT NULL, xid VARCHAR(128) NOT NULL, context VARCHAR(128) NOT NULL,
  rollback_info LONGBLOB NOT NULL, log_status INT NOT NULL, log_created DATETIME(6) NOT NULL, log_modified DATETIME(6) NOT NULL,
  UNIQUE KEY ux_undo_log (xid, branch_id), KEY ix_log_created (log_created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
