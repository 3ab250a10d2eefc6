package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.wms.domain.DeliveryOrderItem;
import com.eshop.wms.domain.DeliveryOrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.eshop.support.error.Refusals.assertRefused;
import static com.eshop.wms.application.WmsFixture.item;
import static com.eshop.wms.application.WmsFixture.pick;
import static org.assertj.core.api.Assertions.assertThat;

class PickGoodsServiceTest {
    private final InMemoryDeliveryOrderRepository repository = new InMemoryDeliveryOrderRepository();
    private final PickGoodsService service = new PickGoodsService(repository);

    @Test
    void pickGoodsCreatesOneDeliveryOrderWithItsItemsPerOrder() {
        DeliveryOrderDTO first = service.pickGoods(pick("O1", item("SKU-1001", 2), item("SKU-1002", 1)));
        DeliveryOrderDTO again = service.pickGoods(pick("O1", item("SKU-1001", 2)));

        assertThat(again.getDeliveryOrderId()).isEqualTo(first.getDeliveryOrderId());
        assertThat(first.getStatus()).isEqualTo(DeliveryOrderStatus.PICKING.code());
        assertThat(repository.items.get(first.getDeliveryOrderId()))
                .containsExactly(new DeliveryOrderItem("SKU-1001", 2), new DeliveryOrderItem("SKU-1002", 1));
        assertThat(repository.orders).hasSize(1);
    }

    @Test
    void pickGoodsAgainAfterCancelReturnsTheCancelledDeliveryOrderAndCreatesNoSecond() {
        DeliveryOrderDTO picked = service.pickGoods(pick("O1", item("SKU-1001", 2)));
        new CancelPickGoodsService(repository).cancelPickGoods("O1");

        DeliveryOrderDTO again = service.pickGoods(pick("O1", item("SKU-1001", 2), item("SKU-1002", 1)));

        assertThat(again.getDeliveryOrderId()).isEqualTo(picked.getDeliveryOrderId());
        assertThat(again.getStatus()).isEqualTo(DeliveryOrderStatus.CANCELLED.code());
        assertThat(repository.orders).hasSize(1);
        assertThat(repository.orders.get("O1").status()).isEqualTo(DeliveryOrderStatus.CANCELLED);
        assertThat(repository.items).containsOnlyKeys(picked.getDeliveryOrderId());
        assertThat(repository.items.get(picked.getDeliveryOrderId())).containsExactly(new DeliveryOrderItem("SKU-1001", 2));
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        List<Runnable> invalid = List.of(
                () -> service.pickGoods(null),
                () -> service.pickGoods(pick("O1")),
                () -> service.pickGoods(pick(null, item("SKU-1001", 1))),
                () -> service.pickGoods(pick("O1", item("SKU-1001", 0))),
                () -> service.pickGoods(pick("O1", item("SKU 1001", 1))));
        for (Runnable call : invalid) {
            assertRefused(call::run, ErrorCode.PARAM_INVALID);
        }
        PickGoodsRequest noFulfill = pick("O1", item("SKU-1001", 1));
        noFulfill.setFulfillId(null);
        assertRefused(() -> service.pickGoods(noFulfill), ErrorCode.PARAM_INVALID);
        assertThat(repository.orders).isEmpty();
    }
}
