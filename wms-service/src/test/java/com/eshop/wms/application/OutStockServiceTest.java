package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import com.eshop.wms.domain.DeliveryOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.util.ArrayList;
import java.util.List;

import static com.eshop.support.error.Refusals.assertRefused;
import static com.eshop.wms.application.WmsFixture.item;
import static com.eshop.wms.application.WmsFixture.pick;
import static org.assertj.core.api.Assertions.assertThat;

class OutStockServiceTest {
    private final InMemoryDeliveryOrderRepository repository = new InMemoryDeliveryOrderRepository();
    private final List<String> remoteCalls = new ArrayList<>();
    private ErrorCode orderServiceRefusal;

    private final PickGoodsService pickGoodsService = new PickGoodsService(repository);
    private final DeliveryOrderQueryService queryService = new DeliveryOrderQueryService(repository);
    private final OutStockService service = new OutStockService(repository,
            orderId -> {
                remoteCalls.add("order.confirmOutStock:" + orderId);
                if (orderServiceRefusal != null) {
                    throw new BizException(orderServiceRefusal);
                }
            },
            orderId -> remoteCalls.add("inventory.deductProductStock:" + orderId),
            TransactionOperations.withoutTransaction());

    @Test
    void outStockOfACancelledDeliveryOrderIsRefusedAndChangesNothing() {
        pickGoodsService.pickGoods(pick("O1", item("SKU-1001", 2)));
        new CancelPickGoodsService(repository).cancelPickGoods("O1");
        repository.statusUpdates.clear();

        assertRefused(() -> service.outStock("O1"), ErrorCode.DELIVERY_ORDER_CANCELLED);
        assertRefused(() -> service.outStock("O1"), ErrorCode.DELIVERY_ORDER_CANCELLED);

        assertThat(queryService.getDeliveryOrder("O1").getStatus()).isEqualTo(DeliveryOrderStatus.CANCELLED.code());
        assertThat(repository.statusUpdates).isEmpty();
        assertThat(remoteCalls).as("neither the order nor the stock is touched").isEmpty();
    }

    @Test
    void outStockMovesTheDeliveryOrderThenTheOrderThenTheStockOnce() {
        pickGoodsService.pickGoods(pick("O1", item("SKU-1001", 2)));

        assertThat(service.outStock("O1")).isTrue();
        assertThat(service.outStock("O1")).isTrue();

        assertThat(queryService.getDeliveryOrder("O1").getStatus()).isEqualTo(DeliveryOrderStatus.OUT_STOCK.code());
        assertThat(remoteCalls).containsExactly("order.confirmOutStock:O1", "inventory.deductProductStock:O1");
    }

    @Test
    void outStockRefusalsCarryTheirErrorCode() {
        assertRefused(() -> service.outStock("O-UNKNOWN"), ErrorCode.DELIVERY_ORDER_NOT_FOUND);
        assertThat(remoteCalls).isEmpty();

        pickGoodsService.pickGoods(pick("O1", item("SKU-1001", 2)));
        orderServiceRefusal = ErrorCode.ORDER_STATUS_NOT_OUT_STOCKABLE;
        // the refusal escapes, so Seata rolls the global transaction (this delivery order included) back
        assertRefused(() -> service.outStock("O1"), ErrorCode.ORDER_STATUS_NOT_OUT_STOCKABLE);
        assertThat(remoteCalls).containsExactly("order.confirmOutStock:O1");
    }

    @Test
    void anInvalidOrderIdIsRefusedBeforeAnythingChanges() {
        assertRefused(() -> service.outStock(null), ErrorCode.PARAM_INVALID);
        assertThat(repository.orders).isEmpty();
        assertThat(remoteCalls).isEmpty();
    }
}
