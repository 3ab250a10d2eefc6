-- market-service: user coupons; used = 0 unused, 1 locked or used by order_id.
CREATE DATABASE IF NOT EXISTS market_db DEFAULT CHARACTER SET utf8mb4;
USE market_db;

CREATE TABLE IF NOT EXISTS user_coupon (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  coupon_id VARCHAR(64) NOT NULL,
  user_id VARCHAR(64) NOT NULL,
  amount INT NOT NULL,
  used TINYINT NOT NULL DEFAULT 0,
  order_id VARCHAR(64) NULL,
  used_time DATETIME(3) NULL,
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  gmt_modified DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_coupon_id (coupon_id),
  KEY idx_user_id (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS undo_log (
  branch_id BIGINT NOT NULL, xid VARCHAR(128) NOT NULL, context VARCHAR(128) NOT NULL,
  rollback_info LONGBLOB NOT NULL, log_status INT NOT NULL, log_created DATETIME(6) NOT NULL, log_modified DATETIME(6) NOT NULL,
  UNIQUE KEY ux_undo_log (xid, branch_id), KEY ix_log_created (log_created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Demo coupons: users U1001..U1100, each with CP-<user>-1..CP-<user>-5 worth 1000 cents (500 rows).
INSERT IGNORE INTO user_coupon (coupon_id, user_id, amount, used)
SELECT CONCAT('CP-U', 1001 + tens.n * 10 + ones.n, '-', k.n), CONCAT('U', 1001 + tens.n * 10 + ones.n), 1000, 0
FROM (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) tens
CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) ones
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) k;

-- what each order did with a coupon (the coupon row itself forgets its order on release): read by the order timeline
CREATE TABLE IF NOT EXISTS user_coupon_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  coupon_id VARCHAR(64) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  action TINYINT NOT NULL COMMENT '1 LOCKED 2 RELEASED',
  gmt_create DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY idx_order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
