package com.eshop.consistency.bench;

/** The services' databases the floor chain runs on. */
enum FloorDatabase {
    ORDER("order_db"), FULFILL("fulfill_db"), WMS("wms_db"), TMS("tms_db"),
    INVENTORY("inventory_db"), MARKET("market_db"), PAY("pay_db");

    final String schema;

    FloorDatabase(String schema) {
        this.schema = schema;
    }
}
