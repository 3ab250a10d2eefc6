package com.eshop.systemtest.support;

import com.eshop.stack.Db;
import java.util.LinkedHashMap;
import java.util.Map;

/** A summary of every database's business state: equal fingerprints before and after mean nothing changed. */
public final class StateFingerprint {
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("order_db", "SELECT (SELECT COUNT(*) FROM order_info), (SELECT COALESCE(SUM(order_status), 0) FROM order_info), "
                + "(SELECT COUNT(*) FROM order_item), (SELECT COUNT(*) FROM order_payment_detail), "
                + "(SELECT COALESCE(SUM(pay_status), 0) FROM order_payment_detail), (SELECT COUNT(*) FROM order_payment_record), "
                + "(SELECT COUNT(*) FROM order_operate_log), (SELECT COUNT(*) FROM after_sale_info), "
                + "(SELECT COALESCE(SUM(after_sale_status), 0) FROM after_sale_info), (SELECT COUNT(*) FROM after_sale_refund)");
        QUERIES.put("inventory_db", "SELECT SUM(sale_stock_quantity), SUM(locked_stock_quantity), SUM(saled_stock_quantity), "
                + "(SELECT COUNT(*) FROM product_stock_log) FROM product_stock");
        QUERIES.put("market_db", "SELECT SUM(used), COUNT(order_id) FROM user_coupon");
        QUERIES.put("pay_db", "SELECT (SELECT COUNT(*) FROM pay_transaction), (SELECT COALESCE(SUM(status), 0) FROM pay_transaction), "
                + "(SELECT COUNT(*) FROM pay_capture), (SELECT COUNT(*) FROM pay_refund)");
        QUERIES.put("fulfill_db", "SELECT (SELECT COUNT(*) FROM order_fulfill), (SELECT COALESCE(SUM(status), 0) FROM order_fulfill), "
                + "(SELECT COUNT(*) FROM order_fulfill_item)");
        QUERIES.put("wms_db", "SELECT (SELECT COUNT(*) FROM delivery_order), (SELECT COALESCE(SUM(status), 0) FROM delivery_order)");
        QUERIES.put("tms_db", "SELECT (SELECT COUNT(*) FROM logistic_order), (SELECT COALESCE(SUM(status), 0) FROM logistic_order)");
    }

    private StateFingerprint() {
    }

    public static Map<String, String> of(Db db) {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        QUERIES.forEach((database, sql) -> fingerprint.put(database, db.row(database, sql).values().toString()));
        return fingerprint;
    }
}
