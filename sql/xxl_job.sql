-- XXL-JOB admin 2.4.2 database (the schema of the release's tables_xxl_job.sql), re-runnable, seeded with
-- order-service's executor group and its two jobs. No user is seeded here: the compose db-init step creates the
-- admin user with the password the operator sets (XXL_JOB_ADMIN_PASSWORD); the release's admin/123456 is never set.
CREATE DATABASE IF NOT EXISTS xxl_job DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE xxl_job;

SET NAMES utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_info (
  id INT(11) NOT NULL AUTO_INCREMENT,
  job_group INT(11) NOT NULL COMMENT 'executor group id',
  job_desc VARCHAR(255) NOT NULL,
  add_time DATETIME DEFAULT NULL,
  update_time DATETIME DEFAULT NULL,
  author VARCHAR(64) DEFAULT NULL,
  alarm_email VARCHAR(255) DEFAULT NULL,
  schedule_type VARCHAR(50) NOT NULL DEFAULT 'NONE',
  schedule_conf VARCHAR(128) DEFAULT NULL COMMENT 'meaning depends on schedule_type',
  misfire_strategy VARCHAR(50) NOT NULL DEFAULT 'DO_NOTHING',
  executor_route_strategy VARCHAR(50) DEFAULT NULL,
  executor_handler VARCHAR(255) DEFAULT NULL,
  executor_param VARCHAR(512) DEFAULT NULL,
  executor_block_strategy VARCHAR(50) DEFAULT NULL,
  executor_timeout INT(11) NOT NULL DEFAULT '0' COMMENT 'seconds',
  executor_fail_retry_count INT(11) NOT NULL DEFAULT '0',
  glue_type VARCHAR(50) NOT NULL,
  glue_source MEDIUMTEXT,
  glue_remark VARCHAR(128) DEFAULT NULL,
  glue_updatetime DATETIME DEFAULT NULL,
  child_jobid VARCHAR(255) DEFAULT NULL COMMENT 'comma separated job ids',
  trigger_status TINYINT(4) NOT NULL DEFAULT '0' COMMENT '0 stopped, 1 running',
  trigger_last_time BIGINT(13) NOT NULL DEFAULT '0',
  trigger_next_time BIGINT(13) NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_log (
  id BIGINT(20) NOT NULL AUTO_INCREMENT,
  job_group INT(11) NOT NULL,
  job_id INT(11) NOT NULL,
  executor_address VARCHAR(255) DEFAULT NULL,
  executor_handler VARCHAR(255) DEFAULT NULL,
  executor_param VARCHAR(512) DEFAULT NULL,
  executor_sharding_param VARCHAR(20) DEFAULT NULL COMMENT 'index/total, e.g. 1/2',
  executor_fail_retry_count INT(11) NOT NULL DEFAULT '0',
  trigger_time DATETIME DEFAULT NULL,
  trigger_code INT(11) NOT NULL,
  trigger_msg TEXT,
  handle_time DATETIME DEFAULT NULL,
  handle_code INT(11) NOT NULL,
  handle_msg TEXT,
  alarm_status TINYINT(4) NOT NULL DEFAULT '0' COMMENT '0 default, 1 no alarm needed, 2 alarm sent, 3 alarm failed',
  PRIMARY KEY (id),
  KEY I_trigger_time (trigger_time),
  KEY I_handle_code (handle_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_log_report (
  id INT(11) NOT NULL AUTO_INCREMENT,
  trigger_day DATETIME DEFAULT NULL,
  running_count INT(11) NOT NULL DEFAULT '0',
  suc_count INT(11) NOT NULL DEFAULT '0',
  fail_count INT(11) NOT NULL DEFAULT '0',
  update_time DATETIME DEFAULT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY i_trigger_day (trigger_day) USING BTREE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_logglue (
  id INT(11) NOT NULL AUTO_INCREMENT,
  job_id INT(11) NOT NULL,
  glue_type VARCHAR(50) DEFAULT NULL,
  glue_source MEDIUMTEXT,
  glue_remark VARCHAR(128) NOT NULL,
  add_time DATETIME DEFAULT NULL,
  update_time DATETIME DEFAULT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_registry (
  id INT(11) NOT NULL AUTO_INCREMENT,
  registry_group VARCHAR(50) NOT NULL,
  registry_key VARCHAR(255) NOT NULL,
  registry_value VARCHAR(255) NOT NULL,
  update_time DATETIME DEFAULT NULL,
  PRIMARY KEY (id),
  KEY i_g_k_v (registry_group, registry_key, registry_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_group (
  id INT(11) NOT NULL AUTO_INCREMENT,
  app_name VARCHAR(64) NOT NULL COMMENT 'the executor appname',
  title VARCHAR(12) NOT NULL,
  address_type TINYINT(4) NOT NULL DEFAULT '0' COMMENT '0 registered by the executors, 1 entered by hand',
  address_list TEXT COMMENT 'comma separated executor addresses',
  update_time DATETIME DEFAULT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_user (
  id INT(11) NOT NULL AUTO_INCREMENT,
  username VARCHAR(50) NOT NULL,
  password VARCHAR(50) NOT NULL COMMENT 'MD5 hex of the password',
  role TINYINT(4) NOT NULL COMMENT '0 user, 1 administrator',
  permission VARCHAR(255) DEFAULT NULL COMMENT 'comma separated executor group ids',
  PRIMARY KEY (id),
  UNIQUE KEY i_username (username) USING BTREE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS xxl_job_lock (
  lock_name VARCHAR(50) NOT NULL,
  PRIMARY KEY (lock_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- the admin's schedulers serialise on this row
INSERT IGNORE INTO xxl_job_lock (lock_name) VALUES ('schedule_lock');

-- order-service's executor (xxl.job.executor.appname); its instances register their addresses themselves
INSERT IGNORE INTO xxl_job_group (id, app_name, title, address_type, address_list, update_time)
VALUES (1, 'eshop-order-executor', 'eshop-order', 0, NULL, NOW());

-- Job ids 1 and 2 as the local stack's trigger uses them (ScanJobTrigger); strategies and intervals as README "The
-- timeout scan" and "The reconciliation job" advise. Sharding broadcast: each order-service instance handles its
-- shard. Seeded once: an operator's later edits in the admin stay.
INSERT IGNORE INTO xxl_job_info (id, job_group, job_desc, add_time, update_time, author, alarm_email,
                                 schedule_type, schedule_conf, misfire_strategy, executor_route_strategy,
                                 executor_handler, executor_param, executor_block_strategy, executor_timeout,
                                 executor_fail_retry_count, glue_type, glue_source, glue_remark, glue_updatetime,
                                 child_jobid, trigger_status, trigger_last_time, trigger_next_time)
VALUES
  (1, 1, 'Cancel expired unpaid orders (safety net for lost pay-timeout messages)', NOW(), NOW(), 'eshop', '',
   'FIX_RATE', '60', 'DO_NOTHING', 'SHARDING_BROADCAST',
   'autoCancelExpiredOrderTask', '', 'SERIAL_EXECUTION', 0,
   0, 'BEAN', '', 'seeded by sql/xxl_job.sql', NOW(),
   '', 1, 0, 0),
  (2, 1, 'Reconcile cancelled orders (safety net for messages lost after a cancel)', NOW(), NOW(), 'eshop', '',
   'FIX_RATE', '300', 'DO_NOTHING', 'SHARDING_BROADCAST',
   'reconcileCancelledOrdersTask', '', 'SERIAL_EXECUTION', 0,
   0, 'BEAN', '', 'seeded by sql/xxl_job.sql', NOW(),
   '', 1, 0, 0);
