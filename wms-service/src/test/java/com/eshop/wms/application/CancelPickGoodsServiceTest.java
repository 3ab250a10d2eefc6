package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.wms.domain.DeliveryOrderItem;
import com.eshop.wms.domain.DeliveryOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.util.ArrayList;
import java.util.List;

import static com.eshop.support.error.Refusals.assertRefused;
import static com.eshop.wms.application.WmsFixture.item;
import static com.eshop.wms.application.WmsFixture.pick;
import static org.assertj.core.api.Assertions.assertThat;

class CancelPickGoodsServiceTest {
    private final InMemoryDeliveryOrderRepository repository = new InMemoryDeliveryOrderRepository();
    private final List<String> remoteCalls = new ArrayList<>();
    private final PickGoodsService pickGoodsService = new PickGoodsService(repository);
    private final CancelPickGoodsService service = new CancelPickGoodsService(repository);
    private final DeliveryOrderQueryService queryService = new DeliveryOrderQueryService(repository);

    @Test
    void cancelPickGoodsMarksTheOrderCancelledKeepsItAndItsItemsAndIsIdempotent() {
        DeliveryOrderDTO picked = pickGoodsService.pickGoods(pick("O1", item("SKU-1001", 2)));

        assertThat(service.cancelPickGoods("O1")).isTrue();
        assertThat(service.cancelPickGoods("O1")).isTrue();
        assertThat(service.cancelPickGoods("NEVER-PICKED")).isTrue();

        // the row stays (and under Seata keeps its global lock): one conditional status change, PICKING -> CANCELLED
        assertThat(repository.statusUpdates).containsExactly(picked.getDeliveryOrderId() + ":PICKING->CANCELLED");
        assertThat(repository.orders).containsOnlyKeys("O1");
        assertThat(repository.items.get(picked.getDeliveryOrderId())).containsExactly(new DeliveryOrderItem("SKU-1001", 2));
        DeliveryOrderDTO cancelled = queryService.getDeliveryOrder("O1");
        assertThat(cancelled.getDeliveryOrderId()).isEqualTo(picked.getDeliveryOrderId());
        assertThat(cancelled.getStatus()).isEqualTo(DeliveryOrderStatus.CANCELLED.code()).isEqualTo(90);
        assertThat(queryService.getDeliveryOrder("NEVER-PICKED")).isNull();
        assertThat(remoteCalls).isEmpty();
    }

    @Test
    void pickingCannotBeCancelledAfterOutStock() {
        pickGoodsService.pickGoods(pick("O1", item("SKU-1001", 2)));
        new OutStockService(repository, remoteCalls::add, remoteCalls::add, TransactionOperations.withoutTransaction())
                .outStock("O1");

        assertRefused(() -> service.cancelPickGoods("O1"), ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK);
        assertThat(repository.orders).containsKey("O1");
        assertThat(repository.orders.get("O1").status()).isEqualTo(DeliveryOrderStatus.OUT_STOCK);
        assertThat(repository.statusUpdates).isEmpty();
    }

    @Test
    void anInvalidOrderIdIsRefusedBeforeAnythingChanges() {
        assertRefused(() -> service.cancelPickGoods(""), ErrorCode.PARAM_INVALID);
        assertThat(repository.statusUpdates).isEmpty();
    }
}
