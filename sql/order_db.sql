-- order-service database: orders, payments, operate log, after-sale (cancel refunds).
CREATE DATABASE IF NOT EXISTS order_db DEFAULT CHARACTER SET utf8mb4;
USE order_db;

-- Product catalog snapshot used to price orders (the article's product service).
CREATE TABLE IF NOT EXISTS product_sku (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  sku_code VARCHAR(64) NOT NULL,
  product_name VARCHAR(128) NOT NULL,
  sale_price INT NOT NULL COMMENT 'cents',
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_sku_code (sku_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS order_info (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id VARCHAR(64) NOT NULL,
  user_id VARCHAR(64) NOT NULL,
  business_identifier INT NULL,
  order_type INT NULL,
  order_status INT NOT NULL COMMENT '10 CREATED 20 PAID 30 FULFILL 40 OUT_STOCK 50 DELIVERY 60 SIGNED 70 CANCELED',
  cancel_type INT NULL COMMENT '0 user 1 timeout',
  cancel_time DATETIME(3) NULL,
  coupon_id VARCHAR(64) NULL,
  total_amount INT NOT NULL,
  coupon_amount INT NOT NULL DEFAULT 0,
  pay_amount INT NOT NULL,
  pay_type INT NULL,
  expire_time DATETIME(3) NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_order_id (order_id),
  KEY idx_user_id (user_id),
  -- the timeout scan reads only expired unpaid orders, in keyset pages, through this index
  KEY idx_status_expire (order_status, expire_time, order_id),
  -- the reconciliation job reads the cancelled orders of its window, in keyset pages, through this index
  KEY idx_status_cancel_time (order_status, cancel_time, order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS order_item (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_item_id VARCHAR(80) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  sku_code VARCHAR(64) NOT NULL,
  product_name VARCHAR(128) NOT NULL,
  sale_price INT NOT NULL,
  sale_quantity INT NOT NULL,
  origin_amount INT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_order_item_id (order_item_id),
  KEY idx_order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The order's accepted payment (one per order).
CREATE TABLE IF NOT EXISTS order_payment_detail (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id VARCHAR(64) NOT NULL,
  pay_type INT NULL,
  pay_amount INT NOT NULL,
  pay_status INT NOT NULL COMMENT '10 UNPAID 20 PAID',
  out_trade_no VARCHAR(64) NULL,
  pay_time DATETIME(3) NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every payment the gateway reported, per order and pay type: accepted, or refunded (late / second pay type).
CREATE TABLE IF NOT EXISTS order_payment_record (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id VARCHAR(64) NOT NULL,
  pay_type INT NOT NULL,
  out_trade_no VARCHAR(64) NULL,
  pay_amount INT NOT NULL,
  status INT NOT NULL COMMENT '10 ACCEPTED 20 REFUND_PENDING 30 REFUNDED',
  refund_request_id VARCHAR(96) NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_order_pay_type (order_id, pay_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS order_operate_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id VARCHAR(64) NOT NULL,
  operate_type INT NOT NULL,
  pre_status INT NOT NULL,
  current_status INT NOT NULL,
  remark VARCHAR(255) NULL,
  -- set by a cancel attempt; the RELEASE_ASSETS check-back looks it up
  request_id VARCHAR(64) NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY idx_order_id (order_id),
  UNIQUE KEY uk_request_id (request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS after_sale_info (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  after_sale_id VARCHAR(80) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  user_id VARCHAR(64) NOT NULL,
  after_sale_type INT NOT NULL COMMENT '1 cancel order refund',
  after_sale_status INT NOT NULL COMMENT '20 REVIEW_PASS 50 REFUNDING 60 REFUNDED',
  apply_refund_amount INT NOT NULL,
  real_refund_amount INT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_after_sale_id (after_sale_id),
  -- one cancel after-sale per order: a redelivered refund request cannot create a second
  UNIQUE KEY uk_order_type (order_id, after_sale_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS after_sale_item (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  after_sale_id VARCHAR(80) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  sku_code VARCHAR(64) NOT NULL,
  product_name VARCHAR(128) NOT NULL,
  return_quantity INT NOT NULL,
  apply_refund_amount INT NOT NULL,
  real_refund_amount INT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_after_sale_sku (after_sale_id, sku_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS after_sale_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  after_sale_id VARCHAR(80) NOT NULL,
  pre_status INT NOT NULL,
  current_status INT NOT NULL,
  remark VARCHAR(255) NULL,
  -- the attempt whose local transaction wrote this change: the check-back of its transactional message looks for it
  request_id VARCHAR(64) NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY idx_after_sale_id (after_sale_id),
  UNIQUE KEY uk_request_id (request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- a database created before after_sale_log had request_id gets it (ADD COLUMN IF NOT EXISTS is MariaDB-only)
SET @add_after_sale_request_id = IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()
    AND table_name = 'after_sale_log' AND column_name = 'request_id') = 0,
  'ALTER TABLE after_sale_log ADD COLUMN request_id VARCHAR(64) NULL AFTER remark, ADD UNIQUE KEY uk_request_id (request_id)',
  'DO 0');
PREPARE add_after_sale_request_id FROM @add_after_sale_request_id;
EXECUTE add_after_sale_request_id;
DEALLOCATE PREPARE add_after_sale_request_id;

CREATE TABLE IF NOT EXISTS after_sale_refund (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  after_sale_id VARCHAR(80) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  refund_request_id VARCHAR(96) NOT NULL,
  pay_type INT NULL,
  out_trade_no VARCHAR(64) NULL,
  refund_amount INT NOT NULL,
  refund_status INT NOT NULL COMMENT '10 UN_REFUND 20 REFUND_SUCCESS',
  refund_pay_time DATETIME(3) NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_after_sale_id (after_sale_id),
  UNIQUE KEY uk_refund_request_id (refund_request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per cancelled order whose release (stock, coupon) and refund the reconciliation job found complete:
-- it is not looked at again.
CREATE TABLE IF NOT EXISTS order_cancel_settlement (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id VARCHAR(64) NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS undo_log (
  branch_id BIGINT NOT NULL, xid VARCHAR(128) NOT NULL, context VARCHAR(128) NOT NULL,
  rollback_info LONGBLOB NOT NULL, log_status INT NOT NULL, log_created DATETIME(6) NOT NULL, log_modified DATETIME(6) NOT NULL,
  UNIQUE KEY ux_undo_log (xid, branch_id), KEY ix_log_created (log_created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Demo catalog (inventory_db.product_stock holds the stock of the same SKUs).
INSERT IGNORE INTO product_sku (sku_code, product_name, sale_price) VALUES
  ('SKU-1001', 'Mechanical keyboard', 29900),
  ('SKU-1002', 'Wireless mouse', 9900),
  ('SKU-1003', 'USB-C cable', 1990),
  ('SKU-1004', '27-inch monitor', 129900),
  ('SKU-1005', 'Laptop stand', 15900),
  ('SKU-1006', 'Webcam', 24900),
  ('SKU-1007', 'Desk lamp', 8900),
  ('SKU-1008', 'Headphones', 49900),
  ('SKU-1009', 'Microphone', 39900),
  ('SKU-1010', 'Docking station', 69900),
  ('SKU-1011', 'Mouse pad', 2900),
  ('SKU-1012', 'HDMI cable', 1590),
  ('SKU-1013', 'Power bank', 12900),
  ('SKU-1014', 'Phone charger', 4900),
  ('SKU-1015', 'Notebook', 990),
  ('SKU-1016', 'Pen set', 1290),
  ('SKU-1017', 'Backpack', 19900),
  ('SKU-1018', 'Water bottle', 3900),
  ('SKU-1019', 'Speaker', 34900),
  ('SKU-1020', 'Smart watch', 99900),
  ('SKU-LIMITED', 'Limited edition figure', 59900);
