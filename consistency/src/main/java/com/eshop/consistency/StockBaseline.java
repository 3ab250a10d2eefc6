package com.eshop.consistency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Stock per SKU (available, locked, sold) captured before a workload. Every correct operation keeps
 * available + locked + sold of a SKU constant, so the check holds however many other orders ran meanwhile.
 */
public final class StockBaseline {
    public record Stock(long available, long locked, long sold) {
        public long total() {
            return available + locked + sold;
        }
    }

    private final Map<String, Stock> bySku;

    public StockBaseline(Map<String, Stock> bySku) {
        this.bySku = Collections.unmodifiableMap(new LinkedHashMap<>(bySku));
    }

    public static StockBaseline capture(Function<String, String> jdbcUrlOfDatabase) {
        Map<String, Stock> stock = new LinkedHashMap<>();
        for (Jdbc.Row r : Jdbc.query(jdbcUrlOfDatabase.apply("inventory_db"),
                "SELECT sku_code, sale_stock_quantity, locked_stock_quantity, saled_stock_quantity FROM product_stock ORDER BY sku_code")) {
            stock.put(r.str("sku_code"), new Stock(r.lng("sale_stock_quantity"), r.lng("locked_stock_quantity"), r.lng("saled_stock_quantity")));
        }
        return new StockBaseline(stock);
    }

    public Map<String, Stock> bySku() {
        return bySku;
    }

    @Override
    public String toString() {
        return bySku.size() + " SKU(s)";
    }
}
