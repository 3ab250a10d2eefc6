package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.FulfillItemRequest;
import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderItem;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FulfillServiceTest {
    private final Map<String, FulfillOrder> orders = new LinkedHashMap<>();
    private final Map<String, List<FulfillOrderItem>> items = new HashMap<>();
    private final List<String> remoteCalls = new ArrayList<>();
    private final List<String> statusUpdates = new ArrayList<>();
    private ErrorCode wmsRefusal;
    private ErrorCode tmsRefusal;

    /** order_fulfill (+ items) in memory, keyed by the unique order_id. */
    private final FulfillOrderRepository repository = new FulfillOrderRepository() {
        @Override
        public Optional<FulfillOrder> findByOrderId(String orderId) {
            return Optional.ofNullable(orders.get(orderId));
        }

        @Override
        public Optional<FulfillOrder> lockByOrderId(String orderId) {
            return findByOrderId(orderId);
        }

        @Override
        public boolean insert(FulfillOrder fulfillOrder, List<FulfillOrderItem> lines) {
            if (orders.putIfAbsent(fulfillOrder.orderId(), fulfillOrder) != null) {
                return false;
            }
            items.put(fulfillOrder.fulfillId(), lines);
            return true;
        }

        @Override
        public int countItems(String fulfillId) {
            return items.getOrDefault(fulfillId, List.of()).size();
        }

        /** UPDATE ... SET status = CANCELLED WHERE fulfill_id = ? AND status = from */
        @Override
        public boolean markCancelled(String fulfillId, FulfillOrderStatus from) {
            statusUpdates.add(fulfillId + ":" + from + "->CANCELLED");
            for (FulfillOrder o : orders.values()) {
                if (o.fulfillId().equals(fulfillId) && o.status() == from) {
                    orders.put(o.orderId(), new FulfillOrder(o.fulfillId(), o.orderId(), o.userId(), o.payAmount(),
                            FulfillOrderStatus.CANCELLED));
                    return true;
                }
            }
            return false;
        }
    };

    private final WmsGateway wms = new WmsGateway() {
        @Override
        public void pickGoods(PickGoodsRequest request) {
            remoteCalls.add("wms.pickGoods:" + request.getOrderId() + ":" + request.getPickItems().size());
        }

        @Override
        public void cancelPickGoods(String orderId) {
            remoteCalls.add("wms.cancelPickGoods:" + orderId);
            if (wmsRefusal != null) {
                throw new BizException(wmsRefusal);
            }
        }
    };

    private final TmsGateway tms = new TmsGateway() {
        @Override
        public void sendOut(SendOutRequest request) {
            remoteCalls.add("tms.sendOut:" + request.getOrderId() + ":" + request.getUserId());
        }

        @Override
        public void cancelSendOut(String orderId) {
            remoteCalls.add("tms.cancelSendOut:" + orderId);
            if (tmsRefusal != null) {
                throw new BizException(tmsRefusal);
            }
        }
    };

    private FulfillService service(InterceptionFaults faults) {
        return new FulfillService(repository, wms, tms, faults);
    }

    private final FulfillService service = service(new InterceptionFaults(FaultSwitches.disabled(), 0));

    @Test
    void receiveCreatesTheFulfillOrderThenPickingThenShippingOnce() {
        FulfillOrderDTO first = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));
        FulfillOrderDTO again = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));

        assertThat(again.getFulfillId()).isEqualTo(first.getFulfillId());
        assertThat(first.getItemCount()).isEqualTo(2);
        assertThat(remoteCalls).containsExactly("wms.pickGoods:O1:2", "tms.sendOut:O1:U1001");
        assertThat(service.getFulfillOrder("O1").getFulfillId()).isEqualTo(first.getFulfillId());
    }

    @Test
    void cancelMarksTheFulfillOrderCancelledAndKeepsItThenCancelsPickingThenShipping() {
        FulfillOrderDTO received = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));
        remoteCalls.clear();

        assertThat(service.cancelFulfill(cancel("O1"))).isTrue();

        // the row stays (and under Seata keeps its global lock): only its status changed, with CREATED as condition
        assertThat(orders).containsOnlyKeys("O1");
        assertThat(orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(statusUpdates).containsExactly(received.getFulfillId() + ":CREATED->CANCELLED");
        assertThat(items.get(received.getFulfillId())).hasSize(2);
        FulfillOrderDTO cancelled = service.getFulfillOrder("O1");
        assertThat(cancelled.getFulfillId()).isEqualTo(received.getFulfillId());
        assertThat(cancelled.getStatus()).isEqualTo(FulfillOrderStatus.CANCELLED.code()).isEqualTo(90);
        assertThat(cancelled.getItemCount()).isEqualTo(2);
        assertThat(remoteCalls).containsExactly("wms.cancelPickGoods:O1", "tms.cancelSendOut:O1");
    }

    @Test
    void cancellingTwiceIsAnIdempotentSuccessThatChangesTheRowOnce() {
        FulfillOrderDTO received = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2)));
        remoteCalls.clear();

        assertThat(service.cancelFulfill(cancel("O1"))).isTrue();
        assertThat(service.cancelFulfill(cancel("O1"))).isTrue();

        assertThat(statusUpdates).containsExactly(received.getFulfillId() + ":CREATED->CANCELLED");
        assertThat(orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(items.get(received.getFulfillId())).hasSize(1);
        // WMS and TMS are asked again each time: they are idempotent too, and may be the part a failed attempt missed
        assertThat(remoteCalls).containsExactly("wms.cancelPickGoods:O1", "tms.cancelSendOut:O1",
                "wms.cancelPickGoods:O1", "tms.cancelSendOut:O1");
    }

    @Test
    void receiveAfterCancelReturnsTheCancelledFulfillOrderAsItIsAndCreatesNothing() {
        FulfillOrderDTO received = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2)));
        service.cancelFulfill(cancel("O1"));
        remoteCalls.clear();
        statusUpdates.clear();

        FulfillOrderDTO again = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));

        assertThat(again.getFulfillId()).isEqualTo(received.getFulfillId());
        assertThat(again.getStatus()).isEqualTo(FulfillOrderStatus.CANCELLED.code());
        assertThat(again.getItemCount()).isEqualTo(1);
        assertThat(orders).hasSize(1);
        assertThat(orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(items).containsOnlyKeys(received.getFulfillId());
        assertThat(statusUpdates).isEmpty();
        assertThat(remoteCalls).as("no picking or shipping for an intercepted fulfillment").isEmpty();
    }

    @Test
    void aFulfillOrderThatChangedWhileLockedFailsTheInterceptionBeforeWmsAndTms() {
        orders.put("O1", new FulfillOrder("FO1", "O1", "U1001", 900, FulfillOrderStatus.CREATED));
        FulfillService racing = new FulfillService(new DelegatingRepository(repository) {
            @Override
            public boolean markCancelled(String fulfillId, FulfillOrderStatus from) {
                return false; // the conditional UPDATE matched no row
            }
        }, wms, tms, new InterceptionFaults(FaultSwitches.disabled(), 0));

        assertRefused(() -> racing.cancelFulfill(cancel("O1")), ErrorCode.SYSTEM_ERROR);
        assertThat(remoteCalls).isEmpty();
    }

    @Test
    void cancelOfAnUnfulfilledOrderIsASuccess() {
        assertThat(service.cancelFulfill(cancel("O-UNPAID"))).isTrue();
        assertThat(service.cancelFulfill(cancel("O-UNPAID"))).isTrue();
    }

    @Test
    void refusalsOfWmsAndTmsSurfaceWithTheirErrorCodes() {
        wmsRefusal = ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK;
        assertRefused(() -> service.cancelFulfill(cancel("O1")), ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK);
        assertThat(remoteCalls).containsExactly("wms.cancelPickGoods:O1");

        wmsRefusal = null;
        tmsRefusal = ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED;
        assertRefused(() -> service.cancelFulfill(cancel("O1")), ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED);
    }

    @Test
    void injectedInterceptionFailureComesAfterTheWmsCancellationAndBeforeTms() {
        service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2)));
        remoteCalls.clear();
        FulfillService failing = service(new InterceptionFaults(new FaultSwitches(true, Map.of()), 1.0));

        assertThatThrownBy(() -> failing.cancelFulfill(cancel("O1"))).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(ErrorCode.SYSTEM_ERROR);
            assertThat(e.getMessage()).isEqualTo("injected interception failure");
        });
        // the local cancellation and the WMS call happened: only the global rollback can undo them
        assertThat(orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(remoteCalls).containsExactly("wms.cancelPickGoods:O1");
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        ReceiveFulfillRequest noUser = receive("O1", item("SKU-1001", 1));
        noUser.setUserId(null);
        ReceiveFulfillRequest noAmount = receive("O1", item("SKU-1001", 1));
        noAmount.setPayAmount(0);
        FulfillItemRequest noPrice = item("SKU-1001", 1);
        noPrice.setSalePrice(null);
        FulfillItemRequest longName = item("SKU-1001", 1);
        longName.setProductName("n".repeat(129));
        List<Runnable> invalid = List.of(
                () -> service.receiveOrderFulfill(null),
                () -> service.receiveOrderFulfill(receive("O1")),
                () -> service.receiveOrderFulfill(receive("O 1", item("SKU-1001", 1))),
                () -> service.receiveOrderFulfill(noUser),
                () -> service.receiveOrderFulfill(noAmount),
                () -> service.receiveOrderFulfill(receive("O1", item("SKU-1001", 0))),
                () -> service.receiveOrderFulfill(receive("O1", noPrice)),
                () -> service.receiveOrderFulfill(receive("O1", longName)),
                () -> service.cancelFulfill(null),
                () -> service.cancelFulfill(cancel(null)),
                () -> service.getFulfillOrder(""));
        for (Runnable call : invalid) {
            assertRefused(call::run, ErrorCode.PARAM_INVALID);
        }
        assertThat(orders).isEmpty();
        assertThat(remoteCalls).isEmpty();
    }

    /** Forwards to another repository; override what a test needs to differ. */
    private static class DelegatingRepository implements FulfillOrderRepository {
        private final FulfillOrderRepository delegate;

        DelegatingRepository(FulfillOrderRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<FulfillOrder> findByOrderId(String orderId) {
            return delegate.findByOrderId(orderId);
        }

        @Override
        public Optional<FulfillOrder> lockByOrderId(String orderId) {
            return delegate.lockByOrderId(orderId);
        }

        @Override
        public boolean insert(FulfillOrder fulfillOrder, List<FulfillOrderItem> lines) {
            return delegate.insert(fulfillOrder, lines);
        }

        @Override
        public int countItems(String fulfillId) {
            return delegate.countItems(fulfillId);
        }

        @Override
        public boolean markCancelled(String fulfillId, FulfillOrderStatus from) {
            return delegate.markCancelled(fulfillId, from);
        }
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private static FulfillItemRequest item(String sku, int quantity) {
        FulfillItemRequest item = new FulfillItemRequest();
        item.setSkuCode(sku);
        item.setProductName("product " + sku);
        item.setSaleQuantity(quantity);
        item.setSalePrice(450);
        return item;
    }

    private static ReceiveFulfillRequest receive(String orderId, FulfillItemRequest... lines) {
        ReceiveFulfillRequest request = new ReceiveFulfillRequest();
        request.setOrderId(orderId);
        request.setUserId("U1001");
        request.setPayAmount(900);
        // an ArrayList, as Dubbo delivers it (Checks.notEmpty cannot take List.of: contains(null) throws)
        request.setFulfillItems(new ArrayList<>(Arrays.asList(lines)));
        return request;
    }

    private static CancelFulfillRequest cancel(String orderId) {
        CancelFulfillRequest request = new CancelFulfillRequest();
        request.setOrderId(orderId);
        return request;
    }
}
