package com.eshop.stack;

/** Where the local Seata TC keeps global sessions and locks ({@code seata.store.mode}). */
public enum SeataStoreMode {
    /** In MariaDB, schema {@code sql/seata.sql}: the local stack's and the tests' store. */
    DB,
    /** In files under the TC's data directory: leaked row locks after a refused branch registration (Seata 2.0.0). */
    FILE
}
