package com.eshop.inventory.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockLogStatusTest {

    @Test
    void onlyLockedStockCanBeReleasedOrDeducted() {
        assertThat(StockLogStatus.LOCKED.canMoveTo(StockLogStatus.RELEASED)).isTrue();
        assertThat(StockLogStatus.LOCKED.canMoveTo(StockLogStatus.DEDUCTED)).isTrue();
        assertThat(StockLogStatus.LOCKED.canMoveTo(StockLogStatus.LOCKED)).isFalse();
    }

    @Test
    void releasedAndDeductedAreFinal() {
        for (StockLogStatus target : StockLogStatus.values()) {
            assertThat(StockLogStatus.RELEASED.canMoveTo(target)).isFalse();
            assertThat(StockLogStatus.DEDUCTED.canMoveTo(target)).isFalse();
        }
    }

    @Test
    void codesMatchTheTable() {
        assertThat(StockLogStatus.of(10)).isEqualTo(StockLogStatus.LOCKED);
        assertThat(StockLogStatus.of(20)).isEqualTo(StockLogStatus.RELEASED);
        assertThat(StockLogStatus.of(30)).isEqualTo(StockLogStatus.DEDUCTED);
        assertThatThrownBy(() -> StockLogStatus.of(40)).isInstanceOf(IllegalArgumentException.class);
    }
}
