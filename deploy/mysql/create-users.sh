#!/bin/sh
# One MySQL user per client of the compose deployment, allowed to read and write its own database and nothing else
# (no DDL: the schemas come from sql/, applied by db-init as root). Run by db-init after sql/ on every up: a user
# that exists gets the password of its variable again and exactly these grants, so a password is changed by
# changing the variable. The passwords come from the environment (README "Production shape").
set -eu

# a MySQL string literal of $1: backslashes and quotes escaped
sql_string() {
  printf "'%s'" "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")"
}

create_user() {
  user=$1 database=$2 password=$(sql_string "$3")
  echo "user $user: $database.*"
  mysql -h mysql -uroot <<SQL
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $password;
ALTER USER '$user'@'%' IDENTIFIED BY $password;
REVOKE ALL PRIVILEGES, GRANT OPTION FROM '$user'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`$database\`.* TO '$user'@'%';
SQL
}

#           user               database        password
create_user order_service      order_db        "$ORDER_DB_PASSWORD"
create_user fulfill_service    fulfill_db      "$FULFILL_DB_PASSWORD"
create_user wms_service        wms_db          "$WMS_DB_PASSWORD"
create_user tms_service        tms_db          "$TMS_DB_PASSWORD"
create_user market_service     market_db       "$MARKET_DB_PASSWORD"
create_user inventory_service  inventory_db    "$INVENTORY_DB_PASSWORD"
create_user pay_service        pay_db          "$PAY_DB_PASSWORD"
create_user seata_server       seata           "$SEATA_DB_PASSWORD"
create_user xxl_job_admin      xxl_job         "$XXL_JOB_DB_PASSWORD"
