package com.eshop.wms.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryOrderStatusTest {

    @Test
    void pickingCanBeCancelledOrLeaveTheWarehouse() {
        assertThat(DeliveryOrderStatus.PICKING.canCancel()).isTrue();
        assertThat(DeliveryOrderStatus.PICKING.canMoveToOutStock()).isTrue();
    }

    @Test
    void outStockIsFinal() {
        assertThat(DeliveryOrderStatus.OUT_STOCK.canCancel()).isFalse();
        assertThat(DeliveryOrderStatus.OUT_STOCK.canMoveToOutStock()).isFalse();
    }

    @Test
    void codesMatchTheTable() {
        assertThat(DeliveryOrderStatus.of(10)).isEqualTo(DeliveryOrderStatus.PICKING);
        assertThat(DeliveryOrderStatus.of(20)).isEqualTo(DeliveryOrderStatus.OUT_STOCK);
        assertThatThrownBy(() -> DeliveryOrderStatus.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DeliveryOrder.picking("O1", "F1").deliveryOrderId()).matches("[A-Za-z0-9_-]{1,64}");
    }
}
