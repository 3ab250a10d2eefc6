package com.eshop.inventory.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StockLinesTest {

    @Test
    void repeatedSkusAreAddedUpAndLinesAreSortedBySku() {
        List<StockLine> merged = StockLines.mergeSorted(List.of(
                new StockLine("SKU-1003", 1), new StockLine("SKU-1001", 2), new StockLine("SKU-1003", 4)));

        assertThat(merged).containsExactly(new StockLine("SKU-1001", 2), new StockLine("SKU-1003", 5));
    }
}
