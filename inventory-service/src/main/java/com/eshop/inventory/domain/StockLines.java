package com.eshop.inventory.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rules for the item list of a stock request. */
public final class StockLines {
    private StockLines() {
    }

    /**
     * One line per SKU (quantities of repeated SKUs added), sorted by SKU code: every request locks the
     * stock rows in the same order, so two orders on overlapping SKUs cannot deadlock each other.
     */
    public static List<StockLine> mergeSorted(List<StockLine> lines) {
        Map<String, Integer> bySku = new TreeMap<>();
        for (StockLine line : lines) {
            bySku.merge(line.skuCode(), line.quantity(), Integer::sum);
        }
        return bySku.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
    }
}
