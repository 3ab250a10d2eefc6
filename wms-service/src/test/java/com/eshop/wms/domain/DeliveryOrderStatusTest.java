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
        assertThat(DeliveryOrderStatus.OUT_STOCK.isCancelled()).isFalse();
    }

    @Test
    void cancelledIsFinal() {
        assertThat(DeliveryOrderStatus.CANCELLED.isCancelled()).isTrue();
        assertThat(DeliveryOrderStatus.CANCELLED.canCancel()).isFalse();
        assertThat(DeliveryOrderStatus.CANCELLED.canMoveToOutStock()).isFalse();
        assertThat(DeliveryOrderStatus.PICKING.isCancelled()).isFalse();
    }

    @Test
    void codesMatchTheTable() {
        assertThat(DeliveryOrderStatus.of(10)).isEqualTo(DeliveryOrderStatus.PICKING);
        assertThat(DeliveryOrderStatus.of(20)).isEqualTo(DeliveryOrderStatus.OUT_STOCK);
        assertThat(DeliveryOrderStatus.of(90)).isEqualTo(DeliveryOrderStatus.CANCELLED);
        assertThatThrownBy(() -> DeliveryOrderStatus.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DeliveryOrder.picking("O1", "F1").deliveryOrderId()).matches("[A-Za-z0-9_-]{1,64}");
    }
}
