package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.PickItemRequest;
import com.eshop.support.error.BizException;
import com.eshop.wms.domain.DeliveryOrder;
import com.eshop.wms.domain.DeliveryOrderItem;
import com.eshop.wms.domain.DeliveryOrderRepository;
import com.eshop.wms.domain.DeliveryOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WmsServiceTest {
    private final Map<String, DeliveryOrder> orders = new LinkedHashMap<>();
    private final Map<String, List<DeliveryOrderItem>> items = new HashMap<>();
    private final List<String> remoteCalls = new ArrayList<>();
    private final List<String> statusUpdates = new ArrayList<>();
    private ErrorCode orderServiceRefusal;

    /** delivery_order (+ items) in memory, keyed by the unique order_id, with the mapper's conditions. */
    private final DeliveryOrderRepository repository = new DeliveryOrderRepository() {
        @Override
        public Optional<DeliveryOrder> findByOrderId(String orderId) {
            return Optional.ofNullable(orders.get(orderId));
        }

        @Override
        public Optional<DeliveryOrder> lockByOrderId(String orderId) {
            return findByOrderId(orderId);
        }

        @Override
        public boolean insert(DeliveryOrder deliveryOrder, List<DeliveryOrderItem> lines) {
            if (orders.putIfAbsent(deliveryOrder.orderId(), deliveryOrder) != null) {
                return false;
            }
            items.put(deliveryOrder.deliveryOrderId(), lines);
            return true;
        }

        @Override
        public boolean markOutStock(String deliveryOrderId) {
            for (DeliveryOrder d : orders.values()) {
                if (d.deliveryOrderId().equals(deliveryOrderId) && d.status() == DeliveryOrderStatus.PICKING) {
                    orders.put(d.orderId(), new DeliveryOrder(d.deliveryOrderId(), d.orderId(), d.fulfillId(),
                            DeliveryOrderStatus.OUT_STOCK));
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean markCancelled(String deliveryOrderId) {
            statusUpdates.add(deliveryOrderId + ":PICKING->CANCELLED");
            for (DeliveryOrder d : orders.values()) {
                if (d.deliveryOrderId().equals(deliveryOrderId) && d.status() == DeliveryOrderStatus.PICKING) {
                    orders.put(d.orderId(), new DeliveryOrder(d.deliveryOrderId(), d.orderId(), d.fulfillId(),
                            DeliveryOrderStatus.CANCELLED));
                    return true;
                }
            }
            return false;
        }
    };

    private final WmsService service = new WmsService(repository,
            orderId -> {
                remoteCalls.add("order.confirmOutStock:" + orderId);
                if (orderServiceRefusal != null) {
                    throw new BizException(orderServiceRefusal);
                }
            },
            orderId -> remoteCalls.add("inventory.deductProductStock:" + orderId),
            TransactionOperations.withoutTransaction());

    @Test
    void pickGoodsCreatesOneDeliveryOrderWithItsItemsPerOrder() {
        DeliveryOrderDTO first = service.pickGoods(pick("O1", item("SKU-1001", 2), item("SKU-1002", 1)));
        DeliveryOrderDTO again = service.pickGoods(pick("O1", item("SKU-1001", 2)));

        assertThat(again.getDeliveryOrderId()).isEqualTo(first.getDeliveryOrderId());
        assertThat(first.getStatus()).isEqualTo(DeliveryOrderStatus.PICKING.code());
        assertThat(items.get(first.getDeliveryOrderId()))
                .containsExactly(new DeliveryOrderItem("SKU-1001", 2), new DeliveryOrderItem("SKU-1002", 1));
        assertThat(orders).hasSize(1);
    }

    @Test
    void cancelPickGoodsMarksTheOrderCancelledKeepsItAndItsItemsAndIsIdempotent() {
        DeliveryOrderDTO picked = service.pickGoods(pick("O1", item("SKU-1001", 2)));

        assertThat(service.cancelPickGoods("O1")).isTrue();
        assertThat(service.cancelPickGoods("O1")).isTrue();
        assertThat(service.cancelPickGoods("NEVER-PICKED")).isTrue();

        // the row stays (and under Seata keeps its global lock): one conditional status change, PICKING -> CANCELLED
        assertThat(statusUpdates).containsExactly(picked.getDeliveryOrderId() + ":PICKING->CANCELLED");
        assertThat(orders).containsOnlyKeys("O1");
        assertThat(items.get(picked.getDeliveryOrderId())).containsExactly(new DeliveryOrderItem("SKU-1001", 2));
        DeliveryOrderDTO cancelled = service.getDeliveryOrder("O1");
        assertThat(cancelled.getDeliveryOrderId()).isEqualTo(picked.getDeliveryOrderId());
        assertThat(cancelled.getStatus()).isEqualTo(DeliveryOrderStatus.CANCELLED.code()).isEqualTo(90);
        assertThat(service.getDeliveryOrder("NEVER-PICKED")).isNull();
        assertThat(remoteCalls).isEmpty();
    }

    @Test
    void outStockOfACancelledDeliveryOrderIsRefusedAndChangesNothing() {
        service.pickGoods(pick("O1", item("SKU-1001", 2)));
        service.cancelPickGoods("O1");
        statusUpdates.clear();

        assertRefused(() -> service.outStock("O1"), ErrorCode.DELIVERY_ORDER_CANCELLED);
        assertRefused(() -> service.outStock("O1"), ErrorCode.DELIVERY_ORDER_CANCELLED);

        assertThat(service.getDeliveryOrder("O1").getStatus()).isEqualTo(DeliveryOrderStatus.CANCELLED.code());
        assertThat(statusUpdates).isEmpty();
        assertThat(remoteCalls).as("neither the order nor the stock is touched").isEmpty();
    }

    @Test
    void pickGoodsAgainAfterCancelReturnsTheCancelledDeliveryOrderAndCreatesNoSecond() {
        DeliveryOrderDTO picked = service.pickGoods(pick("O1", item("SKU-1001", 2)));
        service.cancelPickGoods("O1");

        DeliveryOrderDTO again = service.pickGoods(pick("O1", item("SKU-1001", 2), item("SKU-1002", 1)));

        assertThat(again.getDeliveryOrderId()).isEqualTo(picked.getDeliveryOrderId());
        assertThat(again.getStatus()).isEqualTo(DeliveryOrderStatus.CANCELLED.code());
        assertThat(orders).hasSize(1);
        assertThat(orders.get("O1").status()).isEqualTo(DeliveryOrderStatus.CANCELLED);
        assertThat(items).containsOnlyKeys(picked.getDeliveryOrderId());
        assertThat(items.get(picked.getDeliveryOrderId())).containsExactly(new DeliveryOrderItem("SKU-1001", 2));
    }

    @Test
    void outStockMovesTheDeliveryOrderThenTheOrderThenTheStockOnce() {
        service.pickGoods(pick("O1", item("SKU-1001", 2)));

        assertThat(service.outStock("O1")).isTrue();
        assertThat(service.outStock("O1")).isTrue();

        assertThat(service.getDeliveryOrder("O1").getStatus()).isEqualTo(DeliveryOrderStatus.OUT_STOCK.code());
        assertThat(remoteCalls).containsExactly("order.confirmOutStock:O1", "inventory.deductProductStock:O1");
    }

    @Test
    void pickingCannotBeCancelledAfterOutStock() {
        service.pickGoods(pick("O1", item("SKU-1001", 2)));
        service.outStock("O1");

        assertRefused(() -> service.cancelPickGoods("O1"), ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK);
        assertThat(orders).containsKey("O1");
        assertThat(orders.get("O1").status()).isEqualTo(DeliveryOrderStatus.OUT_STOCK);
        assertThat(statusUpdates).isEmpty();
    }

    @Test
    void outStockRefusalsCarryTheirErrorCode() {
        assertRefused(() -> service.outStock("O-UNKNOWN"), ErrorCode.DELIVERY_ORDER_NOT_FOUND);
        assertThat(remoteCalls).isEmpty();

        service.pickGoods(pick("O1", item("SKU-1001", 2)));
        orderServiceRefusal = ErrorCode.ORDER_STATUS_NOT_OUT_STOCKABLE;
        // the refusal escapes, so Seata rolls the global transaction (this delivery order included) back
        assertRefused(() -> service.outStock("O1"), ErrorCode.ORDER_STATUS_NOT_OUT_STOCKABLE);
        assertThat(remoteCalls).containsExactly("order.confirmOutStock:O1");
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        List<Runnable> invalid = List.of(
                () -> service.pickGoods(null),
                () -> service.pickGoods(pick("O1")),
                () -> service.pickGoods(pick(null, item("SKU-1001", 1))),
                () -> service.pickGoods(pick("O1", item("SKU-1001", 0))),
                () -> service.pickGoods(pick("O1", item("SKU 1001", 1))),
                () -> service.cancelPickGoods(""),
                () -> service.outStock(null),
                () -> service.getDeliveryOrder("O/1"));
        for (Runnable call : invalid) {
            assertRefused(call::run, ErrorCode.PARAM_INVALID);
        }
        PickGoodsRequest noFulfill = pick("O1", item("SKU-1001", 1));
        noFulfill.setFulfillId(null);
        assertRefused(() -> service.pickGoods(noFulfill), ErrorCode.PARAM_INVALID);
        assertThat(orders).isEmpty();
        assertThat(remoteCalls).isEmpty();
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private static PickItemRequest item(String sku, int quantity) {
        PickItemRequest item = new PickItemRequest();
        item.setSkuCode(sku);
        item.setPickQuantity(quantity);
        return item;
    }

    private static PickGoodsRequest pick(String orderId, PickItemRequest... lines) {
        PickGoodsRequest request = new PickGoodsRequest();
        request.setOrderId(orderId);
        request.setFulfillId("F1");
        // an ArrayList, as Dubbo delivers it (Checks.notEmpty cannot take List.of: contains(null) throws)
        request.setPickItems(new ArrayList<>(Arrays.asList(lines)));
        return request;
    }
}
