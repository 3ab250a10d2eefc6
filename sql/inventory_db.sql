-- inventory-service: product stock and, per order and SKU, the stock that order holds.
CREATE DATABASE IF NOT EXISTS inventory_db DEFAULT CHARACTER SET utf8mb4;
USE inventory_db;

CREATE TABLE IF NOT EXISTS product_stock (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  sku_code VARCHAR(64) NOT NULL,
  product_name VARCHAR(128) NOT NULL,
  sale_stock_quantity INT NOT NULL DEFAULT 0,
  locked_stock_quantity INT NOT NULL DEFAULT 0,
  saled_stock_quantity INT NOT NULL DEFAULT 0,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_sku_code (sku_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- status: 10 LOCKED, 20 RELEASED, 30 DEDUCTED
CREATE TABLE IF NOT EXISTS product_stock_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id VARCHAR(64) NOT NULL,
  sku_code VARCHAR(64) NOT NULL,
  quantity INT NOT NULL,
  status TINYINT NOT NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_order_sku (order_id, sku_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS undo_log (
  branch_id BIGINT NOT NULL, xid VARCHAR(128) NOT NULL, context VARCHAR(128) NOT NULL,
  rollback_info LONGBLOB NOT NULL, log_status INT NOT NULL, log_created DATETIME(6) NOT NULL, log_modified DATETIME(6) NOT NULL,
  UNIQUE KEY ux_undo_log (xid, branch_id), KEY ix_log_created (log_created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Demo stock: SKU-1001..SKU-1020 with 100000 each, SKU-LIMITED with 5 (for the insufficient-stock cases).
INSERT IGNORE INTO product_stock (sku_code, product_name, sale_stock_quantity, locked_stock_quantity, saled_stock_quantity) VALUES
  ('SKU-1001', 'Demo product 1001', 100000, 0, 0),
  ('SKU-1002', 'Demo product 1002', 100000, 0, 0),
  ('SKU-1003', 'Demo product 1003', 100000, 0, 0),
  ('SKU-1004', 'Demo product 1004', 100000, 0, 0),
  ('SKU-1005', 'Demo product 1005', 100000, 0, 0),
  ('SKU-1006', 'Demo product 1006', 100000, 0, 0),
  ('SKU-1007', 'Demo product 1007', 100000, 0, 0),
  ('SKU-1008', 'Demo product 1008', 100000, 0, 0),
  ('SKU-1009', 'Demo product 1009', 100000, 0, 0),
  ('SKU-1010', 'Demo product 1010', 100000, 0, 0),
  ('SKU-1011', 'Demo product 1011', 100000, 0, 0),
  ('SKU-1012', 'Demo product 1012', 100000, 0, 0),
  ('SKU-1013', 'Demo product 1013', 100000, 0, 0),
  ('SKU-1014', 'Demo product 1014', 100000, 0, 0),
  ('SKU-1015', 'Demo product 1015', 100000, 0, 0),
  ('SKU-1016', 'Demo product 1016', 100000, 0, 0),
  ('SKU-1017', 'Demo product 1017', 100000, 0, 0),
  ('SKU-1018', 'Demo product 1018', 100000, 0, 0),
  ('SKU-1019', 'Demo product 1019', 100000, 0, 0),
  ('SKU-1020', 'Demo product 1020', 100000, 0, 0),
  ('SKU-LIMITED', 'Demo limited product', 5, 0, 0);
